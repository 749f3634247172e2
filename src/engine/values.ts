/**
 * Reading one cell as what a rule needs: an amount, a rate, a weight or score, or text.
 * Every reading says whether the value is there, not applicable, or unreadable.
 */
import { Cell, CellValue, isCellError } from "./grid";
import { fold, isNotApplicable, parseNumberText } from "./text";

export type NumberReading =
  | { kind: "number"; value: number; /** how the sheet wrote it */ form: NumberForm }
  | { kind: "empty" }
  | { kind: "unreadable"; text: string; /** a formula saved without its calculated result */ uncomputed?: boolean };

/** How a number is represented in its cell, so that a fix can write it back the same way. */
export interface NumberForm {
  /** The cell holds text, not a number ("97.59%", "10 分"). */
  text: boolean;
  /** Number format contains % (a fraction is shown as a percentage). */
  percentFormat: boolean;
  /** The text carried a % sign. */
  percentSign: boolean;
  /** Unit written after the number ("分"). */
  unit: string;
}

const NUMBER_FORM: NumberForm = { text: false, percentFormat: false, percentSign: false, unit: "" };

export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  return "";
}

export function hasPercentFormat(cell: Cell | undefined): boolean {
  return !!cell?.numFmt && /%/.test(formatCodes(cell.numFmt));
}

/**
 * A number format without its literal text — quoted ("%"), escaped (\%), spacing (_%) and fill (*%) — so
 * that only what Excel acts on remains: 0.00\% shows 92.14 as "92.14%", no percentage.
 */
export function formatCodes(numFmt: string): string {
  return numFmt.replace(/"[^"]*"/g, "").replace(/[\\_*]./g, "");
}

/** Read a cell that must hold one number. Error values and prose are unreadable. */
export function readNumber(cell: Cell | undefined): NumberReading {
  if (!cell) return { kind: "empty" };
  const v: CellValue = cell.value;
  // Files written by programs may hold formulas without results: the value is unknown, not empty.
  if ((v === null || v === undefined) && cell.formula) return { kind: "unreadable", text: cell.formula, uncomputed: true };
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "unreadable", text: String(v) };
    return { kind: "number", value: v, form: { ...NUMBER_FORM, percentFormat: hasPercentFormat(cell) } };
  }
  if (typeof v === "boolean") return { kind: "unreadable", text: v ? "TRUE" : "FALSE" };
  if (isCellError(v)) return { kind: "unreadable", text: v.error };
  const text = String(v);
  if (isNotApplicable(text)) return { kind: "empty" };
  if (/^#[A-Z/0!?]+[!?A-Z0]*$/.test(fold(text).trim())) return { kind: "unreadable", text };
  const parsed = parseNumberText(text);
  if (!parsed) return { kind: "unreadable", text };
  return {
    kind: "number",
    value: parsed.value,
    form: { text: true, percentFormat: false, percentSign: parsed.percent, unit: parsed.unit },
  };
}

/** Read a deduction's score: a number, or written as what it takes away ("扣1分", "减2分"). */
export function readDeduction(cell: Cell | undefined): NumberReading {
  const r = readNumber(cell);
  if (r.kind !== "unreadable" || typeof cell?.value !== "string") return r;
  const m = /^[扣减](\d+(?:\.\d+)?)分?$/.exec(fold(cell.value).replace(/\s+/g, ""));
  return m ? { kind: "number", value: Number(m[1]), form: { text: true, percentFormat: false, percentSign: false, unit: "分" } } : r;
}

/** Read a weight (分值 / 权重) in points: "10%", or 0.1 shown as a percentage, is 10 points. */
export function readWeight(cell: Cell | undefined): NumberReading {
  const r = readNumber(cell);
  if (r.kind === "number" && (r.form.percentFormat || r.form.percentSign)) return { ...r, value: Math.round(r.value * 100 * 1e9) / 1e9 };
  return r;
}

/**
 * Read an execution rate as a fraction. A %-formatted number or text with % is already a
 * fraction; a bare number above 1.5 is percentage points ("100" = 100 %); at most 1.5, a fraction.
 */
export function readRate(cell: Cell | undefined): NumberReading & { points?: boolean } {
  const r = readNumber(cell);
  if (r.kind !== "number") return r;
  if (r.form.percentFormat || r.form.percentSign) return r;
  if (Math.abs(r.value) > 1.5) return { ...r, value: r.value / 100, points: true };
  return r;
}

/** Is there anything written in the cell (text or number)? */
export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  const v = cell.value;
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.trim() === "";
  return false;
}
