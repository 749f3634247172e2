/**
 * The report sheet as the Office adapter writes it into the fake Excel: laid out for A4 landscape
 * (print area, the problems' header row repeated, one page across), facts merged across their row and
 * left-aligned, explicit heights for wrapped text, links to the findings' cells, text kept as text,
 * within ExcelApi 1.9 and a few syncs.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { buildReport, ReportDocument } from "../../src/addin/report";
import { checkSheet, MemoryGrid } from "../../src/engine";
import { DEFAULT_LIMITS, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { linesFor, REPORT_COLUMNS } from "../../src/addin/reportLayout";
import { createFakeOffice, dateSerial, FakeOfficeOptions, WorkbookModel } from "../../src/fake-excel";
import { workbookFromXlsx } from "../../src/playground/loadWorkbook";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { toGrid } from "../fixtures/sheetSpec";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx");
const DAY = new Date(2026, 3, 8);

async function example(options: FakeOfficeOptions = {}) {
  const data = readFileSync(EXAMPLE);
  const model = await workbookFromXlsx(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  return connect(model, options);
}

function connect(model: WorkbookModel, options: FakeOfficeOptions = {}) {
  const fake = createFakeOffice(model, options);
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return { model, fake, adapter: new OfficeAdapter(fake as unknown as OfficeHost, DEFAULT_LIMITS) };
}

function reportOf(model: WorkbookModel, lang: "zh" | "en" = "zh"): ReportDocument {
  const sheets = model.sheets.filter((s) => s.visibility === "Visible").map((s) => ({ sheet: s.name, result: checkSheet(model.toGrid(s.name)) }));
  return buildReport({ lang, date: DAY, sheets, fixed: [] });
}

/** Rows of the written sheet, as text. */
const rowsOf = (model: WorkbookModel, sheet: string) => {
  const used = model.usedRange(sheet)!;
  return Array.from({ length: used.bottom + 1 }, (_, r) => Array.from({ length: 8 }, (_, c) => model.value(sheet, r, c)));
};

describe("the report sheet on the fake Excel", () => {
  test("printed on A4 landscape: print area over the report, the problems' header row on every page, one page across", async () => {
    const { model, adapter } = await example();
    const report = reportOf(model);
    const sheet = await adapter.writeReport(report);
    const s = model.sheet(sheet)!;
    const rows = rowsOf(model, sheet);
    const header = rows.findIndex((r) => r.join("|") === report.findings.header.join("|"));
    expect(header).toBeGreaterThan(0);
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      printArea: [{ top: 0, left: 0, bottom: rows.length - 1, right: 7 }],
      printTitleRows: { top: header, bottom: header },
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printGridlines: true,
    });
    // The columns add up to about one A4 landscape page (842 pt less margins): the fit scales little.
    const widths = REPORT_COLUMNS.map((_, c) => s.columnWidths.get(c)!);
    expect(widths.every((w) => w > 0)).toBe(true);
    const total = widths.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(700);
    expect(total).toBeLessThan(800);
    // The explanation column is the widest and wraps.
    expect(Math.max(...widths)).toBe(widths[4]);
    expect(s.layout.get(`${header + 1},4`)?.wrapText).toBe(true);
  });

  test("the facts: label, then the value merged across the row and left-aligned; the date a number with its format, never ####", async () => {
    const { model, adapter } = await example();
    const report = reportOf(model);
    const sheet = await adapter.writeReport(report);
    const s = model.sheet(sheet)!;
    expect(model.value(sheet, 0, 0)).toBe("绩效自评表核对报告");
    expect(s.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 7 });
    expect(s.bold.has("0,0")).toBe(true);
    expect(s.layout.get("0,0")?.fontSize).toBe(16);
    report.facts.forEach((fact, i) => {
      const r = 1 + i;
      expect(model.value(sheet, r, 0)).toBe(fact.label);
      expect(s.bold.has(`${r},0`)).toBe(true);
      expect(s.merges).toContainEqual({ top: r, left: 1, bottom: r, right: 7 });
      expect(s.layout.get(`${r},1`)).toMatchObject({ horizontalAlignment: "Left", wrapText: true, verticalAlignment: "Top" });
      if (typeof fact.value === "string") {
        expect(model.value(sheet, r, 1)).toBe(fact.value);
        // Tall enough for the wrapped text across the merged width (Excel does not fit merged cells).
        const width = REPORT_COLUMNS.slice(1).reduce((a, b) => a + b, 0);
        expect(s.rowHeights.get(r)).toBeGreaterThanOrEqual(linesFor(fact.value, width) * 15);
      }
    });
    const dateRow = 1 + report.facts.findIndex((f) => typeof f.value !== "string");
    expect(model.value(sheet, dateRow, 1)).toBe(dateSerial(2026, 4, 8));
    expect(model.valueType(sheet, dateRow, 1)).toBe("Double");
    expect(model.format(sheet, dateRow, 1)).toBe('yyyy"年"m"月"d"日"');
    // The profile lines hold their two lines (bands, then the source).
    const profileRow = 1 + report.facts.findIndex((f) => f.label === "评分标准");
    expect(s.rowHeights.get(profileRow)).toBeGreaterThanOrEqual(2 * 15);
  });

  test("totals and grades: the project merged across B:E; the problems: one row each, its cell a link to it, 表中 / 应为 and the status", async () => {
    const { model, adapter } = await example();
    const report = reportOf(model);
    const sheet = await adapter.writeReport(report);
    const s = model.sheet(sheet)!;
    const rows = rowsOf(model, sheet);
    const evalHeader = rows.findIndex((r) => r[0] === "工作表" && r[1] === "项目");
    expect(rows[evalHeader]).toEqual(["工作表", "项目", "", "", "", "表中总分与等级", "重算总分与等级", "结果"]);
    report.evaluations.rows.forEach((e, i) => {
      const r = evalHeader + 1 + i;
      expect(rows[r]).toEqual([e.sheet, e.project, "", "", "", e.stated, e.recomputed, e.agreementText]);
      expect(s.merges).toContainEqual({ top: r, left: 1, bottom: r, right: 4 });
    });
    const header = rows.findIndex((r) => r[0] === "工作表" && r[1] === "单元格");
    expect(s.fills.get(`${header},0`)?.color).toBeDefined();
    report.findings.rows.forEach((f, i) => {
      const r = header + 1 + i;
      expect(rows[r]).toEqual([f.sheet, f.cell, f.severityText, f.problem, f.explanation, f.stated, f.expected, f.statusText]);
      // The link leads to the finding's cell, on its sheet.
      const target = model.followHyperlink(sheet, r, 1)!;
      expect({ sheet: target.sheet, cell: model.address(target.sheet, target.row, target.col, target.row, target.col).split("!")[1] }).toEqual(f.link);
      // No row of problems is cut: each is as tall as its longest wrapped cell.
      const lines = Math.max(...[f.sheet, f.cell, f.severityText, f.problem, f.explanation, f.stated, f.expected, f.statusText].map((t, c) => linesFor(t, REPORT_COLUMNS[c])));
      expect(s.rowHeights.get(r)).toBeGreaterThanOrEqual(lines * 15);
      expect(s.rowHeights.get(r)).toBeLessThanOrEqual(409);
    });
  });

  test("sheet text never becomes formula code: a sheet named like a formula, messages starting with “=”, a name with quotes and spaces in a link", async () => {
    const model = new WorkbookModel();
    const spec = { ...sichuanProject(smartHall), name: "=HYPERLINK(\"x\") Jo's 表" };
    model.addGrid(toGrid(spec));
    model.addGrid(MemoryGrid.fromValues("=1+1", [["台账"]]));
    const { adapter } = connect(model);
    const report = reportOf(model);
    report.findings.rows.push({ sheet: "=1+1", cell: "", severityText: "", problem: "=SUM(A1)", explanation: "+1-1", stated: "-5", expected: "97.59%", statusText: "" });
    const sheet = await adapter.writeReport(report);
    const rows = rowsOf(model, sheet);
    const last = rows.length - 1;
    expect(rows[last]).toEqual(["=1+1", "", "", "=SUM(A1)", "+1-1", "-5", "97.59%", ""]);
    for (let c = 0; c < 8; c++) expect(model.isFormula(sheet, last, c)).toBe(false);
    const j33 = rows.findIndex((r) => r[0] === spec.name && r[1] === "J33");
    expect(model.isFormula(sheet, j33, 0)).toBe(false);
    expect(model.sheet(sheet)!.hyperlinks.get(`${j33},1`)).toEqual({ documentReference: "'=HYPERLINK(\"x\") Jo''s 表'!J33", textToDisplay: "J33" });
    expect(model.followHyperlink(sheet, j33, 1)).toEqual({ sheet: spec.name, row: 32, col: 9 });
  });

  test("within ExcelApi 1.9 (the manifest's), in a few syncs", async () => {
    const { model, fake, adapter } = await example({ excelApi: "1.9" });
    const report = reportOf(model, "en");
    fake.resetStats();
    const sheet = await adapter.writeReport(report);
    expect(sheet).toBe("Check report");
    expect(model.sheet(sheet)!.pageLayout.orientation).toBe("Landscape");
    // Listing the sheets, creating the sheet (two, inside office-js-helpers), the contents, the layout.
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
    expect(fake.stats.runs).toBe(1);
    // A host below 1.9 has no page layout: the report fails as a whole, said as a failed write.
    const old = await example({ excelApi: "1.8" });
    await expect(old.adapter.writeReport(reportOf(old.model))).rejects.toMatchObject({ kind: "write-failed" });
  });

  test("rewriting its own report: the old rows, links and merges go; a longer report after a shorter one is laid out afresh", async () => {
    const { model, adapter } = await example();
    const long = reportOf(model);
    const short: ReportDocument = { ...long, facts: long.facts.slice(0, 3), evaluations: { ...long.evaluations, rows: [] }, findings: { ...long.findings, rows: long.findings.rows.slice(0, 1) } };
    const sheet = await adapter.writeReport(long);
    const before = model.usedRange(sheet)!.bottom;
    expect(await adapter.writeReport(short)).toBe(sheet);
    const s = model.sheet(sheet)!;
    const after = model.usedRange(sheet, true)!.bottom;
    expect(after).toBeLessThan(before);
    expect([...s.hyperlinks.keys()]).toHaveLength(1);
    expect(s.merges.every((m) => m.bottom <= after)).toBe(true);
    expect(s.pageLayout.printArea).toEqual([{ top: 0, left: 0, bottom: after, right: 7 }]);
    const rows = rowsOf(model, sheet);
    expect(s.pageLayout.printTitleRows!.top).toBe(rows.findIndex((r) => r[0] === "工作表" && r[1] === "单元格"));
  });
});
