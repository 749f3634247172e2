/**
 * The 核对报告 as a document (src/addin/report.ts), built from the engine's results on real
 * workbooks: the example workbook and the corpus, read as the command line reads them and checked by
 * the engine; what the add-in fixed comes from a session running on the fake Excel.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { buildReport, excelDate, ReportDocument, ReportSheet } from "../../src/addin/report";
import { bandsText } from "../../src/addin/i18n";
import { checkSheet, codeName, messageOf, PROFILES, valueText } from "../../src/engine";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { dateSerial } from "../../src/fake-excel";
import { openWorkbook } from "../../src/playground/loadWorkbook";
import { nationalProject } from "../fixtures/others";
import { toGrid, withCell } from "../fixtures/sheetSpec";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx");
const corpus = (name: string) => path.join(__dirname, "..", "corpus", name);
/** 8 April 2026, as the user's clock has it. */
const DAY = new Date(2026, 3, 8, 17, 45);

async function checked(file: string): Promise<(ReportSheet & { result: ReturnType<typeof checkSheet> })[]> {
  const { grids } = await readWorkbook(file);
  return grids.map((g) => ({ sheet: g.sheetName, result: checkSheet(g) }));
}

const fact = (report: ReportDocument, label: string) => report.facts.filter((f) => f.label === label).map((f) => f.value);

describe("the example workbook (examples/自评表示例.xlsx)", () => {
  test("the facts: units and projects as the sheets state them, the date as an Excel date, one line per profile used with its bands and source, the overall line", async () => {
    const sheets = await checked(EXAMPLE);
    const report = buildReport({ lang: "zh", date: DAY, sheets, fixed: [] });
    expect(report.sheetName).toBe("核对报告");
    expect(report.facts.map((f) => f.label)).toEqual(["单位", "项目", "核对日期", "评分标准", "评分标准", "评分标准", "核对结果"]);
    const evaluations = sheets.flatMap((s) => s.result.evaluations);
    const units = [...new Set(evaluations.map((e) => e.organisation).filter(Boolean))];
    expect(units.length).toBeGreaterThan(1);
    expect(fact(report, "单位")).toEqual([units.join("；")]);
    expect(fact(report, "单位")[0]).toContain("临沧市人民政府办公室");
    const projects = fact(report, "项目")[0] as string;
    expect(projects).toContain("市政务服务大厅智慧化信息化管理系统建设");
    // More than eight projects are counted, not listed.
    expect(projects).toMatch(/^[^；]+(；[^；]+){0,7}( 等 \d+ 个项目)?$/);
    // A real date: the serial Excel stores for 2026-04-08 typed into a cell, whatever the hour.
    expect(fact(report, "核对日期")).toEqual([{ serial: dateSerial(2026, 4, 8), format: 'yyyy"年"m"月"d"日"' }]);
    expect(excelDate(new Date(2026, 3, 8, 0, 0))).toBe(excelDate(new Date(2026, 3, 8, 23, 59)));
    // One line per profile in force on some sheet, each with its bands and where they come from.
    const used = [...new Set(sheets.filter((s) => s.result.template).map((s) => s.result.profile))];
    expect(used).toEqual(["sichuan", "yunnan", "national"]);
    expect(fact(report, "评分标准")).toEqual(used.map((id) => `${PROFILES[id].name.zh}：${bandsText(PROFILES[id], "zh")}\n依据：${PROFILES[id].source.zh}`));
    expect(fact(report, "评分标准")[0]).toMatch(/^四川（部门预算项目支出绩效自评表）：优 ≥ 90；良 80–90；中 60–80；差 < 60\n依据：四川省自评表/);
    // Sheets checked / with errors / with warnings only / clean / not tables, as the engine found them.
    const withErrors = sheets.filter((s) => s.result.findings.some((f) => f.severity === "error")).length;
    expect(withErrors).toBe(5);
    expect(fact(report, "核对结果")).toEqual([`共检查 ${sheets.length} 张工作表：5 张有错误，4 张未发现问题，1 张不是自评表`]);
  });

  test("totals and grades: the stated and the recomputed total and grade of each evaluation, and whether they agree as the engine judged", async () => {
    const sheets = await checked(EXAMPLE);
    const report = buildReport({ lang: "zh", date: DAY, sheets, fixed: [] });
    expect(report.evaluations.header).toEqual(["工作表", "项目", "表中总分与等级", "重算总分与等级", "结果"]);
    expect(report.evaluations.rows).toHaveLength(sheets.flatMap((s) => s.result.evaluations).length);
    const row = (sheet: string) => report.evaluations.rows.find((r) => r.sheet === sheet)!;
    // 合计 100 where the table gives 95: the engine reports TOTAL_MISMATCH there.
    expect(row("智慧化信息化管理系统建设")).toEqual({
      sheet: "智慧化信息化管理系统建设",
      project: "市政务服务大厅智慧化信息化管理系统建设",
      stated: "100 · —",
      recomputed: "95 · 优",
      agrees: false,
      agreementText: "合计不符",
    });
    expect(row("大楼运行（94.5分）")).toMatchObject({ stated: "94.5 · 优", recomputed: "94.5 · 优", agrees: true, agreementText: "一致" });
    // A conclusion sentence that disagrees is a finding of its own, not a disagreeing total.
    expect(row("政府采购工作经费")).toMatchObject({ stated: "98 · —", recomputed: "98 · 优", agreementText: "一致" });
    // A fund-use table states no total: nothing to compare.
    expect(row("资金使用情况表")).toMatchObject({ stated: "—", recomputed: "—", agreementText: "无法判断" });
    expect(row("资金使用情况表").agrees).toBeUndefined();
    expect(report.evaluations.rows.some((r) => r.sheet === "收支台账")).toBe(false);
  });

  test("problems: every finding of the engine in sheet order, its cell linked, its name, explanation, 表中 and 应为 as the pane shows them, and its status", async () => {
    const sheets = await checked(EXAMPLE);
    const report = buildReport({ lang: "zh", date: DAY, sheets, fixed: [] });
    expect(report.findings.header).toEqual(["工作表", "单元格", "级别", "问题", "说明", "表中", "应为", "状态"]);
    const findings = sheets.flatMap((s) => s.result.findings);
    expect(findings.length).toBeGreaterThan(5);
    expect(report.findings.rows).toHaveLength(findings.length);
    report.findings.rows.forEach((row, i) => {
      const f = findings[i];
      expect(row).toEqual({
        sheet: f.sheet,
        cell: f.cell,
        link: { sheet: f.sheet, cell: f.cell },
        severity: f.severity,
        severityText: { error: "错误", warning: "警告", info: "提示" }[f.severity],
        problem: codeName(f.code, "zh"),
        explanation: messageOf(f, "zh"),
        stated: valueText(f, "stated", "zh"),
        expected: valueText(f, "expected", "zh"),
        status: f.fix ? "fixable" : "manual",
        statusText: f.fix ? "可自动修复" : "需手工修改",
      });
    });
    const j33 = report.findings.rows.find((r) => r.sheet === "智慧化信息化管理系统建设" && r.cell === "J33")!;
    expect([j33.problem, j33.stated, j33.expected, j33.statusText]).toEqual(["合计不符", "100", "95", "可自动修复"]);
    expect(report.findings.rows.find((r) => r.cell === "B26")!.statusText).toBe("需手工修改");
  });

  test("in English: the labels, bands named as Excellent (优), the engine's English messages and names, English statuses", async () => {
    const sheets = await checked(EXAMPLE);
    const report = buildReport({ lang: "en", date: DAY, sheets, fixed: [] });
    expect(report.sheetName).toBe("Check report");
    expect(report.facts.map((f) => f.label)).toEqual(["Unit", "Project", "Date checked", "Scoring rules", "Scoring rules", "Scoring rules", "Result"]);
    expect(fact(report, "Date checked")).toEqual([{ serial: dateSerial(2026, 4, 8), format: "yyyy-mm-dd" }]);
    expect(fact(report, "Scoring rules")[2]).toBe(
      `National (MOF 2020 No. 10): Excellent (优) ≥ 90; Good (良) 80–90; Fair (中) 60–80; Poor (差) < 60\nSource: ${PROFILES.national.source.en}`,
    );
    expect(fact(report, "Result")).toEqual(["10 sheets checked: 5 with errors, 4 without problems, 1 not a self-evaluation table"]);
    expect(report.findings.header).toEqual(["Sheet", "Cell", "Severity", "Problem", "Explanation", "Stated", "Expected", "Status"]);
    const j9 = report.findings.rows.find((r) => r.cell === "J9")!;
    expect(j9).toMatchObject({ severityText: "Error", problem: "Execution-rate score", stated: "5", expected: "4.36", statusText: "Can be fixed automatically" });
    expect(j9.explanation).toMatch(/^The execution-rate score should be 4\.36 \(10 × 43\.62%\)/);
    expect(report.evaluations.rows.find((r) => r.sheet === "智慧化信息化管理系统建设")).toMatchObject({ recomputed: "95 · Excellent (优)", agreementText: "Disagree: Total" });
  });
});

describe("the corpus", () => {
  test("amounts with two decimals, separators and their unit, rates as percentages (corpus 03 and 07)", async () => {
    const rows = [...(await checked(corpus("03_central_ministry.xlsx"))), ...(await checked(corpus("07_inner_mongolia_yuan.xlsx")))];
    const report = buildReport({ lang: "zh", date: DAY, sheets: rows, fixed: [] });
    const find = (sheet: string, cell: string) => report.findings.rows.find((r) => r.sheet === sheet && r.cell === cell)!;
    expect([find("部门整体自评表", "E5").stated, find("部门整体自评表", "E5").expected]).toEqual(["9,026.38 万元", "9,016.38 万元"]);
    expect([find("草原补奖（元）", "F7").stated, find("草原补奖（元）", "F7").expected]).toEqual(["4,037,746.35 元", "4,037,755.35 元"]);
    expect([find("项目支出自评表", "I7").stated, find("项目支出自评表", "I7").expected]).toEqual(["99.23%", "96.65%"]);
    // The unreadable #REF! has no value to expect.
    expect([find("草原补奖（元）", "H7").stated, find("草原补奖（元）", "H7").expected]).toEqual(["#REF!", "—"]);
    // A grade 优 stated for 89.56 (良): the evaluation disagrees by its grade.
    expect(report.evaluations.rows.find((r) => r.sheet === "部门整体自评表")).toMatchObject({ stated: "89.56 · 优", recomputed: "89.56 · 良", agreementText: "等级不符" });
  });

  test("stacked forms: one line per evaluation; a header score that disagrees is named even where the total shown agrees (corpus 09)", async () => {
    const sheets = await checked(corpus("09_yunnan_honghe.xlsx"));
    const report = buildReport({ lang: "zh", date: DAY, sheets, fixed: [] });
    const stacked = report.evaluations.rows.filter((r) => r.sheet === "项目自评表（3个项目）");
    expect(stacked.map((r) => r.project)).toEqual(["“数说红河”展厅运维经费", "一中心一平台六大库N应用经费", "州级政务云租赁经费"]);
    expect(stacked.map((r) => r.agreementText)).toEqual(["一致", "表头自评得分不符", "一致"]);
    expect(fact(report, "单位")).toEqual(["红河州数据发展中心"]);
    expect(fact(report, "项目")).toEqual(["“数说红河”展厅运维经费；一中心一平台六大库N应用经费；州级政务云租赁经费"]);
  });
});

describe("notes, unreadable sheets, clean workbooks", () => {
  test("an information note is a note: 提示, without 表中 / 应为", () => {
    const spec = withCell(nationalProject(), "F13", "30次");
    const result = checkSheet(toGrid(spec));
    const report = buildReport({ lang: "zh", date: DAY, sheets: [{ sheet: spec.name, result }], fixed: [] });
    const note = report.findings.rows.find((r) => r.severity === "info")!;
    expect(note).toMatchObject({ severityText: "提示", problem: "大幅超额完成", stated: "", expected: "", status: "note", statusText: "提示" });
    expect(note.explanation.startsWith("提示：")).toBe(true);
    // A sheet with only a note has no problem to fix.
    expect(fact(report, "核对结果")).toEqual(["共检查 1 张工作表：1 张未发现问题"]);
  });

  test("a sheet that could not be read has a line saying why; a workbook without problems says so", async () => {
    const clean = nationalProject();
    const result = checkSheet(toGrid(clean));
    expect(result.findings).toEqual([]);
    const report = buildReport({ lang: "zh", date: DAY, sheets: [{ sheet: clean.name, result }, { sheet: "损坏的表", failure: "读取工作表失败" }], fixed: [] });
    expect(report.findings.rows).toEqual([{ sheet: "损坏的表", cell: "", severityText: "", problem: "无法读取此工作表", explanation: "读取工作表失败", stated: "", expected: "", statusText: "" }]);
    expect(fact(report, "核对结果")).toEqual(["共检查 2 张工作表：1 张未发现问题，1 张无法读取"]);
    const none = buildReport({ lang: "en", date: DAY, sheets: [{ sheet: clean.name, result }], fixed: [] });
    expect(none.findings.rows.map((r) => r.problem)).toEqual(["No problems found."]);
  });
});

describe("fixed in this session (the session on the fake Excel)", () => {
  async function session() {
    const data = readFileSync(EXAMPLE);
    const opened = await openWorkbook(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    const reports: ReportDocument[] = [];
    const port = opened.session.port;
    const write = port.writeReport.bind(port);
    port.writeReport = (report) => {
      reports.push(report);
      return write(report);
    };
    return { ...opened, reports };
  }
  const sheet = "智慧化信息化管理系统建设";

  test("全部修复 shows its findings 已修复, with what the sheet said before; the sheet's report row says so; 撤销上次修复 takes it back", async () => {
    const { model, session: s, reports } = await session();
    await s.openSheet(sheet);
    await s.fixAll();
    expect(s.getState().notice).toMatchObject({ kind: "fixed" });
    await s.writeReport("zh");
    const fixed = reports[0].findings.rows.filter((r) => r.sheet === sheet);
    // The conclusion's 95 no longer fits the fixed total: a problem the fix brought to light, for a person.
    expect(fixed.map((r) => [r.cell, r.stated, r.expected, r.statusText])).toEqual([
      ["J9", "5", "4.36", "已修复"],
      ["J33", "100", "95", "已修复"],
      ["B34", "95", "94.36", "需手工修改"],
    ]);
    expect(fact(reports[0], "核对结果")[0]).toMatch(/；本次已修复 2 处$/);
    // The sheet the adapter wrote says it too, on the row whose link leads to J33.
    const written = s.getState().notice;
    expect(written).toEqual({ kind: "report", sheet: "核对报告" });
    const used = model.usedRange("核对报告")!;
    const j33 = Array.from({ length: used.bottom + 1 }, (_, r) => r).find((r) => model.value("核对报告", r, 0) === sheet && model.value("核对报告", r, 1) === "J33")!;
    expect(model.value("核对报告", j33, 7)).toBe("已修复");
    expect(model.followHyperlink("核对报告", j33, 1)).toEqual({ sheet, row: 32, col: 9 });

    await s.undo();
    await s.writeReport("zh");
    expect(reports[1].findings.rows.filter((r) => r.sheet === sheet).map((r) => [r.cell, r.statusText])).toEqual([
      ["J9", "可自动修复"],
      ["J33", "可自动修复"],
    ]);
    expect(fact(reports[1], "核对结果")[0]).not.toContain("已修复");
  });

  test("a fixed problem that comes back (the user types the old value again) is a problem again, not 已修复", async () => {
    const { model, session: s, reports } = await session();
    await s.openSheet(sheet);
    await s.fixAll();
    model.setInput(sheet, 32, 9, 100);
    await s.writeReport("en");
    expect(reports[0].findings.rows.filter((r) => r.sheet === sheet).map((r) => [r.cell, r.statusText])).toEqual([
      ["J9", "Fixed"],
      ["J33", "Can be fixed automatically"],
      ["B34", "Needs a manual edit"],
    ]);
  });
});
