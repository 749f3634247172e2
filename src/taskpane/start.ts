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
import { renderStartup } from "./startupView";

export async function startTaskpane(root: HTMLElement, timeoutMs = READY_TIMEOUT_MS, connect: (ms: number) => Promise<OfficeOutcome> = connectToOffice): Promise<Session | undefined> {
  let ready: (session: Session | undefined) => void = () => undefined;
  const session = new Promise<Session | undefined>((resolve) => (ready = resolve));
  registerCommands(session);
  renderStartup(root, "connecting", langOf(navigator.language));
  const outcome = await connect(timeoutMs);
  if (outcome.kind !== "excel") {
    ready(undefined);
    renderStartup(root, outcome.kind, langOf(("displayLanguage" in outcome && outcome.displayLanguage) || navigator.language));
    return undefined;
  }
  const s = new Session(new OfficeAdapter(outcome.host));
  ready(s);
  root.textContent = "";
  mountTaskpane(root, s, langOf(outcome.displayLanguage), outcome.dark ? webDarkTheme : webLightTheme);
  return s;
}
