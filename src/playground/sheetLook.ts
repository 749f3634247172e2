/**
 * How a sheet of the in-browser Excel looks beyond its values and fills: bold, wrapped and aligned
 * text, column widths and row heights, links, and its page setup. The grid draws it, and the report
 * download writes it, as the fake models them (Office.js's Range.hyperlink, Range.format,
 * Worksheet.pageLayout). A link is also read from a HYPERLINK formula, as a user types one.
 */
import { parseA1 } from "../engine";
import type { PageLayoutModel, SheetModel, WorkbookModel } from "../fake-excel";

/** Where a link goes: a cell of this workbook, or a web address. */
export type LinkTarget = { sheet?: string; address: string } | { url: string };

export interface CellLook {
  bold: boolean;
  wrap: boolean;
  horizontal?: string;
  vertical?: string;
  /** Points. */
  fontSize?: number;
}

export interface SheetLook {
  cell(row: number, col: number): CellLook;
  /** The column's width in points, when set (Excel's default: 8.43 characters, 48 pt). */
  columnWidth(col: number): number | undefined;
  /** The row's height in points, when set. */
  rowHeight(row: number): number | undefined;
  /** Whether the sheet says where its text wraps (else the grid wraps everything, to stay readable). */
  readonly wrapKnown: boolean;
  link(row: number, col: number): LinkTarget | undefined;
  page(): PageLayoutModel;
}

const key = (row: number, col: number) => `${row},${col}`;

/** "'Sheet 1'!J9", "#Sheet!J9", "J9" → the cell; "https://…", "mailto:…" → the address as a web link. */
export function linkTarget(reference: string): LinkTarget | undefined {
  const ref = reference.trim().replace(/^#/, "");
  if (/^(https?|mailto|ftp):/i.test(ref)) return { url: ref };
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!'"]+))!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(ref);
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const address = `${m[3].toUpperCase()}${m[4]}`;
  try {
    parseA1(address);
  } catch {
    return undefined;
  }
  return sheet === undefined ? { address } : { sheet, address };
}

/** The target of =HYPERLINK("…", …) with a literal first argument. */
export function hyperlinkFormulaTarget(formula: string | undefined): LinkTarget | undefined {
  const m = formula && /^=\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"/i.exec(formula);
  return m ? linkTarget(m[1].replace(/""/g, '"')) : undefined;
}

export function sheetLook(model: WorkbookModel, sheet: SheetModel): SheetLook {
  return {
    cell: (r, c) => {
      const layout = sheet.layout.get(key(r, c));
      return { bold: sheet.bold.has(key(r, c)), wrap: !!layout?.wrapText, horizontal: layout?.horizontalAlignment, vertical: layout?.verticalAlignment, fontSize: layout?.fontSize };
    },
    columnWidth: (c) => sheet.columnWidths.get(c),
    rowHeight: (r) => sheet.rowHeights.get(r),
    wrapKnown: [...sheet.layout.values()].some((l) => l.wrapText !== undefined),
    link: (r, c) => {
      const own = sheet.hyperlinks.get(key(r, c));
      if (own) return linkTarget(own.documentReference ?? own.address ?? "");
      if (!model.isFormula(sheet.name, r, c)) return undefined;
      return hyperlinkFormulaTarget(String(model.input(sheet.name, r, c)));
    },
    page: () => sheet.pageLayout,
  };
}
