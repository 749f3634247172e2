/**
 * The Office adapter: the WorkbookPort over Excel. Office.js lives only in src/excel, in small
 * modules behind this class: host.ts (Excel.run, errors), readSheet.ts (reading as Excel delivers),
 * marks.ts (conditional-format marks and notes), writes.ts (fixes and undo), report.ts (the report
 * sheet), settings.ts (the document's settings), startup.ts (Office start-up and the ribbon).
 */
import { Fix, isProfileId, parseA1, ProfileId } from "../engine";
import { Capabilities, ClearOutcome, Mark, PortError, SheetGrid, SheetInfo, UndoOutcome, WorkbookPort } from "../addin/port";
import type { ReportDocument } from "../addin/report";
import { DEFAULT_LIMITS, globalHost, HostLimits, OfficeHost, run, supports } from "./host";
import { clearHighlights, highlight } from "./marks";
import { readSheet } from "./readSheet";
import { ReportSheets } from "./report";
import { DocumentSettings, SETTING } from "./settings";
import { applyFixes, undoFix, UndoRecord } from "./writes";

export type { OfficeHost, HostLimits } from "./host";
export { DEFAULT_LIMITS } from "./host";
export { MARK_FILL } from "./marks";
export { isDarkColor } from "./startup";

export class OfficeAdapter implements WorkbookPort {
  private readonly settings: DocumentSettings;
  private readonly reports: ReportSheets;
  private undoRecord: UndoRecord | undefined;

  constructor(
    private readonly host: OfficeHost = globalHost(),
    private readonly limits: HostLimits = DEFAULT_LIMITS,
  ) {
    this.settings = new DocumentSettings(host);
    this.reports = new ReportSheets(host, this.settings, limits);
  }

  capabilities(): Capabilities {
    return { notes: supports(this.host, "1.18"), mergedAreas: supports(this.host, "1.13") };
  }

  displayLanguage(): string {
    return this.host.Office.context.displayLanguage ?? "zh-CN";
  }

  activeSheetName(): Promise<string> {
    return run(this.host, "read-failed", undefined, async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  sheets(): Promise<SheetInfo[]> {
    return run(this.host, "read-failed", undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/visibility");
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible", report: this.reports.isOurs(s.id) }));
    });
  }

  readSheet(name?: string): Promise<SheetGrid> {
    return readSheet(this.host, this.limits, name);
  }

  highlight(sheet: string, marks: Mark[]): Promise<void> {
    return highlight(this.host, this.limits, sheet, marks);
  }

  clearHighlights(sheet?: string): Promise<ClearOutcome> {
    return clearHighlights(this.host, sheet);
  }

  async applyFixes(sheet: string, fixes: Fix[]): Promise<void> {
    const record = await applyFixes(this.host, this.limits, sheet, fixes);
    if (record) this.undoRecord = record;
  }

  canUndo(): boolean {
    return this.undoRecord !== undefined;
  }

  async undoLastFix(): Promise<UndoOutcome> {
    const record = this.undoRecord;
    if (!record) throw new PortError("nothing-to-undo", "nothing to undo");
    try {
      const outcome = await undoFix(this.host, this.limits, record);
      this.undoRecord = undefined;
      return outcome;
    } catch (e) {
      // The sheet is gone: there is nothing left to undo (a protected sheet keeps the undo for later).
      if (e instanceof PortError && e.kind === "no-sheet") this.undoRecord = undefined;
      throw e;
    }
  }

  /** Shows the sheet and selects the cell (a hidden sheet fails: callers only open visible ones). */
  selectCell(sheet: string, cell: string): Promise<void> {
    parseA1(cell); // a malformed address fails here, not inside Excel
    return run(this.host, "read-failed", sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  writeReport(report: ReportDocument): Promise<string> {
    return this.reports.write(report);
  }

  loadProfile(): ProfileId | null {
    const v = this.settings.get(SETTING.profile);
    return typeof v === "string" && isProfileId(v) ? v : null;
  }

  async saveProfile(id: ProfileId | null): Promise<void> {
    if (!this.settings.set(SETTING.profile, id)) throw new PortError("settings-failed", "the profile does not fit in the document's settings");
    await this.settings.save();
  }
}
