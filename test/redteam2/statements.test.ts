/**
 * RT2-S: 自评得分 / 等级 / 结论 in unusual places and words, and the profile a sheet's wording suggests (domain.md
 * §2 "Totals and weights", "Grades", §3). Base: the national form of test/fixtures/others.ts (97.92, 优) with a
 * conclusion that states no score, so that each probe's own statement is the only one. Round 1 covered sentences
 * with other numbers, check-box styles and policy clauses — not repeated. "[was a defect]" tests fail today.
 */
import { CLEAN, cleanVerdict, faultDelta, only, run, valueChangingFixes } from "../redteam/harness";
import { national, nationalConclusion, set } from "../redteam/fixtures";
import { insertRows, P, SheetSpec, SpecCell, stack } from "../fixtures/sheetSpec";
import { yunnanConsistent, yunnanProject } from "../fixtures/yunnan";

type Cells = Record<string, SpecCell>;
const b0 = set(national(), { B23: "该项目实施达到预期目标。" });
const unmergeB23 = (s: SheetSpec): SheetSpec => ({ ...s, merges: (s.merges ?? []).filter((m) => m !== "B23:I23") });
const found = (base: SheetSpec, cells: Cells) => faultDelta(base, set(base, cells));

describe("RT2-S01 statements in unusual places: read when right, found when wrong", () => {
  const title = set(b0, { A1: "项目支出绩效自评表（自评得分：97.92分，自评等级：优）" });
  const titleGrade = set(b0, { A2: "（2023年度）        自评等级：优" });
  const twoRows = insertRows(set(b0, { B23: "一、项目自评得分97.92分；" }), 24, [[null, "二、自评等级为优。"]]);
  const box = insertRows(b0, 3, [["自评得分", "自评等级"], [97.92, "优"]]);
  const below = set(b0, { A23: "总得分：97.92分" });
  const rowBelow = insertRows(b0, 22, [["自评得分", 97.92]]);
  const labelCell = set(b0, { A23: "自评结论：自评得分97.92分" });
  const cases: [string, SheetSpec, Cells, string][] = [
    ["score and grade in the title line; score wrong", title, { A1: "项目支出绩效自评表（自评得分：99分，自评等级：优）" }, "CONCLUSION_SCORE_MISMATCH@A1 error"],
    ["grade on the year line; grade wrong", titleGrade, { A2: "（2023年度）        自评等级：良" }, "GRADE_MISMATCH@A2 error"],
    ["conclusion over two rows; grade wrong in the second", twoRows, { B24: "二、自评等级为良。" }, "GRADE_MISMATCH@B24 error"],
    ["conclusion over two rows; score wrong in the first", twoRows, { B23: "一、项目自评得分98.5分；" }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
    ["自评得分 / 自评等级 as boxes with the values below; score wrong", box, { A4: 99 }, "HEADER_SCORE_MISMATCH@A4 error"],
    ["自评得分 / 自评等级 as boxes with the values below; grade wrong", box, { B4: "良" }, "GRADE_MISMATCH@B4 error"],
    ["总得分：97.92分 typed under the table; wrong", below, { A23: "总得分：99.5分" }, "HEADER_SCORE_MISMATCH@A23 error"],
    ["a 自评得分 row under 总分; wrong", rowBelow, { B22: 99 }, "HEADER_SCORE_MISMATCH@B22 error"],
    ["自评结论：… typed into the label cell; wrong", labelCell, { A23: "自评结论：自评得分98.9分" }, "CONCLUSION_SCORE_MISMATCH@A23 error"],
  ];
  describe.each(cases)("%s", (_n, base, cells, want) => {
    test("[ok] right: clean", () => expect(cleanVerdict(base)).toEqual(CLEAN));
    test("[ok] wrong: found", () => expect(found(base, cells)).toEqual(only(want)));
  });

  // A sentence typed across three cells (label 自评结论, then 该项目自评得分为 | 97.92 | 分，自评等级为优。), as staff do
  // when the number is linked to the 总分 cell or typed in a cell of its own.
  const split = unmergeB23(set(b0, { B23: "该项目自评得分为", C23: 97.92, D23: "分，自评等级为优。" }));
  test("[ok] conclusion split over three cells, right: clean", () => expect(cleanVerdict(split)).toEqual(CLEAN));
  test("[was a defect] conclusion split over three cells (该项目自评得分为 | 99.5 | 分…): the wrong score is not found", () => {
    expect(found(split, { C23: 99.5 })).toEqual(only("CONCLUSION_SCORE_MISMATCH@C23 error"));
  });
});

describe("RT2-S02 conclusions that cite section scores", () => {
  const clean: [string, string][] = [
    ["产出指标（50分）自评得分49.5分 … 合计自评得分97.92分", "产出指标（50分）自评得分49.5分，效益指标（25分）自评得分24分，满意度指标（15分）自评得分15分，合计自评得分97.92分。"],
    ["项目自评得分97.92分（其中执行率得分9.42分）", "项目自评得分97.92分（其中执行率得分9.42分），等级优。"],
    ["自评得分97.92分。… 扣0.5分 … 扣1分 … 扣0.58分", "自评得分97.92分。培训覆盖人数未达标扣0.5分，长效机制扣1分，执行率扣0.58分。"],
    ["自评得分97.92分，得分率97.92%", "自评得分97.92分，得分率97.92%，等级为优。"],
  ];
  test.each(clean)("[ok] %s: clean", (_n, t) => expect(cleanVerdict(set(b0, { B23: t }))).toEqual(CLEAN));
  test("[was a defect] 预算执行率得分9.42分，绩效指标自评得分88.5分 (sections only, no total): no finding", () => {
    // Today: CONCLUSION_SCORE_MISMATCH@B23 "结论中写“自评得分88.5分”…总分为 97.92": the 绩效指标 section's score,
    // named as such, is taken for the total. 9.42 + 88.5 = 97.92: the sentence is right.
    expect(cleanVerdict(set(b0, { B23: "经自评，预算执行率得分9.42分，绩效指标自评得分88.5分。" }))).toEqual(CLEAN);
  });
  test("[was a defect] 产出指标自评得分49.5分，效益指标自评得分24分，满意度指标自评得分15分 (sections only): no finding", () => {
    expect(cleanVerdict(set(b0, { B23: "产出指标自评得分49.5分，效益指标自评得分24分，满意度指标自评得分15分，执行率得分9.42分。" }))).toEqual(CLEAN);
  });
});

describe("RT2-S03 grades and scores in words", () => {
  const g0 = set(b0, { B22: "优秀" });
  const words: [string, Cells, string][] = [
    ["优秀 → 中等", { B22: "中等" }, "GRADE_MISMATCH@B22 error"],
    ["优秀 → 较差", { B22: "较差" }, "GRADE_MISMATCH@B22 error"],
    ["sentence 评价等级为“良好”", { B23: "自评得分97.92分，评价等级为“良好”。" }, "GRADE_MISMATCH@B23 error"],
    ["sentence 自评结果为“良”", { B23: "自评结果为“良”，得分97.92分。" }, "GRADE_MISMATCH@B23 error"],
    ["sentence 等级良（80-90分为良）", { B23: "自评得分97.92，等级良（80-90分为良）。" }, "GRADE_MISMATCH@B23 error"],
    ["sentence 综合得分98.9分", { B23: "经自评，综合得分98.9分。" }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
    ["sentence 自评总得分98.9分", { B23: "该项目自评总得分98.9分。" }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
  ];
  test.each(words)("[ok] %s: found", (_n, cells, want) => expect(found(g0, cells)).toEqual(only(want)));
  const right: [string, Cells][] = [
    ["优等", { B22: "优等" }], ["合格 (not one of 优/良/中/差: nothing to judge)", { B22: "合格" }], ["优（97.92分）", { B22: "优（97.92分）" }],
    ["sentence 评价等级为“优秀”", { B23: "该项目自评得分97.92分，评价等级为“优秀”。" }], ["sentence 自评结果为“优”", { B23: "自评结果为“优”，得分97.92分。" }],
    ["sentence 等级为优（上年度为良）", { B23: "自评得分97.92分，等级为优（上年度为良）。" }], ["sentence 评价结果：优。存在问题：中期评估不及时", { B23: "评价结果：优。存在问题：中期评估不及时。" }],
    ["sentence 上年自评得分95分，本年97.92分", { B23: "上年自评得分95分，本年自评得分97.92分，等级为优。" }],
  ];
  test.each(right)("[ok] %s: clean", (_n, cells) => expect(cleanVerdict(set(b0, cells))).toEqual(CLEAN));
  // Phrasings a finance officer writes for the grade and the score that the engine does not read (misses).
  const missed: [string, Cells, string][] = [
    ["总体评价为良", { B23: "综上，该项目自评得分97.92分，总体评价为良。" }, "GRADE_MISMATCH@B23 error"],
    ["绩效等级评定为良", { B23: "该项目自评得分97.92分，绩效等级评定为良。" }, "GRADE_MISMATCH@B23 error"],
    ["自评得分为98.9 (no 分)", { B23: "经自评，该项目自评得分为98.9。" }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
    ["自评得98.9分", { B23: "本项目满分为100分，自评得98.9分，等级为优。" }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
    ["自评分数为98.9分", { B23: "经自评，自评分数为98.9分。" }, "CONCLUSION_SCORE_MISMATCH@B23 error"],
  ];
  test.each(missed)("[was a defect] sentence %s is not read", (_n, cells, want) => expect(found(b0, cells)).toEqual(only(want)));
});

describe("RT2-S04 two forms' statements close together", () => {
  const b = national();
  const np2 = set(b, { B3: "二期", F6: 150, F7: 130, H6: P(1), H7: P(1), I6: 10, H21: 98.5, B23: nationalConclusion(98.5) });
  const off = b.rows.length;
  const above = stack("两表", [b, set(np2, { E11: "全年开展培训14场，自评得分98.5分，等级为优。", B23: "项目实施达到预期目标。" })], 0);
  test("[ok] form 2's sentence in its goal row (above its table), no gap: clean", () => expect(cleanVerdict(above)).toEqual(CLEAN));
  test("[ok] … its score wrong: found at form 2's cell", () => expect(found(above, { [`E${11 + off}`]: "全年开展培训14场，自评得分99.5分，等级为优。" })).toEqual(only(`CONCLUSION_SCORE_MISMATCH@E${11 + off} error`)));
  test("[ok] … its grade wrong: found", () => expect(found(above, { [`E${11 + off}`]: "全年开展培训14场，自评得分98.5分，等级为良。" })).toEqual(only(`GRADE_MISMATCH@E${11 + off} error`)));
  const titled = stack("两表", [b, set(np2, { A1: "项目支出绩效自评表（二期）自评等级：优", A22: null, B22: null })], 0);
  test("[ok] form 2's grade only in its title line, no gap: clean, and a wrong one found", () => {
    expect(cleanVerdict(titled)).toEqual(CLEAN);
    expect(found(titled, { [`A${1 + off}`]: "项目支出绩效自评表（二期）自评等级：良" })).toEqual(only(`GRADE_MISMATCH@A${1 + off} error`));
  });
  // One summary sentence after both forms: 项目一 … 项目二 … . Each score belongs to its project.
  const combinedRow = 2 * off + 2;
  const combined = insertRows(stack("两表", [set(b, { B23: "见下" }), set(np2, { B23: "见下" })], 1), combinedRow, [["自评结论", "项目一自评得分97.92分，等级优；项目二自评得分98.5分，等级优。"]]);
  test("[ok] one sentence for both forms after them: clean", () => expect(cleanVerdict(combined)).toEqual(CLEAN));
  // Left alone (the lead's closing note): a wrong score for 项目一 in a sentence about both forms is not found — the
  // sentence is attached to form 2, whose 98.5 agrees, and telling clauses apart by project is not done.
});

describe("RT2-S05 插入正确等级和合计 keeps the grade as the sheet writes it", () => {
  test("[was a defect] “优 □良 □中 □差” (the tick lost with its symbol font, as seed 001 prints it) gains a ☑", () => {
    // Not a wrong grade, but the user's text is rewritten: brief "Nothing the user typed or formatted is lost";
    // round 1 (RT-S03) fixed the same for "√优 良 中 差".
    const s = set(b0, { B22: "优 □良 □中 □差" });
    const { result, grid } = run(s);
    expect(valueChangingFixes(grid, result).filter((w) => w.startsWith("B22"))).toEqual([]);
  });
  test.each([["☑优 □良 □中 □差"], ["优（√）良（ ）中（ ）差（ ）"], ["优秀"], ["优"]])("[ok] %j is written back unchanged", (g) => {
    const { result, grid } = run(set(b0, { B22: g }));
    expect(valueChangingFixes(grid, result)).toEqual([]);
  });
});

describe("RT2-S06 the profile the wording suggests", () => {
  test("[ok] Yunnan form → yunnan; Sichuan wording (调整后预算数 + 指标性质) → sichuan; national → national", () => {
    expect(run(yunnanProject(yunnanConsistent)).result.profile).toBe("yunnan");
    expect(run(national()).result.profile).toBe("national");
  });
  // The Yunnan budget block (全年收入决算数 / 全年支出决算数 / 执行率（10%）, printed by no other province) over an
  // indicator table worded as the national form (分值 | 得分 | 偏差原因分析及改进措施): a Yunnan unit's sheet.
  const mixed = set(national(), { D5: "年初预算数", E5: "全年收入决算数", F5: "全年支出决算数", G5: "分值", H5: "执行率（10%）" });
  test("[ok] Yunnan budget block over national indicator wording: yunnan; its 效益 25 / 满意度 15 are held to the Yunnan note's 30 / 10", () => {
    const r = run(mixed).result;
    expect({ profile: r.profile, errors: r.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`) }).toEqual({
      profile: "yunnan", errors: ["SECTION_WEIGHT_MISMATCH@B18", "SECTION_WEIGHT_MISMATCH@B20"],
    });
  });
  test("[ok] national form with 调整后预算数 for 全年预算数 (copies print either): national, clean", () => {
    const s = set(national(), { E5: "调整后预算数" });
    expect({ profile: run(s).result.profile, clean: cleanVerdict(s) }).toEqual({ profile: "national", clean: CLEAN });
  });
  test("[ok] Sichuan budget block (调整后预算数, 权重) over national indicator wording: sichuan (reason required below 90 %)", () => {
    const s = set(national(), { E5: "调整后预算数", F5: "预算执行数", G5: "权重", H5: "预算执行率", G12: "权重" });
    expect(run(s).result.profile).toBe("sichuan");
  });
});
