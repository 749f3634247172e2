/**
 * A small writer for workbooks of plain tables (the reviewer's 汇总.xlsx): shared strings, a fixed
 * set of styles, column widths, a frozen and filtered header row repeated on every printed page,
 * A4 print setup with a page-number footer. It writes the XML Excel itself writes for these
 * features (filters with their hidden _xlnm._FilterDatabase name, which LibreOffice needs), directly
 * and fast: a thousand files' summary is written in a fraction of the time their check takes.
 * Text is always written as text (a value starting with "=" never becomes a formula).
 */
import { columnName, sheetReference } from "../engine/grid";
import { escapeOoxmlText, escapeXml } from "./xml";
import { writeZip } from "./zip";

export type TableStyle = "header" | "title" | "bold" | "number2" | "integer" | "percent" | "text";
export type TableValue = string | number | null | undefined;
export interface TableCell {
  v: TableValue;
  style?: TableStyle;
}

export interface TableSheet {
  name: string;
  columns: { width: number; style?: TableStyle }[];
  rows: (TableValue | TableCell)[][];
  /** The first row is a header: frozen, filtered, repeated on each printed page. */
  header: boolean;
  orientation: "landscape" | "portrait";
}

/** cellXfs index of each style (see STYLES below). */
const XF: Record<TableStyle | "default", number> = { default: 0, header: 1, number2: 2, integer: 3, percent: 4, title: 5, bold: 6, text: 7 };

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="12"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CT = "application/vnd.openxmlformats-officedocument";
const MAX_TEXT = 32767;


class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeOoxmlText(s)}</t></si>`).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function sheetXml(sheet: TableSheet, strings: SharedStrings, first: boolean): string {
  const cols = sheet.columns.length;
  const rows: string[] = [];
  let maxCol = 0;
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((raw, c) => {
      const cell: TableCell = raw !== null && typeof raw === "object" ? raw : { v: raw };
      const v = cell.v;
      const styleName = cell.style ?? (r === 0 && sheet.header ? "header" : sheet.columns[c]?.style);
      const s = styleName ? ` s="${XF[styleName]}"` : "";
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof v === "number") {
        if (Number.isFinite(v)) cells.push(`<c r="${ref}"${s}><v>${v}</v></c>`);
      } else if (typeof v === "string" && v !== "") {
        cells.push(`<c r="${ref}"${s} t="s"><v>${strings.id(v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v)}</v></c>`);
      } else if (styleName && r === 0 && sheet.header) cells.push(`<c r="${ref}"${s}/>`);
      if (c + 1 > maxCol) maxCol = c + 1;
    });
    const rowStyle = r === 0 && sheet.header ? ` s="${XF.header}" customFormat="1"` : "";
    rows.push(`<row r="${r + 1}"${rowStyle}>${cells.join("")}</row>`);
  });
  const lastCol = columnName(Math.max(cols, maxCol, 1) - 1);
  const lastRow = Math.max(1, sheet.rows.length);
  const pane = sheet.header ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastCol}${lastRow}"/>` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    (sheet.header ? `<autoFilter ref="A1:${lastCol}${lastRow}"/>` : "") +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${sheet.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${escapeXml("&C第 &P 页，共 &N 页")}</oddFooter></headerFooter>` +
    "</worksheet>"
  );
}

export function writeTableWorkbook(sheets: TableSheet[], creator: string, now = new Date()): Buffer {
  const strings = new SharedStrings();
  const sheetParts = sheets.map((s, i) => sheetXml(s, strings, i === 0));
  const names: string[] = [];
  sheets.forEach((s, i) => {
    if (!s.header) return;
    const lastCol = columnName(Math.max(s.columns.length, ...s.rows.map((r) => r.length), 1) - 1);
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(sheetReference(s.name, `$A$1:$${lastCol}$${Math.max(1, s.rows.length)}`))}</definedName>`);
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(sheetReference(s.name, "$1:$1"))}</definedName>`);
  });
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`;
  const wbRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
    "</Relationships>";
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`;
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';
  const iso = now.toISOString().replace(/\.\d+Z$/, "Z");
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`;
  const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(creator)}</Application></Properties>`;
  const parts: [string, string][] = [
    ["[Content_Types].xml", types],
    ["_rels/.rels", rootRels],
    ["docProps/core.xml", core],
    ["docProps/app.xml", app],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", wbRels],
    ["xl/styles.xml", STYLES],
    ...sheetParts.map((x, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, x]),
    ["xl/sharedStrings.xml", strings.xml()],
  ];
  return writeZip(undefined, parts.map(([name, xml]) => ({ name, content: Buffer.from(xml, "utf8") })));
}
