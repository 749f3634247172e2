/**
 * Findings and fixes: the stable interface of contract.md.
 */
import type { Ref } from "./model";

export const FINDING_CODES = [
  "EXEC_RATE_MISMATCH",
  "EXEC_SCORE_MISMATCH",
  "SCORE_EXCEEDS_WEIGHT",
  "INDICATOR_SCORE_MISMATCH",
  "TOTAL_MISMATCH",
  "HEADER_SCORE_MISMATCH",
  "CONCLUSION_SCORE_MISMATCH",
  "GRADE_MISMATCH",
  "WEIGHT_TOTAL_MISMATCH",
  "SECTION_WEIGHT_MISMATCH",
  "LEVEL_WEIGHT_MISMATCH",
  "WEIGHT_CAP_EXCEEDED",
  "BUDGET_SUM_MISMATCH",
  "MISSING_REASON",
  "MISSING_ACTUAL",
  "UNREADABLE_VALUE",
  // Extension (info only): an achievement far above its target; the target may be set too low.
  "TARGET_EXCEEDED",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";

/** A write the product would make: a live formula (or a value) into one cell. */
export interface Fix {
  cell: string;
  formula?: string;
  value?: string | number;
  /** Number format to set with the formula, when the cell's own format would misread it. */
  numFmt?: string;
  /** The value the formula gives (cached in the file so that readers that do not recalculate see it). */
  result?: number | string;
  /** Writes that must go with this one (a typed-in 合计 that the corrected score changes). */
  also?: Fix[];
  /** What the write does, for the user (zh-CN). */
  description: string;
  /** The same in English (not part of the JSON contract). */
  descriptionEn?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  cell: string;
  stated: number | string | null;
  expected: number | string | null;
  message: string;
  fix?: Fix;
  /** Not part of the JSON contract: the cell as coordinates, and the table section it belongs to. */
  at: Ref;
  section: FindingSection;
  /** The message in English (messageOf gives either). */
  messageEn: string;
  /** What kind of value stated and expected are, and the amounts' unit where the sheet states one (valueText). */
  kind: "amount" | "rate" | "score" | "weight" | "grade" | "text";
  unit?: "万元" | "元";
}

export type FindingSection = "budget" | "indicators" | "totals" | "weights" | "statements";

/** The JSON shape of contract.md (no internal fields). */
export function toContractFinding(f: Finding): Omit<Finding, "at" | "section" | "messageEn" | "kind" | "unit"> {
  const out: Omit<Finding, "at" | "section" | "messageEn" | "kind" | "unit"> = {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    stated: f.stated,
    expected: f.expected,
    message: f.message,
  };
  if (f.fix) out.fix = contractFix(f.fix);
  return out;
}

/** A fix as contract.md shows it (its English description is the pane's, not the contract's). */
export function contractFix(fix: Fix): Fix {
  const { descriptionEn: _en, also, ...rest } = fix;
  return also ? { ...rest, also: also.map(contractFix) } : rest;
}
