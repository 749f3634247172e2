/** Files dropped on the playground: a clear reason for each kind of file that cannot be opened. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { gridsFromXlsx, LoadError } from "../../src/playground/loadWorkbook";

const bytes = (xs: number[]) => new Uint8Array(xs).buffer;
const kindOf = async (data: ArrayBuffer) => gridsFromXlsx(data).then(() => "loaded", (e) => (e instanceof LoadError ? e.kind : `other: ${e}`));

test("random bytes, an OLE (password / .xls) file, a damaged zip, a zip without sheets", async () => {
  expect(await kindOf(bytes([1, 2, 3, 4, 5, 6, 7, 8]))).toBe("not-xlsx");
  expect(await kindOf(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("encrypted");
  expect(await kindOf(bytes([0x50, 0x4b, 3, 4, 9, 9, 9, 9, 9, 9]))).toBe("corrupt");
  const zip = new JSZip();
  zip.file("hello.txt", "not a workbook");
  const empty = await zip.generateAsync({ type: "arraybuffer" });
  expect(await kindOf(empty)).not.toBe("loaded");
});

test("a real workbook loads", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表").getCell("A1").value = "一级指标";
  const data = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  const grids = await gridsFromXlsx(data);
  expect(grids.map((g) => g.sheetName)).toEqual(["表"]);
});
