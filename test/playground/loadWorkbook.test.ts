/**
 * The playground opens a workbook as Excel holds it: text stays text, number formats and dates are
 * kept, formulas show the results the file saved; hidden sheets, fills, notes and protection come
 * along. Files that cannot be opened get a clear reason.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LoadError, workbookFromXlsx } from "../../src/playground/loadWorkbook";
import { dateSerial } from "../../src/fake-excel";

const bytes = (xs: number[]) => new Uint8Array(xs).buffer;
const kindOf = async (data: ArrayBuffer) => workbookFromXlsx(data).then(() => "loaded", (e: unknown) => (e instanceof LoadError ? e.kind : `other: ${e}`));

test("random bytes, an OLE (password / .xls) file, a damaged zip, a zip without sheets", async () => {
  expect(await kindOf(bytes([1, 2, 3, 4, 5, 6, 7, 8]))).toBe("not-xlsx");
  expect(await kindOf(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("encrypted");
  expect(await kindOf(bytes([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9]))).toBe("corrupt");
  const zip = new JSZip();
  zip.file("hello.txt", "not a workbook");
  const empty = await zip.generateAsync({ type: "arraybuffer" });
  expect(await kindOf(empty)).not.toBe("loaded");
});

test("a workbook opens as Excel holds it: text stays text, formats, dates, saved formula results, hidden sheets, fills, notes", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "100%"; // text that looks like a number
  ws.getCell("B1").value = "1,318.75";
  ws.getCell("C1").value = 0.9759;
  ws.getCell("C1").numFmt = "0.00%";
  ws.getCell("D1").value = new Date(Date.UTC(2024, 0, 5));
  ws.getCell("D1").numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell("E1").value = { formula: "C1*100", result: 99 } as ExcelJS.CellFormulaValue; // a stale saved result
  ws.getCell("F1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("G1").value = "=SUM(A1)"; // a text that starts with =
  ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("A2").note = "请复核";
  wb.addWorksheet("底稿").state = "hidden";
  const model = await workbookFromXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const cell = (c: number) => [model.value("表", 0, c), model.valueType("表", 0, c), model.format("表", 0, c)];
  expect(cell(0)).toEqual(["100%", "String", "General"]);
  expect(cell(1)).toEqual(["1,318.75", "String", "General"]);
  expect(cell(2)).toEqual([0.9759, "Double", "0.00%"]);
  expect(cell(3)).toEqual([dateSerial(2024, 1, 5), "Double", 'yyyy"年"m"月"d"日"']);
  expect(cell(4)).toEqual([99, "Double", "General"]);
  expect(model.formula("表", 0, 4)).toBe("=C1*100");
  expect(cell(5)).toEqual(["#DIV/0!", "Error", "General"]);
  expect(cell(6)).toEqual(["=SUM(A1)", "String", "General"]);
  expect(model.isFormula("表", 0, 6)).toBe(false);
  expect(model.displayedFill("表", 1, 0)).toBe("#FFFF00");
  expect(model.sheet("表")!.notes.get("1,0")).toBe("请复核");
  expect(model.sheets.map((s) => [s.name, s.visibility])).toEqual([["表", "Visible"], ["底稿", "Hidden"]]);
});
