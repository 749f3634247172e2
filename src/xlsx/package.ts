/**
 * The package's map: which part is the workbook, which parts are its sheets, its styles and shared
 * strings — found through the relationships as OPC says (targets relative to the source part,
 * `./worksheets/…` and `/xl/…` alike), never by guessing file names. Shared by the reader and the
 * writers, so that they agree on what "the sheet named X" is.
 */
import { PackageError } from "./limits";
import { Tok, XmlScanner } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name (no leading slash); undefined for an external target. */
  part?: string;
}

export const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  chartsheet: "/chartsheet",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
  hyperlink: "/hyperlink",
  comments: "/comments",
  vmlDrawing: "/vmlDrawing",
};

export const isRel = (r: Relationship, type: string) => r.type.endsWith(type);

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part; undefined when it leaves the package. */
export function resolveTarget(sourcePart: string, target: string): string | undefined {
  let t = target.replace(/\\/g, "/");
  try {
    t = decodeURIComponent(t);
  } catch {
    // A target that is not valid percent-encoding is taken as written.
  }
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (base.length === 0) return undefined;
      base.pop();
    } else base.push(seg);
  }
  return base.join("/");
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  const x = new XmlScanner(xml);
  while (x.next(true)) {
    if ((x.kind === Tok.Open || x.kind === Tok.Empty) && x.local === "Relationship") {
      const a = x.attrs();
      const target = a.get("Target") ?? "";
      const external = a.get("TargetMode") === "External";
      out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", part: external ? undefined : resolveTarget(sourcePart, target) });
    }
  }
  return out;
}

export interface SheetRef {
  name: string;
  /** The sheet's part; undefined when its relationship is missing. */
  part?: string;
  kind: "worksheet" | "chartsheet" | "other";
  relId: string;
}

export interface WorkbookMap {
  workbookPart: string;
  rels: Relationship[];
  sheets: SheetRef[];
  date1904: boolean;
  stylesPart?: string;
  sharedStringsPart?: string;
}

/** Main parts of other Office files, by their root element. */
const OTHER_OFFICE_ROOTS: Record<string, string> = { document: "（这是 Word 文档）", presentation: "（这是 PowerPoint 演示文稿）" };

/** The local name of a part's root element, if it has one. */
function rootElementOf(xml: string): string | undefined {
  const x = new XmlScanner(xml);
  while (x.next(true)) if (x.kind === Tok.Open || x.kind === Tok.Empty) return x.local;
  return undefined;
}

/**
 * Read the map. `text(part)` returns a part's text (UTF-8) or undefined when the package lacks it.
 */
export function workbookMap(text: (part: string) => string | undefined): WorkbookMap {
  let workbookPart: string | undefined;
  const root = text("_rels/.rels");
  if (root !== undefined) workbookPart = parseRels(root, "").find((r) => isRel(r, REL.officeDocument) && r.part)?.part;
  if (!workbookPart || text(workbookPart) === undefined) {
    // Some writers omit the package relationships; the conventional name is then the only candidate.
    workbookPart = text("xl/workbook.xml") !== undefined ? "xl/workbook.xml" : undefined;
  }
  if (!workbookPart) throw new PackageError("缺少工作簿主部件（xl/workbook.xml），不是有效的 .xlsx 工作簿");
  // Other Office files are packages too: a Word document or a binary workbook renamed .xlsx has a main part that is no workbook.
  if (/\.bin$/i.test(workbookPart)) throw new PackageError("这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再检查");
  const wbXml = text(workbookPart)!;
  const mainRoot = rootElementOf(wbXml);
  if (mainRoot !== "workbook") throw new PackageError(`主部件 ${workbookPart} 不是工作簿${OTHER_OFFICE_ROOTS[mainRoot ?? ""] ?? ""}`);
  const relsXml = text(relsPartOf(workbookPart));
  const rels = relsXml === undefined ? [] : parseRels(relsXml, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  let date1904 = false;
  const x = new XmlScanner(wbXml);
  while (x.next(true)) {
    if (x.kind !== Tok.Open && x.kind !== Tok.Empty) continue;
    if (x.local === "workbookPr") {
      const v = x.attr("date1904");
      date1904 = v === "1" || v === "true";
    } else if (x.local === "sheet") {
      const a = x.attrs();
      let relId = "";
      for (const [k, v] of a) if (/^[^:]+:id$/.test(k)) relId = v;
      const rel = byId.get(relId);
      const kind = !rel ? "worksheet" : isRel(rel, REL.worksheet) ? "worksheet" : isRel(rel, REL.chartsheet) ? "chartsheet" : "other";
      sheets.push({ name: a.get("name") ?? "", part: rel?.part, kind, relId });
    }
  }
  return {
    workbookPart,
    rels,
    sheets,
    date1904,
    stylesPart: rels.find((r) => isRel(r, REL.styles))?.part,
    sharedStringsPart: rels.find((r) => isRel(r, REL.sharedStrings))?.part,
  };
}
