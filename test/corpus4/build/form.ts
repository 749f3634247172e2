/**
 * An indicator table whose columns come in any order (the provinces of this corpus move 分值/得分 before the targets,
 * put 实际完成值 before 年度指标值, split 三级指标 over two merged cells, add a 备注 column), with first-level labels
 * merged down their rows and empty template rows (指标1：) kept where offices leave them.
 */
import { Sheet, Item, Value, colName, sum, round } from "../../corpus2/build/lib";

export type Key = "l1" | "l2" | "l3" | "target" | "actual" | "weight" | "score" | "reason" | "note";
export interface ColSpec {
  key: Key;
  label: string;
  /** Columns the cell spans (merged on every row). */
  span?: number;
}
export interface Ind extends Item {
  l1: string;
  l2: string;
  target: Value;
  /** What the 实际完成值 cell holds when it is not the `actual` text (a %-formatted fraction, say). */
  actualCell?: Value;
  /** The score cell when it is not the number `score` (text “15分”). */
  scoreCell?: Value;
  note?: string;
}
export interface Placeholder {
  l1: string;
  l2: string;
  placeholder: string;
  /** A 小计 row: the section's weight and score sums in the 分值/得分 columns. */
  sub?: [number, number];
}
export type IndRow = Ind | Placeholder;
export const isInd = (r: IndRow): r is Ind => !("placeholder" in r);

export interface IndLayout {
  head: number;
  /** Column letter of a key. */
  col: (k: Key) => string;
  /** Last column number used. */
  last: number;
  l1Rows: Map<string, number>;
  items: Ind[];
}

/** Writes the header and the rows; a margin label (绩效指标) fills column A, merged down the table. */
export function writeIndicators(s: Sheet, cols: ColSpec[], rows: IndRow[], margin?: string): IndLayout {
  const at = new Map<Key, number>();
  let c = margin ? 2 : 1;
  for (const k of cols) {
    at.set(k.key, c);
    c += k.span ?? 1;
  }
  const last = c - 1;
  const line = (vals: Partial<Record<Key, Value | undefined>>, first: Value = null): Value[] => {
    const arr: Value[] = Array(last).fill(null);
    if (margin) arr[0] = first;
    for (const [k, v] of Object.entries(vals)) if (at.has(k as Key)) arr[at.get(k as Key)! - 1] = v ?? null;
    return arr;
  };
  const spans = (r: number) => {
    for (const k of cols) if ((k.span ?? 1) > 1) s.mergeRow(r, at.get(k.key)!, at.get(k.key)! + k.span! - 1);
  };
  const head = s.row(...line(Object.fromEntries(cols.map((k) => [k.key, k.label])), margin ?? null));
  spans(head);
  const l1Rows = new Map<string, number>();
  const items: Ind[] = [];
  let runLabel = "";
  let runStart = 0;
  const l1c = at.get("l1")!;
  const close = (end: number) => {
    if (runLabel && end > runStart) s.merge(`${colName(l1c)}${runStart}:${colName(l1c)}${end}`);
  };
  for (const it of rows) {
    const newRun = it.l1 !== runLabel;
    const l1 = newRun ? it.l1 : null;
    let r: number;
    if (isInd(it)) {
      r = s.row(...line({ l1, l2: it.l2, l3: it.name, target: it.target, actual: it.actualCell ?? it.actual, weight: it.weight, score: it.scoreCell ?? it.score, reason: it.reason, note: it.note }));
      it.row = r;
      items.push(it);
    } else r = s.row(...line({ l1, l2: it.l2, l3: it.placeholder || null, weight: it.sub?.[0], score: it.sub?.[1] }));
    spans(r);
    if (newRun) {
      close(r - 1);
      runLabel = it.l1;
      runStart = r;
      l1Rows.set(it.l1, r);
    }
  }
  close(s.next - 1);
  if (margin) s.merge(`A${head}:A${s.next - 1}`);
  return { head, col: (k) => colName(at.get(k)!), last, l1Rows, items };
}

/** Sum of the weights of a first-level section. */
export const sectionWeight = (items: Ind[], l1: string) => round(sum(items.filter((i) => i.l1 === l1).map((i) => i.weight)), 6);

export const BOX = (g: string, sep = " ") => ["优", "良", "中", "差"].map((x) => (x === g ? `☑${x}` : `□${x}`)).join(sep);
