/**
 * Editing an .xlsx package in place: parts are held as latin1 strings (one char per byte), edits
 * splice new text at exact token spans, and every part that is not edited is copied with its
 * compressed bytes unchanged. Before anything is written, every edited part must be well-formed
 * and the whole package must read again (the caller does that with readXlsx).
 *
 * Used by --fix (formulas into cells) and --mark (fills, comments, a report sheet).
 */
import { columnName, parseA1 } from "../engine/grid";
import { PackageError } from "./limits";
import { isRel, parseRels, REL, relsPartOf, workbookMap, WorkbookMap } from "./package";
import { assertWellFormed, attrSpans, escapeXml, Tok, XmlScanner } from "./xml";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** UTF-8 text as the latin1 string of its bytes (what the editor splices into a part). No Node APIs: the playground marks too. */
export function toBytes(s: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII text is its own byte string
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const bytes = encoder.encode(s);
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** A latin1 byte string decoded as UTF-8. */
export function fromBytes(s: string): string {
  if (!/[\x80-\xff]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return decoder.decode(bytes);
}

/** Edits to one string, applied from the end so that earlier spans stay valid. */
export class Splicer {
  private readonly edits: { start: number; end: number; text: string; order: number }[] = [];
  constructor(readonly source: string) {}
  replace(start: number, end: number, text: string) {
    this.edits.push({ start, end, text, order: this.edits.length });
  }
  insert(at: number, text: string) {
    this.replace(at, at, text);
  }
  get size() {
    return this.edits.length;
  }
  apply(): string {
    // At one position, insertions come before the replacement of what starts there.
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || a.order - b.order);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].start < sorted[i - 1].end) throw new PackageError("内部错误：两处修改重叠");
    }
    let out = "";
    let at = 0;
    for (const e of sorted) {
      out += this.source.slice(at, e.start) + e.text;
      at = e.end;
    }
    return out + this.source.slice(at);
  }
}

/** Set, replace or remove attributes of the tag at [start, end) (an open or empty tag's text). */
export function editTag(tag: string, set: Record<string, string | undefined>): string {
  const nameEnd = tag.search(/[\s/>]/);
  const selfClosing = /\/\s*>$/.test(tag);
  const closeAt = selfClosing ? tag.lastIndexOf("/") : tag.length - 1;
  const spans = attrSpans(tag, nameEnd, closeAt);
  const s = new Splicer(tag);
  const done = new Set<string>();
  for (const a of spans) {
    if (!(a.name in set)) continue;
    done.add(a.name);
    const v = set[a.name];
    // Remove the attribute with the whitespace before it.
    if (v === undefined) s.replace(a.start - (/\s/.test(tag[a.start - 1]) ? 1 : 0), a.end, "");
    else s.replace(a.valueStart - 1, a.valueEnd + 1, `"${escapeXml(v)}"`);
  }
  const added = Object.entries(set)
    .filter(([k, v]) => v !== undefined && !done.has(k))
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join("");
  if (added) s.insert(spans.length ? spans[spans.length - 1].end : nameEnd, added);
  return s.apply();
}

/** The tag text at the scanner's current token. */
const tagText = (x: XmlScanner) => x.s.slice(x.start, x.end);

/** Where an editor reads parts from: a zip read here (Node), or JSZip (the browser). */
export interface PartSource {
  /** A part's bytes as a latin1 string; undefined when the package has no such part (or it is not text). */
  read(part: string): string | undefined;
  has(part: string): boolean;
}

export class PackageEditor {
  readonly map: WorkbookMap;
  private readonly parts = new Map<string, string | null>();
  /** Parts added by the editor, in order. */
  private readonly added: string[] = [];

  constructor(private readonly source: PartSource) {
    this.map = workbookMap((p) => {
      const t = this.text(p);
      return t === undefined ? undefined : fromBytes(t);
    });
  }

  has(part: string): boolean {
    const key = part.toLowerCase();
    if (this.parts.has(key)) return this.parts.get(key) !== null;
    return this.source.has(part);
  }

  /** A part's bytes as a latin1 string (undefined if absent or removed). */
  text(part: string): string | undefined {
    const key = part.toLowerCase();
    if (this.parts.has(key)) return this.parts.get(key) ?? undefined;
    return this.source.read(part);
  }

  set(part: string, latin1: string) {
    const key = part.toLowerCase();
    if (!this.source.has(part) && !this.parts.has(key)) this.added.push(part);
    this.parts.set(key, latin1);
  }

  remove(part: string) {
    this.parts.set(part.toLowerCase(), null);
  }

  /** A part name not yet used: xl/comments1.xml, xl/comments2.xml … */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!this.has(name) && !this.added.some((a) => a.toLowerCase() === name.toLowerCase())) return name;
    }
  }

  sheetPart(sheet: string): string | undefined {
    return this.map.sheets.find((s) => s.name === sheet && s.kind === "worksheet")?.part;
  }

  /** Add a relationship from `source` to `target` (a part name); returns its id. */
  addRelationship(source: string, type: string, target: string): string {
    const relsPart = relsPartOf(source);
    let xml = this.text(relsPart) ?? toBytes('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
    const ids = new Set(parseRels(xml, source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    // Relative, as Excel writes it (some readers, ExcelJS among them, key parts by the relative target).
    const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(toBytes(relativeTarget(source, target)))}"/>`;
    xml = insertBeforeClose(xml, "Relationships", entry);
    this.set(relsPart, xml);
    return id;
  }

  /** Make sure [Content_Types].xml knows the part (an Override) or the extension (a Default). */
  addContentType(kind: { override: string; contentType: string } | { extension: string; contentType: string }) {
    const part = "[Content_Types].xml";
    let xml = this.text(part);
    if (xml === undefined) throw new PackageError("缺少 [Content_Types].xml");
    if ("override" in kind) {
      if (new RegExp(`PartName=["']/${escapeRe(kind.override)}["']`, "i").test(xml)) return;
      xml = insertBeforeClose(xml, "Types", `<Override PartName="/${escapeXml(toBytes(kind.override))}" ContentType="${kind.contentType}"/>`);
    } else {
      if (new RegExp(`Extension=["']${escapeRe(kind.extension)}["']`, "i").test(xml)) return;
      xml = insertBeforeClose(xml, "Types", `<Default Extension="${kind.extension}" ContentType="${kind.contentType}"/>`);
    }
    this.set(part, xml);
  }

  /**
   * Every edit, checked: each changed XML part must be well-formed (else PackageError, nothing is
   * written). `changed` by lower-case part name (null: removed); `added`: new parts' names, in order.
   */
  edits(): { changed: Map<string, string | null>; added: string[] } {
    for (const [key, v] of this.parts) if (v !== null && /\.(xml|rels|vml)$/i.test(key)) assertWellFormed(v, key);
    return { changed: new Map(this.parts), added: [...this.added] };
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/comments1.xml" as "../comments1.xml". */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Insert `text` before the closing tag of the root element `local` (any prefix). */
export function insertBeforeClose(xml: string, local: string, text: string): string {
  const x = new XmlScanner(xml);
  let openTag: { start: number; end: number; name: string } | undefined;
  let close: number | undefined;
  while (x.next(true)) {
    if (x.local !== local) continue;
    if (x.kind === Tok.Empty) openTag = { start: x.start, end: x.end, name: x.name };
    if (x.kind === Tok.Close) close = x.start;
  }
  if (close !== undefined) return xml.slice(0, close) + text + xml.slice(close);
  if (openTag) {
    const tag = xml.slice(openTag.start, openTag.end).replace(/\s*\/\s*>$/, ">");
    return xml.slice(0, openTag.start) + tag + text + `</${openTag.name}>` + xml.slice(openTag.end);
  }
  throw new PackageError(`找不到 <${local}> 元素`);
}

// ---------------------------------------------------------------------------------------------
// Styles

const BUILTIN_NUMFMT: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

interface Span {
  start: number;
  end: number;
}

/** How a cell of a sheet we write looks (the report's cells). */
export interface CellLook {
  bold?: boolean;
  /** Points. */
  fontSize?: number;
  /** ARGB, e.g. "FFD9E1F2": a solid fill. */
  fill?: string;
  wrap?: boolean;
  vertical?: "top";
  horizontal?: "left";
  /** A number format's code ("@" for text). */
  numFmt?: string;
}

/** The numFmtId of a <numFmt> or <xf> element's text (0 when absent). */
function numFmtIdOf(element: string): number {
  const x = new XmlScanner(element);
  x.next(true);
  return StyleBook.parse(x.attr("numFmtId"));
}

/** cellXfs of styles.xml: clones an xf with another number format or fill, once per (xf, change). */
export class StyleBook {
  private xml: string | undefined;
  private readonly cache = new Map<string, number>();
  private readonly part: string;
  constructor(private readonly pkg: PackageEditor) {
    this.part = pkg.map.stylesPart ?? "xl/styles.xml";
  }

  private load(): string {
    if (this.xml === undefined) {
      this.xml = this.pkg.text(this.part);
      if (this.xml === undefined) {
        // A package without styles: give it the minimal stylesheet Excel itself writes.
        this.xml =
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
        this.pkg.set(this.part, this.xml);
        const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
        this.pkg.addRelationship(this.pkg.map.workbookPart, rel, this.part);
        this.pkg.addContentType({ override: this.part, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" });
      }
    }
    return this.xml;
  }

  /** Children of a top-level collection (numFmts, fonts, fills, cellXfs …): spans, and the collection's span. */
  private collection(local: string): { open?: Span & { name: string; empty: boolean }; close?: number; items: Span[] } {
    const xml = this.load();
    const x = new XmlScanner(xml);
    let depth = 0;
    let inside = false;
    let open: (Span & { name: string; empty: boolean }) | undefined;
    let close: number | undefined;
    const items: Span[] = [];
    let itemStart = -1;
    while (x.next(true)) {
      if (x.kind === Tok.Open) {
        if (depth === 1 && x.local === local) {
          inside = true;
          open = { start: x.start, end: x.end, name: x.name, empty: false };
        } else if (inside && depth === 2) itemStart = x.start;
        depth++;
      } else if (x.kind === Tok.Empty) {
        if (depth === 1 && x.local === local) open = { start: x.start, end: x.end, name: x.name, empty: true };
        else if (inside && depth === 2) items.push({ start: x.start, end: x.end });
      } else if (x.kind === Tok.Close) {
        depth--;
        if (inside && depth === 2 && itemStart >= 0) {
          items.push({ start: itemStart, end: x.end });
          itemStart = -1;
        }
        if (depth === 1 && inside && x.local === local) {
          close = x.start;
          inside = false;
        }
      }
    }
    return { open, close, items };
  }

  /** Append an item to a collection, fixing its count; returns the new item's index. */
  private append(local: string, item: string, createBefore: string[]): number {
    const xml = this.load();
    const c = this.collection(local);
    const prefix = /^<([\w.-]+:)?/.exec(xml.slice(xml.indexOf("<styleSheet") >= 0 ? xml.indexOf("<styleSheet") : xml.search(/<[\w.-]+:styleSheet/)))?.[1] ?? "";
    const index = c.items.length;
    if (c.open && !c.open.empty && c.close !== undefined) {
      const s = new Splicer(xml);
      s.replace(c.open.start, c.open.end, editTag(xml.slice(c.open.start, c.open.end), { count: String(index + 1) }));
      s.insert(c.close, item);
      this.xml = s.apply();
    } else if (c.open) {
      const tag = editTag(xml.slice(c.open.start, c.open.end), { count: "1" }).replace(/\s*\/\s*>$/, ">");
      this.xml = xml.slice(0, c.open.start) + tag + item + `</${c.open.name}>` + xml.slice(c.open.end);
    } else {
      // Insert the collection before the first of the elements that follow it in the schema.
      const x = new XmlScanner(xml);
      let at: number | undefined;
      let depth = 0;
      while (x.next(true)) {
        if ((x.kind === Tok.Open || x.kind === Tok.Empty) && depth === 1 && createBefore.includes(x.local) && at === undefined) at = x.start;
        if (x.kind === Tok.Open) depth++;
        if (x.kind === Tok.Close) {
          depth--;
          if (depth === 0 && at === undefined) at = x.start;
        }
      }
      if (at === undefined) throw new PackageError("styles.xml 结构无法识别");
      this.xml = xml.slice(0, at) + `<${prefix}${local} count="1">${item}</${prefix}${local}>` + xml.slice(at);
    }
    this.pkg.set(this.part, this.xml!);
    return index;
  }

  private itemText(local: string, index: number): string | undefined {
    const c = this.collection(local);
    const span = c.items[index];
    return span && this.load().slice(span.start, span.end);
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_NUMFMT) return BUILTIN_NUMFMT[code];
    const xml = this.load();
    const c = this.collection("numFmts");
    let max = 163;
    for (const span of c.items) {
      const tag = xml.slice(span.start, span.end);
      const a = new XmlScanner(tag);
      a.next(true);
      const id = Number(a.attr("numFmtId"));
      if (a.attr("formatCode") === code) return id;
      if (id > max) max = id;
    }
    const id = max + 1;
    this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(toBytes(code))}"/>`, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    return id;
  }

  /** `children`: the clone's child elements instead of the base's (alignment, protection). */
  private cloneXf(base: number, key: string, attrs: () => Record<string, string>, children?: string): number {
    const cacheKey = `${base}|${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined) return hit;
    const xf = this.itemText("cellXfs", base) ?? this.itemText("cellXfs", 0) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const openEnd = xf.indexOf(">") + 1;
    const open = xf.slice(0, openEnd);
    const tag = editTag(open, attrs());
    const name = /^<([\w.:-]+)/.exec(open)![1];
    const clone = children === undefined ? tag + xf.slice(openEnd) : children === "" ? tag.replace(/\s*\/?\s*>$/, "/>") : `${tag.replace(/\s*\/?\s*>$/, ">")}${children}</${name}>`;
    const index = this.append("cellXfs", clone, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    this.cache.set(cacheKey, index);
    return index;
  }

  /**
   * Give built-in number formats that the cells use, and the stylesheet does not define, their codes
   * (`codes` by id: zh-CN Excel's dates, for a reader that does not know the ids). Returns the ids
   * defined; nothing changes when there are none.
   */
  defineBuiltinFormats(codes: Readonly<Record<number, string>>): number[] {
    if (this.xml === undefined && this.pkg.text(this.part) === undefined) return [];
    const xml = this.load();
    const defined = new Set(this.collection("numFmts").items.map((span) => numFmtIdOf(xml.slice(span.start, span.end))));
    const used = new Set(this.collection("cellXfs").items.map((span) => numFmtIdOf(xml.slice(span.start, span.end))));
    const missing = [...used].filter((id) => id in codes && !defined.has(id)).sort((a, b) => a - b);
    for (const id of missing) this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(toBytes(codes[id]))}"/>`, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    return missing;
  }

  withNumFmt(base: number, code: string): number {
    return this.cloneXf(base, `numFmt:${code}`, () => ({ numFmtId: String(this.numFmtId(code)), applyNumberFormat: "1" }));
  }

  /** The xf with a solid fill of `argb` (e.g. "FFFFC7CE"). */
  withFill(base: number, argb: string): number {
    return this.cloneXf(base, `fill:${argb}`, () => {
      const fillId = this.fillId(argb);
      return { fillId: String(fillId), applyFill: "1" };
    });
  }

  private readonly fills = new Map<string, number>();
  private fillId(argb: string): number {
    let id = this.fills.get(argb);
    if (id === undefined) {
      id = this.append("fills", `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`, ["borders", "cellStyleXfs", "cellXfs"]);
      this.fills.set(argb, id);
    }
    return id;
  }

  /**
   * The xf of a cell of a sheet we write ourselves (the report): the workbook's default xf and font
   * with the look's changes, once per look. Its alignment replaces any the default xf has.
   */
  lookXf(look: CellLook): number {
    return this.cloneXf(
      0,
      `look:${JSON.stringify(look)}`,
      () => ({
        ...(look.bold || look.fontSize ? { fontId: String(this.fontId(!!look.bold, look.fontSize)), applyFont: "1" } : {}),
        ...(look.fill ? { fillId: String(this.fillId(look.fill)), applyFill: "1" } : {}),
        ...(look.numFmt ? { numFmtId: String(this.numFmtId(look.numFmt)), applyNumberFormat: "1" } : {}),
        ...(look.wrap || look.vertical || look.horizontal ? { applyAlignment: "1" } : {}),
      }),
      look.wrap || look.vertical || look.horizontal
        ? `<alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ""}${look.vertical ? ` vertical="${look.vertical}"` : ""}${look.wrap ? ' wrapText="1"' : ""}/>`
        : "",
    );
  }

  private readonly fonts = new Map<string, number>();
  /** Font 0 made bold and/or of another size. */
  private fontId(bold: boolean, size: number | undefined): number {
    const key = `${bold}|${size ?? ""}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      let font = (this.itemText("fonts", 0) ?? "<font/>").replace(/^<[\w.-]+:/, "<").replace(/<\/[\w.-]+:font>$/, "</font>");
      if (font.endsWith("/>")) font = font.replace(/\s*\/>$/, "></font>");
      if (size !== undefined) {
        // CT_Font's children come in order: b, i, … sz, color, name …; a font without <sz> gets it first.
        font = /<([\w.-]+:)?sz\b/.test(font) ? font.replace(/(<([\w.-]+:)?sz\b[^>]*?\bval=)(["'])[^"']*\3/, `$1"${size}"`) : font.replace(/^(<[^>]*>)/, `$1<sz val="${size}"/>`);
      }
      if (bold && !/<([\w.-]+:)?b\s*\/>/.test(font)) font = font.replace(/^(<[^>]*>)/, "$1<b/>");
      id = this.append("fonts", font, ["fills", "borders", "cellStyleXfs", "cellXfs"]);
      this.fonts.set(key, id);
    }
    return id;
  }

  /** The xf a cell written with `s` has now (0 when none). */
  static parse(s: string | undefined): number {
    const n = s === undefined ? 0 : parseInt(s, 10);
    return Number.isFinite(n) && n >= 0 ? n : 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells of one sheet

export interface CellEdit {
  /** A1 address. */
  cell: string;
  /** New cell content (inner XML and type), or undefined to keep the content and change only the style. */
  content?: { t?: string; inner: string };
  /** New style index, or a function of the current one. */
  style?: (current: number) => number;
}

interface CellSpan {
  col: number;
  start: number;
  end: number;
  /** End of the open tag (= end for an empty element). */
  openEnd: number;
  empty: boolean;
  sharedMaster: boolean;
  hasRef: boolean;
}

interface RowSpan {
  r: number;
  start: number;
  openEnd: number;
  end: number;
  empty: boolean;
  closeStart: number;
  cells: CellSpan[];
}

export interface SheetLayout {
  prefix: string;
  sheetData: { start: number; openEnd: number; closeStart: number; empty: boolean; end: number };
  rows: RowSpan[];
  /** Array formulas and data tables: cells inside them cannot be written one by one. */
  blocked: { top: number; left: number; bottom: number; right: number }[];
  /** Top-level children of the worksheet element, in order. */
  children: { local: string; start: number; end: number }[];
  root: { name: string; start: number; end: number };
}

export function sheetLayout(xml: string): SheetLayout {
  const x = new XmlScanner(xml);
  const stack: string[] = [];
  const rows: RowSpan[] = [];
  const blocked: SheetLayout["blocked"] = [];
  const children: SheetLayout["children"] = [];
  let sheetData: SheetLayout["sheetData"] | undefined;
  let root: SheetLayout["root"] | undefined;
  let row: RowSpan | undefined;
  let cell: CellSpan | undefined;
  let nextRow = 0;
  let nextCol = 0;
  let childStart = -1;
  while (x.next(true)) {
    const k = x.kind;
    if (k === Tok.Open || k === Tok.Empty) {
      const depth = stack.length;
      if (depth === 0) root = { name: x.name, start: x.start, end: x.end };
      if (depth === 1) {
        if (k === Tok.Empty) children.push({ local: x.local, start: x.start, end: x.end });
        else childStart = x.start;
        if (x.local === "sheetData") sheetData = { start: x.start, openEnd: x.end, closeStart: x.end, empty: k === Tok.Empty, end: x.end };
      }
      if (depth === 2 && x.local === "row" && stack[1].endsWith("sheetData")) {
        const r = x.attr("r");
        nextRow = r !== undefined ? parseInt(r, 10) : nextRow + 1;
        nextCol = 0;
        row = { r: nextRow, start: x.start, openEnd: x.end, end: x.end, empty: k === Tok.Empty, closeStart: x.end, cells: [] };
        rows.push(row);
      } else if (depth === 3 && x.local === "c" && row) {
        const ref = x.attr("r");
        const col = ref !== undefined ? parseA1(ref).col : nextCol;
        nextCol = col + 1;
        cell = { col, start: x.start, end: x.end, openEnd: x.end, empty: k === Tok.Empty, sharedMaster: false, hasRef: ref !== undefined };
        row.cells.push(cell);
      } else if (depth === 4 && x.local === "f" && cell) {
        const t = x.attr("t");
        const ref = x.attr("ref");
        if (t === "shared" && ref) cell.sharedMaster = true;
        if ((t === "array" || t === "dataTable") && ref) {
          const [a, b] = ref.split(":");
          const s = parseA1(a);
          const e = parseA1(b ?? a);
          blocked.push({ top: s.row, left: s.col, bottom: e.row, right: e.col });
        }
      }
      if (k === Tok.Open) stack.push(x.name);
    } else if (k === Tok.Close) {
      stack.pop();
      const depth = stack.length;
      if (depth === 1) {
        children.push({ local: x.local, start: childStart, end: x.end });
        if (x.local === "sheetData" && sheetData) {
          sheetData.closeStart = x.start;
          sheetData.end = x.end;
        }
      }
      if (depth === 2 && x.local === "row" && row) {
        row.closeStart = x.start;
        row.end = x.end;
      }
      if (depth === 3 && x.local === "c" && cell) cell.end = x.end;
    }
  }
  if (!root || !sheetData) throw new PackageError("工作表中找不到 sheetData");
  const prefix = /^([\w.-]+:)?/.exec(root.name)?.[1] ?? "";
  return { prefix, sheetData, rows, blocked, children, root };
}

/**
 * Apply cell edits to a sheet's XML; returns the new XML and the edits refused (with why).
 * Everything outside the edited cells (and the `spans` hint of a row that gains a cell) is kept.
 */
export function editCells(xml: string, edits: CellEdit[]): { xml: string; refused: { edit: CellEdit; reason: string }[] } {
  const layout = sheetLayout(xml);
  const p = layout.prefix;
  const s = new Splicer(xml);
  const refused: { edit: CellEdit; reason: string }[] = [];
  const rowsByNumber = new Map(layout.rows.map((r) => [r.r, r]));
  /** New rows to insert, by row number, with their cells' XML by column. */
  const newRows = new Map<number, Map<number, string>>();
  /** New cells for existing rows. */
  const newCells = new Map<RowSpan, Map<number, string>>();

  const cellXml = (ref: string, style: number, content: CellEdit["content"]) => {
    const sAttr = style ? ` s="${style}"` : "";
    if (!content) return `<${p}c r="${ref}"${sAttr}/>`;
    // The content's elements (f, v, is, t) in the sheet's own prefix.
    const inner = p ? content.inner.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : content.inner;
    return `<${p}c r="${ref}"${sAttr}${content.t ? ` t="${content.t}"` : ""}>${inner}</${p}c>`;
  };

  for (const edit of edits) {
    const { row, col } = parseA1(edit.cell);
    const ref = `${columnName(col)}${row + 1}`;
    if (layout.blocked.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right)) {
      refused.push({ edit, reason: "该单元格属于数组公式或模拟运算表，不能单独改写" });
      continue;
    }
    const rowSpan = rowsByNumber.get(row + 1);
    const existing = rowSpan?.cells.find((c) => c.col === col);
    if (existing) {
      if (existing.sharedMaster && edit.content) {
        refused.push({ edit, reason: "该单元格是共享公式的首格，改写会破坏其他单元格的公式" });
        continue;
      }
      const open = xml.slice(existing.start, existing.openEnd);
      const current = StyleBook.parse(new XmlScannerAttr(open).get("s"));
      const style = edit.style ? edit.style(current) : current;
      if (edit.content) {
        s.replace(existing.start, existing.end, cellXml(ref, style, edit.content));
      } else {
        s.replace(existing.start, existing.openEnd, editTag(open, { s: style ? String(style) : undefined }));
      }
      continue;
    }
    if (rowSpan && rowSpan.cells.some((c) => c.col > col && !c.hasRef)) {
      refused.push({ edit, reason: "该行的单元格没有写地址，插入新单元格会使其后的单元格错位" });
      continue;
    }
    const style = edit.style ? edit.style(0) : 0;
    const text = cellXml(ref, style, edit.content);
    if (rowSpan) {
      if (!newCells.has(rowSpan)) newCells.set(rowSpan, new Map());
      newCells.get(rowSpan)!.set(col, text);
    } else {
      if (!newRows.has(row + 1)) newRows.set(row + 1, new Map());
      newRows.get(row + 1)!.set(col, text);
    }
  }

  for (const [rowSpan, cells] of newCells) {
    const open = xml.slice(rowSpan.start, rowSpan.openEnd);
    // "spans" is only a hint of the row's cell range; drop it rather than let it contradict the cells.
    const newOpen = editTag(open, { spans: undefined });
    for (const [col, text] of cells) {
      const after = rowSpan.cells.find((c) => c.col > col);
      if (after) s.insert(after.start, text);
      else if (!rowSpan.empty) s.insert(rowSpan.closeStart, text);
    }
    if (rowSpan.empty) {
      const texts = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t).join("");
      s.replace(rowSpan.start, rowSpan.end, `${newOpen.replace(/\s*\/\s*>$/, ">")}${texts}</${p}row>`);
    } else if (newOpen !== open) s.replace(rowSpan.start, rowSpan.openEnd, newOpen);
  }

  const sortedRows = [...layout.rows].sort((a, b) => a.r - b.r);
  const inOrder = layout.rows.every((r, i) => i === 0 || r.r > layout.rows[i - 1].r);
  for (const [r, cells] of [...newRows.entries()].sort((a, b) => a[0] - b[0])) {
    const texts = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t).join("");
    const rowXml = `<${p}row r="${r}">${texts}</${p}row>`;
    const after = (inOrder ? sortedRows : layout.rows).find((x) => x.r > r);
    if (after) s.insert(after.start, rowXml);
    else if (layout.sheetData.empty) {
      s.replace(layout.sheetData.start, layout.sheetData.end, `${xml.slice(layout.sheetData.start, layout.sheetData.end).replace(/\s*\/\s*>$/, ">")}${rowXml}</${p}sheetData>`);
    } else s.insert(layout.sheetData.closeStart, rowXml);
  }
  return { xml: s.apply(), refused };
}

/** Attributes of a single tag's text. */
class XmlScannerAttr {
  private readonly x: XmlScanner;
  constructor(tag: string) {
    this.x = new XmlScanner(tag);
    this.x.next(true);
  }
  get(local: string): string | undefined {
    return this.x.attr(local);
  }
}

export { tagText, isRel, REL };
