/**
 * The 核对报告's layout, in one place for every writer of it: the Office adapter (src/excel/report.ts)
 * and the package editor's report sheet in marked copies (src/xlsx/reportSheet.ts). Pure: rows of
 * eight cells with their number formats and heights, the formats and merges over ranges, and the page
 * setup, all from a `ReportDocument`.
 *
 * Layout (printed on A4 landscape, one page across): the heading; the facts (label, then the value
 * merged across the row); the totals and grades of each evaluation; the problems, whose header row
 * repeats on every printed page. Every row with text gets an explicit height for its wrapped text:
 * Excel does not fit merged cells, and an explicit height also holds where nothing fits rows when the
 * file is opened (WPS, LibreOffice, printing).
 */
import { sheetReference } from "../engine/grid";
import type { ReportDocument } from "./report";

/**
 * Column widths in characters of the default font: 工作表, 单元格, 级别, 问题, 说明 (wrapped), 表中,
 * 应为, 状态. 133 characters ≈ 757 pt: about one A4 landscape page across (fitted to it exactly).
 */
export const REPORT_COLUMNS = [14, 8, 9, 16, 44, 14, 14, 14];
const COLUMNS = REPORT_COLUMNS.length;
/** One line of 11 pt text, with room for CJK glyphs; Excel allows at most 409 pt per row. */
const LINE_HEIGHT = 16;
const MAX_ROW_HEIGHT = 409;
const HEADER_FILL = "#D9E1F2";
const HEADING_HEIGHT = 28;
const HEADING_FONT_SIZE = 16;

/** Width of text in characters of the default font: CJK and full-width forms take two. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return units;
}

/** Lines a wrapped cell `width` characters wide needs for this text. */
export function linesFor(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split("\n").reduce((n, paragraph) => n + Math.max(1, Math.ceil(textUnits(paragraph) / usable)), 0);
}

/** A row's height for its cells (text, width in characters), never above Excel's limit. */
export function rowHeightFor(cells: [string, number][]): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => linesFor(text, width)));
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);
}

const span = (from: number, to: number) => REPORT_COLUMNS.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** The first of "title", "title (2)", … that is free or already a report of ours. */
export function reportSheetName(title: string, sheets: { name: string; id: string }[], ours: ReadonlySet<string>): string {
  const taken = new Map(sheets.map((s) => [s.name.toLowerCase(), s.id]));
  for (let n = 1; ; n++) {
    const name = n === 1 ? title : `${title} (${n})`;
    const id = taken.get(name.toLowerCase());
    if (id === undefined || ours.has(id)) return name;
  }
}

export interface ReportRow {
  /** Eight cells: text, or a date's serial number. */
  values: (string | number)[];
  /** Each cell's number format: "@" (text stays text), or the date's. */
  formats: string[];
  /** Points; none = the default height (an empty row, a one-line heading). */
  height?: number;
  /** The finding's cell, linked from column B. */
  link?: { reference: string; text: string };
}

/** Rows and columns, from 0, inclusive. */
export interface ReportRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Formats over a range, applied in order (a later one adds to an earlier one). */
export interface ReportFormat extends ReportRange {
  /** Merge the range into one cell, or each of its rows into one. */
  merge?: "whole" | "across";
  bold?: boolean;
  fontSize?: number;
  /** "#RRGGBB". */
  fill?: string;
  wrap?: boolean;
  vertical?: "Top";
  horizontal?: "Left";
}

export interface ReportPage {
  orientation: "Landscape";
  paperSize: "A4";
  printGridlines: boolean;
  printArea: ReportRange;
  /** Rows repeated at the top of every printed page. */
  printTitleRows: { top: number; bottom: number };
  /** As many pages across (as many down as needed). */
  fitToPagesWide: number;
}

export interface ReportLayout {
  rows: ReportRow[];
  /** Column widths in characters of the default font. */
  columns: readonly number[];
  formats: ReportFormat[];
  page: ReportPage;
}

/** The report as rows of eight cells, and their formats, merges and page setup. */
export function layOut(report: ReportDocument): ReportLayout {
  const rows: ReportRow[] = [];
  const text = (values: string[]): ReportRow => {
    const padded = [...values, ...Array<string>(COLUMNS).fill("")].slice(0, COLUMNS);
    return { values: padded, formats: padded.map(() => "@") };
  };
  const blank = () => rows.push(text([]));

  rows.push({ ...text([report.heading]), height: HEADING_HEIGHT });
  const factsTop = rows.length;
  for (const fact of report.facts) {
    if (typeof fact.value === "string") {
      rows.push({ ...text([fact.label, fact.value]), height: rowHeightFor([[fact.label, REPORT_COLUMNS[0]], [fact.value, span(1, COLUMNS - 1)]]) });
    } else {
      // A date is a number shown through its format; merged across the row it never shows ####.
      const row = text([fact.label]);
      row.values[1] = fact.value.serial;
      row.formats[1] = fact.value.format;
      rows.push({ ...row, height: rowHeightFor([[fact.label, REPORT_COLUMNS[0]]]) });
    }
  }
  const factsBottom = rows.length - 1;

  let evaluations: { title: number; header: number; bottom: number } | undefined;
  if (report.evaluations.rows.length) {
    blank();
    const title = rows.length;
    rows.push(text([report.evaluations.title]));
    const header = rows.length;
    const [sheet, project, stated, recomputed, result] = report.evaluations.header;
    // Columns: 工作表 | 项目 (B:E merged) | 表中 | 重算 | 结果.
    const inColumns = (a: string, b: string, c: string, d: string, e: string): ReportRow => ({
      ...text([a, b, "", "", "", c, d, e]),
      height: rowHeightFor([[a, REPORT_COLUMNS[0]], [b, span(1, 4)], [c, REPORT_COLUMNS[5]], [d, REPORT_COLUMNS[6]], [e, REPORT_COLUMNS[7]]]),
    });
    rows.push(inColumns(sheet, project, stated, recomputed, result));
    for (const e of report.evaluations.rows) rows.push(inColumns(e.sheet, e.project, e.stated, e.recomputed, e.agreementText));
    evaluations = { title, header, bottom: rows.length - 1 };
  }

  blank();
  const findingsTitle = rows.length;
  rows.push(text([report.findings.title]));
  const findingsHeader = rows.length;
  const inColumns = (values: string[]): ReportRow => ({ ...text(values), height: rowHeightFor(values.map((v, c) => [v, REPORT_COLUMNS[c]])) });
  rows.push(inColumns(report.findings.header));
  for (const f of report.findings.rows) {
    const row = inColumns([f.sheet, f.cell, f.severityText, f.problem, f.explanation, f.stated, f.expected, f.statusText]);
    if (f.link) row.link = { reference: sheetReference(f.link.sheet, f.link.cell), text: f.cell };
    rows.push(row);
  }
  const last = rows.length - 1;

  const across = (top: number, bottom: number, left = 0, right = COLUMNS - 1): ReportRange => ({ top, left, bottom, right });
  const all = across(0, last);
  const formats: ReportFormat[] = [{ ...all, wrap: true, vertical: "Top" }, { ...across(0, 0), merge: "whole", bold: true, fontSize: HEADING_FONT_SIZE }];
  if (factsBottom >= factsTop) formats.push({ ...across(factsTop, factsBottom, 0, 0), bold: true }, { ...across(factsTop, factsBottom, 1), merge: "across", horizontal: "Left" });
  // Section titles run across the row (a one-column cell would wrap them); header rows are bold on a fill.
  const title = (r: number): ReportFormat => ({ ...across(r, r), merge: "whole", bold: true });
  const header = (r: number): ReportFormat => ({ ...across(r, r), bold: true, fill: HEADER_FILL });
  if (evaluations) formats.push(title(evaluations.title), header(evaluations.header), { ...across(evaluations.header, evaluations.bottom, 1, 4), merge: "across" });
  formats.push(title(findingsTitle), header(findingsHeader));

  return {
    rows,
    columns: REPORT_COLUMNS,
    formats,
    page: { orientation: "Landscape", paperSize: "A4", printGridlines: true, printArea: all, printTitleRows: { top: findingsHeader, bottom: findingsHeader }, fitToPagesWide: 1 },
  };
}
