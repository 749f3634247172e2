/** One evaluation in a line or two (unit, project; stated vs recomputed total and grade; counts): the text report. */
import type { EvaluationSummary } from "../engine";

const num = (n: number | undefined) => (n === undefined ? "—" : String(Math.round(n * 100) / 100));

export function headline(e: EvaluationSummary): string[] {
  const who = [e.organisation && `单位：${e.organisation}`, e.project && `项目：${e.project}`].filter(Boolean).join("  ");
  // A form without a total or a grade (a fund-use table) shows only its counts.
  const parts = [
    e.statedTotal !== undefined || e.recomputedTotal !== undefined ? `总分 表中 ${num(e.statedTotal)} / 应为 ${num(e.recomputedTotal)}` : "",
    e.statedGrade !== undefined || e.expectedGrade !== undefined ? `等级 表中 ${e.statedGrade ?? "—"} / 应为 ${e.expectedGrade ?? "—"}` : "",
    `${e.errors} 个错误，${e.warnings} 个警告`,
  ].filter(Boolean);
  const totals = parts.join("；");
  return who ? [who, totals] : [totals];
}
