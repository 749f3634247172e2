/**
 * Apply a fix plan to a grid and recalculate every formula with HyperFormula (a real formula
 * engine, never our own arithmetic), giving the grid a spreadsheet would show after the fix.
 */
import { HyperFormula } from "hyperformula";
import { Cell, CellValue, Grid, isCellError, MemoryGrid, parseA1 } from "../../src/engine/grid";
import { Fix } from "../../src/engine/findings";

function raw(cell: Cell | undefined): string | number | boolean | null {
  if (!cell) return null;
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (isCellError(v)) return v.error;
  if (typeof v === "string") return v.startsWith("=") || v.startsWith("'") ? `'${v}` : v;
  return v;
}

export function applyFixes(grid: Grid, fixes: readonly Fix[]): MemoryGrid {
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (Cell | undefined)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell) row[c] = { ...cell };
    }
    rows.push(row);
  }
  for (const fix of fixes) {
    const { row, col } = parseA1(fix.cell);
    while (rows.length <= row) rows.push([]);
    const old = rows[row][col];
    rows[row][col] = {
      value: fix.value ?? null,
      ...(fix.formula ? { formula: fix.formula } : {}),
      ...(fix.numFmt ?? old?.numFmt ? { numFmt: fix.numFmt ?? old?.numFmt } : {}),
    };
  }
  const data = rows.map((r) => Array.from({ length: grid.colCount }, (_, c) => raw(r[c])));
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const cell = rows[r][c];
      if (!cell?.formula) continue;
      const v = hf.getCellValue({ sheet: 0, row: r, col: c });
      let value: CellValue;
      if (v === null || v === undefined) value = null;
      else if (typeof v === "object" && "value" in v) value = { error: String((v as { value: string }).value) };
      else value = v as CellValue;
      cell.value = value;
    }
  }
  hf.destroy();
  return new MemoryGrid(grid.sheetName, rows, [...grid.merges]);
}
