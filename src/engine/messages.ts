/**
 * Every sentence the engine says, in zh-CN and English, in one catalogue. Rules give the numbers
 * and the sheet's words; the catalogue says them as finance staff read them: amounts with two
 * decimals, thousands separators and their unit where the sheet states one; rates as percentages
 * with two decimals; scores as the sheet writes them; quotes that nest; notes that say they are notes.
 */
import { amount, amountSum, AmountUnit, amountWithUnit, num, pct, quoted, sumText } from "./format";

export type Lang = "zh" | "en";

/** One sentence in both languages. */
export interface Words {
  zh: string;
  en: string;
}

export const words = (zh: string, en: string): Words => ({ zh, en });

/** The same text in both languages (numbers, formulas). */
export const same = (text: string): Words => ({ zh: text, en: text });

const q = quoted;
const over = (yes: boolean) => words(yes ? "，多计了分" : "", yes ? ", more than earned" : "");

export const MESSAGES = {
  // ── Execution rate and its score ──────────────────────────────────────────────────────────
  rateWithoutBudget: (row: string, stated: number) =>
    words(`${q(row)}的预算数为 0 或空，执行率无从计算，表中却为 ${pct(stated)}`, `The budget of ${q(row, "en")} is 0 or empty, so there is no execution rate to compute, yet the sheet shows ${pct(stated)}`),
  rateMismatch: (row: string, rate: number, executed: string, budget: string, stated: number) =>
    words(`${q(row)}执行率应为 ${pct(rate)}（${executed} ÷ ${budget}），表中为 ${pct(stated)}`, `The execution rate of ${q(row, "en")} should be ${pct(rate)} (${executed} ÷ ${budget}); the sheet shows ${pct(stated)}`),
  execScoreMissing: (expected: number, weight: number, rate: number) =>
    words(
      `执行率得分未填写，应为 ${num(expected)}（${num(weight)} × ${pct(rate)}）；填写前无法核对合计和等级`,
      `The execution-rate score is empty; it should be ${num(expected)} (${num(weight)} × ${pct(rate)}). The total and the grade can be checked once it is filled in`,
    ),
  execScoreExceeds: (stated: number, weight: number) =>
    words(`执行率得分 ${num(stated)} 超过其分值 ${num(weight)}`, `The execution-rate score ${num(stated)} is above its weight ${num(weight)}`),
  execScoreMismatch: (expected: number, weight: number, rate: number, stated: number, overScored: boolean) =>
    words(
      `执行率得分应为 ${num(expected)}（${num(weight)} × ${pct(rate)}），表中为 ${num(stated)}${over(overScored).zh}`,
      `The execution-rate score should be ${num(expected)} (${num(weight)} × ${pct(rate)}); the sheet shows ${num(stated)}${over(overScored).en}`,
    ),

  // ── Indicator scores ──────────────────────────────────────────────────────────────────────
  scoreExceedsWeight: (name: string, stated: number, weight: number, byCompletion?: { expected: number; arithmetic: Words }) =>
    words(
      `指标${q(name)}得分 ${num(stated)} 超过其分值 ${num(weight)}${byCompletion ? `；按完成情况应为 ${num(byCompletion.expected)}（${byCompletion.arithmetic.zh}）` : ""}`,
      `The score ${num(stated)} of ${q(name, "en")} is above its weight ${num(weight)}${byCompletion ? `; by what was achieved it should be ${num(byCompletion.expected)} (${byCompletion.arithmetic.en})` : ""}`,
    ),
  qualitativeBand: (name: string, outcome: Words, low: number, high: number, weight: number, stated: number) =>
    words(
      `定性指标${q(name)}完成情况为${q(outcome.zh)}，得分应在 ${num(low)}–${num(high)} 之间（分值 ${num(weight)}），表中为 ${num(stated)}`,
      `The qualitative indicator ${q(name, "en")} was ${outcome.en}: its score should lie between ${num(low)} and ${num(high)} (weight ${num(weight)}); the sheet shows ${num(stated)}`,
    ),
  targetExceeded: (name: string, ratio: number) =>
    words(
      `提示：指标${q(name)}实际完成为目标的 ${num(ratio * 100, 0)}%，目标可能设置偏低（审计时此类得分常被核减）`,
      `Note: ${q(name, "en")} achieved ${num(ratio * 100, 0)}% of its target; the target may have been set too low (auditors often cut such scores)`,
    ),
  indicatorScoreMismatch: (qualitative: boolean, name: string, expected: number, arithmetic: Words, stated: number, overScored: boolean) =>
    words(
      `${qualitative ? "定性指标" : "指标"}${q(name)}得分应为 ${num(expected)}（${arithmetic.zh}），表中为 ${num(stated)}${over(overScored).zh}`,
      `The score of ${qualitative ? "the qualitative indicator " : ""}${q(name, "en")} should be ${num(expected)} (${arithmetic.en}); the sheet shows ${num(stated)}${over(overScored).en}`,
    ),

  // ── Amounts ───────────────────────────────────────────────────────────────────────────────
  sumMismatch: (what: Words, sum: number, arithmetic: string, stated: number, unit?: AmountUnit) =>
    words(
      `${what.zh}应为 ${amountWithUnit(sum, unit)}（${arithmetic}），表中为 ${amountWithUnit(stated, unit)}`,
      `${what.en} should be ${amountWithUnit(sum, unit, "en")} (${arithmetic}); the sheet shows ${amountWithUnit(stated, unit, "en")}`,
    ),
  sumShared: (value: number, failures: { what: Words; sum: number; stated: number }[], expected: number, unit?: AmountUnit) =>
    words(
      `此数 ${amountWithUnit(value, unit)} 使两处勾稽同时不成立（${failures.map((f) => `${f.what.zh}：应为 ${amount(f.sum)}，表中为 ${amount(f.stated)}`).join("；")}），应为 ${amountWithUnit(expected, unit)}`,
      `This figure, ${amountWithUnit(value, unit, "en")}, breaks two identities at once (${failures.map((f) => `${f.what.en}: should be ${amount(f.sum)}, the sheet shows ${amount(f.stated)}`).join("; ")}); it should be ${amountWithUnit(expected, unit, "en")}`,
    ),

  // ── Weights ───────────────────────────────────────────────────────────────────────────────
  blockWeight: (declared: number, sum: number) =>
    words(`绩效指标声明 ${num(declared)} 分，各指标分值合计为 ${num(sum)}`, `The indicators are declared to weigh ${num(declared)} points; their weights add up to ${num(sum)}`),
  wholeTableWeight: (sum: number, execWeight: number | undefined) =>
    execWeight === undefined
      ? words(`各指标分值合计 ${num(sum)}，与总分的分值 100 不符；请核对各指标分值`, `The indicator weights add up to ${num(sum)}, not the 100 of the total row; check the indicator weights`)
      : words(
          `各指标分值合计 ${num(sum)} + 执行率分值 ${num(execWeight)} = ${num(sum + execWeight)}，与总分的分值 100 不符；请核对各指标分值（应合计 ${num(100 - execWeight)}）`,
          `The indicator weights ${num(sum)} + the execution-rate weight ${num(execWeight)} = ${num(sum + execWeight)}, not the 100 of the total row; check the indicator weights (they should add up to ${num(100 - execWeight)})`,
        ),
  totalWeightWithExec: (expected: number, execWeight: number, stated: number) =>
    words(
      `总分的分值应为 ${num(expected)}（指标分值合计 ${num(expected - execWeight)} + 执行率分值 ${num(execWeight)}），表中为 ${num(stated)}`,
      `The weight on the total row should be ${num(expected)} (indicators ${num(expected - execWeight)} + execution rate ${num(execWeight)}); the sheet shows ${num(stated)}`,
    ),
  totalWeight: (expected: number, stated: number) =>
    words(`总分的分值应为 ${num(expected)}（各指标分值合计），表中为 ${num(stated)}`, `The weight on the total row should be ${num(expected)} (the indicator weights added up); the sheet shows ${num(stated)}`),
  labelWeight: (name: string, claimed: number, hierarchical: boolean, shown: string) =>
    words(
      `${q(name)}标签中写 ${num(claimed)} 分，其${hierarchical ? "下级" : "指标"}分值合计为 ${shown}`,
      `The label of ${q(name, "en")} says ${num(claimed)} points; its ${hierarchical ? "sub-items" : "indicators"} weigh ${shown}`,
    ),
  levelWeight: (name: string, claimed: number, shown: string) =>
    words(`${q(name)}的分值为 ${num(claimed)}，其下级分值合计为 ${shown}`, `${q(name, "en")} weighs ${num(claimed)}; its sub-items weigh ${shown}`),
  sectionWeight: (name: string, claimed: number, profile: Words | undefined, shown: string) =>
    words(
      `${q(name)}${profile ? `按${profile.zh}表式应为 ${num(claimed)} 分` : `声明 ${num(claimed)} 分`}，其指标分值合计为 ${shown}`,
      `${q(name, "en")} ${profile ? `should weigh ${num(claimed)} points under the ${profile.en} form` : `declares ${num(claimed)} points`}; its indicators weigh ${shown}`,
    ),
  weightCap: (name: string, weight: number, profile: Words, cap: number) =>
    words(`指标${q(name)}分值 ${num(weight)} 超过${profile.zh}规定的单项上限 ${num(cap)} 分`, `The weight ${num(weight)} of ${q(name, "en")} is above the ${num(cap)}-point cap for one indicator (${profile.en})`),

  // ── What must be written ──────────────────────────────────────────────────────────────────
  missingReason: (name: string, stated: number, weight: number) =>
    words(`指标${q(name)}得分 ${num(stated)} 低于分值 ${num(weight)}，但未填写原因`, `${q(name, "en")} scores ${num(stated)}, below its weight ${num(weight)}, but no reason is written`),
  missingRateReason: (rate: number, threshold: number, profile: Words) =>
    words(`执行率 ${pct(rate)} 低于 ${pct(threshold)}，${profile.zh}要求说明原因，但原因栏为空`, `The execution rate ${pct(rate)} is below ${pct(threshold)}; ${profile.en} asks for a reason, but the reason cell is empty`),
  missingActual: (name: string) => words(`指标${q(name)}已评分，但实际完成值为空`, `${q(name, "en")} is scored, but what was achieved is not written`),
  uncomputed: (what: Words, formula: string) =>
    words(
      `${what.zh}的公式 ${formula} 没有计算结果（文件保存时未经电子表格计算），未参与核对；在 Excel 中打开并保存后再检查`,
      `The ${what.en} formula ${formula} has no calculated result (the file was saved without being calculated) and is not checked; open and save it in Excel, then check again`,
    ),
  unreadable: (what: Words, text: string) =>
    words(`${what.zh}应为数字，单元格内容${q(text)}无法读作数字，未参与计算`, `The ${what.en} should be a number; ${q(text, "en")} cannot be read as one and is left out`),

  // ── Totals and grades ─────────────────────────────────────────────────────────────────────
  totalMismatch: (total: number, arithmetic: Words, stated: number) =>
    words(`合计应为 ${num(total)}（${arithmetic.zh}），表中为 ${num(stated)}`, `The total should be ${num(total)} (${arithmetic.en}); the sheet shows ${num(stated)}`),
  headerScoreMismatch: (total: number, arithmetic: Words, stated: number) =>
    words(`表头自评得分应为 ${num(total)}（${arithmetic.zh}），表中为 ${num(stated)}`, `The score at the top should be ${num(total)} (${arithmetic.en}); the sheet shows ${num(stated)}`),
  conclusionScore: (phrase: string, total: number, arithmetic: Words) =>
    words(
      `结论中写${q(phrase)}，按表计算总分为 ${num(total)}（${arithmetic.zh}）；文字需手工修改`,
      `The conclusion says ${q(phrase, "en")}; the table gives a total of ${num(total)} (${arithmetic.en}). The text must be changed by hand`,
    ),
  gradeMismatch: (total: number, profile: Words, bands: string, expected: string, where: Words) =>
    words(
      `总分 ${num(total)} 按${q(profile.zh)}等级标准（${bands}）应为${q(expected)}，${where.zh}`,
      `A total of ${num(total)} is ${q(expected, "en")} by the bands of ${profile.en} (${bands.replace(/；/g, "; ")}); ${where.en}`,
    ),
  gradeInSentence: (phrase: string) => words(`结论中写${q(phrase)}`, `the conclusion says ${q(phrase, "en")}`),
  gradeInCell: (grade: string) => words(`表中为${q(grade)}`, `the sheet says ${q(grade, "en")}`),

  /** 各项得分 90 + 执行率得分 5 − 扣分 2 */
  totalArithmetic: (items: number, exec: number | undefined, deductions: number) =>
    words(
      `各项得分 ${num(items)}${exec !== undefined ? ` + 执行率得分 ${num(exec)}` : ""}${deductions ? ` − 扣分 ${num(deductions)}` : ""}`,
      `indicators ${num(items)}${exec !== undefined ? ` + execution rate ${num(exec)}` : ""}${deductions ? ` − deductions ${num(deductions)}` : ""}`,
    ),
} satisfies Record<string, (...args: never[]) => Words>;

/** What a scored reading says, in both languages (the arithmetic of a score). */
export const ARITHMETIC = {
  met: (weight: number) => words(`已达目标，得满分 ${num(weight)}`, `target met: full ${num(weight)}`),
  done: (weight: number) => words(`已完成，得满分 ${num(weight)}`, `done: full ${num(weight)}`),
  notDone: words("未完成，得 0", "not done: 0"),
  zeroTargetMet: (weight: number) => words(`目标为 0，已达到，得满分 ${num(weight)}`, `target 0, met: full ${num(weight)}`),
  zeroTargetMissed: (achieved: string) => words(`目标为 0，实际为 ${achieved}，得 0`, `target 0, achieved ${achieved}: 0`),
  nonPositiveTarget: (weight: number) => words(`目标值不大于 0，得满分 ${num(weight)}`, `target not above 0: full ${num(weight)}`),
  completion: (percent: string, weight: number) => words(`完成值 ${percent}，得满分 ${num(weight)}`, `completion ${percent}: full ${num(weight)}`),
  formula: (text: string) => same(text),
};

export { amount, amountSum, sumText };
