/**
 * Round trip through a real spreadsheet engine: `--fix` output recalculated by LibreOffice
 * headless, read back. The formula results equal the expected numbers, checking again gives none
 * of the fixed findings, and everything else in the workbook is kept.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { checkSheet, Finding, parseA1 } from "../../src/engine";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { SheetSpec, withCell } from "../fixtures/sheetSpec";
import { SAMPLE_SHEETS } from "../../scripts/make-examples";
import { cityOfficeFunds, yunnanConsistent, yunnanProject } from "../fixtures/yunnan";
import { nationalProject } from "../fixtures/others";
import { recalculate, sofficePath } from "../support/libreoffice";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(180000);

const yunnanFaults: SheetSpec = {
  ...withCell(withCell(withCell(withCell(yunnanProject(yunnanConsistent), "B3", 100), "D3", "□优 ☑良 □中 □差"), "H6", "8 分"), "G6", "90.00%"),
  name: "云南表头与等级",
};
// 全年支出决算数 900 of 949.21 while the rate still says a bare 100.
const yunnanPoints: SheetSpec = { ...withCell(yunnanProject(cityOfficeFunds), "F6", 900), name: "云南执行率" };
// Numbers stored as text next to a wrong total: the total formula must still add them up.
const textScores: SheetSpec = { ...withCell(withCell(yunnanProject(yunnanConsistent), "H6", "9.5 分"), "G20", 99), name: "文本分数" };
const textNumbers: SheetSpec = { ...withCell(withCell(nationalProject(), "H13", "10"), "H21", 90), name: "文本数字" };
const SHEETS = [...SAMPLE_SHEETS, yunnanFaults, yunnanPoints, textScores, textNumbers];

/** Dress the sheets the way offices do: fills, bold headers, borders, widths, a note, a validation. */
function decorate(ws: ExcelJS.Worksheet) {
  ws.getColumn(1).width = 18;
  ws.getColumn(4).width = 30;
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
      if (typeof cell.value === "string" && /合计|总分|得分/.test(cell.value)) cell.font = { bold: true, color: { argb: "FF1F4E79" } };
      if (typeof cell.value === "number") cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    }),
  );
  ws.getCell("A1").note = "填表前请阅读填表说明";
  ws.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
}

const describeWithLibreOffice = sofficePath() ? describe : describe.skip;

describeWithLibreOffice("--fix recalculated by LibreOffice", () => {
  let original: string;
  let fixed: string;
  let recalculated: string;
  let before: Map<string, Finding[]>;

  beforeAll(async () => {
    const dir = tempDir();
    original = await writeWorkbook(path.join(dir, "自评表.xlsx"), SHEETS, decorate);
    fixed = path.join(dir, "自评表-已修复.xlsx");
    const r = await cli("check", original, "--fix", fixed);
    expect(r.stderr).toBe("");
    recalculated = recalculate(fixed);
    const { grids } = await readWorkbook(original);
    before = new Map(grids.map((g) => [g.sheetName, checkSheet(g).findings]));
  });

  test("every fixed finding is gone after recalculation; only findings without a safe fix remain", async () => {
    const { grids } = await readWorkbook(recalculated);
    const left: string[] = [];
    for (const g of grids) {
      const was = before.get(g.sheetName)!;
      const fixedKeys = new Set(was.filter((f) => f.fix).map((f) => `${f.code}@${f.cell}`));
      const now = checkSheet(g).findings;
      expect(now.filter((f) => fixedKeys.has(`${f.code}@${f.cell}`))).toEqual([]);
      expect(now.filter((f) => f.fix)).toEqual([]);
      left.push(...now.map((f) => `${g.sheetName}!${f.cell}:${f.code}`));
    }
    // What stays needs a person: conclusion sentences, declared weights.
    expect(left.filter((x) => !/CONCLUSION_SCORE_MISMATCH|SECTION_WEIGHT_MISMATCH|LEVEL_WEIGHT_MISMATCH/.test(x))).toEqual([]);
    expect(before.get("智慧化信息化管理系统建设")!.map((f) => f.code)).toEqual(["EXEC_SCORE_MISMATCH", "TOTAL_MISMATCH"]);
  });

  test("the formulas compute the expected numbers", async () => {
    const { grids } = await readWorkbook(recalculated);
    const sheet = (name: string) => grids.find((g) => g.sheetName === name)!;
    const value = (name: string, a1: string) => {
      const { row, col } = parseA1(a1);
      return sheet(name).cell(row, col);
    };
    // Sichuan 智慧化: 10 × 172.66 ÷ 395.84 and the total that follows from it.
    expect(value("智慧化信息化管理系统建设", "J9")).toMatchObject({ formula: "=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))" });
    expect(value("智慧化信息化管理系统建设", "J9")!.value).toBeCloseTo((10 * 172.66) / 395.84, 9);
    expect(value("智慧化信息化管理系统建设", "J33")!.value).toBeCloseTo(90 + (10 * 172.66) / 395.84, 9);
    // 网络运行维护费: capped scores 3, 3, 4 and the 效益 row 30 × 80 %; 合计 follows.
    expect(["J19", "J20", "J21", "J26"].map((c) => value("网络运行维护费", c)!.value)).toEqual([3, 3, 4, 24]);
    expect(value("网络运行维护费", "J29")!.value).toBe(94);
    // Yunnan: rate 95.00 % kept as a %-formatted fraction, score in "分", header and grade follow.
    const y = "云南表头与等级";
    expect(value(y, "G6")!.value).toBeCloseTo(128.73 / 135.5, 9);
    expect(value(y, "H6")!.value).toBeCloseTo((10 * 128.73) / 135.5, 9);
    expect(value(y, "B3")!.value).toBeCloseTo(88 + (10 * 128.73) / 135.5, 9);
    expect(value(y, "D3")!.value).toBe("☑优 □良 □中 □差");
    // Scores typed as text ("9.5 分", "10") are added, not skipped.
    expect(value("文本分数", "G20")!.value).toBeCloseTo(97.5, 9);
    expect(value("文本数字", "H21")).toMatchObject({ formula: "=SUM(H14:H20,VALUE(H13))+I6" });
    expect(value("文本数字", "H21")!.value).toBeCloseTo(97.92, 9);
    // A bare-100 rate column gets a formula giving percentage points.
    expect(value("云南执行率", "G6")!.value).toBeCloseTo((900 / 949.21) * 100, 9);
  });

  test("every formula result equals the result the fix announced", async () => {
    const { grids } = await readWorkbook(recalculated);
    const { grids: fixedGrids } = await readWorkbook(fixed);
    for (const g of grids) {
      const cached = fixedGrids.find((x) => x.sheetName === g.sheetName)!;
      for (let r = 0; r < g.rowCount; r++) {
        for (let c = 0; c < g.colCount; c++) {
          const cell = cached.cell(r, c);
          if (!cell?.formula) continue;
          const lo = g.cell(r, c)!.value;
          expect([g.sheetName, r, c, typeof lo === "number" ? Math.round(lo * 1e8) / 1e8 : lo]).toEqual([
            g.sheetName, r, c, typeof cell.value === "number" ? Math.round(cell.value * 1e8) / 1e8 : cell.value,
          ]);
        }
      }
    }
  });

  test("formatting and all other content are kept in the fixed copy", async () => {
    const a = new ExcelJS.Workbook();
    const b = new ExcelJS.Workbook();
    await a.xlsx.readFile(original);
    await b.xlsx.readFile(fixed);
    const written = new Set<string>();
    for (const [sheet, findings] of before) for (const f of findings) if (f.fix) [f.fix, ...(f.fix.also ?? [])].forEach((x) => written.add(`${sheet}!${x.cell}`));
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      expect((wb.model as { merges: string[] }).merges.sort()).toEqual((wa.model as { merges: string[] }).merges.sort());
      expect(wb.getColumn(4).width).toBe(wa.getColumn(4).width);
      expect(wb.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(wb.getCell("A1").note).toEqual(wa.getCell("A1").note);
      expect(wb.getCell("A2").dataValidation).toEqual(wa.getCell("A2").dataValidation);
      wa.eachRow((row) =>
        row.eachCell((ca) => {
          const cb = wb.getCell(ca.address);
          const master = ca.isMerged ? ca.master.address : ca.address;
          expect([ca.address, cb.font]).toEqual([ca.address, ca.font]);
          expect([ca.address, cb.fill]).toEqual([ca.address, ca.fill]);
          expect([ca.address, cb.border]).toEqual([ca.address, ca.border]);
          if (!written.has(`${wa.name}!${master}`)) {
            expect([ca.address, cb.value]).toEqual([ca.address, ca.value]);
            expect([ca.address, cb.numFmt]).toEqual([ca.address, ca.numFmt]);
          }
        }),
      );
    }
  });
});
