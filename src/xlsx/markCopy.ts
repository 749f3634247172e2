/**
 * The marked copy (--mark) in the browser: the playground offers it as a download, for WPS and
 * Excel 2016/2019 users. The same edits as the CLI (src/xlsx/mark.ts) on a package opened with
 * JSZip (jszipPackage.ts); no Node APIs.
 */
import { JSZipPackageEditor } from "./jszipPackage";
import type { SheetResult } from "../engine";
import { markPackage, MarkOutcome } from "./mark";

/** `data`: the workbook as loaded; `results`: every sheet's check (checkSheet's), in tab order; `date`: the day of the check. */
export async function markedCopy(data: ArrayBuffer | Uint8Array, results: readonly SheetResult[], date: Date): Promise<MarkOutcome & { bytes: Uint8Array }> {
  const pkg = await JSZipPackageEditor.open(data);
  const outcome = markPackage(pkg, results, date);
  return { ...outcome, bytes: await pkg.finish() };
}
