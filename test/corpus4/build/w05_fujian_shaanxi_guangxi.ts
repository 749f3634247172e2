/**
 * 福建: a 项目资金使用情况表 (domain.md §1g) with 序号 and 备注 columns and no 合计 row.
 * 陕西: the national project form with line breaks in the budget headers, the rate typed as text, a 评价结果 sentence.
 * 广西 (县级): the national form with first-level labels declaring weights in half-width brackets, a 备注 column,
 * a top 自评得分 | 自评等级 line and a 自评结论.
 */
import { Sheet, WorkbookModule, Value, pct, checkItems, weights, holds, breaks, rateHolds, rateBreaks, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round } from "../../corpus2/build/lib";
import { writeIndicators, IndRow, ColSpec, sectionWeight } from "./form";

// ---------- 福建 ----------
function fujian() {
  const s = new Sheet("项目资金使用情况表");
  s.widths = [6, 24, 12, 12, 12, 12, 12, 22];
  s.mergeRow(s.row("项目资金使用情况表（2023年度）"), 1, 8);
  const r2 = s.row("填报单位：福建省某县农业农村局（盖章）", null, null, null, null, null, "单位：万元");
  s.mergeRow(r2, 1, 6);
  s.mergeRow(r2, 7, 8);
  s.row("序号", "项目名称", "预算金额", "实际到位资金", "已使用资金", "结余资金", "结转资金", "备注");
  const rows: [string, number, number, number, number, number, string | null][] = [
    ["农村公路提档升级", 560, 560, 548.3, 0, 11.7, "结转11.70万元为工程质保金"],
    ["小流域水土保持综合治理", 120, 115, 109.6, 5.4, 0, "省级资金到位115万元"],
    // Fault: 80.00 − 76.25 = 3.75, typed 3.57.
    ["乡镇综合文化站提升", 80, 80, 76.25, 3.57, 0, null],
    ["农村生活污水管网维护", 45, 45, 45, 0, 0, null],
    ["高标准农田建设（省级补助）", 300, 300, 281.43, 0, 18.57, "2个标段未完成决算审计"],
  ];
  let fault = "";
  rows.forEach(([name, budget, arrived, used, bal, carry, note], i) => {
    const r = s.row(i + 1, name, budget, arrived, used, bal, carry, note);
    if (i === 2) {
      breaks("福建 文化站", arrived - used, bal + carry, AMOUNT_TOL);
      fault = `F${r}`;
    } else holds(`福建 ${name}`, arrived - used, bal + carry, AMOUNT_TOL);
  });
  s.mergeRow(s.row("说明：1.结余资金=实际到位资金-已使用资金-结转资金；2.结转资金按规定结转下年继续使用，结余资金按规定收回财政。"), 1, 8);
  s.mergeRow(s.row("填报人：陈某　联系电话：0591-8765432　填报日期：2024年3月28日"), 1, 8);
  return { s, fault };
}

// ---------- national forms of 陕西 and 广西 ----------
export interface NForm {
  project: string;
  dept: [string, string];
  headers: string[]; // budget header labels from column C: 年初, 全年, 执行, 分值, 执行率, 得分
  unitLabel: string;
  top?: [Value, string];
  budget: [string, Value, Value, Value][];
  rate: Value;
  execScore: Value;
  goal: [string, string];
  cols: ColSpec[];
  rows: IndRow[];
  total: Value;
  grade?: string;
  conclusionLabel: string;
  conclusion: string;
  notes: string[];
  /** Stated rates of the 其中 rows (“—” unless given). */
  subRates?: Value[];
}

export function writeN(s: Sheet, f: NForm) {
  s.widths = [12, 14, 20, 14, 14, 8, 10, 26, 18];
  s.mergeRow(s.row("项目支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  s.mergeRow(s.row("项目名称", f.project), 2, 9);
  const d = s.row("主管部门", f.dept[0], null, null, "实施单位", f.dept[1]);
  s.mergeRow(d, 2, 4);
  s.mergeRow(d, 6, 9);
  let top: number | undefined;
  if (f.top) {
    top = s.row("自评得分", f.top[0], null, null, "自评等级", f.top[1]);
    s.mergeRow(top, 2, 4);
    s.mergeRow(top, 6, 9);
  }
  const head = s.row(f.unitLabel, null, ...f.headers);
  s.mergeRow(head, 8, 9);
  const budgetRows: number[] = [];
  f.budget.forEach(([label, a, b, c], i) => {
    const r = i === 0 ? s.row(null, label, a, b, c, 10, f.rate, f.execScore) : s.row(null, label, a, b, c, "—", f.subRates?.[i - 1] ?? "—", "—");
    s.mergeRow(r, 8, 9);
    budgetRows.push(r);
  });
  s.merge(`A${head}:A${s.next - 1}`);
  const g1 = s.row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  s.mergeRow(g1, 2, 5);
  s.mergeRow(g1, 6, 9);
  const g2 = s.row(null, f.goal[0], null, null, null, f.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g1}:A${g2}`);
  const lay = writeIndicators(s, f.cols, f.rows);
  const wCol = lay.col("weight").charCodeAt(0) - 64;
  const sumRow = s.row("总分", ...Array(wCol - 2).fill(null), 100, f.total);
  s.mergeRow(sumRow, 1, wCol - 1);
  let gradeRow: number | undefined;
  if (f.grade) s.mergeRow((gradeRow = s.row("自评等级", f.grade)), 2, 9);
  const c = s.row(f.conclusionLabel, f.conclusion);
  s.mergeRow(c, 2, 9);
  for (const n of f.notes) s.mergeRow(s.row(n), 1, 9);
  return { top, budgetRows, lay, sumRow, gradeRow, conclusionRow: c };
}

export const NAT_COLS: ColSpec[] = [
  { key: "l1", label: "一级指标" },
  { key: "l2", label: "二级指标" },
  { key: "l3", label: "三级指标" },
  { key: "target", label: "年度\n指标值" },
  { key: "actual", label: "实际\n完成值" },
  { key: "weight", label: "分值" },
  { key: "score", label: "得分" },
  { key: "reason", label: "偏差原因分析及改进措施" },
];
const GX_COLS: ColSpec[] = [...NAT_COLS.slice(0, 3), { key: "target", label: "年度指标值" }, { key: "actual", label: "实际完成值" }, ...NAT_COLS.slice(5), { key: "note", label: "备注" }];

const P = "产出指标";
const E = "效益指标";
const M = "满意度指标";

/** 陕西. Faults: rate “94.2%” for 92.40 %; 带动就业 under-scored; 总分 99.6 for 96; sentence grade 良 for 96. */
const farmers: NForm = {
  project: "高素质农民培育项目",
  dept: ["某市农业农村局", "某市农业广播电视学校"],
  unitLabel: "项目资金\n（万元）",
  headers: ["年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分"],
  budget: [
    ["年度资金总额", 250, 262, 242.1],
    ["其中：当年财政拨款", 250, 250, 232.1],
    ["上年结转资金", 0, 12, 10],
    ["其他资金", "—", "—", "—"],
  ],
  rate: "94.2%",
  execScore: 9,
  goal: ["培育高素质农民3000人次以上，带动就业500人以上，参训农民满意度90%以上。", "培训3120人次，带动就业450人，满意度95%。"],
  cols: NAT_COLS,
  rows: [
    { l1: P, l2: "数量指标", name: "培训农民人次", target: "≥3000人次", actual: "3,120人次", weight: 15, score: 15, reason: null },
    { l1: P, l2: "质量指标", name: "培训考核合格率", target: "≥90%", actual: "94%", weight: 15, score: 15, reason: null },
    { l1: P, l2: "时效指标", name: "培训按期完成率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
    { l1: P, l2: "成本指标", name: "人均培训成本", target: "≤800元", actual: "776元", weight: 10, score: 10, reason: null },
    { l1: E, l2: "经济效益指标", name: "参训农民人均增收", target: "≥1000元", actual: "1,060元", weight: 15, score: 15, reason: null },
    // ≥500人, 450人: 15 × 450 ÷ 500 = 13.5 (13.5, 14, 13 accepted); stated 12 (under-scored).
    { l1: E, l2: "社会效益指标", name: "带动就业人数", target: "≥500人", actual: "450人", weight: 15, score: 12, reason: "部分合作社用工需求下降。", exact: 13.5, fault: "under" },
    { l1: M, l2: "服务对象满意度指标", name: "参训农民满意度", target: "≥90%", actual: "95%", weight: 10, score: 10, reason: null },
  ],
  total: 99.6,
  conclusionLabel: "评价结论",
  conclusion: "经自评，本项目自评得分96分，评价结果：良。",
  notes: ["联系人：杨某　电话：029-86543210　2024年3月25日"],
};

/** 广西 (县级). Faults: sections 55 / 25 against 50 / 30; reverse 辍学率 missed scored full; 满意度 12 of 10; 自评得分 98.97; sentence 96.87. */
const GP = "产出指标(50分)";
const GE = "效益指标(30分)";
const GM = "满意度指标(10分)";
const aid: NForm = {
  project: "学前教育和义务教育家庭经济困难学生资助（县级）",
  dept: ["某县教育局", "某县学生资助管理中心"],
  unitLabel: "项目资金（万元）",
  headers: ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  top: [98.97, "优"],
  budget: [
    ["年度资金总额", 500, 500, 493.5],
    ["其中：当年财政拨款", 420, 420, 413.5],
    ["上年结转资金", 80, 80, 80],
    ["其他资金", 0, 0, 0],
  ],
  rate: pct(0.987),
  execScore: 9.87,
  goal: ["资助家庭经济困难学生2500人以上，资助资金发放准确率100%，辍学率控制在0.5%以内。", "资助2536人，发放准确率100%，辍学率0.8%，受助学生满意度97%。"],
  cols: GX_COLS,
  rows: [
    { l1: GP, l2: "数量指标", name: "资助学生人数", target: "≥2500人", actual: "2,536人", weight: 15, score: 15, reason: null, note: "含民族班学生136人" },
    { l1: GP, l2: "质量指标", name: "资助资金发放准确率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: GP, l2: "时效指标", name: "资助资金发放及时率", target: "≥95%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: GP, l2: "成本指标", name: "生均资助标准", target: "=2000元", actual: "2000元", weight: 10, score: 10, reason: null, note: "2000元/生·年" },
    // ≤0.5 % (reverse), 0.8 %: ratio 15 × 0.5 ÷ 0.8 = 9.38, linear 15 × (1 − 0.3 ÷ 0.5) = 6; stated 15.
    { l1: GE, l2: "社会效益指标", name: "家庭经济困难学生辍学率", target: "≤0.5%", actual: "0.8%", weight: 15, score: 15, reason: null, exact: [(15 * 0.5) / 0.8, 15 * (1 - 0.3 / 0.5)], fault: "over" },
    { l1: GE, l2: "可持续影响指标", name: "资助政策知晓率", target: "≥90%", actual: "96%", weight: 10, score: 10, reason: null },
    { l1: GM, l2: "服务对象满意度指标", name: "受助学生及家长满意度", target: "≥90%", actual: "97%", weight: 10, score: 12, reason: null, fault: "exceeds" },
  ],
  total: 99.87,
  conclusionLabel: "自评结论",
  conclusion: "本项目全年执行493.5万元，资助学生2536人，自评得分为96.87分，自评等级为优。",
  notes: ["审核人：韦某　填表人：覃某　联系电话：0771-5678901　填报日期：2024年3月30日"],
};

export function fujianShaanxiGuangxi(): WorkbookModule {
  const fj = fujian();

  const a = new Sheet("陕西-农民培育");
  const la = writeN(a, farmers);
  const ia = la.lay.items;
  holds("陕西 全年", 262, 250 + 12, AMOUNT_TOL);
  holds("陕西 执行", 242.1, 232.1 + 10, AMOUNT_TOL);
  rateBreaks("陕西 rate", 94.2, 242.1, 262);
  rateHolds("陕西 rate on the amounts", 92.4, 242.1, 262);
  scoreHolds("陕西 execution score", 9, [execScore(10, 242.1, 262), 9.42]);
  holds("陕西 weights", weights(ia), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`陕西 ${l}`, sectionWeight(ia, l), w, 0.005);
  const ta = round(9 + checkItems("陕西", ia), 6);
  holds("陕西 sentence score", 96, ta, 0.005);
  for (const t of [ta, ta + 1.5, ta + 0.24, ta + 1.74]) {
    if ([t, round(t, 1), Math.round(t), Math.floor(t)].some((x) => Math.abs(x - 99.6) < 0.006)) throw new Error("陕西 总分 is a rounding");
    if (grade(t) !== "优") throw new Error("陕西 grade");
  }
  const under = ia.find((i) => i.fault === "under")!;

  const b = new Sheet("广西-学生资助（县级）");
  const lb = writeN(b, aid);
  const ib = lb.lay.items;
  holds("广西 年初", 500, 420 + 80 + 0, AMOUNT_TOL);
  holds("广西 全年", 500, 420 + 80 + 0, AMOUNT_TOL);
  holds("广西 执行", 493.5, 413.5 + 80 + 0, AMOUNT_TOL);
  rateHolds("广西 rate", 98.7, 493.5, 500);
  scoreHolds("广西 execution score", 9.87, execScore(10, 493.5, 500));
  holds("广西 weights", weights(ib), 90, 0.005);
  breaks("广西 产出", sectionWeight(ib, GP), 50, 0.005);
  breaks("广西 效益", sectionWeight(ib, GE), 30, 0.005);
  holds("广西 满意度", sectionWeight(ib, GM), 10, 0.005);
  const tb = round(9.87 + checkItems("广西", ib), 6);
  holds("广西 总分", 99.87, tb, 0.005);
  for (const t of [tb, tb + 2, tb - 15 + 9.375, tb - 9]) {
    for (const stated of [98.97, 96.87]) if ([t, round(t, 1), Math.round(t), Math.floor(t)].some((x) => Math.abs(x - stated) < 0.006)) throw new Error(`广西 ${stated} is a rounding of ${t}`);
    if (grade(t) !== "优") throw new Error("广西 grade");
  }
  const over = ib.find((i) => i.fault === "over")!;
  const exceeds = ib.find((i) => i.fault === "exceeds")!;
  void scoreBreaks;

  return {
    file: "05_fujian_shaanxi_guangxi.xlsx",
    title:
      "福建, 陕西, 广西 — **reconstructed** (the search found no table of these provinces: for 广西 only the opening of 百色市本级项目支出绩效评价管理办法 (百财办〔2021〕4号, http://czj.baise.gov.cn/zwgk/fdzdgknr/zcwjzcjd/t11098246.shtml) and a vendor template id, see docs/forms.md). 福建: a 项目资金使用情况表 (domain.md §1g) with 序号 and 备注 columns and no 合计 row. 陕西: the national form with line breaks inside the budget and indicator headers (“全年\\n预算数”, “年度\\n指标值”), the rate typed as text, a 评价结论 sentence with “评价结果：良”. 广西 (县级): the national form with a 备注 column, half-width “产出指标(50分)” labels merged down their rows, a top 自评得分 | 自评等级 line and a 自评结论.",
    sheets: [
      {
        sheet: fj.s,
        expect: {
          template: true,
          about: "Fund use table, five projects, 序号 1–5 in column A, 备注 texts with amounts (“结转11.70万元为工程质保金”), a 说明 row restating the identity, a signature line with a phone number and a date; every other row satisfies 到位 − 已使用 = 结余 + 结转.",
          findings: [{ code: "BUDGET_SUM_MISMATCH", cell: fj.fault, severity: "error", note: "乡镇综合文化站提升: 到位 80.00 − 已使用 76.25 = 3.75 but 结余 3.57 + 结转 0.00 = 3.57 (digits swapped); contract.md puts the finding on the 结余资金 cell" }],
        },
      },
      {
        sheet: a,
        expect: {
          template: true,
          about: `Four independent faults. 242.10 ÷ 262.00 = 92.40 %; the score 9 fits it (9.24 rounded down) and the stated 94.2 % (9.42 rounded down). Recomputed total 9 + 87 = ${ta} (stated scores; 97.5 with 带动就业 at 13.5) — 优 under every reading.`,
          findings: [
            { code: "EXEC_RATE_MISMATCH", cell: `G${la.budgetRows[0]}`, severity: "error", note: "执行率 typed “94.2%”; 242.10 ÷ 262.00 = 92.40 % (1.8 points off)" },
            { code: "INDICATOR_SCORE_MISMATCH", cell: `G${under.row}`, severity: "warning", note: "带动就业人数 ≥500人, achieved 450人: 15 × 450 ÷ 500 = 13.5 (13.5, 14, 13 accepted); stated 12 (under-scored; a reason is written)" },
            { code: "TOTAL_MISMATCH", cell: `G${la.sumRow}`, severity: "error", note: "总分 says 99.6; recomputed 9 + 15 + 15 + 10 + 10 + 15 + 12 + 10 = 96 (97.5 with the item's exact 13.5; 96.24 / 97.74 with the rule's 9.24) — 99.6 is none of them nor a rounding" },
            { code: "GRADE_MISMATCH", cell: `B${la.conclusionRow}`, severity: "error", note: "the 评价结论 says “自评得分96分，评价结果：良”: 96 is right, but 96 is 优 (≥ 90) — so is every other reading of the total (97.5, 99.6)" },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `County-level form, six independent faults. 493.50 ÷ 500.00 = 98.70 % (a %-formatted 0.987), score 9.87; 其中 rows 420 + 80 + 0 (其他资金 a legitimate 0 | 0 | 0). The block still sums to 90. Recomputed total 9.87 + 90 (the over-scored 15 counted as stated, 12 capped at 10) = ${tb} = 总分.`,
          findings: [
            { code: "SECTION_WEIGHT_MISMATCH", cell: `A${lb.lay.l1Rows.get(GP)}`, severity: "error", note: "产出指标(50分): its indicators weigh 15 + 15 + 15 + 10 = 55" },
            { code: "SECTION_WEIGHT_MISMATCH", cell: `A${lb.lay.l1Rows.get(GE)}`, severity: "error", note: "效益指标(30分): its indicators weigh 15 + 10 = 25" },
            { code: "INDICATOR_SCORE_MISMATCH", cell: `G${over.row}`, severity: "error", note: "家庭经济困难学生辍学率 ≤0.5 % (reverse), achieved 0.8 %: 15 × 0.5 ÷ 0.8 = 9.38 or linear 15 × (1 − 0.3 ÷ 0.5) = 6; stated 15 (over-scored)" },
            { code: "SCORE_EXCEEDS_WEIGHT", cell: `G${exceeds.row}`, severity: "error", note: "受助学生及家长满意度: 得分 12 > 分值 10" },
            { code: "HEADER_SCORE_MISMATCH", cell: `B${lb.top}`, severity: "error", note: "自评得分 98.97 vs recomputed 99.87 (digits swapped; 101.87 uncapped) — no rounding of any reading; 自评等级 优 is right" },
            { code: "CONCLUSION_SCORE_MISMATCH", cell: `B${lb.conclusionRow}`, severity: "error", note: "“自评得分为96.87分” vs the recomputed 99.87 (which 总分 states); the sentence's 493.5 (万元) and 2536 (人) come before the score; its grade 优 is right" },
          ],
        },
      },
    ],
  };
}
