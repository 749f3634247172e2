/**
 * Findings as the pane and the reports show them, in either language: the message, what a fix
 * writes, the problem's name, and 表中 / 应为 formatted as finance staff read them (amounts with two
 * decimals, thousands separators and their unit; rates as percentages; scores as written).
 */
import { Finding, FindingCode, Fix } from "./findings";
import { amountWithUnit, num, pct } from "./format";
import { Lang } from "./messages";
import { CODE_META } from "./rules";

export type { Lang };

export function messageOf(f: Finding, lang: Lang): string {
  return lang === "en" ? f.messageEn : f.message;
}

export function fixDescriptionOf(fix: Fix, lang: Lang): string {
  return lang === "en" ? fix.descriptionEn ?? fix.description : fix.description;
}

/** The problem's name, from the metadata of the rule that reports it. */
export function codeName(code: FindingCode, lang: Lang): string {
  return CODE_META[code].name[lang];
}

/** 表中 (stated) or 应为 (expected), as the message shows it; "—" where there is none. */
export function valueText(f: Finding, which: "stated" | "expected", lang: Lang): string {
  const v = f[which];
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  switch (f.kind) {
    case "amount":
      return amountWithUnit(v, f.unit, lang);
    case "rate":
      return pct(v);
    default:
      return num(v);
  }
}
