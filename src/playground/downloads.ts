/**
 * What the playground lets the user take away (its lazily loaded part, with ExcelJS and JSZip):
 * - the fixed workbook: the user's own file with only the cells the pane changed written into it,
 *   by the CLI's package editor (src/xlsx/fixCopy.ts), so that everything else stays as it was;
 * - the report: the 核对报告 sheet the pane wrote, alone in a workbook of its own;
 * - the marked copy: the CLI's --mark (src/xlsx/markCopy.ts) of the file as it was opened.
 */
import ExcelJS from "exceljs";
import { a1, Cell, checkSheet, isCellError, MemoryGrid, ProfileId, sheetReference, writableBounds } from "../engine";
import type { WorkbookModel } from "../fake-excel";
import type { CellWrite } from "../xlsx/fix";
import { fixedCopy } from "../xlsx/fixCopy";
import { markedCopy } from "../xlsx/markCopy";
import { sheetLook } from "./sheetLook";

/** The workbook as it was opened: its bytes, its name, and each sheet's grid by the sheet's id. */
export interface Original {
  data: ArrayBuffer;
  fileName: string;
  sheets: { id: string; name: string; grid: MemoryGrid }[];
}

export function snapshot(model: WorkbookModel, data: ArrayBuffer, fileName: string): Original {
  return { data, fileName, sheets: model.sheets.map((s) => ({ id: s.id, name: s.name, grid: model.toGrid(s.name) })) };
}

/** A formula as written, for comparison: Excel (and the fake) may give it back with other spacing or case. */
const canonical = (formula: string) => formula.replace(/("(?:[^"]|"")*")|\s+|([^"\s]+)/g, (_m, quoted: string | undefined, rest: string | undefined) => quoted ?? rest?.toUpperCase() ?? "");

function sameValue(a: Cell["value"] | undefined, b: Cell["value"] | undefined): boolean {
  if (isCellError(a ?? null) || isCellError(b ?? null)) return isCellError(a ?? null) && isCellError(b ?? null) && (a as { error: string }).error === (b as { error: string }).error;
  return (a ?? null) === (b ?? null);
}

/**
 * Every cell whose content the pane changed since the workbook was opened (a fix, 插入正确等级和合计;
 * an undone fix is no change), as the CLI's writes: the formula with the result the in-browser
 * Excel computed for it, or the constant, and the number format when it changed with it. Values
 * that only recalculated are not changes: the copy asks Excel to recalculate on opening.
 */
export function changedCells(model: WorkbookModel, original: Original): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const before of original.sheets) {
    const sheet = model.sheets.find((s) => s.id === before.id);
    if (!sheet) continue;
    const after = model.toGrid(sheet.name);
    const rows = new Set([...before.grid.occupiedRows(), ...after.occupiedRows()]);
    for (const r of [...rows].sort((a, b) => a - b)) {
      const cols = new Set([...(r < before.grid.rowCount ? before.grid.occupiedCols(r) : []), ...(r < after.rowCount ? after.occupiedCols(r) : [])]);
      for (const c of [...cols].sort((a, b) => a - b)) {
        const was = before.grid.cell(r, c);
        const now = after.cell(r, c);
        const formulaChanged = !!now?.formula && (!was?.formula || canonical(was.formula) !== canonical(now.formula));
        const constantChanged = !now?.formula && (!!was?.formula || !sameValue(was?.value, now?.value));
        if (!formulaChanged && !constantChanged) continue;
        // A cell emptied has no write in the CLI's terms; the pane never empties one.
        if (!now || now.value === null || typeof now.value === "boolean" || (!now.formula && isCellError(now.value))) continue;
        const write: CellWrite = { sheet: before.name, cell: a1(r, c) };
        if (now.formula) {
          write.formula = now.formula;
          if (typeof now.value === "number" || typeof now.value === "string") write.result = now.value;
        } else write.value = now.value as string | number;
        if (now.numFmt && now.numFmt !== was?.numFmt) write.numFmt = now.numFmt;
        writes.push(write);
      }
    }
  }
  return writes;
}

/** The fixed workbook: the original file with the pane's changes written in (none: undefined). */
export async function fixedWorkbook(model: WorkbookModel, original: Original, profile?: ProfileId) {
  const writes = changedCells(model, original);
  if (writes.length === 0) return undefined;
  // Writes go only inside the tables the engine recognised on the sheet as it was opened, as with --fix.
  const bounds = new Map(original.sheets.map((s) => [s.name, writableBounds(checkSheet(s.grid, { profile }))]));
  return fixedCopy(original.data, writes, bounds);
}

/** The marked copy of the file as it was opened, under the pane's profile (as `selfeval check --mark`), with the report of `date`. */
export async function markedWorkbook(original: Original, profile?: ProfileId, date = new Date()) {
  return markedCopy(original.data, original.sheets.map((s) => checkSheet(s.grid, { profile })), date);
}

/** Excel's column width in characters for a width in points (Calibri 11: 7 px a character, 5 px of padding). */
const charactersOf = (points: number) => Math.max(0, Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100);

const HORIZONTAL: Record<string, ExcelJS.Alignment["horizontal"]> = { Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed" };
const VERTICAL: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
/** Office.js paper sizes → the spreadsheet's paperSize codes. */
const PAPER: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11, B4: 12, B5: 13 };

/**
 * The report sheet alone in a workbook: its values, number formats, bold, wrapped and aligned text,
 * merged cells, column widths, row heights, links and page setup (as far as the in-browser Excel
 * models them). A link to a cell of another sheet is left as its text: that sheet is not in this
 * workbook. Sheet text stays text (no cell becomes a formula).
 */
export async function reportWorkbook(model: WorkbookModel, sheetName: string): Promise<Uint8Array> {
  const sheet = model.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const grid = model.toGrid(sheetName);
  const look = sheetLook(model, sheet);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of grid.occupiedRows()) {
    for (const c of grid.occupiedCols(r)) {
      const cell = grid.cell(r, c);
      if (!cell || cell.value === null) continue;
      const out = ws.getCell(r + 1, c + 1);
      const link = look.link(r, c);
      if (link && "url" in link) out.value = { text: String(cell.value), hyperlink: link.url };
      else if (link && (link.sheet === undefined || link.sheet === sheetName)) out.value = { text: String(cell.value), hyperlink: `#${sheetReference(sheetName, link.address)}` };
      else out.value = (isCellError(cell.value) ? { error: cell.value.error } : cell.value) as ExcelJS.CellValue;
      if (cell.numFmt) out.numFmt = cell.numFmt;
    }
  }
  // Formats also where a cell is empty (a bold, wrapped heading row; the merged area's other cells).
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const { bold, wrap, horizontal, vertical, fontSize } = look.cell(r, c);
      if (bold || fontSize) ws.getCell(r + 1, c + 1).font = { ...(bold ? { bold } : {}), ...(fontSize ? { size: fontSize } : {}) };
      const alignment: Partial<ExcelJS.Alignment> = { ...(wrap ? { wrapText: true } : {}), ...(horizontal && HORIZONTAL[horizontal] ? { horizontal: HORIZONTAL[horizontal] } : {}), ...(vertical && VERTICAL[vertical] ? { vertical: VERTICAL[vertical] } : {}) };
      if (Object.keys(alignment).length) ws.getCell(r + 1, c + 1).alignment = alignment;
    }
    const height = look.rowHeight(r);
    if (height !== undefined) ws.getRow(r + 1).height = height;
  }
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (let c = 0; c < grid.colCount; c++) {
    const width = look.columnWidth(c);
    if (width !== undefined) ws.getColumn(c + 1).width = charactersOf(width);
  }
  const page = look.page();
  const fit = page.zoom.horizontalFitToPages !== undefined || page.zoom.verticalFitToPages !== undefined;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: page.orientation === "Landscape" ? "landscape" : "portrait",
    ...(PAPER[page.paperSize] ? { paperSize: PAPER[page.paperSize] as ExcelJS.PageSetup["paperSize"] } : {}),
    ...(fit ? { fitToPage: true, fitToWidth: page.zoom.horizontalFitToPages ?? 0, fitToHeight: page.zoom.verticalFitToPages ?? 0 } : { scale: page.zoom.scale ?? 100 }),
    ...(page.printArea?.length ? { printArea: page.printArea.map((b) => `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`).join("&&") } : {}),
    ...(page.printTitleRows ? { printTitlesRow: `${page.printTitleRows.top + 1}:${page.printTitleRows.bottom + 1}` } : {}),
    showGridLines: page.printGridlines,
  };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
