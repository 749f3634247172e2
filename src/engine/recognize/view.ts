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

export class SheetView {
  private readonly labelCache = new Map<number, string>();
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
    const m = this.master(row, col);
    const key = m.row * 16384 + m.col;
    let t = this.labelCache.get(key);
    if (t === undefined) {
      const c = this.grid.cell(m.row, m.col);
      // Numbers need no folding: their digits are their label.
      t = c && typeof c.value === "string" ? normalizeLabel(c.value) : typeof c?.value === "number" ? String(c.value) : normalizeLabel(cellText(c));
      this.labelCache.set(key, t);
    }
    return t;
  }

  /** Label of the stored cell only: "" for merge continuations. */
  ownLabel(row: number, col: number): string {
    return this.isContinuation(row, col) ? "" : this.label(row, col);
  }

  /** Nothing shown anywhere in the row between two columns (inclusive). */
  rowIsBlank(row: number, from = 0, to = this.colCount - 1): boolean {
    for (let c = from; c <= to; c++) {
      if (this.isContinuation(row, c)) continue;
      if (!isBlank(this.grid.cell(row, c))) return false;
    }
    return true;
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

  private readonly rowLabelCache = new Map<number, { col: number; text: string }[]>();
  private readonly rowTextCache = new Map<number, string>();

  /**
   * The row's labels joined, each preceded by \u241f: a cheap test for header hints
   * (/\u241f一级/ — a label that starts with 一级; /执行/ — any label containing 执行).
   */
  rowText(row: number): string {
    let t = this.rowTextCache.get(row);
    if (t === undefined) {
      t = this.rowLabels(row).map((l) => `\u241f${l.text}`).join("");
      this.rowTextCache.set(row, t);
    }
    return t;
  }

  /** Master cells of a row with text, left to right: [{col, text}]. */
  rowLabels(row: number, from = 0, to = this.colCount - 1): { col: number; text: string }[] {
    let all = this.rowLabelCache.get(row);
    if (!all) {
      all = [];
      for (let c = 0; c < this.colCount; c++) {
        if (this.isContinuation(row, c)) continue;
        const t = this.label(row, c);
        if (t !== "") all.push({ col: c, text: t });
      }
      this.rowLabelCache.set(row, all);
    }
    return from === 0 && to >= this.colCount - 1 ? all : all.filter((l) => l.col >= from && l.col <= to);
  }
}
