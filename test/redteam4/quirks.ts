/**
 * Raw-package rewrites that reproduce how real producers (Excel 365, WPS Office, LibreOffice, Google Sheets,
 * the Open XML SDK, openpyxl-like generators) save the SAME content an ExcelJS baseline holds.
 * Each quirk is a function on the unzipped package (path → text or bytes). Regex-based: it relies on the
 * regular shape of ExcelJS output (the baselines), which is all it is applied to.
 */
import JSZip from "jszip";

export type Pkg = Map<string, string | Uint8Array>;

export async function unzip(buf: Buffer | Uint8Array): Promise<Pkg> {
  const zip = await JSZip.loadAsync(buf);
  const pkg: Pkg = new Map();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (f.dir) continue;
    if (/\.(xml|rels|vml)$/i.test(name)) pkg.set(name, await f.async("string"));
    else pkg.set(name, await f.async("uint8array"));
  }
  return pkg;
}

export async function zipPkg(pkg: Pkg, opts: { store?: boolean; dirs?: boolean; stream?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const names = [...pkg.keys()];
  // Excel puts [Content_Types].xml first; keep it first.
  names.sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0));
  for (const n of names) {
    if (opts.dirs) {
      const parts = n.split("/");
      for (let i = 1; i < parts.length; i++) zip.folder(parts.slice(0, i).join("/"));
    }
    zip.file(n, pkg.get(n)!);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: opts.store ? "STORE" : "DEFLATE", streamFiles: !!opts.stream });
}

const txt = (pkg: Pkg, p: string): string => {
  const v = pkg.get(p);
  if (typeof v !== "string") throw new Error(`no text part ${p}`);
  return v;
};
export const sheetParts = (pkg: Pkg): string[] =>
  [...pkg.keys()].filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k)).sort();

export function xmlEsc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
export function xmlUnesc(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, "&");
}

/** Plain text of each shared string item (ExcelJS writes <si><t>…</t></si> or rich <r> runs). */
export function sharedStrings(pkg: Pkg): string[] {
  const sst = pkg.get("xl/sharedStrings.xml");
  if (typeof sst !== "string") return [];
  const out: string[] = [];
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    const body = m[1].replace(/<rPh[\s\S]*?<\/rPh>/g, "");
    out.push([...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => xmlUnesc(t[1])).join(""));
  }
  return out;
}

// ---------- cells ----------
export interface RawCell {
  attrs: Record<string, string>;
  f?: string; // formula text (unescaped)
  fAttrs?: string;
  v?: string; // raw <v> text (unescaped)
  inner: string;
}
const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
function parseAttrs(s: string): Record<string, string> {
  const a: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)="([^"]*)"/g)) a[m[1]] = m[2];
  return a;
}
function attrStr(a: Record<string, string>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join("");
}
function parseCell(attrs: string, inner = ""): RawCell {
  const c: RawCell = { attrs: parseAttrs(attrs), inner };
  const f = /<f(\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner);
  if (f) {
    c.f = xmlUnesc(f[2]);
    c.fAttrs = f[1] ?? "";
  }
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
  if (v) c.v = xmlUnesc(v[1]);
  return c;
}
export function cellXml(c: { attrs: Record<string, string>; inner: string }): string {
  return c.inner === "" ? `<c${attrStr(c.attrs)}/>` : `<c${attrStr(c.attrs)}>${c.inner}</c>`;
}
/** Rewrite every cell of every worksheet; return undefined to keep it. */
export function mapCells(pkg: Pkg, fn: (c: RawCell, sheet: string) => string | undefined, only?: string[]): void {
  for (const p of only ?? sheetParts(pkg)) {
    const xml = txt(pkg, p);
    pkg.set(
      p,
      xml.replace(CELL_RE, (whole, attrs: string, inner?: string) => fn(parseCell(attrs, inner ?? ""), p) ?? whole),
    );
  }
}

export function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
export function colName(n: number): string {
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function splitRef(r: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(r)!;
  return { col: colNum(m[1]), row: Number(m[2]) };
}

/** Number formats by style index (cellXfs order), as formatCode or builtin id. */
export function styleFormats(pkg: Pkg): number[] {
  const st = txt(pkg, "xl/styles.xml");
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(st)![1];
  return [...xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)].map((m) => Number(parseAttrs(m[1]).numFmtId ?? 0));
}

// ---------- quirk families ----------

/** Excel 365 (zh/ja): shared strings split into formatted runs, plus <rPh> phonetic runs and <phoneticPr>. */
export function richTextRuns(pkg: Pkg): void {
  const sst = txt(pkg, "xl/sharedStrings.xml");
  const rpr = '<rPr><sz val="10"/><color theme="1"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr>';
  pkg.set(
    "xl/sharedStrings.xml",
    sst.replace(/<si>([\s\S]*?)<\/si>/g, (whole, body: string) => {
      const t = /^<t(?:\s[^>]*)?>([\s\S]*)<\/t>$/.exec(body);
      if (!t) return whole;
      const text = [...xmlUnesc(t[1])];
      if (text.length < 2) return `<si><t>${t[1]}</t><phoneticPr fontId="1" type="noConversion"/></si>`;
      const cut = Math.ceil(text.length / 2);
      const a = xmlEsc(text.slice(0, cut).join(""));
      const b = xmlEsc(text.slice(cut).join(""));
      return (
        `<si><r>${rpr}<t xml:space="preserve">${a}</t></r><r>${rpr.replace("<sz", "<b/><sz")}<t xml:space="preserve">${b}</t></r>` +
        `<rPh sb="0" eb="1"><t>ピン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>`
      );
    }),
  );
}

const REF_RE = /(?<![A-Za-z_\d.!$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g;
export function shiftFormula(f: string, dr: number, dc: number): string {
  return f
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF_RE, (_, dcol: string, c: string, drow: string, r: string) => {
            const col = dcol ? c : colName(colNum(c) + dc);
            const row = drow ? r : String(Number(r) + dr);
            return `${dcol}${col}${drow}${row}`;
          }),
    )
    .join("");
}

/** Excel: runs of formulas that are the same in R1C1 become one shared formula (master + dependants by si). */
export function sharedFormulas(pkg: Pkg): number {
  let shared = 0;
  for (const p of sheetParts(pkg)) {
    const formulas = new Map<string, string>();
    const xml = txt(pkg, p);
    for (const m of xml.matchAll(CELL_RE)) {
      const c = parseCell(m[1], m[2] ?? "");
      if (c.f !== undefined && !c.fAttrs) formulas.set(c.attrs.r, c.f);
    }
    const role = new Map<string, { si: number; master?: string; f?: string }>();
    let si = 0;
    const keys = [...formulas.keys()].sort((a, b) => {
      const A = splitRef(a);
      const B = splitRef(b);
      return A.row - B.row || A.col - B.col;
    });
    for (const k of keys) {
      if (role.has(k)) continue;
      const { col, row } = splitRef(k);
      const f = formulas.get(k)!;
      for (const [dr, dc] of [
        [1, 0],
        [0, 1],
      ]) {
        const run = [k];
        for (let i = 1; ; i++) {
          const r = `${colName(col + dc * i)}${row + dr * i}`;
          if (role.has(r) || formulas.get(r) !== shiftFormula(f, dr * i, dc * i)) break;
          run.push(r);
        }
        if (run.length >= 2) {
          const ref = `${k}:${run[run.length - 1]}`;
          role.set(k, { si, master: ref, f });
          for (const r of run.slice(1)) role.set(r, { si });
          si++;
          shared += run.length - 1;
          break;
        }
      }
    }
    pkg.set(
      p,
      xml.replace(CELL_RE, (whole, attrs: string, inner?: string) => {
        const c = parseCell(attrs, inner ?? "");
        const ro = role.get(c.attrs.r);
        if (!ro || c.f === undefined) return whole;
        const fx = ro.master
          ? `<f t="shared" ref="${ro.master}" si="${ro.si}">${xmlEsc(ro.f!)}</f>`
          : `<f t="shared" si="${ro.si}"/>`;
        return cellXml({ attrs: c.attrs, inner: c.inner.replace(/<f(\s[^>]*)?>[\s\S]*?<\/f>/, fx) });
      }),
    );
  }
  return shared;
}

/** Text constants stored the way Excel stores a formula result: t="str" with <f>"…"</f> and the cached text. */
export function textAsStrFormulas(pkg: Pkg): void {
  const ss = sharedStrings(pkg);
  mapCells(pkg, (c) => {
    if (c.attrs.t !== "s" || c.v === undefined) return undefined;
    const s = ss[Number(c.v)];
    if (s.length > 250) return undefined;
    return cellXml({
      attrs: { ...c.attrs, t: "str" },
      inner: `<f>${xmlEsc(`"${s.replace(/"/g, '""')}"`)}</f><v>${xmlEsc(s)}</v>`,
    });
  });
}

/** Constants written as t="str" with no formula (some generators, e.g. older Open XML SDK code, Google export of text). */
export function textAsStrConstants(pkg: Pkg): void {
  const ss = sharedStrings(pkg);
  mapCells(pkg, (c) => {
    if (c.attrs.t !== "s" || c.v === undefined) return undefined;
    return cellXml({ attrs: { ...c.attrs, t: "str" }, inner: `<v>${xmlEsc(ss[Number(c.v)])}</v>` });
  });
}

/** WPS / SDK: inline strings t="inlineStr" <is><t>…</t></is>; no sharedStrings part at all. */
export function inlineStrings(pkg: Pkg, opts: { rich?: boolean } = {}): void {
  const ss = sharedStrings(pkg);
  mapCells(pkg, (c) => {
    if (c.attrs.t !== "s" || c.v === undefined) return undefined;
    const s = ss[Number(c.v)];
    const cp = [...s];
    const body =
      opts.rich && cp.length >= 2
        ? `<r><t xml:space="preserve">${xmlEsc(cp.slice(0, 1).join(""))}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${xmlEsc(cp.slice(1).join(""))}</t></r>`
        : `<t xml:space="preserve">${xmlEsc(s)}</t>`;
    return cellXml({ attrs: { ...c.attrs, t: "inlineStr" }, inner: `<is>${body}</is>` });
  });
  dropPart(pkg, "xl/sharedStrings.xml");
}

export function dropPart(pkg: Pkg, part: string): void {
  pkg.delete(part);
  const name = part.split("/").pop()!;
  for (const k of [...pkg.keys()].filter((k) => k.endsWith(".rels"))) {
    pkg.set(k, txt(pkg, k).replace(new RegExp(`<Relationship [^>]*Target="[^"]*${name}"[^>]*/>`, "g"), ""));
  }
  pkg.set(
    "[Content_Types].xml",
    txt(pkg, "[Content_Types].xml").replace(new RegExp(`<Override PartName="/${part}"[^>]*/>`), ""),
  );
}

/** Plain numeric constants (General format) stored as text, as WPS / pasted data does; optionally full-width. */
export function numbersAsText(pkg: Pkg, opts: { fullWidth?: boolean; onlyGeneral?: boolean } = {}): number {
  const fmts = styleFormats(pkg);
  let n = 0;
  const fw = (s: string) =>
    s.replace(/[-0-9.%,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  mapCells(pkg, (c) => {
    if (c.f !== undefined || c.v === undefined || (c.attrs.t && c.attrs.t !== "n")) return undefined;
    const fmt = fmts[Number(c.attrs.s ?? 0)];
    if (opts.onlyGeneral !== false && fmt !== 0 && fmt !== 2 && fmt !== 4) return undefined;
    const num = Number(c.v);
    let shown = fmt === 2 ? num.toFixed(2) : fmt === 4 ? num.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(num);
    if (fmt === 10) shown = (num * 100).toFixed(2) + "%";
    if (opts.fullWidth) shown = fw(shown);
    n++;
    const attrs = { ...c.attrs, t: "inlineStr" };
    return cellXml({ attrs, inner: `<is><t>${xmlEsc(shown)}</t></is>` });
  });
  return n;
}

/** Full-width digits, ％ and ．in every shared string that holds a digit (WPS with a Chinese IME). */
export function fullWidthStrings(pkg: Pkg): void {
  const sst = txt(pkg, "xl/sharedStrings.xml");
  pkg.set(
    "xl/sharedStrings.xml",
    sst.replace(/<t(\s[^>]*)?>([\s\S]*?)<\/t>/g, (_, a: string | undefined, t: string) => {
      const s = xmlUnesc(t).replace(/[0-9%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      return `<t${a ?? ""}>${xmlEsc(s)}</t>`;
    }),
  );
}

/** Excel writes CR LF in a cell as `_x000D_` + LF (ST_Xstring escape); a tab may come as `_x0009_`. */
export function crlfEscapes(pkg: Pkg, opts: { headers?: boolean; tabs?: boolean } = {}): number {
  let n = 0;
  const sst = txt(pkg, "xl/sharedStrings.xml");
  pkg.set(
    "xl/sharedStrings.xml",
    sst.replace(/<t(\s[^>]*)?>([\s\S]*?)<\/t>/g, (_, a: string | undefined, t: string) => {
      let s = t;
      if (s.includes("\n")) {
        s = s.replace(/\n/g, "_x000D_\n");
        n++;
      } else if (opts.headers && /^[^\s]{4,8}$/.test(s) && /(数|率|分值|得分|指标|值)$/.test(xmlUnesc(s))) {
        const cp = [...s];
        s = cp.slice(0, 2).join("") + "_x000D_\n" + cp.slice(2).join("");
        n++;
      }
      if (opts.tabs && /^(一级指标|二级指标|三级指标)$/.test(xmlUnesc(s))) s = "_x0009_" + s;
      return `<t xml:space="preserve">${s}</t>`;
    }),
  );
  return n;
}

/** Every non-ASCII character in text parts as a numeric character reference (some Java/.NET writers). */
export function numericCharRefs(pkg: Pkg): void {
  for (const p of ["xl/sharedStrings.xml", "xl/workbook.xml"]) {
    const x = txt(pkg, p);
    const i = x.indexOf("?>") + 2;
    pkg.set(p, x.slice(0, i) + x.slice(i).replace(/[^\t\n\r\u0020-\u007e]/gu, (ch) => `&#${ch.codePointAt(0)};`));
  }
}

export function dimension(pkg: Pkg, how: "wrong" | "missing"): void {
  for (const p of sheetParts(pkg)) {
    const x = txt(pkg, p);
    pkg.set(p, how === "missing" ? x.replace(/<dimension [^>]*\/>/, "") : x.replace(/<dimension [^>]*\/>/, '<dimension ref="A1"/>'));
  }
}

export function sheetState(pkg: Pkg, names: string[], state: "hidden" | "veryHidden"): void {
  let wb = txt(pkg, "xl/workbook.xml");
  for (const n of names) wb = wb.replace(new RegExp(`(<sheet [^>]*name="${n}"[^>]*?)(?: state="[^"]*")?([^>]*/>)`), `$1 state="${state}"$2`);
  pkg.set("xl/workbook.xml", wb.replace(/ state="visible"/g, ""));
}

/** Open XML SDK style: elements of the main namespace written with a prefix (x:worksheet, x:c, x:v …). */
export function prefixed(pkg: Pkg, prefix = "x"): void {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  for (const p of [...sheetParts(pkg), "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) {
    const x = pkg.get(p);
    if (typeof x !== "string") continue;
    pkg.set(
      p,
      x
        .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, `<$1${prefix}:$2`)
        .replace(`xmlns="${MAIN}"`, `xmlns:${prefix}="${MAIN}"`),
    );
  }
}

/** No r attribute on rows and cells where the position follows from order (allowed by the schema). */
export function dropRefs(pkg: Pkg): void {
  for (const p of sheetParts(pkg)) {
    let prevRow = 0;
    const x = txt(pkg, p).replace(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g, (whole, attrs: string, _e, inner?: string) => {
      const a = parseAttrs(attrs);
      const r = Number(a.r);
      if (r === prevRow + 1) delete a.r;
      prevRow = r;
      if (inner === undefined) return `<row${attrStr(a)}/>`;
      let prevCol = 0;
      const cells = inner.replace(CELL_RE, (cw, ca: string, ci?: string) => {
        const c = parseCell(ca, ci ?? "");
        const { col } = splitRef(c.attrs.r);
        const keep = col !== prevCol + 1;
        prevCol = col;
        if (keep) return cw;
        delete c.attrs.r;
        return cellXml({ attrs: c.attrs, inner: c.inner });
      });
      return `<row${attrStr(a)}>${cells}</row>`;
    });
    pkg.set(p, x);
  }
}

/** Relationship targets as absolute part names (/xl/worksheets/sheet1.xml) or with ./ */
export function relTargets(pkg: Pkg, how: "absolute" | "dotslash"): void {
  for (const k of ["xl/_rels/workbook.xml.rels"]) {
    pkg.set(
      k,
      txt(pkg, k).replace(/Target="([^"]+)"/g, (_, t: string) =>
        t.startsWith("/") || /^https?:/.test(t) ? `Target="${t}"` : how === "absolute" ? `Target="/xl/${t}"` : `Target="./${t}"`,
      ),
    );
  }
  if (how === "absolute") {
    pkg.set("_rels/.rels", txt(pkg, "_rels/.rels").replace(/Target="(?!\/)(xl\/workbook\.xml)"/, 'Target="/$1"'));
  }
}

/** Rename parts (sheet parts, sharedStrings, styles, the workbook itself) and fix rels and content types. */
export function renameParts(pkg: Pkg, map: Record<string, string>, opts: { relsCase?: boolean } = {}): void {
  for (const [from, to] of Object.entries(map)) {
    const v = pkg.get(from)!;
    pkg.delete(from);
    pkg.set(to, v);
    const relsFrom = from.replace(/([^/]+)$/, "_rels/$1.rels");
    if (pkg.has(relsFrom)) {
      const r = pkg.get(relsFrom)!;
      pkg.delete(relsFrom);
      pkg.set(to.replace(/([^/]+)$/, "_rels/$1.rels"), r);
    }
    let ct = txt(pkg, "[Content_Types].xml");
    ct = ct.replace(`PartName="/${from}"`, `PartName="/${to}"`);
    pkg.set("[Content_Types].xml", ct);
  }
  // rewrite every rels file with absolute targets, so renamed directories work
  for (const k of [...pkg.keys()].filter((k) => k.endsWith(".rels"))) {
    const base = k.replace(/_rels\/([^/]*)\.rels$/, "");
    pkg.set(
      k,
      txt(pkg, k).replace(/Target="([^"]+)"/g, (_, t: string) => {
        if (/^https?:/.test(t)) return `Target="${t}"`;
        let abs = t.startsWith("/") ? t.slice(1) : base + t;
        abs = abs.replace(/\/\.\//g, "/");
        const renamed = map[abs] ?? abs;
        const shown = opts.relsCase ? renamed.toLowerCase() : renamed;
        return `Target="/${shown}"`;
      }),
    );
  }
}

/** [Content_Types].xml with Overrides only (no Default elements), as some generators write. */
export function contentTypesOverridesOnly(pkg: Pkg): void {
  const parts = [...pkg.keys()].filter((k) => k !== "[Content_Types].xml");
  let ct = txt(pkg, "[Content_Types].xml").replace(/<Default [^>]*\/>/g, "");
  for (const p of parts) {
    if (ct.includes(`PartName="/${p}"`)) continue;
    const type = p.endsWith(".rels") ? "application/vnd.openxmlformats-package.relationships+xml" : "application/xml";
    ct = ct.replace("</Types>", `<Override PartName="/${p}" ContentType="${type}"/></Types>`);
  }
  pkg.set("[Content_Types].xml", ct);
}

/** ISO/IEC 29500 Strict namespaces (Excel "Strict Open XML Spreadsheet" save). */
export function strict(pkg: Pkg): void {
  const map: [string, string][] = [
    ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
    ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
    ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"],
  ];
  for (const [k, v] of pkg) {
    if (typeof v !== "string") continue;
    let x = v;
    for (const [a, b] of map) x = x.split(a).join(b);
    if (k === "xl/workbook.xml") x = x.replace("<workbook ", '<workbook conformance="strict" ');
    pkg.set(k, x);
  }
}

/** LibreOffice: explicit t="n" on numbers, <f aca="false">, t="b" booleans for a cell or two. */
export function libreOffice(pkg: Pkg): void {
  mapCells(pkg, (c) => {
    let changed = false;
    const attrs = { ...c.attrs };
    let inner = c.inner;
    if (c.v !== undefined && !c.attrs.t) {
      attrs.t = "n";
      changed = true;
    }
    if (c.f !== undefined && !c.fAttrs) {
      inner = inner.replace("<f>", '<f aca="false">');
      changed = true;
    }
    return changed ? cellXml({ attrs, inner }) : undefined;
  });
}

/** Every number written with 17 significant digits (what Excel writes for 212.48 is 212.47999999999999). */
export function seventeenDigits(pkg: Pkg, exponent = false): void {
  mapCells(pkg, (c) => {
    if (c.v === undefined || (c.attrs.t && c.attrs.t !== "n")) return undefined;
    const n = Number(c.v);
    if (!Number.isFinite(n) || Number.isInteger(n)) return undefined;
    const v = exponent ? n.toExponential(16).replace("e+", "E").replace("e-", "E-") : Number(n.toPrecision(17)) === n ? n.toPrecision(17) : String(n);
    return cellXml({ attrs: c.attrs, inner: c.inner.replace(/<v>[^<]*<\/v>/, `<v>${v}</v>`) });
  });
}

/** openpyxl / Open XML SDK: formulas written with no cached value; Excel recalculates on load. */
export function noCachedValues(pkg: Pkg): number {
  let n = 0;
  mapCells(pkg, (c) => {
    if (c.f === undefined) return undefined;
    n++;
    const attrs = { ...c.attrs };
    delete attrs.t;
    return cellXml({ attrs, inner: c.inner.replace(/<v>[\s\S]*?<\/v>/, "") });
  });
  const wb = txt(pkg, "xl/workbook.xml");
  pkg.set("xl/workbook.xml", /<calcPr[^>]*\/>/.test(wb) ? wb.replace(/<calcPr[^>]*\/>/, '<calcPr calcId="191029" fullCalcOnLoad="1"/>') : wb.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>'));
  return n;
}

/** UTF-8 byte order mark before the XML declaration of every part. */
export function bom(pkg: Pkg): void {
  for (const [k, v] of pkg) if (typeof v === "string") pkg.set(k, "\ufeff" + v);
}

/** Indented XML with whitespace-only text between elements (hand-written / pretty-printing generators). */
export function prettyPrinted(pkg: Pkg): void {
  for (const [k, v] of pkg) {
    if (typeof v !== "string" || !/(workbook|sheet\d*|sharedStrings|styles)\.xml$/.test(k)) continue;
    // whitespace between tags except inside <t>, <v>, <f>
    pkg.set(k, v.replace(/>(?=<(?!\/(?:t|v|f)>))/g, ">\n  ").replace(/(<(t|v|f)\b[^>]*>)\n {2}/g, "$1"));
  }
}

/** Excel 365 noise: mc:AlternateContent in workbook.xml, xr:uid, x14ac, calcChain, extLst. */
export function excel365Noise(pkg: Pkg): void {
  let wb = txt(pkg, "xl/workbook.xml");
  wb = wb.replace(
    /<workbook ([^>]*)>/,
    '<workbook $1 xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac">',
  );
  wb = wb.replace(
    /<workbookPr[^>]*\/>/,
    (m) =>
      `${m}<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\财务科\\Desktop\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{0B2A6C1E-3D5F-4A7B-9C11-8E2F3A4B5C6D}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10"/>`,
  );
  wb = wb.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
  wb = wb.replace(/<\/sheets>/, "</sheets><definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'路灯维护'!$A$1:$J$30</definedName></definedNames>");
  pkg.set("xl/workbook.xml", wb);
  for (const p of sheetParts(pkg)) {
    let x = txt(pkg, p);
    x = x.replace(
      /<worksheet ([^>]*)>/,
      '<worksheet $1 xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{6F2B5D1A-0000-4000-8000-00000000AB01}">',
    );
    x = x.replace(/<row ([^>]*?)(\/?)>/g, (m, a: string, slash: string) =>
      a.includes("x14ac:dyDescent") ? m : `<row ${a} x14ac:dyDescent="0.25"${slash}>`,
    );
    x = x.replace(
      "</worksheet>",
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></worksheet>',
    );
    pkg.set(p, x);
  }
  // calcChain: one entry per formula cell
  const entries: string[] = [];
  sheetParts(pkg).forEach((p, i) => {
    for (const m of txt(pkg, p).matchAll(CELL_RE)) {
      const c = parseCell(m[1], m[2] ?? "");
      if (c.f !== undefined) entries.push(`<c r="${c.attrs.r}" i="${i + 1}"/>`);
    }
  });
  if (entries.length) {
    pkg.set(
      "xl/calcChain.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries.join("")}</calcChain>`,
    );
    pkg.set(
      "xl/_rels/workbook.xml.rels",
      txt(pkg, "xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    pkg.set(
      "[Content_Types].xml",
      txt(pkg, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
  }
}

/** WPS Office: extra namespaces and mc:Ignorable prefixes, WPS custom-data relationship. */
export function wpsNoise(pkg: Pkg): void {
  for (const p of [...sheetParts(pkg), "xl/workbook.xml"]) {
    let x = txt(pkg, p);
    x = x.replace(
      /<(worksheet|workbook) ([^>]*)>/,
      (_, el: string, a: string) =>
        `<${el} ${a.replace(/mc:Ignorable="([^"]*)"/, 'mc:Ignorable="$1 etc"')} xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">`,
    );
    if (p !== "xl/workbook.xml")
      x = x.replace(
        "</worksheet>",
        '<extLst><ext uri="{F2D0CFB9-0AE9-4DA6-8FE0-AEB2D53A2E1A}"><etc:sheetExtData etc:docVer="1"/></ext></extLst></worksheet>',
      );
    pkg.set(p, x);
  }
  pkg.set(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16417</vt:lpwstr></property></Properties>',
  );
}

/** Number formats: percent as builtin 9, or as custom codes (Google/LibreOffice), scores with 0.00"分". */
export function numberFormats(pkg: Pkg, how: "percent9" | "customPercent" | "scoreUnit" | "accounting"): void {
  let st = txt(pkg, "xl/styles.xml");
  const addFmt = (id: number, code: string) => {
    const el = `<numFmt numFmtId="${id}" formatCode="${xmlEsc(code).replace(/"/g, "&quot;")}"/>`;
    if (/<numFmts[^>]*>/.test(st)) st = st.replace(/<numFmts([^>]*)>/, `<numFmts$1>${el}`);
    else st = st.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1">${el}</numFmts>`);
  };
  const cellXfs = (fn: (xf: string) => string) => {
    st = st.replace(/<cellXfs[^>]*>[\s\S]*?<\/cellXfs>/, (block) =>
      block.replace(/<xf\b[^>]*?\/?>/g, (xf) => {
        const out = fn(xf);
        // one applyNumberFormat only (a duplicate attribute is not well-formed XML)
        let seen = false;
        return out.replace(/ applyNumberFormat="\d"/g, (m) => (seen ? "" : ((seen = true), m)));
      }),
    );
  };
  if (how === "percent9") cellXfs((xf) => xf.replace('numFmtId="10"', 'numFmtId="9"'));
  if (how === "customPercent") {
    addFmt(176, "0.00%;[Red]\\-0.00%");
    cellXfs((xf) => xf.replace('numFmtId="10"', 'numFmtId="176" applyNumberFormat="1"'));
  }
  if (how === "scoreUnit") {
    addFmt(177, '0.00"分"');
    cellXfs((xf) => xf.replace('numFmtId="0"', 'numFmtId="177" applyNumberFormat="1"').replace('numFmtId="2"', 'numFmtId="177"'));
  }
  if (how === "accounting") {
    addFmt(178, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ');
    cellXfs((xf) => xf.replace('numFmtId="4"', 'numFmtId="178" applyNumberFormat="1"').replace('numFmtId="2"', 'numFmtId="178"'));
  }
  pkg.set("xl/styles.xml", st);
}

/** quotePrefix="1" on the text styles (a leading apostrophe typed into the cell: Excel does not show it). */
export function quotePrefix(pkg: Pkg): void {
  const st = txt(pkg, "xl/styles.xml").replace(/<cellXfs[^>]*>[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (_, a: string, s: string) => `<xf${a} quotePrefix="1"${s}>`),
  );
  pkg.set("xl/styles.xml", st);
}

/** 1904 date system flag (Excel for Mac, old files). The baselines hold no date serials, so values do not move. */
export function date1904(pkg: Pkg): void {
  pkg.set("xl/workbook.xml", txt(pkg, "xl/workbook.xml").replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
}

/** A chart sheet before the data sheets (Excel workbook with a chart tab). */
export function addChartsheet(pkg: Pkg): void {
  pkg.set(
    "xl/chartsheets/sheet1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></chartsheet>',
  );
  pkg.set(
    "[Content_Types].xml",
    txt(pkg, "[Content_Types].xml").replace(
      "</Types>",
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
    ),
  );
  pkg.set(
    "xl/_rels/workbook.xml.rels",
    txt(pkg, "xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      '<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    ),
  );
  pkg.set(
    "xl/workbook.xml",
    txt(pkg, "xl/workbook.xml").replace(/<sheets>/, '<sheets><sheet name="执行率图" sheetId="90" r:id="rId98"/>'),
  );
}

// ---------- content-level helpers (targeted probes) ----------

/** The worksheet part of a tab, through workbook.xml r:id and the workbook relationships. */
export function partOf(pkg: Pkg, sheetName: string): string {
  const wb = txt(pkg, "xl/workbook.xml");
  const m = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*>`).exec(wb)!;
  const rid = /r:id="([^"]+)"/.exec(m[0])![1];
  const rels = txt(pkg, "xl/_rels/workbook.xml.rels");
  const t = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
  const target = /Target="([^"]+)"/.exec(t)![1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/** Replace one existing cell (ExcelJS writes styled empty cells, so the cell is there). */
export function setCell(pkg: Pkg, sheetName: string, ref: string, fn: (c: RawCell) => { attrs: Record<string, string>; inner: string }): void {
  const p = partOf(pkg, sheetName);
  let hit = false;
  mapCells(
    pkg,
    (c) => {
      if (c.attrs.r !== ref) return undefined;
      hit = true;
      return cellXml(fn(c));
    },
    [p],
  );
  if (!hit) throw new Error(`cell ${sheetName}!${ref} not stored`);
}

/** A copy of cellXfs[base] with another number format; returns the new style index. */
export function addStyle(pkg: Pkg, base: number, numFmtId: number, formatCode?: string): number {
  let st = txt(pkg, "xl/styles.xml");
  if (formatCode !== undefined) {
    const el = `<numFmt numFmtId="${numFmtId}" formatCode="${xmlEsc(formatCode).replace(/"/g, "&quot;")}"/>`;
    if (/<numFmts[^>]*>/.test(st)) st = st.replace(/<numFmts([^>]*)>/, `<numFmts$1>${el}`);
    else st = st.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1">${el}</numFmts>`);
  }
  let index = -1;
  st = st.replace(/<cellXfs([^>]*)>([\s\S]*?)<\/cellXfs>/, (_, a: string, body: string) => {
    const xfs = [...body.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    index = xfs.length;
    const copy = xfs[base].replace(/ applyNumberFormat="\d"/, "").replace(/numFmtId="\d+"/, `numFmtId="${numFmtId}" applyNumberFormat="1"`);
    return `<cellXfs${a.replace(/count="\d+"/, `count="${index + 1}"`)}>${body}${copy}</cellXfs>`;
  });
  pkg.set("xl/styles.xml", st);
  return index;
}

/** LibreOffice "merge cells, keep the contents of the hidden cells": covered cells of each merge keep a copy. */
export function keepCoveredContents(pkg: Pkg, sheetName: string): number {
  const p = partOf(pkg, sheetName);
  const x = txt(pkg, p);
  const cells = new Map<string, RawCell>();
  for (const m of x.matchAll(CELL_RE)) {
    const c = parseCell(m[1], m[2] ?? "");
    cells.set(c.attrs.r, c);
  }
  const copy = new Map<string, RawCell>();
  for (const m of x.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"\/>/g)) {
    const a = splitRef(m[1]);
    const b = splitRef(m[2]);
    const top = cells.get(m[1]);
    if (!top || top.inner === "" || top.f !== undefined) continue;
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) copy.set(`${colName(c)}${r}`, top);
  }
  let n = 0;
  mapCells(
    pkg,
    (c) => {
      const top = copy.get(c.attrs.r);
      if (!top || c.inner !== "") return undefined;
      n++;
      const attrs = { ...c.attrs };
      if (top.attrs.t) attrs.t = top.attrs.t;
      return cellXml({ attrs, inner: top.inner });
    },
    [p],
  );
  return n;
}

/** Swap the worksheet part names so that sheetN.xml is not the N-th tab (rels keep pointing right). */
export function shuffleSheetParts(pkg: Pkg): void {
  const parts = sheetParts(pkg);
  const map: Record<string, string> = {};
  parts.forEach((p, i) => (map[p] = parts[parts.length - 1 - i].replace(/\.xml$/, "_.xml")));
  renameParts(pkg, map);
  for (const p of sheetParts(pkg)) {
    const to = p.replace(/_\.xml$/, ".xml");
    if (to !== p) renameParts(pkg, { [p]: to });
  }
}

export function renameSheet(pkg: Pkg, from: string, to: string): void {
  pkg.set("xl/workbook.xml", txt(pkg, "xl/workbook.xml").replace(`name="${from}"`, `name="${xmlEsc(to).replace(/"/g, "&quot;").replace(/'/g, "&apos;")}"`));
}

/**
 * What Excel does when the text is typed into a General cell: "96.8%" becomes 0.968 with format 0.0%,
 * "1,318.75" becomes 1318.75 with #,##0.00, "100" becomes 100. (The ExcelJS baselines store them as text.)
 */
export function typedAsExcelParses(pkg: Pkg): number {
  const ss = sharedStrings(pkg);
  const cache = new Map<string, number>();
  let nextFmt = 190;
  const fmtIds: Record<string, number> = { "0%": 9, "0.00%": 10, "#,##0": 3, "#,##0.00": 4 };
  const style = (base: number, code: string): number => {
    const k = `${base}|${code}`;
    if (!cache.has(k)) {
      const builtin = fmtIds[code];
      cache.set(k, builtin !== undefined ? addStyle(pkg, base, builtin) : addStyle(pkg, base, nextFmt++, code));
      if (builtin === undefined) fmtIds[code] = nextFmt - 1;
    }
    return cache.get(k)!;
  };
  let n = 0;
  mapCells(pkg, (c) => {
    if (c.attrs.t !== "s" || c.v === undefined) return undefined;
    const s = ss[Number(c.v)].trim();
    const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/.exec(s);
    if (!m) return undefined;
    const [, sign, int, dec = "", pct] = m;
    let value = Number(`${sign}${int.replace(/,/g, "")}.${dec || "0"}`);
    let code: string | undefined;
    if (pct) {
      value = value / 100;
      code = dec ? `0.${"0".repeat(dec.length)}%` : "0%";
    } else if (int.includes(",")) code = dec ? `#,##0.${"0".repeat(dec.length)}` : "#,##0";
    else if (dec && dec.endsWith("0")) code = `0.${"0".repeat(dec.length)}`;
    const attrs = { ...c.attrs };
    delete attrs.t;
    if (code) attrs.s = String(style(Number(c.attrs.s ?? 0), code));
    n++;
    return cellXml({ attrs, inner: `<v>${Number(value.toPrecision(15))}</v>` });
  });
  return n;
}

/** Legacy Ctrl+Shift+Enter array formulas (<f t="array" ref="…">) and Excel 365 dynamic-array cells (cm="1"). */
export function arrayFormulas(pkg: Pkg, dynamic: boolean): number {
  let n = 0;
  mapCells(pkg, (c) => {
    if (c.f === undefined || c.fAttrs) return undefined;
    n++;
    const attrs = dynamic ? { ...c.attrs, cm: "1" } : c.attrs;
    return cellXml({ attrs, inner: c.inner.replace("<f>", `<f t="array" ref="${c.attrs.r}">`) });
  });
  if (dynamic) {
    pkg.set(
      "xl/metadata.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>',
    );
    pkg.set("xl/_rels/workbook.xml.rels", txt(pkg, "xl/_rels/workbook.xml.rels").replace("</Relationships>", '<Relationship Id="rId97" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>'));
    pkg.set("[Content_Types].xml", txt(pkg, "[Content_Types].xml").replace("</Types>", '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>'));
  }
  return n;
}

/** Apply a text rewrite to every shared string <t> (and inline string) body. */
export function mapStrings(pkg: Pkg, fn: (s: string) => string): void {
  const re = /<t(\s[^>]*)?>([\s\S]*?)<\/t>/g;
  const rw = (x: string) => x.replace(re, (_, a: string | undefined, t: string) => `<t${a ?? ""}>${xmlEsc(fn(xmlUnesc(t)))}</t>`);
  if (typeof pkg.get("xl/sharedStrings.xml") === "string") {
    // keep <rPh> phonetic runs untouched: only <si> bodies outside rPh are rewritten (ExcelJS writes none)
    pkg.set("xl/sharedStrings.xml", rw(txt(pkg, "xl/sharedStrings.xml")));
  }
}

/** PDF→Excel converters: Kangxi radicals / CJK compatibility ideographs that look identical (⼀ for 一, 率 for 率). */
export const LOOKALIKE_CJK: Record<string, string> = {
  一: "\u2F00", 二: "\u2F06", 八: "\u2F0B", 十: "\u2F17", 人: "\u2F08", 入: "\u2F0A", 力: "\u2F12", 工: "\u2F2F",
  大: "\u2F24", 小: "\u2F29", 支: "\u2F40", 文: "\u2F42", 方: "\u2F45", 日: "\u2F47", 月: "\u2F49", 水: "\u2F54",
  生: "\u2F63", 用: "\u2F64", 目: "\u2F6C", 行: "\u2F8F", 金: "\u2FA6", 高: "\u2FBC", 面: "\u2FAF", 长: "\u2ED3",
  门: "\u2ED4", 率: "\uF961", 金额: "\u2FA6额",
};
export function lookalikeCjk(pkg: Pkg): void {
  mapStrings(pkg, (s) => [...s].map((ch) => LOOKALIKE_CJK[ch] ?? ch).join(""));
}

/** Web copy-paste: zero-width spaces, no-break spaces and ideographic spaces inside labels (invisible or blank in Excel). */
export function invisibleSpaces(pkg: Pkg, kind: "zwsp" | "nbsp"): void {
  mapStrings(pkg, (s) => {
    if (!/[\u4e00-\u9fff]/.test(s) || s.length > 20) return s;
    const cp = [...s];
    if (kind === "zwsp") return cp.join("\u200B");
    return "\u00A0" + cp.join("\u3000") + "\u00A0";
  });
}

/** .NET XmlWriter defaults: parts encoded as UTF-16LE with a BOM and encoding="utf-16" (allowed by OPC). */
export function utf16Parts(pkg: Pkg): void {
  for (const [k, v] of pkg) {
    if (typeof v !== "string" || !/\.xml$/.test(k) || k === "[Content_Types].xml") continue;
    const s = v.replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="utf-16" standalone="yes"?>');
    const body = Buffer.from(s, "utf16le");
    pkg.set(k, new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body])));
  }
}

/** No XML declaration at all (hand-rolled generators). */
export function noXmlDeclaration(pkg: Pkg): void {
  for (const [k, v] of pkg) if (typeof v === "string") pkg.set(k, v.replace(/^<\?xml[^>]*\?>\s*/, ""));
}

/** Database/POI exports: every empty styled cell written as an empty (or blank) string. */
export function emptyStrings(pkg: Pkg, blank = ""): number {
  let sst = txt(pkg, "xl/sharedStrings.xml");
  const count = (sst.match(/<si>/g) ?? []).length;
  sst = sst.replace("</sst>", `<si><t xml:space="preserve">${xmlEsc(blank)}</t></si></sst>`);
  pkg.set("xl/sharedStrings.xml", sst);
  let n = 0;
  mapCells(pkg, (c) => {
    if (c.inner !== "") return undefined;
    n++;
    return cellXml({ attrs: { ...c.attrs, t: "s" }, inner: `<v>${count}</v>` });
  });
  return n;
}

/** Excel notes (legacy comments + VML drawing) on the first sheet, as staff add 批注. */
export function excelNotes(pkg: Pkg): void {
  const sheet = sheetParts(pkg)[0];
  const name = sheet.split("/").pop()!;
  pkg.set(
    "xl/comments1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>财务科</author></authors><commentList><comment ref="A1" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>财务科:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n请核对执行率</t></r></text></comment></commentList></comments>',
  );
  pkg.set(
    "xl/drawings/vmlDrawing1.vml",
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
  );
  pkg.set(
    `xl/worksheets/_rels/${name}.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>',
  );
  pkg.set(sheet, txt(pkg, sheet).replace("</worksheet>", '<legacyDrawing r:id="rId1"/></worksheet>'));
  let ct = txt(pkg, "[Content_Types].xml");
  if (!ct.includes('Extension="vml"')) ct = ct.replace("</Types>", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>');
  ct = ct.replace("</Types>", '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>');
  pkg.set("[Content_Types].xml", ct);
}

/** Only the fullCalcOnLoad flag (cached values kept). */
export function noCachedValuesFlagOnly(pkg: Pkg): void {
  const wb = txt(pkg, "xl/workbook.xml");
  pkg.set("xl/workbook.xml", wb.replace(/<calcPr[^>]*\/>/, '<calcPr calcId="191029" fullCalcOnLoad="1"/>'));
}

const XML_PARTS = (pkg: Pkg): string[] => [...pkg.keys()].filter((k) => /\.(xml|rels)$/.test(k) && typeof pkg.get(k) === "string");

/** Hand-rolled writers: attribute values in single quotes (well-formed XML). */
export function singleQuotedAttributes(pkg: Pkg): void {
  for (const k of XML_PARTS(pkg))
    pkg.set(
      k,
      txt(pkg, k).replace(/<[^!?][^>]*>/g, (tag) => tag.replace(/="([^"']*)"/g, "='$1'")),
    );
}

/** Whitespace and line breaks inside tags: <c  r="A1"\n   s="3" >, <v >, </c >. */
export function whitespaceInTags(pkg: Pkg): void {
  for (const k of XML_PARTS(pkg)) {
    if (k === "[Content_Types].xml") continue;
    pkg.set(
      k,
      txt(pkg, k)
        .replace(/<([A-Za-z][\w:]*)((?:\s+[\w:]+="[^"]*")+)\s*(\/?)>/g, (_, el: string, attrs: string, slash: string) => `<${el}${attrs.replace(/\s+([\w:]+=)/g, "\n   $1")} ${slash}>`)
        .replace(/<(v|t|f|is|si|row|c)>/g, "<$1 >")
        .replace(/<\/(v|t|f|c|row|si|is)>/g, "</$1 >"),
    );
  }
}

/** CDATA sections for text (<t><![CDATA[…]]></t>) and formulas, as some PHP/Java writers emit. */
export function cdataText(pkg: Pkg): void {
  for (const k of XML_PARTS(pkg).filter((k) => /sharedStrings|worksheets\//.test(k)))
    pkg.set(
      k,
      txt(pkg, k).replace(/<(t|f)(\s[^>]*)?>([^<]+)<\/\1>/g, (_, el: string, a: string | undefined, body: string) => `<${el}${a ?? ""}><![CDATA[${xmlUnesc(body)}]]></${el}>`),
    );
}

/** XML comments between elements (generator banners, debugging output). */
export function xmlComments(pkg: Pkg): void {
  for (const k of XML_PARTS(pkg))
    pkg.set(
      k,
      txt(pkg, k)
        .replace(/(<\?xml[^>]*\?>)/, "$1<!-- generated by report-server 3.2 -->")
        .replace(/<\/row>/g, "</row><!-- row -->")
        .replace(/<\/si>/g, "</si><!-- s -->"),
    );
}
