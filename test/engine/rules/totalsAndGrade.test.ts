import { checkSheet, planFixes } from "../../../src/engine";
import { findCell, offset, toGrid, withCell } from "../../fixtures/sheetSpec";
import { SichuanIndicator } from "../../fixtures/sichuan";
import { applyFixes } from "../../support/recalc";
import { nationalProject } from "../../fixtures/others";
import { sichuanProject, smartHall } from "../../fixtures/sichuan";
import { yunnanConsistent, yunnanProject } from "../../fixtures/yunnan";
import { brief, findingsOf, only } from "./helpers";

describe("TOTAL_MISMATCH, HEADER_SCORE_MISMATCH, CONCLUSION_SCORE_MISMATCH", () => {
  test("each place states the total is compared with the recomputed total, not with each other", () => {
    // Yunnan: 合计 says 99, the top field 97.5 is right: one finding, on 合计.
    const spec = yunnanProject(yunnanConsistent);
    const totalCell = offset(findCell(spec, "得分合计"), 0, 2);
    const f = findingsOf(withCell(spec, totalCell, 99));
    expect(f.map(brief)).toEqual([{ code: "TOTAL_MISMATCH", severity: "error", cell: totalCell, stated: 99, expected: 97.5 }]);
    expect(f[0].fix?.formula).toMatch(/^=SUM\(H\d+,H\d+:H\d+\)\+H6$/);
  });
  test("the top 自评得分 field, fixed to reference the total cell", () => {
    const spec = yunnanProject(yunnanConsistent);
    const f = only(withCell(spec, "B3", 100), "HEADER_SCORE_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "HEADER_SCORE_MISMATCH", severity: "error", cell: "B3", stated: 100, expected: 97.5 }]);
    expect(f[0].fix?.formula).toBe(`=${offset(findCell(spec, "得分合计"), 0, 2)}`);
  });
  test("a wrong item score is reported on the item only, never again through the total", () => {
    // 12 against 10: capped at 10, the total still adds up.
    expect(findingsOf(withCell(nationalProject(), "H13", 12)).map((x) => x.code)).toEqual(["SCORE_EXCEEDS_WEIGHT"]);
  });
  test("the conclusion sentence: 95 where the table gives 97.92", () => {
    const f = only(withCell(nationalProject(), "B23", "该项目自评得分为95分。"), "CONCLUSION_SCORE_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "CONCLUSION_SCORE_MISMATCH", severity: "error", cell: "B23", stated: 95, expected: 97.92 }]);
  });
  test("rounded totals in sentences are accepted (97.92 written as 97.9 or 98)", () => {
    expect(only(withCell(nationalProject(), "B23", "自评得分为98分"), "CONCLUSION_SCORE_MISMATCH")).toEqual([]);
    expect(only(withCell(nationalProject(), "B23", "自评得分为97.9分"), "CONCLUSION_SCORE_MISMATCH")).toEqual([]);
  });
  test("a score in brackets after the grade is compared too: 良好（86分）", () => {
    const f = findingsOf(withCell(nationalProject(), "B23", "自评结果：良好（86分）。")).filter((x) => x.cell === "B23");
    expect(f.map(brief)).toEqual([
      { code: "CONCLUSION_SCORE_MISMATCH", severity: "error", cell: "B23", stated: 86, expected: 97.92 },
      expect.objectContaining({ code: "GRADE_MISMATCH", cell: "B23" }),
    ]);
  });
  test("a sentence about an earlier year by its number is not this form's result (the title says 2023年度)", () => {
    const text = "2022年度该项目自评得分为88分，等级为良。2023年度经自评，项目自评得分为97.92分，等级为优。";
    expect(findingsOf(withCell(nationalProject(), "B23", text)).filter((x) => x.cell === "B23")).toEqual([]);
    // On the 2022 form a sentence about 2022 states its result, and contradicts the table.
    const on2022 = withCell(withCell(nationalProject(), "A2", "（2022年度）"), "B23", "2022年度该项目自评得分为88分，等级为良。");
    expect(findingsOf(on2022).filter((x) => x.cell === "B23").map((x) => [x.code, x.stated])).toEqual([
      ["CONCLUSION_SCORE_MISMATCH", 88],
      ["GRADE_MISMATCH", "良"],
    ]);
  });
  test("a fix that changes the total carries the typed-in 合计 along", () => {
    const f = only(sichuanProject(smartHall), "EXEC_SCORE_MISMATCH");
    // 合计 already has its own finding here; the header-less Sichuan form has nothing else to carry.
    expect(f[0].fix?.also).toBeUndefined();
    const consistentTotal = withCell(sichuanProject(smartHall), "J33", 95);
    const g = only(consistentTotal, "EXEC_SCORE_MISMATCH");
    expect(g[0].fix?.also?.map((a) => [a.cell, a.formula])).toEqual([["J33", "=SUM(J15:J32)+J9"]]);
    expect(g[0].fix?.description).toContain("结论文字需手工修改");
  });
});

describe("GRADE_MISMATCH", () => {
  test("text grade against the national bands", () => {
    const f = only(withCell(nationalProject(), "B22", "良"), "GRADE_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "GRADE_MISMATCH", severity: "error", cell: "B22", stated: "良", expected: "优" }]);
    expect(f[0].message).toContain("优 ≥ 90；良 80–90；中 60–80；差 < 60");
    expect(f[0].fix?.formula).toBe('=IF(ROUND(H21,2)>=90,"优",IF(ROUND(H21,2)>=80,"良",IF(ROUND(H21,2)>=60,"中","差")))');
  });
  test("switching to Lincang's 2022 bands (优 ≥ 95) changes the verdict on a 92-point sheet", () => {
    const spec = withCell(withCell(withCell(nationalProject(), "H18", 9), "H21", 91.92), "B23", "自评等级为优");
    expect(only(spec, "GRADE_MISMATCH", "national")).toEqual([]);
    const lincang = only(spec, "GRADE_MISMATCH", "yunnan-lincang-2022");
    expect(lincang.map((x) => [x.cell, x.stated, x.expected])).toEqual([["B22", "优", "良"], ["B23", "优", "良"]]);
    expect(lincang[0].fix?.formula).toContain(">=95");
  });
  test("check boxes: the fix keeps the sheet's box style", () => {
    const spec = withCell(yunnanProject(yunnanConsistent), "D3", "□优 ☑良 □中 □差");
    const f = only(spec, "GRADE_MISMATCH");
    expect(f[0]).toMatchObject({ stated: "良", expected: "优" });
    expect(f[0].fix?.result).toBe("☑优 □良 □中 □差");
  });
  test("a grade in a conclusion sentence", () => {
    const f = only(withCell(nationalProject(), "B23", "该项目自评得分为97.92分，自评等级：良。"), "GRADE_MISMATCH");
    expect(f.map((x) => [x.cell, x.stated, x.expected])).toEqual([["B23", "良", "优"]]);
    expect(f[0].fix).toBeUndefined();
  });
});

describe("formulas stay within Excel's 8,192 characters", () => {
  test("a table with hundreds of scores above their weights: the total formula is short, and fixing all still adds up", () => {
    const items = Array.from({ length: 1000 }, (_, i): SichuanIndicator => ({
      l1: "产出指标", l2: "数量指标", name: `指标${i}`, dir: "≥", target: 10, unit: "个", actual: 1, weight: 0.09, score: i % 3 ? 0.4 : 0.09,
    }));
    const spec = sichuanProject({ ...smartHall, indicators: items, total: { weight: 100, score: 100 } });
    const grid = toGrid(spec);
    const r = checkSheet(grid);
    const fixes = planFixes(r.findings);
    expect(fixes.length).toBeGreaterThan(600);
    for (const f of fixes) expect(f.formula!.length).toBeLessThanOrEqual(8192);
    const again = checkSheet(applyFixes(grid, fixes));
    expect(again.findings.filter((f) => f.fix)).toEqual([]);
  });
});
