import { withCell } from "../../fixtures/sheetSpec";
import { nationalProject, sichuanGoal } from "../../fixtures/others";
import { fundUse, yunnanDepartment } from "../../fixtures/yunnan";
import { brief, findingsOf } from "./helpers";

describe("BUDGET_SUM_MISMATCH", () => {
  test("其中 rows against 年度资金总额, column by column", () => {
    const f = findingsOf(withCell(nationalProject(), "F6", 146.3)).filter((x) => x.code === "BUDGET_SUM_MISMATCH");
    expect(f.map(brief)).toEqual([{ code: "BUDGET_SUM_MISMATCH", severity: "error", cell: "F6", stated: 146.3, expected: 141.3 }]);
    expect(f[0].message).toBe("“年度资金总额”全年执行数（其中各项之和）应为 141.30 万元（121.30 + 20.00），表中为 146.30 万元");
  });
  test("基本 + 项目 = 总额 within 0.01; a cell breaking two identities is reported once, on itself", () => {
    expect(findingsOf(yunnanDepartment())).toEqual([]);
    const f = findingsOf(withCell(yunnanDepartment(), "E5", 170));
    expect(f.map((x) => [x.code, x.cell, x.stated])).toEqual([["BUDGET_SUM_MISMATCH", "E5", 170]]);
  });
  test("年初 + 调整 = 全年收入", () => {
    // 1192.68 breaks 年初 + 调整 on its row and 基本 + 项目 in its column: one finding, on the cell.
    const f = findingsOf(withCell(yunnanDepartment(), "F6", 1192.68)).filter((x) => x.code === "BUDGET_SUM_MISMATCH");
    expect(f.map((x) => [x.cell, x.stated, x.expected])).toEqual([["F6", 1192.68, 1182.68]]);
  });
  test("fund use: 到位 − 已使用 = 结余 + 结转, and the 合计 row; the one wrong cell is named once", () => {
    expect(findingsOf(withCell(fundUse(), "F5", 200)).map(brief)).toEqual([
      { code: "BUDGET_SUM_MISMATCH", severity: "error", cell: "F5", stated: 200, expected: 219.47 },
    ]);
    expect(findingsOf(withCell(fundUse(), "G5", 3)).map(brief)).toEqual([
      { code: "BUDGET_SUM_MISMATCH", severity: "error", cell: "G5", stated: 3, expected: 0 },
    ]);
    // The 合计 row alone wrong.
    expect(findingsOf(withCell(fundUse(), "F13", 950)).map(brief)).toEqual([
      { code: "BUDGET_SUM_MISMATCH", severity: "error", cell: "F13", stated: 950, expected: 949.21 },
    ]);
  });
  test("goal table: 金额合计 is the column sum", () => {
    const f = findingsOf(withCell(withCell(sichuanGoal(), "G6", 230), "H6", 230));
    expect(f.map((x) => [x.code, x.cell])).toEqual([["BUDGET_SUM_MISMATCH", "G19"], ["BUDGET_SUM_MISMATCH", "H19"]]);
    // 总额 typed differently from 财政拨款 on one row: named once, on that cell.
    expect(findingsOf(withCell(sichuanGoal(), "D6", 230)).map((x) => [x.cell, x.stated, x.expected])).toEqual([["D6", 230, 232.63]]);
  });
});
