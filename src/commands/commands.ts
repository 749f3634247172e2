/**
 * Ribbon commands (Home tab, group 绩效自评). 检查本表 runs the check and marks the sheet without
 * opening the pane; it shares the session with the pane (shared runtime), so opening 核对面板
 * afterwards shows the same findings. When the check fails or finds problems, the pane opens by
 * itself, so that the user learns it. The FunctionName in manifest.xml must match.
 */
import type { Session } from "../addin/session";
import { associateCommand, showTaskpane } from "../excel/startup";

export const COMMANDS = { checkSheet: "checkSheet" } as const;

/**
 * Register the ribbon's functions at once, before Office is ready: a click whose function is not
 * yet associated would be lost. A click that comes before the session exists waits for it; the
 * session resolves to undefined when start-up finds no Excel (the click then just completes).
 * False when there is no ribbon (office.js did not load).
 */
export function registerCommands(session: Session | Promise<Session | undefined>, showPane: () => Promise<void> = showTaskpane): boolean {
  return associateCommand(COMMANDS.checkSheet, async () => {
    const s = await session;
    if (!s) return;
    const result = await s.checkActiveSheet();
    const state = s.getState();
    // Busy with another task (no result), failed, not marked, or problems found: the pane says what.
    const problems = !!result?.findings.some((f) => f.severity !== "info");
    if (!result || state.error || state.notice?.kind === "not-marked" || problems) await showPane();
  });
}
