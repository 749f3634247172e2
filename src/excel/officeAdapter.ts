/**
 * The Office adapter: the one module that touches Excel.* (and Office.*). It implements the
 * WorkbookPort the task pane and the ribbon commands use.
 *
 * Sync budget: reading an ordinary sheet is one size probe plus one read; a sheet whose response
 * would pass 4 MB (Excel on the web answers at most 5 MB) or 5,000,000 cells is read in row blocks,
 * one block per sync. Highlighting, clearing and writing are two syncs each (load what will be
 * overwritten, then write), never one per cell.
 */
import { ExcelUtilities } from "@microsoft/office-js-helpers";
import { Cell, Fix, Grid, isProfileId, MemoryGrid, MergeArea, parseA1, ProfileId } from "../engine";
import { Capabilities, Mark, PortError, ReportRow, WorkbookPort } from "../addin/port";

/** What the adapter needs of the host: Excel.run and Office.context (the real ones, or a fake). */
export interface OfficeHost {
  Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  Office: {
    context: {
      displayLanguage?: string;
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
      document?: { settings: { get(name: string): unknown; set(name: string, value: unknown): void; saveAsync(callback?: (result: unknown) => void): void } };
    };
  };
}

export interface ReadLimits {
  /** Largest response to ask for in one sync. */
  maxResponseBytes: number;
  /** Largest number of cells to ask for in one sync. */
  maxCells: number;
  /** Estimated response bytes per cell (value + formula + number format, JSON). */
  bytesPerCell: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxResponseBytes: 4_000_000, maxCells: 5_000_000, bytesPerCell: 100 };

/** Fill colours of the marks: Excel's own "Bad" red and "Neutral" amber. */
export const MARK_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

interface FillRecord {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

interface MarkRecord {
  fill: FillRecord;
  /** The note we added (removed on clear only if it still says what we wrote). */
  note?: string;
}

interface UndoRecord {
  sheet: string;
  cells: { address: string; formula: unknown; numberFormat: string; fill: FillRecord }[];
}

const SETTINGS = { profile: "selfeval.profile", marks: "selfeval.marks" };
/** The sheet's protection, loaded: read `.protected` after the next sync. */
function loadProtection(ws: Excel.Worksheet): Excel.WorksheetProtection {
  const protection = ws.protection;
  protection.load("protected");
  return protection;
}

/** Everything that makes a fill, so that it can be put back exactly. */
function loadFill(range: Excel.Range): Excel.RangeFill {
  const fill = range.format.fill;
  fill.load("color,pattern,patternColor,tintAndShade,patternTintAndShade");
  return fill;
}

/** Only a literal true means missing (mocks that do not model null objects answer with other values). */
const isNull = (o: { isNullObject: boolean }) => o.isNullObject === true;

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class OfficeAdapter implements WorkbookPort {
  private readonly marks: Record<string, Record<string, MarkRecord>>;
  private undoRecord: UndoRecord | undefined;

  constructor(
    private readonly host: OfficeHost = { Excel: (globalThis as { Excel?: OfficeHost["Excel"] }).Excel!, Office: (globalThis as { Office?: OfficeHost["Office"] }).Office! },
    private readonly limits: ReadLimits = DEFAULT_LIMITS,
  ) {
    // Marks survive a reload of the pane: their original fills are kept in the document's settings.
    const saved = this.settings()?.get(SETTINGS.marks);
    this.marks = saved && typeof saved === "object" ? (saved as OfficeAdapter["marks"]) : {};
  }

  private settings() {
    return this.host.Office.context.document?.settings;
  }

  private async saveSettings(): Promise<void> {
    const settings = this.settings();
    if (!settings) return;
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
  }

  capabilities(): Capabilities {
    const req = this.host.Office.context.requirements;
    return { notes: req.isSetSupported("ExcelApi", "1.18"), mergedAreas: req.isSetSupported("ExcelApi", "1.13") };
  }

  displayLanguage(): string {
    return this.host.Office.context.displayLanguage ?? "zh-CN";
  }

  activeSheetName(): Promise<string> {
    return this.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  sheetNames(): Promise<string[]> {
    return this.host.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  private sheet(context: Excel.RequestContext, name?: string): Excel.Worksheet {
    return name === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItemOrNullObject(name);
  }

  readSheet(name?: string): Promise<Grid> {
    return this.host.Excel.run(async (context) => {
      const ws = this.sheet(context, name);
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject();
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync(); // size probe
      if (isNull(ws)) throw new PortError("no-sheet", `no sheet ${name}`, name);
      if (isNull(used)) return new MemoryGrid(ws.name, []);
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      const perRow = columnCount * this.limits.bytesPerCell;
      const rowsPerBlock = Math.max(1, Math.min(rowCount, Math.floor(this.limits.maxResponseBytes / perRow), Math.floor(this.limits.maxCells / columnCount)));
      const merges = this.capabilities().mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
      merges?.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");

      const rows: (Cell | undefined)[][] = [];
      const readBlock = async (start: number, count: number): Promise<void> => {
        const block = ws.getRangeByIndexes(rowIndex + start, columnIndex, count, columnCount);
        block.load("values,formulas,numberFormat");
        try {
          await context.sync();
        } catch (e) {
          // Long texts can make a block larger than estimated: read it again in halves.
          if ((e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded" && count > 1) {
            const half = Math.ceil(count / 2);
            await readBlock(start, half);
            return readBlock(start + half, count - half);
          }
          throw e;
        }
        const { values, formulas, numberFormat } = block;
        if (values === null || formulas === null) throw new PortError("read-failed", "Excel returned no values for a block of this size", ws.name);
        for (let r = 0; r < count; r++) {
          const out: (Cell | undefined)[] = [];
          for (let c = 0; c < columnCount; c++) {
            const value = values[r][c];
            const formula = formulas[r][c];
            // Text typed as '=1年 comes back from .formulas as "=1年" too: a formula's value differs from its text.
            const isFormula = typeof formula === "string" && formula.length > 1 && formula.startsWith("=") && formula !== value;
            if ((value === "" || value === null) && !isFormula) continue;
            // Excel always calculates: a formula showing nothing (=IF(F19="","",G19)) holds an empty text,
            // not a missing result (null is how the xlsx reader says a formula was never calculated).
            const cell: Cell = { value: value === "" ? (isFormula ? "" : null) : (value as Cell["value"]) };
            if (isFormula) cell.formula = formula as string;
            const fmt = numberFormat[r][c];
            if (typeof fmt === "string" && fmt !== "General") cell.numFmt = fmt;
            out[columnIndex + c] = cell;
          }
          rows[rowIndex + start + r] = out;
        }
      };
      // One block per sync; each block stays under the response limit.
      const starts = Array.from({ length: Math.ceil(rowCount / rowsPerBlock) }, (_, i) => i * rowsPerBlock);
      await starts.reduce((chain, start) => chain.then(() => readBlock(start, Math.min(rowsPerBlock, rowCount - start))), Promise.resolve());

      const areas: MergeArea[] =
        merges && !isNull(merges)
          ? merges.areas.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }))
          : [];
      return new MemoryGrid(ws.name, rows, areas);
    }).catch((e) => {
      throw e instanceof PortError ? e : new PortError("read-failed", describe(e), name);
    });
  }

  highlight(sheet: string, marks: Mark[]): Promise<void> {
    const notes = this.capabilities().notes;
    return this.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const protection = loadProtection(ws);
      const previous = this.marks[sheet] ?? {};
      const wanted = new Map(marks.map((m) => [m.cell, m]));
      const fresh = marks.filter((m) => !previous[m.cell]);
      const fills = fresh.map((m) => loadFill(ws.getRange(m.cell)));
      const existingNotes = notes ? marks.map((m) => {
        const note = ws.notes.getItemOrNullObject(m.cell);
        note.load("content");
        return note;
      }) : [];
      await context.sync();
      // A protected sheet cannot take fills: it is checked, not marked.
      if (protection.protected) throw new PortError("protected", `sheet ${sheet} is protected`, sheet);

      const next: Record<string, MarkRecord> = {};
      fresh.forEach((m, i) => {
        const f = fills[i];
        next[m.cell] = { fill: { color: f.color, pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade, patternTintAndShade: f.patternTintAndShade } };
      });
      // Cells marked before and not now get their own fill back.
      for (const [cell, record] of Object.entries(previous)) {
        if (wanted.has(cell)) next[cell] = { fill: record.fill, note: record.note };
        else this.restoreCell(ws, cell, record);
      }
      marks.forEach((m, i) => {
        ws.getRange(m.cell).format.fill.color = MARK_FILL[m.severity === "error" ? "error" : "warning"];
        if (!notes || !m.note) return;
        const existing = existingNotes[i];
        const ours = next[m.cell].note;
        // Never overwrite a note somebody wrote; replace only our own.
        if (isNull(existing)) {
          ws.notes.add(m.cell, m.note);
          next[m.cell].note = m.note;
        } else if (ours !== undefined && existing.content === ours && ours !== m.note) {
          existing.content = m.note;
          next[m.cell].note = m.note;
        }
      });
      await context.sync();
      if (Object.keys(next).length) this.marks[sheet] = next;
      else delete this.marks[sheet];
      this.settings()?.set(SETTINGS.marks, this.marks);
    }).then(() => this.saveSettings());
  }

  private restoreCell(ws: Excel.Worksheet, cell: string, record: MarkRecord): void {
    const fill = ws.getRange(cell).format.fill;
    if (record.fill.pattern === "None") fill.clear();
    else {
      fill.pattern = record.fill.pattern as Excel.FillPattern;
      fill.color = record.fill.color;
      fill.patternColor = record.fill.patternColor;
      fill.tintAndShade = record.fill.tintAndShade;
      fill.patternTintAndShade = record.fill.patternTintAndShade;
    }
  }

  clearHighlights(sheet?: string): Promise<void> {
    const sheets = sheet === undefined ? Object.keys(this.marks) : this.marks[sheet] ? [sheet] : [];
    if (sheets.length === 0) return Promise.resolve();
    const notes = this.capabilities().notes;
    return this.host.Excel.run(async (context) => {
      const found = sheets.map((name) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        return { name, ws, protection: loadProtection(ws) };
      });
      const ourNotes = notes
        ? found.flatMap(({ name, ws }) =>
            Object.entries(this.marks[name])
              .filter(([, r]) => r.note !== undefined)
              .map(([cell, r]) => {
                const note = ws.notes.getItemOrNullObject(cell);
                note.load("content");
                return { name, note, text: r.note! };
              }),
          )
        : [];
      await context.sync();
      const cleared = new Set<string>();
      for (const { name, ws, protection } of found) {
        // A sheet protected since it was marked keeps its record until it can be cleared.
        if (!isNull(ws) && protection.protected) continue;
        if (!isNull(ws)) for (const [cell, record] of Object.entries(this.marks[name])) this.restoreCell(ws, cell, record);
        cleared.add(name);
      }
      for (const { name, note, text } of ourNotes) if (cleared.has(name) && !isNull(note) && note.content === text) note.delete();
      for (const name of cleared) delete this.marks[name];
      await context.sync();
      this.settings()?.set(SETTINGS.marks, this.marks);
    }).then(() => this.saveSettings());
  }

  applyFixes(sheet: string, fixes: Fix[]): Promise<void> {
    if (fixes.length === 0) return Promise.resolve();
    return this.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("name");
      const protection = loadProtection(ws);
      const ranges = fixes.map((f) => {
        const range = ws.getRange(f.cell);
        range.load("formulas,numberFormat");
        return { range, fill: loadFill(range) };
      });
      await context.sync();
      if (isNull(ws)) throw new PortError("no-sheet", `no sheet ${sheet}`, sheet);
      if (protection.protected) throw new PortError("protected", `sheet ${sheet} is protected`, sheet);
      const snapshot: UndoRecord = {
        sheet,
        cells: fixes.map((f, i) => {
          const { range, fill } = ranges[i];
          return {
            address: f.cell,
            formula: range.formulas[0][0],
            numberFormat: range.numberFormat[0][0] as string,
            fill: { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade, patternTintAndShade: fill.patternTintAndShade },
          };
        }),
      };
      fixes.forEach((f, i) => {
        if (f.numFmt) ranges[i].range.numberFormat = [[f.numFmt]];
        ranges[i].range.formulas = [[f.formula ?? f.value ?? ""]];
      });
      try {
        await context.sync();
      } catch (e) {
        // A batch is not a transaction: put back whatever part of it was written.
        await this.restoreSnapshot(context, ws, snapshot).catch(() => undefined);
        throw new PortError("write-failed", describe(e), sheet);
      }
      this.undoRecord = snapshot;
    });
  }

  private async restoreSnapshot(context: Excel.RequestContext, ws: Excel.Worksheet, snapshot: UndoRecord): Promise<void> {
    for (const c of snapshot.cells) {
      const range = ws.getRange(c.address);
      range.numberFormat = [[c.numberFormat]];
      range.formulas = [[c.formula as string]];
      this.restoreCell(ws, c.address, { fill: c.fill });
    }
    await context.sync();
  }

  canUndo(): boolean {
    return this.undoRecord !== undefined;
  }

  undoLastFix(): Promise<string> {
    const record = this.undoRecord;
    if (!record) return Promise.reject(new PortError("nothing-to-undo", "nothing to undo"));
    return this.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(record.sheet);
      ws.load("name");
      const protection = loadProtection(ws);
      await context.sync();
      if (isNull(ws)) throw new PortError("no-sheet", `no sheet ${record.sheet}`, record.sheet);
      if (protection.protected) throw new PortError("protected", `sheet ${record.sheet} is protected`, record.sheet);
      await this.restoreSnapshot(context, ws, record);
      this.undoRecord = undefined;
      return record.sheet;
    });
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    parseA1(cell); // a malformed address fails here, not inside Excel
    return this.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  /** The report sheet is created, or cleared when it exists, by office-js-helpers' forceCreateSheet. */
  writeReport(title: string, header: string[], rows: ReportRow[]): Promise<string> {
    return this.host.Excel.run(async (context) => {
      const ws = await ExcelUtilities.forceCreateSheet(context.workbook, title, true);
      const values = [header, ...rows.map((r) => [r.sheet, r.cell, r.severity, r.problem, r.message, r.fixable ? "✓" : ""])];
      const range = ws.getRangeByIndexes(0, 0, values.length, header.length);
      // Text format first, so that addresses and codes are not read as numbers or dates.
      range.numberFormat = values.map((row) => row.map(() => "@"));
      range.values = values;
      ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
      ws.getRangeByIndexes(0, 0, values.length, header.length).format.autofitColumns();
      ws.activate();
      await context.sync();
      return title;
    });
  }

  loadProfile(): ProfileId | null {
    const v = this.settings()?.get(SETTINGS.profile);
    return typeof v === "string" && isProfileId(v) ? v : null;
  }

  async saveProfile(id: ProfileId | null): Promise<void> {
    this.settings()?.set(SETTINGS.profile, id);
    await this.saveSettings();
  }
}

/* ---- Office host plumbing the pane and the ribbon need, kept here with the rest of Office.js. ---- */

/** Office.js loads from Microsoft's CDN; outside Office (or offline) it is missing. */
export function officeAvailable(): boolean {
  return typeof Office !== "undefined" && typeof Excel !== "undefined";
}

export interface OfficeInfo {
  host: string | null;
  displayLanguage: string;
  /** Office's theme is dark (the pane follows it). */
  dark: boolean;
}

/** A background colour ("#1F1F1F") is dark when its luminance is below the middle. */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export async function whenOfficeReady(): Promise<OfficeInfo> {
  const info = await Office.onReady();
  const theme = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } }).officeTheme;
  return { host: info.host ? String(info.host) : null, displayLanguage: Office.context?.displayLanguage ?? "zh-CN", dark: isDarkColor(theme?.bodyBackgroundColor) };
}

/** Register a ribbon ExecuteFunction: run it, then tell Office it completed (also on failure). */
export function associateCommand(name: string, run: () => Promise<unknown>): void {
  Office.actions.associate(name, async (event: Office.AddinCommands.Event) => {
    try {
      await run();
    } finally {
      event.completed();
    }
  });
}
