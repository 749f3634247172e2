/**
 * 插入正确等级和合计: live formulas for the 合计 cell, the top 自评得分 field and the grade, whether
 * or not they are wrong now, so that they stay right while staff keep editing the scores. Cells
 * that already hold a formula are left alone (a wrong one has its own finding and fix).
 */
import { UnitFacts } from "./facts";
import { num } from "./format";
import { EvaluationUnit } from "./model";
import { gradeFor, Profile } from "./profiles";
import { readGradeText, writeGradeText } from "./recognize/statements";
import { gradeExpression, Operands, ref, totalExpression } from "./rules/formulas";
import { FixDraft } from "./rules/types";
import { cellText } from "./values";

export function liveTotals(operands: Operands, unit: EvaluationUnit, facts: UnitFacts, profile: Profile): FixDraft[] {
  const { view } = operands;
  if (facts.total === undefined || !unit.indicators) return [];
  const expr = totalExpression(operands, facts);
  if (!expr) return [];
  const out: FixDraft[] = [];
  const typed = (at: { row: number; col: number }) => !view.cell(at.row, at.col)?.formula;
  const totalAt = unit.indicators.totalRow?.score;
  let source = expr;
  if (totalAt) {
    source = ref(totalAt);
    if (typed(totalAt)) out.push({ at: totalAt, formula: `=${expr}`, result: facts.total, description: `合计改为公式（当前 ${num(facts.total)}）` });
  }
  if (unit.headerScore && unit.headerScore.inline === undefined && typed(unit.headerScore.at)) {
    out.push({ at: unit.headerScore.at, formula: `=${source}`, result: facts.total, description: "表头自评得分改为引用合计" });
  }
  const grade = gradeFor(facts.total, profile);
  for (const g of unit.grades) {
    if (g.form === "sentence" || g.reportOnly || !typed(g.at)) continue;
    const style = g.form === "checkbox" ? readGradeText(cellText(view.cell(g.at.row, g.at.col)))?.style : undefined;
    out.push({
      at: g.at,
      formula: `=${gradeExpression(source, profile, (x) => writeGradeText(x as typeof grade, style))}`,
      result: writeGradeText(grade, style),
      description: `等级改为按总分自动取值（当前“${grade}”）`,
    });
  }
  return out;
}
