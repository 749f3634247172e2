/** GRADE_MISMATCH: a grade (text, check boxes, or in a sentence) that is not the band of the recomputed total. */
import { num } from "../format";
import { describeBands, gradeFor } from "../profiles";
import { readGradeText, writeGradeText } from "../recognize/statements";
import { cellText, readNumber } from "../values";
import { gradeExpression, totalSource } from "./formulas";
import { cellTotalAgrees } from "./totals";
import { Rule } from "./types";

export const grade: Rule = {
  name: "grade",
  codes: ["GRADE_MISMATCH"],
  check({ view, unit, facts, profile, operands, report }) {
    const total = facts.total;
    if (total === undefined) return;
    const expected = gradeFor(total, profile);
    const totalAt = unit.indicators?.totalRow?.score;
    const totalStated = totalAt ? readNumber(view.cell(totalAt.row, totalAt.col)) : undefined;
    const source = totalSource(operands, facts, !!totalAt && totalStated?.kind === "number" && cellTotalAgrees(view, totalAt, totalStated.value, total, profile));
    for (const g of unit.grades) {
      if (g.grade === expected) continue;
      const where = g.form === "sentence" ? `结论中写“${g.text}”` : `表中为“${g.grade}”`;
      const style = g.form === "checkbox" ? readGradeText(cellText(view.cell(g.at.row, g.at.col)))?.style : undefined;
      report({
        code: "GRADE_MISMATCH",
        severity: "error",
        at: g.at,
        stated: g.grade,
        expected,
        message: `总分 ${num(total)} 按“${profile.name.zh}”等级标准（${describeBands(profile)}）应为“${expected}”，${where}`,
        fix:
          g.form !== "sentence" && !g.reportOnly && source
            ? {
                at: g.at,
                formula: `=${gradeExpression(source, profile, (x) => writeGradeText(x as typeof expected, style))}`,
                result: writeGradeText(expected, style),
                description: g.form === "checkbox" ? "写入等级公式（按总分勾选）" : "写入等级公式（按总分取等级）",
              }
            : undefined,
      });
    }
  },
};
