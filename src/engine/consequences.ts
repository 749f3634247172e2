/**
 * Fixes have consequences: a corrected score changes the total, the total may change the grade.
 * A typed-in 合计, 自评得分 or grade that was right before would be wrong after; the fixes that
 * cause the change carry the writes that keep those cells right (`also`). Cells holding formulas
 * follow by themselves and are left alone.
 */
import { computeTotal, UnitFacts } from "./facts";
import { num } from "./format";
import { EvaluationUnit, Ref } from "./model";
import { gradeFor, Profile } from "./profiles";
import { readGradeText, writeGradeText } from "./recognize/statements";
import { gradeExpression, Operands, ref, totalExpression } from "./rules/formulas";
import { totalAgrees } from "./rules/totals";
import { FindingDraft, FixDraft } from "./rules/types";
import { cellText, readNumber } from "./values";

const key = (at: Ref) => `${at.row}:${at.col}`;

export function addConsequences(operands: Operands, unit: EvaluationUnit, facts: UnitFacts, profile: Profile, drafts: FindingDraft[]): void {
  const view = operands.view;
  const scoreCells = new Set([...facts.items.map((i) => key(i.score.at)), ...(facts.exec?.score ? [key(facts.exec.score.at)] : [])]);
  const causes = drafts.filter((d) => d.fix && typeof d.fix.result === "number" && scoreCells.has(key(d.fix.at)));
  if (causes.length === 0) return;
  const overrides = new Map(causes.map((d) => [key(d.fix!.at), d.fix!.result as number]));
  const after = computeTotal(facts, overrides).total;
  // Unknown before (a blank execution score): the typed cells that already agree stay as they are.
  if (after === undefined || (facts.total !== undefined && Math.abs(after - facts.total) <= 0.005)) return;
  const alreadyRight = (at: Ref) => facts.total === undefined && readNumber(view.cell(at.row, at.col)).kind === "number" && Math.abs((readNumber(view.cell(at.row, at.col)) as { value: number }).value - after) <= 0.005;

  // Fixes already planned for the total, the header score and the grade cache the values they will
  // show once every fix is written (readers that do not recalculate show the cached value).
  const gradeAfter = gradeFor(after, profile);
  const totalCells = new Set([unit.indicators?.totalRow?.score, unit.headerScore?.at].filter((x): x is Ref => !!x).map(key));
  for (const d of drafts) {
    if (!d.fix) continue;
    if (totalCells.has(key(d.fix.at))) d.fix.result = after;
    const g = unit.grades.find((x) => x.form !== "sentence" && key(x.at) === key(d.fix!.at));
    if (g) {
      const style = g.form === "checkbox" ? readGradeText(cellText(view.cell(g.at.row, g.at.col)))?.style : undefined;
      d.fix.result = writeGradeText(gradeAfter, style);
    }
  }

  const targeted = new Set(drafts.filter((d) => d.fix).map((d) => key(d.fix!.at)));
  const isTyped = (at: Ref) => !view.cell(at.row, at.col)?.formula && !targeted.has(key(at));
  const expr = totalExpression(operands, facts);
  const also: FixDraft[] = [];
  const totalAt = unit.indicators?.totalRow?.score;
  let totalSource = expr;
  if (totalAt) {
    totalSource = ref(totalAt);
    if (isTyped(totalAt) && expr && !alreadyRight(totalAt)) {
      also.push({ at: totalAt, formula: `=${expr}`, result: after, description: `合计随之更新为 ${num(after)}` });
    }
  }
  if (unit.headerScore && unit.headerScore.inline === undefined && isTyped(unit.headerScore.at) && totalSource && !alreadyRight(unit.headerScore.at)) {
    also.push({ at: unit.headerScore.at, formula: `=${totalSource}`, result: after, description: `表头自评得分随之更新为 ${num(after)}` });
  }
  for (const g of unit.grades) {
    if (g.form === "sentence" || g.inline || !isTyped(g.at) || g.grade === gradeAfter || !totalSource) continue;
    const style = g.form === "checkbox" ? readGradeText(cellText(view.cell(g.at.row, g.at.col)))?.style : undefined;
    also.push({
      at: g.at,
      formula: `=${gradeExpression(totalSource, profile, (x) => writeGradeText(x as typeof gradeAfter, style))}`,
      result: writeGradeText(gradeAfter, style),
      description: `等级随之更新为“${gradeAfter}”`,
    });
  }
  const sentences =
    unit.conclusions.some((c) => !totalAgrees(c.value, after, profile)) || unit.grades.some((g) => g.form === "sentence" && g.grade !== gradeAfter);
  for (const d of causes) {
    if (also.length) d.fix!.also = also;
    if (sentences) d.fix!.description += `；修复后总分为 ${num(after)}，结论文字需手工修改`;
  }
}
