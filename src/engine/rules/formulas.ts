/**
 * The live formulas fixes write, built from the sheet's own cells. One place for each expression
 * so that the rate, the execution score, the total and the grade always agree with each other.
 */
import { ExecFacts, form, UnitFacts, value } from "../facts";
import { a1 } from "../grid";
import { BudgetBlock, Ref } from "../model";
import { Profile } from "../profiles";
import { SheetView } from "../recognize/view";
import { NumberForm } from "../values";

export const ref = (at: Ref) => a1(at.row, at.col);

/** A number as a formula constant. */
export function constant(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}

/** Number format to set when the cell held text: "97.59%" → a %-format, "10 分" → keeps the unit. */
export function numFmtFor(f: NumberForm | undefined, kind: "rate" | "score"): string | undefined {
  if (!f || !f.text) return undefined;
  if (kind === "rate" && f.percentSign) return "0.00%";
  if (kind === "score" && f.unit === "分") return 'General"分"';
  return undefined;
}

/** 执行数 ÷ 预算数 for a budget row, guarded against an empty or zero budget. */
export function rateExpression(budgetAt: Ref, executedAt: Ref): string {
  return `IF(${ref(budgetAt)}=0,0,${ref(executedAt)}/${ref(budgetAt)})`;
}

/** The execution score by the profile's rule, from the amounts when the sheet has them. */
export function execScoreExpression(view: SheetView, exec: ExecFacts, profile: Profile): string | undefined {
  if (!exec.weight) return undefined;
  const w = exec.weight.inCell ? ref(exec.weight.at) : constant(exec.weight.value);
  let rate: string | undefined;
  if (exec.computed) rate = rateExpression(exec.computed.budget.at, exec.computed.executed.at);
  else if (exec.stated && exec.stated.reading.kind === "number") {
    const r = exec.stated.reading;
    rate = r.form.text ? constant(r.value) : exec.stated.points ? `${ref(exec.stated.at)}/100` : ref(exec.stated.at);
  }
  if (!rate) return undefined;
  return `${w}*MIN(${constant(profile.execScore.cap)},${rate})`;
}

/** Contiguous runs of rows in one column as SUM arguments: "H10:H20,H22". */
function runs(col: number, rows: number[]): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const r = sorted[i];
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
    start = r;
    prev = r;
  }
  return out;
}

/**
 * The recomputed total as a formula body: the item scores (each capped at its weight), plus the
 * execution score (capped), minus deductions.
 */
export function totalExpression(facts: UnitFacts): string | undefined {
  const items = facts.items.filter((i) => !i.item.isDeduction);
  if (items.length === 0) return undefined;
  const byCol = new Map<number, number[]>();
  for (const it of items) {
    const list = byCol.get(it.score.at.col) ?? [];
    list.push(it.score.at.row);
    byCol.set(it.score.at.col, list);
  }
  const args = [...byCol.entries()].flatMap(([col, rows]) => runs(col, rows));
  let expr = `SUM(${args.join(",")})`;
  for (const it of items) {
    const s = value(it.score);
    const w = value(it.weight);
    if (s !== undefined && w !== undefined && s > w && it.weight) {
      expr += `-${ref(it.score.at)}+MIN(${ref(it.weight.at)},${ref(it.score.at)})`;
    }
  }
  const exec = facts.exec;
  if (exec?.score && value(exec.score) !== undefined) {
    const s = value(exec.score)!;
    if (exec.weight && s > exec.weight.value) {
      const w = exec.weight.inCell ? ref(exec.weight.at) : constant(exec.weight.value);
      expr += `+MIN(${w},${ref(exec.score.at)})`;
    } else expr += `+${ref(exec.score.at)}`;
  }
  for (const d of facts.items.filter((i) => i.item.isDeduction)) expr += `-${ref(d.score.at)}`;
  return expr;
}

/** Where the total can be referenced: the total cell when it already holds the right total. */
export function totalReference(facts: UnitFacts, view: SheetView, agrees: (stated: number) => boolean): string | undefined {
  const at = facts.unit.indicators?.totalRow?.score;
  if (at) {
    const c = view.cell(at.row, at.col);
    if (typeof c?.value === "number" && agrees(c.value)) return ref(at);
  }
  return totalExpression(facts);
}

/** IF(ROUND(T,2)>=90,"优",IF(…)) with the profile's bands, in the sheet's grade style. */
export function gradeExpression(total: string, profile: Profile, write: (g: string) => string): string {
  const bands = profile.gradeBands;
  let expr = `"${write(bands[bands.length - 1].grade)}"`;
  for (let i = bands.length - 2; i >= 0; i--) {
    expr = `IF(ROUND(${total},2)>=${bands[i].min},"${write(bands[i].grade)}",${expr})`;
  }
  return expr;
}

export function budgetCellsOf(block: BudgetBlock) {
  return [block.cols.initial, block.cols.adjustment, block.cols.adjusted, block.cols.executed].filter((c): c is number => c !== undefined);
}

export { form, value };
