/**
 * 吉林 (县级) and 青海 (州级): the national form. 吉林 with section weights declared as percentages in the first-level
 * labels and a 小计 row closing each section; 青海 with text achievements (未完成) and a zero target.
 */
import { Sheet, WorkbookModule, checkItems, weights, holds, rateHolds, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round, ACHIEVED, PARTLY } from "../../corpus2/build/lib";
import { IndRow, ColSpec, sectionWeight, isInd } from "./form";
import { writeN, NForm } from "./w05_fujian_shaanxi_guangxi";

const COLS: ColSpec[] = [
  { key: "l1", label: "一级指标" },
  { key: "l2", label: "二级指标" },
  { key: "l3", label: "三级指标" },
  { key: "target", label: "年度指标值" },
  { key: "actual", label: "实际完成值" },
  { key: "weight", label: "分值" },
  { key: "score", label: "得分" },
  { key: "reason", label: "偏差原因分析及改进措施" },
];
const HEAD = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

const JP = "产出指标（50%）";
const JE = "效益指标（30%）";
const JM = "满意度指标（10%）";
const jilinRows: IndRow[] = [
  { l1: JP, l2: "数量指标", name: "农机购置补贴受益户数", target: "≥1200户", actual: "1,286户", weight: 15, score: 15, reason: null },
  { l1: JP, l2: "质量指标", name: "补贴机具核验合格率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
  { l1: JP, l2: "质量指标", name: "违规骗补案件", target: "=0起", actual: "0起", weight: 5, score: 5, reason: null },
  { l1: JP, l2: "时效指标", name: "补贴资金兑付及时率", target: "≥95%", actual: "98.6%", weight: 10, score: 10, reason: null },
  { l1: JP, l2: "成本指标", name: "单户平均补贴额", target: "≤1.3万元", actual: "1.18万元", weight: 10, score: 10, reason: null },
  { l1: JP, l2: "小计", placeholder: "", sub: [50, 50] },
  // ≥5 %, achieved −2 %: a negative achievement counts as 0 → 0.
  { l1: JE, l2: "经济效益指标", name: "农机作业服务收入增长率", target: "≥5%", actual: "-2%", weight: 10, score: 0, reason: "粮价下行，农机作业服务价格下降，收入同比减少2%。", exact: 0 },
  { l1: JE, l2: "社会效益指标", name: "主要农作物综合机械化率", target: "≥92%", actual: "92.8%", weight: 10, score: 10, reason: null },
  { l1: JE, l2: "可持续影响指标", name: "农机社会化服务体系", target: "健全", actual: "达成年度指标", weight: 10, score: 8, reason: "部分乡镇农机合作社运营不稳定。", band: ACHIEVED },
  { l1: JE, l2: "小计", placeholder: "", sub: [30, 18] },
  { l1: JM, l2: "服务对象满意度指标", name: "受补贴农户满意度", target: "≥90%", actual: "95.5%", weight: 10, score: 10, reason: null },
  { l1: JM, l2: "小计", placeholder: "", sub: [10, 10] },
];
const jilin: NForm = {
  project: "农机购置与应用补贴（县级）",
  dept: ["吉林省某县农业农村局", "某县农业机械化技术推广站"],
  unitLabel: "项目资金（万元）",
  headers: HEAD,
  budget: [
    ["年度资金总额", 150, 150, 152.3],
    ["其中：当年财政拨款", 150, 150, 150],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 0, 0, 2.3],
  ],
  rate: "101.53%",
  execScore: 10,
  goal: ["补贴农户1200户以上，主要农作物综合机械化率达到92%，农机作业服务收入增长5%。", "补贴1286户，机械化率92.8%，作业服务收入下降2%。"],
  cols: COLS,
  rows: jilinRows,
  total: 88,
  grade: "□优　■良　□中　□差",
  conclusionLabel: "自评结论",
  conclusion: "本项目全年执行152.3万元（含农户自筹2.3万元），补贴农户1286户，自评得分88分，自评等级为良。",
  notes: ["注：执行率超过100%的，执行率得分按10分计；负增长按0计算。", "填报人：金某　联系电话：0432-6123456　填报日期：2024年3月12日"],
};

const P = "产出指标";
const E = "效益指标";
const M = "满意度指标";
const qinghai: NForm = {
  project: "牧区人畜饮水安全巩固提升工程",
  dept: ["青海省某州水利局", "某州农村牧区供水管理站"],
  unitLabel: "项目资金（万元）",
  headers: HEAD,
  budget: [
    ["年度资金总额", 420, 450, 419.18],
    ["其中：当年财政拨款", 420, 420, 389.18],
    ["上年结转资金", 0, 30, 30],
    ["其他资金", "—", "—", "—"],
  ],
  rate: "93.15%",
  execScore: 9.8,
  goal: ["新建牧区人畜饮水工程25处，2023年10月底前全部完工，受益牧民1.5万人。", "建成25处，其中3处因冻土期提前未完成附属工程，受益牧民1.58万人。"],
  cols: COLS,
  rows: [
    { l1: P, l2: "数量指标", name: "新建人畜饮水工程处数", target: "≥25处", actual: "25处", weight: 15, score: 15, reason: null },
    { l1: P, l2: "质量指标", name: "工程验收合格率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
    // =0起 with 2起: 0 (domain.md: “= with target 0: full if achieved ≤ 0, else 0”); stated 5.
    { l1: P, l2: "质量指标", name: "施工安全责任事故", target: "=0起", actual: "2起", weight: 5, score: 5, reason: null, exact: 0, fault: "over" },
    // 未完成: 0 unless a ratio is given; stated 10.
    { l1: P, l2: "时效指标", name: "工程完工时间", target: "2023年10月底前", actual: "未完成", weight: 10, score: 10, reason: null, exact: 0, fault: "over" },
    { l1: P, l2: "成本指标", name: "单处工程平均造价", target: "≤18万元", actual: "17.6万元", weight: 10, score: 10, reason: null },
    { l1: E, l2: "社会效益指标", name: "受益牧民人数", target: "≥1.5万人", actual: "1.58万人", weight: 15, score: 15, reason: null },
    { l1: E, l2: "可持续影响指标", name: "工程管护机制", target: "健全", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 10.5, reason: null, band: PARTLY, fault: "noReason" },
    { l1: M, l2: "服务对象满意度指标", name: "受益牧民满意度", target: "≥85%", actual: "90%", weight: 10, score: 10, reason: null },
  ],
  total: 95.3,
  conclusionLabel: "存在问题",
  conclusion: "3处工程附属设施受冻土期影响未完工，计划2024年6月底前完成；工程管护机制尚需完善。",
  notes: ["填报人：马某　联系电话：0971-8234567　填报日期：2024年4月2日"],
};

/** 青海 (县级). Faults: 未完成 scored 4; a zero-budget row stating 100.00 %; ■中 for a 良 total; 最终得分 85.81. */
const grassland: NForm = {
  project: "草原生态保护补助奖励（县级）",
  dept: ["青海省某县农牧水利和科技局", "某县草原工作站"],
  unitLabel: "项目资金（万元）",
  headers: HEAD,
  budget: [
    ["年度资金总额", 2800, 2860, 2814.24],
    ["其中：当年财政拨款", 2800, 2860, 2814.24],
    ["上年结转资金", "/", "/", "/"],
    ["其他资金", 0, 0, 0],
  ],
  subRates: ["98.40%", "—", "100.00%"],
  rate: "98.40%",
  execScore: 9.84,
  goal: ["落实草原禁牧120万亩，补助资金2023年12月底前足额发放，草原综合植被盖度达到57%。", "禁牧114万亩，2个乡镇补助资金2024年1月发放，植被盖度55.2%。"],
  cols: COLS,
  rows: [
    { l1: P, l2: "数量指标", name: "草原禁牧面积", target: "≥120万亩", actual: "114万亩", weight: 15, score: 14.25, reason: "6万亩草场确权争议未纳入。", exact: 14.25 },
    { l1: P, l2: "质量指标", name: "补助资金发放准确率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    // 未完成: 0 (no ratio given); stated 4.
    { l1: P, l2: "时效指标", name: "补助资金发放时间", target: "2023年12月底前", actual: "未完成", weight: 10, score: 4, reason: "2个乡镇补助资金于2024年1月发放。", exact: 0, fault: "over" },
    { l1: P, l2: "成本指标", name: "禁牧亩均补助标准", target: "=7.5元", actual: "7.5元", weight: 10, score: 10, reason: null },
    // ≥57 %, 55.2 %: 15 × 55.2 ÷ 57 = 14.53 (value) or 8.28 (ratio).
    { l1: E, l2: "生态效益指标", name: "草原综合植被盖度", target: "≥57%", actual: "55.2%", weight: 15, score: 14.53, reason: "夏季干旱，牧草返青推迟。", exact: [(15 * 55.2) / 57, 15 * 0.552] },
    // ≥95 %, 76 %: 15 × 76 ÷ 95 = 12.
    { l1: E, l2: "社会效益指标", name: "牧户政策知晓率", target: "≥95%", actual: "76%", weight: 15, score: 12, reason: "新政策宣传覆盖不足，将入户宣讲。", exact: [12, 15 * 0.76] },
    // ≥90 %, 80 %: 10 × 80 ÷ 90 = 8.89.
    { l1: M, l2: "服务对象满意度指标", name: "牧民满意度", target: "≥90%", actual: "80%", weight: 10, score: 8.89, reason: "补助发放延迟影响满意度。", exact: [(10 * 80) / 90, 8] },
  ],
  total: 88.51,
  grade: "□优　□良　■中　□差",
  conclusionLabel: "自评结论",
  conclusion: "经自评，该项目最终得分85.81分。",
  notes: ["填报人：才某　联系电话：0974-8512345　填报日期：2024年4月3日"],
};

export function jilinQinghai(): WorkbookModule {
  const a = new Sheet("吉林-农机补贴（县级）");
  const la = writeN(a, jilin);
  const ia = la.lay.items;
  holds("吉林 年初", 150, 150 + 0 + 0, AMOUNT_TOL);
  holds("吉林 全年", 150, 150 + 0 + 0, AMOUNT_TOL);
  holds("吉林 执行", 152.3, 150 + 0 + 2.3, AMOUNT_TOL);
  rateHolds("吉林 rate", 101.53, 152.3, 150);
  scoreHolds("吉林 execution score (capped)", 10, execScore(10, 152.3, 150));
  holds("吉林 weights", weights(ia), 90, 0.005);
  for (const [l, w] of [[JP, 50], [JE, 30], [JM, 10]] as const) holds(`吉林 ${l}`, sectionWeight(ia, l), w, 0.005);
  for (const r of jilinRows) if (!isInd(r) && r.sub) {
    const sec = ia.filter((i) => i.l1 === r.l1);
    holds(`吉林 小计 ${r.l1} weight`, r.sub[0], weights(sec), 0.005);
    holds(`吉林 小计 ${r.l1} score`, r.sub[1], round(sec.reduce((x, i) => x + i.score, 0), 6), 0.005);
  }
  const ta = round(10 + checkItems("吉林", ia), 6);
  holds("吉林 总分", 88, ta, 0.005);
  if (grade(ta) !== "良") throw new Error("吉林 grade");

  const b = new Sheet("青海-人畜饮水（州级）");
  const lb = writeN(b, qinghai);
  const ib = lb.lay.items;
  holds("青海 年初", 420, 420 + 0, AMOUNT_TOL);
  holds("青海 全年", 450, 420 + 30, AMOUNT_TOL);
  holds("青海 执行", 419.18, 389.18 + 30, AMOUNT_TOL);
  rateHolds("青海 rate", 93.15, 419.18, 450);
  scoreBreaks("青海 execution score", 9.8, execScore(10, 419.18, 450), "over");
  holds("青海 weights", weights(ib), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`青海 ${l}`, sectionWeight(ib, l), w, 0.005);
  const tb = round(9.8 + checkItems("青海", ib), 6);
  holds("青海 总分 (scores as stated)", 95.3, tb, 0.005);
  const [zero, late] = ib.filter((i) => i.fault === "over");
  const noReason = ib.find((i) => i.fault === "noReason")!;

  const c = new Sheet("青海-草原补奖（县级）");
  const lc = writeN(c, grassland);
  const ic = lc.lay.items;
  holds("青海 C 全年", 2860, 2860, AMOUNT_TOL);
  rateHolds("青海 C rate", 98.4, 2814.24, 2860);
  rateHolds("青海 C 当年 rate", 98.4, 2814.24, 2860);
  scoreHolds("青海 C execution score", 9.84, execScore(10, 2814.24, 2860));
  holds("青海 C weights", weights(ic), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`青海 C ${l}`, sectionWeight(ic, l), w, 0.005);
  const tc = round(9.84 + checkItems("青海 C", ic), 6);
  holds("青海 C 总分", 88.51, tc, 0.005);
  const tc0 = round(tc - 4, 6);
  for (const t of [tc, tc0]) {
    if (grade(t) !== "良") throw new Error(`青海 C grade ${t}`);
    if ([t, round(t, 1), Math.round(t), Math.floor(t)].some((x) => Math.abs(x - 85.81) < 0.006)) throw new Error("青海 C sentence is a rounding");
  }
  const late2 = ic.find((i) => i.fault === "over")!;

  return {
    file: "07_jilin_qinghai.xlsx",
    title:
      "吉林 (县级) and 青海 (州级): 项目支出绩效自评表 — **reconstructed** from domain.md §1a (docs/forms.md infers 吉林 for the 长吉图 form of hktianyi/Meeting, a different, unscored form; nothing for 青海). 吉林: first-level labels declaring percentage weights (产出指标（50%）…) and **a 小计 row closing each section** (section sums of 分值 and 得分 inside the indicator table), a ■ check box, notes under the form. 青海: the plain national form with a 存在问题 row instead of a conclusion.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `CLEAN with traps: spending above the budget (152.30 ÷ 150.00 = 101.53 %, typed “101.53%”), execution score capped at 10; 其他资金 with a 0 budget and 2.30 spent (rate undefined, “—”); 小计 rows after each section (50 | 50, 30 | 18, 10 | 10) that must not be counted as indicators (counted, the weights would be 180 and the total 166); a negative achievement “-2%” against ≥5 % scored 0 with a reason; =0起 met by 0起; a qualitative 达成 at exactly 80 % (8 of 10); sections declared in % (yunnan-style labels) that agree; total ${ta} = 总分, ■良; a conclusion with an amount (2.3万元) and a count before the score.`,
          findings: [],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `Four independent faults. 419.18 ÷ 450.00 = 93.15 %. The 总分 95.3 is the sum as stated (9.8 + 85.5, domain.md); no grade field and no conclusion score on the form (a 存在问题 row with dates and counts instead), so no total-level finding arises under any reading.`,
          findings: [
            { code: "EXEC_SCORE_MISMATCH", cell: `H${lb.budgetRows[0]}`, severity: "error", note: "10 × 93.15 % = 9.32 (9.32, 9.3, 9 accepted); stated 9.8 (over-scored)" },
            { code: "INDICATOR_SCORE_MISMATCH", cell: `G${zero.row}`, severity: "error", note: "施工安全责任事故 =0起, achieved 2起: domain.md gives 0 (“= with target 0: full if achieved ≤ 0, else 0”); stated 5" },
            { code: "INDICATOR_SCORE_MISMATCH", cell: `G${late.row}`, severity: "error", note: "工程完工时间 2023年10月底前, achieved “未完成”: 0 (domain.md: 未完成 means 0 unless a ratio is given); stated 10" },
            { code: "MISSING_REASON", cell: `H${noReason.row}`, severity: "warning", note: "工程管护机制: 部分达成 at 10.5 of 15 (70 %, inside its band) with an empty 偏差原因分析及改进措施" },
          ],
        },
      },
      {
        sheet: c,
        expect: {
          template: true,
          about: `County form, four independent faults. 2,814.24 ÷ 2,860.00 = 98.40 %, score 9.84; 上年结转 “/”. Recomputed total 9.84 + 78.67 = ${tc} = 总分 (${tc0} if the 未完成 item counted 0) — 良 either way.`,
          findings: [
            { code: "INDICATOR_SCORE_MISMATCH", cell: `G${late2.row}`, severity: "error", note: "补助资金发放时间 2023年12月底前, achieved “未完成” (no ratio given): 0 (domain.md: “未完成 means 0 unless a ratio is given”); stated 4 (a reason is written). A date target is a quantitative 时效 target (domain.md: “a 时效 target may be a date or a duration”), not a qualitative band" },
            { code: "EXEC_RATE_MISMATCH", cell: `G${lc.budgetRows[3]}`, severity: "error", note: "其他资金 0 | 0 | 0 states 执行率 100.00 %: with a zero budget the rate is undefined and only 0.00 %, empty, / or — is fine (domain.md)" },
            { code: "GRADE_MISMATCH", cell: `B${lc.gradeRow}`, severity: "error", note: `自评等级 ticks ■中; the recomputed total ${tc} (${tc0} with the 未完成 item at 0) is 良` },
            { code: "CONCLUSION_SCORE_MISMATCH", cell: `B${lc.conclusionRow}`, severity: "error", note: `“最终得分85.81分” vs the recomputed ${tc} (${tc0} with the 未完成 item at 0); no rounding of either` },
          ],
        },
      },
    ],
  };
}
