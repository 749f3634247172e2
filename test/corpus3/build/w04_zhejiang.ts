/** 浙江: 项目支出绩效自评表 in 元, first-level labels declaring section weights (产出指标（50分）…). */
import { Sheet, WorkbookModule, pct, checkItems, weights, holds, breaks, rateHolds, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round } from "../../corpus2/build/lib";
import { writeNational, NatForm, NatItem } from "./national";

const P = "产出指标（50分）";
const E = "效益指标（30分）";
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

  void scoreBreaks;

  return {
    file: "04_zhejiang_yuan.xlsx",
    title:
      "浙江: 项目支出绩效自评表 in 元 — **reconstructed** from domain.md §1a (the search found no 浙江 table: see README). Amounts typed as text with thousands separators, first-level labels declaring their weight in full-width brackets (产出指标（50分）, 效益指标（30分）, 满意度指标（10分）) merged down their rows, no grade field, a 自评结论 sentence with the grade.",
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
            { code: "SECTION_WEIGHT_MISMATCH", cell: `B${la.l1Rows.get(E)}`, severity: "error", note: "效益指标（30分）: its indicators weigh 15 + 10 + 10 = 35 (the block still sums to 90)" },
          ],
        },
      },
    ],
  };
}
