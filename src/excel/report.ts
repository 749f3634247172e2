/**
 * The 核对报告 sheet. A sheet of that name is rewritten only when the add-in wrote it (its
 * worksheet.id is remembered in the document's settings); a sheet of the user's that happens to
 * have the name is never touched: the report goes to 核对报告 (2), (3) … instead. The rows are
 * written in groups that keep each request under the payload limit.
 */
import { ExcelUtilities } from "@microsoft/office-js-helpers";
import { ReportRow } from "../addin/port";
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

  write(title: string, header: string[], rows: ReportRow[]): Promise<string> {
    return run(this.host, "write-failed", title, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      const name = reportSheetName(title, sheets.items.map((s) => ({ name: s.name, id: s.id })), this.ours);
      // Created, or (ours) cleared, by office-js-helpers.
      const ws = await ExcelUtilities.forceCreateSheet(context.workbook, name, true);
      ws.load("id");
      const values = [header, ...rows.map((r) => [r.sheet, r.cell, r.severity, r.problem, r.message, r.fixable ? "✓" : ""])];
      // Each group's request stays under the limit (the text format and the values both travel).
      const groups = byBudget(values.map((_, i) => i), (i) => 2 * bytesOf(values[i]), this.limits.maxRequestBytes);
      await inSequence(groups, async (group) => {
        const range = ws.getRangeByIndexes(group[0], 0, group.length, header.length);
        // Text format first, so that addresses and codes are not read as numbers or dates.
        range.numberFormat = group.map(() => header.map(() => "@"));
        range.values = group.map((i) => values[i]);
        await context.sync();
      });
      ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
      ws.getRangeByIndexes(0, 0, values.length, header.length).format.autofitColumns();
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
}
