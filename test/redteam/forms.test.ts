/**
 * RT-F: the Sichuan and Yunnan forms of the seeds (test/fixtures/sichuan.ts, yunnan.ts) written the other ways
 * offices write them: direction words, >= signs, 完成值 as raw values or words, text percents, rates as points,
 * scores with 分, section labels in 分 or half-width brackets, spaced labels, the Lincang profile.
 */
import { CLEAN, cleanVerdict } from "./harness";
import { national, set } from "./fixtures";
import { mapText, SheetSpec } from "../fixtures/sheetSpec";
import { buildingOperation as bo, hotline, sichuanProject, tianfu } from "../fixtures/sichuan";
import { yunnanConsistent as yc, yunnanProject } from "../fixtures/yunnan";

describe("RT-F01 Sichuan 部门预算项目支出绩效自评表 (seed 002, 综合楼日常运行经费: clean)", () => {
  const cases: [string, SheetSpec][] = [
    ["as in the seed", sichuanProject(bo)],
    ["rates and 完成值 as text (99.82%)", sichuanProject({ ...bo, textPercents: true })],
    ["headers 权重% / 自评得分", sichuanProject({ ...bo, headers: { weight: "权重%", score: "自评得分" } })],
    ["指标性质 正向 / 反向", sichuanProject({ ...bo, indicators: bo.indicators.map((i) => ({ ...i, dir: i.dir === "≥" ? "正向" : i.dir === "≤" ? "反向" : i.dir })) })],
    ["指标性质 >= / <= / =", sichuanProject({ ...bo, indicators: bo.indicators.map((i) => ({ ...i, dir: i.dir === "≥" ? ">=" : i.dir === "≤" ? "<=" : i.dir === "＝" ? "=" : i.dir })) })],
    ["完成值 as the raw value in text (32300, 95%)", sichuanProject({ ...bo, indicators: bo.indicators.map((i) => (typeof i.target === "number" && i.actual === 1 ? { ...i, actual: i.unit === "%" ? `${i.target}%` : String(i.target) } : i)) })],
    ["完成值 written 完成", sichuanProject({ ...bo, indicators: bo.indicators.map((i) => (i.actual === 1 ? { ...i, actual: "完成" } : i)) })],
    ["rate below 90 % with a reason (sichuan profile)", sichuanProject({ ...bo, budget: { ...bo.budget, executed: 200, rate: 0.8597, score: 8.6, reason: "部分维修项目延期至次年支付" }, total: { weight: 100, score: 94.6 }, conclusion: "该项目自评总分94.6分。" })],
    ["天府通办 seed", sichuanProject(tianfu)],
    ["12345 hotline seed", sichuanProject(hotline)],
  ];
  test.each(cases)("[ok] %s", (_n, s) => expect(cleanVerdict(s)).toEqual(CLEAN));
});

describe("RT-F02 Yunnan 项目支出绩效单位自评表 (yunnanConsistent: clean, 97.5, 优)", () => {
  const cases: [string, SheetSpec][] = [
    ["as in the fixture", yunnanProject(yc)],
    ["执行率 as bare 100, score '10分'", yunnanProject({ ...yc, budget: { ...yc.budget, spent: 135.5, rate: 100, score: "10分" }, headerScore: 98, total: { weight: "90 分", score: 98 } })],
    ["执行率 as text 95.00%", yunnanProject({ ...yc, budget: { ...yc.budget, rate: "95.00%" } })],
    ["执行率 as points 95", yunnanProject({ ...yc, budget: { ...yc.budget, rate: 95 } })],
    ["grade 优 as a word", yunnanProject({ ...yc, grade: "优" })],
    ["block label 绩效指标（90分）", yunnanProject({ ...yc, blockLabel: "绩效指标（90分）" })],
    ["section labels （50分）/（30分）/（10分）", mapText(yunnanProject(yc), (t) => t.replace("（50%）", "（50分）").replace("（30%）", "（30分）").replace("（10%）", "（10分）"))],
    ["section labels half-width (50%)", mapText(yunnanProject(yc), (t) => t.replace("（50%）", "(50%)").replace("（30%）", "(30%)").replace("（10%）", "(10%)"))],
    ["section label spaced and broken: 产 出 指 标\\n（50%）", mapText(yunnanProject(yc), (t) => t.replace("产出指标（50%）", "产 出 指 标\n（50%）"))],
    ["自评得分 typed '97.5分'", yunnanProject({ ...yc, headerScore: "97.5分" })],
    ["总分 weight 90 as a number", yunnanProject({ ...yc, total: { weight: 90, score: 97.5 } })],
  ];
  test.each(cases)("[ok] %s", (_n, s) => expect(cleanVerdict(s)).toEqual(CLEAN));
  test("[ok] under yunnan-lincang-2022 (优 ≥ 95) 97.5 is still 优", () => expect(cleanVerdict(yunnanProject(yc), "yunnan-lincang-2022")).toEqual(CLEAN));
});

describe("RT-F03 [was a defect] weak Yunnan-like wording switches a national form to the yunnan profile", () => {
  // nationalProject() with one large indicator (培训场次 40 of 90; sections 产出 60 / 效益 20 / 满意度 10 — the
  // national form divides the 90 freely), the column words 指标分值 and 完成情况简述, and a 自评得分 field at the
  // top. Nothing says Yunnan (no 全年收入决算数, no 执行率（10%）, no 产出指标（50%）) and the budget header is the
  // national one (全年预算数 / 全年执行数), yet the template becomes project-yunnan: the 30-point cap and the
  // 50/30/10 split give three errors on a correct sheet.
  const s = set(national(), {
    G13: 40, H13: 40, G14: 5, H14: 4.75, G15: 5, H15: 5, G16: 5, H16: 5, G17: 5, H17: 5, G18: 10, H18: 10, G19: 10, H19: 9, G20: 10, H20: 10,
    H21: 98.17, B23: "该项目自评得分为98.17分，自评等级为优，项目实施达到预期目标。", G12: "指标分值", I12: "完成情况简述", A3: "自评得分", B3: 98.17,
  });
  test("[ok] without the 自评得分 field: national, clean", () => expect(cleanVerdict(set(s, { A3: "项目名称", B3: "基层政务服务能力提升培训" }))).toEqual(CLEAN));
  test("[was a defect] with it: clean", () => expect(cleanVerdict(s)).toEqual(CLEAN));
});
