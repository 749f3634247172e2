/**
 * --mark: annotated copies for WPS and older Excel. Each disagreeing cell is filled (errors red,
 * warnings amber) and carries a comment with the finding and its arithmetic; a 核对报告 sheet is the
 * add-in's report (src/addin/report.ts, laid out by src/addin/reportLayout.ts); the original is
 * untouched and every part the marks do not need is byte-identical. The copy is re-opened with
 * ExcelJS, and converted and printed by LibreOffice.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { SAMPLE_SHEETS } from "../../scripts/make-examples";
import { linesFor, REPORT_COLUMNS } from "../../src/addin/reportLayout";
import { checkSheet, codeName, SheetResult } from "../../src/engine";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { ZipArchive } from "../../src/xlsx/zip";
import { withCell } from "../fixtures/sheetSpec";
import { nationalProject } from "../fixtures/others";
import { printToPdf, recalculate, sofficePath } from "../support/libreoffice";
import { changedParts, partsOf, sheetXml } from "../support/packages";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(120000);

let dir: string;
let original: string;
let marked: string;
let findings: { sheet: string; cell: string; severity: string; message: string; code: string }[];
let today: Date;

beforeAll(async () => {
  dir = tempDir();
  // The sample sheets, plus a warning (an empty 实际完成值) and a note the office wrote on a finding's cell.
  original = await writeWorkbook(path.join(dir, "自评表.xlsx"), [...SAMPLE_SHEETS, { ...withCell(nationalProject(), "I14", null), name: "缺少完成值" }], (ws) => {
    if (ws.name === "智慧化信息化管理系统建设") ws.getCell("J9").note = "单位填表人：按合同付款";
  });
  const json = JSON.parse((await cli("check", original, "--format", "json")).stdout);
  findings = json.files[0].sheets.flatMap((s: { findings: typeof findings }) => s.findings);
  const out = path.join(dir, "标记");
  const before = readFileSync(original);
  today = new Date();
  const r = await cli("check", original, "--mark", out);
  expect(r.stderr).toBe("");
  expect(readFileSync(original).equals(before)).toBe(true);
  marked = path.join(out, "自评表.xlsx");
  expect(r.stdout).toContain(`已写出标记副本：${marked}`);
});

test("every error cell is red and every warning cell amber, with the finding and its arithmetic in its comment", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(marked);
  expect(findings.filter((f) => f.severity === "warning").length).toBeGreaterThan(0);
  for (const f of findings.filter((x) => x.severity !== "info")) {
    const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
    const worst = findings.some((x) => x.sheet === f.sheet && x.cell === f.cell && x.severity === "error") ? "FFFFC7CE" : "FFFFEB9C";
    expect([f.sheet, f.cell, (cell.fill as ExcelJS.FillPattern)?.fgColor?.argb]).toEqual([f.sheet, f.cell, worst]);
    const note = typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join("");
    expect(note).toContain(f.message);
  }
});

test("a comment the office wrote is kept, ours appended", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(marked);
  const note = wb.getWorksheet("智慧化信息化管理系统建设")!.getCell("J9").note as ExcelJS.Comment;
  const text = note.texts!.map((t) => t.text).join("");
  expect(text.startsWith("单位填表人：按合同付款")).toBe(true);
  expect(text).toContain("执行率得分应为 4.36（10 × 43.62%），表中为 5");
});

test("all sheets and values are as before, plus 核对报告", async () => {
  const before = (await readXlsx(readFileSync(original))).grids;
  const after = (await readXlsx(readFileSync(marked))).grids;
  expect(after.map((g) => g.sheetName)).toEqual([...before.map((g) => g.sheetName), "核对报告"]);
  for (const [i, g] of before.entries()) {
    for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) expect(after[i].cell(r, c)).toEqual(g.cell(r, c));
  }
});

/** The report sheet's rows as ExcelJS reads them: eight cells of text (a date as a Date; "" inside a merged area). */
function reportRows(ws: ExcelJS.Worksheet): (string | Date)[][] {
  return Array.from({ length: ws.rowCount }, (_, r) =>
    Array.from({ length: 8 }, (_, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      // ExcelJS gives a merged area's other cells the first cell's value: they are empty.
      if (cell.isMerged && cell.master.address !== cell.address) return "";
      const v = cell.value;
      return v instanceof Date ? v : v === null || v === undefined ? "" : String(v);
    }),
  );
}

describe("the 核对报告 sheet: the add-in's report, laid out as the add-in lays it out", () => {
  let ws: ExcelJS.Worksheet;
  let rows: (string | Date)[][];
  let results: SheetResult[];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(marked);
    ws = wb.getWorksheet("核对报告")!;
    rows = reportRows(ws);
    // What the command line checked: the engine's results on its own reading of the file.
    results = (await readXlsx(readFileSync(original))).grids.map((g) => checkSheet(g));
  });
  const merges = () => (ws.model as { merges?: string[] }).merges ?? [];
  const rowOf = (first: string, second: string) => rows.findIndex((r) => r[0] === first && r[1] === second);

  test("the heading and the facts: units, projects, the date as a real date, each profile with its bands and source, the overall line; values merged across", () => {
    expect(rows[0][0]).toBe("绩效自评表核对报告");
    expect(merges()).toContain("A1:H1");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    const blank = rows.findIndex((r) => r.every((v) => v === ""));
    const facts = rows.slice(1, blank);
    const labels = facts.map((r) => r[0]);
    const profiles = new Set(results.filter((r) => r.template !== null).map((r) => r.profile));
    expect(labels).toEqual(["单位", "项目", "核对日期", ...Array<string>(profiles.size).fill("评分标准"), "核对结果"]);
    facts.forEach((_, i) => {
      expect(merges()).toContain(`B${i + 2}:H${i + 2}`);
      expect(ws.getCell(i + 2, 1).font?.bold).toBe(true);
    });
    const units = results.flatMap((r) => r.evaluations.map((e) => e.organisation)).filter((u): u is string => !!u);
    expect(units.length).toBeGreaterThan(1);
    for (const unit of units) expect(facts[0][1]).toContain(unit);
    // The day of the check, a number shown as a Chinese date (ExcelJS reads it as a Date).
    const date = facts[2][1] as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString().slice(0, 10)).toBe(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`);
    expect(ws.getCell(4, 2).numFmt).toBe('yyyy"年"m"月"d"日"');
    for (const line of facts.filter((r) => r[0] === "评分标准")) expect(line[1]).toMatch(/优 ≥ \d+；良 .*\n依据：/);
    expect(facts[facts.length - 1][1]).toMatch(new RegExp(`^共检查 ${results.length} 张工作表：\\d+ 张有错误`));
  });

  test("the totals and grades: one row per evaluation, stated and recomputed total and grade, a disagreement named by its finding", () => {
    const header = rowOf("工作表", "项目");
    expect(rows[header]).toEqual(["工作表", "项目", "", "", "", "表中总分与等级", "重算总分与等级", "结果"]);
    const evaluations = results.flatMap((r) => r.evaluations.map((e) => ({ sheet: r.sheet, e, totalWrong: r.findings.some((f) => f.code === "TOTAL_MISMATCH") })));
    evaluations.forEach(({ sheet, e, totalWrong }, i) => {
      const row = rows[header + 1 + i];
      expect([row[0], row[1]]).toEqual([sheet, e.project ?? "表中未写明"]);
      if (e.recomputedTotal !== undefined) expect(row[6]).toMatch(new RegExp(`^${String(e.recomputedTotal).replace(".", "\\.")} · `));
      if (totalWrong) expect(row[7]).toContain("合计不符");
      expect(merges()).toContain(`B${header + 2 + i}:E${header + 2 + i}`);
    });
    expect(evaluations.some((x) => x.totalWrong)).toBe(true);
  });

  test("the problems: every finding with its sheet, its cell as a link to it (never a formula), severity, problem, explanation, 表中, 应为 and status", () => {
    const header = rowOf("工作表", "单元格");
    expect(rows[header]).toEqual(["工作表", "单元格", "级别", "问题", "说明", "表中", "应为", "状态"]);
    expect((ws.getCell(header + 1, 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFD9E1F2");
    const { links, formulas } = sheetXml(marked, "核对报告");
    expect(formulas).toBe(0);
    const all = results.flatMap((r) => r.findings);
    expect(all.length).toBeGreaterThan(5);
    const statuses = new Set<string>();
    for (const f of all) {
      const r = rows.findIndex((row, i) => i > header && row[0] === f.sheet && row[1] === f.cell && row[4] === f.message);
      expect([f.sheet, f.cell, r > header]).toEqual([f.sheet, f.cell, true]);
      const status = f.severity === "info" ? "提示" : f.fix ? "可自动修复" : "需手工修改";
      statuses.add(status);
      expect(rows[r].slice(2, 4)).toEqual([{ error: "错误", warning: "警告", info: "提示" }[f.severity], codeName(f.code, "zh")]);
      expect(rows[r][7]).toBe(status);
      if (f.severity !== "info" && typeof f.stated === "number") expect(rows[r][5]).not.toBe("");
      // The link: a location in this workbook, the sheet quoted.
      expect(links.get(`B${r + 1}`)).toBe(`'${f.sheet.replace(/'/g, "''")}'!${f.cell}`);
      expect(ws.getCell(r + 1, 2).type).not.toBe(ExcelJS.ValueType.Formula);
      // Tall enough for the wrapped explanation.
      expect(ws.getRow(r + 1).height).toBeGreaterThanOrEqual(linesFor(f.message, REPORT_COLUMNS[4]) * 15);
    }
    // Nothing is fixed in a marking run.
    expect([...statuses].sort()).toEqual(["可自动修复", "需手工修改"].sort());
    expect(rows.flat()).not.toContain("已修复");
  });

  test("printed on A4 landscape: print area over the report, the problems' header row on every page, one page across, gridlines", () => {
    const header = rowOf("工作表", "单元格") + 1;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true });
    expect(ws.pageSetup.printArea).toBe(`A1:H${rows.length}`);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(REPORT_COLUMNS.map((_, c) => Math.round(ws.getColumn(c + 1).width!))).toEqual(REPORT_COLUMNS.map((w) => w + 1));
  });
});

test("only the parts the marks need differ; every other part is byte-identical", () => {
  const a = partsOf(original);
  const b = partsOf(marked);
  const changed = changedParts(a, b);
  const markedSheets = new Set(findings.filter((f) => f.severity !== "info").map((f) => f.sheet));
  const allowed = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
  for (const name of changed) {
    const ok = allowed.has(name) || !a.has(name) || /^xl\/(worksheets|comments|drawings)/.test(name);
    expect([name, ok]).toEqual([name, true]);
  }
  // Sheets without findings are untouched.
  const sheetFiles = [...a.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(changed.filter((n) => sheetFiles.includes(n)).length).toBe(markedSheets.size);
  expect(changed).not.toContain("xl/sharedStrings.xml");
  expect(changed).not.toContain("docProps/core.xml");
  // Untouched parts are copied as they were stored: the same compressed bytes, not just the same content.
  const rawA = new ZipArchive(readFileSync(original));
  const rawB = new ZipArchive(readFileSync(marked));
  const untouched = [...a.keys()].filter((n) => !changed.includes(n));
  expect(untouched.length).toBeGreaterThan(5);
  for (const name of untouched) expect([name, Buffer.from(rawB.raw(rawB.entry(name)!)).equals(Buffer.from(rawA.raw(rawA.entry(name)!)))]).toEqual([name, true]);
});

const describeWithLibreOffice = sofficePath() ? describe : describe.skip;
describeWithLibreOffice("LibreOffice", () => {
  test("opens the marked copy: every sheet, the report, the fills and the comments", async () => {
    const converted = recalculate(marked);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(converted);
    expect(wb.worksheets.map((w) => w.name)).toContain("核对报告");
    const f = findings.find((x) => x.code === "EXEC_SCORE_MISMATCH")!;
    const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    const note = cell.note as ExcelJS.Comment;
    expect(note.texts!.map((t) => t.text).join("")).toContain(f.message);
    // The report as LibreOffice reads it: its date still a date, its links still links.
    const report = wb.getWorksheet("核对报告")!;
    expect(report.getCell("A1").value).toBe("绩效自评表核对报告");
    expect(report.getCell("B4").value).toBeInstanceOf(Date);
    expect(sheetXml(converted, "核对报告").links.size).toBe(findings.length);
  });

  test("prints the report on A4 landscape, one page across, the problems' header on every page from the first", () => {
    const pdf = printToPdf(marked);
    const sizes = [...execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" }).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, sizes.length);
    // The report is the last sheet: its pages come last.
    const first = pages.findIndex((p) => p.includes("绩效自评表核对报告"));
    expect(first).toBeGreaterThan(0);
    const report = pages.slice(first);
    for (const size of sizes.slice(first)) expect(size).toEqual([842, 595]);
    const header = /工作表\s+单元格\s+级别\s+问题\s+说明\s+表中\s+应为\s+状态/;
    const from = report.findIndex((p) => header.test(p));
    expect(from).toBeGreaterThanOrEqual(0);
    for (const page of report.slice(from)) expect(page).toMatch(header);
    // One page across: each problem's status is printed on the line of its cell.
    expect(report.join("\n")).toMatch(/J33\s+错误\s+合计不符\s+合计应为 95.*\s+100\s+95\s+可自动修复/);
  });
});
