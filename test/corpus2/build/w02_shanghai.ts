/** 上海 普陀: 财政项目支出绩效自评表 in 元 (weights only in the 分值 column; no grade, no conclusion). */
import { Sheet, WorkbookModule, Item, Value, fx, pct, money, checkItems, weights, holds, breaks, rateHolds, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round, ACHIEVED } from "./lib";

type Amount = number | string | null;
interface Form {
  project: string;
  /** 年度资金总额 and the 其中 rows: [label, 年初, 全年, 执行]. */
  budget: [string, Amount, Amount, Amount][];
  rate: Value;
  execScore: number;
  goal: [string, string];
  items: (Item & { l1: string; l2: string; target: string })[];
  total: number | "formula";
}

const amount = (a: Amount): Value => (typeof a === "number" ? money(a) : a);
const toNum = (a: Amount) => (typeof a === "number" ? a : a === null || a === "—" ? 0 : Number(a.replace(/,/g, "")));

function addForm(s: Sheet, f: Form): { totalRow: number; sumRow: number; items: Item[] } {
  s.mergeRow(s.row("财政项目支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023 年度）"), 1, 9);
  s.mergeRow(s.row("项目名称", f.project), 2, 9);
  const r4 = s.row("主管部门", "上海市普陀区体育局", null, null, "实施单位", "上海市普陀区体育事业管理中心");
  s.mergeRow(r4, 2, 4);
  s.mergeRow(r4, 6, 9);
  const head = s.row("项目资金 (元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 8, 9);
  let totalRow = 0;
  f.budget.forEach(([label, a, b, c], i) => {
    const r = i === 0 ? s.row(null, label, amount(a), amount(b), amount(c), 10, f.rate, f.execScore) : s.row(null, label, amount(a), amount(b), amount(c), null, null, "—");
    if (i === 0) totalRow = r;
    s.mergeRow(r, 8, 9);
  });
  s.merge(`A${head}:A${s.next - 1}`);
  const g1 = s.row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  s.mergeRow(g1, 2, 5);
  s.mergeRow(g1, 6, 9);
  const g2 = s.row(null, f.goal[0], null, null, null, f.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g1}:A${g2}`);
  const ih = s.row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  for (const it of f.items) it.row = s.row(null, it.l1, it.l2, it.name, it.target, it.actual, it.weight, it.score, it.reason);
  s.merge(`A${ih}:A${s.next - 1}`);
  const first = ih + 1;
  const last = s.next - 1;
  const sumRow = s.row("总分", null, null, null, null, null, 100, f.total === "formula" ? fx(`H${totalRow}+SUM(H${first}:H${last})`) : f.total);
  s.mergeRow(sumRow, 1, 6);
  return { totalRow, sumRow, items: f.items };
}

function assertForm(where: string, s: Sheet, f: Form, r: { totalRow: number; sumRow: number; items: Item[] }, budgetFault = false): number {
  const [total, ...parts] = f.budget;
  for (const col of [1, 2, 3] as const) {
    const stated = toNum(total[col]);
    const sumParts = parts.reduce((a, p) => a + toNum(p[col]), 0);
    if (budgetFault && col === 3) breaks(`${where} 其中 执行数`, stated, sumParts, AMOUNT_TOL);
    else holds(`${where} 其中 column ${col}`, stated, sumParts, AMOUNT_TOL);
  }
  holds(`${where} weights`, 10 + weights(r.items), 100, 0.005);
  const exec = toNum(total[3]);
  const budget = toNum(total[2]);
  scoreHolds(`${where} execution score`, f.execScore, execScore(10, exec, budget));
  const recomputed = round(f.execScore + checkItems(where, r.items), 6);
  holds(`${where} 总分`, s.num(`H${r.sumRow}`), recomputed, 0.005);
  grade(recomputed);
  return recomputed;
}

const fitness: Form = {
  project: "全民健身场地设施维护经费",
  budget: [
    ["年度资金总额", 680000, 652400, 641385.2],
    ["其中:当年财政拨款", 680000, 652400, 641385.2],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 0, 0, 0],
  ],
  rate: pct(0.9831),
  execScore: 9.83,
  goal: ["完成全区320个健身点位设施日常维护，设施完好率不低于95%。", "完成320个点位维护，设施完好率97.2%，维修响应全部及时。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "健身设施维护点位", target: "=320个", actual: "320个", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "设施完好率", target: ">=95%", actual: "97.2%", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "维修响应及时率", target: "=100%", actual: "100%", weight: 20, score: 20, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "市民就近健身便利度", target: "提升", actual: "达成年度指标", weight: 30, score: 30, reason: null, band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "健身市民满意度", target: ">=90%", actual: "93%", weight: 10, score: 10, reason: null },
  ],
  total: 99.83,
};

const youth: Form = {
  project: "青少年体育赛事活动经费",
  budget: [
    // Fault: 全年执行数 typed 1,208,640.50 while its 其中 rows give 1,108,640.00 + 100,000.00 = 1,208,640.00.
    ["年度资金总额", 1150000, 1250000, "1,208,640.50"],
    ["其中:当年财政拨款", 1150000, 1150000, "1,108,640.00"],
    ["上年结转资金", 0, 100000, "100,000.00"],
    ["其他资金", 0, 0, 0],
  ],
  rate: pct(0.9669),
  execScore: 9.67,
  goal: ["全年举办青少年赛事24场以上，参赛3000人次以上，无安全事故。", "举办赛事26场，参赛3420人次，无安全事故。"],
  items: [
    // Met (3420 ≥ 3000, 114 %): full 10; stated 8 (under-scored), a reason is written.
    { l1: "产出指标", l2: "数量指标", name: "参赛青少年人次", target: ">=3000人次", actual: "3420人次", weight: 10, score: 8, reason: "部分赛事延期至次年举办，按场次折算扣分。", exact: 10, fault: "under" },
    { l1: "产出指标", l2: "质量指标", name: "赛事安全事故数", target: "=0起", actual: "0起", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "赛事按计划举办率", target: ">=95%", actual: "96%", weight: 20, score: 20, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "青少年体育参与度", target: "提升", actual: "达成年度指标", weight: 30, score: 27, reason: "郊区街镇参赛覆盖仍不足，下年度增设分站赛。", band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参赛家长满意度", target: ">=90%", actual: "95%", weight: 10, score: 10, reason: null },
  ],
  total: 94.67,
};

const venues: Form = {
  project: "公共体育场馆免费低收费开放补贴",
  budget: [
    ["年度资金总额", 480000, 480000, "413,726.40"],
    ["其中:当年财政拨款", 480000, 480000, "413,726.40"],
    ["上年结转资金", "0", "0", "0"],
    ["其他资金", "—", "—", "—"],
  ],
  rate: "86.20%",
  execScore: 8.62,
  goal: ["12个公共体育场馆全年免费低收费开放，服务市民60万人次。", "12个场馆全年开放，服务市民52.8万人次。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "开放场馆数量", target: "=12个", actual: "12个", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "场馆安全事故数", target: "=0起", actual: "0起", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "补贴资金拨付及时率", target: "=100%", actual: "100%", weight: 20, score: 20, reason: null },
    // 30 × 528,000 ÷ 600,000 = 26.4: the target is written in 人次 with a separator, the achievement in 万人次.
    { l1: "效益指标", l2: "社会效益指标", name: "受益市民人次", target: ">=600,000人次", actual: "52.8万人次", weight: 30, score: 26.4, reason: "两处场馆改造停业3个月，客流下降。", exact: (30 * 52.8) / 60 },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "健身市民满意度", target: ">=90%", actual: "95%", weight: 10, score: 10, reason: null },
  ],
  total: "formula",
};

const lanes: Form = {
  project: "游泳场馆公益开放运营补贴",
  budget: [
    ["年度资金总额", 360000, 360000, 310284],
    ["其中:当年财政拨款", 360000, 360000, 310284],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 0, 0, 0],
  ],
  rate: pct(0.8619),
  // Fault: 310,284.00 ÷ 360,000.00 = 86.19 % → 8.62 (8.6, 9, 8 accepted); stated full marks.
  execScore: 10,
  goal: ["3个游泳场馆暑期公益开放60天，服务青少年4万人次。", "公益开放60天，服务青少年3.81万人次。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "公益开放天数", target: "=60天", actual: "60天", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "水质检测合格率", target: "=100%", actual: "100%", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "补贴按季度拨付率", target: "=100%", actual: "100%", weight: 20, score: 20, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "青少年游泳技能普及", target: "提升", actual: "达成年度指标", weight: 30, score: 28.6, reason: "受暑期高温天气影响，部分场次参与人数不足。", band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "家长满意度", target: ">=90%", actual: "96%", weight: 10, score: 10, reason: null },
  ],
  // Fault (independent of the score): 10 + 88.6 = 98.6 typed with two digits swapped.
  total: 96.8,
};

export function shanghai(): WorkbookModule {
  const two = new Sheet("体育中心（两项目）");
  two.widths = [8, 16, 16, 22, 14, 14, 14, 10, 28];
  const f1 = addForm(two, fitness);
  two.blank(2);
  const f2 = addForm(two, youth);
  rateHolds("form 1 rate", 98.31, 641385.2, 652400);
  rateHolds("form 2 rate", 96.69, 1208640.5, 1250000);
  rateHolds("form 2 rate on the 其中 sum", 96.69, 1208640, 1250000);
  const t1 = assertForm("上海 form 1", two, fitness, f1);
  const t2 = assertForm("上海 form 2", two, youth, f2, true);
  const under = f2.items.find((i) => i.fault === "under")!;

  const one = new Sheet("场馆开放补贴");
  one.widths = two.widths;
  const f3 = addForm(one, venues);
  rateHolds("场馆 rate (printed 0.007 point high)", 86.2, 413726.4, 480000);
  const t3 = assertForm("上海 场馆", one, venues, f3);
  holds("场馆 total formula", one.num(`H${f3.sumRow}`), 95.02, 0.005);

  const pool = new Sheet("游泳场馆补贴");
  pool.widths = two.widths;
  const f4 = addForm(pool, lanes);
  rateHolds("游泳 rate", 86.19, 310284, 360000);
  scoreBreaks("游泳 execution score", 10, execScore(10, 310284, 360000), "over");
  const t4 = round(10 + checkItems("游泳", f4.items), 6);
  holds("游泳 weights", 10 + weights(f4.items), 100, 0.005);
  scoreBreaks("游泳 总分 vs the stated scores, under any rounding", 96.8, t4);
  scoreBreaks("游泳 总分 vs the rule's execution score, under any rounding", 96.8, round(8.62 + 88.6, 6));
  grade(t4);
  grade(round(8.62 + 88.6, 6));

  return {
    file: "02_shanghai_putuo_yuan.xlsx",
    title:
      "上海 普陀: 财政项目支出绩效自评表 (source: https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html, 上海市普陀区体育事业管理中心2022年度项目自评价.pdf, see docs/forms.md shanghai-putuo): amounts in 元 (项目资金 (元)), 其中 rows with 0 amounts and — scores, weights only in the 分值 column (10 + 10 + 20 + 20 + 30 + 10), ASCII >= and = targets, 总分 with no grade and no conclusion.",
    sheets: [
      {
        sheet: two,
        expect: {
          template: true,
          about: `Two 普陀 forms stacked with two blank rows between. Form 1 is clean (641,385.20 ÷ 652,400.00 = 98.31 %, a %-formatted 0.9831; total ${t1}); form 2 has its 执行数 typed as text with thousands separators (total ${t2}).`,
          findings: [
            { code: "BUDGET_SUM_MISMATCH", cell: `E${f2.totalRow}`, severity: "error", note: "form 2: 全年执行数 “1,208,640.50” 元 ≠ 其中 1,108,640.00 + 100,000.00 + 0 = 1,208,640.00 元 (0.50 元 off; the unit is 元, tolerance 0.01; the rate 96.69 % and score 9.67 hold on either figure)" },
            { code: "INDICATOR_SCORE_MISMATCH", cell: `H${under.row}`, severity: "warning", note: "form 2: 参赛青少年人次 >=3000, achieved 3420 (met, 114 %): full weight 10; stated 8 (under-scored, a reason is written)" },
          ],
        },
      },
      {
        sheet: one,
        expect: {
          template: true,
          about: `普陀 form, CLEAN with traps: 执行率 text “86.20%” for 413,726.40 ÷ 480,000.00 = 86.193 % (0.007 point high, as on the published form), score 8.62; amounts in 元 as text with separators; 其中 rows “0” and “—”; =0起 met by 0起; a target “>=600,000人次” against an achievement “52.8万人次” (30 × 528,000 ÷ 600,000 = 26.4, with a reason — reading 52.8 against 600,000 would be wrong); a live 总分 formula (${t3}).`,
          findings: [],
        },
      },
      {
        sheet: pool,
        expect: {
          template: true,
          about: `普陀 form with two independent faults: the execution score given full marks, and the 总分 typed with two digits swapped. The recomputed total takes the execution score as stated (domain.md: “plus the execution-rate score as stated”): 10 + 88.6 = ${t4}; with the rule's 8.62 it would be 97.22 — 96.8 is neither, so the 总分 is wrong under any reading.`,
          findings: [
            { code: "EXEC_SCORE_MISMATCH", cell: `H${f4.totalRow}`, severity: "error", note: "执行率 310,284.00 ÷ 360,000.00 = 86.19 %, so the score is 10 × 86.19 % = 8.62 (8.6, 9, 8 accepted); stated 10 (over-scored)" },
            { code: "TOTAL_MISMATCH", cell: `H${f4.sumRow}`, severity: "error", note: `总分 says 96.8; recomputed 10 (as stated) + 10 + 20 + 20 + 28.6 + 10 = ${t4} (97.22 with the rule's 8.62) — a typo independent of the execution score` },
          ],
        },
      },
    ],
  };
}
