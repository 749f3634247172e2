/**
 * The grid: what both the Office adapter and the xlsx reader produce for one sheet.
 * Rows and columns are 0-based here; A1 addresses are only made at the edges.
 */

export interface CellError {
  error: string; // e.g. "#DIV/0!"
}

export type CellValue = string | number | boolean | CellError | null;

export interface Cell {
  /** The value as the spreadsheet holds it (a formula's cached result for formula cells). */
  value: CellValue;
  /** Formula text including the leading "=", when the cell holds one. */
  formula?: string;
  /** Number format code, e.g. "0.00%". */
  numFmt?: string;
}

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  readonly sheetName: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** The cell as stored; for a merged area only the top-left (master) cell holds the value. */
  cell(row: number, col: number): Cell | undefined;
  readonly merges: readonly MergeArea[];
  /** The merge area a cell belongs to, if any. */
  mergeAt(row: number, col: number): MergeArea | undefined;
  /** Rows holding at least one stored cell, ascending: the engine walks these, never the sheet's extent. */
  occupiedRows(): readonly number[];
  /** Columns of a row holding a stored cell, ascending. */
  occupiedCols(row: number): readonly number[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

/**
 * Merge areas by cell. Small areas (the ordinary case: titles, labels merged down) are indexed cell by
 * cell; large ones (a merge over a whole column or sheet) are kept in a list and tested on look-up,
 * so that the index grows with the number of areas, never with the cells they cover.
 */
class MergeIndex {
  private readonly byCell = new Map<number, MergeArea>();
  private readonly large: MergeArea[] = [];
  static readonly SMALL = 4096;

  constructor(merges: readonly MergeArea[]) {
    for (const m of merges) {
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells > MergeIndex.SMALL) {
        this.large.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.byCell.set(r * 16384 + c, m);
      }
    }
  }

  at(row: number, col: number): MergeArea | undefined {
    const found = this.byCell.get(row * 16384 + col);
    if (found || this.large.length === 0) return found;
    return this.large.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}

/** Indices of an array's stored elements, ascending (a sparse array's holes are skipped without walking them). */
function storedIndices<T>(items: readonly (T | undefined)[]): number[] {
  const out: number[] = [];
  for (const key of Object.keys(items)) {
    const i = Number(key);
    if (Number.isInteger(i) && items[i] !== undefined) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

function lastStoredIndex<T>(items: readonly (T | undefined)[]): number {
  if (items.length > 256) {
    const stored = storedIndices(items);
    return stored.length ? stored[stored.length - 1] : -1;
  }
  for (let i = items.length - 1; i >= 0; i--) if (items[i] !== undefined) return i;
  return -1;
}

/** A plain in-memory grid; rows are sparse arrays. */
export class MemoryGrid implements Grid {
  readonly merges: MergeArea[];
  private readonly rows: (Cell | undefined)[][];
  private readonly mergeIndex: MergeIndex;
  private readonly width: number;
  private readonly height: number;
  private readonly rowList: number[];
  /** Occupied columns by row, computed when first asked (an array, not a map: cheaper on large sheets). */
  private readonly colLists: (readonly number[])[] = [];
  /** Rows holding one cell share one list per column: a tall one-column sheet needs no list per row. */
  private readonly singleColumn: (readonly number[])[] = [];

  constructor(readonly sheetName: string, rows: (Cell | undefined)[][], merges: MergeArea[] = []) {
    this.rows = rows;
    this.merges = merges;
    // Not through occupiedCols: caching a column list for every row would double a large sheet's memory.
    this.rowList = [];
    let width = 0;
    for (const r of storedIndices(rows)) {
      const last = lastStoredIndex(rows[r]);
      if (last < 0) continue;
      this.rowList.push(r);
      if (last + 1 > width) width = last + 1;
    }
    for (const m of merges) if (m.right + 1 > width) width = m.right + 1;
    this.width = width;
    let height = this.rowList.length ? this.rowList[this.rowList.length - 1] + 1 : 0;
    for (const m of merges) if (m.bottom + 1 > height) height = m.bottom + 1;
    this.height = height;
    this.mergeIndex = new MergeIndex(merges);
  }

  get rowCount(): number {
    return this.height;
  }

  get colCount(): number {
    return this.width;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  mergeAt(row: number, col: number): MergeArea | undefined {
    return this.mergeIndex.at(row, col);
  }

  occupiedRows(): readonly number[] {
    return this.rowList;
  }

  occupiedCols(row: number): readonly number[] {
    let cols = this.colLists[row];
    if (!cols) {
      const cells = this.rows[row];
      const stored = cells ? storedIndices(cells) : [];
      cols = stored.length === 1 ? (this.singleColumn[stored[0]] ??= stored) : stored;
      this.colLists[row] = cols;
    }
    return cols;
  }

  /** Build a grid from a matrix of plain values (tests, the playground). */
  static fromValues(sheetName: string, values: CellValue[][], merges: MergeArea[] = []): MemoryGrid {
    return new MemoryGrid(
      sheetName,
      values.map((row) => row.map((v) => (v === null || v === undefined || v === "" ? undefined : { value: v }))),
      merges,
    );
  }

  /** A copy with some cells replaced (used to apply fix plans in tests and the playground). */
  withCells(updates: { row: number; col: number; cell: Cell | undefined }[]): MemoryGrid {
    const rows: (Cell | undefined)[][] = [];
    for (const r of storedIndices(this.rows)) rows[r] = this.rows[r].slice();
    for (const u of updates) (rows[u.row] ??= [])[u.col] = u.cell;
    return new MemoryGrid(this.sheetName, rows, this.merges.slice());
  }
}

export function columnName(col: number): string {
  let name = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "'My sheet'!B3": a reference on a sheet, its name always quoted, quotes in it doubled. */
export function sheetReference(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Parse "B12" (optionally "$B$12") into 0-based coordinates. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  return top === bottom && left === right ? start : `${start}:${a1(bottom, right)}`;
}
