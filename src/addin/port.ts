/**
 * The port between the add-in and Excel. The Office adapter (src/excel) is its only implementation
 * that touches Excel.*; React components and ribbon commands receive a port and never see Office.
 */
import type { Fix, Grid, ProfileId, Severity } from "../engine";
import type { ReportDocument } from "./report";

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

/** A worksheet as the add-in lists it. */
export interface SheetInfo {
  name: string;
  /** Hidden or very hidden sheets are not checked with the workbook and never activated. */
  visible: boolean;
  /** A 核对报告 sheet this add-in wrote (a sheet of the user's with that name is not one). */
  report: boolean;
}

/** Something the read could not deliver as Excel holds it; the findings may be incomplete. */
export type ReadGap =
  /** Excel refused the merged areas of part of the sheet (more than 512 in a block): read without them. */
  | "merges"
  /** The workbook calculates manually: it was recalculated before reading. */
  | "recalculated";

/** A sheet as read: the engine's grid, and what could not be read as Excel holds it. */
export type SheetGrid = Grid & { readonly readGaps?: readonly ReadGap[] };

/** What 撤销上次修复 did: the sheet (by its current name) and the cells it left because the user changed them since. */
export interface UndoOutcome {
  sheet: string;
  left: string[];
  /** Rows or columns were inserted or deleted around the fixed cells since the fix: nothing was put back. */
  moved?: boolean;
}

/** What 清除标记 did: sheets whose marks stay because they are protected now. */
export interface ClearOutcome {
  skipped: string[];
}

export type PortErrorKind =
  | "protected"
  | "write-failed"
  | "read-failed"
  | "no-sheet"
  | "nothing-to-undo"
  /** Excel refused the request because the user is editing a cell. */
  | "cell-edit"
  /** The document's settings could not be saved. */
  | "settings-failed";

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
  /** Every worksheet in tab order, hidden ones included (flagged). */
  sheets(): Promise<SheetInfo[]>;
  /** The sheet's cells with values (the active one when no name is given) as the engine's grid. */
  readSheet(name?: string): Promise<SheetGrid>;
  /** Mark cells (errors red, warnings amber), replacing this sheet's earlier marks; the cells' own formatting is never changed. */
  highlight(sheet: string, marks: Mark[]): Promise<void>;
  /** Remove the marks (and the notes the add-in wrote) from one sheet or all. */
  clearHighlights(sheet?: string): Promise<ClearOutcome>;
  /** Write a fix plan, keeping what it overwrites for undo. Throws PortError. */
  applyFixes(sheet: string, fixes: Fix[]): Promise<void>;
  canUndo(): boolean;
  /** Put back what the last applyFixes overwrote, except cells changed since. */
  undoLastFix(): Promise<UndoOutcome>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Write the report sheet (never over a sheet of the user's), laid out for A4 landscape; returns the sheet's name. */
  writeReport(report: ReportDocument): Promise<string>;
  /** The profile chosen for this workbook (stored in the document's settings), or null for automatic. */
  loadProfile(): ProfileId | null;
  saveProfile(id: ProfileId | null): Promise<void>;
}
