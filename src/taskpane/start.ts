/**
 * Start-up that cannot lose: the ribbon's functions are registered as soon as the page loads (a
 * click waits for the session), Office.onReady is awaited with a timeout, and only then is it
 * decided whether Excel is there. Outside Excel, or with office.js blocked, the pane says so
 * within seconds and points to the playground and the command line.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { langOf } from "../addin/i18n";
import { Session } from "../addin/session";
import { registerCommands } from "../commands/commands";
import { OfficeAdapter } from "../excel/officeAdapter";
import { connectToOffice, OfficeOutcome, READY_TIMEOUT_MS } from "../excel/startup";
import { mountTaskpane } from "./index";
import { initialLang } from "./language";
import { renderStartup } from "./startupView";

export async function startTaskpane(root: HTMLElement, timeoutMs = READY_TIMEOUT_MS, connect: (ms: number) => Promise<OfficeOutcome> = connectToOffice): Promise<Session | undefined> {
  let ready: (session: Session | undefined) => void = () => undefined;
  const session = new Promise<Session | undefined>((resolve) => (ready = resolve));
  registerCommands(session);
  renderStartup(root, "connecting", initialLang(navigator.language));
  const outcome = await connect(timeoutMs);
  if (outcome.kind !== "excel") {
    ready(undefined);
    renderStartup(root, outcome.kind, initialLang(("displayLanguage" in outcome && outcome.displayLanguage) || navigator.language));
    return undefined;
  }
  // The ribbon's 检查本表 writes notes in the language the pane would show.
  const s = new Session(new OfficeAdapter(outcome.host), initialLang(outcome.displayLanguage));
  ready(s);
  root.textContent = "";
  mountTaskpane(root, s, langOf(outcome.displayLanguage), outcome.dark ? webDarkTheme : webLightTheme);
  return s;
}
