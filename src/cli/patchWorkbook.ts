/**
 * Write fixes into a copy of an .xlsx by editing only the target cells in the package XML.
 * Everything else in the file (styles, charts, validations, comments, print setup) is kept as it
 * was; a re-save through a spreadsheet library would drop parts it does not model.
 */
import JSZip from "jszip";
import { parseA1 } from "../engine/grid";

export interface CellWrite {
  sheet: string;
  cell: string;
  /** With the leading "=". */
  formula?: string;
  value?: string | number;
  numFmt?: string;
  /** Cached result for a formula. */
  result?: number | string;
}

export interface PatchOutcome {
  buffer: Buffer;
  written: CellWrite[];
  skipped: { write: CellWrite; reason: string }[];
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, "&");

const ATTRS = String.raw`((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)`;
const ROW_RE = new RegExp(String.raw`<row\b${ATTRS}\s*(?:\/>|>([\s\S]*?)<\/row>)`, "g");
const CELL_RE = new RegExp(String.raw`<c\b${ATTRS}\s*(?:\/>|>([\s\S]*?)<\/c>)`, "g");

function attrs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}

function colOf(ref: string): number {
  return parseA1(ref).col;
}

/** Sheet name → path of its XML part. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const target = a.get("Target")!;
    targets.set(a.get("Id")!, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const id = a.get("r:id") ?? [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1];
    if (id && targets.has(id)) out.set(unescapeXml(a.get("name") ?? ""), targets.get(id)!);
  }
  return out;
}

/** Styles: clone a cell's xf with another number format, once per (xf, format). */
class StyleBook {
  private xml: string | undefined;
  private readonly cache = new Map<string, number>();
  constructor(private readonly zip: JSZip) {}

  async styleWith(baseXf: number, numFmt: string): Promise<number | undefined> {
    const key = `${baseXf}|${numFmt}`;
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.xml === undefined) {
      const f = this.zip.file("xl/styles.xml");
      if (!f) return undefined;
      this.xml = await f.async("string");
    }
    let xml = this.xml;
    const builtin: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10 };
    let fmtId = builtin[numFmt];
    if (fmtId === undefined) {
      const ids = [...xml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)];
      const existing = ids.find((m) => unescapeXml(m[2]) === numFmt);
      if (existing) fmtId = Number(existing[1]);
      else {
        fmtId = Math.max(163, ...ids.map((m) => Number(m[1]))) + 1;
        const entry = `<numFmt numFmtId="${fmtId}" formatCode="${escapeXml(numFmt)}"/>`;
        if (/<numFmts\b[^>]*>/.test(xml)) {
          xml = xml.replace(/<numFmts\b([^>]*)count="(\d+)"([^>]*)>/, (_m, a, n, b) => `<numFmts${a}count="${Number(n) + 1}"${b}>`).replace(/<\/numFmts>/, `${entry}</numFmts>`);
        } else {
          xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="1">${entry}</numFmts>`);
        }
      }
    }
    const xfsMatch = /<cellXfs\b([^>]*)>([\s\S]*?)<\/cellXfs>/.exec(xml);
    if (!xfsMatch) return undefined;
    const xfs = [...xfsMatch[2].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const base = xfs[baseXf] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    let clone = base.replace(/\snumFmtId="\d+"/, "").replace(/\sapplyNumberFormat="\d"/, "");
    clone = clone.replace(/^<xf\b/, `<xf numFmtId="${fmtId}" applyNumberFormat="1"`);
    const index = xfs.length;
    const newBody = `${xfsMatch[2]}${clone}`;
    const newAttrs = xfsMatch[1].replace(/count="\d+"/, `count="${index + 1}"`);
    xml = xml.replace(xfsMatch[0], `<cellXfs${newAttrs}>${newBody}</cellXfs>`);
    this.xml = xml;
    this.cache.set(key, index);
    return index;
  }

  async save() {
    if (this.xml !== undefined) this.zip.file("xl/styles.xml", this.xml);
  }
}

function cellXml(ref: string, style: string | undefined, w: CellWrite): string {
  const s = style !== undefined ? ` s="${style}"` : "";
  if (w.formula !== undefined) {
    const f = `<f>${escapeXml(w.formula.replace(/^=/, ""))}</f>`;
    if (typeof w.result === "string") return `<c r="${ref}"${s} t="str">${f}<v>${escapeXml(w.result)}</v></c>`;
    if (typeof w.result === "number" && Number.isFinite(w.result)) return `<c r="${ref}"${s}>${f}<v>${w.result}</v></c>`;
    return `<c r="${ref}"${s}>${f}</c>`;
  }
  if (typeof w.value === "number") return `<c r="${ref}"${s}><v>${w.value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(w.value ?? ""))}</t></is></c>`;
}

async function patchSheet(xml: string, writes: CellWrite[], styles: StyleBook, skipped: PatchOutcome["skipped"]): Promise<{ xml: string; written: CellWrite[] }> {
  const written: CellWrite[] = [];
  const dataMatch = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml);
  if (!dataMatch) {
    for (const w of writes) skipped.push({ write: w, reason: "工作表结构无法识别" });
    return { xml, written };
  }
  // Rows by number, in order.
  const rows = new Map<number, { attrs: string; cells: { ref: string; xml: string; attrs: Map<string, string>; body: string }[] }>();
  const body = dataMatch[1] ?? "";
  for (const m of body.matchAll(ROW_RE)) {
    const ra = attrs(m[1]);
    const r = Number(ra.get("r"));
    const cells: { ref: string; xml: string; attrs: Map<string, string>; body: string }[] = [];
    let implicitCol = 0;
    for (const c of (m[2] ?? "").matchAll(CELL_RE)) {
      const ca = attrs(c[1]);
      let ref = ca.get("r");
      if (!ref) {
        ref = `${String.fromCharCode(65 + implicitCol)}${r}`;
      }
      implicitCol = colOf(ref) + 1;
      cells.push({ ref, xml: c[0], attrs: ca, body: c[2] ?? "" });
    }
    rows.set(r, { attrs: m[1], cells });
  }
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    const r = row + 1;
    if (!rows.has(r)) rows.set(r, { attrs: ` r="${r}"`, cells: [] });
    const target = rows.get(r)!;
    // "spans" is only a hint; drop it on rows that change so it cannot contradict the cells.
    target.attrs = target.attrs.replace(/\sspans="[^"]*"/, "");
    const idx = target.cells.findIndex((c) => colOf(c.ref) === col);
    const existing = idx >= 0 ? target.cells[idx] : undefined;
    if (existing && /<f\b[^>]*t="shared"[^>]*ref="/.test(existing.body)) {
      skipped.push({ write: w, reason: "该单元格是共享公式的首格，改写会破坏其他单元格的公式" });
      continue;
    }
    let style = existing?.attrs.get("s");
    if (w.numFmt) {
      const s = await styles.styleWith(Number(style ?? 0), w.numFmt);
      if (s !== undefined) style = String(s);
    }
    const cell = { ref: w.cell, xml: cellXml(w.cell, style, w), attrs: new Map<string, string>(), body: "" };
    if (existing) target.cells[idx] = cell;
    else {
      const at = target.cells.findIndex((c) => colOf(c.ref) > col);
      if (at < 0) target.cells.push(cell);
      else target.cells.splice(at, 0, cell);
    }
    written.push(w);
  }
  const rebuilt = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => (r.cells.length ? `<row${r.attrs}>${r.cells.map((c) => c.xml).join("")}</row>` : `<row${r.attrs}/>`))
    .join("");
  return { xml: xml.replace(dataMatch[0], `<sheetData>${rebuilt}</sheetData>`), written };
}

/** Excel and LibreOffice should recalculate every formula when the copy is opened. */
async function requestFullRecalc(zip: JSZip) {
  const wbFile = zip.file("xl/workbook.xml");
  if (wbFile) {
    let wb = await wbFile.async("string");
    if (/<calcPr\b/.test(wb)) {
      wb = wb.replace(/<calcPr\b([^>]*?)(\/?)>/, (_m, a: string, close: string) => `<calcPr${a.replace(/\sfullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${close}>`);
    } else if (/<\/definedNames>/.test(wb)) {
      wb = wb.replace(/<\/definedNames>/, `</definedNames><calcPr fullCalcOnLoad="1"/>`);
    } else {
      wb = wb.replace(/<\/sheets>/, `</sheets><calcPr fullCalcOnLoad="1"/>`);
    }
    zip.file("xl/workbook.xml", wb);
  }
  // The calculation chain lists formula cells; a stale one makes Excel repair the file.
  if (zip.file("xl/calcChain.xml")) {
    zip.remove("xl/calcChain.xml");
    const ct = zip.file("[Content_Types].xml");
    if (ct) zip.file("[Content_Types].xml", (await ct.async("string")).replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ""));
    const rels = zip.file("xl/_rels/workbook.xml.rels");
    if (rels) zip.file("xl/_rels/workbook.xml.rels", (await rels.async("string")).replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ""));
  }
}

export async function patchWorkbook(buffer: Buffer, writes: CellWrite[]): Promise<PatchOutcome> {
  const zip = await JSZip.loadAsync(buffer);
  const paths = await sheetPaths(zip);
  const styles = new StyleBook(zip);
  const written: CellWrite[] = [];
  const skipped: PatchOutcome["skipped"] = [];
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (!paths.has(w.sheet)) {
      skipped.push({ write: w, reason: `找不到工作表“${w.sheet}”` });
      continue;
    }
    bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  }
  for (const [sheet, list] of bySheet) {
    const path = paths.get(sheet)!;
    const xml = await zip.file(path)!.async("string");
    const patched = await patchSheet(xml, list, styles, skipped);
    zip.file(path, patched.xml);
    written.push(...patched.written);
  }
  await styles.save();
  if (written.length) await requestFullRecalc(zip);
  const out = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  return { buffer: out, written, skipped };
}
