/**
 * An in-memory WorkbookPort for UI and session tests: sheets are MemoryGrids built from the
 * fixtures, fixes are written and recalculated by HyperFormula (recalc.ts), and everything the
 * add-in does to the workbook (marks, selection, writes, report, undo) is recorded to assert on.
 */
import { Cell, Fix, MemoryGrid, parseA1, ProfileId } from "../../src/engine";
import { Capabilities, ClearOutcome, Mark, PortError, SheetInfo, UndoOutcome, WorkbookPort } from "../../src/addin/port";
import type { ReportDocument } from "../../src/addin/report";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";
import { applyFixes } from "./recalc";

export interface MemoryPortOptions {
  /** Cell notes available (ExcelApi 1.18); true when not given. */
  notes?: boolean;
  /** The profile stored in the document's settings. */
  profile?: ProfileId | null;
}

interface UndoSnapshot {
  sheet: string;
  grid: MemoryGrid;
}

export class MemoryPort implements WorkbookPort {
  private readonly grids = new Map<string, MemoryGrid>();
  /** The marks currently on each sheet. */
  readonly marks = new Map<string, Mark[]>();
  /** Every applyFixes call, in order. */
  readonly writes: { sheet: string; fixes: Fix[] }[] = [];
  readonly undoSnapshots: UndoSnapshot[] = [];
  selected?: { sheet: string; cell: string };
  report?: ReportDocument;
  /** The active sheet: the first one, until a cell is selected on another. */
  active: string;
  profile: ProfileId | null;
  private readonly protectedSheets = new Set<string>();
  private readonly options: MemoryPortOptions;
  private readsHeld = false;
  private readonly heldReads: (() => void)[] = [];

  constructor(specs: SheetSpec[], options: MemoryPortOptions = {}) {
    for (const spec of specs) this.grids.set(spec.name, toGrid(spec));
    this.active = specs[0].name;
    this.profile = options.profile ?? null;
    this.options = options;
  }

  /** Writes to this sheet fail as Excel fails on a protected sheet. */
  protect(sheet: string): void {
    this.protectedSheets.add(sheet);
  }

  /** From now on every readSheet waits until released, so a test can see the pane while busy. */
  holdReads(): void {
    this.readsHeld = true;
  }

  /** Let the oldest waiting read go on (the hold stays for later reads). */
  releaseOneRead(): void {
    this.heldReads.shift()?.();
  }

  /** Stop holding and let every waiting read go on. */
  releaseReads(): void {
    this.readsHeld = false;
    for (const go of this.heldReads.splice(0)) go();
  }

  get waitingReads(): number {
    return this.heldReads.length;
  }

  cell(sheet: string, address: string): Cell | undefined {
    const { row, col } = parseA1(address);
    return this.grid(sheet).cell(row, col);
  }

  private grid(sheet: string): MemoryGrid {
    const grid = this.grids.get(sheet);
    if (!grid) throw new PortError("no-sheet", `no sheet ${sheet}`, sheet);
    return grid;
  }

  capabilities(): Capabilities {
    return { notes: this.options.notes ?? true, mergedAreas: true };
  }

  displayLanguage(): string {
    return "zh-CN";
  }

  async activeSheetName(): Promise<string> {
    return this.active;
  }

  async sheets(): Promise<SheetInfo[]> {
    return [...this.grids.keys()].map((name) => ({ name, visible: true, report: name === this.report?.sheetName }));
  }

  async readSheet(name?: string): Promise<MemoryGrid> {
    if (this.readsHeld) await new Promise<void>((go) => this.heldReads.push(go));
    return this.grid(name ?? this.active);
  }

  async highlight(sheet: string, marks: Mark[]): Promise<void> {
    this.grid(sheet);
    this.marks.set(sheet, marks);
  }

  async clearHighlights(sheet?: string): Promise<ClearOutcome> {
    if (sheet === undefined) this.marks.clear();
    else this.marks.delete(sheet);
    return { skipped: [] };
  }

  async applyFixes(sheet: string, fixes: Fix[]): Promise<void> {
    const before = this.grid(sheet);
    if (this.protectedSheets.has(sheet)) throw new PortError("protected", `sheet ${sheet} is protected`, sheet);
    this.undoSnapshots.push({ sheet, grid: before });
    this.grids.set(sheet, applyFixes(before, fixes));
    this.writes.push({ sheet, fixes });
  }

  canUndo(): boolean {
    return this.undoSnapshots.length > 0;
  }

  async undoLastFix(): Promise<UndoOutcome> {
    const last = this.undoSnapshots.pop();
    if (!last) throw new PortError("nothing-to-undo", "nothing to undo");
    this.grids.set(last.sheet, last.grid);
    return { sheet: last.sheet, left: [] };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.grid(sheet);
    this.active = sheet;
    this.selected = { sheet, cell };
  }

  async writeReport(report: ReportDocument): Promise<string> {
    this.report = report;
    const { header, rows } = report.findings;
    const values = [header, ...rows.map((r) => [r.sheet, r.cell, r.severityText, r.problem, r.explanation, r.stated, r.expected, r.statusText])];
    this.grids.set(report.sheetName, MemoryGrid.fromValues(report.sheetName, values));
    return report.sheetName;
  }

  loadProfile(): ProfileId | null {
    return this.profile;
  }

  async saveProfile(id: ProfileId | null): Promise<void> {
    this.profile = id;
  }
}
