/**
 * UNREADABLE_VALUE: a cell that must hold a number holds an error value or text that is not one.
 * Such a cell gets only this finding and is never used in arithmetic.
 */
import { ComputedRate, computeRate, NumberAt, numberAt } from "../facts";
import { isCellError } from "../grid";
import { tidy } from "../text";
import { readRate } from "../values";
import { cellKey } from "../recognize/view";
import { budgetCellsOf, rateExpression } from "./formulas";
import { LevelGroup, Ref } from "../model";
import { FixIntent, Rule } from "./types";
import { RATE_FORMULA_WRITTEN } from "./executionRate";
import { MESSAGES, words } from "../messages";

/** What a cell that must hold a number holds, in both languages. */
const WHAT = {
  金额: words("金额", "amount"),
  执行率: words("执行率", "execution rate"),
  分值: words("分值", "weight"),
  执行率得分: words("执行率得分", "execution-rate score"),
  得分: words("得分", "score"),
  合计: words("合计", "total"),
  总分的分值: words("总分的分值", "weight on the total row"),
  自评得分: words("自评得分", "score at the top"),
};
import { FindingSection } from "../findings";

/** An execution rate in place of an error value: executed ÷ budget, as a %-formatted fraction. */
function rateFix(at: Ref, computed: ComputedRate): FixIntent {
  return {
    kind: "cell",
    at,
    build: (o) => ({
      at,
      formula: `=${rateExpression(o, computed)}`,
      numFmt: "0.00%",
      result: computed.rate,
      description: RATE_FORMULA_WRITTEN,
    }),
  };
}

export const unreadable: Rule = {
  name: "unreadable-values",
  meta: {
    codes: {
      UNREADABLE_VALUE: { section: "indicators", name: { zh: "无法读作数字", en: "Not a number" }, value: "text" },
    },
  },
  check({ view, unit, facts, report }) {
    const seen = new Set<number>();
    /** `fix`: what replaces an error value (#REF!, #VALUE!) where the right value is known; text the user typed stays. */
    const check = (n: NumberAt | undefined, name: keyof typeof WHAT, section: FindingSection = "indicators", fix?: FixIntent) => {
      const what = WHAT[name];
      if (!n || n.reading.kind !== "unreadable") return;
      const key = cellKey(n.at);
      if (seen.has(key)) return;
      seen.add(key);
      const { text, uncomputed } = n.reading;
      report({
        code: "UNREADABLE_VALUE",
        // A formula never calculated is not the user's mistake: a warning, with what to do.
        severity: uncomputed ? "warning" : "error",
        at: n.at,
        section,
        stated: uncomputed ? text : tidy(text),
        expected: null,
        message: uncomputed ? MESSAGES.uncomputed(what, text) : MESSAGES.unreadable(what, tidy(text)),
        fix: fix && isCellError(view.cell(n.at.row, n.at.col)?.value) ? fix : undefined,
      });
    };
    const block = unit.budget;
    if (block) {
      for (const r of block.rows) {
        for (const c of budgetCellsOf(block)) check(numberAt(view, r.row, c), "金额", "budget");
        if (block.cols.rate !== undefined) {
          const at = view.master(r.row, block.cols.rate);
          const computed = computeRate(view, block, r.row);
          check({ at, reading: readRate(view.cell(at.row, at.col)) }, "执行率", "budget", typeof computed === "object" ? rateFix(at, computed) : undefined);
        }
      }
      if (facts.exec) {
        check(numberAt(view, facts.exec.row.row, block.cols.weight), "分值", "budget");
        check(facts.exec.score, "执行率得分", "budget");
      }
    }
    for (const it of facts.items) {
      check(it.weight, "分值");
      check(it.score, "得分");
    }
    const levelWeights = (groups: LevelGroup[]): void => {
      for (const g of groups) {
        if (g.unreadableWeight) check(numberAt(view, g.unreadableWeight.row, g.unreadableWeight.col), "分值", "weights");
        levelWeights(g.children);
      }
    };
    levelWeights(unit.indicators?.groups ?? []);
    const total = unit.indicators?.totalRow;
    if (total) {
      if (total.score) check(numberAt(view, total.score.row, total.score.col), "合计", "totals", { kind: "total", at: total.score });
      for (const w of total.weights) check(numberAt(view, w.row, w.col), "总分的分值", "weights");
    }
    const header = unit.headerScore;
    if (header && header.inline === undefined) check(numberAt(view, header.at.row, header.at.col), "自评得分", "totals", { kind: "headerScore", at: header.at });
    const fund = unit.fundUse;
    if (fund) {
      for (const row of [...fund.itemRows, ...fund.subtotals.map((x) => x.row), ...(fund.sumRow !== undefined ? [fund.sumRow] : [])]) {
        for (const c of fund.amountCols) check(numberAt(view, row, c), "金额", "budget");
      }
    }
    for (const sum of unit.amountBreakdowns?.sums ?? []) {
      for (const at of [sum.total, ...sum.parts]) check(numberAt(view, at.row, at.col), "金额", "budget");
    }
    const goal = unit.goalBudget;
    if (goal) {
      for (const row of [...goal.itemRows, ...(goal.sumRow !== undefined ? [goal.sumRow] : [])]) {
        for (const g of goal.groups) for (const c of [g.total, ...g.parts]) check(numberAt(view, row, c), "金额", "budget");
      }
    }
  },
};
