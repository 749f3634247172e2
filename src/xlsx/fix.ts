/**
 * --fix: the engine's fixes written as live formulas into a copy of the package. Only the target
 * cells change (plus a new number format where a fix needs one, and the request to recalculate on
 * opening); every other byte of every sheet stays as it was.
 */
import { Bounds, parseA1 } from "../engine";
import { editCells, editTag as editTagText, fromBytes, PackageEditor, StyleBook, toBytes } from "./editor";
import { parseRels, relsPartOf } from "./package";
import { escapeOoxmlText, escapeXml, Tok, XmlScanner } from "./xml";

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

export interface FixOutcome {
  written: CellWrite[];
  skipped: { write: CellWrite; reason: string }[];
  /** An .xlsm written as .xlsx: its macros were left out. */
  macrosRemoved: boolean;
}

function content(w: CellWrite): { t?: string; inner: string } {
  if (w.formula !== undefined) {
    const f = `<f>${escapeXml(toBytes(w.formula.replace(/^=/, "")))}</f>`;
    if (typeof w.result === "string") return { t: "str", inner: `${f}<v>${escapeOoxmlText(toBytes(w.result))}</v>` };
    if (typeof w.result === "number" && Number.isFinite(w.result)) return { inner: `${f}<v>${w.result}</v>` };
    return { inner: f };
  }
  if (typeof w.value === "number") return { inner: `<v>${w.value}</v>` };
  return { t: "inlineStr", inner: `<is><t xml:space="preserve">${escapeOoxmlText(toBytes(String(w.value ?? "")))}</t></is>` };
}

/** Write the fixes into the package (in memory); `bounds` per sheet: where writes may go. */
export function applyFixes(pkg: PackageEditor, writes: CellWrite[], bounds: Map<string, Bounds[]>, options: { dropMacros: boolean }): FixOutcome {
  const styles = new StyleBook(pkg);
  const written: CellWrite[] = [];
  const skipped: FixOutcome["skipped"] = [];
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    const inside = (bounds.get(w.sheet) ?? []).some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
    if (!inside) {
      skipped.push({ write: w, reason: "目标单元格不在识别出的表格范围内，未写入" });
      continue;
    }
    if (!pkg.sheetPart(w.sheet)) {
      skipped.push({ write: w, reason: `找不到工作表“${w.sheet}”` });
      continue;
    }
    bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  }
  for (const [sheet, list] of bySheet) {
    const part = pkg.sheetPart(sheet)!;
    const edits = list.map((w) => ({
      cell: w.cell,
      content: content(w),
      style: w.numFmt ? (current: number) => styles.withNumFmt(current, w.numFmt!) : undefined,
      write: w,
    }));
    const { xml, refused } = editCells(pkg.text(part)!, edits);
    pkg.set(part, xml);
    const refusedWrites = new Set(refused.map((r) => (r.edit as (typeof edits)[number]).write));
    for (const r of refused) skipped.push({ write: (r.edit as (typeof edits)[number]).write, reason: r.reason });
    written.push(...list.filter((w) => !refusedWrites.has(w)));
  }
  if (written.length) requestFullRecalc(pkg);
  const macrosRemoved = options.dropMacros && removeMacros(pkg);
  return { written, skipped, macrosRemoved };
}

/** Excel and LibreOffice recalculate every formula when the copy is opened; the stale calc chain goes. */
function requestFullRecalc(pkg: PackageEditor) {
  const wbPart = pkg.map.workbookPart;
  let wb = pkg.text(wbPart)!;
  const x = new XmlScanner(wb);
  let calcPr: { start: number; end: number } | undefined;
  let insertAt: number | undefined;
  let prefix = "";
  let depth = 0;
  const after = new Set(["sheets", "functionGroups", "externalReferences", "definedNames"]);
  while (x.next(true)) {
    if (x.kind === Tok.Open || x.kind === Tok.Empty) {
      if (depth === 0) prefix = /^([\w.-]+:)?/.exec(x.name)?.[1] ?? "";
      if (depth === 1 && x.local === "calcPr") calcPr = { start: x.start, end: x.end };
      if (x.kind === Tok.Open) depth++;
      else if (depth === 1 && after.has(x.local)) insertAt = x.end;
    } else if (x.kind === Tok.Close) {
      depth--;
      if (depth === 1 && after.has(x.local)) insertAt = x.end;
    }
  }
  if (calcPr) {
    const tag = wb.slice(calcPr.start, calcPr.end);
    const open = tag.endsWith("/>") ? tag : tag.slice(0, tag.indexOf(">") + 1);
    const edited = editTagText(open, { fullCalcOnLoad: "1" });
    wb = wb.slice(0, calcPr.start) + edited + wb.slice(calcPr.start + open.length);
  } else if (insertAt !== undefined) {
    wb = wb.slice(0, insertAt) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + wb.slice(insertAt);
  }
  pkg.set(wbPart, wb);
  const chain = pkg.map.rels.find((r) => r.type.endsWith("/calcChain"));
  if (chain?.part && pkg.has(chain.part)) {
    pkg.remove(chain.part);
    removeRelationship(pkg, wbPart, chain.id);
    removeOverride(pkg, chain.part);
  }
}


export function removeRelationship(pkg: PackageEditor, source: string, id: string) {
  const part = relsPartOf(source);
  const xml = pkg.text(part);
  if (xml === undefined) return;
  const x = new XmlScanner(xml);
  while (x.next(true)) {
    if ((x.kind === Tok.Empty || x.kind === Tok.Open) && x.local === "Relationship" && x.attr("Id") === id) {
      let end = x.end;
      if (x.kind === Tok.Open) end = xml.indexOf(">", xml.indexOf("</", x.end)) + 1;
      pkg.set(part, xml.slice(0, x.start) + xml.slice(end));
      return;
    }
  }
}

function removeOverride(pkg: PackageEditor, partName: string) {
  const ct = "[Content_Types].xml";
  const xml = pkg.text(ct);
  if (xml === undefined) return;
  const x = new XmlScanner(xml);
  while (x.next(true)) {
    if ((x.kind === Tok.Empty || x.kind === Tok.Open) && x.local === "Override" && (x.attr("PartName") ?? "").replace(/^\//, "").toLowerCase() === partName.toLowerCase()) {
      let end = x.end;
      if (x.kind === Tok.Open) end = xml.indexOf(">", xml.indexOf("</", x.end)) + 1;
      pkg.set(ct, xml.slice(0, x.start) + xml.slice(end));
      return;
    }
  }
}

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

export function isMacroEnabled(pkg: PackageEditor): boolean {
  return (pkg.text("[Content_Types].xml") ?? "").includes(MACRO_MAIN);
}

/** An .xlsm made a valid .xlsx: the workbook's content type, and the VBA project left out. */
export function removeMacros(pkg: PackageEditor): boolean {
  if (!isMacroEnabled(pkg)) return false;
  pkg.set("[Content_Types].xml", pkg.text("[Content_Types].xml")!.split(MACRO_MAIN).join(PLAIN_MAIN));
  const relsXml = pkg.text(relsPartOf(pkg.map.workbookPart)) ?? "";
  for (const rel of parseRels(fromBytes(relsXml), pkg.map.workbookPart)) {
    if (!/\/vbaProject$/.test(rel.type) || !rel.part) continue;
    const signature = parseRels(fromBytes(pkg.text(relsPartOf(rel.part)) ?? ""), rel.part);
    for (const s of signature) if (s.part) {
      pkg.remove(s.part);
      removeOverride(pkg, s.part);
    }
    if (pkg.has(relsPartOf(rel.part))) pkg.remove(relsPartOf(rel.part));
    pkg.remove(rel.part);
    removeOverride(pkg, rel.part);
    removeRelationship(pkg, pkg.map.workbookPart, rel.id);
  }
  return true;
}
