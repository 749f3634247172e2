/** 浙江: 项目支出绩效自评表 in 元, first-level labels declaring section weights (产出指标（50分）…). */
import { Sheet, WorkbookModule, fx, pct, checkItems, weights, holds, breaks, rateHolds, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round } from "../../corpus2/build/lib";
import { writeNational, NatForm, NatItem } from "./national";

const P = "产出指标（50分）";
const E = "效益指标\n（30分）";
const S = "满意度指标（10分）";

/** Faults: 养护成活率 90 % of ≥98 % scored full; 长效机制 below weight with no reason; sections 45 / 35 against 50 / 30. */
const trees: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "古树名木保护养护经费",
  dept: ["某区园林绿化管理局", "某区园林绿化养护中心"],
  unit: "元",
  budget: [
    ["年度资金总额", "500,000.00", "480,000.00", "476,352.80"],
    ["其中：当年财政拨款", "500,000.00", "480,000.00", "476,352.80"],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", "—", "—", "—"],
  ],
  rate: pct(0.9924),
  execScore: 9.92,
  goal: ["完成1200株古树名木日常养护，养护成活率不低于98%。", "完成1200株养护，成活率90%，绿化覆盖率提升0.6个百分点。"],
  items: [
    { l1: P, l2: "数量指标", name: "古树名木养护株数", target: "≥1200株", actual: "1200株", weight: 15, score: 15, reason: null },
    // ≥98 %, 90 %: 15 × 90 ÷ 98 = 13.78 (or 15 × 90 % = 13.5 as a completion ratio); stated 15.
    { l1: P, l2: "质量指标", name: "养护成活率", target: "≥98%", actual: "90%", weight: 15, score: 15, reason: null, exact: [(15 * 90) / 98, 15 * 0.9], fault: "over" },
    { l1: P, l2: "时效指标", name: "养护作业按时完成率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: E, l2: "生态效益指标", name: "绿化覆盖率提升", target: "≥0.5个百分点", actual: "0.6个百分点", weight: 15, score: 15, reason: null },
    { l1: E, l2: "社会效益指标", name: "市民投诉件数", target: "≤10件", actual: "8件", weight: 10, score: 10, reason: null },
    { l1: E, l2: "可持续影响指标", name: "养护管理长效机制", target: "健全", actual: "达成年度指标", weight: 10, score: 8.5, reason: null, band: [0.8, 1.0001], fault: "noReason" },
    { l1: S, l2: "服务对象满意度指标", name: "市民满意度", target: "≥90%", actual: "92%", weight: 10, score: 10, reason: null },
  ],
  total: 98.42,
  conclusion: "该项目自评得分为98.42分，自评等级为优。",
};

/** Clean, in 元 with a text rate and a completion-ratio reading. */
const law: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "“八五”普法宣传教育经费",
  dept: ["某区司法局", "某区司法局"],
  unit: "元",
  budget: [
    ["年度资金总额", "1,200,000.00", "1,250,000.00", "1,248,377.50"],
    ["其中：当年财政拨款", "1,200,000.00", "1,200,000.00", "1,198,377.50"],
    ["上年结转资金", "0.00", "50,000.00", "50,000.00"],
    ["其他资金", "/", "/", "/"],
  ],
  rate: "９９．８７％",
  execScore: 9.99,
  goal: ["开展普法宣传活动40场以上，群众法律知识知晓率提升10个百分点。", "开展活动42场，知晓率提升8个百分点，活动按计划完成率85%。"],
  items: [
    { l1: P, l2: "数量指标", name: "普法宣传活动场次", target: "≥40场", actual: "４２场", weight: 15, score: 15, reason: null },
    // =0起 with 1起: 0 (domain.md: “= with target 0: full if achieved ≤ 0, else 0”).
    { l1: P, l2: "质量指标", name: "活动安全责任事故", target: "=0起", actual: "1起", weight: 10, score: 0, reason: "1场户外活动发生参与群众轻微踩踏受伤，已完善安保预案。", exact: 0 },
    // ≥90 %, 85 %: 10 × 85 ÷ 90 = 9.44 (value) or 10 × 85 % = 8.5 (completion ratio): stated 8.5 fits the second reading.
    { l1: P, l2: "时效指标", name: "活动按计划完成率", target: "≥90%", actual: "85%", weight: 10, score: 8.5, reason: "受天气影响3场户外活动延期。", exact: [(10 * 85) / 90, 8.5] },
    { l1: P, l2: "成本指标", name: "单场活动成本", target: "≤3000元", actual: "2,860元", weight: 15, score: 15, reason: null },
    // 提升10个百分点, achieved 8: 15 × 8 ÷ 10 = 12 (also 80 % of the weight, inside the 达成 band if read as qualitative).
    { l1: E, l2: "社会效益指标", name: "群众法律知识知晓率", target: "提升10个百分点", actual: "提升8个百分点", weight: 15, score: 12, reason: "农村地区宣传覆盖不足，下年度增加送法下乡场次。", exact: 12 },
    { l1: E, l2: "可持续影响指标", name: "普法长效机制", target: "健全", actual: "达成年度指标", weight: 15, score: 15, reason: null, band: [0.8, 1.0001] },
    { l1: S, l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "96%", weight: 10, score: 10, reason: null },
  ],
  total: fx("H6+SUM(H13:H19)"),
  conclusion: "该项目自评得分为85.49分，自评等级为良。",
};

const num = (s: string | number) => (typeof s === "number" ? s : Number(String(s).replace(/,/g, "")));

export function zhejiang(): WorkbookModule {
  const a = new Sheet("项目自评表");
  a.widths = [8, 16, 16, 22, 14, 14, 8, 10, 28];
  const la = writeNational(a, trees);
  holds("浙江 A 其中", num("476,352.80"), num("476,352.80") + 0, AMOUNT_TOL);
  rateHolds("浙江 A rate", 99.24, 476352.8, 480000);
  scoreHolds("浙江 A execution score", 9.92, execScore(10, 476352.8, 480000));
  const items = trees.items as NatItem[];
  const sec = (l: string) => round(items.filter((i) => i.l1 === l).reduce((x, i) => x + i.weight, 0), 6);
  breaks("浙江 A 产出", sec(P), 50, 0.005);
  breaks("浙江 A 效益", sec(E), 30, 0.005);
  holds("浙江 A 满意度", sec(S), 10, 0.005);
  holds("浙江 A weights", weights(items), 90, 0.005);
  const ta = round(9.92 + checkItems("浙江 A", items), 6);
  holds("浙江 A 总分", 98.42, ta, 0.005);
  holds("浙江 A conclusion", 98.42, ta, 0.005);
  if (grade(ta) !== "优") throw new Error("浙江 A grade");
  const over = items.find((i) => i.fault === "over")!;
  const noReason = items.find((i) => i.fault === "noReason")!;

  const b = new Sheet("项目自评表（普法）");
  b.widths = a.widths;
  const lb = writeNational(b, law);
  if (lb.budgetRows[0] !== 6 || law.items[0].row !== 13 || law.items[6].row !== 19) throw new Error(`浙江 B layout ${lb.budgetRows} ${law.items[0].row}`);
  holds("浙江 B 年初", 1200000, 1200000 + 0, AMOUNT_TOL);
  holds("浙江 B 全年", 1250000, 1200000 + 50000, AMOUNT_TOL);
  holds("浙江 B 执行", 1248377.5, 1198377.5 + 50000, AMOUNT_TOL);
  rateHolds("浙江 B rate", 99.87, 1248377.5, 1250000);
  scoreHolds("浙江 B execution score", 9.99, execScore(10, 1248377.5, 1250000));
  for (const l of [P, E, S]) holds(`浙江 B ${l}`, round(law.items.filter((i) => (i as NatItem).l1 === l).reduce((x, i) => x + i.weight, 0), 6), Number(/（(\d+)分）/.exec(l)![1]), 0.005);
  const tb = round(9.99 + checkItems("浙江 B", law.items), 6);
  holds("浙江 B 总分 formula", b.num(`H${lb.sumRow}`), tb, 0.005);
  holds("浙江 B conclusion", 85.49, tb, 0.005);
  if (grade(tb) !== "良") throw new Error("浙江 B grade");
  void scoreBreaks;

  return {
    file: "04_zhejiang_yuan.xlsx",
    title:
      "浙江: 项目支出绩效自评表 in 元 — **reconstructed** from domain.md §1a (the search found no 浙江 table: see README). Amounts typed as text with thousands separators, first-level labels declaring their weight in full-width brackets (产出指标（50分）, 效益指标 + line break + （30分）, 满意度指标（10分）) merged down their rows, no grade field, a 自评结论 sentence with the grade.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `Four independent faults. 476,352.80 ÷ 480,000.00 = 99.24 %, score 9.92. Total ${ta} (the over-scored 15 counted as stated, domain.md) agrees with 总分 and the sentence.`,
          findings: [
            { code: "INDICATOR_SCORE_MISMATCH", cell: `H${over.row}`, severity: "error", note: "养护成活率 ≥98 %, achieved 90 %: 15 × 90 ÷ 98 = 13.78 (accepted 13.78, 13.8, 14, 13; the completion-ratio reading 15 × 90 % = 13.5 accepts 13.5, 14, 13); stated 15 (over-scored). 90 % < 98 % is not met under either reading" },
            { code: "MISSING_REASON", cell: `I${noReason.row}`, severity: "warning", note: "养护管理长效机制: 8.5 of 10 (inside the 达成 band) with an empty 偏差原因分析及改进措施" },
            { code: "SECTION_WEIGHT_MISMATCH", cell: `B${la.l1Rows.get(P)}`, severity: "error", note: "产出指标（50分）: its indicators weigh 15 + 15 + 15 = 45" },
            { code: "SECTION_WEIGHT_MISMATCH", cell: `B${la.l1Rows.get(E)}`, severity: "error", note: "效益指标（30分） (a line break before the bracket): its indicators weigh 15 + 10 + 10 = 35 (the block still sums to 90)" },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `CLEAN with traps: amounts in 元 as text with separators (“1,248,377.50”), 其他资金 “/”; 执行率 text in full-width digits “９９．８７％” for 99.870 %, score 9.99; full-width “４２场”; ≥90 % achieved 85 % scored 8.5 (the completion-ratio reading; 9.44 by value); a target “提升10个百分点” achieved “提升8个百分点” scored 12; live 总分 =H6+SUM(H13:H19) = ${tb}; an “=0起” target with “1起” scored 0 (with a reason); sentence “自评得分为85.49分，自评等级为良”.`,
          findings: [],
        },
      },
    ],
  };
}
