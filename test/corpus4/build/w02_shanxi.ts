/**
 * 山西: 项目支出绩效自评表 with the unit only in a 单位：元 line above the budget block (the header says 项目资金 with no
 * unit), 实际完成值 before 年度指标值, a 绩效指标 margin column, and a top 自评得分 | 自评等级 line.
 */
import { Sheet, WorkbookModule, Value, fx, money, pct, checkItems, weights, holds, breaks, rateHolds, scoreHolds, execScore, AMOUNT_TOL, grade, round, ACHIEVED } from "../../corpus2/build/lib";
import { writeIndicators, IndRow, ColSpec, sectionWeight } from "./form";

const COLS: ColSpec[] = [
  { key: "l1", label: "一级指标" },
  { key: "l2", label: "二级指标" },
  { key: "l3", label: "三级指标" },
  { key: "actual", label: "实际完成值" },
  { key: "target", label: "年度指标值" },
  { key: "weight", label: "分值" },
  { key: "score", label: "得分" },
  { key: "reason", label: "偏差原因分析及改进措施" },
];

interface SxForm {
  project: string;
  dept: [string, string];
  top: [Value, string];
  budget: [string, Value, Value, Value][];
  rate: Value;
  execScore: Value;
  goal: [string, string];
  rows: IndRow[];
  total: Value;
  conclusion: string;
  notes: string[];
}

function write(s: Sheet, f: SxForm) {
  s.widths = [8, 12, 14, 20, 16, 14, 8, 8, 26];
  s.mergeRow(s.row("项目支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  s.mergeRow(s.row("项目名称", f.project), 2, 9);
  const d = s.row("主管部门", f.dept[0], null, null, "实施单位", f.dept[1]);
  s.mergeRow(d, 2, 4);
  s.mergeRow(d, 6, 9);
  const top = s.row("自评得分", f.top[0], null, null, "自评等级", f.top[1]);
  s.mergeRow(top, 2, 4);
  s.mergeRow(top, 6, 9);
  const unit = s.row(null, null, null, null, null, null, null, "单位：元");
  s.mergeRow(unit, 8, 9);
  const head = s.row("项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 8, 9);
  const budgetRows: number[] = [];
  f.budget.forEach(([label, a, b, c], i) => {
    const r = i === 0 ? s.row(null, label, a, b, c, 10, f.rate, f.execScore) : s.row(null, label, a, b, c, "—", "—", "—");
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
  const lay = writeIndicators(s, COLS, f.rows, "绩效指标");
  const sumRow = s.row("总分", null, null, null, null, null, 100, f.total);
  s.mergeRow(sumRow, 1, 6);
  s.mergeRow(sumRow, 8, 9);
  const conclusionRow = s.row("自评结论", f.conclusion);
  s.mergeRow(conclusionRow, 2, 9);
  for (const n of f.notes) s.mergeRow(s.row(n), 1, 9);
  return { top, budgetRows, lay, sumRow, conclusionRow };
}

const P = "产出指标";
const E = "效益指标";
const M = "满意度指标";

/** Faults: 全年执行数 0.50 元 above its 其中 rows; 覆盖率 below weight with no reason; 运营机制 16 of 15; 自评得分 97.68. */
const elderly: SxForm = {
  project: "社区居家养老服务补助资金",
  dept: ["某区民政局", "某区养老服务指导中心"],
  top: [97.68, "优"],
  budget: [
    ["年度资金总额", money(1500000), money(1520000), money(1498637.3)],
    ["其中：当年财政拨款", money(1500000), money(1500000), money(1478636.8)],
    ["上年结转资金", money(0), money(20000), money(20000)],
    ["其他资金", "—", "—", "—"],
  ],
  rate: "98.59%",
  execScore: 9.86,
  goal: ["为辖区老年人提供居家养老服务18000人次以上，居家养老服务覆盖率提升3个百分点。", "全年服务18600人次，覆盖率提升2.6个百分点，服务对象满意度92%。"],
  rows: [
    { l1: P, l2: "数量指标", name: "居家养老服务人次", actual: "18,600人次", target: "≥18000人次", weight: 15, score: 15, reason: null },
    { l1: P, l2: "质量指标", name: "服务质量抽查合格率", actual: "96%", target: "≥95%", weight: 15, score: 15, reason: null },
    { l1: P, l2: "时效指标", name: "补助资金拨付及时率", actual: "100%", target: "=100%", weight: 10, score: 10, reason: null },
    { l1: P, l2: "成本指标", name: "人均单次服务成本", actual: "80.6元", target: "≤85元", weight: 10, score: 10, reason: null },
    // ≥3个百分点, 2.6: 15 × 2.6 ÷ 3 = 13 (right) — but no reason.
    { l1: E, l2: "社会效益指标", name: "居家养老服务覆盖率提升", actual: "2.6个百分点", target: "≥3个百分点", weight: 15, score: 13, reason: null, exact: 13, fault: "noReason" },
    { l1: E, l2: "可持续影响指标", name: "服务站点持续运营机制", actual: "达成年度指标", target: "持续运营", weight: 15, score: 16, reason: null, fault: "exceeds" },
    { l1: M, l2: "服务对象满意度指标", name: "服务对象满意度", actual: "92%", target: "≥90%", weight: 10, score: 10, reason: null },
  ],
  total: 97.86,
  conclusion: "项目总体完成年度绩效目标，居家养老服务质量稳定，服务站点运营正常。",
  notes: ["填报人：高某　联系电话：0351-4123456　填报日期：2024年3月22日"],
};

/** Clean, with traps. */
const villages: SxForm = {
  project: "农村人居环境整治提升项目（县级）",
  dept: ["某县住房和城乡建设局", "某县村镇建设服务中心"],
  top: [null, "优"],
  budget: [
    ["年度资金总额", "840,000.00", "860,000.00", "851,254.37"],
    ["其中：当年财政拨款", "840,000.00", "840,000.00", "831,254.38"],
    ["上年结转资金", "0.00", "19,999.99", "19,999.99"],
    ["其他资金", "—", "—", "—"],
  ],
  rate: "98.98%",
  execScore: 9.9,
  goal: ["完成30个行政村人居环境整治，生活垃圾无害化处理率95%以上，村民满意度95%以上。", "完成32个村整治，无害化处理率100%，投诉6件，村民满意度96.5%。"],
  rows: [
    { l1: P, l2: "数量指标", name: "整治行政村数", actual: "32个", target: "≥30个", weight: 15, score: 15, reason: null },
    { l1: P, l2: "质量指标", name: "生活垃圾无害化处理率", actual: "100%", target: "≥95%", weight: 10, score: 10, reason: null },
    { l1: P, l2: "质量指标", name: "整治工程验收合格率", actual: "100%", target: "100%", weight: 10, score: 10, reason: null },
    // ≤86万元 met by 851,254.37元 (the achievement in 元, the target in 万元).
    { l1: P, l2: "成本指标", name: "项目总成本", actual: "851,254.37元", target: "≤86万元", weight: 15, score: 15, reason: null },
    { l1: E, l2: "生态效益指标", name: "村庄环境整治达标率", actual: "90%", actualCell: pct(0.9, "0%"), target: "≥90%", weight: 15, score: 15, reason: null },
    // ≤5件 (reverse), 6件: ratio 15 × 5 ÷ 6 = 12.5; linear 15 × (1 − 1 ÷ 5) = 12.
    { l1: E, l2: "社会效益指标", name: "环境问题群众投诉件数", actual: "6件", target: "≤5件", weight: 15, score: 12.5, reason: "2个村垃圾清运不及时引发投诉，已增加清运频次。", exact: [12.5, 12] },
    { l1: M, l2: "服务对象满意度指标", name: "村民满意度", actual: "96.5%", target: "≥95%", weight: 10, score: 10, reason: null },
  ],
  total: null,
  conclusion: "经自评，本项目全年执行851,254.37元，执行率98.98%，整治行政村32个，绩效目标基本完成，自评等级为优。",
  notes: [
    "注：1.本表金额单位为元；2.执行率=全年执行数/全年预算数；3.总分=执行率得分（10分）+绩效指标得分（90分），定量指标按完成比例计分。",
    "填报单位（盖章）：某县住房和城乡建设局　填报时间：2024年3月20日　联系电话：0351-7654321",
  ],
};

const n = (v: Value) => Number(String(typeof v === "object" && v && "n" in v ? v.n : v).replace(/,/g, ""));

export function shanxi(): WorkbookModule {
  const a = new Sheet("养老服务补助");
  const la = write(a, elderly);
  const ia = la.lay.items;
  const [, a1, a2] = elderly.budget;
  holds("山西 A 年初", n(elderly.budget[0][1]), n(a1[1]) + n(a2[1]), AMOUNT_TOL);
  holds("山西 A 全年", n(elderly.budget[0][2]), n(a1[2]) + n(a2[2]), AMOUNT_TOL);
  breaks("山西 A 执行", n(elderly.budget[0][3]), n(a1[3]) + n(a2[3]), AMOUNT_TOL);
  rateHolds("山西 A rate (stated 执行)", 98.59, 1498637.3, 1520000);
  rateHolds("山西 A rate (其中 sum)", 98.59, 1498636.8, 1520000);
  scoreHolds("山西 A execution score", 9.86, [execScore(10, 1498637.3, 1520000), execScore(10, 1498636.8, 1520000)]);
  holds("山西 A weights", weights(ia), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`山西 A ${l}`, sectionWeight(ia, l), w, 0.005);
  const ta = round(9.86 + checkItems("山西 A", ia), 6);
  holds("山西 A 总分", 97.86, ta, 0.005);
  for (const t of [ta, ta + 1]) if ([t, round(t, 1), Math.round(t), Math.floor(t)].some((x) => Math.abs(x - 97.68) < 0.006)) throw new Error("山西 A header is a rounding");
  if (grade(ta) !== "优") throw new Error("山西 A grade");
  const noReason = ia.find((i) => i.fault === "noReason")!;
  const exceeds = ia.find((i) => i.fault === "exceeds")!;

  const b = new Sheet("人居环境整治（县级）");
  const lb = write(b, villages);
  const ib = lb.lay.items;
  const first = ib[0].row!;
  const lastRow = ib[ib.length - 1].row!;
  b.set(`H${lb.sumRow}`, fx(`H${lb.budgetRows[0]}+SUM(H${first}:H${lastRow})`));
  b.set(`B${lb.top}`, fx(`H${lb.sumRow}`));
  const [, b1, b2] = villages.budget;
  holds("山西 B 年初", n(villages.budget[0][1]), n(b1[1]) + n(b2[1]), AMOUNT_TOL);
  holds("山西 B 全年 (0.01 off)", n(villages.budget[0][2]), n(b1[2]) + n(b2[2]), AMOUNT_TOL);
  holds("山西 B 执行", n(villages.budget[0][3]), n(b1[3]) + n(b2[3]), AMOUNT_TOL);
  rateHolds("山西 B rate", 98.98, 851254.37, 860000);
  scoreHolds("山西 B execution score", 9.9, execScore(10, 851254.37, 860000));
  holds("山西 B weights", weights(ib), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`山西 B ${l}`, sectionWeight(ib, l), w, 0.005);
  const tb = round(9.9 + checkItems("山西 B", ib), 6);
  holds("山西 B 总分", b.num(`H${lb.sumRow}`), tb, 0.005);
  holds("山西 B 自评得分", b.num(`B${lb.top}`), tb, 0.005);
  if (grade(tb) !== "优") throw new Error("山西 B grade");
  void ACHIEVED;

  return {
    file: "02_shanxi_yuan_note.xlsx",
    title:
      "山西: 项目支出绩效自评表 — **reconstructed** from domain.md §1a (the search found only a vendor's export button name “导出项目支出绩效自评表(山西)”, recorded in docs/forms.md; no table). Layout not in the earlier corpora: the budget header says only `项目资金` and the unit is given **only in a 单位：元 line** above it; the indicator table has **实际完成值 before 年度指标值** and a 绩效指标 margin column; a top 自评得分 | 自评等级 line; notes and a signature line (phone, date) under the form.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `Four independent faults, in 元. 1,498,637.30 ÷ 1,520,000.00 = 98.59 % (98.59 % on the 其中 sum too), score 9.86. Recomputed total 9.86 + 88 (运营机制 16 capped at 15) = ${ta}, which 总分 states (89 + 9.86 = 98.86 uncapped).`,
          findings: [
            { code: "BUDGET_SUM_MISMATCH", cell: `E${la.budgetRows[0]}`, severity: "error", note: "全年执行数 1,498,637.30 元 ≠ 其中 1,478,636.80 + 20,000.00 = 1,498,636.80 元 (0.50 元 off; tolerance 0.01 in the sheet's unit). The rate 98.59 % and the score 9.86 hold on either figure" },
            { code: "MISSING_REASON", cell: `I${noReason.row}`, severity: "warning", note: "居家养老服务覆盖率提升: 15 × 2.6 ÷ 3 = 13 (right) is below the weight 15 and 偏差原因分析及改进措施 is empty" },
            { code: "SCORE_EXCEEDS_WEIGHT", cell: `H${exceeds.row}`, severity: "error", note: "服务站点持续运营机制: 得分 16 > 分值 15" },
            { code: "HEADER_SCORE_MISMATCH", cell: `B${la.top}`, severity: "error", note: "自评得分 97.68 vs recomputed 97.86 (digits swapped; 98.86 uncapped) — no rounding of either; both 优, so the 自评等级 is right" },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `County-level form, CLEAN with traps: amounts in 元 as text with separators, unit only in the 单位：元 line; 全年预算数 860,000.00 vs 其中 840,000.00 + 19,999.99 = 859,999.99 (0.01 off, within tolerance); 执行率 typed “98.98%” for 98.983 %, score 9.9; a cost target “≤86万元” met by “851,254.37元” (units differ between target and achievement); ≥90 % met by exactly 90 % stored as 0.9 in a 0% format; a reverse ≤5件 with 6件 scored 12.5 (ratio; linear 12); a target “100%” with no sign; 总分 =H8+SUM(…) = ${tb} and 自评得分 =H(总分) — live formulas; a conclusion with amounts and a rate but no score; notes with numbers and a phone number.`,
          findings: [],
        },
      },
    ],
  };
}
