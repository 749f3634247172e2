/**
 * The CLI's reader: .xlsx bytes → engine grids, reading only the parts the engine needs (workbook,
 * relationships, styles' number formats, shared strings, sheets) and streaming each sheet, so that
 * time and memory follow the cells that exist, within READ_LIMITS.
 *
 * It gives the grid worksheetToGrid gives from ExcelJS (test/xlsx/readers.test.ts compares both on
 * every workbook we have): values, formulas with their cached results (a cached 0 included), shared
 * formulas translated, number formats, merges (only the master keeps its value), rich text joined,
 * error values, date-formatted numbers as ExcelJS's text of the Date. Where ExcelJS silently reads
 * wrong (no shared strings, a sheet whose part is missing, `./worksheets/…` targets) this reader
 * reads correctly or says why it cannot.
 */
import { CellValue, Cell, MemoryGrid, MergeArea, columnName } from "../engine/grid";
import { PackageError, READ_LIMITS } from "./limits";
import { workbookMap, WorkbookMap, parseRels, relsPartOf, isRel, REL } from "./package";
import { decodeOoxmlEscapes, Tok, XmlScanner } from "./xml";
import { InflateBudget, ZipArchive } from "./zip";

export type ReadLimits = typeof READ_LIMITS;

const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** ExcelJS's test: a format with y, m, d, h, s or b outside quotes and brackets shows a date. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** A serial date as ExcelJS shows it: the text of the JavaScript Date (local time zone). */
function dateText(serial: number, date1904: boolean): string {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)).toString();
}

function utf8(buf: Buffer): string {
  // A UTF-16 part (allowed by XML, rare in OOXML) is decoded as such; a UTF-8 BOM is dropped.
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString("utf16le");
  return buf.toString("utf8").replace(/^\uFEFF/, "");
}

/** Column index (0-based) and row (0-based) of "AB12". */
function decodeRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return undefined;
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === digitsFrom || row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** ExcelJS's shared-formula translation (utils/shared-formula.js), so both readers give one text. */
function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (ref, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
    if (paren) return ref;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
    if (!m) return ref;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return ref;
    let col = 0;
    for (const ch of colStr) col = col * 26 + (ch.charCodeAt(0) - 64);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return `${sheet ?? ""}${m[1] ?? ""}${columnName(col - 1)}${m[3] ?? ""}${row}`;
  });
}

interface Styles {
  /** cellXfs index → number format code (undefined: General). */
  numFmt: (string | undefined)[];
}

function readStyles(xml: string | undefined): Styles {
  const numFmt: (string | undefined)[] = [];
  if (xml === undefined) return { numFmt };
  const custom = new Map<number, string>();
  const x = new XmlScanner(xml);
  let inCellXfs = false;
  const xfIds: number[] = [];
  while (x.next(true)) {
    if (x.kind === Tok.Open || x.kind === Tok.Empty) {
      if (x.local === "numFmt") {
        const id = Number(x.attr("numFmtId"));
        const code = x.attr("formatCode");
        if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
      } else if (x.local === "cellXfs") inCellXfs = x.kind === Tok.Open;
      else if (x.local === "xf" && inCellXfs) xfIds.push(parseInt(x.attr("numFmtId") ?? "0", 10) || 0);
    } else if (x.kind === Tok.Close && x.local === "cellXfs") inCellXfs = false;
  }
  for (const id of xfIds) numFmt.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
  return { numFmt };
}

/** Shared strings: plain text, or the runs' texts joined (phonetic runs are not part of the text). */
function readSharedStrings(xml: string | undefined, limits: ReadLimits): string[] | undefined {
  if (xml === undefined) return undefined;
  const out: string[] = [];
  const x = new XmlScanner(xml);
  let depthInRun = 0;
  let inPhonetic = 0;
  let inT = false;
  let plain: string | undefined;
  let runs: string[] = [];
  let text = "";
  while (x.next(true)) {
    const k = x.kind;
    if (k === Tok.Open) {
      const n = x.local;
      if (n === "si") {
        plain = undefined;
        runs = [];
      } else if (n === "r") depthInRun++;
      else if (n === "rPh") inPhonetic++;
      else if (n === "t" && !inPhonetic) {
        inT = true;
        text = "";
      }
    } else if (k === Tok.Close) {
      const n = x.local;
      if (n === "t" && inT) {
        inT = false;
        if (depthInRun) runs.push(decodeOoxmlEscapes(text));
        else plain = decodeOoxmlEscapes(text);
      } else if (n === "r") depthInRun--;
      else if (n === "rPh") inPhonetic--;
      else if (n === "si") {
        out.push(runs.length ? runs.join("") : (plain ?? ""));
        if (out.length > limits.sharedStrings) throw new PackageError(`共享字符串超过 ${limits.sharedStrings} 个`, "limit");
      }
    } else if (k === Tok.Empty) {
      if (x.local === "si") out.push("");
    } else if ((k === Tok.Text || k === Tok.CData) && inT) text += x.text();
  }
  return out;
}

interface SheetContext {
  name: string;
  part: string;
  styles: Styles;
  shared: string[] | undefined;
  date1904: boolean;
  limits: ReadLimits;
  /** Cells with an external hyperlink (ExcelJS turns their value into text). */
  hyperlinks: Set<string>;
}

interface PendingCell {
  ref: string;
  row: number;
  col: number;
  t: string | undefined;
  style: number;
  value: string | undefined;
  formula: string | undefined;
  formulaType: string | undefined;
  formulaRef: string | undefined;
  si: string | undefined;
  /** Rich text runs of an inline string. */
  runs: string[] | undefined;
}

/**
 * Parses one worksheet from a stream of chunks. A class, not closures inside a function: V8 keeps
 * a function's optimised code only while the function object lives, and closures made per sheet
 * died with each file, so a batch recompiled the parser every few hundred files.
 */
class WorksheetParser {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: MergeArea[] = [];
  readonly hyperlinkRids: { ref: string; rid: string }[] = [];
  private readonly sharedMasters = new Map<string, { formula: string; at: { row: number; col: number } }>();
  private readonly x = new XmlScanner("");
  private cells = 0;
  private mergedCells = 0;
  private inSheetData = false;
  sawSheetData = false;
  private rowIndex = -1;
  private nextCol = 0;
  cell: PendingCell | undefined;
  /** Which text is being collected: v, f, inline t, rich run t. */
  private collecting: "v" | "f" | "t" | "rt" | undefined;
  private inIs = false;
  private inRun = false;
  private inPhonetic = 0;
  private runText = "";
  height = 0;
  width = 0;

  constructor(private readonly ctx: SheetContext) {}

  feed(text: string, final: boolean): void {
    this.x.feed(text);
    this.handle(final);
  }

  private finishCell(c: PendingCell): void {
    if (c.runs && c.runs.length) c.value = c.runs.join("");
    let value: CellValue | undefined;
    let formula: string | undefined;
    const numFmt = c.style ? this.ctx.styles.numFmt[c.style] : undefined;
    const isFormula = !!c.formula || !!c.formulaType;
    const raw = c.value;
    if (isFormula) {
      if (c.formulaType === "shared" && c.si !== undefined) {
        if (c.formulaRef) this.sharedMasters.set(c.si, { formula: c.formula ?? "", at: { row: c.row, col: c.col } });
        else if (!c.formula) {
          const master = this.sharedMasters.get(c.si);
          c.formula = master ? slideFormula(master.formula, master.at, { row: c.row, col: c.col }) : "";
        }
      }
      formula = `=${c.formula ?? ""}`;
      if (!raw) value = null;
      else if (c.t === "str") value = raw;
      else if (c.t === "b") value = parseInt(raw, 10) !== 0;
      else if (c.t === "e") value = { error: raw };
      else {
        const n = parseFloat(raw);
        value = isDateFormat(numFmt) ? dateText(n, this.ctx.date1904) : n;
      }
    } else if (raw !== undefined && raw !== "") {
      switch (c.t) {
        case "s": {
          if (!this.ctx.shared) throw new PackageError(`工作表“${this.ctx.name}”的 ${c.ref} 引用共享字符串，但工作簿缺少共享字符串表（sharedStrings.xml）`);
          const s = this.ctx.shared[parseInt(raw, 10)];
          if (s === undefined) throw new PackageError(`工作表“${this.ctx.name}”的 ${c.ref} 引用了不存在的共享字符串 ${raw}`);
          value = s;
          break;
        }
        case "str":
        case "inlineStr":
          value = raw;
          break;
        case "b":
          value = parseInt(raw, 10) !== 0;
          break;
        case "e":
          value = { error: raw };
          break;
        case "d":
          value = new Date(raw).toString();
          break;
        default: {
          const n = parseFloat(raw);
          value = isDateFormat(numFmt) ? dateText(n, this.ctx.date1904) : n;
        }
      }
    }
    if (this.ctx.hyperlinks.has(c.ref) && value !== undefined) {
      // ExcelJS reads a hyperlinked this.cell as { text, hyperlink }: its text, without the formula.
      value = value === null ? null : String(typeof value === "object" ? value.error : value);
      formula = undefined;
    }
    if ((value === undefined || value === null) && !formula) {
      // ExcelJS counts a bare this.cell (no value, no style) as a row with values: the row exists, empty.
      if (!c.style && !this.rows[c.row]) this.rows[c.row] = [];
      return;
    }
    const out: Cell = { value: value ?? null };
    if (formula) out.formula = formula;
    if (numFmt) out.numFmt = numFmt;
    (this.rows[c.row] ??= [])[c.col] = out;
    if (++this.cells > this.ctx.limits.cellsPerSheet) {
      throw new PackageError(`工作表“${this.ctx.name}”的非空单元格超过 ${this.ctx.limits.cellsPerSheet.toLocaleString("en-US")} 个，超出本工具的处理上限`, "limit");
    }
  }

  private handle(final: boolean): void {
    while (this.x.next(final)) {
      const k = this.x.kind;
      if (k === Tok.Text || k === Tok.CData) {
        if (this.collecting === undefined) continue;
        const t = this.x.text();
        if (this.collecting === "rt") this.runText += t;
        else if (this.collecting === "f") this.cell!.formula = (this.cell!.formula ?? "") + t;
        else this.cell!.value = (this.cell!.value ?? "") + t;
        continue;
      }
      if (k === Tok.Other) continue;
      const n = this.x.local;
      if (k === Tok.Close) {
        if (n === "c" && this.cell) {
          this.finishCell(this.cell);
          this.cell = undefined;
        } else if (n === "v" || n === "f" || n === "t") {
          if (this.collecting === "rt") {
            this.cell?.runs?.push(decodeOoxmlEscapes(this.runText));
            this.runText = "";
          }
          this.collecting = undefined;
        } else if (n === "r" && this.inIs) this.inRun = false;
        else if (n === "is") this.inIs = false;
        else if (n === "rPh") this.inPhonetic--;
        else if (n === "sheetData") this.inSheetData = false;
        continue;
      }
      // Open or Empty
      if (n === "row" && this.inSheetData) {
        const r = this.x.attr("r");
        this.rowIndex = r !== undefined ? parseInt(r, 10) - 1 : this.rowIndex + 1;
        if (!(this.rowIndex >= 0 && this.rowIndex < MAX_ROWS)) throw new PackageError(`工作表“${this.ctx.name}”的行号有误（${r}）`);
        this.nextCol = 0;
        if (this.rowIndex + 1 > this.height) this.height = this.rowIndex + 1;
      } else if (n === "c" && this.inSheetData) {
        const a = this.x.attrs();
        let ref = a.get("r");
        let at = ref !== undefined ? decodeRef(ref) : { row: this.rowIndex, col: this.nextCol };
        if (!at || at.col >= MAX_COLS || at.row >= MAX_ROWS) throw new PackageError(`工作表“${this.ctx.name}”的单元格地址有误（${ref}）`);
        if (ref === undefined || at.row !== this.rowIndex) at = { row: ref === undefined ? Math.max(this.rowIndex, 0) : at.row, col: at.col };
        ref ??= `${columnName(at.col)}${at.row + 1}`;
        this.nextCol = at.col + 1;
        if (at.col + 1 > this.width) this.width = at.col + 1;
        if (at.row + 1 > this.height) this.height = at.row + 1;
        const s = a.get("s");
        this.cell = { ref, row: at.row, col: at.col, t: a.get("t"), style: s ? parseInt(s, 10) || 0 : 0, value: undefined, formula: undefined, formulaType: undefined, formulaRef: undefined, si: undefined, runs: undefined };
        if (k === Tok.Empty) {
          this.finishCell(this.cell);
          this.cell = undefined;
        }
      } else if (this.cell) {
        if (n === "v") this.collecting = k === Tok.Open ? "v" : undefined;
        else if (n === "f") {
          const a = this.x.attrs();
          this.cell.formulaType = a.get("t");
          this.cell.formulaRef = a.get("ref");
          this.cell.si = a.get("si");
          this.collecting = k === Tok.Open ? "f" : undefined;
        } else if (n === "is") this.inIs = k === Tok.Open;
        else if (n === "rPh") {
          if (k === Tok.Open) this.inPhonetic++;
        } else if (n === "r" && this.inIs) {
          this.inRun = k === Tok.Open;
          this.cell.runs ??= [];
        } else if (n === "t" && this.inIs && !this.inPhonetic && k === Tok.Open) {
          this.collecting = this.inRun ? "rt" : "t";
          this.runText = "";
        }
      } else if (n === "sheetData") {
        this.inSheetData = k === Tok.Open;
        this.sawSheetData = true;
      }
      else if (n === "mergeCell") {
        const ref = this.x.attr("ref") ?? "";
        const [a, b] = ref.split(":");
        const s = decodeRef(a ?? "");
        const e = decodeRef(b ?? a ?? "");
        if (!s || !e || e.col >= MAX_COLS || e.row >= MAX_ROWS) throw new PackageError(`工作表“${this.ctx.name}”的合并区域有误（${ref}）`);
        const area = { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
        this.mergedCells += (area.bottom - area.top + 1) * (area.right - area.left + 1);
        if (this.mergedCells > this.ctx.limits.mergedCellsPerSheet) {
          throw new PackageError(`工作表“${this.ctx.name}”的合并单元格共超过 ${this.ctx.limits.mergedCellsPerSheet.toLocaleString("en-US")} 个（如整表合并），超出本工具的处理上限`, "limit");
        }
        this.merges.push(area);
      } else if (n === "hyperlink") {
        const ref = this.x.attr("ref");
        const rid = this.x.attr("id");
        if (ref && rid) this.hyperlinkRids.push({ ref, rid });
      }
    }
  }
}

async function readSheet(chunks: AsyncIterable<Buffer>, ctx: SheetContext): Promise<MemoryGrid> {
  const parser = new WorksheetParser(ctx);
  const decoder = new TextDecoder("utf-8");
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (first) {
      first = false;
      if (chunk[0] === 0xff || chunk[0] === 0xfe) throw new PackageError(`工作表“${ctx.name}”使用 UTF-16 编码，暂不支持`);
      text = text.replace(/^\uFEFF/, "");
    }
    parser.feed(text, false);
  }
  parser.feed(decoder.decode(), true);
  if (parser.cell) throw new PackageError(`工作表“${ctx.name}”的 XML 不完整`);
  // A sheet's part that is not a worksheet (no <sheetData>) must not pass as an empty sheet.
  if (!parser.sawSheetData) throw new PackageError(`工作表“${ctx.name}”的部件 ${ctx.part} 不是工作表内容（没有 sheetData）`);
  return new MemoryGridChecked(ctx, parser.rows, parser.merges, parser.height, parser.width).grid;
}

/** Drops the values ExcelJS drops (inside a merge, only the master keeps its value) and checks the area. */
class MemoryGridChecked {
  readonly grid: MemoryGrid;
  constructor(ctx: SheetContext, rows: (Cell | undefined)[][], merges: MergeArea[], _height: number, _width: number) {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = rows[r];
        if (!row) continue;
        for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) if (r !== m.top || c !== m.left) row[c] = undefined;
      }
    }
    let height = rows.length;
    let width = 0;
    for (const row of rows) if (row && row.length > width) width = row.length;
    for (const m of merges) {
      height = Math.max(height, m.bottom + 1);
      width = Math.max(width, m.right + 1);
    }
    if (height * width > ctx.limits.gridArea) {
      throw new PackageError(
        `工作表“${ctx.name}”的使用区域为 ${height.toLocaleString("en-US")} 行 × ${width.toLocaleString("en-US")} 列，超出本工具的处理上限（${ctx.limits.gridArea.toLocaleString("en-US")} 个单元格）`,
        "limit",
      );
    }
    this.grid = new MemoryGrid(ctx.name, rows, merges);
  }
}

export interface ReadResult {
  grids: MemoryGrid[];
  map: WorkbookMap;
}

/** Read every worksheet of an .xlsx package. Throws PackageError with a zh-CN reason. */
export async function readXlsx(data: Buffer, limits: ReadLimits = READ_LIMITS): Promise<ReadResult> {
  const zip = new ZipArchive(data);
  const budget = new InflateBudget(limits.inflatedBytes);
  const cache = new Map<string, string | undefined>();
  const text = (part: string): string | undefined => {
    if (!cache.has(part)) {
      const e = zip.entry(part);
      cache.set(part, e ? utf8(zip.read(e, budget)) : undefined);
    }
    return cache.get(part);
  };
  const map = workbookMap(text);
  const styles = readStyles(map.stylesPart ? text(map.stylesPart) : undefined);
  const shared = readSharedStrings(map.sharedStringsPart ? text(map.sharedStringsPart) : undefined, limits);
  const grids: MemoryGrid[] = [];
  for (const sheet of map.sheets) {
    if (sheet.kind !== "worksheet") continue;
    const entry = sheet.part ? zip.entry(sheet.part) : undefined;
    if (!entry) throw new PackageError(`工作表“${sheet.name}”的内容部件缺失（${sheet.part ?? `关系 ${sheet.relId} 不存在`}）`);
    const relsXml = text(relsPartOf(entry.name));
    const hyperlinkTargets = new Set((relsXml ? parseRels(relsXml, entry.name) : []).filter((r) => isRel(r, REL.hyperlink)).map((r) => r.id));
    const ctx: SheetContext = { name: sheet.name, part: entry.name, styles, shared, date1904: map.date1904, limits, hyperlinks: new Set() };
    // Hyperlinks follow the cells in the sheet's XML; a cheap first pass over the rels tells whether any exist.
    if (hyperlinkTargets.size) ctx.hyperlinks = await hyperlinkCells(zip, entry, budget, hyperlinkTargets);
    grids.push(await readSheet(zip.stream(entry, budget), ctx));
  }
  return { grids, map };
}

/** Cells carrying an external hyperlink (only sheets whose relationships include hyperlinks). */
async function hyperlinkCells(zip: ZipArchive, entry: import("./zip").ZipEntry, budget: InflateBudget, rids: Set<string>): Promise<Set<string>> {
  const out = new Set<string>();
  const x = new XmlScanner("");
  const decoder = new TextDecoder("utf-8");
  const scan = (final: boolean) => {
    while (x.next(final)) {
      if ((x.kind === Tok.Empty || x.kind === Tok.Open) && x.local === "hyperlink") {
        const ref = x.attr("ref");
        const rid = x.attr("id");
        if (ref && rid && rids.has(rid)) out.add(ref);
      }
    }
  };
  for await (const chunk of zip.stream(entry, budget)) {
    x.feed(decoder.decode(chunk, { stream: true }));
    scan(false);
  }
  x.feed(decoder.decode());
  scan(true);
  return out;
}
