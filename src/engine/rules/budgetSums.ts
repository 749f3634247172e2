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

/** parent = Σ parts, reported on the parent's cell. */
function checkSum(ctx: RuleContext, parent: NumberAt | undefined, parts: (NumberAt | undefined)[], what: string) {
  const p = value(parent);
  const values = parts.map(value).filter((v): v is number => v !== undefined);
  if (p === undefined || values.length === 0 || !parent) return;
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - p) <= AMOUNT_TOLERANCE) return;
  ctx.report({
    code: "BUDGET_SUM_MISMATCH",
    severity: "error",
    at: parent.at,
    stated: p,
    expected: Math.round(sum * 100) / 100,
    message: `${what}应为 ${num(sum)}（${sumText(values)}），表中为 ${num(p)}`,
  });
}

function budgetBlockSums(ctx: RuleContext) {
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
      checkSum(ctx, numberAt(view, total.row, col), [numberAt(view, basic.row, col), numberAt(view, project.row, col)], `“${total.label}”${colName}（基本支出 + 项目支出）`);
    }
    for (const parentRole of ["total", "basic", "project"] as const) {
      const parent = byRole(parentRole);
      if (!parent) continue;
      const parts = block.rows.filter((r) => r.role === "component" && r.parent === parentRole);
      if (parts.length === 0) continue;
      checkSum(ctx, numberAt(view, parent.row, col), parts.map((r) => numberAt(view, r.row, col)), `“${parent.label}”${colName}（其中各项之和）`);
    }
  }
  // 年初预算数 + 预算调整数 = 全年收入决算数 (department block).
  if (block.cols.adjustment !== undefined && block.cols.initial !== undefined && block.cols.adjusted !== undefined) {
    for (const r of block.rows) {
      const initial = numberAt(view, r.row, block.cols.initial);
      const adjustment = numberAt(view, r.row, block.cols.adjustment);
      if (value(initial) === undefined || value(adjustment) === undefined) continue;
      checkSum(ctx, numberAt(view, r.row, block.cols.adjusted), [initial, adjustment], `“${r.label}”${header(view, block.headerRow, block.cols.adjusted)}（年初预算数 + 预算调整数）`);
    }
  }
}

function fundUseSums(ctx: RuleContext) {
  const t = ctx.unit.fundUse;
  if (!t) return;
  const { view } = ctx;
  const c = t.cols;
  for (const row of t.itemRows) {
    const arrived = value(numberAt(view, row, c.arrived));
    const used = value(numberAt(view, row, c.used));
    const balance = numberAt(view, row, c.balance);
    const carry = numberAt(view, row, c.carryover);
    if (arrived === undefined || used === undefined || (value(balance) === undefined && value(carry) === undefined)) continue;
    const stated = (value(balance) ?? 0) + (value(carry) ?? 0);
    const expected = arrived - used;
    if (Math.abs(stated - expected) <= AMOUNT_TOLERANCE) continue;
    const at = value(balance) !== undefined ? balance! : carry!;
    ctx.report({
      code: "BUDGET_SUM_MISMATCH",
      severity: "error",
      at: at.at,
      stated: Math.round(stated * 100) / 100,
      expected: Math.round(expected * 100) / 100,
      message: `到位资金 − 已使用资金 = 结余 + 结转：${num(arrived)} − ${num(used)} = ${num(expected)}，表中结余 + 结转为 ${num(stated)}`,
    });
  }
  if (t.sumRow !== undefined) {
    for (const col of [c.budget, c.arrived, c.used, c.balance, c.carryover]) {
      if (col === undefined) continue;
      checkSum(ctx, numberAt(view, t.sumRow, col), t.itemRows.map((r) => numberAt(view, r, col)), `合计行${header(view, t.headerRow, col)}`);
    }
  }
}

function goalBudgetSums(ctx: RuleContext) {
  const t = ctx.unit.goalBudget;
  if (!t) return;
  const { view } = ctx;
  for (const g of t.groups) {
    const groupName = g.name === "planned" ? "预算金额" : "实际执行";
    if (g.total !== undefined && g.parts.length > 0) {
      for (const row of [...t.itemRows, ...(t.sumRow !== undefined ? [t.sumRow] : [])]) {
        checkSum(ctx, numberAt(view, row, g.total), g.parts.map((c) => numberAt(view, row, c)), `${groupName}总额`);
      }
    }
    if (t.sumRow !== undefined) {
      for (const col of [...(g.total !== undefined ? [g.total] : []), ...g.parts]) {
        checkSum(ctx, numberAt(view, t.sumRow, col), t.itemRows.map((r) => numberAt(view, r, col)), `金额合计（${groupName}${header(view, t.headerRow + 1, col)}）`);
      }
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
