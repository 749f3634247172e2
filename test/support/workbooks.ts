/** Build .xlsx files from sheet specs for CLI and add-in tests. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { addToWorkbook, SheetSpec } from "../fixtures/sheetSpec";
import { main } from "../../src/cli/main";

export function tempDir(prefix = "selfeval-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function writeWorkbook(file: string, specs: SheetSpec[], decorate?: (ws: ExcelJS.Worksheet, spec: SheetSpec) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const spec of specs) {
    const ws = addToWorkbook(wb, spec);
    decorate?.(ws, spec);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
