/**
 * RT-D: department-wide forms (domain.md §1e/1f; issue 8: "every breakdown of a total is checked … each on its
 * own"). Budget blocks broken down by kind (基本 → 人员 + 公用, 项目) and by source, laid out the ways
 * offices lay them out. Base: test/redteam/fixtures.ts department() — consistent, total 98.24 (优).
 * contract.md: a failed sum is reported at the stated total. "[was a defect]" tests fail today.
 */
import { CLEAN, cleanVerdict, faultDelta, only } from "./harness";
import { DEPT, DEPT_TOTAL, department, set } from "./fixtures";
import { P, SpecCell } from "../fixtures/sheetSpec";
import { yunnanDepartment } from "../fixtures/yunnan";

const row = (label: string, values: SpecCell[], first: SpecCell = null): SpecCell[] => [first, label, ...values];

describe("RT-D01 nested breakdown 合计 → 基本 (→ 人员 + 公用) + 项目", () => {
  // Rows 4 总额, 5 基本, 6 人员, 7 公用, 8 项目.
  const nested = (staff: string, office: string, basic = "基本支出", project = "项目支出") =>
    department([DEPT_TOTAL, row(basic, DEPT.basic), row(staff, DEPT.staff), row(office, DEPT.office), row(project, DEPT.project)]);
  const withQizhong = nested("  其中：人员经费", "        公用经费");
  test("[ok] 其中： and indentation: clean", () => expect(cleanVerdict(withQizhong)).toEqual(CLEAN));
  test("[ok] total 执行数 1920 (parts 1250 + 660 = 1910)", () => {
    expect(faultDelta(withQizhong, set(withQizhong, { E4: 1920, G4: P(0.96), H4: 9.6, F2: 98.29, G18: 98.29, B19: "经自评，本部门2023年度整体支出绩效自评得分98.29分，等级为优。" }))).toEqual(only("BUDGET_SUM_MISMATCH@E4 error"));
  });
  test("[ok] 人员经费 执行数 1040 (基本 1250 ≠ 1040 + 201.5): at the 基本支出 cell", () => {
    expect(faultDelta(withQizhong, set(withQizhong, { E6: 1040, G6: P(0.9905) }))).toEqual(only("BUDGET_SUM_MISMATCH@E5 error"));
  });
  test("[ok] 项目支出 全年 750: at the 总额 cell", () => {
    expect(faultDelta(withQizhong, set(withQizhong, { D8: 750, G8: P(0.88) }))).toEqual(only("BUDGET_SUM_MISMATCH@D4 error"));
  });
  // Hunan (corpus 11) numbers its rows: 一、基本支出 / （一）人员经费 / （二）公用经费 / 二、项目支出.
  const numbered = nested("（一）人员经费", "（二）公用经费", "一、基本支出", "二、项目支出");
  test("[was a defect] numbered 一、/（一）/（二）/二、: clean", () => {
    // Today: 人员 + 公用 (1000 + 200) taken as the parts of 年度资金总额 → three false BUDGET_SUM errors (C4, D4, E4).
    expect(cleanVerdict(numbered)).toEqual(CLEAN);
  });
  test("[was a defect] numbered: 人员经费 执行数 1040 is found at the 基本支出 cell", () => {
    expect(faultDelta(numbered, set(numbered, { E6: 1040, G6: P(0.9905) }))).toEqual(only("BUDGET_SUM_MISMATCH@E5 error"));
  });
  test("[was a defect] plain labels (基本支出 / 人员经费 / 公用经费 / 项目支出, no 其中, no indent): clean", () => {
    expect(cleanVerdict(nested("人员经费", "公用经费"))).toEqual(CLEAN);
  });
  test("[ok] 项目支出 with its own 其中 items (食品安全抽检 340 + 执法 400 = 740)", () => {
    const s = department([DEPT_TOTAL, row("基本支出", DEPT.basic), row("项目支出", DEPT.project), row("  其中：食品安全抽检经费", [300, 340, 320, "—", P(0.9412), "—"]), row("        市场监管执法经费", [300, 400, 340, "—", P(0.85), "—"])]);
    expect(cleanVerdict(s)).toEqual(CLEAN);
  });
});

describe("RT-D02 two breakdowns of one total (by source and by kind)", () => {
  test("[ok] source as 其中 rows, then 基本/项目 plain: clean", () => {
    expect(cleanVerdict(department([DEPT_TOTAL, row("其中：财政拨款", [1700, 1900, 1820, "—", P(0.9579), "—"]), row("其他资金", DEPT.own), row("基本支出", DEPT.basic), row("项目支出", DEPT.project)]))).toEqual(CLEAN);
  });
  test("[ok] sources with zero and dash rows: clean", () => {
    expect(cleanVerdict(department([DEPT_TOTAL, row("其中：财政拨款", [1700, 1900, 1820, "—", P(0.9579), "—"]), row("财政专户管理资金", [0, 0, 0, "—", P(0), "—"]), row("单位资金", DEPT.own), row("其他资金", ["—", "—", "—"])]))).toEqual(CLEAN);
  });
  // Heading rows of their own: 按收入性质分 / parts / 按支出性质分 / parts (rows 4 total, 5 heading, 6–8, 9 heading, 10–11).
  const headings = department([DEPT_TOTAL, row("按收入性质分", []), row("一般公共预算", DEPT.general), row("政府性基金", DEPT.fund), row("单位资金", DEPT.own), row("按支出性质分", []), row("基本支出", DEPT.basic), row("项目支出", DEPT.project)]);
  test("[ok] heading rows of their own: clean", () => expect(cleanVerdict(headings)).toEqual(CLEAN));
  test("[was a defect] heading rows of their own: 项目支出 执行数 670 (1250 + 670 ≠ 1910) is not reported", () => {
    expect(faultDelta(headings, set(headings, { E11: 670, G11: P(0.9054) }))).toEqual(only("BUDGET_SUM_MISMATCH@E4 error"));
  });
  test("[was a defect] heading rows of their own: 单位资金 执行数 80 (1800 + 20 + 80 ≠ 1910) is not reported", () => {
    expect(faultDelta(headings, set(headings, { E8: 80, G8: P(0.8) }))).toEqual(only("BUDGET_SUM_MISMATCH@E4 error"));
  });
  // Two 其中 groups (rows 4 total, 5–7 sources, 8–9 kinds).
  const twoQizhong = department([DEPT_TOTAL, row("其中：一般公共预算", DEPT.general), row("政府性基金", DEPT.fund), row("单位资金", DEPT.own), row("其中：基本支出", DEPT.basic), row("项目支出", DEPT.project)]);
  test("[ok] two 其中 groups: clean", () => expect(cleanVerdict(twoQizhong)).toEqual(CLEAN));
  test("[was a defect] two 其中 groups: 项目支出 执行数 670 is not reported", () => {
    expect(faultDelta(twoQizhong, set(twoQizhong, { E9: 670, G9: P(0.9054) }))).toEqual(only("BUDGET_SUM_MISMATCH@E4 error"));
  });
  // Group label in column A on the first part's row, not merged down (corpus 03 unmerged).
  const groupInA = department([DEPT_TOTAL, row("一般公共预算", DEPT.general, "按收入性质分"), row("政府性基金", DEPT.fund), row("单位资金", DEPT.own), row("基本支出", DEPT.basic, "按支出性质分"), row("项目支出", DEPT.project)]);
  test("[was a defect] group label in column A, not merged: clean", () => {
    // Today: BUDGET_SUM_MISMATCH on C4, D4, E4 ("应为 110（20 + 90）") — the first part of each group is dropped.
    expect(cleanVerdict(groupInA)).toEqual(CLEAN);
  });
  test("[ok] group label in column A, merged down (as corpus 03): clean and 项目支出 670 found", () => {
    const merged = { ...groupInA, merges: [...(groupInA.merges ?? []), "A5:A7", "A8:A9"] };
    expect(cleanVerdict(merged)).toEqual(CLEAN);
    expect(faultDelta(merged, set(merged, { E9: 670, G9: P(0.9054) }))).toEqual(only("BUDGET_SUM_MISMATCH@E4 error"));
  });
  const labelled = department([DEPT_TOTAL, row("按收入性质分：一般公共预算", DEPT.general), row("政府性基金", DEPT.fund), row("单位资金", DEPT.own), row("按支出性质分：基本支出", DEPT.basic), row("项目支出", DEPT.project)]);
  test("[was a defect] group and first part in one cell (按收入性质分：一般公共预算): clean", () => expect(cleanVerdict(labelled)).toEqual(CLEAN));
});

describe("RT-D03 Yunnan 部门整体: 年初 + 调整 = 全年收入", () => {
  const yd = yunnanDepartment();
  test("[ok] seed layout: clean", () => expect(cleanVerdict(yd)).toEqual(CLEAN));
  test("[ok] adjustments typed as text with a sign (+691.46)", () => expect(cleanVerdict(set(yd, { E4: "+691.46", E5: "+168.97", E6: "+522.48" }))).toEqual(CLEAN));
  test("[ok] negative adjustments", () => expect(cleanVerdict(set(yd, { D4: 3311.14, E4: -100, D5: 2128.45, E5: -100, D6: 1182.68, E6: 0 }))).toEqual(CLEAN));
  test("[ok] adjustment left blank where 0", () => expect(cleanVerdict(set(yd, { D6: 1182.68, E6: null, D4: 3042.16, E4: 168.97 }))).toEqual(CLEAN));
});
