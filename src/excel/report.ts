/**
 * The 核对报告 sheet. A sheet of that name is rewritten only when the add-in wrote it (its
 * worksheet.id is remembered in the document's settings); a sheet of the user's that happens to
 * have the name is never touched: the report goes to 核对报告 (2), (3) … instead.
 *
 * The layout (rows, formats, merges, page setup) is src/addin/reportLayout.ts's, shared with the
 * marked copies' report sheet; here it is written through Office.js. Text is written as text (never
 * parsed), each finding's cell is a hyperlink to it (a document reference, never a HYPERLINK formula).
 * Everything uses ExcelApi ≤ 1.9 (page layout 1.9, hyperlinks 1.7, widths, heights and merges 1.2).
 */
import { ExcelUtilities } from "@microsoft/office-js-helpers";
import type { ReportDocument } from "../addin/report";
import { layOut, ReportLayout, reportSheetName } from "../addin/reportLayout";
import { byBudget, bytesOf, HostLimits, inSequence, OfficeHost, run } from "./host";
import { DocumentSettings, SETTING } from "./settings";

/** How many report sheet ids are remembered (the newest). */
const REMEMBERED_REPORTS = 20;
/** Points per character of Excel's default width (8.43 characters = 48 pt). */
const POINTS_PER_CHAR = 48 / 8.43;

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
        const range = ws.getRangeByIndexes(group[0], 0, group.length, layout.columns.length);
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

  /** Widths, formats, merges and the page setup: queued for one sync. */
  private format(ws: Excel.Worksheet, layout: ReportLayout): void {
    const range = (r: { top: number; left: number; bottom: number; right: number }) => ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
    layout.columns.forEach((chars, c) => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(chars * POINTS_PER_CHAR * 100) / 100));
    for (const f of layout.formats) {
      const target = range(f);
      if (f.merge) target.merge(f.merge === "across");
      if (f.bold) target.format.font.bold = true;
      if (f.fontSize) target.format.font.size = f.fontSize;
      if (f.fill) target.format.fill.color = f.fill;
      if (f.wrap) target.format.wrapText = true;
      if (f.vertical) target.format.verticalAlignment = f.vertical;
      if (f.horizontal) target.format.horizontalAlignment = f.horizontal;
    }
    const { page } = layout;
    const pageLayout = ws.pageLayout;
    pageLayout.orientation = page.orientation;
    pageLayout.paperSize = page.paperSize;
    pageLayout.printGridlines = page.printGridlines;
    pageLayout.setPrintArea(range(page.printArea));
    pageLayout.setPrintTitleRows(`$${page.printTitleRows.top + 1}:$${page.printTitleRows.bottom + 1}`);
    // As many pages down as needed.
    pageLayout.zoom = { horizontalFitToPages: page.fitToPagesWide, verticalFitToPages: 0 };
  }
}
