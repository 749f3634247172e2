/**
 * Values every rule needs, read once per evaluation unit: item weights and scores, the execution
 * rate and its score, and the recomputed total.
 */
import { BudgetBlock, BudgetRow, EvaluationUnit, IndicatorItem, Ref } from "./model";
import { cellKey, SheetView } from "./recognize/view";
import { NumberForm, NumberReading, readDeduction, readNumber, readRate, readWeight } from "./values";

export interface NumberAt {
  at: Ref;
  reading: NumberReading;
}

export interface ItemFacts {
  item: IndicatorItem;
  weight?: NumberAt;
  score: NumberAt;
}

/** An amount as the sheet gives it: one cell, or the sum of its parts (执行数 › 财政拨款 + 其他资金). */
export interface Amount {
  value: number;
  cells: { at: Ref; value: number }[];
}

export interface ComputedRate {
  rate: number;
  executed: Amount;
  budget: Amount;
}

export interface ExecFacts {
  block: BudgetBlock;
  row: BudgetRow;
  weight?: { value: number; at: Ref; inCell: boolean };
  score?: NumberAt;
  /** Rate computed from the amounts, with the amounts used. */
  computed?: ComputedRate;
  stated?: NumberAt & { points: boolean };
}

export interface UnitFacts {
  unit: EvaluationUnit;
  items: ItemFacts[];
  /** The facts of an item (rules look items up by the model's object). */
  byItem: Map<IndicatorItem, ItemFacts>;
  exec?: ExecFacts;
  /** Σ item scores (each capped at its weight) + execution score (capped) − deductions. */
  total?: number;
  totalParts: { items: number; exec?: number; deductions: number };
}

export function value(n: NumberAt | undefined): number | undefined {
  return n?.reading.kind === "number" ? n.reading.value : undefined;
}

export function form(n: NumberAt | undefined): NumberForm | undefined {
  return n?.reading.kind === "number" ? n.reading.form : undefined;
}

export function numberAt(view: SheetView, row: number, col: number | undefined, read = readNumber): NumberAt | undefined {
  if (col === undefined) return undefined;
  const at = view.master(row, col);
  return { at, reading: read(view.cell(at.row, at.col)) };
}

/** A weight cell, in points (see readWeight). */
export function weightAt(view: SheetView, row: number, col: number | undefined): NumberAt | undefined {
  return numberAt(view, row, col, readWeight);
}

/** A weight declared in the indicator's label (相关性（5分）): read as written, never rewritten. */
function labelWeightAt(item: IndicatorItem): NumberAt | undefined {
  const w = item.labelWeight;
  return w && { at: w.at, reading: { kind: "number", value: w.value, form: { text: true, percentFormat: false, percentSign: false, unit: "分" } } };
}

/** The budget row whose rate and score are the project's: 年度资金总额 / 总额, else the first. */
export function execRowOf(block: BudgetBlock): BudgetRow {
  return block.rows.find((r) => r.role === "total") ?? block.rows[0];
}

/** One cell's amount, or the sum of the cells given (empty ones are not applicable; any unreadable one makes it unknown). */
function amountOf(view: SheetView, row: number, cols: readonly number[]): Amount | undefined {
  const cells: Amount["cells"] = [];
  for (const col of cols) {
    const n = numberAt(view, row, col)!;
    if (n.reading.kind === "unreadable") return undefined;
    if (n.reading.kind === "number") cells.push({ at: n.at, value: n.reading.value });
  }
  return cells.length ? { value: cells.reduce((a, c) => a + c.value, 0), cells } : undefined;
}

/** 执行率 = 执行数 ÷ 预算数, the adjusted figure (全年预算数 / 调整后 / 全年收入决算数) when there is one. */
export function computeRate(view: SheetView, block: BudgetBlock, row: number): ComputedRate | "undefined-budget" | undefined {
  const { cols } = block;
  const executed = amountOf(view, row, cols.executed !== undefined ? [cols.executed] : block.executedParts);
  const adjusted = amountOf(view, row, cols.adjusted !== undefined ? [cols.adjusted] : block.adjustedParts);
  const initial = cols.initial !== undefined ? amountOf(view, row, [cols.initial]) : undefined;
  if (!executed) return undefined;
  // 年初预算数 stands in for the budget only when no other column of amounts could be it.
  if (!adjusted && cols.adjusted === undefined && block.adjustedParts.length === 0 && block.unnamedAmounts.length > 0) return undefined;
  const budget = adjusted ?? initial;
  // A budget of 0 (or less: no budget is negative) leaves the rate undefined.
  if (!budget || budget.value <= 1e-9) return "undefined-budget";
  return { rate: executed.value / budget.value, executed, budget };
}

export function statedRate(view: SheetView, block: BudgetBlock, row: number): (NumberAt & { points: boolean }) | undefined {
  if (block.cols.rate === undefined) return undefined;
  const at = view.master(row, block.cols.rate);
  const r = readRate(view.cell(at.row, at.col));
  return { at, reading: r, points: !!(r as { points?: boolean }).points };
}

function execFacts(view: SheetView, block: BudgetBlock): ExecFacts {
  const row = execRowOf(block);
  const facts: ExecFacts = { block, row };
  const w = weightAt(view, row.row, block.cols.weight);
  if (value(w) !== undefined) facts.weight = { value: value(w)!, at: w!.at, inCell: true };
  else if (block.declaredExecWeight) facts.weight = { ...block.declaredExecWeight, inCell: false };
  facts.score = block.cols.score !== undefined ? numberAt(view, row.row, block.cols.score) : undefined;
  const c = computeRate(view, block, row.row);
  if (c && c !== "undefined-budget") facts.computed = c;
  facts.stated = statedRate(view, block, row.row);
  return facts;
}

/** The block scores the rate (a weight and a rate are there) but the score cell is blank. */
export function execScoreMissing(exec: ExecFacts): boolean {
  const rateKnown = exec.computed !== undefined || exec.stated?.reading.kind === "number";
  return exec.score?.reading.kind === "empty" && exec.weight !== undefined && exec.weight.value > 0 && rateKnown;
}

export function unitFacts(view: SheetView, unit: EvaluationUnit): UnitFacts {
  const items: ItemFacts[] = [];
  for (const item of unit.indicators?.items ?? []) {
    items.push({
      item,
      weight: item.weightCol !== undefined ? weightAt(view, item.row, item.weightCol) : labelWeightAt(item),
      score: numberAt(view, item.row, item.scoreCol, item.isDeduction ? readDeduction : readNumber)!,
    });
  }
  // A block that scores its rate (a 得分 column, a 分值, or a weight in a label) has execution facts,
  // even when its score column could not be found.
  const b = unit.budget;
  const exec = b && (b.cols.score !== undefined || b.cols.weight !== undefined || b.declaredExecWeight) ? execFacts(view, b) : undefined;
  const facts: UnitFacts = { unit, items, byItem: new Map(items.map((f) => [f.item, f])), exec, totalParts: { items: 0, deductions: 0 } };
  if (!unit.indicators) return facts;
  return Object.assign(facts, computeTotal(facts));
}

const key = cellKey;

/**
 * Σ item scores (each capped at its weight) + execution score (capped) − deductions, with some
 * scores replaced (`overrides`, by cell) — how the total will read once fixes are written.
 */
export function computeTotal(facts: UnitFacts, overrides = new Map<number, number>()): Pick<UnitFacts, "total" | "totalParts"> {
  const { items, exec } = facts;
  const none = { total: undefined, totalParts: { items: 0, deductions: 0 } };
  if (!facts.unit.indicators) return none;
  // An unreadable score makes the total unknown: it is reported once, on its own cell.
  if (items.some((it) => it.score.reading.kind === "unreadable" && !overrides.has(key(it.score.at)))) return none;
  if (exec?.score?.reading.kind === "unreadable" && !overrides.has(key(exec.score.at))) return none;
  // So does a blank execution score the sheet asks for (it is reported once, on its cell).
  if (exec?.score && execScoreMissing(exec) && !overrides.has(key(exec.score.at))) return none;
  // And an execution weight whose score could not be found (a header not recognised): part of the
  // total is unknown, so nothing is judged from it.
  if (exec && !exec.score && exec.weight && exec.weight.value > 0) return none;
  if (facts.unit.unreadBudget) return none;
  const scoreOf = (n: NumberAt) => overrides.get(key(n.at)) ?? value(n);
  let itemsSum = 0;
  let deductions = 0;
  for (const it of items) {
    const s = scoreOf(it.score);
    if (s === undefined) continue;
    const w = value(it.weight);
    // A deduction counts by its size whether written 2 or -2 (at most its weight, when it has one).
    if (it.item.isDeduction) deductions += w !== undefined ? Math.min(Math.abs(s), Math.abs(w)) : Math.abs(s);
    else itemsSum += w !== undefined ? Math.min(s, w) : s;
  }
  let execScore: number | undefined;
  if (exec?.score) {
    const s = scoreOf(exec.score);
    if (s !== undefined) execScore = exec.weight ? Math.min(s, exec.weight.value) : s;
  }
  return { total: itemsSum + (execScore ?? 0) - deductions, totalParts: { items: itemsSum, exec: execScore, deductions } };
}
