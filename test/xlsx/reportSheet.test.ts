/**
 * The 核对报告 in a marked copy is the add-in's report, written by the package editor: the same
 * `ReportDocument` written by the Office adapter into the fake Excel and by the editor into the
 * package gives the same cells, formats, merges, heights, links and page setup. Also: a workbook that
 * already has a 核对报告 sheet and print names of its own, the 1904 date system, and sheet text that
 * looks like a formula.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { markReport, markPackage } from "../../src/xlsx/mark";
import { REPORT_COLUMNS } from "../../src/addin/reportLayout";
import { a1, checkSheet } from "../../src/engine";
import { DEFAULT_LIMITS, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { createFakeOffice } from "../../src/fake-excel";
import { workbookFromXlsx } from "../../src/playground/loadWorkbook";
import { StyleBook } from "../../src/xlsx/editor";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { addReportSheet } from "../../src/xlsx/reportSheet";
import { ZipPackageEditor } from "../../src/xlsx/zipEditor";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { sheetXml } from "../support/packages";
import { tempDir, writeWorkbook } from "../support/workbooks";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx");
const DAY = new Date(2026, 3, 8);
const arrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
/** Excel's serial number of a date ExcelJS read (it gives the day at midnight UTC). */
const serialOf = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

async function opened(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(bytes));
  return wb;
}

/** A cell as ExcelJS reads it: a merged area's other cells are empty, a date is its serial number. */
function valueOf(ws: ExcelJS.Worksheet, r: number, c: number): string | number {
  const cell = ws.getCell(r + 1, c + 1);
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const v = cell.value;
  return v instanceof Date ? serialOf(v) : v === null || v === undefined ? "" : (v as string | number);
}

test("the same report as the add-in writes: cells, number formats, bold, fills, alignment, merges, heights, widths, links, page setup", async () => {
  const data = readFileSync(EXAMPLE);
  const results = (await readXlsx(data)).grids.map((g) => checkSheet(g));
  const report = markReport(results, DAY);
  expect(report.findings.rows.length).toBeGreaterThan(5);

  // The add-in: the Office adapter writes the report into the fake Excel holding the same workbook.
  const model = await workbookFromXlsx(arrayBuffer(data));
  const fake = createFakeOffice(model);
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const office = await new OfficeAdapter(fake as unknown as OfficeHost, DEFAULT_LIMITS).writeReport(report);
  const s = model.sheet(office)!;

  // The marked copy: the package editor writes it into the package.
  const pkg = new ZipPackageEditor(data);
  const name = addReportSheet(pkg, new StyleBook(pkg), report);
  expect(name).toBe(office);
  const bytes = pkg.finish();
  const ws = (await opened(bytes)).getWorksheet(name)!;

  const rows = model.usedRange(office)!.bottom + 1;
  expect(ws.rowCount).toBe(rows);
  for (let r = 0; r < rows; r++) {
    const height = s.rowHeights.get(r);
    expect([r, ws.getRow(r + 1).height]).toEqual([r, height]);
    for (let c = 0; c < REPORT_COLUMNS.length; c++) {
      const at = `${r},${c}`;
      const cell = ws.getCell(r + 1, c + 1);
      const layout = s.layout.get(at) ?? {};
      const fill = s.fills.get(at)?.color;
      const written = {
        value: model.value(office, r, c),
        format: model.format(office, r, c),
        bold: s.bold.has(at),
        fontSize: layout.fontSize,
        fill: fill && fill.toUpperCase(),
        wrap: layout.wrapText ?? false,
        vertical: layout.verticalAlignment?.toLowerCase(),
        horizontal: layout.horizontalAlignment?.toLowerCase(),
      };
      const file = {
        value: valueOf(ws, r, c),
        format: cell.numFmt,
        bold: !!cell.font?.bold,
        fontSize: layout.fontSize === undefined ? undefined : cell.font?.size,
        fill: (cell.fill as ExcelJS.FillPattern | undefined)?.pattern === "solid" ? `#${(cell.fill as ExcelJS.FillPattern).fgColor!.argb!.slice(2)}` : undefined,
        wrap: !!cell.alignment?.wrapText,
        vertical: cell.alignment?.vertical,
        horizontal: cell.alignment?.horizontal,
      };
      expect([a1(r, c), file]).toEqual([a1(r, c), written]);
    }
  }
  const ref = (m: { top: number; left: number; bottom: number; right: number }) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
  expect([...((ws.model as { merges?: string[] }).merges ?? [])].sort()).toEqual(s.merges.map(ref).sort());
  // Excel's width in points (the adapter's) and the file's in characters come from the same columns.
  REPORT_COLUMNS.forEach((chars, c) => {
    expect(s.columnWidths.get(c)).toBeCloseTo((chars * 48) / 8.43, 1);
    expect(ws.getColumn(c + 1).width).toBeCloseTo(chars + 5 / 7, 1);
  });
  const { links, formulas } = sheetXml(bytes, name);
  expect(formulas).toBe(0);
  expect(new Map([...links].map(([cell, location]) => [cell, location]))).toEqual(new Map([...s.hyperlinks].map(([at, link]) => [a1(...(at.split(",").map(Number) as [number, number])), link.documentReference])));
  expect(links.size).toBe(report.findings.rows.length);
  const page = s.pageLayout;
  expect(page).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printGridlines: true });
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true });
  expect(ws.pageSetup.printArea).toBe(ref(page.printArea![0]));
  expect(ws.pageSetup.printTitlesRow).toBe(`${page.printTitleRows!.top + 1}:${page.printTitleRows!.bottom + 1}`);
});

test("a workbook with a 核对报告 of its own and print names: the report goes to 核对报告 (2) with its own print area and title row; theirs stay", async () => {
  const file = await writeWorkbook(path.join(tempDir(), "已有报告.xlsx"), [sichuanProject(smartHall), { name: "核对报告", rows: [["单位自己的说明"]] }], (ws) => {
    if (ws.name !== "核对报告") ws.pageSetup.printArea = "A1:K40";
  });
  const data = readFileSync(file);
  const results = (await readXlsx(data)).grids.map((g) => checkSheet(g));
  const pkg = new ZipPackageEditor(data);
  const outcome = markPackage(pkg, results, DAY);
  expect(outcome.reportSheet).toBe("核对报告 (2)");
  const bytes = pkg.finish();
  expect((await readXlsx(bytes)).grids.map((g) => g.sheetName)).toEqual([sichuanProject(smartHall).name, "核对报告", "核对报告 (2)"]);
  const wb = await opened(bytes);
  expect(wb.getWorksheet("核对报告")!.getCell("A1").value).toBe("单位自己的说明");
  expect(wb.getWorksheet(sichuanProject(smartHall).name)!.pageSetup.printArea).toBe("A1:K40");
  const ws = wb.getWorksheet("核对报告 (2)")!;
  expect(ws.getCell("A1").value).toBe("绩效自评表核对报告");
  expect(ws.pageSetup.printArea).toBe(`A1:H${ws.rowCount}`);
  const header = 1 + Array.from({ length: ws.rowCount }, (_, r) => valueOf(ws, r, 1)).indexOf("单元格");
  expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  // The names are local to the report: the third sheet.
  expect(sheetXml(bytes, "核对报告 (2)").workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">'核对报告 (2)'!$${header}:$${header}</definedName>`);
});

test("the 1904 date system: the report's date is the day of the check there too", async () => {
  // The example workbook, switched to the 1904 date system (as a Mac Excel file may be).
  const editor = new ZipPackageEditor(readFileSync(EXAMPLE));
  const workbookPart = editor.map.workbookPart;
  editor.set(workbookPart, editor.text(workbookPart)!.replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
  const data = editor.finish();
  const results = (await readXlsx(data)).grids.map((g) => checkSheet(g));
  const pkg = new ZipPackageEditor(data);
  markPackage(pkg, results, DAY);
  const wb = await opened(pkg.finish());
  expect(wb.properties.date1904).toBe(true);
  const ws = wb.getWorksheet("核对报告")!;
  const dateRow = 1 + Array.from({ length: ws.rowCount }, (_, r) => valueOf(ws, r, 0)).indexOf("核对日期");
  expect((ws.getCell(dateRow, 2).value as Date).toISOString()).toBe("2026-04-08T00:00:00.000Z");
});

test("sheet text never becomes formula code: a sheet named like a formula, with a quote, in cells and links", async () => {
  const name = "=HYPERLINK(\"x\") Jo's 表";
  const file = await writeWorkbook(path.join(tempDir(), "公式样.xlsx"), [{ ...sichuanProject(smartHall), name }]);
  const data = readFileSync(file);
  const results = (await readXlsx(data)).grids.map((g) => checkSheet(g));
  expect(results[0].findings.some((f) => f.cell === "J33")).toBe(true);
  const pkg = new ZipPackageEditor(data);
  markPackage(pkg, results, DAY);
  const bytes = pkg.finish();
  const ws = (await opened(bytes)).getWorksheet("核对报告")!;
  const { links, formulas } = sheetXml(bytes, "核对报告");
  expect(formulas).toBe(0);
  const row = 1 + Array.from({ length: ws.rowCount }, (_, r) => `${valueOf(ws, r, 0)}|${valueOf(ws, r, 1)}`).indexOf(`${name}|J33`);
  expect(row).toBeGreaterThan(0);
  expect(ws.getCell(row, 1).type).toBe(ExcelJS.ValueType.String);
  expect(links.get(`B${row}`)).toBe("'=HYPERLINK(\"x\") Jo''s 表'!J33");
});
