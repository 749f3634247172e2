/**
 * The marked copy (--mark) in the browser: the playground offers it as a download, for WPS and
 * Excel 2016/2019 users. The same edits as the CLI (src/xlsx/mark.ts) on a package opened with
 * JSZip; no Node APIs. Untouched parts keep their content byte for byte (JSZip recompresses them).
 */
import JSZip from "jszip";
import { PackageEditor } from "./editor";
import { markPackage, MarkOutcome, MarkSheet } from "./mark";

/** `data`: the workbook as loaded; `sheets`: each sheet's findings and evaluation lines (checkSheet's). */
export async function markedCopy(data: ArrayBuffer | Uint8Array, fileName: string, sheets: MarkSheet[]): Promise<MarkOutcome & { bytes: Uint8Array }> {
  const zip = await JSZip.loadAsync(data);
  const names = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const key = file.name.replace(/^\/+/, "").toLowerCase();
    names.set(key, file.name);
    // Only the XML parts are ever read or edited; binary parts (images, VBA) are left to JSZip.
    if (/\.(xml|rels|vml)$/i.test(file.name)) texts.set(key, await file.async("binarystring"));
  }
  const pkg = new PackageEditor({
    has: (part) => names.has(part.replace(/^\/+/, "").toLowerCase()),
    read: (part) => texts.get(part.replace(/^\/+/, "").toLowerCase()),
  });
  const outcome = markPackage(pkg, fileName, sheets);
  const { changed, added } = pkg.edits();
  for (const [key, content] of changed) {
    const name = names.get(key) ?? added.find((a) => a.toLowerCase() === key) ?? key;
    if (content === null) zip.remove(name);
    else zip.file(name, content, { binary: true });
  }
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { ...outcome, bytes };
}
