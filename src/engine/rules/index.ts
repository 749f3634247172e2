/** Every rule, in the order their findings are most useful to read, and what their metadata says. */
import { FindingCode, FindingSection } from "../findings";
import { budgetSums } from "./budgetSums";
import { executionRate } from "./executionRate";
import { executionScore } from "./executionScore";
import { grade } from "./grade";
import { indicatorScores } from "./indicatorScores";
import { missingActual, missingReason } from "./missing";
import { totals } from "./totals";
import { CodeMeta, Rule } from "./types";
import { unreadable } from "./unreadable";
import { weights } from "./weights";

export const RULES: readonly Rule[] = [
  unreadable,
  executionRate,
  executionScore,
  budgetSums,
  indicatorScores,
  weights,
  missingActual,
  missingReason,
  totals,
  grade,
];

/** Each code's metadata, as the rules that report it declare it (the first declaration wins). */
export const CODE_META: Readonly<Record<FindingCode, CodeMeta>> = (() => {
  const out: Partial<Record<FindingCode, CodeMeta>> = {};
  for (const rule of RULES) for (const [code, meta] of Object.entries(rule.meta.codes) as [FindingCode, CodeMeta][]) out[code] ??= meta;
  return out as Record<FindingCode, CodeMeta>;
})();

/** The order codes are listed in on one cell: the order the rules declare them. */
export const CODE_ORDER: ReadonlyMap<FindingCode, number> = new Map(RULES.flatMap((r) => Object.keys(r.meta.codes) as FindingCode[]).map((c, i) => [c, i] as const).reverse());

export function sectionOf(code: FindingCode): FindingSection {
  return CODE_META[code].section;
}

export type { Rule, RuleContext, FindingDraft, FixDraft, FixIntent, CodeMeta, PlannedDraft } from "./types";
