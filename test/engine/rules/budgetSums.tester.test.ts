/**
 * BUDGET_SUM_MISMATCH with the RuleTester: each breakdown of a total on its own, nested breakdowns,
 * label | value breakdowns, fund tables in every amount column, the balance a fund row derives.
 */
import { budgetSums } from "../../../src/engine/rules/budgetSums";
import { SheetSpec, SpecCell, withCell } from "../../fixtures/sheetSpec";
import { ruleTester } from "../../support/ruleTester";

/** 部门整体: 年度资金总额 broken down by source (按收入性质分) and by kind (按支出性质分), as central departments print it. */
function twoBreakdowns(): SheetSpec {
  const rows: SpecCell[][] = [
    ["部门整体支出绩效自评表"],
    ["年度预算执行情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", null, 8650, 9312.47, 9026.38, 10, "96.93%", 9.69],
    ["按收入性质分", "一般公共预算财政拨款", 8200, 8742.15, 8501.26],
    [null, "政府性基金预算财政拨款", "—", 120, 96],
    [null, "单位资金", 450, 450.32, 429.12],
    ["按支出性质分", "基本支出", 5310, 5486.9, 5412.75],
    [null, "项目支出", 3340, 3825.57, 3613.63],
  ];
  return { name: "部门整体", rows, merges: ["A1:H1", "A2:B2", "A3:B3", "A4:A6", "A7:A8"] };
}

/** 岳阳: 合计 = 基本支出 + 项目支出, and 基本支出 = 人员经费 + 公用经费 (indented 其中 rows). */
function nested(): SheetSpec {
  const rows: SpecCell[][] = [
    ["部门整体支出情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "执行率"],
    ["合计", null, 1286.5, 1362.84, 1331.07, "97.67%"],
    ["一、基本支出", null, 862.3, 905.16, 897.42, "99.14%"],
    ["      其中：人员经费", null, 712.8, 748.26, 745.9, "99.68%"],
    ["            公用经费", null, 149.5, 156.9, 151.52, "96.57%"],
    ["二、项目支出", null, 424.2, 457.68, 433.65, "94.75%"],
    ["评分表"],
    ["一级指标", "二级指标", "三级指标", "分值", "自评得分"],
    ["投入", "目标", "目标合理性", 100, 95],
    ["总分", null, null, 100, 95],
  ];
  return { name: "岳阳", rows, merges: ["A1:B1", "A2:B2", "A3:B3", "A4:B4", "A5:B5", "A6:B6"] };
}

/** 海南: side by side, label | value with 其中 rows under each (no header row). */
function sideBySide(): SheetSpec {
  const rows: SpecCell[][] = [
    ["服务贸易项目绩效自评表"],
    ["计划投资额（万元）", null, 570, "实际到位资金（万元）", null, 380.88, "实际使用情况（万元）", 375.86],
    ["其中：中央财政", null, 0, "其中：中央财政", null, 0, "其中：中央财政", 0],
    ["省财政", null, 570, "省财政", null, 380.88, "省财政", 375.86],
    ["市县财政", null, 0, "市县财政", null, 0, "市县财政", 0],
    [],
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["项目决策", 100, "项目目标", 100, "目标内容", 100, 96],
    ["总分", 100, null, 100, null, 100, 96],
  ];
  return { name: "海南", rows, merges: ["A1:H1", "A2:B2", "A3:B3", "A4:B4", "A5:B5", "D2:E2", "D3:E3", "D4:E4", "D5:E5"] };
}

/** 内蒙古: a fund-use table in 元, groups with 小计 rows and a 合计 of the 小计 rows, 累计 columns too. */
function fundUse(): SheetSpec {
  const rows: SpecCell[][] = [
    ["资金使用情况表"],
    ["序号", "资金来源及项目", "预算金额", "本年资金到位及使用情况", null, null, null, "累计情况"],
    [null, null, null, "实际到位资金", "已使用资金", "结余资金", "结转资金", "累计结余资金"],
    ["一、中央财政资金"],
    [1, "禁牧补助", 2860000, 2860000, 2812430, 0, 47570, 0],
    [2, "草畜平衡奖励", 1000000, 1000000, 978782.35, 21217.65, 0, 21217.65],
    ["小计", null, 3860000, 3860000, 3791212.35, 21217.65, 47570, 21217.65],
    ["二、上年结转资金"],
    [3, "结转禁牧补助", 266580, 266580, 246534, 20046, 0, 20046],
    ["小计", null, 266580, 266580, 246534, 20046, 0, 20046],
    ["合计", null, 4126580, 4126580, 4037746.35, 41263.65, 47570, 41263.65],
  ];
  return { name: "资金使用情况", rows, merges: ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:G2", "A4:H4", "A8:H8", "A7:B7", "A10:B10", "A11:B11"] };
}

ruleTester(budgetSums, {
  valid: [
    { name: "a total broken down twice, both breakdowns right", sheet: twoBreakdowns() },
    { name: "nested: 合计 = 基本 + 项目 and 基本 = 人员 + 公用 (not 合计 = every row below it)", sheet: nested() },
    { name: "label | value breakdowns side by side, all right", sheet: sideBySide() },
    { name: "a fund table whose 小计 and 合计 agree in every column", sheet: fundUse() },
  ],
  invalid: [
    {
      name: "by kind: 基本 + 项目 ≠ 全年执行数, while the breakdown by source holds: the total is reported, once",
      sheet: withCell(twoBreakdowns(), "E8", 3603.63),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "E3", stated: 9026.38, expected: 9016.38, message: "基本支出 + 项目支出" }],
    },
    {
      name: "nested: 公用经费 wrong breaks 基本 = 人员 + 公用 only",
      sheet: withCell(nested(), "E3", 900),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "E3", stated: 900, expected: 897.42 }],
    },
    {
      name: "label | value: 实际到位资金 ≠ its 其中 rows",
      sheet: withCell(sideBySide(), "F2", 398.88),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "F2", stated: 398.88, expected: 380.88, fix: null }],
    },
    {
      name: "a fund table's 合计 typed over: reported in its own column (预算金额), checked against the 小计 rows",
      sheet: withCell(fundUse(), "C11", 4106580),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "C11", stated: 4106580, expected: 4126580 }],
    },
    {
      name: "a 累计 column checked like the others",
      sheet: withCell(fundUse(), "H11", 41000),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "H11", stated: 41000, expected: 41263.65 }],
    },
    {
      name: "a wrong 小计 is reported once, on itself (the 合计 sums the 小计 rows)",
      sheet: withCell(withCell(fundUse(), "C7", 3800000), "C11", 4066580),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "C7", stated: 3800000, expected: 3860000 }],
    },
    {
      name: "到位 − 已使用 ≠ 结余 + 结转: reported on the 结余资金 cell, the balance the row derives",
      sheet: withCell(withCell(withCell(fundUse(), "E9", 236534), "E10", 236534), "E11", 4027746.35),
      findings: [{ code: "BUDGET_SUM_MISMATCH", cell: "F9", stated: 20046, expected: 30046, message: "结余资金" }],
    },
  ],
});
