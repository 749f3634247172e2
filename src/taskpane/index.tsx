/** The task pane's entry: render the pane for a session. The Office wiring that makes the session lives in bootstrap.ts. */
import { createRoot, Root } from "react-dom/client";
import type { Theme } from "@fluentui/react-components";
import type { Session } from "../addin/session";
import type { Lang } from "../addin/i18n";
import { App } from "./App";

export function mountTaskpane(element: HTMLElement, session: Session, lang: Lang, theme?: Theme): Root {
  const root = createRoot(element);
  root.render(<App session={session} lang={lang} theme={theme} />);
  return root;
}
