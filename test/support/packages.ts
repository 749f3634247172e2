/** The parts of an .xlsx package, inflated, for byte comparisons between an input and its copies. */
import { readFileSync } from "fs";
import * as zlib from "zlib";
import { fromBytes } from "../../src/xlsx/editor";
import { workbookMap } from "../../src/xlsx/package";
import { decodeXml, Tok, XmlScanner } from "../../src/xlsx/xml";
import { ZipArchive } from "../../src/xlsx/zip";

export function partsOf(file: string | Buffer): Map<string, Buffer> {
  const zip = new ZipArchive(typeof file === "string" ? readFileSync(file) : file);
  return new Map(zip.entries.map((e) => [e.name, e.method === 0 ? Buffer.from(zip.raw(e)) : zlib.inflateRawSync(zip.raw(e))]));
}

/** Names of the parts that differ (changed, added or removed) between two packages. */
export function changedParts(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

/** A sheet's XML as the package holds it: its hyperlinks (cell → location), how many formulas it has, and the workbook part. */
export function sheetXml(file: string | Buffer, sheet: string) {
  const parts = partsOf(file);
  const part = workbookMap((p) => parts.get(p)?.toString("utf8")).sheets.find((s) => s.name === sheet)!.part!;
  const x = new XmlScanner(parts.get(part)!.toString("latin1"));
  const links = new Map<string, string>();
  let formulas = 0;
  while (x.next(true)) {
    if (x.kind !== Tok.Open && x.kind !== Tok.Empty) continue;
    if (x.local === "hyperlink") links.set(x.attr("ref")!, decodeXml(fromBytes(x.attr("location") ?? "")));
    if (x.local === "f") formulas++;
  }
  return { links, formulas, workbook: parts.get("xl/workbook.xml")!.toString("utf8") };
}
