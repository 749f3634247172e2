/**
 * The 核对报告 as it prints: the report the add-in writes into the fake Excel is saved as the
 * playground's report download saves it (an .xlsx with its page setup) and printed by LibreOffice.
 * A4 landscape, every column on one page across, the problems' header row on every page.
 * (pdfinfo and pdftotext come with poppler-utils.)
 */
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync, mkdirSync } from "fs";
import * as path from "path";
import { openWorkbook } from "../../src/playground/loadWorkbook";
import { reportWorkbook } from "../../src/playground/downloads";
import { printToPdf } from "../support/libreoffice";
import { tempDir } from "../support/workbooks";
import { WorkbookModel } from "../../src/fake-excel";
import { buildReport } from "../../src/addin/report";
import { checkSheet } from "../../src/engine";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx");
const OUT = path.join(__dirname, "..", "..", "test-output", "report");

async function example() {
  const data = readFileSync(EXAMPLE);
  return openWorkbook(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
}

/** The report of the example workbook's visible sheets, from the engine's results. */
async function reportOf(model: WorkbookModel, lang: "zh" | "en") {
  return buildReport({ lang, date: new Date(), sheets: model.sheets.filter((s) => s.visibility === "Visible").map((s) => ({ sheet: s.name, result: checkSheet(model.toGrid(s.name)) })), fixed: [] });
}

async function exampleReport(lang: "zh" | "en") {
  const { model, session } = await example();
  await session.writeReport(lang);
  const notice = session.getState().notice;
  if (notice?.kind !== "report") throw new Error(`no report: ${JSON.stringify(session.getState().error)}`);
  return { model, sheet: notice.sheet };
}

async function print(model: WorkbookModel, sheet: string, name: string) {
  const xlsx = path.join(tempDir("report-print-"), `${name}.xlsx`);
  writeFileSync(xlsx, await reportWorkbook(model, sheet));
  const pdf = printToPdf(xlsx);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.pdf`), readFileSync(pdf));
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim() !== "");
  return { pdf, sizes, pages };
}

jest.setTimeout(180_000);

test("the example workbook's report prints on A4 landscape, one page across, the problems' header on every page", async () => {
  const { model, sheet } = await exampleReport("zh");
  const { sizes, pages } = await print(model, sheet, "核对报告-zh");
  expect(sizes.length).toBeGreaterThan(0);
  // A4 landscape: 842 × 595 points.
  for (const [w, h] of sizes) {
    expect(Math.round(w)).toBe(842);
    expect(Math.round(h)).toBe(595);
  }
  expect(pages.length).toBe(sizes.length);
  expect(pages[0]).toContain("绩效自评表核对报告");
  // Every column on one page across: the problems' header line holds all eight, from the page where they begin on.
  const header = /工作表\s+单元格\s+级别\s+问题\s+说明\s+表中\s+应为\s+状态/;
  const from = pages.findIndex((p) => header.test(p));
  expect(from).toBeGreaterThanOrEqual(0);
  for (const page of pages.slice(from)) expect(page).toMatch(header);
  // Each finding's status is printed on the line of its cell (rows tall enough for their wrapped text).
  expect(pages.join("\n")).toMatch(/J33\s+错误\s+合计不符\s+合计应为 95.*\s+100\s+95\s+可自动修复/);
});

test("a long report repeats the problems' header row on every printed page; without fitting, the columns would spill onto a second page across", async () => {
  const { model, session } = await example();
  // Many problems: the example's, eight times over (as a workbook of many sheets would give).
  const report = await reportOf(model, "en");
  const many = { ...report, findings: { ...report.findings, rows: Array.from({ length: 8 }, () => report.findings.rows).flat() } };
  const sheet = await session.port.writeReport(many);
  const fitted = await print(model, sheet, "核对报告-en-long");
  expect(fitted.pages.length).toBeGreaterThan(2);
  const headerLine = /Sheet\s+Cell\s+Severity\s+Problem\s+Explanation\s+Stated\s+Expected\s+Status/;
  const from = fitted.pages.findIndex((p) => headerLine.test(p));
  expect(from).toBeGreaterThanOrEqual(0);
  expect(fitted.pages.length - from).toBeGreaterThan(1);
  for (const page of fitted.pages.slice(from)) expect(page).toMatch(headerLine);
  // The same sheet at 100 % (no fitting) with a wider explanation column needs a second page across:
  // the fitting is what keeps it to one.
  const s = model.sheet(sheet)!;
  s.pageLayout.zoom = { scale: 100 };
  s.columnWidths.set(4, 400);
  const unfitted = await print(model, sheet, "核对报告-en-unfitted");
  expect(unfitted.pages.length).toBeGreaterThan(fitted.pages.length);
  expect(unfitted.pages.some((p) => !/Status/.test(p))).toBe(true);
});
