/**
 * RT-S: where the result is stated outside the table — conclusion sentences full of other numbers, and the
 * grade as text or check boxes (domain.md §2 "Totals and weights", "Grades"). Base: nationalProject(),
 * total 97.92 (优); 自评等级 B22, conclusion B23. "[was a defect]" tests fail today.
 */
import { CLEAN, cleanVerdict, faultDelta, only, run, valueChangingFixes } from "./harness";
import { national, set } from "./fixtures";
import { readGradeText } from "../../src/engine/recognize/statements";

const base = national();

describe("RT-S01 conclusion sentences with other numbers (clean: 97.92, 优)", () => {
  const sentences = [
    "该项目自评得分为97.92分，其中产出指标自评得分49.5分，效益指标自评得分24分，满意度指标自评得分15分，预算执行率得分9.42分，自评等级为优。",
    "本项目总分为100分，自评得分97.92分，等级为优。",
    "项目满分100分，经自评，该项目自评得分97.92分，评价等级为优。",
    "经自评，该项目得分97.92分（满分100分），评价等级为“优”。",
    "该项目自评得分97.92分，较上年自评得分95分提高2.92分，自评等级为优。",
    "自评得分97.92分，自评等级为优。针对评价结果中发现的问题，将进一步加强管理。",
    "自评得分97.92分，评价等级：优。本年度评价结果优于上年。",
    "自评得分97.92分，等级为优。服务对象满意度调查综合得分93分。",
    "自评总分97.92分，自评等级优秀。90分以上为优，80-90分为良。",
    "该项目自评得分为９７．９２分，等级为优。",
    "该项目自评得分为97.92分，自评结果：优秀。",
    "按照评分标准，预算执行率得分9.42分，绩效指标得分88.5分，自评总分97.92分，等级为优。",
    "自评得分97.92分，评价等次为优，评价结果中等以上的项目可继续安排预算。",
    "2023年度自评得分97.92分，2022年度自评得分95分，等级均为优。",
    "自评得分97.92分（执行率得分9.42分+指标得分88.5分），等级为优。",
    "自评得分97.92分，等级：优。（自评等级分为优、良、中、差四个等级）",
  ];
  test.each(sentences)("[ok] %s", (t) => expect(cleanVerdict(set(base, { B23: t }))).toEqual(CLEAN));

  test("[was a defect] a policy clause naming other grades (评价等级为中、差的项目需整改) is read as the grade 中", () => {
    // Today: GRADE_MISMATCH@B23 error "结论中写“评价等级为中”" on a correct sheet.
    expect(cleanVerdict(set(base, { B23: "自评得分97.92分，为优等级。按照规定，评价等级为中、差的项目需整改。" }))).toEqual(CLEAN);
  });
});

describe("RT-S02 a wrong grade in every box style is found at the grade cell", () => {
  // Sentence without a grade, so that only the cell states it.
  const b0 = set(base, { B23: "该项目自评得分为97.92分，项目实施达到预期目标。" });
  const found: [string, string][] = [
    ["优", "良"], ["优秀", "良好"], ["☑优 □良 □中 □差", "□优 ☑良 □中 □差"], ["优☑ 良□ 中□ 差□", "优□ 良☑ 中□ 差□"],
    ["■优 □良 □中 □差", "□优 ■良 □中 □差"], ["√优 良 中 差", "优 √良 中 差"], ["优（√）良（ ）中（ ）差（ ）", "优（ ）良（√）中（ ）差（ ）"],
    ["☑优秀 □良好 □中等 □较差", "□优秀 ☑良好 □中等 □较差"], ["优（≥90分）", "良（80-90分）"], ["优✔ 良 中 差", "优 良✔ 中 差"],
    ["☑优  ☐良  ☐中  ☐差", "☐优  ☑良  ☐中  ☐差"], ["优秀（90分以上）", "良好（80-89分）"],
  ];
  test.each(found)("[ok] %j → %j", (good, bad) => {
    const b = set(b0, { B22: good });
    expect(faultDelta(b, set(b, { B22: bad }))).toEqual(only("GRADE_MISMATCH@B22 error"));
  });
  const missed: [string, string][] = [["优 √", "良 √"], ["√优秀", "√良好"], ["优 ☑", "良 ☑"], ["优等", "良等"]];
  test.each(missed)("[was a defect] the chosen word alone with a tick: %j → %j not reported", (good, bad) => {
    const b = set(b0, { B22: good });
    expect(faultDelta(b, set(b, { B22: bad }))).toEqual(only("GRADE_MISMATCH@B22 error"));
  });
});

describe("RT-S03 插入正确等级和合计 keeps how the sheet writes its grade", () => {
  // Not a wrong value (the grade stays 优), but 优秀 becomes 优 and "√优 良 中 差" gains □ marks: the user's
  // wording is lost (brief: "Nothing the user typed or formatted is lost").
  test.each([["优秀"], ["√优 良 中 差"]])("[was a defect] grade written %j is rewritten in another form", (g) => {
    const spec = set(base, { B22: g });
    const { result, grid } = run(spec);
    const writes = valueChangingFixes(grid, result).filter((w) => w.startsWith("B22"));
    // Same grade must mean same text.
    expect(writes).toEqual([]);
    expect(readGradeText(g)?.grade).toBe("优");
  });
});
