/**
 * The engine's words (src/engine/messages.ts, src/engine/present.ts): every finding in zh-CN and in
 * English, amounts as finance staff read them, one rounding per finding, quotes that nest, notes
 * that say they are notes.
 */
import { checkSheet, codeName, Finding, FINDING_CODES, fixDescriptionOf, messageOf, planFixes, valueText } from "../../src/engine";
import { amount, amountWithUnit, quoted } from "../../src/engine/format";
import { nationalProject, wuhua } from "../fixtures/others";
import { findCell, offset, SheetSpec, toGrid, withCell } from "../fixtures/sheetSpec";
import { networkMaintenance, sichuanProject, smartHall } from "../fixtures/sichuan";
import { cityOfficeFunds, yunnanDepartment, yunnanProject } from "../fixtures/yunnan";
import { FORM_FIXTURES } from "../fixtures/forms";

const run = (spec: SheetSpec) => checkSheet(toGrid(spec)).findings;

describe("formatting", () => {
  test("amounts: two decimals, thousands separators, the unit where the sheet states one", () => {
    expect(amount(9026.38)).toBe("9,026.38");
    expect(amount(4037746.35)).toBe("4,037,746.35");
    expect(amount(37)).toBe("37.00");
    expect(amount(-12.5)).toBe("−12.50");
    expect(amountWithUnit(37, "万元")).toBe("37.00 万元");
    expect(amountWithUnit(37, undefined)).toBe("37.00");
    expect(amountWithUnit(37, "元", "en")).toBe("37.00 yuan");
  });
  test("quotes nest: quotes inside quoted text become single quotes", () => {
    expect(quoted("评价等级“良”")).toBe("“评价等级‘良’”");
    expect(quoted('评价等级"良"')).toBe("“评价等级‘良’”");
    expect(quoted("评价等级“良”", "en")).toBe(`"评价等级'良'"`);
  });
});

describe("every finding in both languages", () => {
  const sheets: SheetSpec[] = [
    sichuanProject(smartHall),
    sichuanProject(networkMaintenance),
    yunnanProject(cityOfficeFunds),
    withCell(yunnanDepartment(), "G5", 2000),
    wuhua(),
    withCell(nationalProject(), "H6", "九分半"),
    ...FORM_FIXTURES.flatMap((fx) => fx.variants.map((v) => v.sheet)),
  ];
  const findings: Finding[] = sheets.flatMap(run);

  test("the sheets give findings of many codes", () => {
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(10);
  });
  test("each has an English message with no Chinese of the engine's own (only the sheet's words, quoted)", () => {
    for (const f of findings) {
      const en = messageOf(f, "en");
      expect(en).not.toBe(f.message);
      // Chinese may appear only inside quotes (the sheet's labels) or as grade words and 其中-style labels.
      const outsideQuotes = en.replace(/"[^"]*"/g, "").replace(/“[^”]*”/g, "");
      expect(outsideQuotes.replace(/[优良中差]|[\u4e00-\u9fa5]+(行|资金|总额|合计|小计)[\u4e00-\u9fa5]*/g, "")).not.toMatch(/[\u4e00-\u9fa5]{2,}/);
      expect(messageOf(f, "zh")).toBe(f.message);
    }
  });
  test("fix descriptions and problem names in both languages", () => {
    for (const fix of planFixes(findings)) {
      expect(fixDescriptionOf(fix, "zh")).toBe(fix.description);
      expect(fixDescriptionOf(fix, "en")).toMatch(/^[A-Z]/);
    }
    for (const code of FINDING_CODES) {
      expect(codeName(code, "zh")).toMatch(/[\u4e00-\u9fa5]/);
      expect(codeName(code, "en")).toMatch(/^[A-Z]/);
    }
  });
});

describe("表中 / 应为 as the message shows them", () => {
  test("amounts with their unit; the expected value rounds as the message does", () => {
    const spec = withCell(yunnanDepartment(), "G5", 2000);
    const f = run(spec).find((x) => x.code === "BUDGET_SUM_MISMATCH")!;
    expect(f.kind).toBe("amount");
    expect(f.message).toContain(amount(f.expected as number));
    expect(valueText(f, "stated", "zh")).toBe(amount(f.stated as number) + (f.unit ? ` ${f.unit}` : ""));
  });
  test("rates as percentages with two decimals", () => {
    const f = run(withCell(nationalProject(), "H6", { v: 0.8, fmt: "0.00%" })).find((x) => x.code === "EXEC_RATE_MISMATCH")!;
    expect([valueText(f, "stated", "zh"), valueText(f, "expected", "en")]).toEqual(["80.00%", "94.20%"]);
  });
  test("a small weight keeps its digits in the message and below it (0.018, not 0.02)", () => {
    const spec = withCell(nationalProject(), "G13", 0.018);
    const f = run(spec).find((x) => x.code === "SCORE_EXCEEDS_WEIGHT")!;
    expect(f.message).toContain("0.018");
    expect(f.expected).toBe(0.018);
    expect(valueText(f, "expected", "zh")).toBe("0.018");
  });
  test("nothing stated: a dash", () => {
    const spec = sichuanProject(smartHall);
    const f = run(withCell(spec, offset(findCell(spec, "合计"), 0, 8), 100)).find((x) => x.code === "TOTAL_MISMATCH")!;
    expect(valueText(f, "stated", "zh")).toBe("100");
    const missing = run(withCell(nationalProject(), "F13", null)).find((x) => x.code === "MISSING_ACTUAL")!;
    expect(valueText(missing, "stated", "zh")).toBe("—");
  });
});

test("an information note says it is a note", () => {
  const spec = withCell(nationalProject(), "F13", "30次");
  const f = run(spec).find((x) => x.code === "TARGET_EXCEEDED")!;
  expect(f.severity).toBe("info");
  expect(f.message.startsWith("提示：")).toBe(true);
  expect(messageOf(f, "en").startsWith("Note: ")).toBe(true);
});

test("a grade quoted in a conclusion keeps its own quotes nested", () => {
  const spec = withCell(nationalProject(), "B23", "该项目自评得分为97.92分，评价等级“良”。");
  const f = run(spec).find((x) => x.code === "GRADE_MISMATCH")!;
  expect(f.message).toContain("结论中写“评价等级‘良’”");
  expect(f.message).not.toMatch(/“[^”]*“/);
});
