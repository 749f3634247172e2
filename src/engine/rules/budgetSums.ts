/**
 * BUDGET_SUM_MISMATCH: 其中 rows vs 总额; 基本 + 项目 = 总额; 年初 + 调整 = 全年收入; 金额合计 rows;
 * 到位 − 已使用 = 结余 + 结转. Amounts agree within 0.01 in the sheet's unit.
 */
import { NumberAt, numberAt, value } from "../facts";
import { amount, amountSum, AmountUnit } from "../format";
import { MESSAGES, Words, words } from "../messages";
import { FundUseTable, Ref, SumIdentity } from "../model";
import { cellKey, SheetView } from "../recognize/view";
import { readNumber } from "../values";
import { Rule, RuleContext } from "./types";

const AMOUNT_TOLERANCE = 0.01 + 1e-9;

interface SumFailure {
  parent: NumberAt;
  parts: NumberAt[];
  minus: NumberAt[];
  sum: number;
  what: Words;
  unit?: AmountUnit;
}

/** total = Σ parts − Σ minus; undefined when it holds, or cannot be checked (an unreadable part is not 0). */
function sumFailure(view: SheetView, identity: SumIdentity): SumFailure | undefined {
  const read = (at: Ref) => numberAt(view, at.row, at.col)!;
  const parent = read(identity.total);
  const parts = identity.parts.map(read);
  const minus = (identity.minus ?? []).map(read);
  if ([...parts, ...minus].some((x) => x.reading.kind === "unreadable")) return undefined;
  const p = value(parent);
  const presentParts = parts.filter((x) => value(x) !== undefined);
  const presentMinus = minus.filter((x) => value(x) !== undefined);
  if (p === undefined || presentParts.length === 0) return undefined;
  const sum = presentParts.reduce((a, b) => a + value(b)!, 0) - presentMinus.reduce((a, b) => a + value(b)!, 0);
  if (Math.abs(sum - p) <= AMOUNT_TOLERANCE) return undefined;
  return { parent, parts: presentParts, minus: presentMinus, sum, what: identity.what, unit: identity.unit };
}

function arithmetic(f: SumFailure): string {
  const plus = amountSum(f.parts.map((x) => value(x)!));
  return f.minus.length ? `${plus} − ${f.minus.map((x) => amount(value(x)!)).join(" − ")}` : plus;
}

function reportFailure(ctx: RuleContext, f: SumFailure) {
  const p = value(f.parent)!;
  ctx.report({
    code: "BUDGET_SUM_MISMATCH",
    severity: "error",
    at: f.parent.at,
    stated: p,
    expected: Math.round(f.sum * 100) / 100,
    message: MESSAGES.sumMismatch(f.what, f.sum, arithmetic(f), p, f.unit),
    unit: f.unit,
  });
}

/**
 * Report failed identities. A cell that breaks two identities at once (a row and a column) is the
 * likely fault: it is reported once, on itself, instead of twice on the two totals. A total broken
 * down twice (by source and by kind) is still the total: it is reported once, on itself.
 */
function reportFailures(ctx: RuleContext, failures: SumFailure[]) {
  const key = (n: NumberAt) => cellKey(n.at);
  const cells = (f: SumFailure) => [f.parent, ...f.parts, ...f.minus];
  const count = new Map<number, number>();
  for (const f of failures) for (const n of cells(f)) count.set(key(n), (count.get(key(n)) ?? 0) + 1);
  const done = new Set<SumFailure>();
  for (const f of failures) {
    if (done.has(f)) continue;
    const shared = cells(f).find((n) => (count.get(key(n)) ?? 0) >= 2 && failures.some((g) => g !== f && !done.has(g) && cells(g).some((m) => key(m) === key(n))));
    if (!shared) continue;
    const others = failures.filter((g) => !done.has(g) && cells(g).some((m) => key(m) === key(shared)));
    for (const g of others) done.add(g);
    // Two breakdowns of one total: the total is what disagrees (contract.md), whichever breakdown fails.
    if (others.every((g) => key(g.parent) === key(shared))) {
      reportFailure(ctx, others[0]);
      continue;
    }
    const v = value(shared)!;
    const implied = (g: SumFailure) => {
      if (key(g.parent) === key(shared)) return g.sum;
      const sign = g.minus.some((m) => key(m) === key(shared)) ? -1 : 1;
      return v + sign * (value(g.parent)! - g.sum);
    };
    // Prefer the identity the cell is the total of: its parts give the value directly.
    const expected = implied(others.find((g) => key(g.parent) === key(shared)) ?? others[0]);
    ctx.report({
      code: "BUDGET_SUM_MISMATCH",
      severity: "error",
      at: shared.at,
      stated: v,
      expected: Math.round(expected * 100) / 100,
      message: MESSAGES.sumShared(v, others.map((g) => ({ what: g.what, sum: g.sum, stated: value(g.parent)! })), expected, others[0].unit),
      unit: others[0].unit,
    });
  }
  for (const f of failures) if (!done.has(f)) reportFailure(ctx, f);
}

function rowName(view: SheetView, row: number, labelCol: number): string {
  for (let c = labelCol; c >= 0; c--) {
    const t = view.label(row, c);
    if (t !== "" && !/^\d+$/.test(t)) return `“${t}”`;
  }
  return `第 ${row + 1} 行`;
}

/** 结余 = 到位 − 已使用 − 结转 on each row of a fund-use table (the 结余 cell is what the row derives). */
function fundBalances(view: SheetView, t: FundUseTable): SumIdentity[] {
  const c = t.cols;
  if (c.arrived === undefined || c.used === undefined || (c.balance === undefined && c.carryover === undefined)) return [];
  const out: SumIdentity[] = [];
  for (const row of t.itemRows) {
    const filled = (col: number | undefined) => col !== undefined && readNumber(view.cell(row, col)).kind !== "empty";
    if ((!filled(c.balance) && !filled(c.carryover)) || !filled(c.used)) continue;
    const target = c.balance ?? c.carryover!;
    const other = c.balance !== undefined ? c.carryover : undefined;
    out.push({
      total: { row, col: target },
      parts: [{ row, col: c.arrived }],
      minus: [{ row, col: c.used }, ...(other !== undefined ? [{ row, col: other }] : [])],
      what:
        c.balance !== undefined
          ? words(`${rowName(view, row, c.label)}结余资金（实际到位 − 已使用 − 结转）`, `"结余资金" of ${rowName(view, row, c.label)} (received − used − carried over)`)
          : words(`${rowName(view, row, c.label)}结转资金（实际到位 − 已使用）`, `"结转资金" of ${rowName(view, row, c.label)} (received − used)`),
      unit: t.sums[0]?.unit,
    });
  }
  return out;
}

export const budgetSums: Rule = {
  name: "budget-sums",
  meta: {
    codes: {
      BUDGET_SUM_MISMATCH: { section: "budget", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "金额勾稽不符", en: "Amounts do not add up" }, value: "amount" },
    },
  },
  check(ctx) {
    const { unit, view } = ctx;
    const identities = [
      ...(unit.budget?.sums ?? []),
      ...(unit.fundUse ? [...fundBalances(view, unit.fundUse), ...unit.fundUse.sums] : []),
      ...(unit.goalBudget?.sums ?? []),
      ...(unit.amountBreakdowns?.sums ?? []),
    ];
    const failures = identities.map((i) => sumFailure(view, i)).filter((f): f is SumFailure => f !== undefined);
    reportFailures(ctx, failures);
  },
};
