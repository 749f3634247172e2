/**
 * An .xlsx (the bundled sample, or a file dropped on the page) → the playground's in-browser Excel,
 * kept as Excel keeps it: text stays text ("100%" typed as text is not a number), numbers keep their
 * number formats, dates are serial numbers with their date formats (zh-CN Excel's built-in ones
 * included, src/xlsx/builtinFormats.ts), formulas show the results the
 * file saved (as Excel does for a workbook it last saved), and the sheets' visibility, protection,
 * own fills and notes come along.
 */
import ExcelJS from "exceljs";
import { Cell, CellValue, MemoryGrid } from "../engine";
import { Session } from "../addin/session";
import { OfficeAdapter, OfficeHost } from "../excel/officeAdapter";
import { createFakeOffice, FakeOffice, Fill, key, Visibility, WorkbookModel } from "../fake-excel";
import { withZhCnDateFormats } from "../xlsx/builtinFormats";
import { mergesOf } from "../xlsx/worksheetToGrid";
import { LoadError } from "./loadError";

export { LoadError, type LoadFailure } from "./loadError";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Excel's default (Office) theme colours by theme index: lt1, dk1, lt2, dk2, accent 1–6. */
const THEME = ["#FFFFFF", "#000000", "#E7E6E6", "#44546A", "#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
const PATTERNS: Record<string, string> = {
  solid: "Solid",
  darkGray: "Gray75",
  mediumGray: "Gray50",
  lightGray: "Gray25",
  gray125: "Gray16",
  gray0625: "Gray8",
  darkHorizontal: "Horizontal",
  darkVertical: "Vertical",
  darkDown: "Down",
  darkUp: "Up",
  darkGrid: "Checker",
  darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  lightGrid: "Grid",
  lightTrellis: "CrissCross",
};

/** Days since 1899-12-30 (ExcelJS turns date serials into UTC dates). */
const serialOf = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function colour(c: Partial<ExcelJS.Color> & { theme?: number; tint?: number } | undefined): { color: string; tint: number } | undefined {
  if (!c) return undefined;
  if (c.argb) return { color: `#${c.argb.slice(-6).toUpperCase()}`, tint: 0 };
  if (c.theme !== undefined && THEME[c.theme]) return { color: THEME[c.theme], tint: c.tint ?? 0 };
  return undefined;
}

function fillOf(fill: ExcelJS.Fill | undefined): Fill | undefined {
  if (!fill) return undefined;
  if (fill.type === "gradient") {
    const stops = fill.stops ?? [];
    return {
      color: colour(stops[0]?.color)?.color ?? "#FFFFFF",
      pattern: fill.gradient === "path" ? "RectangularGradient" : "LinearGradient",
      patternColor: colour(stops[stops.length - 1]?.color)?.color ?? "#FFFFFF",
      tintAndShade: 0,
      patternTintAndShade: 0,
    };
  }
  const pattern = PATTERNS[fill.pattern];
  if (!pattern) return undefined;
  // A solid fill's colour is the foreground; a pattern's background shows between its lines.
  const main = colour((pattern === "Solid" ? fill.fgColor : fill.bgColor ?? fill.fgColor) as never);
  const lines = colour((pattern === "Solid" ? undefined : fill.fgColor) as never);
  if (!main) return undefined;
  return { color: main.color, pattern, patternColor: lines?.color ?? "#000000", tintAndShade: main.tint, patternTintAndShade: lines?.tint ?? 0 };
}

/** A cell value as Excel holds it; formulas carry the result the file saved (null: none saved). */
function valueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOf(v);
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("text" in v && "hyperlink" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

function noteOf(note: ExcelJS.Cell["note"]): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function addSheet(model: WorkbookModel, ws: ExcelJS.Worksheet): void {
  const rows: (Cell | undefined)[][] = [];
  const fills: [number, number, Fill][] = [];
  const notes: [number, number, string][] = [];
  const unlocked: [number, number][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const fill = fillOf(cell.fill);
      if (fill) fills.push([r, c, fill]);
      const note = noteOf(cell.note);
      if (note) notes.push([r, c, note]);
      if (cell.protection?.locked === false) unlocked.push([r, c]);
      // Only a merged area's top-left cell holds its value.
      if (cell.isMerged && cell.master !== cell) return;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      const value = isFormula ? valueOf((cell.result ?? null) as ExcelJS.CellValue) : valueOf(cell.value);
      const formula = isFormula ? `=${cell.formula ?? ""}` : undefined;
      if (value === null && !formula && !cell.numFmt) return;
      const out1: Cell = { value };
      if (formula) out1.formula = formula;
      if (cell.numFmt) out1.numFmt = cell.numFmt;
      out[c] = out1;
    });
    rows[rowNumber - 1] = out;
  });
  const merges = mergesOf(ws);
  // A cell with only a number format and no value is a formatted empty cell, as in Excel.
  const withValues = rows.map((row) => row?.map((cell) => (cell && cell.value === null && !cell.formula ? undefined : cell)));
  const sheet = model.addGrid(new MemoryGrid(ws.name, withValues, merges));
  rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell && cell.value === null && !cell.formula && cell.numFmt) sheet.formats.set(key(r, c), cell.numFmt);
    }),
  );
  for (const [r, c, fill] of fills) sheet.fills.set(key(r, c), fill);
  for (const [r, c, note] of notes) sheet.notes.set(key(r, c), note);
  for (const [r, c] of unlocked) sheet.unlocked.add(key(r, c));
  const states: Record<string, Visibility> = { hidden: "Hidden", veryHidden: "VeryHidden" };
  sheet.visibility = states[ws.state] ?? "Visible";
  sheet.protected = !!(ws as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
}

export async function workbookFromXlsx(data: ArrayBuffer): Promise<WorkbookModel> {
  const head = new Uint8Array(data.slice(0, 8));
  // A password-protected workbook (or an old .xls) is an OLE compound file, not a zip.
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw new LoadError("encrypted");
  if (!startsWith(head, [0x50, 0x4b])) throw new LoadError("not-xlsx");
  const wb = new ExcelJS.Workbook();
  try {
    // Dates saved by Chinese Excel name their format by a built-in id that ExcelJS does not know.
    await wb.xlsx.load(await withZhCnDateFormats(data));
  } catch {
    throw new LoadError("corrupt");
  }
  if (wb.worksheets.length === 0) throw new LoadError("no-sheets");
  const model = new WorkbookModel();
  for (const ws of wb.worksheets) addSheet(model, ws);
  // The active sheet is the first visible one (a hidden sheet is never shown).
  model.active = Math.max(0, model.sheets.findIndex((s) => s.visibility === "Visible"));
  return model;
}

/** A workbook opened in the playground: the in-browser Excel, the fake Office over it, and the pane's session on the real adapter. */
export interface OpenWorkbook {
  model: WorkbookModel;
  fake: FakeOffice;
  session: Session;
}

export async function openWorkbook(data: ArrayBuffer, options: { displayLanguage?: string; syncDelayMs?: number } = {}): Promise<OpenWorkbook> {
  const model = await workbookFromXlsx(data);
  const fake = createFakeOffice(model, options);
  // office-js-helpers (the report sheet) reads the global Office, as it would in Excel.
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return { model, fake, session: new Session(new OfficeAdapter(fake as unknown as OfficeHost)) };
}
