import { readGradeText, readSentence, writeGradeText } from "../../src/engine/recognize/statements";

describe("grades as written", () => {
  test.each([
    ["优", "优", "text"],
    ["良好", "良", "text"],
    ["☑优 □良 □中 □差", "优", "checkbox"],
    ["□优 ☑良 □中 □差", "良", "checkbox"],
    ["■优 □良 □中 □差", "优", "checkbox"],
    ["优√ 良□ 中□ 差□", "优", "checkbox"],
    ["优□ 良✓ 中□ 差□", "良", "checkbox"],
    ["□优 □良 ✔中 □差", "中", "checkbox"],
    ["优        良□       中 □       差□", "优", "checkbox"],
    ['<input checked="" type="checkbox"/> 优 <input type="checkbox"/> 良 <input type="checkbox"/> 中 <input type="checkbox"/> 差', "优", "checkbox"],
    ["☑优 □中 □良 □差", "优", "checkbox"],
  ])("%j → %s", (text, grade, form) => expect(readGradeText(text)).toMatchObject({ grade, form }));

  test.each([
    "□优 □良 □中 □差",
    "☑优 ☑良 □中 □差",
    "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差",
    "优良中低差",
    "政务服务水平提升",
  ])("%j is not one grade", (text) => expect(readGradeText(text)).toBeNull());

  test("a fix writes the grade in the sheet's own check-box style", () => {
    const style = readGradeText("优√ 良□ 中□ 差□")!.style;
    expect(writeGradeText("良", style)).toBe("优□ 良√ 中□ 差□");
    const front = readGradeText("☑优 □中 □良 □差")!.style;
    expect(writeGradeText("中", front)).toBe("□优 ☑中 □良 □差");
    expect(writeGradeText("差")).toBe("差");
  });
});

describe("conclusion sentences", () => {
  test.each([
    ["该项目自评总分100分，通过该项目的实施…", [100]],
    ["经自评，部门整体自评总97分。", [97]],
    ["2023年我单位政务服务专项工作经费项目评价总体得分为91分", [91]],
    ["绩效自评得分为97分，绩效自评综述：…", [97]],
    ["经自评，我中心2022年整体支出绩效评价得分97分。", [97]],
    ["该项目通过单位自评，最终得分 100 分，评价等级“优”。", [100]],
    ["本次整体支出绩效自评得分 98.5 分，自评等级为“优”。", [98.5]],
    ["评价得分≥90分，等级为“优”", []],
    ["总分 7 分，自评得 7 分。", []],
    // Goals set a floor: not the score obtained.
    ["年度总体目标：规范司法行政经费管理，确保部门整体支出绩效评价得分90分以上。", []],
    ["保障机关正常运转，部门整体支出绩效评价得分不低于90分。", []],
    ["力争项目评价得分95分，等级为优。", []],
    ["自评得分为85分（含）以上为良", []],
    // …but a result stated beside a goal is read.
    ["年初目标为评价得分不低于90分，经自评，项目自评得分为92.5分。", [92.5]],
    ["经自评，项目达到预期目标，自评得分达到96分。", [96]],
    // A superseded or foreseen figure is not the result.
    ["原自评得分98分，经复核调整为96分。", []],
    ["预计全年自评得分可达95分。", []],
    ["经自评，项目达到预期目标，自评得分为95分。", [95]],
    ["项目全面完成预期目标自评得分95分。", [95]],
    // A score in brackets after the grade is the result's; a band or full marks in brackets is not.
    ["自评结果：良好（86分）。", [86]],
    ["经自评，该项目评价等级为优（得分94.5分）。", [94.5]],
    ["自评等级：良（80-89分）。", []],
    ["自评等级：优（90分以上）。", []],
    ["自评结果：优秀（满分100分）。", []],
  ])("%j → %j", (text, scores) => expect(readSentence(text).scores.map((s) => s.value)).toEqual(scores));

  test.each([
    ["自评得分为100分。自评等级：优。", ["优"]],
    ["最终得分100分，评价等级“优”。", ["优"]],
    ["本次绩效评价各项工作自评结果:优秀。", ["优"]],
    ["自评等级为良", ["良"]],
    ["中国政务服务", []],
    // Context around a result does not hide it: a comparison inside the sentence, other projects in another clause.
    ["项目完成情况较上年有明显提高，自评等级为优。", ["优"]],
    ["我局共实施3个项目，经自评，本项目自评等级为良。", ["良"]],
    ["上年度该项目自评等级为良。本年度经自评，自评等级为优。", ["优"]],
    ["上年度结转资金已全部使用，经自评，本项目自评等级为良。", ["良"]],
    // …while others' grades, goals and classes of projects are not this project's grade.
    ["其中1个子项目自评等级为中。", []],
    ["所属二级单位自评等级为中。", []],
    ["本部门（含所属单位）整体支出绩效自评等级为优。", ["优"]],
    ["我局及下属单位整体支出自评等级为良。", ["良"]],
    ["力争项目绩效评价等级为优。", []],
    ["自评等级为优的项目下年度预算优先保障。", []],
    // A grade in brackets right after the stated score.
    ["经自评，项目自评得分95.5分（优）。", ["优"]],
    ["自评得分85分（良好等次）。", ["良"]],
    ["自评得分95.5分（满分100分）。", []],
    ["力争自评得分95分（优）。", []],
  ])("%j → grades %j", (text, grades) => expect(readSentence(text).grades.map((g) => g.grade)).toEqual(grades));
});

describe("a sentence naming a year by its number", () => {
  const text = "2022年度该项目自评得分为88分，等级为良。";
  test("is another year's result on a later year's form", () => {
    expect(readSentence(text, 2023)).toEqual({ scores: [], grades: [] });
  });
  test("is this form's result on that year's form, or where the form names no year", () => {
    for (const year of [2022, undefined]) {
      const s = readSentence(text, year);
      expect([s.scores.map((x) => x.value), s.grades.map((g) => g.grade)]).toEqual([[88], ["良"]]);
    }
  });
  test("turning to this year before the result, it is read", () => {
    expect(readSentence("2022年度结转资金已全部使用，经自评，本项目自评得分为95分。", 2023).scores.map((s) => s.value)).toEqual([95]);
  });
});
