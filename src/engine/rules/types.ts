/**
 * The anatomy of a rule, after ESLint's: a stable name, the codes it may report, and a check that
 * reports findings (each with its cell, a zh-CN message that shows the arithmetic, and an optional fix).
 */
import { UnitFacts } from "../facts";
import { FindingCode, Severity } from "../findings";
import { EvaluationUnit, Ref } from "../model";
import { Profile } from "../profiles";
import { SheetView } from "../recognize/view";
import { Operands } from "./formulas";

export interface FixDraft {
  at: Ref;
  formula?: string;
  value?: string | number;
  numFmt?: string;
  result?: number | string;
  also?: FixDraft[];
  description: string;
}

export interface FindingDraft {
  code: FindingCode;
  severity: Severity;
  at: Ref;
  stated: number | string | null;
  expected: number | string | null;
  message: string;
  fix?: FixDraft;
}

export interface RuleContext {
  view: SheetView;
  unit: EvaluationUnit;
  facts: UnitFacts;
  profile: Profile;
  /** How fix formulas refer to cells (knows which cells earlier rules already fix). */
  operands: Operands;
  report(finding: FindingDraft): void;
}

export interface Rule {
  name: string;
  codes: readonly FindingCode[];
  check(ctx: RuleContext): void;
}
