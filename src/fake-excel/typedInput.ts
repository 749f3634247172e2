/**
 * How Excel reads a value given to Range.values / Range.formulas (or typed into a cell): the same
 * parsing as typing. "97.59%" becomes the number 0.9759 shown as a percentage, "1,318.75" a number,
 * "=…" a formula, "-abc" the formula "=-abc"; a leading ' keeps the rest as text, and a cell
 * formatted "@" (Text) keeps everything as text, "=…" included (office-host.md "Writing").
 */

export type Typed =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  /** `format` is the number format Excel gives a General cell for what was typed ("0.00%", "#,##0"). */
  | { kind: "number"; value: number; format?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; error: string }
  | { kind: "formula"; formula: string };

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?(%?)$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Days since 1899-12-30: Excel's date serial (1900 date system). */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return t / 86_400_000 + 25_569;
}

function parseNumber(text: string): { value: number; format?: string } | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const [, sign, whole, decimals, exponent, percent] = m;
  if (whole === "" && (decimals === undefined || decimals === "")) return undefined;
  const digits = `${whole.replace(/,/g, "") || "0"}.${decimals ?? ""}`;
  let value = Number(`${sign}${digits}${exponent !== undefined ? `e${exponent}` : ""}`);
  if (!Number.isFinite(value)) return undefined;
  const places = decimals?.length ?? 0;
  const zeros = places > 0 ? `.${"0".repeat(places)}` : "";
  if (percent) {
    value /= 100;
    return { value, format: `0${zeros}%` };
  }
  if (whole.includes(",")) return { value, format: `#,##0${zeros}` };
  if (exponent !== undefined) return { value, format: "0.00E+00" };
  return { value };
}

/** Excel's reading of one input value, given the cell's current number format. */
export function parseTyped(input: unknown, numberFormat: string): Typed {
  if (input === null || input === undefined || input === "") return { kind: "empty" };
  if (typeof input === "number") return Number.isFinite(input) ? { kind: "number", value: input } : { kind: "error", error: "#NUM!" };
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  const text = String(input);
  // A Text-formatted cell takes everything as typed, a formula's text included.
  if (numberFormat === "@") return { kind: "text", text };
  if (text.startsWith("'")) return text.length > 1 ? { kind: "text", text: text.slice(1) } : { kind: "empty" };
  if (text.startsWith("=")) return { kind: "formula", formula: text };
  const trimmed = text.trim();
  const number = parseNumber(trimmed);
  if (number) return { kind: "number", ...number };
  // "-abc" and "+abc" are typed as formulas (=-abc); a lone "-" or "+" stays text.
  if ((text.startsWith("-") || text.startsWith("+")) && text.length > 1) return { kind: "formula", formula: `=${text}` };
  if (/^(true|false)$/i.test(trimmed)) return { kind: "boolean", value: /^true$/i.test(trimmed) };
  const error = ERROR_VALUES.find((e) => e === trimmed.toUpperCase());
  if (error) return { kind: "error", error };
  const date = ISO_DATE.exec(trimmed) ?? CHINESE_DATE.exec(trimmed);
  if (date) {
    const serial = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== undefined) return { kind: "number", value: serial, format: CHINESE_DATE.test(trimmed) ? 'yyyy"年"m"月"d"日"' : "yyyy/m/d" };
  }
  return { kind: "text", text };
}
