/**
 * The 核对报告 sheet. A sheet of that name is rewritten only when the add-in wrote it (its
 * worksheet.id is remembered in the document's settings); a sheet of the user's that happens to
 * have the name is never touched: the report goes to 核对报告 (2), (3) … instead.
 *
 * Layout (eight columns, printed on A4 landscape, one page across): the heading; the facts (label,
 * then the value merged across the row); the totals and grades of each evaluation; the problems, whose
 * header row repeats on every printed page. Text is written as text (never parsed), each finding's
 * cell is a hyperlink to it (a document reference, never a HYPERLINK formula). Every row with text
 * gets an explicit height for its wrapped text: Excel does not fit merged cells, and an explicit
 * height also holds where nothing fits rows when the file is opened (WPS, LibreOffice, printing).
 * Everything uses ExcelApi ≤ 1.9 (page layout 1.9, hyperlinks 1.7, widths, heights and merges 1.2).
 */
import { ExcelUtilities } from "@microsoft/office-js-helpers";
import type { ReportDocument } from "../addin/report";
import { byBudget, bytesOf, HostLimits, inSequence, OfficeHost, run } from "./host";
import { DocumentSettings, SETTING } from "./settings";

/** How many report sheet ids are remembered (the newest). */
const REMEMBERED_REPORTS = 20;

/** The first of "title", "title (2)", … that is free or already a report of ours. */
export function reportSheetName(title: string, sheets: { name: string; id: string }[], ours: Set<string>): string {
  const taken = new Map(sheets.map((s) => [s.name, s.id]));
  for (let n = 1; ; n++) {
    const name = n === 1 ? title : `${title} (${n})`;
    const id = taken.get(name);
    if (id === undefined || ours.has(id)) return name;
  }
}

/**
 * Column widths in characters of the default font: 工作表, 单元格, 级别, 问题, 说明 (wrapped), 表中,
 * 应为, 状态. 133 characters ≈ 757 pt: about one A4 landscape page across (fitted to it exactly).
 */
export const REPORT_COLUMNS = [14, 8, 9, 16, 44, 14, 14, 14];
const COLUMNS = REPORT_COLUMNS.length;
/** Points per character of Excel's default width (8.43 characters = 48 pt). */
const POINTS_PER_CHAR = 48 / 8.43;
/** One line of 11 pt text, with room for CJK glyphs; Excel allows at most 409 pt per row. */
const LINE_HEIGHT = 16;
const MAX_ROW_HEIGHT = 409;
const HEADER_FILL = "#D9E1F2";
const HEADING_HEIGHT = 28;

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

interface SheetRow {
  values: (string | number)[];
  formats: string[];
  /** Points; none = Excel's default height (an empty row, a one-line heading). */
  height?: number;
  /** The finding's cell, linked from column B. */
  link?: { reference: string; text: string };
}

/** "'My sheet'!B3": a sheet name is always quoted, quotes in it doubled (a reference, not a formula). */
export function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The report as rows of eight cells, and where each part lies. */
export function layOut(report: ReportDocument) {
  const rows: SheetRow[] = [];
  const text = (values: string[]): SheetRow => {
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
    const inColumns = (a: string, b: string, c: string, d: string, e: string): SheetRow => ({
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
  const inColumns = (values: string[]): SheetRow => ({ ...text(values), height: rowHeightFor(values.map((v, c) => [v, REPORT_COLUMNS[c]])) });
  rows.push(inColumns(report.findings.header));
  for (const f of report.findings.rows) {
    const row = inColumns([f.sheet, f.cell, f.severityText, f.problem, f.explanation, f.stated, f.expected, f.statusText]);
    if (f.link) row.link = { reference: documentReference(f.link.sheet, f.link.cell), text: f.cell };
    rows.push(row);
  }
  return { rows, factsTop, factsBottom, evaluations, findingsTitle, findingsHeader, last: rows.length - 1 };
}

export class ReportSheets {
  /** Ids of the report sheets this add-in wrote (from the settings, and this session's). */
  private readonly ours: Set<string>;

  constructor(
    private readonly host: OfficeHost,
    private readonly settings: DocumentSettings,
    private readonly limits: HostLimits,
  ) {
    const saved = settings.get(SETTING.reports);
    this.ours = new Set(Array.isArray(saved) ? saved.filter((x): x is string => typeof x === "string") : []);
  }

  isOurs(id: string): boolean {
    return this.ours.has(id);
  }

  write(report: ReportDocument): Promise<string> {
    return run(this.host, "write-failed", report.sheetName, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      const name = reportSheetName(report.sheetName, sheets.items.map((s) => ({ name: s.name, id: s.id })), this.ours);
      // Created, or (ours) cleared, by office-js-helpers.
      const ws = await ExcelUtilities.forceCreateSheet(context.workbook, name, true);
      ws.load("id");
      const layout = layOut(report);
      const { rows } = layout;
      // Contents in groups that keep each request under the limit (text format, values and links all travel).
      const groups = byBudget(rows.map((_, i) => i), (i) => 2 * bytesOf(rows[i].values) + (rows[i].link ? bytesOf(rows[i].link) : 0) + 100, this.limits.maxRequestBytes);
      await inSequence(groups, async (group) => {
        const range = ws.getRangeByIndexes(group[0], 0, group.length, COLUMNS);
        // Text format first, so that addresses, messages and "=…" stay text.
        range.numberFormat = group.map((i) => rows[i].formats);
        range.values = group.map((i) => rows[i].values);
        for (const i of group) {
          const link = rows[i].link;
          if (link) ws.getRangeByIndexes(i, 1, 1, 1).hyperlink = { documentReference: link.reference, textToDisplay: link.text };
        }
        // Rows of one height together: one request each.
        for (let i = 0; i < group.length; ) {
          let j = i;
          while (j + 1 < group.length && rows[group[j + 1]].height === rows[group[i]].height) j++;
          const height = rows[group[i]].height;
          if (height !== undefined) ws.getRangeByIndexes(group[i], 0, j - i + 1, 1).format.rowHeight = height;
          i = j + 1;
        }
        await context.sync();
      });
      this.format(ws, layout);
      ws.activate();
      await context.sync();
      this.ours.add(ws.id);
      return name;
    }).then(async (name) => {
      // Remembering the sheet is a convenience: if the settings cannot be saved, the next report goes to (2).
      if (this.settings.set(SETTING.reports, [...this.ours].slice(-REMEMBERED_REPORTS))) await this.settings.save().catch(() => undefined);
      return name;
    });
  }

  /** Widths, merges, headings and the page setup: queued for one sync. */
  private format(ws: Excel.Worksheet, layout: ReturnType<typeof layOut>): void {
    const { factsTop, factsBottom, evaluations, findingsTitle, findingsHeader, last } = layout;
    const rows = (top: number, bottom: number, left = 0, right = COLUMNS - 1) => ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
    REPORT_COLUMNS.forEach((chars, c) => (rows(0, 0, c, c).format.columnWidth = Math.round(chars * POINTS_PER_CHAR * 100) / 100));
    const all = rows(0, last);
    all.format.verticalAlignment = "Top";
    all.format.wrapText = true;

    const heading = rows(0, 0);
    heading.merge();
    heading.format.font.bold = true;
    heading.format.font.size = 16;

    if (factsBottom >= factsTop) {
      rows(factsTop, factsBottom, 0, 0).format.font.bold = true;
      const values = rows(factsTop, factsBottom, 1);
      values.merge(true);
      values.format.horizontalAlignment = "Left";
    }

    const header = (r: number) => {
      const range = rows(r, r);
      range.format.font.bold = true;
      range.format.fill.color = HEADER_FILL;
    };
    // Section titles run across the row (a one-column cell would wrap them).
    const title = (r: number) => {
      const range = rows(r, r);
      range.merge();
      range.format.font.bold = true;
    };
    if (evaluations) {
      title(evaluations.title);
      header(evaluations.header);
      rows(evaluations.header, evaluations.bottom, 1, 4).merge(true);
    }
    title(findingsTitle);
    header(findingsHeader);

    const page = ws.pageLayout;
    page.orientation = "Landscape";
    page.paperSize = "A4";
    page.printGridlines = true;
    page.setPrintArea(all);
    page.setPrintTitleRows(`$${findingsHeader + 1}:$${findingsHeader + 1}`);
    // One page across, as many down as needed.
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}
