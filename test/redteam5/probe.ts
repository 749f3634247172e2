/**
 * Round 5 helpers: the sheets of corpora 2–4 as grids, one-cell edits on them, and an audit of what a fix
 * round writes that e2e.ts's verdicts do not look at — which cells each written formula reads (inside the
 * table the write belongs to? a text cell read as a number?) and formulas that are constants in disguise.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Cell, CellValue, Grid, MemoryGrid, parseA1, writableBounds } from "../../src/engine";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { EndToEnd, recalc } from "../redteam2/e2e";

export const CORPORA = ["corpus2", "corpus3", "corpus4"] as const;
export type Corpus = (typeof CORPORA)[number];
export interface ExpectedSheet { template: boolean; findings: { code: string; cell: string; severity: string; note: string }[] }

export const expectedOf = (c: Corpus): Record<string, Record<string, ExpectedSheet>> =>
  JSON.parse(readFileSync(path.join(__dirname, "..", c, "expected.json"), "utf8"));

/** Every sheet of corpora 2–4: [corpus, file, sheet, kind]. */
export function allSheets(): [Corpus, string, string, "clean" | "faulty" | "look-alike"][] {
  const out: [Corpus, string, string, "clean" | "faulty" | "look-alike"][] = [];
  for (const c of CORPORA)
    for (const [file, sheets] of Object.entries(expectedOf(c)))
      for (const [sheet, e] of Object.entries(sheets)) out.push([c, file, sheet, !e.template ? "look-alike" : e.findings.length ? "faulty" : "clean"]);
  return out;
}

const books = new Map<string, Promise<Grid[]>>();
export async function sheetOf(c: Corpus, file: string, sheet: string): Promise<Grid> {
  const key = `${c}/${file}`;
  if (!books.has(key)) books.set(key, readWorkbook(path.join(__dirname, "..", c, file)).then((w) => w.grids));
  const g = (await books.get(key)!).find((x) => x.sheetName === sheet);
  if (!g) throw new Error(`no sheet ${sheet} in ${key}`);
  return g;
}

type Edit = CellValue | Cell;
/** A copy of the grid with some cells replaced (a plain value keeps the cell's number format, drops its formula). */
export function edit(grid: Grid, cells: Record<string, Edit>): Grid {
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (Cell | undefined)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell) row[c] = { ...cell };
    }
    rows.push(row);
  }
  for (const [a1, v] of Object.entries(cells)) {
    const { row, col } = parseA1(a1);
    while (rows.length <= row) rows.push([]);
    const old = rows[row][col];
    const isCell = v !== null && typeof v === "object" && "value" in (v as object) && !("error" in (v as object));
    rows[row][col] = isCell ? (v as Cell) : { value: v as CellValue, ...(old?.numFmt ? { numFmt: old.numFmt } : {}) };
  }
  return new MemoryGrid(grid.sheetName, rows, [...grid.merges]);
}

const REF = /(\$?)([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
const colOf = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const a1 = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

/**
 * What each written formula reads:
 * - `outside`: a cell outside the table (unit bounds) the written cell belongs to — or any unit, for a write outside every unit;
 * - `textAsNumber`: a cell holding text (before the round) read directly by arithmetic, not through VALUE(…);
 * - `textInSum`: a text cell that reads as a number (“15分”, “1,234.50”) inside a SUM range, which SUM skips;
 * - `constants`: a formula that reads no cell at all (a number in disguise: =MIN(2,3), =0).
 */
export function audit(grid: Grid, e: EndToEnd) {
  const bounds = [...writableBounds(e.before), ...writableBounds(e.afterFix)];
  const inside = (r: number, c: number, b: { top: number; left: number; bottom: number; right: number }) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
  const outside: string[] = [];
  const textAsNumber: string[] = [];
  const textInSum: string[] = [];
  const constants: string[] = [];
  // A cell the round writes is read as what it writes (a formula), not as the text it held before.
  const written = new Set(e.writes.map((w) => w.cell));
  for (const w of e.writes) {
    if (!w.formula) continue;
    const at = parseA1(w.cell);
    const own = bounds.filter((b) => inside(at.row, at.col, b));
    const body = w.formula.replace(/"[^"]*"/g, '""');
    const refs = [...body.matchAll(REF)];
    if (refs.length === 0) constants.push(`${w.cell} ${w.formula}`);
    for (const m of refs) {
      const r1 = Number(m[3]) - 1, c1 = colOf(m[2]);
      const r2 = m[4] ? Number(m[5]) - 1 : r1, c2 = m[4] ? colOf(m[4]) : c1;
      const pool = own.length ? own : bounds;
      for (let r = r1; r <= r2; r++)
        for (let c = c1; c <= c2; c++) {
          if (!pool.some((b) => inside(r, c, b))) outside.push(`${w.cell} ${w.formula} reads ${a1(r, c)}`);
          const v = grid.cell(r, c)?.value;
          if (typeof v !== "string" || v.trim() === "" || written.has(a1(r, c))) continue;
          const before = body.slice(0, m.index);
          const wrapped = /(VALUE|SUBSTITUTE|N|ISNUMBER|ISTEXT)\($/i.test(before) || /VALUE\(SUBSTITUTE\($/i.test(before);
          if (m[4]) {
            if (/^[-+]?[\d,，.．]+\s*(分|%|％|万元|元)?$/.test(v.trim())) textInSum.push(`${w.cell} ${w.formula} skips ${a1(r, c)} “${v}”`);
          } else if (!wrapped) textAsNumber.push(`${w.cell} ${w.formula} reads text ${a1(r, c)} “${v}”`);
        }
    }
  }
  return { outside: [...new Set(outside)], textAsNumber: [...new Set(textAsNumber)], textInSum: [...new Set(textInSum)], constants };
}

/**
 * A one-cell edit as a user makes it: the value typed in, and the sheet's own formulas that read it recalculated
 * (e2e.ts's recalc: text stays text), so a live 总分 =H6+SUM(…) follows an edited score instead of keeping a stale result.
 */
export function inject(grid: Grid, cells: Record<string, string | number>): Grid {
  return recalc(grid, Object.entries(cells).map(([cell, value]) => ({ cell, value, description: "injected" })));
}
