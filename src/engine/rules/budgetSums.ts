/**
 * BUDGET_SUM_MISMATCH: 其中 rows vs 总额; 基本 + 项目 = 总额; 年初 + 调整 = 全年收入; 金额合计 rows;
 * 到位 − 已使用 = 结余 + 结转. Amounts agree within 0.01 in the sheet's unit.
 */
import { NumberAt, numberAt, value } from "../facts";
import { num, sumText } from "../format";
import { BudgetRow } from "../model";
import { SheetView } from "../recognize/view";
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

/** parent = Σ parts; undefined when it holds (or cannot be checked). */
function sumFailure(parent: NumberAt | undefined, parts: (NumberAt | undefined)[], what: string): SumFailure | undefined {
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

/** parent = Σ parts, reported on the parent's cell. */
function checkSum(ctx: RuleContext, parent: NumberAt | undefined, parts: (NumberAt | undefined)[], what: string) {
  const f = sumFailure(parent, parts, what);
  if (f) reportFailure(ctx, f);
}

/**
 * Report failed identities. A cell that breaks two identities at once (a row sum and a column sum)
 * is the likely fault: it is reported once, on itself, instead of twice on the two totals.
 */
function reportFailures(ctx: RuleContext, failures: SumFailure[]) {
  const key = (n: NumberAt) => n.at.row * 16384 + n.at.col;
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
    const expected = implied(others[0]);
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

function budgetBlockSums(ctx: RuleContext) {
  const block = ctx.unit.budget;
  if (!block) return;
  const { view } = ctx;
  const failures: SumFailure[] = [];
  const push = (f: SumFailure | undefined) => f && failures.push(f);
  const byRole = (role: BudgetRow["role"]) => block.rows.find((r) => r.role === role);
  const total = byRole("total");
  const basic = byRole("basic");
  const project = byRole("project");
  for (const col of budgetCellsOf(block)) {
    const colName = header(view, block.headerRow, col);
    if (total && basic && project) {
      push(sumFailure(numberAt(view, total.row, col), [numberAt(view, basic.row, col), numberAt(view, project.row, col)], `“${total.label}”${colName}（基本支出 + 项目支出）`));
    }
    for (const parentRole of ["total", "basic", "project"] as const) {
      const parent = byRole(parentRole);
      if (!parent) continue;
      const parts = block.rows.filter((r) => r.role === "component" && r.parent === parentRole);
      if (parts.length === 0) continue;
      push(sumFailure(numberAt(view, parent.row, col), parts.map((r) => numberAt(view, r.row, col)), `“${parent.label}”${colName}（其中各项之和）`));
    }
  }
  // 年初预算数 + 预算调整数 = 全年收入决算数 (department block).
  if (block.cols.adjustment !== undefined && block.cols.initial !== undefined && block.cols.adjusted !== undefined) {
    for (const r of block.rows) {
      const initial = numberAt(view, r.row, block.cols.initial);
      const adjustment = numberAt(view, r.row, block.cols.adjustment);
      if (value(initial) === undefined || value(adjustment) === undefined) continue;
      push(sumFailure(numberAt(view, r.row, block.cols.adjusted), [initial, adjustment], `“${r.label}”${header(view, block.headerRow, block.cols.adjusted)}（年初预算数 + 预算调整数）`));
    }
  }
  reportFailures(ctx, failures);
}

/** A column sum on a 合计 row; rows already reported use their corrected value (one fault, one finding). */
function checkColumnSum(ctx: RuleContext, sumAt: NumberAt | undefined, cells: (NumberAt | undefined)[], corrected: Map<number, number>, what: string) {
  const parts = cells.map((c) => (c && corrected.has(c.at.row) ? { ...c, reading: { kind: "number" as const, value: corrected.get(c.at.row)!, form: { text: false, percentFormat: false, percentSign: false, unit: "" } } } : c));
  checkSum(ctx, sumAt, parts, what);
}

function fundUseSums(ctx: RuleContext) {
  const t = ctx.unit.fundUse;
  if (!t) return;
  const { view } = ctx;
  const c = t.cols;
  const correctedBalance = new Map<number, number>();
  const correctedCarry = new Map<number, number>();
  for (const row of t.itemRows) {
    const arrived = value(numberAt(view, row, c.arrived));
    const used = value(numberAt(view, row, c.used));
    const balance = numberAt(view, row, c.balance);
    const carry = numberAt(view, row, c.carryover);
    if (arrived === undefined || used === undefined || (value(balance) === undefined && value(carry) === undefined)) continue;
    const stated = (value(balance) ?? 0) + (value(carry) ?? 0);
    const expected = arrived - used;
    if (Math.abs(stated - expected) <= AMOUNT_TOLERANCE) continue;
    const onBalance = value(balance) !== undefined;
    const at = onBalance ? balance! : carry!;
    if (onBalance) correctedBalance.set(row, expected - (value(carry) ?? 0));
    else correctedCarry.set(row, expected);
    ctx.report({
      code: "BUDGET_SUM_MISMATCH",
      severity: "error",
      at: at.at,
      stated: Math.round(stated * 100) / 100,
      expected: Math.round(expected * 100) / 100,
      message: `到位资金 − 已使用资金 = 结余 + 结转：${num(arrived)} − ${num(used)} = ${num(expected)}，表中结余 + 结转为 ${num(stated)}`,
    });
  }
  if (t.sumRow === undefined) return;
  for (const col of [c.budget, c.arrived, c.used, c.balance, c.carryover]) {
    if (col === undefined) continue;
    const corrected = col === c.balance ? correctedBalance : col === c.carryover ? correctedCarry : new Map<number, number>();
    checkColumnSum(ctx, numberAt(view, t.sumRow, col), t.itemRows.map((r) => numberAt(view, r, col)), corrected, `合计行${header(view, t.headerRow, col)}`);
  }
}

function goalBudgetSums(ctx: RuleContext) {
  const t = ctx.unit.goalBudget;
  if (!t) return;
  const { view } = ctx;
  for (const g of t.groups) {
    const groupName = g.name === "planned" ? "预算金额" : "实际执行";
    const correctedTotal = new Map<number, number>();
    if (g.total !== undefined && g.parts.length > 0) {
      for (const row of [...t.itemRows, ...(t.sumRow !== undefined ? [t.sumRow] : [])]) {
        const total = numberAt(view, row, g.total);
        const parts = g.parts.map((col) => value(numberAt(view, row, col))).filter((v): v is number => v !== undefined);
        const before = value(total);
        checkSum(ctx, total, g.parts.map((col) => numberAt(view, row, col)), `${groupName}总额`);
        if (before !== undefined && parts.length > 0) {
          const sum = parts.reduce((a, b) => a + b, 0);
          if (Math.abs(sum - before) > AMOUNT_TOLERANCE) correctedTotal.set(row, sum);
        }
      }
    }
    if (t.sumRow === undefined) continue;
    for (const col of [...(g.total !== undefined ? [g.total] : []), ...g.parts]) {
      if (correctedTotal.has(t.sumRow) && col === g.total) continue; // already reported on this cell
      checkColumnSum(ctx, numberAt(view, t.sumRow, col), t.itemRows.map((r) => numberAt(view, r, col)), col === g.total ? correctedTotal : new Map(), `金额合计（${groupName}${header(view, t.headerRow + 1, col)}）`);
    }
  }
}

export const budgetSums: Rule = {
  name: "budget-sums",
  codes: ["BUDGET_SUM_MISMATCH"],
  check(ctx) {
    budgetBlockSums(ctx);
    fundUseSums(ctx);
    goalBudgetSums(ctx);
  },
};
