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
