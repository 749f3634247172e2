/**
 * --mark: annotated copies for WPS and older Excel. Each disagreeing cell is filled (errors red,
 * warnings amber) and carries a comment with the finding and its arithmetic; a 核对报告 sheet lists
 * everything; the original is untouched and every part the marks do not need is byte-identical.
 * The copy is re-opened with ExcelJS and converted by LibreOffice.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { SAMPLE_SHEETS } from "../../scripts/make-examples";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { withCell } from "../fixtures/sheetSpec";
import { nationalProject } from "../fixtures/others";
import { recalculate, sofficePath } from "../support/libreoffice";
import { changedParts, partsOf } from "../support/packages";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(120000);

let dir: string;
let original: string;
let marked: string;
let findings: { sheet: string; cell: string; severity: string; message: string; code: string }[];

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

test("a 核对报告 sheet lists every finding with a link to its cell; all sheets and values are as before", async () => {
  const before = (await readXlsx(readFileSync(original))).grids;
  const after = (await readXlsx(readFileSync(marked))).grids;
  expect(after.map((g) => g.sheetName)).toEqual([...before.map((g) => g.sheetName), "核对报告"]);
  for (const [i, g] of before.entries()) {
    for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) expect(after[i].cell(r, c)).toEqual(g.cell(r, c));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(marked);
  const report = wb.getWorksheet("核对报告")!;
  const rows: string[] = [];
  report.eachRow((row) => rows.push(row.values!.toString()));
  for (const f of findings) expect(rows.some((r) => r.includes(f.message) && r.includes(f.sheet))).toBe(true);
  expect(report.views[0]).toMatchObject({ state: "frozen" });
  expect(rows.join("\n")).toContain("单位：");
  expect(rows.join("\n")).toMatch(/总分 表中 .*应为/);
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
  });
});
