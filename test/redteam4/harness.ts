/** Variants of corpus workbooks as real producers save them, and the check of each through the CLI's reader. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { checkSheet } from "../../src/engine";
import * as Q from "./quirks";

export const CORPUS = "/work/shared/corpus";
export const BASELINES = [
  "01_hebei_langfang_projects.xlsx",
  "03_central_ministry.xlsx",
  "02_anhui_tianchang_water.xlsx",
  "06_hubei_student_aid.xlsx",
  "07_inner_mongolia_yuan.xlsx",
] as const;

export interface Variant {
  id: string;
  producer: string;
  quirk: string;
  apply: (pkg: Q.Pkg, file: string) => void | Promise<void>;
  zip?: { store?: boolean; dirs?: boolean; stream?: boolean };
}

const allSheetNames = (pkg: Q.Pkg): string[] =>
  [...(pkg.get("xl/workbook.xml") as string).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);

export const VARIANTS: Variant[] = [
  { id: "baseline", producer: "ExcelJS", quirk: "as stored in the corpus", apply: () => undefined },
  { id: "rich-text-rph", producer: "Excel 365 (zh/ja)", quirk: "shared strings as formatted <r> runs + <rPh> phonetic run + <phoneticPr>", apply: (p) => Q.richTextRuns(p) },
  { id: "shared-formulas", producer: "Excel 365", quirk: '<f t="shared" ref si> master + dependants with only si', apply: (p) => void Q.sharedFormulas(p) },
  { id: "str-formula-text", producer: "Excel 365", quirk: 'text cells as formulas ="…" with cached t="str" value', apply: (p) => Q.textAsStrFormulas(p) },
  { id: "str-constant-text", producer: "Open XML SDK / Google", quirk: 't="str" constants without <f>', apply: (p) => Q.textAsStrConstants(p) },
  { id: "crlf-escape", producer: "Excel 365", quirk: "line breaks saved as _x000D_ + LF, xml:space=preserve", apply: (p) => void Q.crlfEscapes(p) },
  { id: "crlf-in-headers", producer: "Excel 365 (Alt+Enter in headers)", quirk: "header labels broken by CR LF (_x000D_\\n) and a leading _x0009_ tab", apply: (p) => void Q.crlfEscapes(p, { headers: true, tabs: true }) },
  { id: "percent-9", producer: "Excel 365", quirk: "percent cells with builtin numFmtId 9 (0%) instead of 10", apply: (p) => Q.numberFormats(p, "percent9") },
  { id: "custom-percent", producer: "LibreOffice / Google", quirk: "percent as custom numFmt 176 0.00%;[Red]\\-0.00%", apply: (p) => Q.numberFormats(p, "customPercent") },
  { id: "score-unit-format", producer: "Excel 365 (zh)", quirk: 'General/0.00 cells with custom format 0.00"分"', apply: (p) => Q.numberFormats(p, "scoreUnit") },
  { id: "accounting-format", producer: "Excel 365 (zh)", quirk: "amounts with the zh accounting format _ * #,##0.00_ …", apply: (p) => Q.numberFormats(p, "accounting") },
  { id: "quote-prefix", producer: "Excel 365", quirk: 'quotePrefix="1" on every cell style', apply: (p) => Q.quotePrefix(p) },
  { id: "dimension-wrong", producer: "generators", quirk: '<dimension ref="A1"/>', apply: (p) => Q.dimension(p, "wrong") },
  { id: "dimension-missing", producer: "generators", quirk: "no <dimension>", apply: (p) => Q.dimension(p, "missing") },
  { id: "hidden-sheets", producer: "Excel 365", quirk: 'every sheet but the first state="hidden"', apply: (p) => Q.sheetState(p, allSheetNames(p).slice(1), "hidden") },
  { id: "veryhidden-sheet", producer: "Excel VBA", quirk: 'last sheet state="veryHidden"', apply: (p) => Q.sheetState(p, allSheetNames(p).slice(-1), "veryHidden") },
  { id: "seventeen-digits", producer: "Excel 365", quirk: "numbers with 17 significant digits (212.47999999999999)", apply: (p) => Q.seventeenDigits(p) },
  { id: "exponent-numbers", producer: "generators", quirk: "numbers in exponent form (2.1248000000000002E2)", apply: (p) => Q.seventeenDigits(p, true) },
  { id: "excel365-noise", producer: "Excel 365", quirk: "mc:AlternateContent/xr:revisionPtr in workbook, xr:uid, x14ac, extLst, calcChain, definedNames", apply: (p) => Q.excel365Noise(p) },
  { id: "wps-inline", producer: "WPS Office", quirk: 't="inlineStr" <is><t>, no sharedStrings part', apply: (p) => Q.inlineStrings(p) },
  { id: "wps-inline-rich", producer: "WPS Office / SDK", quirk: "inline strings with <r> runs", apply: (p) => Q.inlineStrings(p, { rich: true }) },
  { id: "wps-numbers-as-text", producer: "WPS Office", quirk: "General/0.00/#,##0.00 numeric constants stored as text (as displayed)", apply: (p) => void Q.numbersAsText(p) },
  { id: "wps-fullwidth-numbers", producer: "WPS Office (zh IME)", quirk: "numeric constants stored as full-width text (２１２．４８)", apply: (p) => void Q.numbersAsText(p, { fullWidth: true }) },
  { id: "wps-fullwidth-strings", producer: "WPS Office (zh IME)", quirk: "digits and % in every text cell full-width (１００％)", apply: (p) => Q.fullWidthStrings(p) },
  { id: "wps-noise", producer: "WPS Office", quirk: "etc namespace in mc:Ignorable, etc extLst, docProps/custom.xml", apply: (p) => Q.wpsNoise(p) },
  { id: "prefixed-x", producer: "Open XML SDK", quirk: "x:-prefixed main-namespace elements in workbook, sheets, sst, styles", apply: (p) => Q.prefixed(p) },
  { id: "no-r-attrs", producer: "Open XML SDK / generators", quirk: "<row> and <c> without r where the position follows", apply: (p) => Q.dropRefs(p) },
  { id: "rels-absolute", producer: "Open XML SDK", quirk: "relationship targets /xl/worksheets/sheet1.xml", apply: (p) => Q.relTargets(p, "absolute") },
  { id: "rels-dotslash", producer: "generators", quirk: "relationship targets ./worksheets/sheet1.xml", apply: (p) => Q.relTargets(p, "dotslash") },
  {
    id: "renamed-parts",
    producer: "generators",
    quirk: "parts under odd names: xl/sheets/Tab_1.xml, xl/SST.xml, xl/main.xml",
    apply: (p) => {
      const map: Record<string, string> = { "xl/sharedStrings.xml": "xl/SST.xml" };
      Q.sheetParts(p).forEach((s, i) => (map[s] = `xl/worksheets/Tab_${i + 1}.xml`));
      Q.renameParts(p, map);
    },
  },
  {
    id: "rels-case-mismatch",
    producer: "generators (Windows paths)",
    quirk: "part xl/worksheets/Sheet1.xml, relationship target /xl/worksheets/sheet1.xml (OPC names are case-insensitive)",
    apply: (p) => {
      const map: Record<string, string> = {};
      Q.sheetParts(p).forEach((s) => (map[s] = s.replace(/sheet(\d+)\.xml$/, "Sheet$1.xml")));
      Q.renameParts(p, map, { relsCase: true });
    },
  },
  { id: "content-types-overrides-only", producer: "generators", quirk: "[Content_Types].xml with Override elements only", apply: (p) => Q.contentTypesOverridesOnly(p) },
  { id: "strict-ooxml", producer: "Excel (Strict Open XML)", quirk: "purl.oclc.org strict namespaces, conformance=strict", apply: (p) => Q.strict(p) },
  { id: "libreoffice", producer: "LibreOffice", quirk: 't="n" explicit on numbers, <f aca="false">', apply: (p) => Q.libreOffice(p) },
  { id: "date1904", producer: "Excel for Mac", quirk: '<workbookPr date1904="1"/> (no date serials in the content)', apply: (p) => Q.date1904(p) },
  { id: "no-cached-values", producer: "openpyxl / Open XML SDK", quirk: "formulas with no cached <v>, fullCalcOnLoad=1", apply: (p) => void Q.noCachedValues(p) },
  { id: "bom", producer: "generators", quirk: "UTF-8 BOM before every XML part", apply: (p) => Q.bom(p) },
  { id: "char-refs", producer: "Java/.NET writers", quirk: "non-ASCII text as &#NNNNN; numeric character references", apply: (p) => Q.numericCharRefs(p) },
  { id: "pretty-printed", producer: "hand-written / XSLT", quirk: "indented XML, whitespace between elements", apply: (p) => Q.prettyPrinted(p) },
  { id: "chartsheet", producer: "Excel 365", quirk: "a chart sheet tab first in the workbook", apply: (p) => Q.addChartsheet(p) },
  { id: "excel-typed", producer: "Excel 365 / WPS (typed in)", quirk: "text that Excel parses on typing stored as it would be: 96.8% → 0.968 with 0.0%, 1,318.75 → number with #,##0.00", apply: (p) => void Q.typedAsExcelParses(p) },
  { id: "array-formulas", producer: "Excel (Ctrl+Shift+Enter)", quirk: '<f t="array" ref=…> legacy array formulas', apply: (p) => void Q.arrayFormulas(p, false) },
  { id: "dynamic-array", producer: "Excel 365", quirk: 'dynamic-array cells cm="1" + xl/metadata.xml', apply: (p) => void Q.arrayFormulas(p, true) },
  {
    id: "rel-prefix-d2p1",
    producer: ".NET XmlSerializer-based generators",
    quirk: "workbook.xml binds the relationships namespace to d2p1 (d2p1:id instead of r:id)",
    apply: (p) => {
      const wb = p.get("xl/workbook.xml") as string;
      p.set("xl/workbook.xml", wb.replace('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"', 'xmlns:d2p1="http://schemas.openxmlformats.org/officeDocument/2006/relationships"').replace(/ r:id=/g, " d2p1:id="));
    },
  },
  {
    id: "styles-sheets-elsewhere",
    producer: "generators",
    quirk: "styles at xl/Styles1.xml, sheets under xl/worksheets/sheets/ — found only through relationships",
    apply: (p) => {
      const map: Record<string, string> = { "xl/styles.xml": "xl/Styles1.xml" };
      Q.sheetParts(p).forEach((s) => (map[s] = s.replace("xl/worksheets/", "xl/worksheets/sheets/")));
      Q.renameParts(p, map);
    },
  },
  {
    id: "workbook-elsewhere",
    producer: "generators",
    quirk: "the workbook part at /xl/workbook2.xml, found through _rels/.rels (officeDocument relationship)",
    apply: (p) => Q.renameParts(p, { "xl/workbook.xml": "xl/workbook2.xml" }),
  },
  { id: "pdf-lookalike-cjk", producer: "PDF→Excel converters (WPS PDF转Excel, Acrobat)", quirk: "Kangxi radicals / CJK compatibility ideographs in text (⼀级指标, 执⾏率 with U+F961 率)", apply: (p) => Q.lookalikeCjk(p) },
  { id: "zwsp-in-labels", producer: "web copy-paste", quirk: "zero-width spaces (U+200B) between the characters of short labels", apply: (p) => Q.invisibleSpaces(p, "zwsp") },
  { id: "nbsp-ideographic-spaces", producer: "web copy-paste / WPS", quirk: "labels padded with U+00A0 and spaced with U+3000 (绩　效　指　标)", apply: (p) => Q.invisibleSpaces(p, "nbsp") },
  { id: "wps-numbers-as-text-all", producer: "WPS Office", quirk: "every numeric constant stored as its displayed text, %-formatted ones as 92.14% (style kept)", apply: (p) => void Q.numbersAsText(p, { onlyGeneral: false }) },
  { id: "utf16-parts", producer: ".NET XmlWriter (StringWriter)", quirk: 'XML parts in UTF-16LE with BOM and encoding="utf-16"', apply: (p) => Q.utf16Parts(p) },
  { id: "no-xml-declaration", producer: "hand-rolled generators", quirk: "no <?xml …?> declaration in any part", apply: (p) => Q.noXmlDeclaration(p) },
  { id: "zip-data-descriptors", producer: "streaming writers (Java ZipOutputStream / Apache POI, System.IO.Packaging)", quirk: "entries with data descriptors (bit 3), sizes 0 in local headers", apply: () => undefined, zip: { stream: true } },
  { id: "cr-only-breaks", producer: "Excel for Mac (old) / generators", quirk: "line breaks inside cells as CR only (_x000D_ without LF)", apply: (p) => Q.mapStrings(p, (t) => t.replace(/\n/g, "_x000D_")) },
  { id: "sst-counts-wrong", producer: "generators", quirk: 'sharedStrings count="1" uniqueCount="1" whatever the table holds', apply: (p) => { const x = p.get("xl/sharedStrings.xml") as string; p.set("xl/sharedStrings.xml", x.replace(/count="\d+" uniqueCount="\d+"/, 'count="1" uniqueCount="1"')); } },
  { id: "empty-strings", producer: "database exports (POI / report systems)", quirk: 'every empty styled cell written as an empty shared string ""', apply: (p) => void Q.emptyStrings(p) },
  { id: "blank-strings", producer: "database exports (POI / report systems)", quirk: 'every empty styled cell written as a single space " "', apply: (p) => void Q.emptyStrings(p, " ") },
  { id: "excel-notes", producer: "Excel 365 (批注)", quirk: "a note on the first sheet: comments1.xml, vmlDrawing, <legacyDrawing>", apply: (p) => Q.excelNotes(p) },
  { id: "single-quoted-attrs", producer: "hand-rolled writers", quirk: "attribute values in single quotes <c r='A1' t='s'>", apply: (p) => Q.singleQuotedAttributes(p) },
  { id: "whitespace-in-tags", producer: "hand-rolled writers / XSLT", quirk: "line breaks between attributes, <v >, </c >", apply: (p) => Q.whitespaceInTags(p) },
  { id: "cdata-text", producer: "PHP / Java writers", quirk: "text and formulas in CDATA sections <t><![CDATA[…]]></t>", apply: (p) => Q.cdataText(p) },
  { id: "xml-comments", producer: "report servers", quirk: "XML comments between elements", apply: (p) => Q.xmlComments(p) },
  {
    id: "cjk-part-names",
    producer: "Chinese report generators",
    quirk: "sheet parts named xl/worksheets/工作表1.xml (UTF-8 zip names, raw targets)",
    apply: (p) => {
      const map: Record<string, string> = {};
      Q.sheetParts(p).forEach((s, i) => (map[s] = `xl/worksheets/工作表${i + 1}.xml`));
      Q.renameParts(p, map);
    },
  },
  {
    id: "cjk-part-names-encoded",
    producer: "OPC-conformant writers",
    quirk: "sheet parts 工作表N.xml referenced by percent-encoded targets (/xl/worksheets/%E5%B7%A5…)",
    apply: (p) => {
      const map: Record<string, string> = {};
      Q.sheetParts(p).forEach((s, i) => (map[s] = `xl/worksheets/工作表${i + 1}.xml`));
      Q.renameParts(p, map);
      const rels = p.get("xl/_rels/workbook.xml.rels") as string;
      p.set("xl/_rels/workbook.xml.rels", rels.replace(/Target="([^"]*工作表[^"]*)"/g, (_, t: string) => `Target="${encodeURI(t)}"`));
      const ct = p.get("[Content_Types].xml") as string;
      p.set("[Content_Types].xml", ct.replace(/PartName="([^"]*工作表[^"]*)"/g, (_, t: string) => `PartName="${encodeURI(t)}"`));
    },
  },
  {
    id: "template-content-type",
    producer: "Excel (.xltx saved/renamed as .xlsx)",
    quirk: "workbook part with the template content type sheet.template.main+xml",
    apply: (p) => {
      const ct = p.get("[Content_Types].xml") as string;
      p.set("[Content_Types].xml", ct.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml"));
    },
  },
  { id: "zip-stored-dirs", producer: "zip tools", quirk: "STORE compression and directory entries in the zip", apply: () => undefined, zip: { store: true, dirs: true } },
];

export interface SheetOutcome {
  sheet: string;
  template: string | null;
  findings: { code: string; cell: string; severity: string; message: string }[];
}
export interface Outcome {
  ok: boolean;
  error?: string;
  sheets: SheetOutcome[];
}

let tmp: string | undefined;
export function tmpDir(): string {
  if (!tmp) tmp = fs.mkdtempSync(path.join(os.tmpdir(), "redteam4-"));
  return tmp;
}

export async function buildVariant(file: string, v: Variant): Promise<Buffer> {
  const buf = fs.readFileSync(path.join(CORPUS, file));
  if (v.id === "baseline") return buf;
  const pkg = await Q.unzip(buf);
  await v.apply(pkg, file);
  return Q.zipPkg(pkg, v.zip);
}

export async function checkBuffer(buf: Buffer, name: string): Promise<Outcome> {
  const p = path.join(tmpDir(), name);
  fs.writeFileSync(p, buf);
  try {
    const { grids } = await readWorkbook(p);
    return {
      ok: true,
      sheets: grids.map((g) => {
        const r = checkSheet(g);
        return {
          sheet: r.sheet,
          template: r.template,
          findings: r.findings.map((f) => ({ code: f.code, cell: f.cell, severity: f.severity, message: f.message })),
        };
      }),
    };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e), sheets: [] };
  }
}

type Expected = Record<string, Record<string, { template: boolean; findings: { code: string; cell: string; severity: string }[] }>>;
export const EXPECTED: Expected = JSON.parse(fs.readFileSync(path.join(CORPUS, "expected.json"), "utf8"));

export const key = (f: { code: string; cell: string; severity: string }): string => `${f.code}@${f.cell}/${f.severity}`;

/** Per sheet: the template flag and the sorted finding keys, errors and warnings only (info notes are ignored). */
export function summary(o: Outcome): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of o.sheets)
    out[s.sheet] = `${s.template ? "T" : "-"} ${s.findings.filter((f) => f.severity !== "info").map(key).sort().join(" ")}`;
  return out;
}
export function expectedSummary(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [sheet, e] of Object.entries(EXPECTED[file])) out[sheet] = `${e.template ? "T" : "-"} ${e.findings.map(key).sort().join(" ")}`;
  return out;
}

/** Every stored cell of every sheet, as the CLI's reader gives it: "Sheet!A1" → value | formula | numFmt. */
export async function dumpCells(buf: Buffer, name: string): Promise<Map<string, string>> {
  const p = path.join(tmpDir(), "dump-" + name);
  fs.writeFileSync(p, buf);
  const { grids } = await readWorkbook(p);
  const out = new Map<string, string>();
  for (const g of grids)
    for (const r of g.occupiedRows())
      for (const c of g.occupiedCols(r)) {
        const cell = g.cell(r, c);
        if (!cell || (cell.value === null && !cell.formula)) continue;
        let v = cell.value;
        if (typeof v === "number") v = Number(v.toPrecision(12));
        if (typeof v === "string") v = v.replace(/\r\n/g, "\n");
        out.set(`${g.sheetName}!${Q.colName(c + 1)}${r + 1}`, `${JSON.stringify(v)} | ${cell.formula ?? ""} | ${cell.numFmt ?? ""}`);
      }
  return out;
}
export function diffCells(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) out.push(`${k}: ${a.get(k) ?? "∅"} → ${b.get(k) ?? "∅"}`);
  return out;
}

/** Targeted probes: one workbook, one real-world quirk in a cell that matters. Expected: the baseline's findings
 *  (same sheets, same code@cell/severity) unless `expect` maps them. */
export interface Probe {
  id: string;
  file: (typeof BASELINES)[number] | "03_central_ministry.xlsx";
  producer: string;
  quirk: string;
  apply: (pkg: Q.Pkg) => void;
  expect?: (base: Record<string, string>) => Record<string, string>;
}

const num = (v: string | number) => ({ inner: `<v>${v}</v>` });
export const PROBES: Probe[] = [
  {
    id: "literal-percent-quoted",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365 / WPS (zh)",
    quirk: '执行率 typed as 92.14 with format 0.00"%" (shows 92.14%, no ×100)',
    apply: (p) => {
      const s = Q.addStyle(p, 9, 180, '0.00"%"');
      Q.setCell(p, "路灯维护", "H7", (c) => ({ attrs: { ...c.attrs, s: String(s) }, ...num(92.14) }));
    },
  },
  {
    id: "literal-percent-escaped",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365 / WPS (zh)",
    quirk: "执行率 typed as 92.14 with format 0.00\\% (backslash-escaped literal %, shows 92.14%)",
    apply: (p) => {
      const s = Q.addStyle(p, 9, 181, "0.00\\%");
      Q.setCell(p, "路灯维护", "H7", (c) => ({ attrs: { ...c.attrs, s: String(s) }, ...num(92.14) }));
    },
  },
  {
    id: "literal-percent-escaped-06",
    file: "06_hubei_student_aid.xlsx",
    producer: "Excel 365 / WPS (zh)",
    quirk: "执行率 F8/F10 typed as 98.11 / 96.39 with format 0.00\\% (shows 98.11% / 96.39%)",
    apply: (p) => {
      const s = Q.addStyle(p, 8, 181, "0.00\\%");
      Q.setCell(p, "学生资助项目", "F8", (c) => ({ attrs: { ...c.attrs, s: String(s) }, ...num(98.11) }));
      Q.setCell(p, "学生资助项目", "F10", (c) => ({ attrs: { ...c.attrs, s: String(s) }, ...num(96.39) }));
    },
  },
  {
    id: "literal-percent-formula",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365 / WPS (zh)",
    quirk: '校舍维修 执行率 =ROUND(F7/E7*100,2) with format 0.00"%" (shows 96.67%)',
    apply: (p) => {
      const s = Q.addStyle(p, 9, 180, '0.00"%"');
      Q.setCell(p, "校舍维修", "H7", (c) => ({ attrs: { ...c.attrs, s: String(s) }, inner: "<f>ROUND(F7/E7*100,2)</f><v>96.67</v>" }));
    },
  },
  {
    id: "text-formula-rate",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365",
    quirk: '执行率 =TEXT(F7/E7,"0.00%") cached t="str" "92.14%"',
    apply: (p) =>
      Q.setCell(p, "路灯维护", "H7", (c) => ({ attrs: { ...c.attrs, t: "str" }, inner: '<f>TEXT(F7/E7,"0.00%")</f><v>92.14%</v>' })),
  },
  {
    id: "general-zh-format",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "WPS Office",
    quirk: '分值/得分 cells with WPS format G/通用格式"分" (shows 10分)',
    apply: (p) => {
      const s = Q.addStyle(p, 8, 182, 'G/通用格式"分"');
      for (const r of ["G7", "I7"]) Q.setCell(p, "路灯维护", r, (c) => ({ attrs: { ...c.attrs, s: String(s) }, inner: c.inner }));
    },
  },
  {
    id: "error-constant",
    file: "06_hubei_student_aid.xlsx",
    producer: "Excel (paste values)",
    quirk: '#DIV/0! pasted as a value: t="e" with no <f>',
    apply: (p) => Q.setCell(p, "学生资助项目", "F9", (c) => ({ attrs: c.attrs, inner: "<v>#DIV/0!</v>" })),
  },
  {
    id: "empty-string-formula-reason",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "Excel 365",
    quirk: '偏差原因 cell I14 holds =IF(H14<G14,"","") with cached empty t="str"',
    apply: (p) =>
      Q.setCell(p, "水旱灾害防御", "I14", (c) => ({ attrs: { ...c.attrs, t: "str" }, inner: '<f>IF(H14&lt;G14,"","")</f><v></v>' })),
  },
  {
    id: "date-achieved-1900",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "Excel 365",
    quirk: '时效 实际完成值 as a date cell 2022-11-25 (serial 44890, yyyy"年"m"月"d"日") against 2022年11月底前',
    apply: (p) => {
      const s = Q.addStyle(p, 0, 183, 'yyyy"年"m"月"d"日"');
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: String(s) }, ...num(44890) }));
    },
  },
  {
    id: "date-achieved-1904",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "Excel for Mac (1904 dates)",
    quirk: "the same date in the 1904 system: serial 43428 with date1904=1",
    apply: (p) => {
      Q.date1904(p);
      const s = Q.addStyle(p, 0, 183, 'yyyy"年"m"月"d"日"');
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: String(s) }, ...num(43428) }));
    },
  },
  {
    id: "date-late-text",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "control (text)",
    quirk: "时效 实际完成值 typed as text 2022年12月15日 (after the 11月底 deadline), score left at full 5",
    apply: (p) => {
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: c.attrs.s ?? "0", t: "inlineStr" }, inner: "<is><t>2022年12月15日</t></is>" }));
    },
    expect: () => ({}),
  },
  {
    id: "date-late-1900",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "Excel 365",
    quirk: "the late date as a date cell: serial 44910, yyyy\"年\"m\"月\"d\"日\"",
    apply: (p) => {
      const s = Q.addStyle(p, 0, 183, 'yyyy"年"m"月"d"日"');
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: String(s) }, ...num(44910) }));
    },
    expect: () => ({}),
  },
  {
    id: "date-late-1904",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "Excel for Mac (1904 dates)",
    quirk: "the late date in the 1904 system: serial 43448, date1904=1 (Excel shows 2022年12月15日)",
    apply: (p) => {
      Q.date1904(p);
      const s = Q.addStyle(p, 0, 183, 'yyyy"年"m"月"d"日"');
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: String(s) }, ...num(43448) }));
    },
    expect: () => ({}),
  },
  {
    id: "date-late-builtin-zh",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "Excel 365 (zh-CN)",
    quirk: "the late date with the zh builtin date format numFmtId 31 (no <numFmt> declared)",
    apply: (p) => {
      const s = Q.addStyle(p, 0, 31);
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: String(s) }, ...num(44910) }));
    },
    expect: () => ({}),
  },
  {
    id: "text-points-in-percent-cell",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "WPS (pasted as text)",
    quirk: '执行率 H7 holds the text "92.14" while its style is 0.00% (Excel shows 92.14: text is not formatted)',
    apply: (p) => Q.setCell(p, "路灯维护", "H7", (c) => ({ attrs: { ...c.attrs, t: "inlineStr" }, inner: "<is><t>92.14</t></is>" })),
  },
  {
    id: "iso-date-cell",
    file: "02_anhui_tianchang_water.xlsx",
    producer: "generators / Strict",
    quirk: 'the on-time 完成值 as t="d" <v>2022-11-25T00:00:00</v>',
    apply: (p) => {
      const s = Q.addStyle(p, 0, 14);
      Q.setCell(p, "农村饮水安全", "F17", (c) => ({ attrs: { r: c.attrs.r, s: String(s), t: "d" }, inner: "<v>2022-11-25T00:00:00</v>" }));
    },
  },
  {
    id: "shared-master-is-fixed",
    file: "06_hubei_student_aid.xlsx",
    producer: "Excel 365 (formula filled right)",
    quirk: "the stale 合计 G26 =H8+SUM(G12:G25) is the master of a shared formula G26:H26 (H26 dependant, cached 0)",
    apply: (p) => {
      Q.setCell(p, "学生资助项目", "G26", (c) => ({ attrs: c.attrs, inner: '<f t="shared" ref="G26:H26" si="0">H8+SUM(G12:G25)</f><v>100</v>' }));
      Q.setCell(p, "学生资助项目", "H26", (c) => ({ attrs: c.attrs, inner: '<f t="shared" si="0"/><v>0</v>' }));
    },
  },
  {
    id: "error-in-name-column",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365 (VLOOKUP from an indicator library)",
    quirk: "三级指标 name C22 is =VLOOKUP(…) with cached #N/A (a text column: no number is needed there)",
    apply: (p) => Q.setCell(p, "路灯维护", "C22", (c) => ({ attrs: { ...c.attrs, t: "e" }, inner: "<f>VLOOKUP(B22,指标库!A:B,2,FALSE)</f><v>#N/A</v>" })),
  },
  {
    id: "boolean-achieved",
    file: "06_hubei_student_aid.xlsx",
    producer: "Excel 365 / LibreOffice (TRUE typed for 是)",
    quirk: '过程指标 实际完成值 E24/E25 as booleans t="b" 1 (Excel shows TRUE), 年初目标值 是',
    apply: (p) => {
      for (const r of ["E24", "E25"]) Q.setCell(p, "学生资助项目", r, (c) => ({ attrs: { ...c.attrs, t: "b" }, inner: "<v>1</v>" }));
    },
  },
  {
    id: "stale-cache-fullcalc",
    file: "06_hubei_student_aid.xlsx",
    producer: "openpyxl / .NET generators (and the product's own --fix copies)",
    quirk: 'workbook flagged <calcPr fullCalcOnLoad="1"/>: Excel recomputes the stale G26 on open and shows 99.74, not the cached 100',
    apply: (p) => Q.noCachedValuesFlagOnly(p),
  },
  {
    id: "control-unhidden",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "control",
    quirk: "all hidden rows and the hidden column K shown (does hiding matter to the check at all?)",
    apply: (p) => {
      for (const part of Q.sheetParts(p)) p.set(part, (p.get(part) as string).replace(/ hidden="1"/g, ""));
    },
  },
  {
    id: "col-hidden-to-end",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365 (hide all columns to the right)",
    quirk: '<col min="11" max="16384" hidden="1"/> instead of one hidden column',
    apply: (p) => {
      for (const part of Q.sheetParts(p)) p.set(part, (p.get(part) as string).replace('<col min="11" max="11" width="14" hidden="1" customWidth="1"/>', '<col min="11" max="16384" width="14" hidden="1" customWidth="1"/>'));
    },
  },
  {
    id: "col-zero-width",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "WPS / generators",
    quirk: 'column K hidden by width="0" with no hidden attribute',
    apply: (p) => {
      for (const part of Q.sheetParts(p)) p.set(part, (p.get(part) as string).replace('<col min="11" max="11" width="14" hidden="1" customWidth="1"/>', '<col min="11" max="11" width="0" customWidth="1"/>'));
    },
  },
  {
    id: "row-zero-height",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "WPS / LibreOffice",
    quirk: 'placeholder rows hidden by ht="0" customHeight="1" with no hidden attribute',
    apply: (p) => {
      for (const part of Q.sheetParts(p)) p.set(part, (p.get(part) as string).replace(/<row ([^>]*?) hidden="1"/g, '<row $1 ht="0" customHeight="1"'));
    },
  },
  {
    id: "libreoffice-keep-covered",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "LibreOffice",
    quirk: "merged cells saved with the covered cells' contents kept (copy of the top-left)",
    apply: (p) => {
      for (const s of ["路灯维护", "校舍维修"]) Q.keepCoveredContents(p, s);
    },
  },
  {
    id: "libreoffice-keep-covered-03",
    file: "03_central_ministry.xlsx",
    producer: "LibreOffice",
    quirk: "merged cells saved with the covered cells' contents kept (copy of the top-left)",
    apply: (p) => {
      for (const s of ["项目支出自评表", "部门整体自评表"]) Q.keepCoveredContents(p, s);
    },
  },
  {
    id: "parts-shuffled",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel after moving tabs / generators",
    quirk: "sheet3.xml is the first tab, sheet1.xml the last (names must follow r:id)",
    apply: (p) => Q.shuffleSheetParts(p),
  },
  {
    id: "sheet-name-entities",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365",
    quirk: "tab named 路灯维护&照明'二期' (stored as &amp; / &apos;)",
    apply: (p) => Q.renameSheet(p, "路灯维护", "路灯维护&照明'二期'"),
    expect: (b) => {
      const o: Record<string, string> = {};
      for (const [k, v] of Object.entries(b)) o[k === "路灯维护" ? "路灯维护&照明'二期'" : k] = v;
      return o;
    },
  },
  {
    id: "far-formatted-cell",
    file: "01_hebei_langfang_projects.xlsx",
    producer: "Excel 365",
    quirk: 'a formatted empty cell at XFD1048576 (whole-sheet formatting), <dimension ref="A1:XFD1048576"/>',
    apply: (p) => {
      const part = Q.partOf(p, "路灯维护");
      const x = p.get(part) as string;
      p.set(
        part,
        x
          .replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>')
          .replace(/<dimension [^>]*\/>/, '<dimension ref="A1:XFD1048576"/>'),
      );
    },
  },
];

export async function buildProbe(pr: Probe): Promise<Buffer> {
  const pkg = await Q.unzip(fs.readFileSync(path.join(CORPUS, pr.file)));
  pr.apply(pkg);
  return Q.zipPkg(pkg);
}

/** Sanity of the probe itself: every XML part of a variant is well-formed, namespace-correct XML (saxes). */
export async function malformedParts(buf: Buffer): Promise<string[]> {
  const { SaxesParser } = await import("saxes");
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(buf);
  const bad: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
    const bytes = Buffer.from(await zip.files[name].async("uint8array"));
    let text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString("utf16le") : bytes.toString("utf8");
    text = text.replace(/^\ufeff/, "").replace(/encoding="utf-16"/i, 'encoding="UTF-8"');
    const p = new SaxesParser({ xmlns: true });
    try {
      p.write(text).close();
    } catch (e) {
      bad.push(`${name}: ${String((e as Error).message).slice(0, 100)}`);
    }
  }
  return bad;
}
