/**
 * TOTAL_MISMATCH, HEADER_SCORE_MISMATCH, CONCLUSION_SCORE_MISMATCH: every place that states the
 * total is compared with the recomputed total (never with each other), so one wrong number gives
 * one finding.
 */
import { UnitFacts } from "../facts";
import { asShown } from "../format";
import { MESSAGES, Words } from "../messages";
import { gradeFor, Profile } from "../profiles";
import { cellKey } from "../recognize/view";
import { readNumber } from "../values";
import { Cell } from "../grid";
import { Ref } from "../model";
import { SheetView } from "../recognize/view";
import { Rule } from "./types";

/**
 * A stated total agrees when it equals the recomputed one, or that rounded to one decimal or an
 * integer — unless the rounding carries it into another grade band (89.6 written as 90 reads 优).
 */
export function totalAgrees(stated: number, total: number, profile: Profile, exact = false): boolean {
  if (Math.abs(total - stated) <= 0.005 + 1e-9) return true;
  if (exact) return false;
  const rounded = [Math.round(total * 10 + 1e-9) / 10, Math.round(total + 1e-9)];
  return rounded.some((c) => Math.abs(c - stated) <= 0.005 + 1e-9) && gradeFor(stated, profile) === gradeFor(total, profile);
}

/**
 * A formula computes its total exactly: a cached result that differs from the recomputed total by
 * more than rounding it does itself (ROUND …) or takes from the cell it refers to (=G26) is stale,
 * not rounded by a person.
 */
export function computesExactly(cell: Cell | undefined): boolean {
  const f = cell?.formula;
  if (!f) return false;
  if (/^=\s*(('[^']+'|[^!'"]+)!)?\$?[A-Z]{1,3}\$?\d+\s*$/i.test(f)) return false;
  return !/\b(ROUND|ROUNDUP|ROUNDDOWN|INT|TRUNC|FLOOR|CEILING|MROUND|FIXED|TEXT)\s*\(/i.test(f);
}

/** The stated total in a cell agrees with the recomputed one (see totalAgrees and computesExactly). */
export function cellTotalAgrees(view: SheetView, at: Ref, stated: number, total: number, profile: Profile): boolean {
  return totalAgrees(stated, total, profile, computesExactly(view.cell(at.row, at.col)));
}

export function totalArithmetic(facts: UnitFacts): Words {
  const p = facts.totalParts;
  return MESSAGES.totalArithmetic(p.items, p.exec, p.deductions);
}

export const totals: Rule = {
  name: "totals",
  meta: {
    codes: {
      TOTAL_MISMATCH: { section: "totals", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "合计不符", en: "Total" }, value: "score" },
      HEADER_SCORE_MISMATCH: { section: "totals", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "表头自评得分不符", en: "Score in the header" }, value: "score" },
      CONCLUSION_SCORE_MISMATCH: { section: "statements", name: { zh: "结论中的分数不符", en: "Score in the conclusion" }, value: "score" },
    },
  },
  check({ view, unit, facts, profile, report }) {
    const total = facts.total;
    if (total === undefined) return;
    const totalAt = unit.indicators?.totalRow?.score;
    const stated = totalAt ? readNumber(view.cell(totalAt.row, totalAt.col)) : undefined;
    const totalCellAgrees = !!totalAt && stated?.kind === "number" && cellTotalAgrees(view, totalAt, stated.value, total, profile);
    if (totalAt && stated?.kind === "number" && !totalCellAgrees) {
      report({
        code: "TOTAL_MISMATCH",
        severity: "error",
        at: totalAt,
        stated: stated.value,
        expected: asShown(total),
        message: MESSAGES.totalMismatch(total, totalArithmetic(facts), stated.value),
        fix: { kind: "total", at: totalAt },
      });
    }
    const header = unit.headerScore;
    if (header) {
      const r = header.inline !== undefined ? ({ kind: "number", value: header.inline, form: undefined } as const) : readNumber(view.cell(header.at.row, header.at.col));
      const agrees = r.kind === "number" && (header.inline !== undefined ? totalAgrees(r.value, total, profile) : cellTotalAgrees(view, header.at, r.value, total, profile));
      if (r.kind === "number" && !agrees) {
        report({
          code: "HEADER_SCORE_MISMATCH",
          severity: "error",
          at: header.at,
          stated: r.value,
          expected: asShown(total),
          message: MESSAGES.headerScoreMismatch(total, totalArithmetic(facts), r.value),
          // A value typed after its label in one cell is text: it is reported, not rewritten.
          fix: header.inline === undefined ? { kind: "headerScore", at: header.at } : undefined,
        });
      }
    }
    // A sentence with a score that agrees mentions its other numbers for other reasons (满分, 上年).
    const agreeingCells = new Set(unit.conclusions.filter((c) => totalAgrees(c.value, total, profile)).map((c) => cellKey(c.at)));
    for (const c of unit.conclusions) {
      if (agreeingCells.has(cellKey(c.at))) continue;
      report({
        code: "CONCLUSION_SCORE_MISMATCH",
        severity: "error",
        at: c.at,
        stated: c.value,
        expected: asShown(total),
        message: MESSAGES.conclusionScore(c.phrase, total, totalArithmetic(facts)),
      });
    }
  },
};

