/** EXEC_RATE_MISMATCH: a stated execution rate that is not 执行数 ÷ 预算数. */
import { Amount, computeRate, statedRate } from "../facts";
import { amount } from "../format";
import { MESSAGES, words } from "../messages";
import { numFmtFor, rateExpression } from "./formulas";
import { Rule } from "./types";

/** 172.66, or (498.20 + 20.35) for an amount given by its parts. */
function amountText(a: Amount): string {
  return a.cells.length === 1 ? amount(a.value) : `(${a.cells.map((c) => amount(c.value)).join(" + ")})`;
}

/** What a rate fix does, for the user (also where it replaces an error value). */
export const RATE_FORMULA_WRITTEN = words("写入执行率公式（执行数 ÷ 预算数）", "Writes the execution-rate formula (executed ÷ budget)");

/** Rates agree within 0.01 percentage point (truncation or rounding of unrounded amounts). */
const RATE_TOLERANCE = 0.0001 + 1e-9;

export const executionRate: Rule = {
  name: "execution-rate",
  meta: {
    codes: {
      EXEC_RATE_MISMATCH: { section: "budget", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "执行率不符", en: "Execution rate" }, value: "rate" },
    },
  },
  check({ view, unit, report }) {
    const block = unit.budget;
    if (!block || block.cols.rate === undefined) return;
    for (const row of block.rows) {
      const stated = statedRate(view, block, row.row);
      if (!stated || stated.reading.kind !== "number") continue;
      const s = stated.reading.value;
      const computed = computeRate(view, block, row.row);
      if (computed === undefined) continue;
      const name = row.label || "预算";
      if (computed === "undefined-budget") {
        if (Math.abs(s) <= RATE_TOLERANCE) continue; // 0.00% on an unused funding row is fine
        report({
          code: "EXEC_RATE_MISMATCH",
          severity: "error",
          at: stated.at,
          stated: Math.round(s * 1e6) / 1e6,
          expected: null,
          message: MESSAGES.rateWithoutBudget(name, s),
        });
        continue;
      }
      if (Math.abs(s - computed.rate) <= RATE_TOLERANCE) continue;
      // A bare number up to 1.5 reads as a fraction; it may also be percentage points (1 for 1 %).
      const bare = !stated.points && !stated.reading.form.percentFormat && !stated.reading.form.percentSign;
      if (bare && Math.abs(s / 100 - computed.rate) <= RATE_TOLERANCE) continue;
      // A column of bare percentage points ("100") gets points back — unless the rate is so small
      // that its points would read as a fraction (≤ 1.5): then a %-formatted fraction.
      const points = stated.points && computed.rate * 100 > 1.5;
      const form = stated.reading.form;
      report({
        code: "EXEC_RATE_MISMATCH",
        severity: "error",
        at: stated.at,
        stated: Math.round(s * 1e6) / 1e6,
        expected: Math.round(computed.rate * 1e4) / 1e4,
        message: MESSAGES.rateMismatch(name, computed.rate, amountText(computed.executed), amountText(computed.budget), s),
        fix: {
          kind: "cell",
          at: stated.at,
          build: (o) => ({
            at: stated.at,
            formula: `=${rateExpression(o, computed)}${points ? "*100" : ""}`,
            // A fraction in a cell without a %-format is ambiguous above 150 % (2 would read as 2 %):
            // give it the format that makes it a rate.
            numFmt: points ? numFmtFor(form, "rate") : form.percentFormat ? undefined : "0.00%",
            result: points ? computed.rate * 100 : computed.rate,
            description: points
              ? words("写入执行率公式（以百分数计）", "Writes the execution-rate formula (in percentage points)")
              : RATE_FORMULA_WRITTEN,
          }),
        },
      });
    }
  },
};
