import { P, withCell } from "../../fixtures/sheetSpec";
import { nationalProject } from "../../fixtures/others";
import { sichuanProject, smartHall } from "../../fixtures/sichuan";
import { brief, findingsOf, only } from "./helpers";

describe("EXEC_SCORE_MISMATCH", () => {
  test("national rule: 分值 × min(执行率, 100 %) with rounding tolerance", () => {
    for (const s of [9.42, 9.4, 9]) expect(only(withCell(nationalProject(), "I6", s), "EXEC_SCORE_MISMATCH")).toEqual([]);
    const over = only(withCell(nationalProject(), "I6", 9.8), "EXEC_SCORE_MISMATCH");
    expect(over.map(brief)).toEqual([{ code: "EXEC_SCORE_MISMATCH", severity: "error", cell: "I6", stated: 9.8, expected: 9.42 }]);
    const under = only(withCell(nationalProject(), "I6", 8), "EXEC_SCORE_MISMATCH");
    expect(under[0].severity).toBe("warning");
  });
  test("a rate above 100 % earns no more than the 分值", () => {
    const spec = withCell(withCell(nationalProject(), "F6", 165), "H6", P(1.1));
    expect(only(withCell(spec, "I6", 10), "EXEC_SCORE_MISMATCH")).toEqual([]);
  });
  test("a score above its 分值 is SCORE_EXCEEDS_WEIGHT only", () => {
    const f = findingsOf(withCell(nationalProject(), "I6", 12)).filter((x) => x.cell === "I6");
    expect(f.map((x) => x.code)).toEqual(["SCORE_EXCEEDS_WEIGHT"]);
  });
  test("the fix is a live formula from the amounts and the 分值 cell", () => {
    const f = only(sichuanProject(smartHall), "EXEC_SCORE_MISMATCH");
    expect(f[0].fix).toMatchObject({ cell: "J9", formula: "=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))", result: expect.closeTo(4.3619, 3) });
  });
});
