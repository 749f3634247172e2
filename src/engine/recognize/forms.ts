/**
 * Segmenting a sheet into forms: several self-evaluations are often stacked on one sheet, each with
 * its title, its 项目名称 / 单位名称 line, its own 自评得分, grade and conclusion. A form starts at a
 * title row or at a 项目名称 line (a title directly followed by its 项目名称 line is one start); the
 * rows above the first start belong to the first form.
 */
import { FORM_START, matches } from "./labels";
import { SheetView } from "./view";

export interface FormSegment {
  top: number;
  bottom: number;
}

export function segmentForms(view: SheetView, tableTops: readonly number[]): FormSegment[] {
  const starts: number[] = [];
  for (const r of view.occupiedRows()) {
    const first = view.firstLabel(r)?.text;
    if (!first || !matches(FORM_START, first)) continue;
    const previous = starts[starts.length - 1];
    // A title and the 项目名称 line under it start one form: no table begins between them.
    if (previous !== undefined && !tableTops.some((t) => t > previous && t <= r)) continue;
    starts.push(r);
  }
  const last = view.rowCount - 1;
  if (starts.length <= 1) return [{ top: 0, bottom: last }];
  return starts.map((top, i) => ({ top: i === 0 ? 0 : top, bottom: i + 1 < starts.length ? starts[i + 1] - 1 : last }));
}

/** The form a row belongs to (segments are in order and cover the sheet: a binary search). */
export function segmentOf(segments: readonly FormSegment[], row: number): FormSegment {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].top <= row) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo];
}
