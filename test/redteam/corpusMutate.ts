/**
 * Corpus workbooks as SheetSpecs, so that the sheetSpec helpers (insertRows, unmerge, mapText …)
 * can vary real-looking sheets, and expected.json findings moved with them.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Grid, a1, parseA1 } from "../../src/engine/grid";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { SheetSpec, SpecCell } from "../fixtures/sheetSpec";
import { columnName } from "../../src/engine/grid";

export interface ExpectedSheet {
  template: boolean;
  findings: { code: string; cell: string; severity: string; note: string }[];
}

export const CORPUS_DIR = path.join(__dirname, "..", "corpus");
export const EXPECTED: Record<string, Record<string, ExpectedSheet>> = JSON.parse(readFileSync(path.join(CORPUS_DIR, "expected.json"), "utf8"));

export function gridToSpec(g: Grid): SheetSpec {
  const rows: SpecCell[][] = [];
  for (const r of g.occupiedRows()) {
    rows[r] = [];
    for (const c of g.occupiedCols(r)) {
      const cell = g.cell(r, c)!;
      rows[r][c] = { v: cell.value, ...(cell.numFmt ? { fmt: cell.numFmt } : {}), ...(cell.formula ? { f: cell.formula } : {}) };
    }
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const merges = g.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
  return { name: g.sheetName, rows, merges };
}

const cache = new Map<string, Promise<Grid[]>>();
export async function corpusSheet(file: string, sheet: string): Promise<SheetSpec> {
  if (!cache.has(file)) cache.set(file, readWorkbook(path.join(CORPUS_DIR, file)).then((w) => w.grids));
  const g = (await cache.get(file)!).find((x) => x.sheetName === sheet);
  if (!g) throw new Error(`no sheet ${sheet} in ${file}`);
  return gridToSpec(g);
}

/** Move an expected cell for rows inserted before 1-based row `at` (n rows) and columns before 0-based `col`. */
export function moveCell(cell: string, rowsAt?: { at: number; n: number }, colAt?: number): string {
  let { row, col } = parseA1(cell);
  if (rowsAt && row + 1 >= rowsAt.at) row += rowsAt.n;
  if (colAt !== undefined && col >= colAt) col += 1;
  return `${columnName(col)}${row + 1}`;
}

export function templateSheets(): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, sheets] of Object.entries(EXPECTED)) for (const [sheet, e] of Object.entries(sheets)) if (e.template) out.push([file, sheet]);
  return out;
}
