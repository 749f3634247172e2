/**
 * RT-I: indicator scoring (domain.md §2 "Indicator scores") on the national form: targets and achievements
 * written the ways offices write them, time limits, reverse indicators, qualitative bands.
 * Base: nationalProject(); indicator rows 13–20 (E target, F achieved, G weight, H score, I reason), 总分 H21.
 * "[was a defect]" tests fail today.
 */
import { CLEAN, cleanVerdict, faultDelta, only } from "./harness";
import { national, set } from "./fixtures";
import { P, SpecCell } from "../fixtures/sheetSpec";

const base = national();

describe("RT-I01 targets and achievements written many ways (clean)", () => {
  const cases: [string, Record<string, SpecCell>][] = [
    ["achievement 0.97 (bare fraction) against ≥95%", { F15: 0.97 }],
    ["achievement 97 (points) against ≥95%", { F15: 97 }],
    ["achievement %-formatted 0.97", { F15: P(0.97) }],
    ["achievement full-width ９７％", { F15: "９７％" }],
    ["target 95%以上", { E15: "95%以上" }],
    ["target 不低于95%", { E15: "不低于95%" }],
    ["target ＞＝95％", { E15: "＞＝95％" }],
    ["target >=95%", { E15: ">=95%" }],
    ["target ≥ 95 % with spaces", { E15: "≥ 95 %" }],
    ["achievement with the sign copied (≥95%)", { F15: "≥95%" }],
    ["achievement 97%（抽样）", { F15: "97%（抽样）" }],
    ["achievement with apostrophe '97%", { F15: "'97%" }],
    ["achievement 14 次 (space)", { F13: "14 次" }],
    ["achievement 14 (number) against ≥12次", { F13: 14 }],
    ["thousands separators ≥1,000人 / 1,050人 scored full", { E14: "≥1,000人", F14: "1,050人", H14: 10, I14: null, H21: 98.42, B23: "该项目自评得分为98.42分，自评等级为优，项目实施达到预期目标。" }],
    ["qualitative 达成预期指标 at 90 %", { F19: "达成预期指标" }],
    ["qualitative target 好 achieved 好 at 90 %", { E19: "好", F19: "好" }],
    ["time ≤12月 achieved 完成 / 按时完成 / 是 / 已完成。", { F16: "按时完成" }],
    ["time target ≤30个工作日 achieved 20个工作日", { D16: "办结时限", E16: "≤30个工作日", F16: "20个工作日" }],
    ["date target 2023年12月31日前 achieved 2023年11月20日", { D16: "项目完成时间", E16: "2023年12月31日前", F16: "2023年11月20日" }],
    ["complaint-handling rate without a sign, 95% → 98% (completion reading accepts it)", { D15: "群众投诉处理率", E15: "95%", F15: "98%" }],
  ];
  test.each(cases)("[ok] %s", (_n, cells) => expect(cleanVerdict(set(base, cells))).toEqual(CLEAN));
});

describe("RT-I02 [was a defect] a time limit written without ≤ and met early is scored as a shortfall", () => {
  // 时效指标 "项目完成时间 | 12月 | 11月 | 10 | 10": finished a month early. The engine reads "12月" as ≥ and
  // gives 10 × 11 ÷ 12 = 9.17 → over-scored error and a fix that cuts the score (and the 合计) — a correct
  // sheet damaged. A duration/deadline target without a sign is at best ambiguous (issue 8 §3): no error, no fix.
  const cases: [string, string, string, string][] = [
    ["项目完成时间", "12月", "11月", "deadline month"],
    ["项目完成时间", "12月底前", "11月", "deadline 12月底前"],
    ["资金拨付时间", "30天", "25天", "duration in days"],
    ["办结时限", "30日内", "25日", "30日内 (内 without 以)"],
  ];
  test.each(cases)("[was a defect] %s %j achieved %j (%s) → clean", (name, target, achieved) => {
    expect(cleanVerdict(set(base, { D16: name, E16: target, F16: achieved }))).toEqual(CLEAN);
  });
});

describe("RT-I03 [was a defect] the name heuristic for reverse indicators turns a saving rate into a cost", () => {
  // "成本节约率 | 5% | 6%": a saving of 6 % against a 5 % target is met; the name contains 成本 so the engine
  // makes it ≤ and reports 10 × 5 ÷ 6 = 8.33 as over-scored, with a fix.
  test("[was a defect] 成本节约率 5% achieved 6% scored full → clean", () => {
    expect(cleanVerdict(set(base, { D17: "成本节约率", E17: "5%", F17: "6%" }))).toEqual(CLEAN);
  });
});

describe("RT-I04 qualitative bands", () => {
  test("[ok] 部分达成年度指标并具有一定效果 scored 9 of 10 is over the [60 %, 80 %) band", () => {
    expect(faultDelta(base, set(base, { F19: "部分达成年度指标并具有一定效果" }))).toEqual(only("INDICATOR_SCORE_MISMATCH@H19 error"));
  });
  test("[was a defect] 基本达成 scored 9 of 10 is read as 部分达成 (an error on a common, correct sheet)", () => {
    // 基本达成 ("essentially achieved") is not one of the national phrases; reading it as 部分达成 and
    // reporting an error contradicts issue 8 §3 (ambiguous reading → no error). 90 % fits 达成.
    expect(cleanVerdict(set(base, { F19: "基本达成" }))).toEqual(CLEAN);
  });
});

describe("RT-I05 over-scores hidden behind achievement words (misses)", () => {
  // Target ≥98 %, achieved 80 % written in words, scored full 15: 15 × 80 ÷ 98 = 12.24 (or 12) → error.
  const b = set(base, { E20: "≥98%", F20: "98%" });
  const found = ["80%", "80%左右", "80.0%", "80 %", "80%（抽样调查）", "0.8", "80.00％"];
  test.each(found)("[ok] achieved %j", (x) => {
    expect(faultDelta(b, set(b, { F20: x, I20: "满意度调查结果偏低" }))).toEqual(only("INDICATOR_SCORE_MISMATCH@H20 error"));
  });
  const missed = ["达80%", "完成80%", "约80%", "满意率80%", "满意度为80%", "实际80%"];
  test.each(missed)("[was a defect] achieved %j: over-score not reported", (x) => {
    expect(faultDelta(b, set(b, { F20: x, I20: "满意度调查结果偏低" }))).toEqual(only("INDICATOR_SCORE_MISMATCH@H20 error"));
  });
  const targetsFound = ["12次以上", "不少于12次", "至少12次", "大于等于12次", "≧12次", "＞＝12次", ">=12次", "12次", "≥12", "达到12次", "12次及以上", "≥１２次"];
  test.each(targetsFound)("[ok] target %j, achieved 10次, scored full", (t) => {
    const bt = set(base, { E13: t });
    expect(faultDelta(bt, set(bt, { F13: "10次", I13: "部分培训合并举办" }))).toEqual(only("INDICATOR_SCORE_MISMATCH@H13 error"));
  });
  test.each(["全年≥12次", "每年≥12次"])("[was a defect] target %j, achieved 10次, scored full: not reported", (t) => {
    const bt = set(base, { E13: t });
    expect(faultDelta(bt, set(bt, { F13: "10次", I13: "部分培训合并举办" }))).toEqual(only("INDICATOR_SCORE_MISMATCH@H13 error"));
  });
});
