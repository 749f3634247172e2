/** An .xlsx (the bundled sample, or a file dropped on the page) → engine grids, in the browser. */
import ExcelJS from "exceljs";
import type { MemoryGrid } from "../engine";
import { worksheetToGrid } from "../xlsx/worksheetToGrid";

export async function gridsFromXlsx(data: ArrayBuffer): Promise<MemoryGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  return wb.worksheets.map(worksheetToGrid);
}
