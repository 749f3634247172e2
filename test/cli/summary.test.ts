/**
 * --summary 汇总.xlsx: the reviewer's workbook for a folder of units' self-evaluations. Re-opened
 * with ExcelJS (content, frozen headers, filters, widths, number formats, print setup) and converted
 * by LibreOffice.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { withCell } from "../fixtures/sheetSpec";
import { nationalProject, staffList } from "../fixtures/others";
import { procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { yunnanConsistent, yunnanProject } from "../fixtures/yunnan";
import { recalculate, sofficePath } from "../support/libreoffice";
import { partsOf } from "../support/packages";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(120000);

let dir: string;
let summary: string;
let json: { files: { file: string; sheets: { sheet: string; template: string | null; findings: { code: string; cell: string; message: string }[] }[] }[] };
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  dir = tempDir();
  const folder = path.join(dir, "收表");
  mkdirSync(folder);
  await writeWorkbook(path.join(folder, "01 财政局.xlsx"), [sichuanProject(smartHall), staffList()]);
  await writeWorkbook(path.join(folder, "02 教育局.xlsx"), [sichuanProject(procurement)]);
  await writeWorkbook(path.join(folder, "03 卫健委.xlsx"), [nationalProject()]);
  await writeWorkbook(path.join(folder, "04 民政局.xlsx"), [{ ...withCell(withCell(yunnanProject(yunnanConsistent), "B3", 100), "D3", "☑优 □良 □中 □差"), name: "云南" }]);
  writeFileSync(path.join(folder, "05 损坏.xlsx"), "不是工作簿");
  summary = path.join(dir, "汇总.xlsx");
  const r = await cli("check", folder, "--summary", summary, "--format", "json");
  expect(r.code).toBe(2); // the damaged file
  json = JSON.parse(r.stdout);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
});

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow((row) => out.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return out;
};

test("three sheets: 汇总, 问题清单, 统计", () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单", "统计"]);
});

test("汇总: one row per evaluation with unit, project, stated and recomputed total and grade, counts, main problems", () => {
  const rows = rowsOf(wb.getWorksheet("汇总")!);
  expect(rows[0]).toEqual(["文件", "工作表", "填报单位/主管部门", "项目名称", "表式", "评分标准", "表中总分", "重算总分", "表中等级", "应为等级", "错误", "警告", "主要问题"]);
  const smart = rows.find((r) => r[1] === "智慧化信息化管理系统建设")!;
  expect(smart[0]).toMatch(/01 财政局\.xlsx$/);
  // Stated 100; recomputed from the stated items (90 + the stated execution score 5); no grade field on this form.
  expect(smart.slice(6, 12)).toEqual([100, 95, undefined, "优", 2, 0]);
  expect(String(smart[12])).toContain("执行率得分不符");
  expect(rows.find((r) => r[1] === "评价人员")).toBeUndefined(); // not a self-evaluation table
  const yunnan = rows.find((r) => r[1] === "云南")!;
  expect(yunnan[8]).toBe("优");
  const broken = rows.find((r) => String(r[0]).endsWith("05 损坏.xlsx"))!;
  expect(String(broken[12])).toContain("无法检查");
  // Every recognised sheet of the JSON has its row.
  const recognised = json.files.flatMap((f) => f.sheets.filter((s) => s.template));
  expect(rows.length - 1 - 1).toBeGreaterThanOrEqual(recognised.length);
});

test("问题清单: one row per finding, as the JSON lists them", () => {
  const rows = rowsOf(wb.getWorksheet("问题清单")!);
  const findings = json.files.flatMap((f) => f.sheets.flatMap((s) => s.findings));
  expect(rows.length - 1).toBe(findings.length);
  for (const f of findings) expect(rows.some((r) => r[2] === f.cell && r[7] === f.message)).toBe(true);
});

test("统计: counts by problem, the grade matrix, how far stated totals exceed recomputed ones", () => {
  const rows = rowsOf(wb.getWorksheet("统计")!);
  const text = rows.map((r) => r.join("|")).join("\n");
  expect(text).toContain("按问题统计");
  expect(text).toMatch(/执行率得分不符\|EXEC_SCORE_MISMATCH\|\d/);
  expect(text).toContain("等级分布");
  const over = rows.findIndex((r) => r[0] === "表中总分高于重算总分");
  expect(rows[over + 1]).toEqual(["份数", expect.any(Number)]);
  expect(Number(rows[over + 3][1])).toBeGreaterThan(0); // the largest
  expect(rows[over + 4][1]).toMatch(/\.xlsx · /);
});

test("frozen header, filters, widths, number formats, print setup", () => {
  for (const name of ["汇总", "问题清单"]) {
    const ws = wb.getWorksheet(name)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, printTitlesRow: "1:1" });
    expect(ws.getRow(1).font).toMatchObject({ bold: true });
  }
  expect(wb.getWorksheet("汇总")!.getCell("H2").numFmt).toBe("0.00");
});

test("an existing summary is not replaced without --force", async () => {
  const r = await cli("check", path.join(dir, "收表", "03 卫健委.xlsx"), "--summary", summary);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("已存在，未覆盖");
  expect(r.stdout).toBe("");
});

const describeWithLibreOffice = sofficePath() ? describe : describe.skip;
describeWithLibreOffice("LibreOffice", () => {
  // Headless LibreOffice has no view, so frozen panes are not in its output; ExcelJS reads them above.
  test("converts the summary with its three sheets, values, filters, widths and print titles", async () => {
    const converted = recalculate(summary);
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(converted);
    expect(lo.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单", "统计"]);
    const rows = rowsOf(lo.getWorksheet("汇总")!);
    expect(rows.find((r) => r[1] === "智慧化信息化管理系统建设")!.slice(6, 10)).toEqual([100, 95, undefined, "优"]);
    const parts = partsOf(converted);
    for (const sheet of ["sheet1", "sheet2"]) expect(parts.get(`xl/worksheets/${sheet}.xml`)!.toString()).toMatch(/<autoFilter ref="A1:/);
    expect(lo.getWorksheet("汇总")!.getColumn(1).width).toBe(34);
    expect(parts.get("xl/workbook.xml")!.toString()).toContain("_xlnm.Print_Titles");
  });
});
