/**
 * Writing fixes, and the add-in's own undo (Excel's undo does not cover add-ins). Excel parses what
 * it is given like typing ("97.59%" becomes a number, "-" or "=…" a formula), so text is written
 * back as text: behind a ' where Excel would read it otherwise, or as is into a Text ("@") cell.
 * A formula written into a Text cell would stay text, so such a cell gets the General format first.
 *
 * A fix plan is one batch (two syncs: load what is overwritten, then write), split only when it
 * would pass the request limit (5 MB on the web). A batch is not a transaction: if a sync fails,
 * what was written is put back. Undo puts back only cells still holding what the fix wrote; a cell
 * the user changed since is left as it is and named. The sheet is found by its id, so a rename in
 * between does not matter. In Manual calculation the workbook is recalculated after writing.
 */
import { a1, Fix, parseA1 } from "../engine";
import { PortError, UndoOutcome } from "../addin/port";
import { byBudget, bytesOf, HostLimits, inSequence, isNull, loadProtection, OfficeHost, run, supports } from "./host";

/** What a cell held, read with formulas, values, valueTypes and numberFormat. */
export interface CellContent {
  formula: unknown;
  value: unknown;
  type: string;
  numberFormat: string;
}

interface UndoCell {
  address: string;
  before: CellContent;
  /** What the cell held right after the fix (as Excel stores it). */
  wrote: { formula: unknown; numberFormat: string };
  /**
   * What its row held left of it right after the fix (labels, targets, achievements; see rowContext): a relative formula
   * shifted by an inserted row looks like what was written, its row's labels do not.
   */
  rowBefore?: string;
}

export interface UndoRecord {
  sheetId: string;
  sheetName: string;
  cells: UndoCell[];
}

/** Text that Excel would not take as text when typed: a formula sign, a quote, digits (numbers, dates, percentages), TRUE/FALSE, an error name. */
function mayParse(text: string): boolean {
  return /^[=+\-'@#]/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** The input that makes Excel store this text as text in a cell of this number format. */
export function asText(text: string, numberFormat: string): string {
  return numberFormat !== "@" && mayParse(text) ? `'${text}` : text;
}

const isFormulaContent = (c: Pick<CellContent, "formula" | "value" | "type">) =>
  typeof c.formula === "string" && c.formula.length > 1 && c.formula.startsWith("=") && !(c.type === "String" && c.formula === c.value);

/** The input that puts back exactly what the cell held (with its number format already restored). */
export function restoreInput(c: CellContent): unknown {
  if (isFormulaContent(c)) return c.formula;
  switch (c.type) {
    case "Empty":
      return "";
    case "String":
      return asText(String(c.value), c.numberFormat);
    case "Error":
      // A typed error value (#N/A) is parsed back into the error.
      return String(c.value);
    default:
      return c.value;
  }
}

function fixInput(f: Fix, numberFormat: string): unknown {
  if (f.formula) return f.formula;
  if (typeof f.value === "string") return asText(f.value, f.numFmt ?? numberFormat);
  return f.value ?? "";
}

/** A range's load, as it travels in a request (object path and property names): an estimate. */
const LOAD_BYTES = 300;

/** Queue loads in groups whose requests stay under the limit, one sync per group (one for an ordinary plan). */
async function loadInGroups<T, R>(context: Excel.RequestContext, items: T[], limits: HostLimits, load: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  await inSequence(byBudget(items, () => LOAD_BYTES, limits.maxRequestBytes), async (group) => {
    out.push(...group.map(load));
    await context.sync();
  });
  return out;
}

function loadContent(range: Excel.Range): Excel.Range {
  range.load("formulas,values,valueTypes,numberFormat");
  return range;
}

function contentOf(range: Excel.Range): CellContent {
  return { formula: range.formulas[0][0], value: range.values[0][0], type: String(range.valueTypes[0][0]), numberFormat: String(range.numberFormat[0][0]) };
}

function manualCalculation(host: OfficeHost, context: Excel.RequestContext): Excel.Application | undefined {
  if (!supports(host, "1.8")) return undefined;
  const app = context.workbook.application;
  app.load("calculationMode");
  return app;
}

/** Write the fixes; returns what undo needs. Throws PortError ("protected", "no-sheet", "write-failed"). */
export function applyFixes(host: OfficeHost, limits: HostLimits, sheet: string, fixes: Fix[]): Promise<UndoRecord | undefined> {
  if (fixes.length === 0) return Promise.resolve(undefined);
  return run(host, "write-failed", sheet, async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    const protection = loadProtection(ws);
    ws.load("name,id");
    const app = manualCalculation(host, context);
    const ranges = await loadInGroups(context, fixes, limits, (f) => loadContent(ws.getRange(f.cell)));
    if (isNull(ws)) throw new PortError("no-sheet", `no sheet ${sheet}`, sheet);
    // A protected sheet: a clear message, and nothing written.
    if (protection.protected) throw new PortError("protected", `sheet ${sheet} is protected`, sheet);
    const before = ranges.map(contentOf);
    const items = fixes.map((f, i) => ({ fix: f, range: ranges[i], before: before[i] }));
    const written: typeof items = [];
    const after = new Map<Excel.Range, Excel.Range>();
    const rowAfter = new Map<Excel.Range, Excel.Range>();
    try {
      await inSequence(byBudget(items, (it) => bytesOf(it.fix.formula ?? it.fix.value) + bytesOf(it.fix.numFmt), limits.maxRequestBytes), async (group) => {
        for (const { fix, range, before: b } of group) {
          const format = fix.numFmt ?? (fix.formula && b.numberFormat === "@" ? "General" : undefined);
          if (format) range.numberFormat = [[format]];
          range.formulas = [[fixInput(fix, format ?? b.numberFormat)]];
          written.push({ fix, range, before: b });
          const check = ws.getRange(fix.cell);
          check.load("formulas,numberFormat");
          after.set(range, check);
          const row = rowLeftOf(ws, fix.cell);
          if (row) rowAfter.set(range, row);
        }
        await context.sync();
      });
    } catch (e) {
      // A batch is not a transaction: put back whatever part of it was written, then say so.
      await restore(context, limits, written.map((w) => ({ range: w.range, content: w.before }))).catch(() => undefined);
      throw new PortError("write-failed", e instanceof Error ? e.message : String(e), sheet);
    }
    if (app?.calculationMode === "Manual") {
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    }
    const writtenCols = columnsByRow(fixes.map((f) => f.cell));
    return {
      sheetId: ws.id,
      sheetName: ws.name,
      cells: items.map(({ fix, range, before: b }) => {
        const check = after.get(range)!;
        const row = rowAfter.get(range);
        return { address: fix.cell, before: b, wrote: { formula: check.formulas[0][0], numberFormat: String(check.numberFormat[0][0]) }, rowBefore: row && rowContext(row, fix.cell, writtenCols) };
      }),
    };
  });
}

/**
 * Put contents back: the number format first (unless the cell keeps the one it has now, which is
 * then the content's numberFormat), so that text lands as text.
 */
function restore(context: Excel.RequestContext, limits: HostLimits, cells: { range: Excel.Range; content: CellContent; setFormat?: boolean }[]): Promise<void> {
  return inSequence(byBudget(cells, (c) => bytesOf(c.content.formula) + bytesOf(c.content.numberFormat), limits.maxRequestBytes), async (group) => {
    for (const { range, content, setFormat = true } of group) {
      if (setFormat) range.numberFormat = [[content.numberFormat]];
      range.formulas = [[restoreInput(content)]];
    }
    await context.sync();
  });
}

/** The cells of a cell's row left of it (A14:G14 for H14), loaded with formulas; none for column A. */
function rowLeftOf(ws: Excel.Worksheet, address: string): Excel.Range | undefined {
  const { row, col } = parseA1(address);
  if (col === 0) return undefined;
  const range = ws.getRange(`${a1(row, 0)}:${a1(row, col - 1)}`);
  range.load("formulas");
  return range;
}

/** The written cells' columns, by row. */
function columnsByRow(cells: string[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const { row, col } of cells.map(parseA1)) (out.get(row) ?? out.set(row, new Set()).get(row)!).add(col);
  return out;
}

/** A row's cells left of a written cell, as JSON, the fix's other written cells blanked (the user may change those; undo judges them itself). */
function rowContext(row: Excel.Range, address: string, writtenCols: Map<number, Set<number>>): string {
  const blank = writtenCols.get(parseA1(address).row);
  return JSON.stringify(row.formulas[0].map((f, c) => (blank?.has(c) ? null : f)));
}

/** Undo a fix: cells still holding what it wrote get their old content back; the others are named. */
export function undoFix(host: OfficeHost, limits: HostLimits, record: UndoRecord): Promise<UndoOutcome> {
  return run(host, "write-failed", record.sheetName, async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(record.sheetId);
    const protection = loadProtection(ws);
    ws.load("name");
    const app = manualCalculation(host, context);
    const loaded = await loadInGroups(context, record.cells, limits, (c) => {
      const range = ws.getRange(c.address);
      range.load("formulas,numberFormat");
      return { range, row: rowLeftOf(ws, c.address) };
    });
    const ranges = loaded.map((l) => l.range);
    if (isNull(ws)) throw new PortError("no-sheet", `no sheet ${record.sheetName}`, record.sheetName);
    // (loadInGroups has synced: the lint rule cannot see through the helper.)
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    const name = ws.name;
    if (protection.protected) throw new PortError("protected", `sheet ${name} is protected`, name);
    const left: string[] = [];
    const back: { range: Excel.Range; content: CellContent; setFormat: boolean }[] = [];
    // A cell whose row no longer holds what it held: rows or columns moved under it (or the user rewrote the row).
    const writtenCols = columnsByRow(record.cells.map((c) => c.address));
    const moved = record.cells.map((c, i) => c.rowBefore !== undefined && (!loaded[i].row || rowContext(loaded[i].row!, c.address, writtenCols) !== c.rowBefore));
    if (moved.every(Boolean)) return { sheet: name, left: [], moved: true };
    record.cells.forEach((c, i) => {
      const now = ranges[i];
      const formatNow = String(now.numberFormat[0][0]);
      // Changed by the user since the fix: left as it is.
      if (now.formulas[0][0] !== c.wrote.formula || moved[i]) left.push(c.address);
      // A number format the user changed since stays; the content lands as text in it all the same.
      else if (formatNow === c.wrote.numberFormat) back.push({ range: now, content: c.before, setFormat: true });
      else back.push({ range: now, content: { ...c.before, numberFormat: formatNow }, setFormat: false });
    });
    await restore(context, limits, back);
    if (app?.calculationMode === "Manual") {
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    }
    return { sheet: name, left };
  });
}
