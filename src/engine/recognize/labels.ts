/**
 * The vocabulary of the templates: header labels and row labels, matched against normalised text
 * (full-width folded, no white space). Synonyms live here and nowhere else.
 */

/** Column roles of the scored indicator table. */
export type IndicatorRole =
  | "level1"
  | "level2"
  | "level3"
  | "weight"
  | "score"
  | "target"
  | "actual"
  | "direction"
  | "unit"
  | "reason";

export const INDICATOR_HEADERS: [IndicatorRole, RegExp][] = [
  ["level1", /^一级(指标)?$/],
  ["level2", /^二级(指标)?$/],
  ["level3", /^(三级(指标)?|指标名称|指标内容|具体指标)$/],
  ["weight", /^(指标)?(分值|权重|标准分值?|满分)(\((%|分)\)|%|\(%\))?$/],
  ["score", /^(部门)?(自评)?(得分|评分|实际得分|评价得分)(\((分)\))?$|^自评分(值)?$/],
  ["target", /^(年度)?(指标值|目标值|预期指标值|预期目标值|绩效目标值|年度目标)(\(.*\))?$/],
  ["actual", /^(实际)?(完成值|完成指标值|实际值|完成情况值)(\(.*\))?$|^实际完成(值|指标值|情况)?(\(.*\))?$|^全年(实际)?(执行|完成)情况$/],
  ["direction", /^指标(性质|方向(性)?)$/],
  ["unit", /^(度量|计量)?单位$/],
  ["reason", /(偏差原因|未完成原因|扣分原因|原因分析|完成情况简述|得分简述|扣分说明|原因说明|改进措施)/],
];

/** Column roles of a budget-execution block. */
export type BudgetRole = "initial" | "adjustment" | "adjusted" | "executed" | "rate" | "weight" | "score" | "reason";

export const BUDGET_HEADERS: [BudgetRole, RegExp][] = [
  ["rate", /执行率/],
  ["adjustment", /^(预算)?调整数/],
  ["initial", /^年初(预算)?(数|金额)?(\(.*\))?$/],
  ["adjusted", /^(全年预算(数)?|调整后(预算)?(数)?|全年收入(决算)?数|收入决算数|实际到位(数|资金)?|到位资金|预算数|全年预算金额)(\(.*\))?$/],
  ["executed", /^(全年执行数|预算执行数|全年支出(决算)?数|支出决算数|实际支出(数)?|执行数|实际执行数|全年实际支出)(\(.*\))?$/],
  ["weight", /^(分值|权重)(%|\(%\)|\(分\))?$/],
  ["score", /^(自评)?得分$/],
  ["reason", /^(原因|偏差原因|原因说明|说明|未达到原因)/],
];

/** Fund-use table (项目资金使用情况表). */
export type FundRole = "budget" | "arrived" | "used" | "balance" | "carryover" | "cumBalance" | "cumCarryover";

export const FUND_HEADERS: [FundRole, RegExp][] = [
  ["cumBalance", /^累计结余/],
  ["cumCarryover", /^累计结转/],
  ["budget", /^预算(金额|数)/],
  ["arrived", /^(实际)?到位(资金|数|金额)/],
  ["used", /^(已使用|实际使用|已支出)(资金|金额)?/],
  ["balance", /^结余(资金|金额)?$/],
  ["carryover", /^结转(资金|金额)?$/],
];

/** Rows whose first label ends an indicator table. */
export const TABLE_END_LABELS =
  /^(评价结论|自评结论|总体评价|绩效自评结论|部门\(单位\)自评结论|部门自评结论|单位自评结论|存在问题|存在的问题|改进措施|问题和建议|其他需要说明的(事项|问题)|联系人|填表说明|填报说明|评价人员|项目负责人|财务负责人|单位项目负责人|填报人|备注|注[:：]|说明[:：])/;

/** Total rows: 总分 / 合计 / 得分合计 … */
/** A group's subtotal row in an amounts table. */
export const SUBTOTAL_LABEL = /^小\s*计$/;

export const TOTAL_LABEL = /^(总分|合计|总计|得分合计|合计得分|得分总计|总分合计|自评得分合计|分值合计|综合得分|总得分|合\s*计|总\s*分)$/;


/** Label of the top 自评得分 field. */
export const HEADER_SCORE_LABEL = /^(自评得分|自评总分|评价得分|自评分数|综合评分|绩效自评得分)$/;

/** Label of a grade field. */
export const GRADE_LABEL = /^(自评等级|评价等次|评价等级|自评等次|绩效等级|等级|评价结果|自评结果)$/;

/** Deduction rows: their score is subtracted, their weight is not part of the total. */
export const DEDUCTION_LABEL = /^扣分(项|项目|指标)?/;

/** Block label carrying the declared indicator weight: 绩效指标（90分）/（90%）. */
export const BLOCK_LABEL = /^(年度)?绩效指标/;

/** Block label of the budget part carrying the execution weight: 预算执行情况（10分）. */
export const BUDGET_BLOCK_LABEL = /^(预算执行情况|预算执行|执行率|项目资金|资金执行)/;

/** A declared weight inside a label: （50%）、(90分)、（10分）. */
export const DECLARED_WEIGHT = /[(（]\s*([0-9]+(?:\.[0-9]+)?)\s*(%|分)\s*[)）]/;

export function declaredWeight(label: string): number | undefined {
  const m = DECLARED_WEIGHT.exec(label);
  return m ? Number(m[1]) : undefined;
}

/** A label without its declared weight: "产出指标(50%)" → "产出指标". */
export function baseLabel(label: string): string {
  return label.replace(/[(（][^()（）]*[)）]/g, "").replace(/[:：]$/, "");
}



/** Empty placeholder rows: 指标 1: 指标 2: */
export const PLACEHOLDER = /^指标\d+[:：.、]?$/;

/** Budget row labels. */
export const BUDGET_TOTAL_ROW = /^(年度资金总额|资金总额|总额|合计|总计|预算资金总额|年度总额|部门预算资金)$/;
export const BUDGET_COMPONENT_ROW =
  /^(其中|财政拨款|当年财政拨款|财政资金|财政专户|专户|单位资金|自有资金|上年结转|结转|其他资金|其他|中央|省级|市级|州级|县级|区级|上级|本级|社会投入|银行贷款|政府性基金|国有资本)/;

/** Goal-table amount groups (部门整体支出绩效目标自评表). */
export const GOAL_PLANNED = /^(预算金额|预算数|年度预算)/;
export const GOAL_ACTUAL = /^(实际执行|实际支出|执行数|执行金额)/;
export const GOAL_TOTAL_COL = /^(总额|合计|小计)$/;
export const GOAL_SUM_ROW = /^(金额合计|合计|总计)$/;

export function matchRole<R extends string>(table: [R, RegExp][], text: string): R | undefined {
  if (text === "" || text.length > 40) return undefined;
  for (const [role, re] of table) if (re.test(text)) return role;
  return undefined;
}
