import { P, withCell } from "../../fixtures/sheetSpec";
import { nationalProject } from "../../fixtures/others";
import { procurement, sichuanProject } from "../../fixtures/sichuan";
import { cityOfficeFunds, yunnanProject } from "../../fixtures/yunnan";
import { brief, findingsOf } from "./helpers";

describe("EXEC_RATE_MISMATCH", () => {
  test("a %-formatted rate that is not 执行数 ÷ 预算数 (全年预算数, not 年初)", () => {
    const f = findingsOf(withCell(nationalProject(), "H6", P(0.8)));
    expect(f.map(brief)).toEqual([{ code: "EXEC_RATE_MISMATCH", severity: "error", cell: "H6", stated: 0.8, expected: 0.942 }]);
    expect(f[0].message).toBe("“年度资金总额”执行率应为 94.20%（141.30 ÷ 150.00），表中为 80.00%");
    expect(f[0].fix).toMatchObject({ cell: "H6", formula: "=IF(E6<=0,0,F6/E6)" });
  });
  test("a sub-row (其中：财政资金) is checked too", () => {
    const f = findingsOf(withCell(sichuanProject(procurement), "H10", P(0.95)));
    expect(f.filter((x) => x.code === "EXEC_RATE_MISMATCH").map((x) => x.cell)).toEqual(["H10"]);
  });
  test("a bare 100 means 100 %; a wrong bare rate gets a formula in percentage points", () => {
    const spec = yunnanProject(cityOfficeFunds);
    expect(findingsOf(spec).some((x) => x.code === "EXEC_RATE_MISMATCH")).toBe(false);
    const f = findingsOf(withCell(withCell(spec, "F6", 900), "G6", 100));
    const rate = f.find((x) => x.code === "EXEC_RATE_MISMATCH")!;
    expect(rate).toMatchObject({ cell: "G6", stated: 1, expected: 0.9482 });
    expect(rate.fix?.formula).toBe("=IF(E6<=0,0,F6/E6)*100");
  });
  test("text 97.59% is read as a percentage and fixed with a %-format", () => {
    const f = findingsOf(withCell(nationalProject(), "H6", "90.00%"));
    expect(f[0]).toMatchObject({ code: "EXEC_RATE_MISMATCH", stated: 0.9 });
    expect(f[0].fix).toMatchObject({ numFmt: "0.00%" });
  });
  test("budget 0 or empty: 0.00 %, empty, / or — are fine, any other rate is a mismatch", () => {
    const spec = sichuanProject(procurement);
    expect(findingsOf(spec)).toHaveLength(1); // the conclusion only: the 0.00 % rows pass
    const f = findingsOf(withCell(spec, "H11", P(0.5)));
    expect(f.filter((x) => x.code === "EXEC_RATE_MISMATCH").map(brief)).toEqual([
      { code: "EXEC_RATE_MISMATCH", severity: "error", cell: "H11", stated: 0.5, expected: null },
    ]);
  });
  test("年初预算数 is used only when no adjusted figure exists", () => {
    // 全年预算数 emptied: the rate is judged against 年初预算数 120.
    const spec = withCell(withCell(nationalProject(), "E6", null), "H6", P(141.3 / 120));
    expect(findingsOf(spec).filter((x) => x.code === "EXEC_RATE_MISMATCH")).toEqual([]);
  });
});
