/** MISSING_REASON and MISSING_ACTUAL: what the form requires to be written and was left empty. */
import { value } from "../facts";
import { MESSAGES } from "../messages";
import { isNotApplicable, isPlaceholderMark, normalizeLabel } from "../text";
import { cellText, isBlank } from "../values";
import { PRINTED_NOTE } from "../recognize/labels";
import { Rule } from "./types";


/** A reason cell that says something: not blank, not "/" "—" "无", not a bare "原因：" or the printed note. */
function hasReason(text: string): boolean {
  const t = normalizeLabel(text);
  return !isNotApplicable(t) && !/^(原因|理由|说明)[:：]?$/.test(t) && !PRINTED_NOTE.test(t);
}

export const missingReason: Rule = {
  name: "missing-reason",
  meta: {
    codes: {
      MISSING_REASON: { section: "indicators", name: { zh: "缺少原因说明", en: "Reason missing" }, value: "text" },
    },
  },
  check({ view, unit, facts, profile, report }) {
    const table = unit.indicators;
    if (table && table.cols.reasons.length > 0) {
      for (const it of facts.items) {
        const w = value(it.weight);
        const s = value(it.score);
        if (w === undefined || s === undefined || it.item.isDeduction || s >= w - 0.005) continue;
        const cells = table.cols.reasons.map((c) => view.master(it.item.row, c));
        if (cells.some((at) => hasReason(cellText(view.cell(at.row, at.col))))) continue;
        report({
          code: "MISSING_REASON",
          severity: "warning",
          at: cells[0],
          stated: null,
          expected: null,
          message: MESSAGES.missingReason(it.item.name || "该指标", s, w),
        });
      }
    }
    const block = unit.budget;
    const threshold = profile.reasonBelowRate;
    if (block && threshold !== null && block.cols.reason !== undefined) {
      const exec = facts.exec;
      const row = exec?.row ?? block.rows.find((r) => r.role === "total");
      if (!row) return;
      const rate = exec?.computed?.rate ?? (exec?.stated?.reading.kind === "number" ? exec.stated.reading.value : undefined);
      if (rate === undefined || rate >= threshold) return;
      const at = view.master(row.row, block.cols.reason);
      if (hasReason(cellText(view.cell(at.row, at.col)))) return;
      report({
        code: "MISSING_REASON",
        severity: "warning",
        at,
        stated: null,
        expected: null,
        message: MESSAGES.missingRateReason(rate, threshold, profile.name),
      });
    }
  },
};

export const missingActual: Rule = {
  name: "missing-actual",
  meta: {
    codes: {
      MISSING_ACTUAL: { section: "indicators", name: { zh: "缺少实际完成值", en: "Achieved value missing" }, value: "text" },
    },
  },
  check({ view, unit, facts, report }) {
    const table = unit.indicators;
    if (!table || table.cols.actual === undefined) return;
    for (const it of facts.items) {
      if (it.item.isDeduction || value(it.score) === undefined) continue;
      if (!table.scoresOnly && value(it.weight) === undefined) continue;
      const at = view.master(it.item.row, table.cols.actual);
      const cell = view.cell(at.row, at.col);
      // "/", "—", "-" in a 完成值 cell: nothing was written for what was achieved.
      if (!isBlank(cell) && !isPlaceholderMark(cellText(cell))) continue;
      report({
        code: "MISSING_ACTUAL",
        severity: "warning",
        at,
        stated: null,
        expected: null,
        message: MESSAGES.missingActual(it.item.name || "该指标"),
      });
    }
  },
};
