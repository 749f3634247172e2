/**
 * One sheet of the fake Excel written as an .xlsx (ExcelJS) with what the fake models of its look
 * and printing: values and number formats, merges, column widths and row heights, wrap and
 * alignment, bold and font size, fills, hyperlinks and the page setup. LibreOffice can then print
 * it, as Excel would print the sheet the add-in wrote.
 */
import ExcelJS from "exceljs";
import { a1 } from "../../src/engine";
import { DEFAULT_COLUMN_WIDTH, WorkbookModel } from "../../src/fake-excel";

const PAPER: Record<string, ExcelJS.PaperSize | undefined> = { Letter: undefined, A4: 9 as ExcelJS.PaperSize, A3: 8 as ExcelJS.PaperSize };
const HORIZONTAL: Record<string, ExcelJS.Alignment["horizontal"]> = { Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed" };
const VERTICAL: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
const area = (b: { top: number; left: number; bottom: number; right: number }) => `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;

export async function sheetToXlsx(model: WorkbookModel, sheet: string): Promise<Buffer> {
  const s = model.sheet(sheet)!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const used = model.usedRange(sheet);
  const right = Math.max(used?.right ?? 0, ...s.columnWidths.keys());
  for (let c = 0; c <= right; c++) ws.getColumn(c + 1).width = (s.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) / (DEFAULT_COLUMN_WIDTH / 8.43);
  for (const [r, h] of s.rowHeights) ws.getRow(r + 1).height = h;
  if (used) {
    for (let r = used.top; r <= used.bottom; r++) {
      for (let c = used.left; c <= used.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const value = model.value(sheet, r, c);
        const link = s.hyperlinks.get(`${r},${c}`);
        if (link?.documentReference) cell.value = { text: String(value), hyperlink: `#${link.documentReference}` };
        else if (link?.address) cell.value = { text: String(value), hyperlink: link.address };
        else if (value !== "") cell.value = value;
        const fmt = model.format(sheet, r, c);
        if (fmt !== "General") cell.numFmt = fmt;
      }
    }
  }
  for (const [k, layout] of s.layout) {
    const [r, c] = k.split(",").map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    cell.alignment = {
      ...(layout.wrapText !== undefined ? { wrapText: layout.wrapText } : {}),
      ...(layout.horizontalAlignment ? { horizontal: HORIZONTAL[layout.horizontalAlignment] } : {}),
      ...(layout.verticalAlignment ? { vertical: VERTICAL[layout.verticalAlignment] } : {}),
    };
    if (layout.fontSize) cell.font = { ...cell.font, size: layout.fontSize };
  }
  for (const k of s.bold) {
    const [r, c] = k.split(",").map(Number);
    const cell = ws.getCell(r + 1, c + 1);
    cell.font = { ...cell.font, bold: true };
  }
  for (const [k, fill] of s.fills) {
    const [r, c] = k.split(",").map(Number);
    ws.getCell(r + 1, c + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.color.replace("#", "")}` } };
  }
  for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const page = s.pageLayout;
  const fit = page.zoom.horizontalFitToPages !== undefined || page.zoom.verticalFitToPages !== undefined;
  ws.pageSetup = {
    orientation: page.orientation === "Landscape" ? "landscape" : "portrait",
    ...(PAPER[page.paperSize] ? { paperSize: PAPER[page.paperSize] } : {}),
    ...(fit ? { fitToPage: true, fitToWidth: page.zoom.horizontalFitToPages ?? 0, fitToHeight: page.zoom.verticalFitToPages ?? 0 } : { fitToPage: false, scale: page.zoom.scale ?? 100 }),
    ...(page.printArea ? { printArea: page.printArea.map(area).join(",") } : {}),
    ...(page.printTitleRows ? { printTitlesRow: `${page.printTitleRows.top + 1}:${page.printTitleRows.bottom + 1}` } : {}),
    showGridLines: page.printGridlines,
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
