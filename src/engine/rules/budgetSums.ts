/**
 * BUDGET_SUM_MISMATCH: 其中 rows vs 总额; 基本 + 项目 = 总额; 年初 + 调整 = 全年收入; 金额合计 rows;
 * 到位 − 已使用 = 结余 + 结转. Amounts agree within 0.01 in the sheet's unit.
 */
import { NumberAt, numberAt, value } from "../facts";
import { num, sumText } from "../format";
import { BudgetRow } from "../model";
import { cellKey, SheetView } from "../recognize/view";
import { budgetCellsOf } from "./formulas";
import { Rule, RuleContext } from "./types";

const AMOUNT_TOLERANCE = 0.01 + 1e-9;

function header(view: SheetView, headerRow: number, col: number): string {
  return view.label(headerRow, col).replace(/[(（].*$/, "") || "金额";
}

interface SumFailure {
  parent: NumberAt;
  parts: NumberAt[];
  sum: number;
  what: string;
}

/** parent = Σ parts; undefined when it holds, or cannot be checked (an unreadable part is not 0). */
function sumFailure(parent: NumberAt | undefined, parts: (NumberAt | undefined)[], what: string): SumFailure | undefined {
  if (parts.some((x) => x?.reading.kind === "unreadable")) return undefined;
  const p = value(parent);
  const present = parts.filter((x): x is NumberAt => value(x) !== undefined);
  if (p === undefined || present.length === 0 || !parent) return undefined;
  const sum = present.reduce((a, b) => a + value(b)!, 0);
  if (Math.abs(sum - p) <= AMOUNT_TOLERANCE) return undefined;
  return { parent, parts: present, sum, what };
}

function reportFailure(ctx: RuleContext, f: SumFailure) {
  const p = value(f.parent)!;
  ctx.report({
    code: "BUDGET_SUM_MISMATCH",
    severity: "error",
    at: f.parent.at,
    stated: p,
    expected: Math.round(f.sum * 100) / 100,
    message: `${f.what}应为 ${num(f.sum)}（${sumText(f.parts.map((x) => value(x)!))}），表中为 ${num(p)}`,
  });
}

/**
 * Report failed identities. A cell that breaks two identities at once (a row sum and a column sum)
 * is the likely fault: it is reported once, on itself, instead of twice on the two totals.
 */
function reportFailures(ctx: RuleContext, failures: SumFailure[]) {
  const key = (n: NumberAt) => cellKey(n.at);
  const count = new Map<number, number>();
  for (const f of failures) for (const n of [f.parent, ...f.parts]) count.set(key(n), (count.get(key(n)) ?? 0) + 1);
  const done = new Set<SumFailure>();
  for (const f of failures) {
    if (done.has(f)) continue;
    const shared = [f.parent, ...f.parts].find((n) => (count.get(key(n)) ?? 0) >= 2 && failures.filter((g) => g !== f && !done.has(g) && [g.parent, ...g.parts].some((m) => key(m) === key(n))).length > 0);
    if (!shared) continue;
    const others = failures.filter((g) => !done.has(g) && [g.parent, ...g.parts].some((m) => key(m) === key(shared)));
    const v = value(shared)!;
    const implied = (g: SumFailure) => (key(g.parent) === key(shared) ? g.sum : value(g.parent)! - (g.sum - v));
    // Prefer the identity the cell is the total of: its parts give the value directly.
    const expected = implied(others.find((g) => key(g.parent) === key(shared)) ?? others[0]);
    ctx.report({
      code: "BUDGET_SUM_MISMATCH",
      severity: "error",
      at: shared.at,
      stated: v,
      expected: Math.round(expected * 100) / 100,
      message: `此数 ${num(v)} 使两处勾稽同时不成立（${others.map((g) => `${g.what}：应为 ${num(g.sum)}，表中为 ${num(value(g.parent)!)}`).join("；")}），应为 ${num(expected)}`,
    });
    for (const g of others) done.add(g);
  }
  for (const f of failures) if (!done.has(f)) reportFailure(ctx, f);
}

function* budgetBlockFailures(ctx: RuleContext): Generator<SumFailure | undefined> {
  const block = ctx.unit.budget;
  if (!block) return;
  const { view } = ctx;
  const byRole = (role: BudgetRow["role"]) => block.rows.find((r) => r.role === role);
  const total = byRole("total");
  const basic = byRole("basic");
  const project = byRole("project");
  for (const col of budgetCellsOf(block)) {
    const colName = header(view, block.headerRow, col);
    if (total && basic && project) {
      yield sumFailure(numberAt(view, total.row, col), [numberAt(view, basic.row, col), numberAt(view, project.row, col)], `“${total.label}”${colName}（基本支出 + 项目支出）`);
    }
    for (const parentRole of ["total", "basic", "project"] as const) {
      const parent = byRole(parentRole);
      if (!parent) continue;
      const parts = block.rows.filter((r) => r.role === "component" && r.parent === parentRole);
      // One 其中 row alone ("其中：当年财政拨款" under 项目支出, 其他资金 beside 基本/项目) is a part, not a
      // breakdown: only two or more rows are meant to add up to their parent.
      if (parts.length < 2) continue;
      yield sumFailure(numberAt(view, parent.row, col), parts.map((r) => numberAt(view, r.row, col)), `“${parent.label}”${colName}（其中各项之和）`);
    }
  }
  // 年初预算数 + 预算调整数 = 全年收入决算数 (department block).
  if (block.cols.adjustment !== undefined && block.cols.initial !== undefined && block.cols.adjusted !== undefined) {
    for (const r of block.rows) {
      const initial = numberAt(view, r.row, block.cols.initial);
      const adjustment = numberAt(view, r.row, block.cols.adjustment);
      if (value(initial) === undefined || value(adjustment) === undefined) continue;
      yield sumFailure(numberAt(view, r.row, block.cols.adjusted), [initial, adjustment], `“${r.label}”${header(view, block.headerRow, block.cols.adjusted)}（年初预算数 + 预算调整数）`);
    }
  }
}

function rowName(view: SheetView, row: number, labelCol: number): string {
  for (let c = labelCol; c >= 0; c--) {
    const t = view.label(row, c);
    if (t !== "" && !/^\d+$/.test(t)) return `“${t}”`;
  }
  return `第 ${row + 1} 行`;
}

/** 实际到位 = 已使用 + 结余 + 结转 on each row; the 合计 row is the column sum. */
function* fundUseFailures(ctx: RuleContext): Generator<SumFailure | undefined> {
  const t = ctx.unit.fundUse;
  if (!t) return;
  const { view } = ctx;
  const c = t.cols;
  for (const row of t.itemRows) {
    const balance = numberAt(view, row, c.balance);
    const carry = numberAt(view, row, c.carryover);
    if (value(balance) === undefined && value(carry) === undefined) continue;
    const used = numberAt(view, row, c.used);
    if (value(used) === undefined) continue;
    yield sumFailure(numberAt(view, row, c.arrived), [used, balance, carry], `${rowName(view, row, c.label)}实际到位资金（已使用资金 + 结余资金 + 结转资金）`);
  }
  for (const col of [c.budget, c.arrived, c.used, c.balance, c.carryover]) {
    if (col === undefined) continue;
    for (const sub of t.subtotals) {
      yield sumFailure(numberAt(view, sub.row, col), sub.itemRows.map((r) => numberAt(view, r, col)), `小计行${header(view, t.headerRow, col)}`);
    }
    if (t.sumRow !== undefined) {
      yield sumFailure(numberAt(view, t.sumRow, col), t.itemRows.map((r) => numberAt(view, r, col)), `合计行${header(view, t.headerRow, col)}`);
    }
  }
}

/** Each group's 总额 = 财政拨款 + 其他资金; 金额合计 is the column sum. */
function* goalBudgetFailures(ctx: RuleContext): Generator<SumFailure | undefined> {
  const t = ctx.unit.goalBudget;
  if (!t) return;
  const { view } = ctx;
  for (const g of t.groups) {
    const groupName = g.name === "planned" ? "预算金额" : "实际执行";
    if (g.total !== undefined && g.parts.length > 0) {
      for (const row of [...t.itemRows, ...(t.sumRow !== undefined ? [t.sumRow] : [])]) {
        yield sumFailure(numberAt(view, row, g.total), g.parts.map((col) => numberAt(view, row, col)), `${rowName(view, row, t.labelCol)}${groupName}总额`);
      }
    }
    if (t.sumRow === undefined) continue;
    for (const col of [...(g.total !== undefined ? [g.total] : []), ...g.parts]) {
      yield sumFailure(numberAt(view, t.sumRow, col), t.itemRows.map((r) => numberAt(view, r, col)), `金额合计（${groupName}${header(view, t.headerRow + 1, col)}）`);
    }
  }
}

export const budgetSums: Rule = {
  name: "budget-sums",
  codes: ["BUDGET_SUM_MISMATCH"],
  check(ctx) {
    const all = [...budgetBlockFailures(ctx), ...fundUseFailures(ctx), ...goalBudgetFailures(ctx)];
    reportFailures(ctx, all.filter((f): f is SumFailure => f !== undefined));
  },
};
