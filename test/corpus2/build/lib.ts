/**
 * Building blocks for the second corpus: a sheet is written row by row as plain values and formulas,
 * every formula is recomputed with HyperFormula (so the cached result stored in the .xlsx is the one a
 * spreadsheet would show), and each workbook module asserts its own arithmetic against the computed grid:
 * identities that should hold must hold, and each injected fault must break its identity.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { HyperFormula } from "hyperformula";

/** A formula (without "="), an optional number format, and, for a deliberate error, nothing else. */
export interface Formula {
  f: string;
  fmt?: string;
}
/** A number shown with a format (e.g. a fraction shown as a percentage). */
export interface Formatted {
  n: number;
  fmt: string;
}
export type Value = number | string | null | Formula | Formatted;

export const fx = (f: string, fmt?: string): Formula => ({ f, fmt });
export const pct = (n: number, fmt = "0.00%"): Formatted => ({ n, fmt });
export const money = (n: number): Formatted => ({ n, fmt: "#,##0.00" });

function isFormula(v: Value): v is Formula {
  return typeof v === "object" && v !== null && "f" in v;
}
function isFormatted(v: Value): v is Formatted {
  return typeof v === "object" && v !== null && "n" in v;
}

export function colName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const addr = (row: number, col: number) => `${colName(col)}${row}`;
function parseAddr(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export class Sheet {
  readonly cells = new Map<string, Value>();
  readonly merges: string[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  widths: number[] = [];
  next = 1;
  private computed: Map<string, unknown> | null = null;

  constructor(readonly name: string) {}

  /** Appends a row starting at column A; returns its row number. */
  row(...values: Value[]): number {
    const r = this.next++;
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) this.cells.set(addr(r, i + 1), v);
    });
    return r;
  }
  blank(n = 1): void {
    this.next += n;
  }
  set(a: string, v: Value): void {
    this.cells.set(a, v);
    this.computed = null;
  }
  /** Merges a range; only its top-left cell keeps a value (as Excel stores it). */
  merge(range: string): void {
    const [a, b] = range.split(":").map(parseAddr);
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) this.cells.delete(addr(r, c));
    this.merges.push(range);
  }
  /** Merges `from`..`to` columns of row r. */
  mergeRow(r: number, fromCol: number, toCol: number): void {
    this.merge(`${addr(r, fromCol)}:${addr(r, toCol)}`);
  }

  /** The value a spreadsheet shows: formulas computed by HyperFormula. */
  value(a: string): unknown {
    if (!this.computed) this.compute();
    return this.computed!.get(a) ?? null;
  }
  /** The value read as a number the way a filler means it: text amounts with separators, "分", "%". */
  num(a: string): number {
    const v = this.value(a);
    if (typeof v === "number") return v;
    if (typeof v === "string") {
      const t = v.replace(/[,，\s分]/g, "").replace(/[＝=≥≤><]/g, "");
      const m = /^-?\d+(\.\d+)?/.exec(t);
      if (m) return Number(m[0]);
    }
    throw new Error(`${this.name}!${a} is not a number: ${JSON.stringify(v)}`);
  }

  private compute(): void {
    let maxRow = 0;
    let maxCol = 0;
    for (const a of this.cells.keys()) {
      const { row, col } = parseAddr(a);
      maxRow = Math.max(maxRow, row);
      maxCol = Math.max(maxCol, col);
    }
    const data: (string | number | null)[][] = [];
    for (let r = 1; r <= maxRow; r++) {
      const line: (string | number | null)[] = [];
      for (let c = 1; c <= maxCol; c++) {
        const v = this.cells.get(addr(r, c)) ?? null;
        if (v === null) line.push(null);
        else if (typeof v === "number") line.push(v);
        else if (typeof v === "string") line.push(`'${v}`);
        else if (isFormula(v)) line.push(`=${v.f}`);
        else line.push(v.n);
      }
      data.push(line);
    }
    const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
    this.computed = new Map();
    for (let r = 1; r <= maxRow; r++)
      for (let c = 1; c <= maxCol; c++) {
        const v = hf.getCellValue({ sheet: 0, row: r - 1, col: c - 1 });
        if (v === null) continue;
        this.computed.set(addr(r, c), typeof v === "object" ? { error: (v as { value: string }).value } : v);
      }
    hf.destroy();
  }

  write(ws: ExcelJS.Worksheet): void {
    this.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const sorted = [...this.cells.keys()].map(parseAddr).sort((x, y) => x.row - y.row || x.col - y.col);
    for (const { row, col } of sorted) {
      const a = addr(row, col);
      const v = this.cells.get(a)!;
      const cell = ws.getCell(a);
      if (typeof v === "number" || typeof v === "string") cell.value = v;
      else if (isFormatted(v)) {
        cell.value = v.n;
        cell.numFmt = v.fmt;
      } else if (isFormula(v)) {
        const result = this.value(a);
        cell.value = {
          formula: v.f,
          result: (typeof result === "object" && result !== null ? result : result) as ExcelJS.CellFormulaValue["result"],
        } as ExcelJS.CellFormulaValue;
        if (v.fmt) cell.numFmt = v.fmt;
      }
      cell.alignment = { wrapText: true, vertical: "middle" };
    }
    for (const m of this.merges) ws.mergeCells(m);
    for (const r of this.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of this.hiddenCols) ws.getColumn(c).hidden = true;
  }
}

// ---------- the arithmetic of domain.md, used to assert every sheet while it is built ----------

export class BuildError extends Error {}

/** An identity that must hold (within tol). */
export function holds(what: string, stated: number, computed: number, tol: number): void {
  if (!(Math.abs(stated - computed) <= tol + 1e-9)) throw new BuildError(`${what}: ${stated} vs ${computed} should agree within ${tol}`);
}
/** An injected fault: the identity must fail by more than tol. */
export function breaks(what: string, stated: number, computed: number, tol: number): void {
  if (Math.abs(stated - computed) <= tol + 1e-9) throw new BuildError(`fault ${what}: ${stated} vs ${computed} is within ${tol}, not a fault`);
}
export const AMOUNT_TOL = 0.01;
export const RATE_POINT_TOL = 0.01; // percentage points
export const SCORE_TOL = 0.005;

export const round = (x: number, d: number) => Math.round(x * 10 ** d + 1e-9) / 10 ** d;
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The roundings of an exact score that domain.md accepts. */
export function acceptedScores(exact: number): number[] {
  return [exact, round(exact, 1), Math.round(exact), Math.floor(exact + 1e-9)];
}
export function scoreAccepted(stated: number, exact: number): boolean {
  return acceptedScores(exact).some((s) => Math.abs(s - stated) <= SCORE_TOL + 1e-9);
}
export function scoreHolds(what: string, stated: number, exact: number | number[]): void {
  const readings = Array.isArray(exact) ? exact : [exact];
  if (!readings.some((e) => scoreAccepted(stated, e))) throw new BuildError(`${what}: ${stated} is not an accepted rounding of ${readings.join(" or ")}`);
}
/** An over- or under-scored item: no reading's accepted rounding matches. */
export function scoreBreaks(what: string, stated: number, exact: number | number[], direction?: "over" | "under"): void {
  const readings = Array.isArray(exact) ? exact : [exact];
  if (readings.some((e) => scoreAccepted(stated, e))) throw new BuildError(`fault ${what}: ${stated} is accepted`);
  const all = readings.flatMap(acceptedScores);
  if (direction === "over" && !(stated > Math.max(...all))) throw new BuildError(`fault ${what}: ${stated} is not above every accepted score`);
  if (direction === "under" && !(stated < Math.min(...all))) throw new BuildError(`fault ${what}: ${stated} is not below every accepted score`);
}
/** Execution rate in percentage points against the amounts. */
export function rateHolds(what: string, statedPoints: number, exec: number, budget: number): void {
  holds(what, statedPoints, (exec / budget) * 100, RATE_POINT_TOL);
}
export function rateBreaks(what: string, statedPoints: number, exec: number, budget: number): void {
  breaks(what, statedPoints, (exec / budget) * 100, RATE_POINT_TOL);
}
/** National execution score: 分值 × min(rate, 100 %). */
export const execScore = (weight: number, exec: number, budget: number) => weight * Math.min(1, exec / budget);

/** National grade bands; the totals of this corpus keep more than 0.005 away from every edge. */
export function grade(total: number): "优" | "良" | "中" | "差" {
  for (const edge of [90, 80, 60]) if (Math.abs(total - edge) <= SCORE_TOL) throw new BuildError(`total ${total} sits on the band edge ${edge}`);
  return total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";
}

/** A finding the corpus expects. */
export interface ExpectedFinding {
  code: string;
  cell: string;
  severity: "error" | "warning" | "info";
  note: string;
}
export interface SheetExpectation {
  template: boolean;
  findings: ExpectedFinding[];
  /** README text: what the sheet imitates and its traps. */
  about: string;
}
export interface WorkbookModule {
  file: string;
  /** README heading text: the form, its province/office and source. */
  title: string;
  sheets: { sheet: Sheet; expect: SheetExpectation }[];
}

const FIXED_DATE = new Date(Date.UTC(2024, 3, 15, 8, 0, 0));

/** Writes a workbook whose bytes do not depend on when it is built. */
export async function workbookBytes(mod: WorkbookModule): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "corpus2";
  wb.lastModifiedBy = "corpus2";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const { sheet } of mod.sheets) sheet.write(wb.addWorksheet(sheet.name));
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  // ExcelJS stamps each zip entry with the current time: repack with a fixed one.
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const entry = src.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
}

/** One scored indicator as a module states it, with what domain.md makes of it. */
export interface Item {
  /** Row where it was written (filled in by the module). */
  row?: number;
  name: string;
  weight: number;
  score: number;
  actual: string | null;
  reason: string | null;
  /** Exact expected score(s) for a quantitative or banded item; omitted for a met item (full weight). */
  exact?: number | number[];
  /** The fault injected on this item, if any. */
  fault?: "exceeds" | "over" | "under" | "noReason" | "noActual";
  /** A qualitative item: the band of its stated outcome as fractions of the weight, [lo, hi). */
  band?: [number, number];
}
export const ACHIEVED: [number, number] = [0.8, 1.0001];
export const PARTLY: [number, number] = [0.6, 0.8];
/** An item scored by a rubric (评分标准) rather than by target and achievement: any score in [0, weight]. */
export const RUBRIC: [number, number] = [0, 1.0001];

/** Asserts every item against domain.md and returns the capped sum of the stated scores. */
export function checkItems(where: string, items: Item[]): number {
  let total = 0;
  for (const it of items) {
    const what = `${where} ${it.name}`;
    if (it.band) {
      const share = it.score / it.weight;
      if (!(share >= it.band[0] - 1e-9 && share < it.band[1])) throw new BuildError(`${what}: ${it.score} of ${it.weight} is outside its band`);
    }
    const exact = it.exact ?? (it.band ? it.score : it.weight);
    if (it.fault === "exceeds") {
      if (!(it.score > it.weight + SCORE_TOL)) throw new BuildError(`fault ${what}: ${it.score} does not exceed ${it.weight}`);
    } else {
      if (it.score > it.weight + SCORE_TOL) throw new BuildError(`${what}: ${it.score} exceeds ${it.weight}`);
      if (it.fault === "over" || it.fault === "under") scoreBreaks(what, it.score, exact, it.fault);
      else scoreHolds(what, it.score, exact);
    }
    const below = it.score < it.weight - SCORE_TOL;
    if (below && !it.reason && it.fault !== "noReason") throw new BuildError(`${what}: below its weight with no reason`);
    if (it.fault === "noReason" && (!below || it.reason)) throw new BuildError(`fault ${what}: not a missing reason`);
    if (!it.actual && it.fault !== "noActual") throw new BuildError(`${what}: no actual value`);
    if (it.fault === "noActual" && it.actual) throw new BuildError(`fault ${what}: has an actual value`);
    total += Math.min(it.score, it.weight);
  }
  return round(total, 6);
}
export const weights = (items: Item[]) => round(sum(items.map((i) => i.weight)), 6);
