/**
 * What the reader accepts from one workbook. Real self-evaluation forms are a few hundred rows with a
 * few hundred merges; these limits are far above any of them and far below what exhausts memory
 * (README "命令行" states them).
 */
export const READ_LIMITS = {
  /** The file on disk. */
  fileBytes: 100 * 1024 * 1024,
  /** Everything inflated from one package, all parts together. */
  inflatedBytes: 256 * 1024 * 1024,
  /** Parts in the package. */
  parts: 10000,
  /** Non-empty cells in one sheet. */
  cellsPerSheet: 1_000_000,
  /** Cells covered by merged areas in one sheet (all merges together). */
  mergedCellsPerSheet: 1_000_000,
  /** Rows × columns of a sheet's used range (a stray cell at XFD1048576 makes a grid no one can scan). */
  gridArea: 20_000_000,
  /** Distinct shared strings. */
  sharedStrings: 2_000_000,
};

/** A package that cannot be read, with the reason in zh-CN (without the file name). */
export class PackageError extends Error {
  constructor(
    message: string,
    /** "limit": over one of READ_LIMITS (a hostile or absurd file), "format": broken or not a workbook. */
    readonly kind: "limit" | "format" = "format",
  ) {
    super(message);
    this.name = "PackageError";
  }
}
