/**
 * Tables printed side by side: two project tables in the same rows, separated by an empty column
 * (landscape pages, a comparison of two projects). Each band of columns is recognised on its own,
 * through a grid that shows only that band, so that every address stays the sheet's own.
 */
import { Cell, Grid, MergeArea } from "../grid";

export interface ColumnBand {
  from: number;
  to: number;
}

/** A grid showing only the cells of one band of columns (same coordinates, others empty). */
export class BandGrid implements Grid {
  readonly merges: readonly MergeArea[];

  constructor(private readonly grid: Grid, readonly band: ColumnBand) {
    this.merges = grid.merges.filter((m) => m.left >= band.from && m.right <= band.to);
  }

  get sheetName(): string {
    return this.grid.sheetName;
  }

  get rowCount(): number {
    return this.grid.rowCount;
  }

  get colCount(): number {
    return Math.min(this.grid.colCount, this.band.to + 1);
  }

  cell(row: number, col: number): Cell | undefined {
    return col < this.band.from || col > this.band.to ? undefined : this.grid.cell(row, col);
  }

  mergeAt(row: number, col: number): MergeArea | undefined {
    const m = this.grid.mergeAt(row, col);
    return m && m.left >= this.band.from && m.right <= this.band.to ? m : undefined;
  }

  private rows?: number[];

  occupiedRows(): readonly number[] {
    return (this.rows ??= this.grid.occupiedRows().filter((r) => this.occupiedCols(r).length > 0));
  }

  occupiedCols(row: number): readonly number[] {
    return this.grid.occupiedCols(row).filter((c) => c >= this.band.from && c <= this.band.to);
  }
}

/** A header word that each table of a side-by-side pair repeats in its header row. */
const LEVEL_WORD = /^\s*(一\s*级\s*指\s*标|三\s*级\s*指\s*标|指标名称)\s*$/;

/**
 * The bands of a sheet whose header row names the same level twice with an empty column between
 * (raw text only: this runs on every sheet, so it must stay cheap). Null for ordinary sheets.
 */
export function columnBands(grid: Grid): ColumnBand[] | null {
  // Which columns hold anything is worked out once, and only if some row names a level twice.
  let used: Set<number> | undefined;
  for (const r of grid.occupiedRows()) {
    const cols: number[] = [];
    for (const c of grid.occupiedCols(r)) {
      const v = grid.cell(r, c)?.value;
      if (typeof v === "string" && v.length <= 16 && (v.includes("级") || v.includes("名称")) && LEVEL_WORD.test(v)) cols.push(c);
    }
    if (cols.length < 2) continue;
    used ??= usedColumns(grid);
    const gaps: number[] = [];
    for (let i = 1; i < cols.length; i++) {
      for (let c = cols[i - 1] + 1; c < cols[i]; c++) {
        if (!used!.has(c)) {
          gaps.push(c);
          break;
        }
      }
    }
    if (gaps.length === 0) continue;
    const bands: ColumnBand[] = [];
    let from = 0;
    for (const gap of gaps) {
      bands.push({ from, to: gap - 1 });
      from = gap + 1;
    }
    bands.push({ from, to: grid.colCount - 1 });
    return bands;
  }
  return null;
}

/** Columns with something written in them (a title merged across the sheet keeps its text in its first cell). */
function usedColumns(grid: Grid): Set<number> {
  const used = new Set<number>();
  for (const r of grid.occupiedRows()) {
    for (const c of grid.occupiedCols(r)) {
      const v = grid.cell(r, c)?.value;
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) used.add(c);
    }
  }
  return used;
}
