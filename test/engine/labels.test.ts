/**
 * The vocabulary (src/engine/recognize/labels.ts), role by role: the labels each role must read,
 * as the forms of the provinces write them, and look-alikes it must not. Labels are given as typed;
 * they are normalised (full-width folded, spaces and line breaks removed) as the recogniser does.
 */
import {
  BUDGET_COLUMNS,
  BUDGET_ROWS,
  BUDGET_SUBCOLUMN,
  FIELD_LABELS,
  FORM_START,
  FUND_COLUMNS,
  INDICATOR_COLUMNS,
  isHeaderWord,
  matches,
  REFERENCE_COLUMN,
  roleOf,
  ROW_LABELS,
} from "../../src/engine/recognize/labels";
import { normalizeLabel, parseQuantity } from "../../src/engine/text";

const n = normalizeLabel;

describe("indicator table columns", () => {
  const cases: [string, string | undefined][] = [
    ["一级指标", "level1"],
    ["二级\n指标", "level2"],
    ["三级指标", "level3"],
    ["指标名称", "level3"],
    ["分值", "weight"],
    ["指标分值", "weight"],
    ["参考分值", "weight"],
    ["权重%", "weight"],
    ["权重（%）", "weight"],
    ["标准分", "weight"],
    ["得分", "score"],
    ["自评得分", "score"],
    ["评价得分", "score"],
    ["自评分", "score"],
    ["年度指标值", "target"],
    ["指标值（A）", "target"],
    ["年初目标值（A）", "target"],
    ["预期目标值", "target"],
    ["实际完成值", "actual"],
    ["完成值", "actual"],
    ["全年实际值（B）", "actual"],
    ["全年完成情况", "actual"],
    ["指标性质", "direction"],
    ["度量单位", "unit"],
    ["偏差原因分析及改进措施", "reason"],
    ["未完成原因分析", "reason"],
    ["完成情况简述", "reason"],
    ["扣分说明", "reason"],
    // Not columns of the indicator table.
    ["评分标准", undefined],
    ["指标解释", undefined],
    ["序号", undefined],
    ["上年得分", undefined],
  ];
  test.each(cases)("%s → %s", (label, role) => {
    expect(roleOf(INDICATOR_COLUMNS, n(label))).toBe(role);
  });
  test("last year's figures are reference columns, never this year's", () => {
    for (const label of ["上年得分", "上年全年执行数（参考）", "去年执行数"]) expect(matches(REFERENCE_COLUMN, n(label))).toBe(true);
    for (const label of ["全年执行数", "得分", "年初预算数"]) expect(matches(REFERENCE_COLUMN, n(label))).toBe(false);
  });
});

describe("budget block columns", () => {
  const cases: [string, string | undefined][] = [
    ["年初预算数", "initial"],
    ["年初预算", "initial"],
    ["预算调整数（调增为“+”，调减为“-”）", "adjustment"],
    ["全年预算数", "adjusted"],
    ["全年预算数（A）", "adjusted"],
    ["调整后预算数", "adjusted"],
    ["调整预算数（A）", "adjusted"],
    ["全年收入决算数", "adjusted"],
    ["预算数（A）", "adjusted"],
    ["全年执行数", "executed"],
    ["全年执行数（B）", "executed"],
    ["预算执行数", "executed"],
    ["全年支出决算数", "executed"],
    ["执行数（B）", "executed"],
    ["执行率", "rate"],
    ["执行率（B/A）", "rate"],
    ["执行率（10%）", "rate"],
    ["预算执行率", "rate"],
    ["分值", "weight"],
    ["权重", "weight"],
    ["得分", "score"],
    ["得分（10分×执行率）", "score"],
    ["原因", "reason"],
    ["项目资金（万元）", undefined],
  ];
  test.each(cases)("%s → %s", (label, role) => {
    expect(roleOf(BUDGET_COLUMNS, n(label))).toBe(role);
  });
  test("sub-columns under 预算数 / 执行数", () => {
    expect(roleOf(BUDGET_SUBCOLUMN, n("年初预算数"))).toBe("initial");
    expect(roleOf(BUDGET_SUBCOLUMN, n("调整数"))).toBe("adjustment");
    expect(roleOf(BUDGET_SUBCOLUMN, n("全年预算数"))).toBe("adjusted");
    expect(roleOf(BUDGET_SUBCOLUMN, n("合计"))).toBe("total");
    expect(roleOf(BUDGET_SUBCOLUMN, n("财政拨款"))).toBe("part");
    expect(roleOf(BUDGET_SUBCOLUMN, n("其他资金"))).toBe("part");
  });
});

describe("budget rows", () => {
  test.each(["年度资金总额", "年度资金总额：", "总额", "合计", "年度财政资金总额", "资金总额"])("%s is a total", (label) => {
    expect(matches(BUDGET_ROWS.total, n(label).replace(/[:：]$/, ""))).toBe(true);
  });
  test.each(["其中：当年财政拨款", " 其中：本年财政拨款"])("%s starts a breakdown", (label) => {
    expect(matches(BUDGET_ROWS.partsStart, n(label))).toBe(true);
  });
  test.each(["上年结转资金", "其他资金", "财政专户管理资金", "单位资金", "一般公共预算财政拨款", "政府性基金预算财政拨款", "人员经费", "公用经费"])("%s is a part", (label) => {
    expect(matches(BUDGET_ROWS.part, n(label))).toBe(true);
  });
  test.each(["按收入性质分", "按支出性质分", "按资金来源分"])("%s heads a breakdown", (label) => {
    expect(matches(BUDGET_ROWS.groupHeading, n(label))).toBe(true);
  });
});

describe("fund-use columns", () => {
  const cases: [string, string][] = [
    ["预算金额", "budget"],
    ["预算\n金额", "budget"],
    ["实际到位资金", "arrived"],
    ["实际到位\n资金", "arrived"],
    ["已使用资金", "used"],
    ["结余资金", "balance"],
    ["结转资金", "carryover"],
    ["累计结余资金", "cumBalance"],
    ["累计结转资金", "cumCarryover"],
  ];
  test.each(cases)("%s → %s", (label, role) => {
    expect(roleOf(FUND_COLUMNS, n(label))).toBe(role);
  });
});

describe("rows, fields, forms", () => {
  test.each(["总分", "合计", "合 计", "得分合计", "合计得分", "总计"])("%s is a total row", (label) => {
    expect(matches(ROW_LABELS.total, n(label))).toBe(true);
  });
  test.each(["扣分项", "扣分项目"])("%s is a deduction", (label) => expect(matches(ROW_LABELS.deduction, n(label))).toBe(true));
  test.each(["指标 1:", "指标2：", "……"])("%s is a placeholder", (label) => expect(matches(ROW_LABELS.placeholder, n(label))).toBe(true));
  test.each(["自评得分", "自评总分", "评价得分", "总分（分）"])("%s is the header score field", (label) => expect(matches(FIELD_LABELS.headerScore, n(label))).toBe(true));
  test.each(["自评等级", "评价等次", "评价等级", "自评结果"])("%s is a grade field", (label) => expect(matches(FIELD_LABELS.grade, n(label))).toBe(true));
  test.each(["项目支出绩效自评表", "银川市本级部门项目支出绩效自评表（2023年）", "项目名称", "部门（单位）名称"])("%s starts a form", (label) => {
    expect(matches(FORM_START, n(label))).toBe(true);
  });
  test.each(["本表为项目支出绩效自评表的附表，请按说明填写。", "自评结论"])("%s does not start a form", (label) => {
    expect(matches(FORM_START, n(label))).toBe(false);
  });
  test("header words make header rows; data does not", () => {
    for (const w of ["年初预算数", "调整数", "财政拨款", "其他资金", "一级指标", "实际到位资金", "序号", "评分标准"]) expect(isHeaderWord(n(w))).toBe(true);
    for (const w of ["产出指标", "数量指标", "年度资金总额", "指标1：完成项目"]) expect(isHeaderWord(n(w))).toBe(false);
  });
});

describe("every spelling of a comparison", () => {
  const cases: [string, string][] = [
    ["≥95%", "≥"],
    ["≧4200盏", "≥"],
    ["＞＝1个", "≥"],
    [">=120万亩", "≥"],
    ["不低于48次", "≥"],
    ["不少于8.5万人", "≥"],
    ["达到98%", "≥"],
    ["120公里以上", "≥"],
    ["≤24小时", "≤"],
    ["≦150元/盏", "≤"],
    ["＜＝880万元", "≤"],
    ["<=7.5元/亩", "≤"],
    ["不高于5%", "≤"],
    ["不超过9.5万元", "≤"],
    ["5个工作日以内", "≤"],
    ["低于2%", "<"],
    ["＝100%", "="],
    ["=18个", "="],
    ["═0起", "="],
    ["﹦28人", "="],
  ];
  test.each(cases)("%s → %s", (target, direction) => {
    expect(parseQuantity(target)?.direction).toBe(direction);
  });
});
