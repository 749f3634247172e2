/** A workbook file → engine grids, as the CLI reads it (tests and scripts use this too). */
import { MemoryGrid } from "../engine/grid";
import { readXlsx } from "../xlsx/readXlsx";
import { readInputFile } from "./files";

export async function readWorkbook(path: string): Promise<{ grids: MemoryGrid[]; buffer: Buffer }> {
  const buffer = await readInputFile(path);
  return { grids: (await readXlsx(buffer)).grids, buffer };
}
