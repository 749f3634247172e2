/**
 * The fix stage: after every rule has judged, one planner turns the findings' fix intents into
 * writes. It knows every cell that will be written (so formulas refer to a cell being fixed rather
 * than to the text it holds now, whatever order the rules ran in), computes the total after the
 * score fixes once, and writes the 合计 cell, the top 自评得分 field and the grade from one function
 * (`stateTotal`) — for a finding's own fix, for the writes a score fix carries along, and for
 * 插入正确等级和合计.
 */
import { computeTotal, UnitFacts, value } from "./facts";
import { num } from "./format";
import { roundHalfUp } from "./scoring";
import { words } from "./messages";
import { EvaluationUnit, GradeStatement, Ref } from "./model";
import { Grade, gradeFor, Profile } from "./profiles";
import { readGradeText, writeGradeText } from "./recognize/statements";
import { cellKey, SheetView } from "./recognize/view";
import { gradeExpression, numFmtFor, Operands, ref, sumOfScores, totalExpression } from "./rules/formulas";
import { cellTotalAgrees, totalAgrees } from "./rules/totals";
import { FindingDraft, FixDraft, PlannedDraft } from "./rules/types";
import { cellText, readNumber } from "./values";

export interface PlanContext {
  view: SheetView;
  unit: EvaluationUnit;
  facts: UnitFacts;
  profile: Profile;
}

const key = cellKey;

/** How fix formulas refer to cells, knowing which cells will be written. */
export function operandsFor(view: SheetView, written: ReadonlySet<number>): Operands {
  return { view, willFix: (at: Ref) => written.has(key(at)) };
}

/** The check-box style a grade cell is written in (the fix keeps the sheet's words, boxes and note). */
function styleOf(view: SheetView, g: GradeStatement) {
  return g.form === "sentence" ? undefined : readGradeText(cellText(view.cell(g.at.row, g.at.col)))?.style;
}

/**
 * How the top 自评得分 field and the grade refer to the total: the 合计 cell when it holds the
 * total (or when the sum is too long to repeat: the 合计 fix then makes the cell right); otherwise
 * the sum itself, so that the write is right on its own whatever else is written.
 */
function totalSource(ctx: PlanContext, o: Operands, totalCellRight: boolean): string | undefined {
  const at = ctx.unit.indicators?.totalRow?.score;
  const expr = totalExpression(o, ctx.facts);
  if (at && (totalCellRight || (expr !== undefined && expr.length > 1000))) return ref(at);
  return expr;
}

/** The 合计 cell holds the total now (its stated number agrees with the recomputed one). */
function totalCellAgreesNow(ctx: PlanContext): boolean {
  const at = ctx.unit.indicators?.totalRow?.score;
  const total = ctx.facts.total;
  if (!at || total === undefined) return false;
  const r = readNumber(ctx.view.cell(at.row, at.col));
  return r.kind === "number" && cellTotalAgrees(ctx.view, at, r.value, total, ctx.profile);
}

type TotalTarget = { kind: "total"; at: Ref } | { kind: "headerScore"; at: Ref } | { kind: "grade"; grade: GradeStatement };

/**
 * The one write for a place that states the total: the 合计 cell gets the sum, the 自评得分 field
 * refers to the total, a grade cell gets the band formula in the sheet's own style. `shows` is the
 * total the write will show (cached for readers that do not recalculate).
 */
function stateTotal(ctx: PlanContext, o: Operands, target: TotalTarget, source: string, shows: number): Omit<FixDraft, "description"> | undefined {
  const { view, profile } = ctx;
  if (target.kind === "grade") {
    const style = styleOf(view, target.grade);
    const write = (g: string) => writeGradeText(g as Grade, style);
    return { at: target.grade.at, formula: `=${gradeExpression(source, profile, write)}`, result: write(gradeFor(shows, profile)) };
  }
  const at = target.at;
  const r = readNumber(view.cell(at.row, at.col));
  const numFmt = numFmtFor(r.kind === "number" ? r.form : undefined, "score");
  if (target.kind === "total") {
    const expr = totalExpression(o, ctx.facts);
    return expr ? { at, formula: `=${expr}`, result: shows, numFmt } : undefined;
  }
  return { at, formula: `=${source}`, result: shows, numFmt };
}

/** Places where the total is stated that a write may replace (typed cells; never text with its label, never sentences). */
function totalTargets(ctx: PlanContext): TotalTarget[] {
  const { unit } = ctx;
  const out: TotalTarget[] = [];
  const totalAt = unit.indicators?.totalRow?.score;
  if (totalAt) out.push({ kind: "total", at: totalAt });
  if (unit.headerScore && unit.headerScore.inline === undefined) out.push({ kind: "headerScore", at: unit.headerScore.at });
  for (const g of unit.grades) if (g.form !== "sentence" && !g.reportOnly) out.push({ kind: "grade", grade: g });
  return out;
}

const atOf = (t: TotalTarget) => (t.kind === "grade" ? t.grade.at : t.at);

/** The score fixes among the drafts: cell → the value it will show. */
function scoreOverrides(ctx: PlanContext, planned: { at: Ref; fix?: FixDraft; severity: string }[], errorsOnly: boolean): Map<number, number> {
  if (!planned.some((d) => d.fix && typeof d.fix.result === "number")) return new Map();
  const scoreCells = new Set([...ctx.facts.items.map((i) => key(i.score.at)), ...(ctx.facts.exec?.score ? [key(ctx.facts.exec.score.at)] : [])]);
  const out = new Map<number, number>();
  for (const d of planned) {
    if (errorsOnly && d.severity !== "error") continue;
    if (d.fix && typeof d.fix.result === "number" && scoreCells.has(key(d.fix.at))) out.set(key(d.fix.at), d.fix.result);
  }
  return out;
}

/**
 * A stated total, header score, conclusion or grade that is wrong only against scores that are
 * over-stated — and right once they are fixed — is not a fault of its own: telling the user to
 * change it would make it wrong. Only errors count (a score below its expectation may be a
 * deliberate deduction, and the total built on it may be what the user means).
 */
function withoutWhatFixesResolve(ctx: PlanContext, drafts: PlannedDraft[]): PlannedDraft[] {
  const overrides = scoreOverrides(ctx, drafts, true);
  if (overrides.size === 0) return drafts;
  const after = computeTotal(ctx.facts, overrides).total;
  if (after === undefined) return drafts;
  return drafts.filter((d) => {
    if ((d.code === "TOTAL_MISMATCH" || d.code === "HEADER_SCORE_MISMATCH" || d.code === "CONCLUSION_SCORE_MISMATCH") && typeof d.stated === "number") {
      return !totalAgrees(d.stated, after, ctx.profile);
    }
    if (d.code === "GRADE_MISMATCH") return d.stated !== gradeFor(after, ctx.profile);
    return true;
  });
}

const DESCRIPTION = {
  total: words("写入合计公式（各项得分之和）", "Writes the total as a formula (the scores added up)"),
  headerScore: words("表头自评得分引用合计", "Makes the score at the top refer to the total"),
  grade: (g: GradeStatement) =>
    g.form === "checkbox"
      ? words("写入等级公式（按总分勾选）", "Writes a grade formula (ticks the box the total earns)")
      : words("写入等级公式（按总分取等级）", "Writes a grade formula (the grade the total earns)"),
};

/** Turn the findings' fix intents into writes (see the module comment). */
export function planUnit(ctx: PlanContext, drafts: FindingDraft[]): PlannedDraft[] {
  const { view, facts } = ctx;
  const written = new Set(drafts.filter((d) => d.fix).map((d) => key(d.fix!.at)));
  const o = operandsFor(view, written);

  // Cells' own formulas first: the score fixes decide the total after the fix.
  const intents = new Map<PlannedDraft, FindingDraft["fix"]>();
  let planned: PlannedDraft[] = drafts.map(({ fix, ...d }) => {
    const p: PlannedDraft = { ...d, fix: fix?.kind === "cell" ? fix.build(o) : undefined };
    intents.set(p, fix);
    return p;
  });
  planned = withoutWhatFixesResolve(ctx, planned);
  const overrides = scoreOverrides(ctx, planned, false);
  const after = overrides.size ? computeTotal(facts, overrides).total : facts.total;

  // The places that state the total: their findings' own fixes.
  const source = totalSource(ctx, o, totalCellAgreesNow(ctx));
  for (const d of planned) {
    const intent = intents.get(d);
    if (!intent || intent.kind === "cell" || after === undefined || !source) continue;
    const target = totalTargets(ctx).find((t) => key(atOf(t)) === key(intent.at));
    const write = target && stateTotal(ctx, o, target, source, after);
    if (!target || !write) continue;
    let description = target.kind === "grade" ? DESCRIPTION.grade(target.grade) : DESCRIPTION[target.kind];
    // The finding's expected total uses the scores as stated; written with the score fixes, the formula shows this.
    if (target.kind === "total" && typeof d.expected === "number" && Math.abs(d.expected - after) > 0.005) {
      description = words(`${description.zh}；连同得分的修复，合计为 ${num(after)}`, `${description.en}; with the score fixes, the total is ${num(after)}`);
    }
    d.fix = { ...write, description };
  }

  carryAlong(ctx, o, planned, overrides, after);
  return planned;
}

/**
 * Fixes have consequences: a corrected score changes the total, the total may change the grade. A
 * typed 合计, 自评得分 or grade that was right before would be wrong after: the score fixes carry the
 * writes that keep those cells right (`also`). Cells holding formulas follow by themselves.
 */
function carryAlong(ctx: PlanContext, o: Operands, planned: PlannedDraft[], overrides: Map<number, number>, after: number | undefined): void {
  const { view, unit, facts, profile } = ctx;
  if (overrides.size === 0) return;
  const targeted = new Set(planned.filter((d) => d.fix).map((d) => key(d.fix!.at)));
  const typed = (at: Ref) => !view.cell(at.row, at.col)?.formula && !targeted.has(key(at));
  carrySubtotals(ctx, o, planned, overrides, typed);
  if (after === undefined) return;
  // Nothing more to carry along unless the total changes (or was unknown: a blank execution score).
  if (facts.total !== undefined && Math.abs(after - facts.total) <= 0.005) return;
  const causes = planned.filter((d) => d.fix && overrides.has(key(d.fix.at)));
  const rightAfter = (at: Ref) => {
    const r = readNumber(view.cell(at.row, at.col));
    return r.kind === "number" && cellTotalAgrees(view, at, r.value, after, profile);
  };
  const totalAt = unit.indicators?.totalRow?.score;
  const source = totalAt ? ref(totalAt) : totalExpression(o, facts);
  const gradeAfter = gradeFor(after, profile);
  const also: FixDraft[] = [];
  for (const target of totalTargets(ctx)) {
    const at = atOf(target);
    if (!typed(at) || !source) continue;
    if (target.kind === "grade" ? target.grade.grade === gradeAfter : rightAfter(at)) continue;
    const write = stateTotal(ctx, o, target, source, after);
    if (!write) continue;
    const description =
      target.kind === "total"
        ? words(`合计随之更新为 ${num(after)}`, `The total follows: ${num(after)}`)
        : target.kind === "headerScore"
          ? words(`表头自评得分随之更新为 ${num(after)}`, `The score at the top follows: ${num(after)}`)
          : words(`等级随之更新为“${gradeAfter}”`, `The grade follows: "${gradeAfter}"`);
    also.push({ ...write, description });
  }
  const sentences =
    unit.conclusions.some((c) => !totalAgrees(c.value, after, profile)) || unit.grades.some((g) => g.form === "sentence" && g.grade !== gradeAfter);
  for (const d of causes) {
    if (also.length) d.fix!.also = [...(d.fix!.also ?? []), ...also];
    if (sentences) {
      const was = d.fix!.description;
      d.fix!.description = words(`${was.zh}；修复后总分为 ${num(after)}，结论文字需手工修改`, `${was.en}; the total becomes ${num(after)}, so the conclusion text must be changed by hand`);
    }
  }
}

/**
 * A typed 小计 that adds up its section's scores stays so when a fix changes one of them: the fix
 * carries a SUM of those scores. A 小计 that was not their sum is not understood, and left alone.
 */
function carrySubtotals(ctx: PlanContext, o: Operands, planned: PlannedDraft[], overrides: Map<number, number>, typed: (at: Ref) => boolean): void {
  const table = ctx.unit.indicators;
  if (!table) return;
  for (const sub of table.subtotals) {
    const at = { row: sub.row, col: table.cols.score };
    const stated = readNumber(ctx.view.cell(at.row, at.col));
    if (stated.kind !== "number" || !typed(at)) continue;
    const rows = new Set(sub.itemRows);
    const members = ctx.facts.items.filter((i) => rows.has(i.item.row));
    const before = members.reduce((sum, i) => sum + (value(i.score) ?? 0), 0);
    const afterFix = members.reduce((sum, i) => sum + (overrides.get(key(i.score.at)) ?? value(i.score) ?? 0), 0);
    if (Math.abs(stated.value - before) > 0.005 || Math.abs(afterFix - before) <= 0.005) continue;
    const cells = new Set(members.map((i) => key(i.score.at)));
    const write: FixDraft = {
      at,
      formula: `=${sumOfScores(o, members.map((i) => i.score))}`,
      result: afterFix,
      description: words(`小计随之更新为 ${num(afterFix)}`, `The subtotal follows: ${num(afterFix)}`),
    };
    for (const d of planned) if (d.fix && cells.has(key(d.fix.at)) && overrides.has(key(d.fix.at))) d.fix.also = [...(d.fix.also ?? []), write];
  }
}

/**
 * The decimals a typed total is rounded to, when the check accepts it only as rounded (98 or 97.9 for
 * 97.92; not 90 for 89.6, which changes the grade).
 */
function roundingOf(ctx: PlanContext, at: Ref, total: number): number | undefined {
  const r = readNumber(ctx.view.cell(at.row, at.col));
  if (r.kind !== "number" || Math.abs(r.value - total) <= 0.005 || !cellTotalAgrees(ctx.view, at, r.value, total, ctx.profile)) return undefined;
  return [0, 1].find((d) => Math.abs(roundHalfUp(total, d) - r.value) <= 1e-9);
}

/**
 * 插入正确等级和合计: live formulas for the 合计 cell, the top 自评得分 field and the grade, whether
 * or not they are wrong now, so that they stay right while staff keep editing the scores. Cells that
 * already hold a formula are left alone (a wrong one has its own finding and fix).
 */
export function liveTotals(ctx: PlanContext): FixDraft[] {
  const { view, unit, facts, profile } = ctx;
  const total = facts.total;
  if (total === undefined || !unit.indicators) return [];
  const o = operandsFor(view, new Set());
  const expr = totalExpression(o, facts);
  if (!expr) return [];
  const totalAt = unit.indicators.totalRow?.score;
  const source = totalAt ? ref(totalAt) : expr;
  const out: FixDraft[] = [];
  for (const target of totalTargets(ctx)) {
    const at = atOf(target);
    if (view.cell(at.row, at.col)?.formula) continue;
    const write = stateTotal(ctx, o, target, source, total);
    if (!write) continue;
    // A total the sheet states rounded (98 for 97.92, which the check accepts) stays as it shows.
    const digits = target.kind === "grade" ? undefined : roundingOf(ctx, at, total);
    if (digits !== undefined && write.formula) {
      write.formula = `=ROUND(${write.formula.slice(1)},${digits})`;
      write.result = roundHalfUp(total, digits);
    }
    const description =
      target.kind === "total"
        ? words(`合计改为公式（当前 ${num(total)}）`, `The total becomes a formula (now ${num(total)})`)
        : target.kind === "headerScore"
          ? words("表头自评得分改为引用合计", "The score at the top refers to the total")
          : words(`等级改为按总分自动取值（当前“${gradeFor(total, profile)}”）`, `The grade follows the total (now "${gradeFor(total, profile)}")`);
    // 插入 writes formulas only: the cells' own number formats stay.
    out.push({ at: write.at, formula: write.formula, result: write.result, description });
  }
  return out;
}
