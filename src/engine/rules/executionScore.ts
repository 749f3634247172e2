/** EXEC_SCORE_MISMATCH (and SCORE_EXCEEDS_WEIGHT for the execution score). */
import { execScoreMissing, value } from "../facts";
import { asShown } from "../format";
import { MESSAGES, words } from "../messages";
import { judgeScore } from "../scoring";
import { execScoreExpression, numFmtFor } from "./formulas";
import { SCORE_EXCEEDS_WEIGHT_META } from "./indicatorScores";
import { FixIntent, Rule } from "./types";

export const executionScore: Rule = {
  name: "execution-score",
  meta: {
    codes: {
      EXEC_SCORE_MISMATCH: { section: "budget", yieldsTo: ["SCORE_EXCEEDS_WEIGHT", "UNREADABLE_VALUE"], name: { zh: "执行率得分不符", en: "Execution-rate score" }, value: "score" },
      SCORE_EXCEEDS_WEIGHT: SCORE_EXCEEDS_WEIGHT_META,
    },
  },
  check({ facts, profile, report }) {
    const exec = facts.exec;
    if (!exec?.score || !exec.weight || exec.weight.value < 0) return;
    const w = exec.weight.value;
    const rate = exec.computed?.rate ?? (exec.stated?.reading.kind === "number" ? exec.stated.reading.value : undefined);
    const e = rate === undefined ? undefined : w * Math.min(profile.execScore.cap, Math.max(0, rate));
    const at = exec.score.at;
    const form = exec.score.reading.kind === "number" ? exec.score.reading.form : undefined;
    const fix: FixIntent = {
      kind: "cell",
      at,
      build: (o) => {
        const expression = execScoreExpression(o, exec, profile);
        return expression ? { at, formula: `=${expression}`, result: e, numFmt: numFmtFor(form, "score"), description: words("写入执行率得分公式（分值 × 执行率，不超过分值）", "Writes the execution-score formula (weight × rate, at most the weight)") } : undefined;
      },
    };
    if (execScoreMissing(exec) && e !== undefined) {
      report({
        code: "EXEC_SCORE_MISMATCH",
        severity: "warning",
        at: exec.score.at,
        stated: null,
        expected: asShown(e),
        message: MESSAGES.execScoreMissing(e, w, Math.min(profile.execScore.cap, Math.max(0, rate!))),
        fix,
      });
      return;
    }
    const s = value(exec.score);
    if (s === undefined) return;
    if (s > w + 0.005) {
      report({
        code: "SCORE_EXCEEDS_WEIGHT",
        severity: "error",
        at: exec.score!.at,
        stated: s,
        expected: w,
        message: MESSAGES.execScoreExceeds(s, w),
        fix,
      });
      return;
    }
    if (rate === undefined || e === undefined) return;
    const j = judgeScore(s, [e]);
    if (j.verdict === "ok") return;
    report({
      code: "EXEC_SCORE_MISMATCH",
      severity: j.verdict === "over" ? "error" : "warning",
      at: exec.score!.at,
      stated: s,
      expected: asShown(e),
      message: MESSAGES.execScoreMismatch(e, w, Math.min(profile.execScore.cap, Math.max(0, rate)), s, j.verdict === "over"),
      fix,
    });
  },
};
