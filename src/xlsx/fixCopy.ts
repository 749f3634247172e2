/**
 * The fixed copy (--fix) in the browser: the playground's download of the workbook after its fixes.
 * The same edits as the CLI (src/xlsx/fix.ts: only the written cells change, plus a number format
 * where a write needs one and the request to recalculate on opening) on a package opened with
 * JSZip (jszipPackage.ts); no Node APIs.
 */
import type { Bounds } from "../engine";
import { applyFixes, CellWrite, FixOutcome } from "./fix";
import { JSZipPackageEditor } from "./jszipPackage";

/** `bounds` per sheet: where writes may go (the engine's writableBounds). Macros are kept: the copy keeps the file's own type. */
export async function fixedCopy(data: ArrayBuffer | Uint8Array, writes: CellWrite[], bounds: Map<string, Bounds[]>): Promise<FixOutcome & { bytes: Uint8Array }> {
  const pkg = await JSZipPackageEditor.open(data);
  const outcome = applyFixes(pkg, writes, bounds, { dropMacros: false });
  return { ...outcome, bytes: await pkg.finish() };
}
