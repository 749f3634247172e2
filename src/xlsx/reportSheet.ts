/**
 * The 核对报告 sheet written into a package by the package editor (the marked copies of `--mark` and
 * the playground): the add-in's report, from the same `ReportDocument` and the same layout
 * (src/addin/reportLayout.ts) as the Office adapter writes it — facts merged across their rows, the
 * date a number with its date format, the findings' cells as hyperlinks (a location in this workbook,
 * never a formula), explicit row heights, A4 landscape with its print area and the problems' header
 * row repeated, fitted one page across. Text is written as inline strings (the shared strings stay as
 * they are) in cells formatted as text; no cell is a formula.
 */
import type { ReportDocument } from "../addin/report";
import { layOut, ReportFormat, ReportLayout, reportSheetName } from "../addin/reportLayout";
import { columnName, sheetReference } from "../engine/grid";
import { CellLook, insertBeforeClose, PackageEditor, StyleBook, toBytes } from "./editor";
import { escapeOoxmlText, escapeXml, Tok, XmlScanner } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
/** Excel's limit on a cell's text. */
const MAX_TEXT = 32767;
/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1462;
/** Elements that follow definedNames in a workbook (CT_Workbook's order). */
const AFTER_DEFINED_NAMES = new Set(["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]);

/** The layout's formats as each cell's look (later formats add to earlier ones). */
function looksOf(formats: ReportFormat[], rows: number, cols: number): CellLook[][] {
  const looks = Array.from({ length: rows }, () => Array.from({ length: cols }, (): CellLook => ({})));
  for (const f of formats) {
    const look: CellLook = {
      ...(f.bold ? { bold: true } : {}),
      ...(f.fontSize ? { fontSize: f.fontSize } : {}),
      ...(f.fill ? { fill: `FF${f.fill.replace(/^#/, "").toUpperCase()}` } : {}),
      ...(f.wrap ? { wrap: true } : {}),
      ...(f.vertical ? { vertical: "top" as const } : {}),
      ...(f.horizontal ? { horizontal: "left" as const } : {}),
    };
    for (let r = f.top; r <= f.bottom; r++) for (let c = f.left; c <= f.right; c++) Object.assign(looks[r][c], look);
  }
  return looks;
}

/** The merged areas' references: a whole range, or each of its rows. */
function mergesOf(formats: ReportFormat[]): string[] {
  const ref = (top: number, left: number, bottom: number, right: number) => `${columnName(left)}${top + 1}:${columnName(right)}${bottom + 1}`;
  return formats.flatMap((f) => {
    if (f.merge === "whole") return [ref(f.top, f.left, f.bottom, f.right)];
    if (f.merge === "across") return Array.from({ length: f.bottom - f.top + 1 }, (_, i) => ref(f.top + i, f.left, f.top + i, f.right));
    return [];
  });
}

function cellXml(ref: string, value: string | number, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (value === "") return `<c r="${ref}"${s}/>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeOoxmlText(toBytes(value.slice(0, MAX_TEXT)))}</t></is></c>`;
}

/** The worksheet part's XML for the report, as the editor holds parts (UTF-8 bytes in a latin1 string). */
function worksheetXml(layout: ReportLayout, styles: StyleBook, date1904: boolean): string {
  const { rows, columns, page } = layout;
  const looks = looksOf(layout.formats, rows.length, columns.length);
  const rowsXml: string[] = [];
  const links: string[] = [];
  rows.forEach((row, r) => {
    const cells = row.values.map((value, c) => {
      // A date is kept as Excel keeps it in this workbook's date system.
      const v = typeof value === "number" && date1904 ? value - DAYS_1904 : value;
      return cellXml(`${columnName(c)}${r + 1}`, v, styles.lookXf({ ...looks[r][c], numFmt: row.formats[c] }));
    });
    const height = row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : "";
    rowsXml.push(`<row r="${r + 1}"${height}>${cells.join("")}</row>`);
    if (row.link) links.push(`<hyperlink ref="B${r + 1}" location="${escapeXml(toBytes(row.link.reference))}" display="${escapeXml(toBytes(row.link.text))}"/>`);
  });
  const merges = mergesOf(layout.formats);
  const area = page.printArea;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${columnName(area.left)}${area.top + 1}:${columnName(area.right)}${area.bottom + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    // <col width> counts characters with the cell's padding: 5 pixels of a 7-pixel character.
    `<cols>${columns.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.round((w + 5 / 7) * 100) / 100}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rowsXml.join("")}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
    (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    (page.printGridlines ? '<printOptions gridLines="1"/>' : "") +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${page.paperSize === "A4" ? 9 : 1}" orientation="${page.orientation.toLowerCase()}" fitToWidth="${page.fitToPagesWide}" fitToHeight="0"/>` +
    "</worksheet>"
  );
}

/**
 * Add the report as the package's last sheet; returns its name (核对报告, or 核对报告 (2) … when a
 * sheet has the name, as the add-in numbers it). Its print area and title row are the sheet's
 * defined names, as Excel keeps them.
 */
export function addReportSheet(pkg: PackageEditor, styles: StyleBook, report: ReportDocument): string {
  const name = reportSheetName(report.sheetName, pkg.map.sheets.map((s, i) => ({ name: s.name, id: String(i) })), new Set());
  const layout = layOut(report);
  const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.set(part, worksheetXml(layout, styles, pkg.map.date1904));
  pkg.addContentType({ override: part, contentType: WORKSHEET_TYPE });
  const relId = pkg.addRelationship(pkg.map.workbookPart, WORKSHEET_REL, part);

  // The new sheet in the workbook's list, after the others.
  const wb = pkg.text(pkg.map.workbookPart)!;
  const x = new XmlScanner(wb);
  let maxId = 0;
  let sheetCount = 0;
  let relPrefix = "r";
  let prefix = "";
  while (x.next(true)) {
    if (x.kind === Tok.Open && x.local === "workbook") {
      prefix = /^([\w.-]+:)?/.exec(x.name)?.[1] ?? "";
      for (const [k, v] of x.attrs()) if (k.startsWith("xmlns:") && v === NS_REL) relPrefix = k.slice(6);
    }
    if ((x.kind === Tok.Empty || x.kind === Tok.Open) && x.local === "sheet") {
      sheetCount++;
      maxId = Math.max(maxId, Number(x.attr("sheetId")) || 0);
    }
  }
  const entry = `<${prefix}sheet name="${escapeXml(toBytes(name))}" sheetId="${maxId + 1}" ${relPrefix}:id="${relId}"/>`;
  const declared = new RegExp(`xmlns:${relPrefix}=`).test(wb);
  let xml = insertBeforeClose(wb, "sheets", declared ? entry : entry.replace(` ${relPrefix}:id`, ` xmlns:r="${NS_REL}" r:id`));

  // Print area and title rows: names local to the new sheet (its index among the sheets).
  const { printArea: a, printTitleRows: t } = layout.page;
  const names =
    `<${prefix}definedName name="_xlnm.Print_Area" localSheetId="${sheetCount}">${escapeXml(toBytes(sheetReference(name, `$${columnName(a.left)}$${a.top + 1}:$${columnName(a.right)}$${a.bottom + 1}`)))}</${prefix}definedName>` +
    `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${sheetCount}">${escapeXml(toBytes(sheetReference(name, `$${t.top + 1}:$${t.bottom + 1}`)))}</${prefix}definedName>`;
  xml = addDefinedNames(xml, prefix, names);
  pkg.set(pkg.map.workbookPart, xml);
  return name;
}

/** Defined names into the workbook's <definedNames>, made at its place among the workbook's children when there is none. */
function addDefinedNames(xml: string, prefix: string, names: string): string {
  const x = new XmlScanner(xml);
  let depth = 0;
  let hasDefinedNames = false;
  let before: number | undefined;
  while (x.next(true)) {
    if ((x.kind === Tok.Open || x.kind === Tok.Empty) && depth === 1) {
      if (x.local === "definedNames") hasDefinedNames = true;
      if (before === undefined && AFTER_DEFINED_NAMES.has(x.local)) before = x.start;
    }
    if (x.kind === Tok.Open) depth++;
    if (x.kind === Tok.Close) depth--;
  }
  if (hasDefinedNames) return insertBeforeClose(xml, "definedNames", names);
  const element = `<${prefix}definedNames>${names}</${prefix}definedNames>`;
  if (before !== undefined) return xml.slice(0, before) + element + xml.slice(before);
  return insertBeforeClose(xml, "workbook", element);
}
