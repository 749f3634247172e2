/** The table writer behind 汇总.xlsx: values as given, text never a formula, styles and layout. */
import ExcelJS from "exceljs";
import { writeTableWorkbook } from "../../src/xlsx/writeTable";
import { readXlsx } from "../../src/xlsx/readXlsx";

test("text that looks like a formula stays text; numbers, formats, widths, frozen and filtered header", async () => {
  const data = writeTableWorkbook(
    [
      {
        name: "表'一",
        header: true,
        orientation: "landscape",
        columns: [{ width: 30 }, { width: 10, style: "number2" }, { width: 10 }],
        rows: [
          ["项目", "得分", "执行率"],
          ["=HYPERLINK(\"http://x\")", 95.5, { v: 0.4362, style: "percent" }],
          ["控制字符\u0001与 _x0041_", null, "A&B<c>"],
        ],
      },
      { name: "统计", header: false, orientation: "portrait", columns: [{ width: 20 }], rows: [[{ v: "标题", style: "title" }], ["文件", 3]] },
    ],
    "自评表核对",
  );
  const [g, stats] = (await readXlsx(data)).grids;
  expect(g.cell(1, 0)).toEqual({ value: '=HYPERLINK("http://x")' });
  expect(g.cell(1, 1)).toEqual({ value: 95.5, numFmt: "0.00" });
  expect(g.cell(1, 2)).toEqual({ value: 0.4362, numFmt: "0.00%" });
  expect(g.cell(2, 0)!.value).toBe("控制字符\u0001与 _x0041_");
  expect(g.cell(2, 2)!.value).toBe("A&B<c>");
  expect(stats.cell(1, 1)!.value).toBe(3);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("表'一")!;
  expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(ws.autoFilter).toBe("A1:C3");
  expect(ws.getColumn(1).width).toBe(30);
  expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.getCell("A1").font).toMatchObject({ bold: true });
});
