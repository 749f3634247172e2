/**
 * Fixes have consequences: a corrected score changes the total, the total may change the grade.
 * A typed-in 合计, 自评得分 or grade that was right before would be wrong after; the fixes that
 * cause the change carry the writes that keep those cells right (`also`). Cells holding formulas
 * follow by themselves and are left alone.
 */
import { computeTotal, UnitFacts } from "./facts";
import { num } from "./format";
import { EvaluationUnit, Ref } from "./model";
import { cellKey } from "./recognize/view";
import { gradeFor, Profile } from "./profiles";
import { readGradeText, writeGradeText } from "./recognize/statements";
import { gradeExpression, Operands, ref, totalExpression } from "./rules/formulas";
import { cellTotalAgrees, totalAgrees } from "./rules/totals";
import { FindingDraft, FixDraft } from "./rules/types";
import { cellText, readNumber } from "./values";

const key = cellKey;

/** The score fixes among the drafts, as overrides for computeTotal (cell → the value it will show). */
function scoreFixes(facts: UnitFacts, drafts: FindingDraft[]): { causes: FindingDraft[]; overrides: Map<number, number> } {
  const scoreCells = new Set([...facts.items.map((i) => key(i.score.at)), ...(facts.exec?.score ? [key(facts.exec.score.at)] : [])]);
  const causes = drafts.filter((d) => d.fix && typeof d.fix.result === "number" && scoreCells.has(key(d.fix.at)));
  return { causes, overrides: new Map(causes.map((d) => [key(d.fix!.at), d.fix!.result as number])) };
}

/**
 * A stated total, header score, conclusion or grade that is wrong only against scores that are
 * over-scored — and right once they are fixed — is not a fault of its own: telling the user
 * to change it would make it wrong. Such findings are dropped; the score findings remain.
 */
export function withoutWhatFixesResolve(facts: UnitFacts, profile: Profile, drafts: FindingDraft[]): FindingDraft[] {
  // Only definite faults (errors: over-scored, arithmetic) count; a score below its expectation may
  // be a deliberate deduction and the total built on it may be what the user means.
  const { causes, overrides } = scoreFixes(facts, drafts.filter((d) => d.severity === "error"));
  if (causes.length === 0) return drafts;
  const after = computeTotal(facts, overrides).total;
  if (after === undefined) return drafts;
  return drafts.filter((d) => {
    if ((d.code === "TOTAL_MISMATCH" || d.code === "HEADER_SCORE_MISMATCH" || d.code === "CONCLUSION_SCORE_MISMATCH") && typeof d.stated === "number") {
      return !totalAgrees(d.stated, after, profile);
    }
    if (d.code === "GRADE_MISMATCH") return d.stated !== gradeFor(after, profile);
    return true;
  });
}

export function addConsequences(operands: Operands, unit: EvaluationUnit, facts: UnitFacts, profile: Profile, drafts: FindingDraft[]): void {
  const view = operands.view;
  const { causes, overrides } = scoreFixes(facts, drafts);
  if (causes.length === 0) return;
  const after = computeTotal(facts, overrides).total;
  // Nothing to carry along unless the total changes (or was unknown: a blank execution score).
  if (after === undefined || (facts.total !== undefined && Math.abs(after - facts.total) <= 0.005)) return;
  // A typed total that already shows the total after the fixes stays as it is.
  const alreadyRight = (at: Ref) => {
    const r = readNumber(view.cell(at.row, at.col));
    return r.kind === "number" && cellTotalAgrees(view, at, r.value, after, profile);
  };

  // Fixes already planned for the total, the header score and the grade cache the values they will
  // show once every fix is written (readers that do not recalculate show the cached value).
  const gradeAfter = gradeFor(after, profile);
  const totalCells = new Set([unit.indicators?.totalRow?.score, unit.headerScore?.at].filter((x): x is Ref => !!x).map(key));
  for (const d of drafts) {
    if (!d.fix) continue;
    if (totalCells.has(key(d.fix.at))) {
      d.fix.result = after;
      // The finding's expected total uses the scores as stated; written with the score fixes, the formula shows this.
      if (typeof d.expected === "number" && Math.abs(d.expected - after) > 0.005) d.fix.description += `；连同得分的修复，合计为 ${num(after)}`;
    }
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
    if (g.form === "sentence" || g.reportOnly || !isTyped(g.at) || g.grade === gradeAfter || !totalSource) continue;
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
