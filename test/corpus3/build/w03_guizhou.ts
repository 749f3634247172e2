/** 贵州: 部门整体支出绩效自评表 — the §1e budget block (年初 | 调整 | 全年收入 | 全年支出) with 分值/得分, then an indicator list. */
import { Sheet, WorkbookModule, Value, pct, checkItems, weights, holds, breaks, rateHolds, rateBreaks, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round } from "../../corpus2/build/lib";
import { NatItem, BOX } from "./national";

type Row = [label: string, start: Value, adjust: Value, income: Value, spent: Value, rate: Value];
interface Dept {
  name: string;
  rows: Row[];
  score: Value;
  goal: [string, string];
  items: NatItem[];
  total: Value;
  grade: string;
  conclusion: string;
  /** The conclusion written with its label in one merged cell (“评价结论：…”). */
  inline?: boolean;
}

function write(s: Sheet, d: Dept): { budgetRows: number[]; sumRow: number; gradeRow: number; conclusionRow: number } {
  s.widths = [10, 18, 14, 16, 14, 14, 8, 10, 28];
  s.mergeRow(s.row("部门整体支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  s.mergeRow(s.row("部门（单位）名称", d.name), 2, 9);
  s.mergeRow(s.row(null, null, null, null, null, null, null, "单位：万元"), 8, 9);
  const head = s.row("年度预算执行情况", null, "年初预算数", "预算调整数（调增为“+”，调减为“-”）", "全年收入决算数", "全年支出决算数", "分值", "执行率", "得分");
  const budgetRows = d.rows.map(([label, a, b, c, e, rate], i) => s.row(null, label, a, b, c, e, i === 0 ? 10 : "/", rate, i === 0 ? d.score : "/"));
  s.merge(`A${head}:A${s.next - 1}`);
  const g = s.row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  s.mergeRow(g, 2, 5);
  s.mergeRow(g, 6, 9);
  const g2 = s.row(null, d.goal[0], null, null, null, d.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g}:A${g2}`);
  const ih = s.row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  let label = "";
  let start = 0;
  for (const it of d.items) {
    const r = s.row(null, it.l1 === label ? null : it.l1, it.l2, it.name, it.target, it.actual, it.weight, it.score, it.reason);
    it.row = r;
    if (it.l1 !== label) {
      if (label && r - 1 > start) s.merge(`B${start}:B${r - 1}`);
      label = it.l1;
      start = r;
    }
  }
  if (s.next - 1 > start) s.merge(`B${start}:B${s.next - 1}`);
  s.merge(`A${ih}:A${s.next - 1}`);
  const sumRow = s.row("总分", null, null, null, null, null, 100, d.total);
  s.mergeRow(sumRow, 1, 6);
  const gradeRow = s.row("自评等级", d.grade);
  s.mergeRow(gradeRow, 2, 9);
  const conclusionRow = d.inline ? s.row(`评价结论：${d.conclusion}`) : s.row("自评结论", d.conclusion);
  s.mergeRow(conclusionRow, d.inline ? 1 : 2, 9);
  return { budgetRows, sumRow, gradeRow, conclusionRow };
}

/** Faults: 项目支出 rate 94.47 % for 94.74 %; 资金支付及时率 with no 实际完成值; the conclusion's 91.9 for 99.1. */
const bureau: Dept = {
  name: "某县市场监督管理局",
  rows: [
    ["年度资金总额", 3100.0, 111.13, 3211.13, 3135.75, pct(0.9765)],
    ["基本支出年度资金总额", 2000.0, 28.45, 2028.45, 2015.3, pct(0.9935)],
    ["项目支出年度资金总额", 1100.0, 82.68, 1182.68, 1120.45, pct(0.9447)],
  ],
  score: 9.8,
  goal: ["完成12项重点监管任务，食品抽检合格率100%，服务市场主体300户以上。", "完成12项重点任务，抽检合格率100%，服务市场主体286户。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "重点监管任务完成数", target: "≥12项", actual: "12项", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "食品抽检合格率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "资金支付及时率", target: "≥95%", actual: null, weight: 10, score: 10, reason: null, fault: "noActual" },
    { l1: "产出指标", l2: "成本指标", name: "“三公”经费支出", target: "≤18万元", actual: "16.8万元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "服务市场主体数", target: "≥300户", actual: "286户", weight: 15, score: 14.3, reason: "部分企业注销迁出，服务数量略低于目标。", exact: (15 * 286) / 300 },
    { l1: "效益指标", l2: "可持续影响指标", name: "监管制度完善率", target: "≥90%", actual: "95%", weight: 15, score: 15, reason: null },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "市场主体满意度", target: "≥90%", actual: "93%", weight: 10, score: 10, reason: null },
  ],
  total: 99.1,
  grade: BOX("优"),
  conclusion: "经自评，本部门整体支出绩效评价得分91.9分，自评等级为优。",
};

/** Clean, with traps: signed adjustments as text, 基本 + 项目 0.01 off the total, rates as bare percentage points. */
const justice: Dept = {
  name: "某县司法局",
  rows: [
    ["年度资金总额", 1276.4, "+22.70", 1299.11, 1278.87, 98.44],
    ["基本支出年度资金总额", 856.4, "+35.20", 891.6, 880.12, 0.9871],
    ["项目支出年度资金总额", 420.0, "-12.50", 407.5, 398.75, 97.85],
  ],
  score: 9.84,
  goal: ["开展普法培训10场以上，监督抽查合格率98%以上，执法投诉率不高于2%，确保部门整体支出绩效评价得分90分以上。", "开展培训12场，抽查合格率98.5%，投诉率2.4%。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "普法培训场次", target: "≥１０场", actual: "12场", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "监督抽查合格率", target: "≥98%", actual: "98.5%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "案件按期办结率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "成本指标", name: "人均培训成本", target: "≤800元", actual: "760元", weight: 10, score: 10, reason: null },
    // ≤2 %, achieved 2.4 %: ratio 15 × 2 ÷ 2.4 = 12.5, linear 15 × (1 − 0.4 ÷ 2) = 12; stated 12 fits both (12.5 rounded down).
    { l1: "效益指标", l2: "社会效益指标", name: "行政执法投诉率", target: "≤2%", actual: "2.4%", weight: 15, score: 12, reason: "两起投诉涉及执法程序告知不到位，已组织专题培训。", exact: [12.5, 12] },
    { l1: "效益指标", l2: "可持续影响指标", name: "普法长效机制", target: "健全", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 10.5, reason: "村（社区）法律顾问制度尚未全覆盖。", band: [0.6, 0.8] },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "91.2%", weight: 10, score: 10, reason: null },
  ],
  total: 92.34,
  grade: "√优 □良 □中 □差",
  conclusion: "经自评，本部门整体支出绩效评价得分92.34分，自评等级：优。",
  inline: true,
};

export function guizhou(): WorkbookModule {
  const a = new Sheet("部门整体自评表");
  const la = write(a, bureau);
  // Column identities of the block hold; each row's 年初 + 调整 = 全年收入.
  holds("贵州 A 年初", 3100, 2000 + 1100, AMOUNT_TOL);
  holds("贵州 A 调整", 111.13, 28.45 + 82.68, AMOUNT_TOL);
  holds("贵州 A 收入", 3211.13, 2028.45 + 1182.68, AMOUNT_TOL);
  holds("贵州 A 支出", 3135.75, 2015.3 + 1120.45, AMOUNT_TOL);
  for (const [l, s0, adj, inc] of bureau.rows) holds(`贵州 A ${l} 年初 + 调整`, (s0 as number) + (adj as number), inc as number, AMOUNT_TOL);
  rateHolds("贵州 A 总额 rate", 97.65, 3135.75, 3211.13);
  rateHolds("贵州 A 基本 rate", 99.35, 2015.3, 2028.45);
  rateBreaks("贵州 A 项目 rate", 94.47, 1120.45, 1182.68);
  rateHolds("贵州 A 项目 true rate", 94.74, 1120.45, 1182.68);
  scoreHolds("贵州 A execution score", 9.8, execScore(10, 3135.75, 3211.13));
  holds("贵州 A weights", weights(bureau.items), 90, 0.005);
  const ta = round(9.8 + checkItems("贵州 A", bureau.items), 6);
  holds("贵州 A 总分", 99.1, ta, 0.005);
  scoreBreaks("贵州 A conclusion", 91.9, ta);
  if (grade(ta) !== "优" || grade(91.9) !== "优") throw new Error("贵州 A grade");
  const noActual = bureau.items.find((i) => i.fault === "noActual")!;

  const b = new Sheet("部门整体自评表（司法）");
  write(b, justice);
  holds("贵州 B 年初", 1276.4, 856.4 + 420, AMOUNT_TOL);
  holds("贵州 B 调整", 22.7, 35.2 - 12.5, AMOUNT_TOL);
  holds("贵州 B 收入 (0.01 off)", 1299.11, 891.6 + 407.5, AMOUNT_TOL);
  holds("贵州 B 支出", 1278.87, 880.12 + 398.75, AMOUNT_TOL);
  holds("贵州 B 总额 年初 + 调整", 1276.4 + 22.7, 1299.11, AMOUNT_TOL);
  holds("贵州 B 基本 年初 + 调整", 856.4 + 35.2, 891.6, AMOUNT_TOL);
  holds("贵州 B 项目 年初 + 调整", 420 - 12.5, 407.5, AMOUNT_TOL);
  rateHolds("贵州 B 总额 rate", 98.44, 1278.87, 1299.11);
  rateHolds("贵州 B 总额 rate on the parts", 98.44, 1278.87, 1299.1);
  rateHolds("贵州 B 基本 rate", 98.71, 880.12, 891.6);
  rateHolds("贵州 B 项目 rate", 97.85, 398.75, 407.5);
  scoreHolds("贵州 B execution score", 9.84, execScore(10, 1278.87, 1299.11));
  holds("贵州 B weights", weights(justice.items), 90, 0.005);
  const tb = round(9.84 + checkItems("贵州 B", justice.items), 6);
  holds("贵州 B 总分", 92.34, tb, 0.005);
  if (grade(tb) !== "优") throw new Error("贵州 B grade");
  void breaks;

  return {
    file: "03_guizhou_dept.xlsx",
    title:
      "贵州: 部门整体支出绩效自评表 — **reconstructed** from domain.md §1e (budget block 年初预算数 | 预算调整数（调增为“+”，调减为“-”）| 全年收入决算数 | 全年支出决算数 | 执行率, rows 年度资金总额 / 基本支出年度资金总额 / 项目支出年度资金总额) with the national form's 分值/得分 on the 年度资金总额 row and its indicator table; no 贵州 table was found by the search (see README). A 单位：万元 line above the block, 自评等级 and 自评结论 rows.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `Department form with three independent faults; the block's column sums and 年初 + 调整 = 全年收入 all hold (2028.45 + 1182.68 = 3211.13). Total 9.8 + 89.3 = ${ta}, ☑优.`,
          findings: [
            { code: "EXEC_RATE_MISMATCH", cell: `H${la.budgetRows[2]}`, severity: "error", note: "项目支出: 1120.45 ÷ 1182.68 = 94.74 %; stated 94.47 % (digits swapped)" },
            { code: "MISSING_ACTUAL", cell: `F${noActual.row}`, severity: "warning", note: "资金支付及时率 is scored (10 of 10) with an empty 实际完成值" },
            { code: "CONCLUSION_SCORE_MISMATCH", cell: `B${la.conclusionRow}`, severity: "error", note: `“整体支出绩效评价得分91.9分” vs the recomputed ${ta} (9.8 + 15 + 15 + 10 + 10 + 14.3 + 15 + 10; 9.8 is 10 × 97.65 % rounded to one decimal), which the 总分 states; 91.9 (digits swapped) is no rounding of it, and both are 优, so the grade in the sentence is right` },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `CLEAN with traps: adjustments typed as signed text “+22.70”, “+35.20”, “-12.50”; 基本 + 项目 收入 891.60 + 407.50 = 1299.10 vs 1299.11 (within 0.01); rates as bare percentage points (98.44 = 98.44 %) and one as a bare fraction with no % format (基本支出 0.9871 = 98.71 %); full-width “≥１０场”; ≤2 % achieved 2.4 % scored 12 (linear 12, ratio 12.5 rounded down); 部分达成 at 10.5 of 15 (70 %); check box “√优”; the 预期目标 text “…确保部门整体支出绩效评价得分90分以上” (a goal with a floor, true anyway: ${tb} ≥ 90); the conclusion written with its label in one merged cell (“评价结论：经自评，…得分92.34分，自评等级：优。”). Total ${tb}.`,
          findings: [],
        },
      },
    ],
  };
}
