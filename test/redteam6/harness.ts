/**
 * Red team 6 harness: the add-in's whole user flow (Session over the real Office adapter over the fake Excel, as the
 * playground opens an .xlsx) on one sheet, with exact snapshots of the workbook model between steps.
 * Black box: the session's public methods, the engine's public checkSheet / planFixes / writableBounds, the CLI reader.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { a1, checkSheet, Finding, Fix, parseA1, SheetResult, writableBounds } from "../../src/engine";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { openWorkbook } from "../../src/playground/loadWorkbook";
import { key, WorkbookModel } from "../../src/fake-excel";
import type { Session } from "../../src/addin/session";

export const ROOT = path.join(__dirname, "..", "..");
export type Corpus = "corpus1" | "corpus2" | "corpus3" | "corpus4";
export const dirOf = (c: Corpus) => (c === "corpus1" ? "/work/shared/corpus" : path.join(ROOT, "test", c));
export interface ExpectedSheet {
  template: boolean;
  findings: { code: string; cell: string; severity: string }[];
}
export const expectedOf = (c: Corpus): Record<string, Record<string, ExpectedSheet>> => JSON.parse(readFileSync(path.join(dirOf(c), "expected.json"), "utf8"));

export function allSheets(): [Corpus, string, string, "clean" | "faulty" | "look-alike"][] {
  const out: [Corpus, string, string, "clean" | "faulty" | "look-alike"][] = [];
  for (const c of ["corpus1", "corpus2", "corpus3", "corpus4"] as Corpus[])
    for (const [file, sheets] of Object.entries(expectedOf(c)))
      for (const [sheet, e] of Object.entries(sheets)) out.push([c, file, sheet, !e.template ? "look-alike" : e.findings.length ? "faulty" : "clean"]);
  return out;
}

const bytes = (c: Corpus, file: string) => {
  const data = readFileSync(path.join(dirOf(c), file));
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
};

export async function open(c: Corpus, file: string, sheet: string) {
  const wb = await openWorkbook(bytes(c, file));
  const i = wb.model.sheets.findIndex((s) => s.name === sheet);
  if (i < 0) throw new Error(`no sheet ${sheet}`);
  wb.model.active = i;
  return wb;
}

/** The CLI's reading of the sheet (ExcelJS), checked by the engine. */
const cliBooks = new Map<string, Promise<Awaited<ReturnType<typeof readWorkbook>>>>();
export async function cliResult(c: Corpus, file: string, sheet: string): Promise<SheetResult> {
  const k = `${c}/${file}`;
  if (!cliBooks.has(k)) cliBooks.set(k, readWorkbook(path.join(dirOf(c), file)));
  const g = (await cliBooks.get(k)!).grids.find((x) => x.sheetName === sheet)!;
  return checkSheet(g);
}

export const ids = (fs: readonly Finding[], withInfo = false) =>
  fs
    .filter((f) => withInfo || f.severity !== "info")
    .map((f) => `${f.code}@${f.cell}:${f.severity}`)
    .sort();

/* ---------------- snapshots ---------------- */

export interface CellSnap {
  input: unknown;
  value: unknown;
  type: string;
  format: string;
  fill: string;
  note?: string;
  comment?: string;
  /** The value shown is a saved result that the formula, calculated now, would not give. */
  stale: boolean;
  formula: boolean;
}
export interface SheetSnap {
  cells: Map<string, CellSnap>;
  cf: string;
  merges: string;
}
export type BookSnap = Map<string, SheetSnap>;

function extent(model: WorkbookModel, sheet: string): { rows: number; cols: number } {
  const s = model.sheet(sheet)!;
  let rows = 0;
  let cols = 0;
  const see = (r: number, c: number) => {
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  };
  const u = model.usedRange(sheet);
  if (u) see(u.bottom, u.right);
  for (const m of [s.formats, s.fills, s.notes, s.comments, s.shown, s.formulaText] as Map<string, unknown>[])
    for (const k of m.keys()) {
      const [r, c] = k.split(",").map(Number);
      see(r, c);
    }
  return { rows: rows + 3, cols: cols + 3 };
}

export function snapSheet(model: WorkbookModel, sheet: string): SheetSnap {
  const s = model.sheet(sheet)!;
  const { rows, cols } = extent(model, sheet);
  const cells = new Map<string, CellSnap>();
  const sid = model.sheetId(sheet);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const k = key(r, c);
      const formula = model.isFormula(sheet, r, c);
      const value = model.value(sheet, r, c);
      let stale = false;
      if (formula && s.shown.has(k)) {
        const v = model.hf.getCellValue({ sheet: sid, row: r, col: c });
        const fresh = v === null || v === undefined ? "" : typeof v === "object" ? String((v as { value: string }).value) : v;
        stale = typeof fresh === "number" && typeof value === "number" ? Math.abs(fresh - value) > 1e-9 : fresh !== value;
      }
      cells.set(k, {
        input: model.input(sheet, r, c),
        value,
        type: model.valueType(sheet, r, c),
        format: model.format(sheet, r, c),
        fill: JSON.stringify(model.fill(sheet, r, c)),
        note: s.notes.get(k),
        comment: s.comments.get(k),
        stale,
        formula,
      });
    }
  // A conditional format's id is Excel's own bookkeeping: the look is in the rest.
  return { cells, cf: JSON.stringify(s.conditionalFormats.map(({ id: _id, ...rest }) => rest)), merges: JSON.stringify(s.merges) };
}

export function snapBook(model: WorkbookModel): BookSnap {
  return new Map(model.sheets.map((s) => [s.name, snapSheet(model, s.name)]));
}

const addr = (k: string) => {
  const [r, c] = k.split(",").map(Number);
  return a1(r, c);
};

export interface Diff {
  cell: string;
  field: keyof CellSnap | "cf" | "merges" | "sheets";
  before: unknown;
  after: unknown;
  /** A formula's value that moved while the formula stayed (a recalculation), and whether the old one was a stale saved result. */
  recalculated?: "stale-saved" | "dependent";
}

/** Every difference between two snapshots of one sheet. */
export function diffSheet(a: SheetSnap, b: SheetSnap, fields: (keyof CellSnap)[] = ["input", "value", "type", "format", "fill", "note", "comment"]): Diff[] {
  const out: Diff[] = [];
  const keys = new Set([...a.cells.keys(), ...b.cells.keys()]);
  const empty: CellSnap = { input: null, value: "", type: "Empty", format: "General", fill: "", note: undefined, comment: undefined, stale: false, formula: false };
  for (const k of keys) {
    const x = a.cells.get(k) ?? { ...empty, fill: b.cells.get(k)!.fill };
    const y = b.cells.get(k) ?? { ...empty, fill: x.fill };
    for (const f of fields) {
      const same = typeof x[f] === "number" && typeof y[f] === "number" ? Math.abs((x[f] as number) - (y[f] as number)) < 1e-9 : x[f] === y[f];
      if (same) continue;
      const d: Diff = { cell: addr(k), field: f, before: x[f], after: y[f] };
      if ((f === "value" || f === "type") && x.formula && y.formula && x.input === y.input) d.recalculated = x.stale ? "stale-saved" : "dependent";
      out.push(d);
    }
  }
  if (a.cf !== b.cf) out.push({ cell: "*", field: "cf", before: a.cf, after: b.cf });
  if (a.merges !== b.merges) out.push({ cell: "*", field: "merges", before: a.merges, after: b.merges });
  return out;
}

/** Cells whose content or number format changed (what was written). */
export function written(a: SheetSnap, b: SheetSnap): string[] {
  return [...new Set(diffSheet(a, b, ["input", "format"]).filter((d) => d.cell !== "*").map((d) => d.cell))].sort();
}

export function planCells(fixes: Fix[]): string[] {
  const out = new Set<string>();
  const walk = (f: Fix) => {
    out.add(f.cell);
    f.also?.forEach(walk);
  };
  fixes.forEach(walk);
  return [...out].sort();
}

export function insideTables(result: SheetResult, cells: string[]): string[] {
  const bounds = writableBounds(result);
  return cells.filter((cell) => {
    const { row, col } = parseA1(cell);
    return !bounds.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  });
}

export const state = (session: Session) => session.getState();
