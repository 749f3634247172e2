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
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

/** A plain in-memory grid; rows are sparse arrays. */
export class MemoryGrid implements Grid {
  readonly merges: MergeArea[];
  private readonly rows: (Cell | undefined)[][];
  private readonly mergeIndex = new Map<number, MergeArea>();
  private readonly width: number;
  private readonly height: number;

  constructor(readonly sheetName: string, rows: (Cell | undefined)[][], merges: MergeArea[] = []) {
    this.rows = rows;
    this.merges = merges;
    let width = 0;
    for (const row of rows) if (row && row.length > width) width = row.length;
    for (const m of merges) if (m.right + 1 > width) width = m.right + 1;
    this.width = width;
    let height = rows.length;
    for (const m of merges) if (m.bottom + 1 > height) height = m.bottom + 1;
    this.height = height;
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(r * 16384 + c, m);
      }
    }
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
    return this.mergeIndex.get(row * 16384 + col);
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
    const rows = this.rows.map((r) => (r ? r.slice() : []));
    for (const u of updates) {
      while (rows.length <= u.row) rows.push([]);
      rows[u.row][u.col] = u.cell;
    }
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
