/** The xlsx reader: what ExcelJS gives, turned into the engine's grid without losing values. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { worksheetToGrid } from "../../src/xlsx/worksheetToGrid";

async function reload(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("表"));
  const buffer = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buffer);
  return again.worksheets[0];
}

describe("formula cells", () => {
  test("a cached result of 0 is the value 0, not a formula never calculated", async () => {
    const ws = await reload((s) => {
      s.getCell("A1").value = 5;
      s.getCell("A2").value = -5;
      s.getCell("A3").value = { formula: "SUM(A1:A2)", result: 0 } as ExcelJS.CellFormulaValue;
    });
    // The file holds <v>0</v> (checked below); ExcelJS's cell.value drops it.
    const grid = worksheetToGrid(ws);
    expect(grid.cell(2, 0)).toEqual({ value: 0, formula: "=SUM(A1:A2)" });
  });

  test("a formula saved without a result stays without one (value null)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").getCell("B2").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toMatch(/<v>/);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await zip.generateAsync({ type: "arraybuffer" })) as never);
    expect(worksheetToGrid(again.worksheets[0]).cell(1, 1)).toEqual({ value: null, formula: "=1+1" });
  });

  test("shared formulas are read as their own translated text, with their results", async () => {
    const ws = await reload((s) => {
      s.getCell("A1").value = 1;
      s.getCell("A2").value = 2;
      s.getCell("B1").value = { formula: "A1*10", result: 10, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellFormulaValue;
      s.getCell("B2").value = { sharedFormula: "B1", result: 20 } as ExcelJS.CellSharedFormulaValue;
    });
    const grid = worksheetToGrid(ws);
    expect(grid.cell(0, 1)).toEqual({ value: 10, formula: "=A1*10" });
    expect(grid.cell(1, 1)).toEqual({ value: 20, formula: "=A2*10" });
  });

  test("error results stay error values", async () => {
    const ws = await reload((s) => {
      s.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    });
    expect(worksheetToGrid(ws).cell(2, 2)).toEqual({ value: { error: "#DIV/0!" }, formula: "=1/0" });
  });
});
