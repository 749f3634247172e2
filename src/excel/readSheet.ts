/**
 * Reading a sheet as Excel delivers it. One probe sync learns the size of the used range (values
 * only: a formatted cell far below the table does not count) and the calculation mode; in Manual
 * calculation the workbook is fully recalculated before reading, so no stale value is judged. Cells are
 * read in row blocks that keep each response under 4 MB (Excel on the web answers at most 5 MB)
 * and each read under 5,000,000 cells; a block Excel still refuses (ResponsePayloadSizeLimitExceeded,
 * RangeExceedsLimit) is read again in halves. Merged areas are read per block in their own sync:
 * Excel refuses a range with more than 512 of them, so a refused block is split, and a part that
 * still fails is read without merges (and the grid says so). A failed sync delivers nothing.
 */
import { Cell, CellValue, MemoryGrid, MergeArea } from "../engine";
import { PortError, ReadGap, SheetGrid } from "../addin/port";
import { errorCode, HostLimits, isNull, OfficeHost, run, supports } from "./host";

/** Errors that mean "ask for less at once". */
const TOO_LARGE = ["ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"];

class HostGrid extends MemoryGrid {
  constructor(
    sheetName: string,
    rows: (Cell | undefined)[][],
    merges: MergeArea[],
    readonly readGaps: ReadGap[],
  ) {
    super(sheetName, rows, merges);
  }
}

/** One cell as the engine reads it; undefined for an empty cell. */
function cellOf(value: unknown, type: string, formula: unknown, numberFormat: unknown): Cell | undefined {
  // Text typed as '=1年 comes back from .formulas as "=1年" too: a formula's value differs from its text.
  const isFormula = typeof formula === "string" && formula.length > 1 && formula.startsWith("=") && !(type === "String" && formula === value);
  if ((type === "Empty" || value === "" || value === null) && !isFormula) return undefined;
  let v: CellValue;
  if (type === "Error") v = { error: String(value) };
  // Excel always calculates: a formula showing nothing (=IF(F19="","",G19)) holds an empty text,
  // not a missing result (null is how the xlsx reader says a formula was never calculated).
  else if (value === null || value === undefined) v = isFormula ? "" : null;
  else v = value as CellValue;
  const cell: Cell = { value: v };
  if (isFormula) cell.formula = formula as string;
  if (typeof numberFormat === "string" && numberFormat !== "General") cell.numFmt = numberFormat;
  return cell;
}

export function readSheet(host: OfficeHost, limits: HostLimits, name?: string): Promise<SheetGrid> {
  return run(host, "read-failed", name, async (context) => {
    const ws = name === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const app = supports(host, "1.8") ? context.workbook.application : undefined;
    app?.load("calculationMode");
    await context.sync(); // probe
    if (isNull(ws)) throw new PortError("no-sheet", `no sheet ${name}`, name);
    const gaps: ReadGap[] = [];
    if (app && app.calculationMode === "Manual") {
      // A full recalculation (Ctrl+Alt+F9): F9 would leave values Excel does not know to be stale,
      // such as a file's results from another program. Runs before the first block is read.
      context.workbook.application.calculate("Full");
      gaps.push("recalculated");
    }
    if (isNull(used)) {
      if (gaps.length) await context.sync();
      return new HostGrid(ws.name, [], [], gaps);
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = used;
    const perRow = columnCount * limits.bytesPerCell;
    const rowsPerBlock = Math.max(1, Math.min(rowCount, Math.floor(limits.maxResponseBytes / perRow), Math.floor(limits.maxCells / columnCount)));
    const readMerges = supports(host, "1.13");
    const minMergeRows = Math.max(8, Math.ceil(rowCount / 64));
    let mergeRows = rowsPerBlock;

    const rows: (Cell | undefined)[][] = [];
    const merges: MergeArea[] = [];
    const readBlock = async (start: number, count: number): Promise<void> => {
      const block = ws.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount);
      block.load("values,valueTypes,formulas,numberFormat");
      try {
        await context.sync();
      } catch (e) {
        // Long texts can make a block larger than estimated: read it again in halves.
        if (TOO_LARGE.includes(errorCode(e) ?? "") && count > 1) {
          const half = Math.ceil(count / 2);
          await readBlock(start, half);
          return readBlock(start + half, count - half);
        }
        throw e;
      }
      const { values, valueTypes, formulas, numberFormat } = block;
      for (let r = 0; r < count; r++) {
        const out: (Cell | undefined)[] = [];
        for (let c = 0; c < columnCount; c++) {
          const cell = cellOf(values[r][c], String(valueTypes[r][c]), formulas[r][c], numberFormat[r][c]);
          if (cell) out[columnIndex + c] = cell;
        }
        rows[rowIndex + start + r] = out;
      }
    };
    /** Merged areas whose top-left cell lies in these rows (#3611: that is what Excel returns). */
    const readMergesOf = async (start: number, count: number): Promise<void> => {
      const areas = ws.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount).getMergedAreasOrNullObject();
      areas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
      try {
        await context.sync();
      } catch (e) {
        if (errorCode(e) === "InvalidOperationInCellEditMode") throw e;
        // More than 512 merged areas (or another refusal): ask for fewer rows, down to a floor that
        // bounds the syncs a sheet can cost, and go on without the merges of a part still refused.
        if (count > minMergeRows) {
          const half = Math.ceil(count / 2);
          mergeRows = Math.min(mergeRows, half);
          await readMergesOf(start, half);
          return readMergesOf(start + half, count - half);
        }
        if (!gaps.includes("merges")) gaps.push("merges");
        return;
      }
      if (isNull(areas)) return;
      for (const a of areas.areas.items) merges.push({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 });
    };
    /** A block's merges in pieces of the size that last worked (a dense sheet does not fail every block first). */
    const readBlockMerges = async (start: number, count: number): Promise<void> => {
      if (count <= 0) return;
      const n = Math.min(mergeRows, count);
      await readMergesOf(start, n);
      return readBlockMerges(start + n, count - n);
    };
    // One block per sync (and its merges in the next); each block stays under the response limit.
    const starts = Array.from({ length: Math.ceil(rowCount / rowsPerBlock) }, (_, i) => i * rowsPerBlock);
    await starts.reduce(
      (chain, start) =>
        chain.then(async () => {
          const count = Math.min(rowsPerBlock, rowCount - start);
          await readBlock(start, count);
          if (readMerges) await readBlockMerges(start, count);
        }),
      Promise.resolve(),
    );
    return new HostGrid(ws.name, rows, merges, gaps);
  });
}
