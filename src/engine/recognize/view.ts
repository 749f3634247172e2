/**
 * A read-only view of a grid for recognition: merge-aware text with a cache of normalised labels.
 */
import { Cell, Grid } from "../grid";
import { normalizeLabel } from "../text";
import { cellText, isBlank } from "../values";

export interface Ref {
  row: number;
  col: number;
}

/** One number per cell, for sets and maps of cells (Excel has 16,384 columns). */
export function cellKey(at: Ref): number {
  return at.row * 16384 + at.col;
}

export class SheetView {
  /** Normalised labels by master cell, row by row (arrays: far cheaper than a map on large sheets). */
  private readonly labelRows: (string | undefined)[][] = [];
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly grid: Grid) {
    this.rowCount = grid.rowCount;
    this.colCount = grid.colCount;
  }

  /** The cell that holds the value for (row, col): the master of its merge area, or itself. */
  master(row: number, col: number): Ref {
    const m = this.grid.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** Inside a merge area but not its master: the value lives elsewhere. */
  isContinuation(row: number, col: number): boolean {
    const m = this.grid.mergeAt(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The stored cell (no merge resolution). */
  cell(row: number, col: number): Cell | undefined {
    return this.grid.cell(row, col);
  }

  /** The cell whose value shows at (row, col), resolving merges. */
  shown(row: number, col: number): Cell | undefined {
    const m = this.master(row, col);
    return this.grid.cell(m.row, m.col);
  }

  /** Normalised label text shown at (row, col). Numbers give their plain digits. */
  label(row: number, col: number): string {
    const m = this.grid.mergeAt(row, col);
    return m ? this.masterLabel(m.top, m.left) : this.masterLabel(row, col);
  }

  private masterLabel(row: number, col: number): string {
    const cached = (this.labelRows[row] ??= []);
    let t = cached[col];
    if (t === undefined) {
      const c = this.grid.cell(row, col);
      // Numbers need no folding: their digits are their label.
      t = c && typeof c.value === "string" ? normalizeLabel(c.value) : typeof c?.value === "number" ? String(c.value) : normalizeLabel(cellText(c));
      cached[col] = t;
    }
    return t;
  }

  /** Label of the stored cell only: "" for merge continuations. */
  ownLabel(row: number, col: number): string {
    return this.isContinuation(row, col) ? "" : this.label(row, col);
  }

  /** Nothing shown anywhere in the row between two columns (inclusive). */
  rowIsBlank(row: number, from = 0, to = this.colCount - 1): boolean {
    for (const c of this.grid.occupiedCols(row)) {
      if (c < from) continue;
      if (c > to) break;
      if (this.isContinuation(row, c)) continue;
      if (!isBlank(this.grid.cell(row, c))) return false;
    }
    return true;
  }

  /** Rows holding something, ascending (the sheet's extent is never walked). */
  occupiedRows(): readonly number[] {
    return this.grid.occupiedRows();
  }

  /** Occupied rows from `from` (inclusive) on, ascending. */
  occupiedRowsFrom(from: number): readonly number[] {
    const rows = this.grid.occupiedRows();
    return rows.slice(firstAtOrAfter(rows, from));
  }

  /** The last `count` occupied rows above `row`, ascending. */
  occupiedRowsBefore(row: number, count: number): readonly number[] {
    const rows = this.grid.occupiedRows();
    const end = firstAtOrAfter(rows, row);
    return rows.slice(Math.max(0, end - count), end);
  }

  /** The right edge of the merge area that starts at (row, col), or col itself. */
  spanRight(row: number, col: number): number {
    const m = this.grid.mergeAt(row, col);
    return m ? m.right : col;
  }

  /** The bottom edge of the merge area covering (row, col), or row itself. */
  spanBottom(row: number, col: number): number {
    const m = this.grid.mergeAt(row, col);
    return m ? m.bottom : row;
  }

  /** The first label of the row between two columns, found without building the row's label list. */
  firstLabel(row: number, from = 0, to = this.colCount - 1): { col: number; text: string } | undefined {
    for (const c of this.grid.occupiedCols(row)) {
      if (c < from) continue;
      if (c > to) break;
      if (this.isContinuation(row, c)) continue;
      const text = this.masterLabel(row, c);
      if (text !== "") return { col: c, text };
    }
    return undefined;
  }

  /** Does a label between two columns pass the test? (No list built: for scans over long tables.) */
  someLabel(row: number, from: number, to: number, test: (text: string) => boolean): boolean {
    for (const c of this.grid.occupiedCols(row)) {
      if (c < from) continue;
      if (c > to) break;
      if (this.isContinuation(row, c)) continue;
      const text = this.masterLabel(row, c);
      if (text !== "" && test(text)) return true;
    }
    return false;
  }

  /** Does a label of the row match? A cheap test for header hints before the header matchers run. */
  rowHas(row: number, pattern: RegExp): boolean {
    return this.rowLabels(row).some((l) => pattern.test(l.text));
  }

  /** By row (an array: a map's entries would cost a large sheet tens of megabytes). */
  private readonly rowLabelCache: { col: number; text: string }[][] = [];

  /** Master cells of a row with text, left to right: [{col, text}]. */
  rowLabels(row: number, from = 0, to = this.colCount - 1): { col: number; text: string }[] {
    let all = this.rowLabelCache[row];
    if (!all) {
      all = [];
      for (const c of this.grid.occupiedCols(row)) {
        if (this.isContinuation(row, c)) continue;
        const t = this.masterLabel(row, c);
        if (t !== "") all.push({ col: c, text: t });
      }
      this.rowLabelCache[row] = all;
    }
    return from === 0 && to >= this.colCount - 1 ? all : all.filter((l) => l.col >= from && l.col <= to);
  }
}

/** The index of the first of ascending `rows` at or after `row` (binary search). */
function firstAtOrAfter(rows: readonly number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
