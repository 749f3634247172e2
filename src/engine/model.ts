/**
 * The recognised table model: what the recogniser found on a sheet, in the sheet's own coordinates.
 * Rules read only this model (and the grid for cell values); they never search the sheet again.
 */
import type { Ref } from "./recognize/view";
import type { AmountUnit } from "./format";
import type { Words } from "./messages";

export type { Ref };

export type TemplateId =
  | "project-national"
  | "project-yunnan"
  | "project-sichuan"
  | "score-hierarchical"
  | "department-budget"
  | "department-goal"
  | "fund-use";

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type BudgetRowRole = "total" | "basic" | "project" | "component" | "heading" | "item";

export interface BudgetRow {
  row: number;
  label: string;
  role: BudgetRowRole;
}

/**
 * An identity the sheet's amounts must satisfy: a total is the sum of its parts (其中 rows, 基本 +
 * 项目, a 合计 or 小计 row, 年初 + 调整 = 全年, an execution split into 财政拨款 + 其他资金). Each
 * breakdown of a total is its own identity, checked on its own.
 */
export interface SumIdentity {
  total: Ref;
  parts: Ref[];
  /** Parts that are subtracted (结余 = 到位 − 已使用 − 结转). */
  minus?: Ref[];
  /** What the total is, for the message: "“年度资金总额”全年执行数（其中各项之和）". */
  what: Words;
  /** The amounts' unit, where the sheet states one (a header 项目资金（万元）, a line 金额单位：元). */
  unit?: AmountUnit;
}

export interface BudgetBlock {
  kind: "budget";
  /** The header band's first and last rows. */
  headerRow: number;
  headerBottom: number;
  bounds: Bounds;
  cols: {
    label: number;
    initial?: number;
    adjustment?: number;
    adjusted?: number;
    executed?: number;
    rate?: number;
    weight?: number;
    score?: number;
    reason?: number;
  };
  /** Amounts given only by their parts (执行数 › 财政拨款 | 其他资金, no total column): the figure is their sum. */
  adjustedParts: number[];
  executedParts: number[];
  /** Columns of amounts whose header names no role: the budget may be one of them (then 年初 is no fallback). */
  unnamedAmounts: number[];
  rows: BudgetRow[];
  /** The amount identities of the block (breakdowns of a total, 年初 + 调整 = 全年 …). */
  sums: SumIdentity[];
  /** The execution-rate weight (分值) when it is declared in a label (执行率（10%）) rather than a cell. */
  declaredExecWeight?: { value: number; at: Ref };
}

export interface FundUseTable {
  kind: "fund-use";
  headerRow: number;
  bounds: Bounds;
  cols: { label: number; budget?: number; arrived?: number; used?: number; balance?: number; carryover?: number };
  /** Every column with amounts (also 累计结余 / 累计结转 and unnamed ones): 小计 and 合计 are checked in each. */
  amountCols: number[];
  itemRows: number[];
  /** 小计 rows, each with the item rows it sums (those since the previous heading or 小计). */
  subtotals: { row: number; itemRows: number[] }[];
  sumRow?: number;
  /** Each 小计 and the 合计 in every amount column. */
  sums: SumIdentity[];
}

export interface GoalBudgetTable {
  kind: "goal-budget";
  headerRow: number;
  bounds: Bounds;
  /** Each group: a total column and its component columns (财政拨款, 其他资金). */
  groups: { name: "planned" | "actual"; total?: number; parts: number[] }[];
  itemRows: number[];
  sumRow?: number;
  labelCol: number;
  sums: SumIdentity[];
}

/** Amounts written as label | value pairs with 其中 rows below (计划投资额（万元）| 570, 其中：中央财政 | 0 …). */
export interface AmountBreakdowns {
  kind: "amount-breakdowns";
  bounds: Bounds;
  sums: SumIdentity[];
}

export interface IndicatorItem {
  row: number;
  /** Third-level name (or the deepest label found). */
  name: string;
  /** Labels of the enclosing levels, outermost first. */
  path: string[];
  weightCol?: number;
  /** The weight declared in the indicator's own label (相关性（5分）) where the table has no weight column. */
  labelWeight?: { value: number; at: Ref };
  scoreCol: number;
  isDeduction: boolean;
}

/** A group of rows at one level of the indicator hierarchy (一级 or 二级 …). */
export interface LevelGroup {
  level: number;
  label: string;
  /** Where the label is written (the master cell of its first row). */
  labelAt: Ref;
  top: number;
  bottom: number;
  /** The group's own weight: a cell in the level's weight column, or declared in the label. */
  weight?: { value: number; at: Ref; declared: boolean };
  /** A weight declared in the label (产出（45分）) when the weight column gives the group another one. */
  labelWeight?: { value: number; at: Ref };
  /** The level's weight cell holds an error value or text: the group's weight is unknown. */
  unreadableWeight?: Ref;
  children: LevelGroup[];
  items: IndicatorItem[];
}

export interface IndicatorTable {
  kind: "indicators";
  headerRow: number;
  headerHeight: number;
  bounds: Bounds;
  hierarchical: boolean;
  /** The table lists scores only (no weight column): 部门整体支出绩效目标自评表. */
  scoresOnly: boolean;
  cols: {
    levels: number[];
    levelWeights: (number | undefined)[];
    weight?: number;
    score: number;
    target?: number;
    actual?: number;
    direction?: number;
    unit?: number;
    reasons: number[];
  };
  /** 绩效指标（90分）: the declared weight of all indicators together. */
  declaredBlockWeight?: { value: number; at: Ref };
  items: IndicatorItem[];
  /** Top-level groups (一级). */
  groups: LevelGroup[];
  /** 小计 rows with a score, each with the item rows above it since the previous 小计. */
  subtotals: { row: number; itemRows: number[] }[];
  totalRow?: {
    row: number;
    /** Weight cells on the total row (one per weight column, hierarchical tables repeat them). */
    weights: Ref[];
    score?: Ref;
  };
}

export interface FieldRef {
  at: Ref;
  labelAt: Ref;
  /** Label and value typed in one cell ("自评得分：95"): the value, read from the text. Never rewritten. */
  inline?: number;
}

export interface GradeStatement {
  at: Ref;
  grade: "优" | "良" | "中" | "差";
  /** How it was written: plain text, check boxes, or inside a sentence. */
  form: "text" | "checkbox" | "sentence";
  /** The original text (for rebuilding check-box text in the fix). */
  text: string;
  /** Reported, never rewritten: typed with its label in one cell ("自评等级：☑优 □良"), with a band
   *  note in the same cell ("良（90分以上为优…）"), or as boxes spread over several cells. */
  reportOnly?: boolean;
}

export interface ConclusionScore {
  at: Ref;
  value: number;
  /** The matched phrase, e.g. "自评总分100分". */
  phrase: string;
}

/** One self-evaluation: a budget block and/or an indicator table with its total, grade and conclusion. */
export interface EvaluationUnit {
  template: TemplateId;
  bounds: Bounds;
  budget?: BudgetBlock;
  indicators?: IndicatorTable;
  fundUse?: FundUseTable;
  goalBudget?: GoalBudgetTable;
  /**
   * The form has a budget part the recogniser could not read (执行率 and amounts above the indicators,
   * headers it does not know): the total includes a score it cannot see, so nothing is judged from it.
   */
  unreadBudget?: boolean;
  /** Label | value breakdowns in the form's head (side by side: 计划投资额 / 实际到位资金 / 实际使用情况). */
  amountBreakdowns?: AmountBreakdowns;
  headerScore?: FieldRef;
  grades: GradeStatement[];
  conclusions: ConclusionScore[];
}
