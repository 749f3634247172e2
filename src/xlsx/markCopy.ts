/**
 * The marked copy (--mark) in the browser: the playground offers it as a download, for WPS and
 * Excel 2016/2019 users. The same edits as the CLI (src/xlsx/mark.ts) on a package opened with
 * JSZip (jszipPackage.ts); no Node APIs.
 */
import { JSZipPackageEditor } from "./jszipPackage";
import { markPackage, MarkOutcome, MarkSheet } from "./mark";

/** `data`: the workbook as loaded; `sheets`: each sheet's findings and evaluation lines (checkSheet's). */
export async function markedCopy(data: ArrayBuffer | Uint8Array, fileName: string, sheets: MarkSheet[]): Promise<MarkOutcome & { bytes: Uint8Array }> {
  const pkg = await JSZipPackageEditor.open(data);
  const outcome = markPackage(pkg, fileName, sheets);
  return { ...outcome, bytes: await pkg.finish() };
}
