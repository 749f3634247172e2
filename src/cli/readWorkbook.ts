/**
 * .xlsx → engine grids, with ExcelJS. Only merge masters carry values (ExcelJS repeats the master's
 * value in every cell of a merged range, which would count totals several times).
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { Cell, CellValue, MemoryGrid, MergeArea } from "../engine/grid";

export class UnreadableFileError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Read the file and say in plain Chinese why it cannot be opened, if it cannot. */
export async function loadWorkbookBuffer(path: string): Promise<Buffer> {
  let buf: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new UnreadableFileError(`“${path}”是文件夹，不是 .xlsx 文件`);
    buf = await fs.readFile(path);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnreadableFileError(`找不到文件“${path}”`);
    if (code === "EACCES") throw new UnreadableFileError(`没有读取“${path}”的权限`);
    throw new UnreadableFileError(`无法读取“${path}”（${code ?? "未知错误"}）`);
  }
  if (buf.length === 0) throw new UnreadableFileError(`“${path}”是空文件`);
  if (startsWith(buf, CFB_MAGIC)) {
    throw new UnreadableFileError(`“${path}”设置了打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再检查`);
  }
  if (!startsWith(buf, ZIP_MAGIC)) throw new UnreadableFileError(`“${path}”不是 .xlsx 工作簿`);
  return buf;
}

function toCellValue(v: ExcelJS.CellValue, text: () => string): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: text() };
  if (typeof v === "object") {
    if ("error" in v) return { value: { error: String((v as ExcelJS.CellErrorValue).error) } };
    if ("formula" in v || "sharedFormula" in v) {
      const f = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const inner = toCellValue((f.result ?? null) as ExcelJS.CellValue, text);
      return { value: inner.value, formula: `=${f.formula ?? f.sharedFormula ?? ""}` };
    }
    if ("richText" in v) return { value: (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("") };
    if ("text" in v) return { value: String((v as ExcelJS.CellHyperlinkValue).text) };
  }
  return { value: text() };
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): MemoryGrid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula } = toCellValue(cell.value, () => {
        try {
          return cell.text;
        } catch {
          return "";
        }
      });
      if (value === null && !formula) return;
      const c: Cell = { value };
      if (formula) c.formula = formula;
      if (cell.numFmt) c.numFmt = cell.numFmt;
      out[colNumber - 1] = c;
    });
    rows[rowNumber - 1] = out;
  });
  const merges: MergeArea[] = [];
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [a, b] = range.split(":");
    const s = ws.getCell(a);
    const e = ws.getCell(b ?? a);
    merges.push({ top: Number(s.row) - 1, left: Number(s.col) - 1, bottom: Number(e.row) - 1, right: Number(e.col) - 1 });
  }
  return new MemoryGrid(ws.name, rows, merges);
}

export async function readWorkbook(path: string): Promise<{ grids: MemoryGrid[]; buffer: Buffer }> {
  const buffer = await loadWorkbookBuffer(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new UnreadableFileError(`“${path}”已损坏或不是有效的 .xlsx 工作簿（${(e as Error).message.slice(0, 80)}）`);
  }
  return { grids: wb.worksheets.map(worksheetToGrid), buffer };
}
