/**
 * --mark: the add-in's marks for those without the add-in (WPS, Excel 2016/2019). A copy of the
 * package in which every disagreeing cell has a fill (errors red, warnings amber — the add-in's
 * colours) and a comment with the findings and their arithmetic, plus the add-in's 核对报告 sheet
 * (reportSheet.ts). A comment a user wrote is kept, with ours appended; every part we do not touch is
 * copied byte for byte.
 */
import type { SheetResult } from "../engine";
import { parseA1 } from "../engine/grid";
import { STRINGS } from "../addin/i18n";
import { buildReport, ReportDocument } from "../addin/report";
import { editCells, fromBytes, insertBeforeClose, PackageEditor, sheetLayout, StyleBook, toBytes } from "./editor";
import { isRel, parseRels, REL, relsPartOf } from "./package";
import { addReportSheet } from "./reportSheet";
import { escapeOoxmlText, escapeXml, Tok, XmlScanner } from "./xml";

/** The add-in's fills (src/excel/officeAdapter.ts MARK_FILL), as ARGB. */
export const MARK_ARGB = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const;
const AUTHOR = STRINGS.zh.appName;

/** What marking a sheet needs of its check. */
type MarkSheet = Pick<SheetResult, "sheet" | "findings">;

export interface MarkOutcome {
  marked: number;
  reportSheet: string;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = (t: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`;

const SEVERITY_WORD = STRINGS.zh.severity;

/** The comment for one cell: each finding, its arithmetic, and what a fix would write. */
function noteText(findings: MarkSheet["findings"]): string {
  return findings.map((f) => `【${SEVERITY_WORD[f.severity]}】${f.message}${f.fix ? `\n可自动修复：${f.fix.description}` : ""}`).join("\n");
}

const commentRun = (text: string) =>
  toBytes(`<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">${escapeOoxmlText(text)}</t></r>`);

function vmlShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:100pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 5}, 15, ${row + 6}, 2</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(shapes: string): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    SHAPETYPE +
    shapes +
    "</xml>"
  );
}

/** Elements that follow legacyDrawing in a worksheet (CT_Worksheet's order). */
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

function markSheet(pkg: PackageEditor, styles: StyleBook, sheet: MarkSheet): number {
  const part = pkg.sheetPart(sheet.sheet);
  if (!part) return 0;
  const byCell = new Map<string, MarkSheet["findings"]>();
  for (const f of sheet.findings) {
    if (f.severity === "info") continue;
    byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  }
  if (byCell.size === 0) return 0;
  const edits = [...byCell].map(([cell, list]) => {
    const argb = list.some((f) => f.severity === "error") ? MARK_ARGB.error : MARK_ARGB.warning;
    return { cell, style: (current: number) => styles.withFill(current, argb) };
  });
  const { xml: filled, refused } = editCells(pkg.text(part)!, edits);
  const refusedCells = new Set(refused.map((r) => r.edit.cell));
  let sheetXml = filled;

  // Comments: the sheet's own comments part and VML drawing when it has them, new ones otherwise.
  const relsPart = relsPartOf(part);
  const rels = parseRels(fromBytes(pkg.text(relsPart) ?? ""), part);
  const commentsRel = rels.find((r) => isRel(r, REL.comments) && r.part && pkg.has(r.part));
  const vmlRel = rels.find((r) => isRel(r, REL.vmlDrawing) && r.part && pkg.has(r.part));
  const commentsPart = commentsRel?.part ?? pkg.freeName((n) => `xl/comments${n}.xml`);
  let comments =
    (commentsRel && pkg.text(commentsRel.part!)) ??
    toBytes(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`);

  // Existing comments by cell, with the span of their <text> element's end.
  const existing = new Map<string, number>();
  let authors = 0;
  {
    const x = new XmlScanner(comments);
    let current: string | undefined;
    while (x.next(true)) {
      if (x.local === "author" && (x.kind === Tok.Open || x.kind === Tok.Empty)) authors++;
      if (x.local === "comment" && x.kind === Tok.Open) current = x.attr("ref");
      if (x.local === "text" && x.kind === Tok.Close && current) existing.set(current, x.start);
      if (x.local === "comment" && x.kind === Tok.Close) current = undefined;
    }
  }
  const prefix = /<([\w.-]+:)?comments\b/.exec(comments)?.[1] ?? "";
  const appendToExisting: { at: number; text: string }[] = [];
  const newComments: string[] = [];
  const shapes: string[] = [];
  let vml = vmlRel ? pkg.text(vmlRel.part!)! : undefined;
  let nextShape = 1025;
  if (vml) for (const m of vml.matchAll(/_x0000_s(\d+)/g)) nextShape = Math.max(nextShape, Number(m[1]) + 1);
  for (const [cell, list] of byCell) {
    if (refusedCells.has(cell)) continue;
    const text = noteText(list);
    const at = existing.get(cell);
    if (at !== undefined) {
      appendToExisting.push({ at, text: commentRun(`\n${text}`) });
      continue;
    }
    newComments.push(`<${prefix}comment ref="${cell}" authorId="${authors}"><${prefix}text>${commentRun(text)}</${prefix}text></${prefix}comment>`);
    const { row, col } = parseA1(cell);
    shapes.push(vmlShape(nextShape++, row, col));
  }
  if (appendToExisting.length || newComments.length) {
    let out = "";
    let pos = 0;
    for (const a of appendToExisting.sort((p, q) => p.at - q.at)) {
      out += comments.slice(pos, a.at) + a.text.replace(/<(\/?)(r|rPr|sz|color|rFont|charset|t)\b/g, `<$1${prefix}$2`);
      pos = a.at;
    }
    comments = out + comments.slice(pos);
    if (newComments.length) {
      comments = insertBeforeClose(comments, "authors", `<${prefix}author>${escapeXml(toBytes(AUTHOR))}</${prefix}author>`);
      comments = insertBeforeClose(comments, "commentList", newComments.join("").replace(/<(\/?)(r|rPr|sz|color|rFont|charset|t)\b/g, `<$1${prefix}$2`));
    }
    pkg.set(commentsPart, comments);
    if (!commentsRel) {
      pkg.addRelationship(part, REL_TYPE("comments"), commentsPart);
      pkg.addContentType({ override: commentsPart, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" });
    }
    if (shapes.length) {
      if (vml) {
        if (!vml.includes("_x0000_t202")) shapes.unshift(SHAPETYPE);
        pkg.set(vmlRel!.part!, insertBeforeClose(vml, "xml", shapes.join("")));
      } else {
        const vmlPart = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
        vml = newVml(shapes.join(""));
        pkg.set(vmlPart, vml);
        pkg.addContentType({ extension: "vml", contentType: "application/vnd.openxmlformats-officedocument.vmlDrawing" });
        const id = pkg.addRelationship(part, REL_TYPE("vmlDrawing"), vmlPart);
        sheetXml = addLegacyDrawing(sheetXml, id);
      }
    }
  }
  pkg.set(part, sheetXml);
  return byCell.size - refusedCells.size;
}

/** `<legacyDrawing r:id>` at its place among the worksheet's children. */
function addLegacyDrawing(xml: string, relId: string): string {
  const layout = sheetLayout(xml);
  const rootTag = xml.slice(layout.root.start, layout.root.end);
  const bound = new RegExp(`xmlns:([\\w.-]+)=["']${NS_REL.replace(/[.]/g, "\\.")}["']`).exec(rootTag)?.[1];
  const p = layout.prefix;
  const element = bound ? `<${p}legacyDrawing ${bound}:id="${relId}"/>` : `<${p}legacyDrawing xmlns:r="${NS_REL}" r:id="${relId}"/>`;
  const before = layout.children.find((c) => AFTER_LEGACY_DRAWING.has(c.local));
  if (before) return xml.slice(0, before.start) + element + xml.slice(before.start);
  return insertBeforeClose(xml, "worksheet", element);
}

/**
 * The report a marked copy carries: the add-in's 核对报告 of every sheet checked, in zh-CN (the
 * command line's language); nothing is fixed in a marking run, so each problem is 可自动修复,
 * 需手工修改 or 提示.
 */
export function markReport(results: readonly SheetResult[], date: Date): ReportDocument {
  return buildReport({ lang: "zh", date, sheets: results.map((result) => ({ sheet: result.sheet, result })), fixed: [] });
}

/** Mark the package in memory (the caller writes it): `results` are every sheet's, in tab order; `date` the day of the check. */
export function markPackage(pkg: PackageEditor, results: readonly SheetResult[], date: Date): MarkOutcome {
  const styles = new StyleBook(pkg);
  let marked = 0;
  for (const r of results) marked += markSheet(pkg, styles, r);
  const reportSheet = addReportSheet(pkg, styles, markReport(results, date));
  return { marked, reportSheet };
}
