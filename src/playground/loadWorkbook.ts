/** An .xlsx (the bundled sample, or a file dropped on the page) → engine grids, in the browser. */
import ExcelJS from "exceljs";
import type { MemoryGrid } from "../engine";
import { worksheetToGrid } from "../xlsx/worksheetToGrid";

/** Why a file could not be opened, for a message in the page's language (never the library's text). */
export type LoadFailure = "not-xlsx" | "encrypted" | "corrupt" | "no-sheets";

export class LoadError extends Error {
  constructor(readonly kind: LoadFailure) {
    super(kind);
    this.name = "LoadError";
  }
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function gridsFromXlsx(data: ArrayBuffer): Promise<MemoryGrid[]> {
  const head = new Uint8Array(data.slice(0, 8));
  // A password-protected workbook (or an old .xls) is an OLE compound file, not a zip.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw new LoadError("encrypted");
  if (!startsWith(head, [0x50, 0x4b])) throw new LoadError("not-xlsx");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch {
    throw new LoadError("corrupt");
  }
  if (wb.worksheets.length === 0) throw new LoadError("no-sheets");
  return wb.worksheets.map(worksheetToGrid);
}
