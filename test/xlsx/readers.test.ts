/**
 * The lean reader (src/xlsx/readXlsx.ts, the CLI's) gives the grid worksheetToGrid gives from
 * ExcelJS (the playground's): on every workbook of the corpus and the examples, and on generated
 * edge cases — values, formulas with cached results (a cached 0 too), shared formulas, number
 * formats, merges, rich text, errors, dates, hyperlinks, inline strings.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import { Grid } from "../../src/engine/grid";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { worksheetToGrid } from "../../src/xlsx/worksheetToGrid";

const ROOT = path.join(__dirname, "..", "..");

/** Everything the engine can see of a grid. */
function snapshot(g: Grid) {
  const cells: unknown[] = [];
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      const cell = g.cell(r, c);
      if (cell) cells.push([r, c, cell.value, cell.formula ?? null, cell.numFmt ?? null]);
    }
  }
  return { sheet: g.sheetName, rows: g.rowCount, cols: g.colCount, merges: g.merges.map((m) => [m.top, m.left, m.bottom, m.right]), cells };
}

async function viaExcelJs(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map(worksheetToGrid).map(snapshot);
}

async function viaLean(data: Buffer) {
  return (await readXlsx(data)).grids.map(snapshot);
}

const workbooks = [
  ...readdirSync(path.join(ROOT, "test", "corpus")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join("test", "corpus", f)),
  ...readdirSync(path.join(ROOT, "examples")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join("examples", f)),
];

test("there are workbooks to compare", () => {
  expect(workbooks.length).toBeGreaterThanOrEqual(12);
});

test.each(workbooks)("%s: both readers give the same grids", async (file) => {
  const data = readFileSync(path.join(ROOT, file));
  const lean = await viaLean(data);
  expect(lean).toEqual(await viaExcelJs(data));
  expect(lean.reduce((n, s) => n + s.cells.length, 0)).toBeGreaterThan(50);
});

/** Replace a part's XML in a workbook ExcelJS wrote. */
async function withPart(data: Buffer | ArrayBuffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("generated edge cases", () => {
  let data: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("边界");
    ws.getCell("A1").value = 5;
    ws.getCell("A2").value = -5;
    ws.getCell("A3").value = { formula: "SUM(A1:A2)", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("A4").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    ws.getCell("B1").value = { formula: "A1*10", result: 50, shareType: "shared", ref: "B1:B3" } as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: -50 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("B3").value = { sharedFormula: "B1", result: 0 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("C1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("C3").value = { formula: "\"优\"", result: "优" } as ExcelJS.CellFormulaValue;
    ws.getCell("C4").value = { formula: "TRUE()", result: true } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = { richText: [{ text: "自评" }, { font: { bold: true }, text: "得分" }, { text: " 95 分" }] };
    ws.getCell("D2").value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell("D3").value = 0.4362;
    ws.getCell("D3").numFmt = "0.00%";
    ws.getCell("D4").value = 1234.5;
    ws.getCell("D4").numFmt = '#,##0.00"万元"';
    ws.getCell("D5").value = 45000;
    ws.getCell("D5").numFmt = "yyyy年m月d日";
    ws.getCell("E1").value = true;
    ws.getCell("E2").value = "";
    ws.getCell("E3").value = "  前后空格  ";
    ws.getCell("E4").value = "A&B <c> \"引号\" '单引号'";
    ws.getCell("E5").value = { text: "链接文字", hyperlink: "https://example.org/" };
    ws.getCell("E6").value = { text: "42", hyperlink: "https://example.org/42" };
    ws.getCell("F1").value = "合并";
    ws.mergeCells("F1:H2");
    ws.getCell("F4").value = "纵向合并";
    ws.mergeCells("F4:F9");
    ws.getCell("G12").font = { bold: true }; // a styled cell without a value
    ws.getCell("A20").value = "末行";
    wb.addWorksheet("空表");
    const second = wb.addWorksheet("第二张");
    for (let r = 1; r <= 300; r++) second.addRow([r, `第${r}行`, r * 0.5, { formula: `A${r}*2`, result: r * 2 }]);
    data = Buffer.from(await wb.xlsx.writeBuffer());
  });

  test("ExcelJS's own workbook", async () => {
    expect(await viaLean(data)).toEqual(await viaExcelJs(data));
  });

  test("what the lean reader reads in it", async () => {
    const [g] = (await readXlsx(data)).grids;
    expect(g.cell(2, 0)).toEqual({ value: 0, formula: "=SUM(A1:A2)" });
    expect(g.cell(3, 0)).toEqual({ value: null, formula: "=1+1" });
    expect(g.cell(2, 1)).toEqual({ value: 0, formula: "=A3*10" });
    expect(g.cell(0, 3)!.value).toBe("自评得分 95 分");
    expect(g.cell(2, 3)).toEqual({ value: 0.4362, numFmt: "0.00%" });
    expect(g.cell(0, 6)).toBeUndefined();
    expect(g.mergeAt(1, 7)).toEqual({ top: 0, left: 5, bottom: 1, right: 7 });
  });

  test("written by other programs: inline strings (plain and rich), single-quoted attributes", async () => {
    const edited = await withPart(data, "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(/<c r="E3"[^>]*>.*?<\/c>/, `<c r='E3' t='inlineStr'><is><t xml:space="preserve">  行内  </t></is></c>`)
        .replace(/<c r="E4"[^>]*>.*?<\/c>/, `<c r="E4" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>`),
    );
    expect(await viaLean(edited)).toEqual(await viaExcelJs(edited));
    const [g] = (await readXlsx(edited)).grids;
    expect(g.cell(2, 4)!.value).toBe("  行内  ");
    expect(g.cell(3, 4)!.value).toBe("富文本");
  });

  test("a date1904 workbook", async () => {
    const edited = await withPart(data, "xl/workbook.xml", (xml) => xml.replace(/<workbookPr\b[^>]*\/>/, '<workbookPr date1904="1"/>'));
    expect(await viaLean(edited)).toEqual(await viaExcelJs(edited));
  });

  test("shared strings with phonetic runs and _x escapes", async () => {
    const edited = await withPart(data, "xl/sharedStrings.xml", (xml) =>
      xml.replace(/<si><t>末行<\/t><\/si>/, "<si><t>末_x0041_行</t><rPh sb=\"0\" eb=\"1\"><t>モ</t></rPh></si>"),
    );
    expect(await viaLean(edited)).toEqual(await viaExcelJs(edited));
    expect((await readXlsx(edited)).grids[0].cell(19, 0)!.value).toBe("末A行");
  });
});

describe("what ExcelJS misreads, the lean reader reads or reports", () => {
  let data: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表一");
    ws.getCell("A1").value = "项目名称";
    ws.getCell("B1").value = 95;
    ws.getCell("A2").value = "合计";
    wb.addWorksheet("表二").getCell("A1").value = "第二张";
    data = Buffer.from(await wb.xlsx.writeBuffer());
  });

  test("CDATA values, namespace prefixes, rows and cells without r", async () => {
    const edited = await withPart(data, "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(/<c r="B1"([^>]*)><v>95<\/v><\/c>/, `<c r="B1"$1><v><![CDATA[95]]></v></c>`)
        .replace(/<row r="2"[^>]*>(.*?)<\/row>/, (_m, cells: string) => `<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cells.replace(/<c r="A2"/, "<x:c").replace(/<\/c>/, "</x:c>").replace(/<v>/, "<x:v>").replace(/<\/v>/, "</x:v>")}</x:row>`),
    );
    const [g] = (await readXlsx(edited)).grids;
    expect(g.cell(0, 1)!.value).toBe(95);
    expect(g.cell(1, 0)!.value).toBe("合计");
  });

  test("relationship targets written ./worksheets/… and /xl/worksheets/…", async () => {
    const edited = await withPart(data, "xl/_rels/workbook.xml.rels", (xml) =>
      xml.replace('Target="worksheets/sheet1.xml"', 'Target="./worksheets/sheet1.xml"').replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/sheet2.xml"'),
    );
    expect(edited.toString("latin1")).not.toContain('Target="worksheets/');
    const grids = (await readXlsx(edited)).grids;
    expect(grids.map((g) => [g.sheetName, g.cell(0, 0)!.value])).toEqual([
      ["表一", "项目名称"],
      ["表二", "第二张"],
    ]);
  });

  test("no sharedStrings part: reported, never read as numbers", async () => {
    const zip = await JSZip.loadAsync(data);
    zip.remove("xl/sharedStrings.xml");
    const broken = await zip.generateAsync({ type: "nodebuffer" });
    await expect(readXlsx(broken)).rejects.toThrow(/缺少共享字符串表/);
  });

  test("no workbook.xml, or a sheet whose part is missing: reported", async () => {
    const noWorkbook = await JSZip.loadAsync(data);
    noWorkbook.remove("xl/workbook.xml");
    await expect(readXlsx(await noWorkbook.generateAsync({ type: "nodebuffer" }))).rejects.toThrow(/缺少工作簿主部件/);
    const noSheet = await JSZip.loadAsync(data);
    noSheet.remove("xl/worksheets/sheet2.xml");
    await expect(readXlsx(await noSheet.generateAsync({ type: "nodebuffer" }))).rejects.toThrow(/工作表“表二”的内容部件缺失/);
  });

  test("a sheet whose relationship points at a part that is not a worksheet: reported, not read as empty", async () => {
    const edited = await withPart(data, "xl/_rels/workbook.xml.rels", (xml) => xml.replace('Target="worksheets/sheet2.xml"', 'Target="styles.xml"'));
    await expect(readXlsx(edited)).rejects.toThrow(/工作表“表二”的部件 xl\/styles.xml 不是工作表内容/);
  });

  test("no package relationships (_rels/.rels): the workbook is still found", async () => {
    const zip = await JSZip.loadAsync(data);
    zip.remove("_rels/.rels");
    const grids = (await readXlsx(await zip.generateAsync({ type: "nodebuffer" }))).grids;
    expect(grids.map((g) => g.sheetName)).toEqual(["表一", "表二"]);
  });
});
