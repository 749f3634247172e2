/**
 * The package patcher behind --fix: only the target cells change; `$'`, `$&` and `$$` in the sheet,
 * single-quoted attributes, a shared-formula master whose `ref` comes before `t` and prefixed
 * elements cannot corrupt it; every part it does not edit is byte-identical; a broken result is
 * refused before anything is written.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ZipPackageEditor } from "../../src/xlsx/zipEditor";
import { applyFixes, CellWrite } from "../../src/xlsx/fix";
import { PackageError } from "../../src/xlsx/limits";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { assertWellFormed } from "../../src/xlsx/xml";
import { changedParts, partsOf } from "../support/packages";

const everywhere = new Map([["表", [{ top: 0, left: 0, bottom: 100, right: 20 }]]]);

async function workbook(edit?: (sheetXml: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "价格 $' 与 $& 及 $$ 符号";
  ws.getCell("A2").value = 10;
  ws.getCell("A3").value = 20;
  ws.getCell("B2").value = { formula: 'IF(A2>0,"$&","$\'")', result: "$&" } as ExcelJS.CellFormulaValue;
  ws.getCell("C2").value = 1;
  ws.getCell("C3").value = 99;
  ws.getCell("D1").value = "备注";
  wb.addWorksheet("另一张").getCell("A1").value = "不动";
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  if (!edit) return data;
  const zip = await JSZip.loadAsync(data);
  zip.file("xl/worksheets/sheet1.xml", edit(await zip.file("xl/worksheets/sheet1.xml")!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function fix(data: Buffer, writes: Omit<CellWrite, "sheet">[]) {
  const pkg = new ZipPackageEditor(data);
  const outcome = applyFixes(pkg, writes.map((w) => ({ sheet: "表", ...w })), everywhere, { dropMacros: false });
  return { outcome, out: pkg.finish() };
}

const sheetXml = (data: Buffer) => partsOf(data).get("xl/worksheets/sheet1.xml")!.toString("utf8");

test("$', $& and $$ in strings and formulas stay as they were; only the target cell changes", async () => {
  const data = await inlineStrings(await workbook());
  const { outcome, out } = fix(data, [{ cell: "C3", formula: "=SUM(C2,A2)", result: 11 }]);
  expect(outcome.written).toHaveLength(1);
  const before = sheetXml(data);
  const after = sheetXml(out);
  expect(after).toContain("价格 $&apos; 与 $&amp; 及 $$ 符号");
  expect(after.replace(/<c r="C3"[^>]*>.*?<\/c>/, "")).toBe(before.replace(/<c r="C3"[^>]*>.*?<\/c>/, ""));
  expect(after).toMatch(/<c r="C3"><f>SUM\(C2,A2\)<\/f><v>11<\/v><\/c>/);
  const [g] = (await readXlsx(out)).grids;
  expect(g.cell(0, 0)!.value).toBe("价格 $' 与 $& 及 $$ 符号");
  expect(g.cell(1, 1)).toMatchObject({ formula: '=IF(A2>0,"$&","$\'")' });
  expect(g.cell(2, 2)).toEqual({ value: 11, formula: "=SUM(C2,A2)" });
});

/** Inline strings instead of shared strings (so the `$` text sits in the sheet's own XML). */
async function inlineStrings(data: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const shared = [...(await zip.file("xl/sharedStrings.xml")!.async("string")).matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g)].map((m) => m[1]);
  const xml = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(
    /<c r="([A-Z]+\d+)"([^>]*) t="s"><v>(\d+)<\/v><\/c>/g,
    (_m, r, a, i) => `<c r="${r}"${a} t="inlineStr"><is><t>${shared[Number(i)]}</t></is></c>`,
  );
  zip.file("xl/worksheets/sheet1.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

test("rows and cells written with single-quoted attributes are kept, and a new cell goes in order", async () => {
  const data = await workbook((xml) => xml.replace(/<row r="3"([^>]*)>/, "<row r='3'>").replace(/<c r="A3"/, "<c r='A3'"));
  const { out } = fix(data, [{ cell: "B3", formula: "=A3*2", result: 40 }]);
  const [g] = (await readXlsx(out)).grids;
  expect([g.cell(2, 0)!.value, g.cell(2, 1), g.cell(2, 2)!.value]).toEqual([20, { value: 40, formula: "=A3*2" }, 99]);
  expect(sheetXml(out)).toMatch(/<row r='3'><c r='A3'[^>]*>.*?<\/c><c r="B3"><f>A3\*2<\/f><v>40<\/v><\/c><c r="C3"/);
});

test("a shared-formula master whose ref comes before t is not overwritten", async () => {
  const data = await workbook((xml) =>
    xml
      .replace(/<c r="C2"[^>]*>.*?<\/c>/, '<c r="C2"><f ref="C2:C3" t="shared" si="0">A2*2</f><v>20</v></c>')
      .replace(/<c r="C3"[^>]*>.*?<\/c>/, '<c r="C3"><f t="shared" si="0"/><v>40</v></c>'),
  );
  const { outcome, out } = fix(data, [{ cell: "C2", formula: "=1", result: 1 }]);
  expect(outcome.written).toEqual([]);
  expect(outcome.skipped[0].reason).toContain("共享公式的首格");
  expect((await readXlsx(out)).grids[0].cell(2, 2)).toEqual({ value: 40, formula: "=A3*2" });
});

test("cells in an empty row, a missing row and an empty sheetData are inserted where they belong", async () => {
  const data = await workbook((xml) => xml.replace(/<row r="3"[^>]*>.*?<\/row>/, '<row r="3"/>'));
  const { out } = fix(data, [
    { cell: "B3", value: 5 },
    { cell: "A5", value: "新行" },
    { cell: "E2", formula: "=A2", result: 10 },
  ]);
  const [g] = (await readXlsx(out)).grids;
  expect([g.cell(2, 1)!.value, g.cell(4, 0)!.value, g.cell(1, 4)!.value]).toEqual([5, "新行", 10]);
  const empty = await workbook((xml) => xml.replace(/<sheetData>.*<\/sheetData>/, "<sheetData/>"));
  expect((await readXlsx(fix(empty, [{ cell: "B2", value: 1 }]).out)).grids[0].cell(1, 1)!.value).toBe(1);
});

test("a prefixed sheet (x:row, x:c) gets prefixed cells", async () => {
  const data = await workbook((xml) =>
    xml
      .replace(/<worksheet\b/, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"")
      .replace(/<\/worksheet>/, "</x:worksheet>")
      .replace(/<(\/?)(sheetData|row|c|v|f|dimension|sheetViews|sheetView|sheetFormatPr|cols|col|pageMargins|selection)\b/g, "<$1x:$2"),
  );
  const { out } = fix(data, [{ cell: "B3", value: 7 }]);
  expect(sheetXml(out)).toContain('<x:c r="B3"><x:v>7</x:v></x:c>');
  expect((await readXlsx(out)).grids[0].cell(2, 1)!.value).toBe(7);
});

test("every part the fix does not edit is byte-identical; a number format is added once", async () => {
  const data = await workbook();
  const { out } = fix(data, [
    { cell: "C3", formula: "=C2/A2", result: 0.1, numFmt: "0.00%" },
    { cell: "C2", formula: "=A2/A3", result: 0.5, numFmt: "0.00%" },
  ]);
  expect(changedParts(partsOf(data), partsOf(out))).toEqual(["xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
  const styles = partsOf(out).get("xl/styles.xml")!.toString();
  expect(styles.match(/formatCode="0.00%"/g) ?? []).toHaveLength(0); // built-in 10
  const [g] = (await readXlsx(out)).grids;
  expect(g.cell(2, 2)).toEqual({ value: 0.1, formula: "=C2/A2", numFmt: "0.00%" });
  expect(partsOf(out).get("xl/workbook.xml")!.toString()).toContain('fullCalcOnLoad="1"');
});

test("a write outside the recognised table is refused", async () => {
  const pkg = new ZipPackageEditor(await workbook());
  const outcome = applyFixes(pkg, [{ sheet: "表", cell: "Z99", value: 1 }], new Map([["表", [{ top: 0, left: 0, bottom: 5, right: 5 }]]]), { dropMacros: false });
  expect(outcome.skipped[0].reason).toContain("不在识别出的表格范围内");
});

test("a part that is not well-formed is refused before writing", () => {
  expect(() => assertWellFormed("<a><b></a>", "x.xml")).toThrow(PackageError);
  expect(() => assertWellFormed("<a x='1' x='2'/>", "x.xml")).toThrow(PackageError);
  expect(() => assertWellFormed("<a/><b/>", "x.xml")).toThrow(PackageError);
  expect(() => assertWellFormed('<?xml version="1.0"?><a b="&amp;"><c/>文字</a>', "x.xml")).not.toThrow();
});
