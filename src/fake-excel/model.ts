/**
 * The workbook behind the fake Excel API, kept as Excel keeps it: cell contents (formulas evaluated by
 * HyperFormula, a real formula engine; text stored as text), the values a cell shows (a file's saved
 * results, and values left stale in Manual calculation), number formats, fills, merges, notes,
 * threaded comments, conditional formats, protection of locked cells, hidden sheets, stable sheet ids,
 * the calculation mode, cell-edit mode and the document's saved settings. Used by the adapter's tests
 * and by the playground page as its in-browser Excel.
 */
import { HyperFormula } from "hyperformula";
import type { Cell, CellValue, Grid, MergeArea } from "../engine/grid";
import { a1, isCellError, MemoryGrid } from "../engine/grid";
import { ERROR_VALUES, parseTyped, Typed } from "./typedInput";

/**
 * A cell's own fill as Excel keeps it. `color` is the base colour; a theme colour's tint is kept
 * apart in `tintAndShade` and applied when the cell is drawn. Gradients ("LinearGradient",
 * "RectangularGradient") can be loaded from a file but not set through the API.
 */
export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A conditional format: drawn over the cells of its areas when its rule holds, without touching their own fill. */
export interface ConditionalFormatModel {
  id: string;
  type: string;
  areas: Bounds[];
  /** The custom rule's formula (type Custom). */
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue: boolean;
}

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/** A cell's hyperlink (Range.hyperlink, ExcelApi 1.7): a URL (`address`) or a place in the workbook (`documentReference`). */
export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** How a cell's text is laid out (wrap and alignment) and its font size; absent = Excel's default. */
export interface CellLayout {
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  fontSize?: number;
}

/** Worksheet.pageLayout (ExcelApi 1.9): what printing uses. */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  /** The print area's areas; none = the used range. */
  printArea: Bounds[] | undefined;
  /** The rows repeated at the top of every printed page (whole rows). */
  printTitleRows: { top: number; bottom: number } | undefined;
  /** Either a percentage or a number of pages across and down (0 down: as many as needed). */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printGridlines: boolean;
}

/** Excel's default column width (8.43 characters of the default font) and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** A value Excel shows that is not what the formula gives now: a file's saved result, or a stale one (Manual calculation). */
interface Shown {
  value: ExcelValue;
  type: ValueType;
  /** Waiting for a recalculation (Manual mode); a file's saved results are clean. */
  dirty: boolean;
}

export interface SheetModel {
  /** Stable while the sheet is renamed or moved (Excel's worksheet.id). */
  readonly id: string;
  name: string;
  visibility: Visibility;
  formats: Map<string, string>;
  fills: Map<string, Fill>;
  bold: Set<string>;
  notes: Map<string, string>;
  /** Threaded comments (ExcelApi 1.10): the thread's first comment per cell. */
  comments: Map<string, string>;
  merges: MergeArea[];
  /** In priority order: the first one wins. */
  conditionalFormats: ConditionalFormatModel[];
  protected: boolean;
  /** What a protected sheet still allows (Review → Protect Sheet options). */
  allowFormatCells: boolean;
  /** Cells unlocked for editing on a protected sheet (every cell is locked by default). */
  unlocked: Set<string>;
  shown: Map<string, Shown>;
  /** A loaded formula's text as the file wrote it (HyperFormula may print it differently). */
  formulaText: Map<string, string>;
  hyperlinks: Map<string, Hyperlink>;
  layout: Map<string, CellLayout>;
  /** Widths set on columns and heights set on rows, in points (others have the default; a fitted row has none). */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: PageLayoutModel;
}

export const key = (row: number, col: number) => `${row},${col}`;
const unkey = (k: string) => k.split(",").map(Number) as [number, number];

/** Values as Excel.Range.values gives them: numbers, strings, booleans; errors as "#DIV/0!"; empty as "". */
export type ExcelValue = string | number | boolean;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A failure the fake API turns into a RichApi error with this code. */
export class ModelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a writer puts in a cell: parsed like typing, or exactly (a file being loaded). */
export type Content = { typed: unknown } | { exact: { value: CellValue; formula?: string } };

export class WorkbookModel {
  readonly hf: HyperFormula;
  readonly sheets: SheetModel[] = [];
  active = 0;
  selection: { sheet: string; address: string } | undefined;
  /** The document's settings as saved (Office.context.document.settings after saveAsync). */
  readonly settings = new Map<string, unknown>();
  calculationMode: "Automatic" | "Manual" = "Automatic";
  private editing = false;
  private readonly editWaiters: (() => void)[] = [];
  private nextId = 1;
  /** Change listeners (the playground redraws its grid). */
  private readonly listeners = new Set<() => void>();

  constructor() {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  /* ---------------- sheets ---------------- */

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A sheet by its name or its id (as worksheets.getItem takes either). */
  sheetByKey(nameOrId: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheet(nameOrId);
  }

  private must(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new ModelError("ItemNotFound", `no sheet ${name}`);
    return s;
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new ModelError("ItemNotFound", `no sheet ${name}`);
    return id;
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new ModelError("ItemAlreadyExists", `sheet ${name} exists`);
    this.hf.addSheet(name);
    const id = `{${String(this.nextId++).padStart(8, "0")}-0001-4000-8000-${Math.random().toString(16).slice(2, 14).padEnd(12, "0")}}`;
    const s: SheetModel = {
      id,
      name,
      visibility: "Visible",
      formats: new Map(),
      fills: new Map(),
      bold: new Set(),
      notes: new Map(),
      comments: new Map(),
      merges: [],
      conditionalFormats: [],
      protected: false,
      allowFormatCells: false,
      unlocked: new Set(),
      shown: new Map(),
      formulaText: new Map(),
      hyperlinks: new Map(),
      layout: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      // Excel's defaults for a new sheet (en-US: Letter).
      pageLayout: { orientation: "Portrait", paperSize: "Letter", printArea: undefined, printTitleRows: undefined, zoom: { scale: 100 }, printGridlines: false },
    };
    this.sheets.push(s);
    return s;
  }

  renameSheet(from: string, to: string): void {
    const s = this.must(from);
    if (from === to) return;
    if (this.sheet(to)) throw new ModelError("ItemAlreadyExists", `sheet ${to} exists`);
    this.hf.renameSheet(this.sheetId(from), to);
    s.name = to;
  }

  deleteSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i < 0) return;
    this.hf.removeSheet(this.sheetId(name));
    this.sheets.splice(i, 1);
    if (this.active >= this.sheets.length) this.active = Math.max(0, this.sheets.length - 1);
  }

  /** Load a sheet from an engine grid (fixtures): text stays text, formulas keep the values the grid states. */
  addGrid(grid: Grid): SheetModel {
    const s = this.addSheet(grid.sheetName);
    s.merges = grid.merges.map((m) => ({ ...m }));
    const data: (string | number | boolean | null)[][] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 0; c < grid.colCount; c++) {
        const cell = grid.cell(r, c);
        row.push(cell ? hfContent(cell.formula ? { kind: "formula", formula: cell.formula } : typedOf(cell.value)) : null);
        if (cell?.numFmt) s.formats.set(key(r, c), cell.numFmt);
        if (cell?.formula) {
          s.formulaText.set(key(r, c), cell.formula);
          if (cell.value !== null) s.shown.set(key(r, c), shownOf(cell.value, false));
        }
      }
      data.push(row);
    }
    if (data.length) this.hf.setSheetContent(this.sheetId(s.name), data);
    return s;
  }

  /* ---------------- cell contents ---------------- */

  /** What the cell holds: a formula with its "=", or a constant (text without any quote prefix). */
  input(sheet: string, row: number, col: number): string | number | boolean | null {
    const s = this.must(sheet);
    const text = s.formulaText.get(key(row, col));
    if (text !== undefined) return text;
    const v = this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row, col });
    if (v === null || v === undefined) return null;
    if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
    return v as string | number | boolean;
  }

  isFormula(sheet: string, row: number, col: number): boolean {
    return this.hf.doesCellHaveFormula({ sheet: this.sheetId(sheet), row, col });
  }

  /** The value as Excel shows it (and Range.values gives it). */
  value(sheet: string, row: number, col: number): ExcelValue {
    return this.valueAndType(sheet, row, col).value;
  }

  valueType(sheet: string, row: number, col: number): ValueType {
    return this.valueAndType(sheet, row, col).type;
  }

  private valueAndType(sheet: string, row: number, col: number): { value: ExcelValue; type: ValueType } {
    const shown = this.must(sheet).shown.get(key(row, col));
    if (shown) return shown;
    const address = { sheet: this.sheetId(sheet), row, col };
    const v = this.hf.getCellValue(address);
    if (v === null || v === undefined) return { value: "", type: this.isFormula(sheet, row, col) ? "Double" : "Empty" };
    if (typeof v === "object") return { value: String((v as { value: string }).value), type: "Error" };
    if (typeof v === "number") return { value: v, type: "Double" };
    if (typeof v === "boolean") return { value: v, type: "Boolean" };
    return { value: v, type: "String" };
  }

  /** Range.formulas: the formula, or the constant as the cell holds it ("" when empty). */
  formula(sheet: string, row: number, col: number): ExcelValue {
    const input = this.input(sheet, row, col);
    return input === null ? "" : input;
  }

  /**
   * Put content into cells, as Range.values/formulas setters (or typing) do: parsed like typing
   * unless exact. Fails (nothing written) on a formula Excel would refuse. Cells that depend on
   * what changed are recalculated, or left showing their old values in Manual calculation.
   */
  write(sheet: string, top: number, left: number, contents: Content[][]): void {
    const s = this.must(sheet);
    const hfData: (string | number | boolean | null)[][] = [];
    const formats: { r: number; c: number; format: string }[] = [];
    contents.forEach((row, i) => {
      const out: (string | number | boolean | null)[] = [];
      row.forEach((content, j) => {
        const r = top + i;
        const c = left + j;
        const typed = "typed" in content ? parseTyped(content.typed, this.format(sheet, r, c)) : content.exact.formula ? ({ kind: "formula", formula: content.exact.formula } as Typed) : typedOf(content.exact.value);
        if (typed.kind === "formula" && !this.hf.validateFormula(typed.formula)) {
          throw new ModelError("InvalidArgument", `There's a problem with this formula: ${typed.formula}`);
        }
        if (typed.kind === "number" && typed.format && "typed" in content && this.format(sheet, r, c) === "General") formats.push({ r, c, format: typed.format });
        out.push(hfContent(typed));
      });
      hfData.push(out);
    });
    const written = contents.flatMap((row, i) => row.map((_, j) => ({ sheet: this.sheetId(sheet), row: top + i, col: left + j })));
    const writtenKeys = new Set(written.map((a) => key(a.row, a.col)));
    const dependents = this.dependentsOf(written).filter((d) => !(d.sheet === this.sheetId(sheet) && writtenKeys.has(key(d.row, d.col))));
    if (this.calculationMode === "Manual") {
      // Excel leaves what depends on the change as it was until the next calculation.
      for (const d of dependents) {
        const ds = this.sheetOfId(d.sheet);
        const k = key(d.row, d.col);
        const current = ds.shown.get(k) ?? this.valueAndType(ds.name, d.row, d.col);
        ds.shown.set(k, { ...current, dirty: true });
      }
    } else {
      for (const d of dependents) this.sheetOfId(d.sheet).shown.delete(key(d.row, d.col));
    }
    for (const k of writtenKeys) {
      s.shown.delete(k);
      s.formulaText.delete(k);
    }
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row: top, col: left }, hfData);
    for (const f of formats) this.setFormat(sheet, f.r, f.c, f.format);
  }

  /** Type into one cell (tests: "the user edits J9"); "" clears it. */
  setInput(sheet: string, row: number, col: number, input: unknown): void {
    this.write(sheet, row, col, [[{ typed: input }]]);
  }

  /** Every cell whose formula depends, directly or not, on one of these cells. */
  private dependentsOf(cells: { sheet: number; row: number; col: number }[]): { sheet: number; row: number; col: number }[] {
    const seen = new Set<string>();
    const out: { sheet: number; row: number; col: number }[] = [];
    const queue: Parameters<HyperFormula["getCellDependents"]>[0][] = [...cells];
    while (queue.length && out.length < 200_000) {
      const next = queue.shift()!;
      let deps: ReturnType<HyperFormula["getCellDependents"]>;
      try {
        deps = this.hf.getCellDependents(next);
      } catch {
        continue;
      }
      for (const d of deps) {
        const id = "start" in d ? `${d.start.sheet}!${d.start.row},${d.start.col}:${d.end.row},${d.end.col}` : `${d.sheet}!${d.row},${d.col}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (!("start" in d)) out.push(d);
        queue.push(d);
      }
    }
    return out;
  }

  private sheetOfId(hfId: number): SheetModel {
    return this.must(this.hf.getSheetName(hfId)!);
  }

  /** Application.calculate: Recalculate brings stale values up to date; Full also recalculates a file's saved results. */
  calculate(type: "Recalculate" | "Full" | "FullRebuild"): void {
    for (const s of this.sheets) {
      for (const [k, shown] of [...s.shown]) if (type !== "Recalculate" || shown.dirty) s.shown.delete(k);
    }
  }

  setCalculationMode(mode: "Automatic" | "Manual"): void {
    this.calculationMode = mode;
    // Switching back to Automatic calculates what was waiting.
    if (mode === "Automatic") this.calculate("Recalculate");
  }

  /* ---------------- cell-edit mode ---------------- */

  /** The user is typing in a cell: API batches fail, or wait when they asked to (delayForCellEdit). */
  startCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    for (const go of this.editWaiters.splice(0)) go();
  }

  get cellEditing(): boolean {
    return this.editing;
  }

  whenNotEditing(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  /* ---------------- formats ---------------- */

  format(sheet: string, row: number, col: number): string {
    return this.must(sheet).formats.get(key(row, col)) ?? "General";
  }

  setFormat(sheet: string, row: number, col: number, fmt: string): void {
    const s = this.must(sheet);
    if (fmt === "General" || fmt === "") s.formats.delete(key(row, col));
    else s.formats.set(key(row, col), fmt);
  }

  fill(sheet: string, row: number, col: number): Fill {
    return { ...(this.must(sheet).fills.get(key(row, col)) ?? NO_FILL) };
  }

  setFill(sheet: string, row: number, col: number, fill: Fill): void {
    const s = this.must(sheet);
    if (fill.pattern === "None") s.fills.delete(key(row, col));
    else s.fills.set(key(row, col), { ...fill });
  }

  /** What the cell looks like: a conditional format whose rule holds, over the cell's own fill (tint applied). */
  displayedFill(sheet: string, row: number, col: number): string | undefined {
    const s = this.must(sheet);
    for (const cf of s.conditionalFormats) {
      if (!cf.areas.some((b) => inside(b, row, col))) continue;
      if (cf.fill && this.ruleHolds(sheet, cf)) return cf.fill;
    }
    const own = s.fills.get(key(row, col));
    if (!own || own.pattern === "None") return undefined;
    return applyTint(own.color, own.tintAndShade);
  }

  /** A custom rule's formula, evaluated for the sheet (the add-in's rules are constant formulas). */
  ruleHolds(sheet: string, cf: ConditionalFormatModel): boolean {
    if (cf.type !== "Custom" || !cf.formula) return false;
    // HyperFormula writes Excel's TRUE/FALSE constants as functions.
    const formula = cf.formula.replace(/\b(TRUE|FALSE)\b(?!\s*\()/gi, "$1()");
    const v = this.hf.calculateFormula(formula, this.sheetId(sheet));
    return v === true || (typeof v === "number" && v !== 0);
  }

  /* ---------------- protection ---------------- */

  /** A locked cell of a protected sheet cannot be written. */
  isLocked(sheet: string, row: number, col: number): boolean {
    const s = this.must(sheet);
    return s.protected && !s.unlocked.has(key(row, col));
  }

  /* ---------------- structure ---------------- */

  /** Insert rows above `at` (0-based), as the user does: everything below moves down, formulas follow. */
  insertRows(sheet: string, at: number, count = 1): void {
    this.insert(sheet, "row", at, count);
  }

  insertColumns(sheet: string, at: number, count = 1): void {
    this.insert(sheet, "col", at, count);
  }

  private insert(sheet: string, axis: "row" | "col", at: number, count: number): void {
    const s = this.must(sheet);
    if (axis === "row") this.hf.addRows(this.sheetId(sheet), [at, count]);
    else this.hf.addColumns(this.sheetId(sheet), [at, count]);
    const move = (k: string) => {
      const [r, c] = unkey(k);
      return axis === "row" ? key(r >= at ? r + count : r, c) : key(r, c >= at ? c + count : c);
    };
    const remap = <V>(m: Map<string, V>) => {
      const entries = [...m];
      m.clear();
      for (const [k, v] of entries) m.set(move(k), v);
    };
    remap(s.formats);
    remap(s.fills);
    remap(s.notes);
    remap(s.comments);
    remap(s.shown);
    remap(s.hyperlinks);
    remap(s.layout);
    const remapIndex = (m: Map<number, number>, along: "row" | "col") => {
      if (axis !== along) return;
      const entries = [...m];
      m.clear();
      for (const [i, v] of entries) m.set(i >= at ? i + count : i, v);
    };
    remapIndex(s.rowHeights, "row");
    remapIndex(s.columnWidths, "col");
    // Formula texts change with the references: HyperFormula's own text is kept from now on.
    s.formulaText.clear();
    for (const set of [s.bold, s.unlocked]) {
      const moved = [...set].map(move);
      set.clear();
      for (const k of moved) set.add(k);
    }
    // Areas below move; areas the insertion falls inside grow (as merges and conditional formats do in Excel).
    const grow = (b: Bounds): Bounds => {
      if (axis === "row") return { ...b, top: b.top >= at ? b.top + count : b.top, bottom: b.bottom >= at ? b.bottom + count : b.bottom };
      return { ...b, left: b.left >= at ? b.left + count : b.left, right: b.right >= at ? b.right + count : b.right };
    };
    s.merges = s.merges.map(grow);
    for (const cf of s.conditionalFormats) cf.areas = cf.areas.map(grow);
  }

  /* ---------------- reading the whole sheet ---------------- */

  /**
   * The bounding box of the used cells, as Excel's getUsedRange: cells with values or formulas,
   * and (unless valuesOnly) cells that only carry formatting, such as a bordered template area.
   */
  usedRange(sheet: string, valuesOnly = false): Bounds | undefined {
    const s = this.must(sheet);
    const dims = this.hf.getSheetDimensions(this.sheetId(sheet));
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    const hfId = this.sheetId(sheet);
    for (let r = 0; r < dims.height; r++) for (let c = 0; c < dims.width; c++) if (!this.hf.isCellEmpty({ sheet: hfId, row: r, col: c })) take(r, c);
    if (!valuesOnly) {
      for (const k of [...s.formats.keys(), ...s.fills.keys()]) take(...unkey(k));
      for (const m of s.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** The sheet as the engine's grid (what the playground draws and what tests compare). */
  toGrid(sheet: string): MemoryGrid {
    const used = this.usedRange(sheet, true);
    const rows: (Cell | undefined)[][] = [];
    if (used) {
      for (let r = 0; r <= used.bottom; r++) {
        const row: (Cell | undefined)[] = [];
        for (let c = 0; c <= used.right; c++) {
          const input = this.input(sheet, r, c);
          if (input === null) continue;
          const { value: v, type } = this.valueAndType(sheet, r, c);
          const value: CellValue = type === "Error" ? { error: String(v) } : v === "" && !this.isFormula(sheet, r, c) ? null : v;
          const cell: Cell = { value };
          if (this.isFormula(sheet, r, c)) cell.formula = String(input);
          const fmt = this.format(sheet, r, c);
          if (fmt !== "General") cell.numFmt = fmt;
          row[c] = cell;
        }
        rows[r] = row;
      }
    }
    return new MemoryGrid(sheet, rows, this.must(sheet).merges.map((m) => ({ ...m })));
  }

  /**
   * Where a cell's hyperlink leads when clicked, as Excel resolves a document reference
   * ("'My sheet'!B3", "Sheet1!B3"): the sheet and cell, or undefined for a URL or no link.
   * A reference to no sheet or no cell fails as Excel says "Reference isn't valid."
   */
  followHyperlink(sheet: string, row: number, col: number): { sheet: string; row: number; col: number } | undefined {
    const link = this.must(sheet).hyperlinks.get(key(row, col));
    if (!link?.documentReference) return undefined;
    // A name with spaces or punctuation must be quoted (as in a formula), a quote inside doubled.
    const m = /^(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!\$?([A-Z]{1,3})\$?(\d+)$/u.exec(link.documentReference.trim());
    const target = m ? this.sheet(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : undefined;
    if (!m || !target) throw new ModelError("InvalidReference", "Reference isn't valid.");
    let c = 0;
    for (const ch of m[3]) c = c * 26 + (ch.charCodeAt(0) - 64);
    return { sheet: target.name, row: Number(m[4]) - 1, col: c - 1 };
  }

  address(sheet: string, top: number, left: number, bottom: number, right: number): string {
    // Excel quotes a sheet name in an address only when it holds spaces or punctuation.
    const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
    const start = a1(top, left);
    return top === bottom && left === right ? `${quoted}!${start}` : `${quoted}!${start}:${a1(bottom, right)}`;
  }
}

export function inside(b: Bounds, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

/** A grid value as what it would be if typed exactly (text stays text). */
function typedOf(v: CellValue): Typed {
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (isCellError(v)) return { kind: "error", error: v.error };
  return { kind: "text", text: String(v) };
}

function shownOf(v: CellValue, dirty: boolean): Shown {
  if (isCellError(v)) return { value: v.error, type: "Error", dirty };
  if (typeof v === "number") return { value: v, type: "Double", dirty };
  if (typeof v === "boolean") return { value: v, type: "Boolean", dirty };
  return { value: v === null ? "" : v, type: "String", dirty };
}

/** How HyperFormula stores it: text behind a quote (so that "100%" stays text), errors by name. */
function hfContent(t: Typed): string | number | boolean | null {
  switch (t.kind) {
    case "empty":
      return null;
    case "text":
      return `'${t.text}`;
    case "number":
    case "boolean":
      return t.value;
    case "error":
      return ERROR_VALUES.includes(t.error) ? t.error : `'${t.error}`;
    case "formula":
      return t.formula;
  }
}

/** A colour lightened (tint > 0) or darkened (tint < 0) as Excel applies tintAndShade. */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex.toUpperCase();
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const channel = (h: string) => {
    const v = parseInt(h, 16);
    const out = tint > 0 ? v + (255 - v) * tint : v * (1 + tint);
    return Math.round(Math.min(255, Math.max(0, out))).toString(16).padStart(2, "0");
  };
  return `#${m.slice(1).map(channel).join("")}`.toUpperCase();
}
