/** 广东 茂名: 项目支出绩效自评表 (national form laid out with a blank margin column A), 自评等级 check boxes, 自评结论. */
import { Sheet, WorkbookModule, fx, pct, checkItems, weights, holds, breaks, rateHolds, rateBreaks, scoreHolds, execScore, AMOUNT_TOL, grade, round } from "../../corpus2/build/lib";
import { writeNational, NatForm, BOX } from "./national";

const dept: [string, string] = ["茂名市农业农村局", "茂名市乡村振兴服务中心"];

/** Faults: 执行率 computed on 年初预算数 (92.30 % vs 92.00 %); grade ticked 良 for a total of 97.1. */
const village: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "乡村振兴驻镇帮镇扶村专项资金",
  dept,
  unit: "万元",
  off: 1,
  budget: [
    ["年度资金总额", 401.0, 402.3, 370.12],
    ["其中：当年财政拨款", 401.0, 401.0, 368.82],
    ["上年结转资金", 0, 1.3, 1.3],
    ["其他资金", "/", "/", "/"],
  ],
  rate: "92.30%",
  execScore: 9.2,
  goal: ["帮扶12个行政村发展特色产业，培训农户600人次以上，带动就业200人以上。", "帮扶12个村，培训农户648人次，带动就业215人，村集体经济收入平均增长8.6%。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "帮扶行政村数量", target: "=12个", actual: "12个", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "数量指标", name: "培训农户人次", target: "≥600人次", actual: "648人次", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "帮扶项目验收合格率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "资金拨付及时率", target: "≥95%", actual: "97%", weight: 10, score: 10, reason: null },
    // ≥10 %, achieved 8.6 % (the value reading): 15 × 8.6 ÷ 10 = 12.9.
    { l1: "效益指标", l2: "经济效益指标", name: "村集体经济收入增幅", target: "≥10%", actual: "8.6%", weight: 15, score: 12.9, reason: "两个村特色种植受台风影响减产，下年度加强农业保险覆盖。", exact: [12.9, 15 * 0.086] },
    { l1: "效益指标", l2: "社会效益指标", name: "带动就业人数", target: "≥200人", actual: "215人", weight: 15, score: 15, reason: null },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "帮扶农户满意度", target: "≥90%", actual: "94%", weight: 10, score: 10, reason: null },
  ],
  total: 97.1,
  grade: BOX("良"),
  conclusion: "经自评，该项目自评得分为97.1分，项目总体完成年度绩效目标。",
};

/** Clean, with live formulas and rounding traps. */
const itops: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "政务信息化系统运行维护经费",
  dept: ["茂名市政务服务数据管理局", "茂名市政务服务数据管理局"],
  unit: "万元",
  off: 1,
  budget: [
    ["年度资金总额", fx("SUM(D7:D9)"), fx("SUM(E7:E9)"), fx("SUM(F7:F9)")],
    ["其中：当年财政拨款", 100, 98.5, 97.37],
    ["上年结转资金", 20, 20, 19.99],
    ["其他资金", "—", "—", "—"],
  ],
  rate: fx("ROUND(F6/E6,4)", "0.00%"),
  execScore: fx("ROUND(G6*MIN(1,H6),2)"),
  goal: ["保障45家单位政务系统稳定运行，系统正常运行率不低于99%。", "45家单位系统全年稳定运行，正常运行率99.6%，发生安全事件3起（均已处置）。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "运维覆盖单位数", target: "﹦45个", actual: "45个", weight: 12, score: 12, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "系统正常运行率", target: "≥99%", actual: "99.6%", weight: 12, score: 12, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "数据备份完成率", target: "＝１００％", actual: "１００％", weight: 8, score: 8, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "故障响应时间", target: "≤2小时", actual: "90分钟", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "成本指标", name: "运维成本", target: "≤118.5万元", actual: "117.36万元", weight: 8, score: 8, reason: null },
    // ≥90 %, achieved 88.2 %: 15 × 88.2 ÷ 90 = 14.7, stated 14 (rounded down).
    { l1: "效益指标", l2: "社会效益指标", name: "政务服务网上可办率", target: "≥90%", actual: "88.2%", weight: 15, score: 14, reason: "部分事项需现场核验，下年度推进电子证照应用。", exact: (15 * 88.2) / 90 },
    // ≤2起, 3起: 15 × 2 ÷ 3 = 10 (ratio rule) or 15 × (1 − 1 ÷ 2) = 7.5 (linear): the default accepts either.
    { l1: "效益指标", l2: "可持续影响指标", name: "网络安全事件", target: "≤2起", actual: "3起", weight: 15, score: 10, reason: "发生3起低危安全事件，已完成整改并加强巡检。", exact: [10, 7.5] },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "使用单位满意度", target: "满意度较高", actual: "达成年度指标", weight: 10, score: 9, reason: "个别单位反映系统响应偏慢，已扩容。", band: [0.8, 1.0001] },
  ],
  total: fx("I6+SUM(I13:I20)"),
  grade: "优■ 良□ 中□ 差□",
  conclusion: "经自评，该项目自评得分为92.9分，自评等级：优。",
};

export function guangdong(): WorkbookModule {
  const a = new Sheet("乡村振兴专项");
  a.widths = [3, 10, 16, 16, 22, 14, 14, 12, 10, 28];
  const la = writeNational(a, village);
  const b0 = la.budgetRows[0];
  holds("茂名 A 全年 其中", 402.3, 401.0 + 1.3, AMOUNT_TOL);
  holds("茂名 A 执行 其中", 370.12, 368.82 + 1.3, AMOUNT_TOL);
  holds("茂名 A 年初 其中", 401.0, 401.0 + 0, AMOUNT_TOL);
  rateBreaks("茂名 A rate (on 年初预算数)", 92.3, 370.12, 402.3);
  rateHolds("the stated rate is 执行 ÷ 年初", 92.3, 370.12, 401.0);
  scoreHolds("茂名 A execution score on the amounts", 9.2, execScore(10, 370.12, 402.3));
  scoreHolds("茂名 A execution score on the stated rate", 9.2, 10 * 0.923);
  holds("茂名 A weights", weights(village.items), 90, 0.005);
  const ta = round(9.2 + checkItems("茂名 A", village.items), 6);
  holds("茂名 A 总分", a.num(`${la.col(8)}${la.sumRow}`), ta, 0.005);
  if (grade(ta) !== "优") throw new Error("茂名 A grade");

  const b = new Sheet("信息化运维");
  b.widths = a.widths;
  const lb = writeNational(b, itops);
  const col = lb.col;
  // The formulas above name fixed cells: check the layout put the rows where they point.
  if (lb.budgetRows[0] !== 6 || itops.items[0].row !== 13 || itops.items[7].row !== 20 || col(8) !== "I") throw new Error(`茂名 B layout ${lb.budgetRows} ${itops.items[0].row}`);
  // The achievement of 系统正常运行率 stored as a fraction with a % format.
  const uptime = itops.items.find((i) => i.name === "系统正常运行率")!;
  if (b.value(`G${uptime.row}`) !== "99.6%") throw new Error("茂名 B uptime cell");
  b.set(`G${uptime.row}`, pct(0.996, "0.0%"));
  const exec = b.num("F6");
  const budget = b.num("E6");
  holds("茂名 B 全年", budget, 118.5, AMOUNT_TOL);
  holds("茂名 B 执行", exec, 117.36, AMOUNT_TOL);
  rateHolds("茂名 B rate (ROUND 4)", b.num("H6") * 100, exec, budget);
  const es = b.num("I6");
  scoreHolds("茂名 B execution score", es, execScore(10, exec, budget));
  const tb = round(es + checkItems("茂名 B", itops.items), 6);
  holds("茂名 B weights", weights(itops.items), 90, 0.005);
  holds("茂名 B 总分 formula", b.num(`I${lb.sumRow}`), tb, 0.005);
  holds("茂名 B conclusion", 92.9, tb, 0.005);
  if (grade(tb) !== "优") throw new Error("茂名 B grade");
  void breaks;
  
  return {
    file: "01_guangdong_maoming.xlsx",
    title:
      "广东 茂名: 项目支出绩效自评表 — **reconstructed** from domain.md §1a. The search found only the opening of 2021年茂名市发展和改革局部门整体支出绩效自评报告 (https://www.kunmingchi.com/archives/vzpngm2097m5n2ywqbkd.html; 茂财绩函〔2022〕2号 asks units to “填写自评表格”), no table. Layout: a blank margin column A (every label one column to the right), first-level labels merged down their rows, 自评等级 as check boxes, a 自评结论 sentence.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `National form shifted one column right (blank column A). 其中 rows with “/” for 其他资金; a ≥10 % growth achieved 8.6 % scored 12.9 (value reading, with a reason). Total ${ta}.`,
          findings: [
            { code: "EXEC_RATE_MISMATCH", cell: `H${b0}`, severity: "error", note: "执行率 370.12 ÷ 402.30 (全年预算数) = 92.00 %; stated “92.30%” is 370.12 ÷ 401.00 (年初预算数). The score 9.2 fits both (9.20 and 9.23 rounded to one decimal), so only the rate is wrong" },
            { code: "GRADE_MISMATCH", cell: `C${la.gradeRow}`, severity: "error", note: `自评等级 ticks ☑良; the total ${ta} (9.2 + 50 + 12.9 + 15 + 10) is 优 under national bands (≥ 90) and under every profile's bands (≥ 95 too)` },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `CLEAN with traps: 年度资金总额 row as live SUM formulas; 执行率 =ROUND(F6/E6,4) in % format (117.36 ÷ 118.50 = 99.04 %), 得分 =ROUND(G6*MIN(1,H6),2) = 9.9; full-width ＝１００％; an achievement stored as the fraction 0.996 with a 0.0% format (99.6 % against ≥99 %); ≥90 % achieved 88.2 % scored 14 (14.7 rounded down); ≤2小时 met by “90分钟” (another unit); ≤2起 achieved 3起 scored 10 (ratio rule 15 × 2 ÷ 3; linear gives 7.5 — the default accepts either); a qualitative 达成年度指标 at 9 of 10; a target with ﹦ (U+FE66) “﹦45个”; the grade as “优■ 良□ 中□ 差□” (box after the word); 总分 =I6+SUM(I13:I20) = ${tb}; conclusion “自评得分为92.9分，自评等级：优”.`,
          findings: [],
        },
      },
    ],
  };
}
