/** Every rule, in the order their findings are most useful to read. */
import { budgetSums } from "./budgetSums";
import { executionRate } from "./executionRate";
import { executionScore } from "./executionScore";
import { grade } from "./grade";
import { indicatorScores } from "./indicatorScores";
import { missingActual, missingReason } from "./missing";
import { totals } from "./totals";
import { Rule } from "./types";
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

export type { Rule, RuleContext, FindingDraft, FixDraft } from "./types";
