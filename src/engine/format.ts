/** Numbers as messages show them. */
import { roundHalfUp } from "./scoring";

/** 395.84, 10, 4.36 — at most `digits` decimals, no trailing zeros. */
export function num(x: number, digits = 2): string {
  const r = roundHalfUp(x, digits);
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
