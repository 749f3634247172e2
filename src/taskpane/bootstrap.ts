/**
 * The task pane page's entry: wires Office to the session and mounts the React pane. The page loads
 * Office.js from Microsoft's CDN with a script tag; when that fails (no network, opened outside
 * Office) the pane says so instead of staying blank.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { langOf, STRINGS } from "../addin/i18n";
import { Session } from "../addin/session";
import { registerCommands } from "../commands/commands";
import { OfficeAdapter, officeAvailable, whenOfficeReady } from "../excel/officeAdapter";
import { mountTaskpane } from "./index";

async function start(): Promise<void> {
  const root = document.getElementById("root")!;
  if (!officeAvailable()) {
    const lang = langOf(navigator.language);
    root.textContent = STRINGS[lang].officeUnavailable;
    root.setAttribute("role", "alert");
    return;
  }
  const info = await whenOfficeReady();
  const session = new Session(new OfficeAdapter());
  registerCommands(session);
  mountTaskpane(root, session, langOf(info.displayLanguage), info.dark ? webDarkTheme : webLightTheme);
}

void start();
