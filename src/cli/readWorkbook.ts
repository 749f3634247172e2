/** .xlsx file → engine grids, with ExcelJS; clear zh-CN messages for files that cannot be read. */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { MemoryGrid } from "../engine/grid";
import { worksheetToGrid } from "../xlsx/worksheetToGrid";

export { worksheetToGrid };

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
