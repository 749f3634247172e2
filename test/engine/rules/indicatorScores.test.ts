import { withCell } from "../../fixtures/sheetSpec";
import { nationalProject } from "../../fixtures/others";
import { networkMaintenance, sichuanProject } from "../../fixtures/sichuan";
import { brief, findingsOf, only } from "./helpers";

describe("SCORE_EXCEEDS_WEIGHT and INDICATOR_SCORE_MISMATCH", () => {
  test("a score above its weight gets only SCORE_EXCEEDS_WEIGHT, fixed with the indicator formula", () => {
    const f = findingsOf(sichuanProject(networkMaintenance)).filter((x) => x.cell === "J19");
    expect(f.map((x) => x.code)).toEqual(["SCORE_EXCEEDS_WEIGHT"]);
    expect(f[0].fix?.formula).toBe("=I19*MIN(1,MAX(0,H19))");
  });
  test("without a computable expectation the cap keeps what was typed: =MIN(weight, stated)", () => {
    const spec = withCell(withCell(nationalProject(), "H13", 12), "F13", "按计划开展");
    const f = only(spec, "SCORE_EXCEEDS_WEIGHT");
    expect(f[0].fix?.formula).toBe("=MIN(G13,12)");
  });
  test("not met: weight × achieved ÷ target; over-scored is an error, under-scored a warning", () => {
    const over = only(withCell(nationalProject(), "F14", "800人"), "INDICATOR_SCORE_MISMATCH");
    expect(over.map(brief)).toEqual([{ code: "INDICATOR_SCORE_MISMATCH", severity: "error", cell: "H14", stated: 9.5, expected: 8 }]);
    expect(over[0].message).toBe("指标“培训覆盖人数”得分应为 8（10 × 800 ÷ 1000），表中为 9.5，多计了分");
    const under = only(withCell(nationalProject(), "H15", 7), "INDICATOR_SCORE_MISMATCH");
    // 97 % may be a ratio (9.7) or the achieved value (met, 10): the nearest reading is shown.
    expect(under[0]).toMatchObject({ severity: "warning", expected: 9.7 });
  });
  test("qualitative: a score outside the band of the stated outcome", () => {
    const f = only(withCell(nationalProject(), "H19", 7), "INDICATOR_SCORE_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "INDICATOR_SCORE_MISMATCH", severity: "warning", cell: "H19", stated: 7, expected: 8 }]);
    expect(f[0].fix).toBeUndefined(); // a band is not one value: no automatic fix
  });
  test("over-achievement ≥ 120 % is an info note, not an error", () => {
    const f = findingsOf(withCell(nationalProject(), "F13", "18次"));
    expect(f.map(brief)).toEqual([{ code: "TARGET_EXCEEDED", severity: "info", cell: "F13", stated: 1.5, expected: null }]);
  });
  test("deductions (扣分项) are not scored against a target", () => {
    expect(findingsOf(nationalProject())).toEqual([]);
  });
});
