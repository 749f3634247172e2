/**
 * What the playground lets the user take away, opened again as the user's Excel would and as the
 * command line does: the fixed workbook (the original file, only the cells the pane fixed changed,
 * holding the formulas the engine planned), the report alone in a workbook, and the marked copy
 * (the same as `selfeval check --mark`).
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import { a1, checkSheet, Grid, MemoryGrid, parseA1, planFixes } from "../../src/engine";
import { SheetModel, WorkbookModel } from "../../src/fake-excel";
import { changedCells, fixedWorkbook, markedWorkbook, reportWorkbook } from "../../src/playground/downloads";
import { hyperlinkFormulaTarget, linkTarget } from "../../src/playground/sheetLook";
import { Loaded, open } from "../../src/playground/workbench";
import { markPackage } from "../../src/xlsx/mark";
import { isDateFormat, readXlsx } from "../../src/xlsx/readXlsx";
import { ZipPackageEditor } from "../../src/xlsx/zipEditor";
import { changedParts, partsOf } from "../support/packages";

jest.setTimeout(60000);

const SAMPLE = path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx");
const sampleBytes = readFileSync(SAMPLE);
const arrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

const openSample = () => open(arrayBuffer(sampleBytes), "自评表示例.xlsx", { displayLanguage: "zh-CN", syncDelayMs: 0 });

/** The user opens the sheet's tab and clicks 检查本表. */
async function checkSheetNamed(loaded: Loaded, sheet: string) {
  loaded.model.active = loaded.model.sheets.findIndex((s) => s.name === sheet);
  expect(loaded.model.active).toBeGreaterThanOrEqual(0);
  expect((await loaded.session.checkActiveSheet())?.sheet).toBe(sheet);
}

/** Every cell of every sheet, as "sheet!A1" → formula or value (what a reader gives back). */
function cellsOf(grids: Grid[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of grids)
    for (const r of g.occupiedRows())
      for (const c of g.occupiedCols(r)) {
        const cell = g.cell(r, c)!;
        out.set(`${g.sheetName}!${a1(r, c)}`, JSON.stringify([cell.formula ?? null, cell.formula ? null : cell.value, cell.numFmt ?? null]));
      }
  return out;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** The command line's plan for the original file: sheet → its writes. */
async function cliPlan() {
  const grids = (await readXlsx(sampleBytes)).grids;
  return new Map(grids.map((g) => [g.sheetName, planFixes(checkSheet(g).findings)]));
}

test("the fixed workbook: the original file with only the cells the pane fixed, holding the formulas the engine planned", async () => {
  const loaded = await openSample();
  const plan = await cliPlan();
  const fixedSheets = [...plan].filter(([, fixes]) => fixes.length > 0).map(([sheet]) => sheet);
  expect(fixedSheets.length).toBeGreaterThanOrEqual(2);
  // 全部修复 on two sheets, as the user does in the pane.
  for (const sheet of fixedSheets.slice(0, 2)) {
    await checkSheetNamed(loaded, sheet);
    await loaded.session.fixAll();
    expect(loaded.session.getState().error).toBeUndefined();
  }
  const planned = fixedSheets.slice(0, 2).flatMap((sheet) => plan.get(sheet)!.map((f) => ({ sheet, ...f })));
  const fixed = (await fixedWorkbook(loaded.model, loaded.original))!;
  expect(fixed.skipped).toEqual([]);
  expect(fixed.written.map((w) => `${w.sheet}!${w.cell}`).sort()).toEqual(planned.map((f) => `${f.sheet}!${f.cell}`).sort());

  // Read back by the command line's reader: only the planned cells differ, and they hold the planned formulas.
  const before = cellsOf((await readXlsx(sampleBytes)).grids);
  const afterGrids = (await readXlsx(Buffer.from(fixed.bytes))).grids;
  expect(afterGrids.map((g) => g.sheetName)).toEqual((await readXlsx(sampleBytes)).grids.map((g) => g.sheetName));
  const after = cellsOf(afterGrids);
  expect(differences(before, after)).toEqual(planned.map((f) => `${f.sheet}!${f.cell}`).sort());
  for (const f of planned) {
    const { row, col } = parseA1(f.cell);
    const cell = afterGrids.find((g) => g.sheetName === f.sheet)!.cell(row, col)!;
    expect([f.cell, cell.formula]).toEqual([f.cell, f.formula]);
    if (f.numFmt) expect(cell.numFmt).toBe(f.numFmt);
  }

  // And by ExcelJS (what the playground itself opens): the same formulas, the cached results.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(fixed.bytes));
  for (const f of planned) {
    const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
    expect([f.cell, `=${cell.formula}`]).toEqual([f.cell, f.formula]);
    if (typeof f.result === "number") expect(cell.result as number).toBeCloseTo(f.result, 6);
  }

  // Parts that hold no fixed cell keep their content (the workbook asks Excel to recalculate on opening).
  const changed = changedParts(partsOf(sampleBytes), partsOf(Buffer.from(fixed.bytes)));
  expect(changed).not.toContain("xl/sharedStrings.xml");
  expect(changed).not.toContain("docProps/core.xml");
  expect(changed.every((n) => /^(\[Content_Types\]\.xml|xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|calcChain\.xml|worksheets\/sheet\d+\.xml))$/.test(n))).toBe(true);
  expect(changed.filter((n) => n.startsWith("xl/worksheets/")).length).toBe(2);
});

test("an undone fix is no change; nothing fixed means nothing to download", async () => {
  const loaded = await openSample();
  const plan = await cliPlan();
  const [first, second] = [...plan].filter(([, fixes]) => fixes.length > 0).map(([sheet]) => sheet);
  expect(await fixedWorkbook(loaded.model, loaded.original)).toBeUndefined();
  await checkSheetNamed(loaded, first);
  await loaded.session.fixAll();
  await checkSheetNamed(loaded, second);
  await loaded.session.fixAll();
  await loaded.session.undo();
  expect(loaded.session.getState().error).toBeUndefined();
  expect(changedCells(loaded.model, loaded.original).map((w) => `${w.sheet}!${w.cell}`).sort()).toEqual(plan.get(first)!.map((f) => `${first}!${f.cell}`).sort());
});

test("the report: the 核对报告 sheet the pane wrote, alone in a workbook, read by ExcelJS and by the command line", async () => {
  const loaded = await openSample();
  await loaded.session.checkWorkbook();
  await loaded.session.writeReport("zh");
  const notice = loaded.session.getState().notice;
  expect(notice?.kind).toBe("report");
  const name = (notice as { sheet: string }).sheet;
  const bytes = await reportWorkbook(loaded.model, name);

  const fake = loaded.model.toGrid(name);
  const sheetModel = loaded.model.sheet(name)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(bytes));
  expect(wb.worksheets.map((w) => w.name)).toEqual([name]);
  const ws = wb.worksheets[0];
  // Every value as the fake holds it (report text stays text: nothing became a formula).
  let cells = 0;
  for (const r of fake.occupiedRows())
    for (const c of fake.occupiedCols(r)) {
      const value = fake.cell(r, c)!.value;
      const out = ws.getCell(r + 1, c + 1);
      expect(out.formula).toBeUndefined();
      // ExcelJS gives a link's text, and a date-formatted number (the report's date) as a Date.
      const read = out.value instanceof Date ? out.value.getTime() / 86_400_000 + 25_569 : typeof out.value === "object" && out.value && "text" in out.value ? out.value.text : out.value;
      expect([r, c, read]).toEqual([r, c, value]);
      expect([r, c, !!out.font?.bold]).toEqual([r, c, sheetModel.bold.has(`${r},${c}`)]);
      cells++;
    }
  expect(cells).toBeGreaterThan(20);
  // The header row is bold, as the pane wrote it; merges come along.
  expect(ws.getCell(1, 1).font?.bold).toBe(true);
  expect((ws.model as { merges?: string[] }).merges ?? []).toHaveLength(fake.merges.length);
  // The command line reads the same values.
  const grid = (await readXlsx(Buffer.from(bytes))).grids[0];
  for (const r of fake.occupiedRows())
    for (const c of fake.occupiedCols(r)) {
      const read = grid.cell(r, c)?.value;
      // The CLI reader gives a date-formatted number as the text of its date (as ExcelJS does).
      const value = isDateFormat(fake.cell(r, c)!.numFmt) && typeof read === "string" ? Date.parse(read) / 86_400_000 + 25_569 : read;
      expect([r, c, value]).toEqual([r, c, fake.cell(r, c)!.value]);
    }
});

test("the report's look: widths, heights, bold, wrap, alignment, merges, links and page setup, as far as the in-browser Excel models them", async () => {
  const model = new WorkbookModel();
  model.addGrid(new MemoryGrid("评价表", [[{ value: "项目" }, { value: 95 }]], []));
  const rows = [
    [{ value: "核对报告" }],
    [{ value: "单元格" }, { value: "问题" }, { value: "说明" }],
    [{ value: "评价表!B1" }, { value: "合计不符" }, { value: "合计应为 94.36（各项得分 90 + 执行率得分 4.36）" }],
    [{ value: "回到标题" }, { value: "说明" }],
  ];
  model.addGrid(new MemoryGrid("核对报告", rows, [{ top: 0, left: 0, bottom: 0, right: 2 }]));
  // The shapes the fake gives Range.format, Range.hyperlink and Worksheet.pageLayout.
  const sheet = model.sheet("核对报告")! as SheetModel & Record<string, unknown>;
  for (const k of ["0,0", "1,0", "1,1", "1,2"]) sheet.bold.add(k);
  sheet.layout = new Map([["2,2", { wrapText: true, verticalAlignment: "Top" }], ["0,0", { horizontalAlignment: "Center", fontSize: 14 }]]);
  sheet.columnWidths = new Map([[0, 72], [1, 96], [2, 300]]);
  sheet.rowHeights = new Map([[0, 28]]);
  sheet.hyperlinks = new Map([["2,0", { documentReference: "评价表!B1", textToDisplay: "评价表!B1" }], ["3,0", { documentReference: "'核对报告'!A1" }], ["3,1", { address: "https://example.org/说明" }]]);
  sheet.pageLayout = { orientation: "Landscape", paperSize: "A4", printArea: [{ top: 0, left: 0, bottom: 3, right: 2 }], printTitleRows: { top: 1, bottom: 1 }, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printGridlines: false };

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(await reportWorkbook(model, "核对报告")));
  const ws = wb.worksheets[0];
  expect(wb.worksheets.map((w) => w.name)).toEqual(["核对报告"]);
  expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([13, 17.57, 56.43]);
  expect(ws.getRow(1).height).toBe(28);
  expect(["A1", "A2", "B2", "C2", "A3"].map((a) => !!ws.getCell(a).font?.bold)).toEqual([true, true, true, true, false]);
  expect(ws.getCell("A1").font?.size).toBe(14);
  expect(ws.getCell("A1").alignment).toEqual({ horizontal: "center" });
  expect(ws.getCell("C3").alignment).toEqual({ wrapText: true, vertical: "top" });
  expect((ws.model as { merges?: string[] }).merges).toEqual(["A1:C1"]);
  // A link into the report stays a link; one to a sheet the report workbook does not hold is left as its text.
  expect(ws.getCell("A4").value).toEqual({ text: "回到标题", hyperlink: "#'核对报告'!A1" });
  expect(ws.getCell("A3").value).toBe("评价表!B1");
  expect(ws.getCell("B4").value).toEqual({ text: "说明", hyperlink: "https://example.org/说明" });
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
  expect(ws.pageSetup.printArea).toMatch(/^'?核对报告'?!\$?A\$?1:\$?C\$?4$|^A1:C4$/);
});

test("the marked copy: what `selfeval check --mark` writes for the file as it was opened", async () => {
  const loaded = await openSample();
  // A fix in the pane does not change what the marked copy marks: it is the original file, marked.
  await checkSheetNamed(loaded, [...(await cliPlan())].find(([, fixes]) => fixes.length > 0)![0]);
  await loaded.session.fixAll();
  const day = new Date(2026, 3, 8);
  const copy = await markedWorkbook(loaded.original, undefined, day);

  const results = (await readXlsx(sampleBytes)).grids.map((g) => checkSheet(g));
  const pkg = new ZipPackageEditor(sampleBytes);
  const cli = markPackage(pkg, results, day);
  expect([copy.marked, copy.reportSheet]).toEqual([cli.marked, cli.reportSheet]);
  const viaCli = partsOf(pkg.finish());
  const viaPlayground = partsOf(Buffer.from(copy.bytes));
  expect(changedParts(viaCli, viaPlayground)).toEqual([]);
});

test("links: a cell of this workbook or a web address, from a reference or a HYPERLINK formula", () => {
  expect(linkTarget("'政府采购 工作经费'!J9")).toEqual({ sheet: "政府采购 工作经费", address: "J9" });
  expect(linkTarget("#Sheet1!$B$3")).toEqual({ sheet: "Sheet1", address: "B3" });
  expect(linkTarget("J33")).toEqual({ address: "J33" });
  expect(linkTarget("https://example.org/a")).toEqual({ url: "https://example.org/a" });
  expect(linkTarget("不是地址")).toBeUndefined();
  expect(hyperlinkFormulaTarget('=HYPERLINK("#\'大楼运行（94.5分）\'!J9","J9")')).toEqual({ sheet: "大楼运行（94.5分）", address: "J9" });
  expect(hyperlinkFormulaTarget("=SUM(A1:A3)")).toBeUndefined();
});
