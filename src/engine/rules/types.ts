/**
 * The anatomy of a rule, after ESLint's: a stable name, `meta` describing every code it may report
 * (section, what it yields to, its name in both languages), and a check that reports findings — each
 * with its cell, a zh-CN message that shows the arithmetic, and optionally what should be written
 * there (a fix intent). Rules never write: one planner (../plan.ts) turns intents into writes after
 * every rule has run, so the order of rules does not matter.
 */
import { UnitFacts } from "../facts";
import { FindingCode, FindingSection, Severity } from "../findings";
import { EvaluationUnit, Ref } from "../model";
import { Profile } from "../profiles";
import { SheetView } from "../recognize/view";
import { Operands } from "./formulas";
import { AmountUnit } from "../format";
import { Words } from "../messages";

/** A write the planner makes: a live formula (or a value) into one cell. */
export interface FixDraft {
  at: Ref;
  formula?: string;
  value?: string | number;
  numFmt?: string;
  result?: number | string;
  also?: FixDraft[];
  /** What the write does, for the user. */
  description: Words;
}

/**
 * What a finding's fix should write. A cell's own formula (a rate, a score) is built by the rule,
 * given how the planner refers to cells (it knows every cell that will be written); the total, the
 * top 自评得分 field and the grade are written by the planner alone, from one function.
 */
export type FixIntent =
  | { kind: "cell"; at: Ref; build(o: Operands): FixDraft | undefined }
  | { kind: "total" | "headerScore" | "grade"; at: Ref };

export interface FindingDraft {
  code: FindingCode;
  severity: Severity;
  at: Ref;
  stated: number | string | null;
  expected: number | string | null;
  /** One sentence that shows the arithmetic, in both languages (from messages.ts). */
  message: Words;
  fix?: FixIntent;
  /** The amounts' unit, where the sheet states one. */
  unit?: AmountUnit;
  /** The section, where it is not the code's (an unreadable amount belongs to the budget). */
  section?: FindingSection;
}

/** A finding with its fix planned. */
export interface PlannedDraft extends Omit<FindingDraft, "fix"> {
  fix?: FixDraft;
}

export interface RuleContext {
  view: SheetView;
  unit: EvaluationUnit;
  facts: UnitFacts;
  profile: Profile;
  report(finding: FindingDraft): void;
}

export interface CodeMeta {
  /** Where the pane lists the finding. */
  section: FindingSection;
  /** A finding of this code yields to these codes on the same cell (one fault, one finding). */
  yieldsTo?: readonly FindingCode[];
  /** The problem's name, in the pane and the report. */
  name: { zh: string; en: string };
  /** What kind of value its stated and expected are (how they are shown). */
  value: ValueKind;
}

export type ValueKind = "amount" | "rate" | "score" | "weight" | "grade" | "text";

export interface Rule {
  name: string;
  meta: { codes: Partial<Record<FindingCode, CodeMeta>> };
  check(ctx: RuleContext): void;
}
