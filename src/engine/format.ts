/** Numbers as messages show them. */
import { roundHalfUp } from "./scoring";

/** 395.84, 10, 4.36 — at most `digits` decimals, no trailing zeros; small numbers keep two
 *  significant digits (a weight of 0.018 is not shown as 0.02). */
export function num(x: number, digits = 2): string {
  const small = x !== 0 && Math.abs(x) < 0.1 ? Math.min(6, Math.ceil(-Math.log10(Math.abs(x))) + 1) : 0;
  const r = roundHalfUp(x, Math.max(digits, small));
  return Object.is(r, -0) ? "0" : String(r);
}

/** A fraction as a percentage with two decimals: 0.43618 → "43.62%". */
export function pct(x: number): string {
  return `${roundHalfUp(x * 100, 2).toFixed(2)}%`;
}

/** a + b + c */
export function sumText(parts: number[], digits = 2): string {
  return parts.map((p) => num(p, digits)).join(" + ");
}

export type AmountUnit = "万元" | "元";

/** An amount as finance staff read it: two decimals, thousands separators: 9026.38 → "9,026.38". */
export function amount(x: number): string {
  const r = roundHalfUp(x, 2);
  const [whole, decimals] = Math.abs(r).toFixed(2).split(".");
  return `${r < 0 ? "−" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${decimals}`;
}

/** An amount with its unit where the sheet states one: "9,026.38 万元". */
export function amountWithUnit(x: number, unit: AmountUnit | undefined, lang: "zh" | "en" = "zh"): string {
  if (!unit) return amount(x);
  const en = unit === "万元" ? "×10,000 yuan" : "yuan";
  return `${amount(x)} ${lang === "zh" ? unit : en}`;
}

/** a + b + c, as amounts. */
export function amountSum(parts: number[]): string {
  return parts.map(amount).join(" + ");
}

/**
 * Text quoted in a message: “…”, with quotes inside turned to ‘…’ so that they nest (结论中写“评价等级‘良’”);
 * in English "…" with '…' inside.
 */
export function quoted(text: string, lang: "zh" | "en" = "zh"): string {
  return lang === "zh" ? `“${text.replace(/“/g, "‘").replace(/”/g, "’").replace(/"([^"]*)"/g, "‘$1’")}”` : `"${text.replace(/[“”"]/g, "'")}"`;
}

/** A score or weight as the message shows it, as a number (expected values round as their messages do). */
export function asShown(x: number): number {
  return Number(num(x));
}
