/**
 * Indicator scores: SCORE_EXCEEDS_WEIGHT (and only that for such a cell), INDICATOR_SCORE_MISMATCH
 * for scores that do not follow from target, achievement and weight, TARGET_EXCEEDED as an info note.
 */
import { ItemFacts, value } from "../facts";
import { asShown, num } from "../format";
import { MESSAGES, words } from "../messages";
import { Cell } from "../grid";
import { Ref } from "../model";
import { SheetView } from "../recognize/view";
import { expectScore, judgeScore, Reading } from "../scoring";
import { cellText } from "../values";
import { constant, numFmtFor, Operands, ref, weightOperand } from "./formulas";
import { operandsFor } from "../plan";
import { CodeMeta, FixDraft, Rule } from "./types";

function cellAt(view: SheetView, row: number, col: number | undefined): { cell?: Cell; at?: Ref } {
  if (col === undefined) return {};
  const at = view.master(row, col);
  return { cell: view.cell(at.row, at.col), at };
}

/** The reading as a live formula: cells where they hold the numbers the reading used, constants otherwise. */
function readingFormula(o: Operands, it: ItemFacts, reading: Reading, actualCol?: number, targetCol?: number): string | undefined {
  const view = o.view;
  if (!reading.formula || !it.weight) return undefined;
  const w = weightOperand(o, it.weight.at, value(it.weight)!);
  const pick = (col: number | undefined, v: number | undefined) => {
    if (v === undefined) return undefined;
    const { cell, at } = cellAt(view, it.item.row, col);
    return typeof cell?.value === "number" && Math.abs(cell.value - v) < 1e-12 && at ? ref(at) : constant(v);
  };
  const a = pick(actualCol, reading.values.a);
  const t = pick(targetCol, reading.values.t);
  if ((reading.formula.includes("{a}") && !a) || (reading.formula.includes("{t}") && !t)) return undefined;
  return "=" + reading.formula.replace(/\{w\}/g, w).replace(/\{a\}/g, a ?? "").replace(/\{t\}/g, t ?? "");
}

export const SCORE_EXCEEDS_WEIGHT_META: CodeMeta = { section: "indicators", yieldsTo: ["UNREADABLE_VALUE"], name: { zh: "得分超过分值", en: "Score above its weight" }, value: "score" };

export const indicatorScores: Rule = {
  name: "indicator-scores",
  meta: {
    codes: {
      SCORE_EXCEEDS_WEIGHT: SCORE_EXCEEDS_WEIGHT_META,
      INDICATOR_SCORE_MISMATCH: { section: "indicators", yieldsTo: ["SCORE_EXCEEDS_WEIGHT", "UNREADABLE_VALUE"], name: { zh: "指标得分不符", en: "Indicator score" }, value: "score" },
      TARGET_EXCEEDED: { section: "indicators", name: { zh: "大幅超额完成", en: "Target far exceeded" }, value: "rate" },
    },
  },
  check({ view, unit, facts, profile, report }) {
    const table = unit.indicators;
    if (!table) return;
    const cols = table.cols;
    for (const it of facts.items) {
      const w = value(it.weight);
      const s = value(it.score);
      // A negative weight is not a weight: nothing can be scored against it.
      if (w === undefined || s === undefined || w < 0) continue;
      const name = it.item.name || "该指标";
      const expectation =
        cols.actual !== undefined && !it.item.isDeduction
          ? expectScore(
              {
                weight: w,
                directionText: cols.direction !== undefined ? cellText(view.shown(it.item.row, cols.direction)) : undefined,
                targetCell: cellAt(view, it.item.row, cols.target).cell,
                unitText: cols.unit !== undefined ? cellText(view.shown(it.item.row, cols.unit)) : undefined,
                actualCell: cellAt(view, it.item.row, cols.actual).cell,
                names: [it.item.name, ...it.item.path],
              },
              profile,
            )
          : undefined;
      const scoreForm = it.score.reading.kind === "number" ? it.score.reading.form : undefined;
      const readingFix = (o: Operands, reading: Reading | undefined): FixDraft | undefined => {
        const formula = reading && readingFormula(o, it, reading, cols.actual, cols.target);
        return formula
          ? { at: it.score.at, formula, numFmt: numFmtFor(scoreForm, "score"), result: reading!.expected, description: words(`写入指标得分公式（${reading!.arithmetic.zh}）`, `Writes the score formula (${reading!.arithmetic.en})`) }
          : undefined;
      };
      // Whether a reading gives a formula does not depend on how cells are referred to.
      const probe = operandsFor(view, new Set());

      if (s > w + 0.005) {
        // When the score follows from the completion, the fix writes that score (the most generous
        // reading: the check accepts any, so the fix must not cut more than it asks): say so.
        const generous = expectation?.kind === "readings" ? expectation.readings.reduce((a, b) => (b.expected > a.expected ? b : a)) : undefined;
        const byReading = readingFix(probe, generous) !== undefined;
        const expected = byReading && generous ? Math.min(w, generous.expected) : expectation?.kind === "band" ? expectation.high : w;
        const weight = it.weight;
        report({
          code: "SCORE_EXCEEDS_WEIGHT",
          severity: "error",
          at: it.score.at,
          stated: s,
          expected: asShown(expected),
          message: MESSAGES.scoreExceedsWeight(name, s, w, byReading && generous && Math.abs(generous.expected - w) > 0.005 ? { expected, arithmetic: generous.arithmetic } : undefined),
          fix: {
            kind: "cell",
            at: it.score.at,
            build: (o) => {
              const byCompletion = readingFix(o, generous);
              if (byCompletion) return byCompletion;
              const weightRef = weight ? weightOperand(o, weight.at, w) : constant(w);
              // A qualitative outcome caps it lower: at the top of its band (部分达成: 80 % of the weight).
              const share = expectation?.kind === "band" ? expectation.high / w : 1;
              if (share < 1 - 1e-9) {
                return {
                  at: it.score.at,
                  formula: `=MIN(${weightRef}*${constant(share)},${constant(s)})`,
                  result: w * share,
                  numFmt: numFmtFor(scoreForm, "score"),
                  description: words(
                    `得分不超过“${expectation!.kind === "band" ? expectation!.outcome.zh : ""}”的上限（分值 × ${constant(share * 100)}%）`,
                    `Caps the score at the top of its band (${expectation!.kind === "band" ? expectation!.outcome.en : ""}: weight × ${constant(share * 100)}%)`,
                  ),
                };
              }
              return {
                at: it.score.at,
                formula: `=MIN(${weightRef},${constant(s)})`,
                result: w,
                numFmt: numFmtFor(scoreForm, "score"),
                description: words(`得分不超过分值（保留原填的 ${num(s)}）`, `Caps the score at its weight (keeping the ${num(s)} typed)`),
              };
            },
          },
        });
        continue;
      }
      if (!expectation) continue;
      if (expectation.kind === "band") {
        const tol = 0.005;
        if (s >= expectation.low - tol && s <= expectation.high + tol) continue;
        const over = s > expectation.high;
        report({
          code: "INDICATOR_SCORE_MISMATCH",
          severity: over ? "error" : "warning",
          at: it.score.at,
          stated: s,
          expected: asShown(over ? expectation.high : expectation.low),
          message: MESSAGES.qualitativeBand(name, expectation.outcome, expectation.low, expectation.high, w, s),
        });
        continue;
      }
      if (expectation.kind !== "readings") continue;
      if (expectation.overAchievement !== undefined && cols.actual !== undefined) {
        report({
          code: "TARGET_EXCEEDED",
          severity: "info",
          at: view.master(it.item.row, cols.actual),
          stated: Math.round(expectation.overAchievement * 10000) / 10000,
          expected: null,
          message: MESSAGES.targetExceeded(name, expectation.overAchievement),
        });
      }
      const expectations = expectation.readings.map((r) => r.expected);
      const certain = Math.max(...expectations) - Math.min(...expectations) <= 0.005;
      const j = judgeScore(s, expectations);
      if (j.verdict === "ok") continue;
      const nearest = expectation.readings.find((r) => r.expected === j.expected) ?? expectation.readings[0];
      report({
        code: "INDICATOR_SCORE_MISMATCH",
        severity: j.verdict === "over" ? "error" : "warning",
        at: it.score.at,
        stated: s,
        expected: asShown(nearest.expected),
        message: MESSAGES.indicatorScoreMismatch(expectation.qualitative, name, nearest.expected, nearest.arithmetic, s, j.verdict === "over"),
        // Readings that disagree (completion ratio or value, the two reverse rules, either direction)
        // leave the right score open: the finding stands, but nothing is written.
        fix: certain && readingFix(probe, nearest) ? { kind: "cell", at: it.score.at, build: (o) => readingFix(o, nearest) } : undefined,
      });
    }
  },
};
