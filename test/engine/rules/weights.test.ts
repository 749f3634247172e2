import { findCell, offset, withCell } from "../../fixtures/sheetSpec";
import { nationalProject, wuhua } from "../../fixtures/others";
import { procurement, sichuanProject } from "../../fixtures/sichuan";
import { yunnanConsistent, yunnanDepartment, yunnanProject } from "../../fixtures/yunnan";
import { brief, findingsOf, only } from "./helpers";

describe("weights", () => {
  test("WEIGHT_TOTAL_MISMATCH: indicator weights against 绩效指标（90分）", () => {
    const spec = sichuanProject(procurement);
    const f = findingsOf(withCell(spec, "I15", 15)).filter((x) => x.code === "WEIGHT_TOTAL_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "WEIGHT_TOTAL_MISMATCH", severity: "error", cell: findCell(spec, "绩效指标（90分）"), stated: 90, expected: 95 }]);
  });
  test("the 总分 row's 分值 may count the execution weight or not (Yunnan 90, Sichuan 100)", () => {
    expect(only(sichuanProject(procurement), "WEIGHT_TOTAL_MISMATCH")).toEqual([]);
    expect(only(yunnanProject(yunnanConsistent), "WEIGHT_TOTAL_MISMATCH")).toEqual([]);
    const f = only(withCell(nationalProject(), "G21", 95), "WEIGHT_TOTAL_MISMATCH");
    expect(f.map((x) => [x.cell, x.stated, x.expected])).toEqual([["G21", 95, 90]]);
  });
  test("SECTION_WEIGHT_MISMATCH: 产出指标（50%）against its indicators", () => {
    const spec = yunnanProject(yunnanConsistent);
    const f = only(withCell(spec, "G15", 20), "SECTION_WEIGHT_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "SECTION_WEIGHT_MISMATCH", severity: "error", cell: findCell(spec, "产出指标（50%）"), stated: 50, expected: 55 }]);
  });
  test("the Yunnan profile's 50/30/10 split applies where the labels declare none", () => {
    const spec = withCell(yunnanProject(yunnanConsistent), "B13", "产出指标");
    expect(only(spec, "SECTION_WEIGHT_MISMATCH")).toEqual([]);
    const f = only(withCell(spec, "G15", 20), "SECTION_WEIGHT_MISMATCH");
    expect(f[0]).toMatchObject({ cell: "B13", stated: 50, expected: 55 });
    expect(f[0].message).toContain("按云南");
  });
  test("LEVEL_WEIGHT_MISMATCH at each level, once per fault", () => {
    const spec = yunnanDepartment();
    const f = findingsOf(withCell(spec, "D10", 5));
    expect(f.map(brief)).toEqual([{ code: "LEVEL_WEIGHT_MISMATCH", severity: "error", cell: findCell(spec, "目标设定（7分）"), stated: 7, expected: 8 }]);
    const w = wuhua();
    const mid = findingsOf(withCell(w, offset(findCell(w, "绩效目标"), 0, 1), 5));
    expect(mid.map((x) => [x.code, x.stated, x.expected])).toEqual([["LEVEL_WEIGHT_MISMATCH", 40, 19], ["LEVEL_WEIGHT_MISMATCH", 5, 6]]);
  });
  test("WEIGHT_CAP_EXCEEDED under the Yunnan profile (no single indicator above 30)", () => {
    const spec = withCell(withCell(yunnanProject(yunnanConsistent), "G18", 35), "H18", 33);
    const f = only(spec, "WEIGHT_CAP_EXCEEDED");
    expect(f.map(brief)).toEqual([{ code: "WEIGHT_CAP_EXCEEDED", severity: "error", cell: "G18", stated: 35, expected: 30 }]);
    expect(only(spec, "WEIGHT_CAP_EXCEEDED", "national")).toEqual([]);
  });
});
