/** The parts of an .xlsx package, inflated, for byte comparisons between an input and its copies. */
import { readFileSync } from "fs";
import * as zlib from "zlib";
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
