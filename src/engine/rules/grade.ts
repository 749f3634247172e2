/** GRADE_MISMATCH: a grade (text, check boxes, or in a sentence) that is not the band of the recomputed total. */
import { MESSAGES } from "../messages";
import { describeBands, gradeFor } from "../profiles";
import { Rule } from "./types";

export const grade: Rule = {
  name: "grade",
  meta: {
    codes: {
      GRADE_MISMATCH: { section: "totals", name: { zh: "等级不符", en: "Grade" }, value: "grade" },
    },
  },
  check({ unit, facts, profile, report }) {
    const total = facts.total;
    if (total === undefined) return;
    const expected = gradeFor(total, profile);
    for (const g of unit.grades) {
      if (g.grade === expected) continue;
      const where = g.form === "sentence" ? MESSAGES.gradeInSentence(g.text) : MESSAGES.gradeInCell(g.grade);
      report({
        code: "GRADE_MISMATCH",
        severity: "error",
        at: g.at,
        // A grade in a sentence is a statement about the total; it belongs with the conclusion.
        section: g.form === "sentence" ? "statements" : undefined,
        stated: g.grade,
        expected,
        message: MESSAGES.gradeMismatch(total, profile.name, describeBands(profile), expected, where),
        // Sentences and grades typed with their label or a band note are reported, never rewritten.
        fix: g.form !== "sentence" && !g.reportOnly ? { kind: "grade", at: g.at } : undefined,
      });
    }
  },
};
