import { isNotApplicable, normalizeLabel, parseNumberText, parseQuantity, readDirection, readQualitativeOutcome, readTextOutcome } from "../../src/engine/text";
import { readNumber, readRate } from "../../src/engine/values";

describe("labels as staff type them", () => {
  test.each([
    ["绩 效 指 标", "绩效指标"],
    ["产出\n指标（50%）", "产出指标(50%)"],
    ["执行率（１０％）", "执行率(10%)"],
    ["’＝32300平方米", "=32300平方米"],
    ["合      计", "合计"],
    ["\u3000总分\u3000", "总分"],
  ])("%j → %j", (input, expected) => expect(normalizeLabel(input)).toBe(expected));

  test.each(["", " ", "/", "／", "—", "-", "——", "－", "不涉及"])("%j means not applicable", (t) => expect(isNotApplicable(t)).toBe(true));
  test.each(["0", "0.00", "完成"])("%j is a value", (t) => expect(isNotApplicable(t)).toBe(false));
});

describe("numbers written as text", () => {
  test.each([
    ["１００", 100, false],
    ["1,234.50", 1234.5, false],
    ["97.59%", 0.9759, true],
    ["９７.５９％", 0.9759, true],
    ["10 分", 10, false],
    ["90分", 90, false],
    ["’100", 100, false],
    ["-3.5", -3.5, false],
    ["100百分比", 1, true],
  ])("%j → %d (percent %s)", (text, value, percent) => {
    const p = parseNumberText(text)!;
    expect(p.value).toBeCloseTo(value, 10);
    expect(p.percent).toBe(percent);
  });
  test.each(["完成", "好", "12,34", "第3季度", "1.2.3", "约100"])("%j is not one number", (t) => expect(parseNumberText(t)).toBeNull());
});

describe("targets and achievements", () => {
  test.each([
    ["≥95%", "≥", 0.95, true, ""],
    ["≤90万元", "≤", 90, false, "万元"],
    ["100百分比", undefined, 1, true, ""],
    ["﹦1年", "=", 1, false, "年"],
    ["’＝32300平方米", "=", 32300, false, "平方米"],
    [">=3次", "≥", 3, false, "次"],
    ["大于等于98%", "≥", 0.98, true, ""],
    ["不超过5%", "≤", 0.05, true, ""],
    ["＞450人", ">", 450, false, "人"],
    ["＜10次", "<", 10, false, "次"],
    ["12月", undefined, 12, false, "月"],
    ["90%以上", "≥", 0.9, true, ""],
  ])("%j", (text, direction, value, percent, unit) => {
    const q = parseQuantity(text)!;
    expect(q.direction).toBe(direction);
    expect(q.value).toBeCloseTo(value as number, 10);
    expect(q.percent).toBe(percent);
    expect(q.unit).toBe(unit);
  });
  test.each(["好", "优良中低差", "2022年12月31日前完成", "保持经济平稳健康发展、营商环境建设等各项工作"])("%j is not one quantity", (t) =>
    expect(parseQuantity(t)).toBeNull(),
  );
  test.each([["≥", "≥"], ["＝", "="], ["﹦", "="], ["＜", "<"], ["大于", ">"]])("direction %j", (t, d) => expect(readDirection(t)?.direction).toBe(d));
  test.each([["完成", "met"], ["已完成", "met"], ["达标", "met"], ["是", "met"], ["未完成", "notMet"], ["部分完成", "partial"], ["很好", null]])(
    "outcome %j → %s",
    (t, o) => expect(readTextOutcome(t)).toBe(o),
  );
  test.each([
    ["达成年度指标", "achieved"],
    ["达成预期指标", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["未达成年度指标且效果较差", "notAchieved"],
  ])("qualitative %j → %s", (t, o) => expect(readQualitativeOutcome(t)).toBe(o));
});

describe("cells that must hold numbers", () => {
  test("error values and prose are unreadable; / and empty are not applicable", () => {
    expect(readNumber({ value: { error: "#DIV/0!" } }).kind).toBe("unreadable");
    expect(readNumber({ value: "#REF!" }).kind).toBe("unreadable");
    expect(readNumber({ value: "满分" }).kind).toBe("unreadable");
    expect(readNumber({ value: "/" }).kind).toBe("empty");
    expect(readNumber(undefined).kind).toBe("empty");
    expect(readNumber({ value: "148.64" })).toMatchObject({ kind: "number", value: 148.64, form: { text: true } });
  });
  test("rates: %-format is a fraction, text with % is a percentage, bare > 1.5 is points, bare ≤ 1.5 a fraction", () => {
    expect(readRate({ value: 0.9759, numFmt: "0.00%" })).toMatchObject({ value: 0.9759 });
    expect(readRate({ value: "97.59%" })).toMatchObject({ value: 0.9759 });
    expect(readRate({ value: 100 })).toMatchObject({ value: 1, points: true });
    const points = readRate({ value: 73.68 });
    expect(points).toMatchObject({ points: true });
    expect(points.kind === "number" && points.value).toBeCloseTo(0.7368, 12);
    expect(readRate({ value: 0.9 })).toMatchObject({ value: 0.9 });
    expect(readRate({ value: 1.2 })).toMatchObject({ value: 1.2 });
  });
});
