/**
 * Header bands: a table's header is one row or several. A label spanning sub-columns (预算数 over
 * 年初 / 调整 / 全年; 执行数 over 财政拨款 / 其他资金) gives each column below it a path, and a
 * label merged down (分值 over two rows) belongs to every row of the band. Readers classify columns
 * by their whole path, so that a header row is never read as data and the right column is chosen
 * by its parent as well as its own label.
 */
import { isHeaderWord } from "./labels";
import { Ref, SheetView } from "./view";
import { readNumber } from "../values";

export interface HeaderCell {
  /** The columns the lowest label of the path covers. */
  from: number;
  to: number;
  /** Normalised labels from the band's top down to this column's own label (no repeats). */
  path: string[];
  /** Where the lowest label is written (its master cell). */
  at: Ref;
}

export interface HeaderBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
  cells: HeaderCell[];
}

/** A header is at most this many rows deep (title rows and notes above it are not part of it). */
const MAX_HEADER_ROWS = 3;

function hasNumberBetween(view: SheetView, row: number, left: number, right: number): boolean {
  for (const { col } of view.rowLabels(row, left, right)) {
    const cell = view.cell(row, col);
    if (typeof cell?.value === "number") return true;
    if (readNumber(cell).kind === "number" && !/[^\d.,%\s-]/.test(String(cell?.value))) return true;
  }
  return false;
}

/**
 * The header band starting at `top`: the row itself, and the rows below it that are headers too
 * (no numbers, and most of their labels are header words of some table) — at most three rows.
 */
export function headerBand(view: SheetView, top: number): HeaderBand {
  const own = view.rowLabels(top);
  let left = own.length ? own[0].col : 0;
  let right = own.length ? Math.max(...own.map((l) => view.spanRight(top, l.col))) : 0;
  let bottom = top;
  // Header labels merged down (分值 over two rows) take the band with them.
  for (const l of own) {
    if (isHeaderWord(l.text)) bottom = Math.max(bottom, Math.min(view.spanBottom(top, l.col), top + MAX_HEADER_ROWS - 1));
  }
  for (let next = top + 1; next < top + MAX_HEADER_ROWS && next < view.rowCount; next++) {
    const labels = view.rowLabels(next, left, right);
    if (hasNumberBetween(view, next, left, right)) {
      bottom = Math.min(bottom, next - 1);
      break;
    }
    if (labels.length === 0) {
      if (next <= bottom) continue;
      break;
    }
    const words = labels.filter((l) => isHeaderWord(l.text)).length;
    if (words === 0 || words * 2 < labels.length) {
      if (next <= bottom) bottom = next - 1;
      break;
    }
    bottom = Math.max(bottom, next);
    for (const l of labels) right = Math.max(right, view.spanRight(next, l.col));
    left = Math.min(left, labels[0].col);
  }
  return { top, bottom, left, right, cells: bandCells(view, top, bottom, left, right) };
}

/**
 * A parent label centred across its sub-columns instead of merged (跨列居中): the empty cells right
 * of it, above labels of the row below, belong to it — up to the next label of its row, and only
 * when it is itself over a sub-label (a label merged down, 分值 over two rows, has no sub-columns).
 */
function centredParent(view: SheetView, r: number, c: number, bottom: number, left: number): Ref | undefined {
  if (r >= bottom || view.grid.mergeAt(r, c) || view.label(r + 1, c) === "") return undefined;
  for (let p = c - 1; p >= left; p--) {
    if (view.label(r, p) === "") continue;
    const m = view.master(r, p);
    if (view.spanBottom(m.row, m.col) > r || m.row !== r) return undefined;
    // The parent is over sub-labels itself, and every column between has one too.
    for (let k = m.col; k <= c; k++) if (view.label(r + 1, k) === "") return undefined;
    return m;
  }
  return undefined;
}

/** The band's columns, grouped where their paths share every master cell (三级指标 merged over C:D). */
function bandCells(view: SheetView, top: number, bottom: number, left: number, right: number): HeaderCell[] {
  const cells: HeaderCell[] = [];
  let previousKey = "";
  for (let c = left; c <= right; c++) {
    const masters: Ref[] = [];
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const m = view.label(r, c) === "" ? centredParent(view, r, c, bottom, left) ?? view.master(r, c) : view.master(r, c);
      if (masters.some((x) => x.row === m.row && x.col === m.col)) continue;
      const text = view.label(m.row, m.col);
      if (text === "") continue;
      masters.push(m);
      path.push(text);
    }
    if (path.length === 0) {
      previousKey = "";
      continue;
    }
    const key = masters.map((m) => `${m.row}:${m.col}`).join("|");
    const last = cells[cells.length - 1];
    if (key === previousKey && last) last.to = c;
    else cells.push({ from: c, to: c, path, at: masters[masters.length - 1] });
    previousKey = key;
  }
  return cells;
}

/** The path's own label (the lowest). */
export function leafOf(cell: HeaderCell): string {
  return cell.path[cell.path.length - 1];
}

/** The label above the path's own label, if any. */
export function parentOf(cell: HeaderCell): string | undefined {
  return cell.path.length > 1 ? cell.path[cell.path.length - 2] : undefined;
}
