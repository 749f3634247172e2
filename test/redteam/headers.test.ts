/**
 * RT-H: header wording. Real offices re-word every header of the national form (domain.md §1: "Recognise
 * them by their labels … staff re-word headers"). A label the engine does not know must not turn a correct
 * sheet into errors (issue 8 §3: an error only when the reading is unambiguous), and a known synonym must
 * still let every injected fault be found at its cell.
 *
 * Base: test/fixtures/others.ts nationalProject() — budget header row 5 (D 年初预算数, E 全年预算数,
 * F 全年执行数, G 分值, H 执行率, I 得分), indicator header row 12 (E 年度指标值, F 实际完成值, G 分值,
 * H 得分), 总分 row 21, 自评等级 B22, conclusion B23. Clean: 141.3 ÷ 150 = 94.20 % → 9.42; items 88.5;
 * total 97.92 (优).
 * Tests named "[was a defect]" fail today; the assertion states what a correct check gives.
 */
import { CLEAN, cleanVerdict, faultDelta, only } from "./harness";
import { national, nationalConclusion, set } from "./fixtures";
import { P, SpecCell } from "../fixtures/sheetSpec";
import { yunnanConsistent, yunnanProject } from "../fixtures/yunnan";

const base = national();
const relabel = (cells: Record<string, string>) => set(base, cells);

/** One injected fault each, with the one finding a correct check gives (contract.md cells). */
const FAULTS: [string, Record<string, SpecCell>, string][] = [
  // 900 of ≥1000人: 10 × 0.9 = 9; stated 9.5 is over all accepted roundings of 9.
  ["indicator over-scored", { F14: "900人" }, "INDICATOR_SCORE_MISMATCH@H14 error"],
  // 12 against weight 10; capped, the total 97.92 stays right.
  ["score above weight", { H13: 12 }, "SCORE_EXCEEDS_WEIGHT@H13 error"],
  ["execution rate", { H6: P(0.95) }, "EXEC_RATE_MISMATCH@H6 error"],
  // 10 for 94.20 %: over-scored (9.42, 9.4, 9 accepted); total and sentence follow the stated 10.
  ["execution score", { I6: 10, H21: 98.5, B23: nationalConclusion(98.5) }, "EXEC_SCORE_MISMATCH@I6 error"],
  ["total", { H21: 99 }, "TOTAL_MISMATCH@H21 error"],
  ["grade", { B22: "良" }, "GRADE_MISMATCH@B22 error"],
  // 其中 121.4 + 20 = 141.4 ≠ 141.3 (the sub-row rate follows: 121.4 ÷ 130 = 93.38 %).
  ["budget sum", { F7: 121.4, H7: P(0.9338) }, "BUDGET_SUM_MISMATCH@F6 error"],
  ["conclusion", { B23: nationalConclusion(96) }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
];

function faultsFoundUnder(labels: Record<string, string>) {
  const b = relabel(labels);
  return FAULTS.map(([name, cells, want]) => ({ name, ...faultDelta(b, set(b, cells)), want: only(want) }))
    .filter((r) => JSON.stringify({ added: r.added, lost: r.lost }) !== JSON.stringify(r.want))
    .map((r) => `${r.name}: got ${JSON.stringify(r.added)} lost ${JSON.stringify(r.lost)}, want ${r.want.added}`);
}

describe("RT-H01 budget header synonyms that must read as the national form (clean + all faults found)", () => {
  const cases: [string, string][] = [
    ["E5", "全年预算数（A）"], ["E5", "调整后预算数"], ["E5", "全年预算"], ["E5", "预算数"], ["E5", "年度预算数"], ["E5", "调整预算数"],
    ["E5", "全年预算数\n（A）"], ["E5", "全 年 预 算 数"], ["F5", "全年执行数（B）"], ["F5", "执行数"], ["F5", "实际执行数"],
    ["F5", "全年支出数"], ["F5", "实际支出"], ["F5", "全年实际支出"], ["H5", "执行率（B/A）"], ["H5", "预算执行率"], ["H5", "执行率(%)"],
    ["H5", "资金执行率"], ["H5", "预算执行率（%）"], ["G5", "分值（10分）"], ["G5", "权重(%)"], ["I5", "自评得分"], ["I5", "得分（分）"],
  ];
  test.each(cases)("[ok] %s = %j", (cell, label) => {
    expect(cleanVerdict(relabel({ [cell]: label }))).toEqual(CLEAN);
    expect(faultsFoundUnder({ [cell]: label })).toEqual([]);
  });
});

describe("RT-H02 [was a defect] an executed-amount header the engine does not know drops the budget block: 4–5 false errors on a correct sheet", () => {
  // Without the block, the 分值 10 and 得分 9.42 are not counted: WEIGHT_TOTAL (90 vs 100), TOTAL (88.5 vs
  // 97.92), GRADE ×2 and CONCLUSION — and 全部修复 would overwrite the right 合计 97.92 with 88.5.
  test.each(["全年实际执行数", "全年执行金额", "实际支出金额", "本年执行数", "年度执行数", "全年决算数", "已支出数", "实际使用资金"])(
    "[was a defect] F5 = %j → clean",
    (label) => expect(cleanVerdict(relabel({ F5: label }))).toEqual(CLEAN),
  );
});

describe("RT-H03 [was a defect] a budget header the engine does not know makes it divide by 年初预算数", () => {
  // domain.md §2: 执行率 = 执行数 ÷ 全年/调整后预算数, never 年初 when an adjusted figure exists. With E5
  // unknown the engine computes 141.3 ÷ 120 = 117.75 % and reports EXEC_RATE_MISMATCH on H6 and H7.
  test.each(["预算批复数", "全年预算安排数", "调整后全年预算数", "全年可用资金"])("[was a defect] E5 = %j → clean", (label) => {
    expect(cleanVerdict(relabel({ E5: label }))).toEqual(CLEAN);
  });
});

describe("RT-H04 [was a defect] execution-score header variants drop the budget block (cascade of false errors)", () => {
  test.each(["执行率得分", "实际得分", "评分"])("[was a defect] I5 = %j → clean", (label) => {
    expect(cleanVerdict(relabel({ I5: label }))).toEqual(CLEAN);
  });
  test.each(["满分", "标准分", "分数"])("[was a defect] G5 = %j → clean (false WEIGHT_TOTAL_MISMATCH today)", (label) => {
    expect(cleanVerdict(relabel({ G5: label }))).toEqual(CLEAN);
  });
});

describe("RT-H05 [was a defect] a target header the engine does not know makes every indicator 'qualitative'", () => {
  // With no target column, 92 % and 93 % (against ≥90 %) are read as degrees of achievement: 15 × 92 % =
  // 13.8 → two false over-scored errors (H18, H20) and fixes that cut right scores.
  test.each(["预期目标", "绩效目标", "指标目标值", "绩效指标值", "预期指标", "预期值"])("[was a defect] E12 = %j → clean", (label) => {
    expect(cleanVerdict(relabel({ E12: label }))).toEqual(CLEAN);
  });
});

describe("RT-H06 indicator header synonyms (clean + all faults found)", () => {
  const ok: [string, string][] = [
    ["E12", "年度指标值（A）"], ["E12", "指标值"], ["E12", "目标值"], ["E12", "年度目标值"], ["E12", "计划目标"], ["E12", "年度绩效目标值"],
    ["F12", "实际完成值（B）"], ["F12", "全年实际值（B）"], ["F12", "完成值"], ["F12", "实际值"], ["F12", "年度完成值"], ["F12", "实际完成指标值"],
    ["G12", "权重"], ["G12", "指标分值"], ["G12", "参考分值"], ["G12", "权重（%）"], ["G12", "分值（分）"], ["G12", "标准分"], ["G12", "指标权重"],
    ["H12", "自评得分"], ["H12", "评分"], ["H12", "实际得分"], ["H12", "得分（分）"], ["H12", "自评分"], ["H12", "考核得分"],
    ["I12", "未完成原因分析"], ["I12", "原因分析"], ["I12", "扣分原因"],
  ];
  test.each(ok)("[ok] %s = %j", (cell, label) => {
    expect(cleanVerdict(relabel({ [cell]: label }))).toEqual(CLEAN);
    expect(faultsFoundUnder({ [cell]: label })).toEqual([]);
  });
});

describe("RT-H07 [was a defect] header synonyms under which faults go unreported (misses; the clean sheet stays clean)", () => {
  const missed: [string, string, string][] = [
    ["F12", "完成情况", "achievement column not read: indicator scoring off"],
    ["F12", "实际完成数", "achievement column not read"],
    ["F12", "完成数", "achievement column not read"],
    ["F12", "指标完成值", "achievement column not read"],
    ["F12", "实际达成值", "achievement column not read"],
    ["G12", "权数", "weight column not read: SCORE_EXCEEDS_WEIGHT becomes TOTAL + CONCLUSION"],
    ["G12", "满分值", "weight column not read"],
    ["H12", "指标得分", "score column not read: the indicator table is lost; indicator, total, grade and conclusion faults missed"],
    ["H12", "得分情况", "score column not read: the sheet is not recognised, every fault (grade, total, conclusion) missed"],
    ["H12", "最终得分", "score column not read: sheet not recognised"],
    ["H5", "支出率", "rate column not read: a wrong 执行率 is not reported"],
    ["H5", "资金使用率", "rate column not read"],
  ];
  test.each(missed)("[was a defect] %s = %j: %s", (cell, label) => {
    expect(cleanVerdict(relabel({ [cell]: label }))).toEqual(CLEAN);
    expect(faultsFoundUnder({ [cell]: label })).toEqual([]);
  });
});

describe("RT-H08 labels of the total row", () => {
  test.each(["总分", "合计", "总计", "得分合计", "合 计", "总  分", "合计得分", "总得分", "综合得分", "合计（100分）", "总分（100分）", "分值合计"])("[ok] A21 = %j: clean; 总分 99 is TOTAL_MISMATCH@H21", (label) => {
    const b = relabel({ A21: label });
    expect(cleanVerdict(b)).toEqual(CLEAN);
    expect(faultDelta(b, set(b, { H21: 99 }))).toEqual(only("TOTAL_MISMATCH@H21 error"));
  });
  test.each(["自评总分", "汇总"])("[was a defect] A21 = %j: the total row is scored as one more indicator (weight 100, score 97.92)", (label) => {
    // Today: CONCLUSION_SCORE_MISMATCH "按表计算总分为 195.84" (error) and a MISSING_REASON warning for “指标‘自评总分’”.
    // An "indicator" whose weight equals the sum of all the others is the total row.
    const b = relabel({ A21: label });
    expect(cleanVerdict(b)).toEqual(CLEAN);
    expect(faultDelta(b, set(b, { H21: 99 }))).toEqual(only("TOTAL_MISMATCH@H21 error"));
  });
});

describe("RT-H09 labels of the top 自评得分 field (Yunnan form, A3 | B3)", () => {
  const y = yunnanProject(yunnanConsistent);
  test.each(["自评得分", "自评总分", "评价得分"])("[ok] A3 = %j: a wrong 自评得分 is HEADER_SCORE_MISMATCH@B3", (label) => {
    const b = set(y, { A3: label });
    expect(cleanVerdict(b)).toEqual(CLEAN);
    expect(faultDelta(b, set(b, { B3: 99 }))).toEqual(only("HEADER_SCORE_MISMATCH@B3 error"));
  });
  test.each(["项目自评得分", "单位自评得分", "自评总得分", "绩效自评得分（分）", "自评得分（百分制）", "总得分"])("[was a defect] A3 = %j: a wrong 自评得分 is not reported", (label) => {
    const b = set(y, { A3: label });
    expect(faultDelta(b, set(b, { B3: 99 }))).toEqual(only("HEADER_SCORE_MISMATCH@B3 error"));
  });
});
