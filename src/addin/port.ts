/**
 * The port between the add-in and Excel. The Office adapter (src/excel) is its only implementation
 * that touches Excel.*; React components and ribbon commands receive a port and never see Office.
 */
import type { Fix, Grid, ProfileId, Severity } from "../engine";

export interface Mark {
  cell: string;
  severity: Severity;
  /** Explanation shown as a cell note where notes are available (ExcelApi 1.18). */
  note?: string;
}

export interface Capabilities {
  /** Explanations as cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Merged areas can be read (ExcelApi 1.13); without them merges are not known. */
  mergedAreas: boolean;
}

/** One line of the report sheet, worded in the display language (severity and problem as the pane shows them). */
export interface ReportRow {
  sheet: string;
  cell: string;
  severity: string;
  problem: string;
  message: string;
  fixable: boolean;
}

export type PortErrorKind = "protected" | "write-failed" | "read-failed" | "no-sheet" | "nothing-to-undo";

/** A failure the user can act on; the UI words it in the display language by its kind. */
export class PortError extends Error {
  constructor(
    readonly kind: PortErrorKind,
    message: string,
    readonly sheet?: string,
  ) {
    super(message);
    this.name = "PortError";
  }
}

export interface WorkbookPort {
  capabilities(): Capabilities;
  /** Office's display language, e.g. "zh-CN", "en-US". */
  displayLanguage(): string;
  activeSheetName(): Promise<string>;
  sheetNames(): Promise<string[]>;
  /** The used range of a sheet (the active one when no name is given) as the engine's grid. */
  readSheet(name?: string): Promise<Grid>;
  /** Mark cells (errors red, warnings amber), replacing this sheet's earlier marks; original fills are kept to restore. */
  highlight(sheet: string, marks: Mark[]): Promise<void>;
  /** Restore the fills (and remove the notes) of every mark, on one sheet or all. */
  clearHighlights(sheet?: string): Promise<void>;
  /** Write a fix plan in one batch, keeping what it overwrites for undo. Throws PortError. */
  applyFixes(sheet: string, fixes: Fix[]): Promise<void>;
  canUndo(): boolean;
  /** Put back what the last applyFixes overwrote (values, formulas, number formats, fills). */
  undoLastFix(): Promise<string>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Create (or clear) the report sheet and write the rows; returns the sheet's name. */
  writeReport(title: string, header: string[], rows: ReportRow[]): Promise<string>;
  /** The profile chosen for this workbook (stored in the document's settings), or null for automatic. */
  loadProfile(): ProfileId | null;
  saveProfile(id: ProfileId | null): Promise<void>;
}
