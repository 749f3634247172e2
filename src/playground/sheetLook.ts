/**
 * How a sheet of the in-browser Excel looks beyond its values and fills: bold, wrapped text, column
 * widths and links. The grid draws it, and the report download writes it. The fake models some of
 * these (bold and merges always; the rest as it grows), so each is read where the sheet model has
 * it, and a link is also read from a HYPERLINK formula, as Excel stores one typed into a cell.
 */
import { parseA1 } from "../engine";
import type { SheetModel, WorkbookModel } from "../fake-excel";

/** Where a link goes: a cell of this workbook, or a web address. */
export type LinkTarget = { sheet?: string; address: string } | { url: string };

export interface SheetLook {
  bold(row: number, col: number): boolean;
  wrap(row: number, col: number): boolean;
  /** The column's width in points, when set (Excel's default is 8.43 characters, 48 pt). */
  columnWidth(col: number): number | undefined;
  link(row: number, col: number): LinkTarget | undefined;
}

/** Parts of the sheet model that a fake may or may not have (read only where present). */
interface OptionalLook {
  bold?: Set<string>;
  wrap?: Set<string>;
  wrapText?: Set<string>;
  columnWidths?: Map<number, number>;
  hyperlinks?: Map<string, string | { address?: string; documentReference?: string; url?: string }>;
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
  const look = sheet as SheetModel & OptionalLook;
  const wrap = look.wrap ?? look.wrapText;
  return {
    bold: (r, c) => !!look.bold?.has(key(r, c)),
    wrap: (r, c) => !!wrap?.has(key(r, c)),
    columnWidth: (c) => look.columnWidths?.get(c),
    link: (r, c) => {
      const own = look.hyperlinks?.get(key(r, c));
      if (own !== undefined) {
        const ref = typeof own === "string" ? own : (own.documentReference ?? own.address ?? own.url ?? "");
        return linkTarget(ref);
      }
      if (!model.isFormula(sheet.name, r, c)) return undefined;
      return hyperlinkFormulaTarget(String(model.input(sheet.name, r, c)));
    },
  };
}
