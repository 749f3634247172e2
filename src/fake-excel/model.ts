/**
 * The workbook behind the fake Excel API: cells (inputs evaluated by HyperFormula, a real formula
 * engine), number formats, fills, merges, notes, protection, selection. Used by the adapter's tests
 * and by the playground page as its in-browser Excel.
 */
import { HyperFormula } from "hyperformula";
import type { Cell, CellValue, Grid, MergeArea } from "../engine/grid";
import { a1, isCellError, MemoryGrid } from "../engine/grid";

export interface Fill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: Fill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };

export interface SheetModel {
  name: string;
  formats: Map<string, string>;
  fills: Map<string, Fill>;
  bold: Set<string>;
  notes: Map<string, string>;
  merges: MergeArea[];
  protected: boolean;
}

const key = (row: number, col: number) => `${row},${col}`;

/** Values as Excel.Range.values gives them: numbers, strings, booleans; errors as "#DIV/0!"; empty as "". */
export type ExcelValue = string | number | boolean;

export class WorkbookModel {
  readonly hf: HyperFormula;
  readonly sheets: SheetModel[] = [];
  active = 0;
  selection: { sheet: string; address: string } | undefined;
  readonly settings = new Map<string, unknown>();
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

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    this.hf.addSheet(name);
    const s: SheetModel = { name, formats: new Map(), fills: new Map(), bold: new Set(), notes: new Map(), merges: [], protected: false };
    this.sheets.push(s);
    return s;
  }

  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw new Error(`no sheet ${from}`);
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

  /** Load a sheet from an engine grid (fixtures, a dropped .xlsx). */
  addGrid(grid: Grid): SheetModel {
    const s = this.addSheet(grid.sheetName);
    s.merges = grid.merges.map((m) => ({ ...m }));
    const data: (string | number | boolean | null)[][] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 0; c < grid.colCount; c++) {
        const cell = grid.cell(r, c);
        row.push(cell ? (cell.formula ? cell.formula : literal(cell.value)) : null);
        if (cell?.numFmt) s.formats.set(key(r, c), cell.numFmt);
      }
      data.push(row);
    }
    if (data.length) this.hf.setSheetContent(this.sheetId(s.name), data);
    return s;
  }

  /** What the user typed: a formula with its "=", or a constant. */
  input(sheet: string, row: number, col: number): string | number | boolean | null {
    const v = this.hf.getCellSerialized({ sheet: this.sheetId(sheet), row, col });
    if (v === null || v === undefined) return null;
    if (typeof v === "string" && v.startsWith("'")) return v.slice(1);
    return v as string | number | boolean;
  }

  value(sheet: string, row: number, col: number): ExcelValue {
    const v = this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col });
    if (v === null || v === undefined) return "";
    if (typeof v === "object") return String((v as { value: string }).value);
    return v as ExcelValue;
  }

  formula(sheet: string, row: number, col: number): ExcelValue {
    const input = this.input(sheet, row, col);
    if (input === null) return "";
    return input;
  }

  /** Set a cell as Excel's Range.formulas / Range.values setters do ("" clears). */
  setInput(sheet: string, row: number, col: number, input: unknown): void {
    const content = input === "" || input === null || input === undefined ? null : toInput(input as CellValue);
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row, col }, [[content]]);
  }

  setValueAsText(sheet: string, row: number, col: number, value: unknown): void {
    // Range.values never makes a formula: a string starting with "=" is still a formula in Excel,
    // but numbers and text are stored as given.
    this.setInput(sheet, row, col, value);
  }

  format(sheet: string, row: number, col: number): string {
    return this.sheet(sheet)!.formats.get(key(row, col)) ?? "General";
  }

  setFormat(sheet: string, row: number, col: number, fmt: string): void {
    const s = this.sheet(sheet)!;
    if (fmt === "General" || fmt === "") s.formats.delete(key(row, col));
    else s.formats.set(key(row, col), fmt);
  }

  fill(sheet: string, row: number, col: number): Fill {
    return { ...(this.sheet(sheet)!.fills.get(key(row, col)) ?? NO_FILL) };
  }

  setFill(sheet: string, row: number, col: number, fill: Fill): void {
    const s = this.sheet(sheet)!;
    if (fill.pattern === "None") s.fills.delete(key(row, col));
    else s.fills.set(key(row, col), { ...fill });
  }

  /** The bounding box of cells with content or formatting, as Excel's used range. */
  usedRange(sheet: string): { top: number; left: number; bottom: number; right: number } | undefined {
    const s = this.sheet(sheet)!;
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
    for (let r = 0; r < dims.height; r++) for (let c = 0; c < dims.width; c++) if (this.input(sheet, r, c) !== null) take(r, c);
    for (const k of [...s.formats.keys(), ...s.fills.keys()]) {
      const [r, c] = k.split(",").map(Number);
      take(r, c);
    }
    for (const m of s.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** The sheet as the engine's grid (what the playground shows and what tests compare). */
  toGrid(sheet: string): MemoryGrid {
    const used = this.usedRange(sheet);
    const rows: (Cell | undefined)[][] = [];
    if (used) {
      for (let r = 0; r <= used.bottom; r++) {
        const row: (Cell | undefined)[] = [];
        for (let c = 0; c <= used.right; c++) {
          const input = this.input(sheet, r, c);
          if (input === null) continue;
          const v = this.value(sheet, r, c);
          const value: CellValue = typeof v === "string" && /^#[A-Z0-9/!?.]+$/.test(v) && typeof input === "string" && input.startsWith("=") ? { error: v } : v === "" ? null : v;
          const cell: Cell = { value };
          if (typeof input === "string" && input.startsWith("=")) cell.formula = input;
          const fmt = this.format(sheet, r, c);
          if (fmt !== "General") cell.numFmt = fmt;
          row[c] = cell;
        }
        rows.push(row);
      }
    }
    return new MemoryGrid(sheet, rows, this.sheet(sheet)!.merges.map((m) => ({ ...m })));
  }

  address(sheet: string, top: number, left: number, bottom: number, right: number): string {
    // Excel quotes a sheet name in an address only when it holds spaces or punctuation.
    const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
    const start = a1(top, left);
    return top === bottom && left === right ? `${quoted}!${start}` : `${quoted}!${start}:${a1(bottom, right)}`;
  }
}

/** Input as Excel's setters take it: a string starting with "=" (longer than "=") is a formula. */
function toInput(v: CellValue | unknown): string | number | boolean | null {
  if (typeof v === "string" && v.startsWith("=") && v.length > 1) return v;
  return literal(v as CellValue);
}

/** A constant as HyperFormula input: text that would parse as a formula is quoted. */
function literal(v: CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (isCellError(v)) return v.error;
  const s = String(v);
  return s.startsWith("=") || s.startsWith("'") ? `'${s}` : s;
}
