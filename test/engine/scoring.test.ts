import { PROFILES } from "../../src/engine/profiles";
import { expectScore, judgeScore } from "../../src/engine/scoring";
import { Cell } from "../../src/engine/grid";

const national = PROFILES.national;
const cell = (v: string | number, numFmt?: string): Cell => ({ value: v, ...(numFmt ? { numFmt } : {}) });
const pct = (x: number) => cell(x, "0%");

function expected(inputs: Parameters<typeof expectScore>[0], profile = national): number[] {
  const e = expectScore(inputs, profile);
  if (e.kind !== "readings") throw new Error(`not readings: ${JSON.stringify(e)}`);
  return e.readings.map((r) => Math.round(r.expected * 1e6) / 1e6);
}

describe("rounding tolerance", () => {
  test("e, e to one decimal, e to an integer and e rounded down are accepted", () => {
    for (const s of [2.7, 2.7, 3, 2]) expect(judgeScore(s, [2.7])).toEqual({ verdict: "ok" });
    for (const s of [4.3619, 4.36, 4.4, 4]) expect(judgeScore(s, [4.3618634])).toEqual({ verdict: "ok" });
  });
  test("above all of those is over-scored, below is under-scored", () => {
    expect(judgeScore(5, [4.3618634])).toMatchObject({ verdict: "over" });
    expect(judgeScore(3.5, [4.3618634])).toMatchObject({ verdict: "under" });
  });
  test("with two readings, a score fitting either is fine", () => {
    expect(judgeScore(8, [7.2, 8])).toEqual({ verdict: "ok" });
    expect(judgeScore(7, [7.2, 8])).toEqual({ verdict: "ok" });
    expect(judgeScore(9, [7.2, 8])).toMatchObject({ verdict: "over", expected: 8 });
  });
});

describe("which way a bare target runs", () => {
  test("a sign column decides over a name that reads like something to keep down", () => {
    expect(expected({ weight: 10, directionText: "≥", targetCell: cell(98), unitText: "%", actualCell: cell(97.2), names: ["投诉举报按时办结率"] })).toEqual([9.918367]);
  });
  test("complaints, errors and faults are kept down; handling them (办结, 修复) may run either way", () => {
    expect(expected({ weight: 10, targetCell: cell("5件"), actualCell: cell("6件"), names: ["群众投诉件数"] })).not.toContain(10);
    expect(expected({ weight: 10, targetCell: cell("98%"), actualCell: cell("97.2%"), names: ["投诉办结率"] })).toContain(9.918367);
    expect(expected({ weight: 10, targetCell: cell("98%"), actualCell: cell("97.2%"), names: ["设备故障修复率"] })).toContain(9.918367);
  });
});

describe("quantitative indicators", () => {
  test("≥ met → full weight; not met → weight × achieved ÷ target", () => {
    expect(expected({ weight: 10, targetCell: cell("≥1000人"), actualCell: cell("1200人") })).toEqual([10]);
    expect(expected({ weight: 10, targetCell: cell("≥1000人"), actualCell: cell("950人") })).toEqual([9.5]);
  });
  test("negative achieved values count as 0", () => {
    expect(expected({ weight: 10, targetCell: cell("≥5%"), actualCell: cell("-3%") })[0]).toBe(0);
  });
  test("≤ (reverse): both the ratio and the national linear rule are accepted by default", () => {
    const both = expected({ weight: 10, targetCell: cell("≤100万元"), actualCell: cell("125万元") });
    expect(both.sort()).toEqual([7.5, 8]);
  });
  test("a profile that names one reverse rule uses only that one", () => {
    const linearOnly = { ...national, reverseRule: "linear" as const };
    expect(expected({ weight: 10, targetCell: cell("≤100万元"), actualCell: cell("125万元") }, linearOnly)).toEqual([7.5]);
    expect(expected({ weight: 10, targetCell: cell("≤100万元"), actualCell: cell("250万元") }, linearOnly)).toEqual([0]);
  });
  test("= with target 0: full if achieved ≤ 0, else 0", () => {
    expect(expected({ weight: 5, targetCell: cell("=0起"), actualCell: cell("0起") })).toEqual([5]);
    expect(expected({ weight: 5, targetCell: cell("=0起"), actualCell: cell("2起") })).toEqual([0]);
  });
  test("a percentage 完成值 may be the completion ratio or the achieved value", () => {
    // 话务接通率 ≥90 %, 完成值 90 %: ratio gives 7.2, value gives full 8.
    expect(expected({ weight: 8, directionText: "≥", targetCell: cell(90), unitText: "%", actualCell: pct(0.9) })).toEqual([7.2, 8]);
    // 450 人 target, 完成值 100 %: only the ratio reading makes sense.
    expect(expected({ weight: 10, directionText: "≥", targetCell: cell(450), unitText: "人", actualCell: pct(1) })).toEqual([10]);
  });
  test("a written bound settles it: ＞450人 against ≥450 is met", () => {
    expect(expected({ weight: 1, targetCell: cell("≥450人"), actualCell: cell("＞450人") })).toEqual([1]);
    expect(expected({ weight: 1, targetCell: cell("≤10次"), actualCell: cell("＜10次") })).toEqual([1]);
  });
  test("text achievements: 完成 means met, 未完成 means 0 unless a ratio is given", () => {
    expect(expected({ weight: 6, targetCell: cell("≥3次"), actualCell: cell("已完成") })).toEqual([6]);
    expect(expected({ weight: 6, targetCell: cell("≥3次"), actualCell: cell("未完成") })).toEqual([0]);
    expect(expected({ weight: 6, targetCell: cell("≥3次"), actualCell: cell("未完成（完成80%）") })).toEqual([4.8]);
  });
  test("未完成 against a deadline or a yes is 0 too: neither is a 定性 target with bands", () => {
    for (const target of ["2023年12月底前", "12月31日前", "年底前完成", "第三季度", "是", "达标"]) {
      expect(expected({ weight: 10, targetCell: cell(target), actualCell: cell("未完成") })).toEqual([0]);
    }
    expect(expected({ weight: 10, targetCell: cell("是"), actualCell: cell("否") })).toEqual([0]);
    // A 定性 direction keeps the band, and so does a target in words (好, 提升).
    expect(expectScore({ weight: 10, directionText: "定性", targetCell: cell("是"), actualCell: cell("未完成") }, national)).toMatchObject({ kind: "band", low: 0, high: 6 });
    expect(expectScore({ weight: 10, targetCell: cell("明显提升"), actualCell: cell("未完成") }, national)).toMatchObject({ kind: "band", low: 0, high: 6 });
  });
  test("over-achievement ≥ 120 % is noted", () => {
    const e = expectScore({ weight: 10, targetCell: cell("≥12次"), actualCell: cell("20次") }, national);
    expect(e.kind === "readings" && e.overAchievement).toBeCloseTo(20 / 12, 6);
    const small = expectScore({ weight: 10, targetCell: cell("≥12次"), actualCell: cell("14次") }, national);
    expect(small.kind === "readings" && small.overAchievement).toBeUndefined();
  });
  test("an empty 完成值 gives no expectation (MISSING_ACTUAL reports it)", () => {
    expect(expectScore({ weight: 10, targetCell: cell("≥12次") }, national)).toEqual({ kind: "none", reason: "no-achievement" });
  });
});

describe("qualitative indicators", () => {
  test("达成 → [80 %, 100 %]; 部分达成 → [60 %, 80 %); 未达成 → [0, 60 %)", () => {
    expect(expectScore({ weight: 10, directionText: "定性", targetCell: cell("好"), actualCell: cell("达成年度指标") }, national)).toMatchObject({ kind: "band", low: 8, high: 10 });
    expect(expectScore({ weight: 10, targetCell: cell("优"), actualCell: cell("部分达成年度指标并具有一定效果") }, national)).toMatchObject({ kind: "band", low: 6, high: 8 });
    expect(expectScore({ weight: 10, targetCell: cell("优"), actualCell: cell("未达成年度指标且效果较差") }, national)).toMatchObject({ kind: "band", low: 0, high: 6 });
  });
  test("a municipality's 80/50 bands are profile data", () => {
    const alt = { ...national, qualitativeBands: { achieved: 0.8, partial: 0.5 } };
    expect(expectScore({ weight: 10, targetCell: cell("优"), actualCell: cell("部分达成年度指标") }, alt)).toMatchObject({ low: 5, high: 8 });
  });
  test("a percentage 完成值 must fit: 30 × 80 % = 24", () => {
    expect(expected({ weight: 30, directionText: "定性", targetCell: cell("优良中低差"), actualCell: pct(0.8) })).toEqual([24]);
  });
  test("the achieved word equal to a qualitative target is 达成", () => {
    const e = expectScore({ weight: 3, targetCell: cell("好"), actualCell: cell("好") }, national);
    expect(e).toMatchObject({ kind: "band", high: 3 });
    expect(e.kind === "band" && e.low).toBeCloseTo(2.4, 10);
  });
});
