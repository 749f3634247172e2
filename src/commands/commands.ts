/**
 * Ribbon commands (Home tab, group 绩效自评). 检查本表 runs the check and marks the sheet without
 * opening the pane; it shares the session with the pane (shared runtime), so opening 核对面板
 * afterwards shows the same findings. The FunctionName in manifest.xml must match.
 */
import type { Session } from "../addin/session";
import { associateCommand } from "../excel/officeAdapter";

export const COMMANDS = { checkSheet: "checkSheet" } as const;

export function registerCommands(session: Session): void {
  associateCommand(COMMANDS.checkSheet, () => session.checkActiveSheet());
}
