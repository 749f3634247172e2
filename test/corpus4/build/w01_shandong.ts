/**
 * 山东 (县级): 项目支出绩效自评表 with 分值 and 得分 before 年度指标值 / 实际完成值, a 备注 column in both blocks,
 * a 项目负责人及电话 line, 说明 rows with numbers and a signature block with a phone number and a date below the form.
 */
import { Sheet, WorkbookModule, Value, fx, pct, checkItems, weights, holds, rateHolds, rateBreaks, scoreHolds, execScore, AMOUNT_TOL, grade, round, ACHIEVED, PARTLY } from "../../corpus2/build/lib";
import { writeIndicators, IndRow, Ind, ColSpec, sectionWeight, BOX, isInd } from "./form";

const COLS: ColSpec[] = [
  { key: "l1", label: "一级指标" },
  { key: "l2", label: "二级指标" },
  { key: "l3", label: "三级指标" },
  { key: "weight", label: "分值" },
  { key: "score", label: "得分" },
  { key: "target", label: "年度指标值" },
  { key: "actual", label: "实际完成值" },
  { key: "reason", label: "偏差原因分析及改进措施" },
  { key: "note", label: "备注" },
];

interface SdForm {
  project: string;
  dept: [string, string];
  leader: string;
  budget: [string, Value, Value, Value, Value][]; // label, 年初, 全年, 执行, 执行率 (其中 rows)
  rate: Value;
  execScore: Value;
  goal: [string, string];
  rows: IndRow[];
  total: Value;
  grade: string;
  conclusion: string;
  signature: string[];
}

function write(s: Sheet, f: SdForm) {
  s.widths = [12, 14, 20, 8, 8, 14, 14, 26, 14];
  s.mergeRow(s.row("项目支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  s.mergeRow(s.row("项目名称", f.project), 2, 9);
  const d = s.row("主管部门", f.dept[0], null, null, "实施单位", f.dept[1]);
  s.mergeRow(d, 2, 4);
  s.mergeRow(d, 6, 9);
  s.mergeRow(s.row("项目负责人及电话", f.leader), 2, 9);
  const head = s.row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "备注");
  const budgetRows: number[] = [];
  f.budget.forEach(([label, a, b, c, r], i) => {
    budgetRows.push(i === 0 ? s.row(null, label, a, b, c, 10, f.rate, f.execScore, null) : s.row(null, label, a, b, c, "—", r, "—", null));
  });
  s.merge(`A${head}:A${s.next - 1}`);
  const g1 = s.row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  s.mergeRow(g1, 2, 5);
  s.mergeRow(g1, 6, 9);
  const g2 = s.row(null, f.goal[0], null, null, null, f.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g1}:A${g2}`);
  const lay = writeIndicators(s, COLS, f.rows);
  const sumRow = s.row("总分", null, null, 100, f.total);
  s.mergeRow(sumRow, 1, 3);
  s.mergeRow(sumRow, 5, 9);
  const gradeRow = s.row("自评等级", f.grade);
  s.mergeRow(gradeRow, 2, 9);
  const conclusionRow = s.row("自评结论", f.conclusion);
  s.mergeRow(conclusionRow, 2, 9);
  s.blank();
  for (const line of f.signature) s.mergeRow(s.row(line), 1, 9);
  return { budgetRows, lay, sumRow, gradeRow, conclusionRow };
}

const P = "产出指标";
const E = "效益指标";
const M = "满意度指标";

/** Faults: rate 94.20 % for 94.02 %; 路面优良率 80 % of ≥85 % scored full; 总分 96.9 for 97.9. */
const roads: SdForm = {
  project: "农村公路日常养护经费",
  dept: ["某县交通运输局", "某县公路事业发展中心"],
  leader: "刘某某　0530-5212345",
  budget: [
    ["年度资金总额", 180, 200, 188.04, null],
    ["其中：当年财政拨款", 180, 195, 183.04, "—"],
    ["上年结转资金", 0, 5, 5, "—"],
    ["其他资金", "—", "—", "—", "—"],
  ],
  rate: pct(0.942),
  execScore: 9.4,
  goal: ["完成农村公路日常养护120公里以上，路面优良率不低于85%，群众满意度90%以上。", "完成养护126公里，路面优良率80%，群众满意度93%。"],
  rows: [
    { l1: P, l2: "数量指标", name: "日常养护里程", target: "≥120公里", actual: "126公里", weight: 15, score: 15, reason: null },
    // ≥85 %, achieved 80 %: 15 × 80 ÷ 85 = 14.12 (value) or 15 × 80 % = 12 (completion ratio); stated 15.
    { l1: P, l2: "质量指标", name: "路面优良率", target: "≥85%", actual: "80%", weight: 15, score: 15, reason: null, exact: [(15 * 80) / 85, 12], fault: "over" },
    { l1: P, l2: "时效指标", name: "养护任务完成时间", target: "2023年11月30日前", actual: "已完成", weight: 10, score: 10, reason: null },
    { l1: P, l2: "成本指标", name: "每公里养护成本", target: "≤1.5万元", actual: "1.49万元", weight: 10, score: 10, reason: null, note: "按县财政局核定标准" },
    { l1: E, l2: "社会效益指标", name: "群众出行条件改善", target: "明显改善", actual: "达成年度指标", weight: 15, score: 13.5, reason: "个别路段雨季积水，已列入下年度排水改造计划。", band: ACHIEVED },
    { l1: E, l2: "可持续影响指标", name: "养护长效机制", target: "健全", actual: "达成年度指标", weight: 15, score: 15, reason: null, band: ACHIEVED },
    { l1: M, l2: "服务对象满意度指标", name: "沿线群众满意度", target: "≥90%", actual: "93%", weight: 10, score: 10, reason: null, note: "抽样调查300户" },
  ],
  total: 96.9,
  grade: BOX("优"),
  conclusion: "经自评，该项目自评得分97.9分，自评等级为优。",
  signature: ["说明：1.执行率=全年执行数÷全年预算数×100%；2.执行率得分=10分×执行率，最高10分；3.金额保留2位小数，得分保留2位小数。", "填报人：李某某　联系电话：0530-5218866　　单位负责人：王某某　　填报日期：2024年3月15日"],
};

/** Clean, with traps. */
const water: SdForm = {
  project: "农村饮水安全工程维修养护经费",
  dept: ["某县水利局", "某县农村供水服务中心"],
  leader: "孙某　13805301234",
  budget: [
    ["年度资金总额", 60, 58.5, 58.5, null],
    ["其中：当年财政拨款", 60, 58.5, 58.5, "—"],
    ["上年结转资金", "/", "/", "/", "—"],
    ["其他资金", 0, 0, 0, "0.00%"],
  ],
  rate: fx("ROUND(E7/D7,4)", "0.00%"),
  execScore: fx("ROUND(F7*MIN(1,G7),2)"),
  goal: ["维修农村供水工程40处以上，保障1.2万农村人口饮水安全。", "维修42处，受益人口1.176万人，水质检测合格率95%。"],
  rows: [
    { l1: P, l2: "数量指标", name: "维修供水工程处数", target: "≥40处", actual: "42处", weight: 15, score: 15, reason: null, note: "含2处应急维修" },
    { l1: P, l2: "质量指标", name: "水质检测合格率", target: "≥95%", actual: "95%", weight: 15, score: 15, reason: null },
    { l1: P, l2: "时效指标", name: "维修完工及时率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
    { l1: P, l2: "成本指标", name: "单处维修成本", target: "≤1.5万元", actual: "1.39万元", weight: 10, score: 10, reason: null },
    { l1: E, l2: "经济效益指标", placeholder: "" },
    // ≥12000人, 11760人: 15 × 11760 ÷ 12000 = 14.7, stated 14 (rounded down).
    { l1: E, l2: "社会效益指标", name: "受益农村人口", target: "≥12000人", actual: "11760人", weight: 15, score: 14, reason: "2个村搬迁合并，受益人口减少。", exact: (15 * 11760) / 12000 },
    // ≤2 % (reverse), 2.5 %: linear 15 × (1 − 0.5 ÷ 2) = 11.25; ratio 15 × 2 ÷ 2.5 = 12.
    { l1: E, l2: "社会效益指标", name: "供水中断事件发生率", target: "≤2%", actual: "2.5%", weight: 15, score: 11.25, reason: "汛期2次管网冲毁，已加固。", exact: [15 * (1 - 0.5 / 2), (15 * 2) / 2.5] },
    // ≥90 %, 85 %: 10 × 85 ÷ 90 = 9.44 (value) or 8.5 (completion ratio).
    { l1: M, l2: "服务对象满意度指标", name: "受益群众满意度", target: "≥90%", actual: "85%", weight: 10, score: 9.44, reason: "部分村民反映维修期间停水时间较长。", exact: [(10 * 85) / 90, 8.5] },
  ],
  total: fx("H7+SUM(E14:E21)"),
  grade: "优■　良□　中□　差□",
  conclusion: "本项目全年预算58.5万元，执行58.5万元，执行率100%，维修工程42处，自评得分94.69分，自评等级为优。",
  signature: [
    "说明：定量指标未达标的按实际完成值÷年度指标值×分值计分；反向指标按[1－(实际值－目标值)÷目标值]×分值计分，最低0分。",
    "填表人：孙某　电话：13805301234　　财务负责人：赵某某　　2024年3月18日",
  ],
};

export function shandong(): WorkbookModule {
  // --- A: faults
  const a = new Sheet("养护经费自评表");
  const la = write(a, roads);
  const ia = la.lay.items;
  holds("山东 A 年初", 180, 180 + 0, AMOUNT_TOL);
  holds("山东 A 全年", 200, 195 + 5, AMOUNT_TOL);
  holds("山东 A 执行", 188.04, 183.04 + 5, AMOUNT_TOL);
  rateBreaks("山东 A rate", 94.2, 188.04, 200);
  rateHolds("山东 A rate on the amounts", 94.02, 188.04, 200);
  scoreHolds("山东 A execution score", 9.4, [execScore(10, 188.04, 200), 10 * 0.942]);
  holds("山东 A weights", weights(ia), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`山东 A ${l}`, sectionWeight(ia, l), w, 0.005);
  const ta = round(9.4 + checkItems("山东 A", ia), 6);
  holds("山东 A conclusion", 97.9, ta, 0.005);
  const over = ia.find((i) => i.fault === "over")!;
  // 96.9 is no rounding of 97.9, nor of the total with the expected 14.12 (97.02) or 12 (94.9).
  for (const t of [ta, ta - 15 + (15 * 80) / 85, ta - 3]) if ([t, round(t, 1), Math.round(t), Math.floor(t)].some((x) => Math.abs(x - 96.9) < 0.006)) throw new Error("山东 A 总分 is a rounding");
  if (grade(ta) !== "优" || grade(96.9) !== "优") throw new Error("山东 A grade");
  if (la.budgetRows[0] !== 7 || ia[0].row !== 14) throw new Error(`山东 A layout ${la.budgetRows[0]} ${ia[0].row}`);

  // --- B: clean
  const b = new Sheet("饮水安全自评表");
  const lb = write(b, water);
  const ib = lb.lay.items;
  if (lb.budgetRows[0] !== 7 || b.num("G7") !== 1 || b.num("H7") !== 10) throw new Error(`山东 B formulas ${b.value("G7")} ${b.value("H7")}`);
  holds("山东 B 全年", 58.5, 58.5 + 0, AMOUNT_TOL);
  holds("山东 B weights", weights(ib), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`山东 B ${l}`, sectionWeight(ib, l), w, 0.005);
  const tb = round(10 + checkItems("山东 B", ib), 6);
  if (water.rows.filter(isInd).slice(-1)[0].row !== 21) throw new Error(`山东 B 总分 range ${water.rows.filter(isInd).map((i) => i.row)}`);
  holds("山东 B 总分", b.num(`E${lb.sumRow}`), tb, 0.005);
  holds("山东 B conclusion", 94.69, tb, 0.005);
  if (grade(tb) !== "优") throw new Error("山东 B grade");
  void PARTLY;
  void ({} as Ind);

  return {
    file: "01_shandong_county.xlsx",
    title:
      "山东 (县级): 项目支出绩效自评表 — **reconstructed** from domain.md §1a (no 山东 table was found by the search, see README). Layout not in the earlier corpora: the indicator table puts **分值 and 得分 before 年度指标值 / 实际完成值** (一级 | 二级 | 三级 | 分值 | 得分 | 年度指标值 | 实际完成值 | 偏差原因 | 备注), a **备注 column** in both the budget block and the indicator table (with numbers in it), a 项目负责人及电话 line with a phone number, and below the form a 说明 row full of numbers and a signature block with a phone number and a date.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `Three independent faults. 188.04 ÷ 200.00 = 94.02 %, score 9.4 (fits 94.02 % and the stated 94.20 %). Recomputed total 9.4 + 88.5 = ${ta}; the conclusion says 97.9 and ☑优 — right.`,
          findings: [
            { code: "EXEC_RATE_MISMATCH", cell: `G${la.budgetRows[0]}`, severity: "error", note: "执行率 188.04 ÷ 200.00 = 94.02 %; stated 0.942 in a 0.00% format (94.20 %, two digits swapped), 0.18 point off. The score 9.4 fits both 94.02 % and 94.20 %, so only the rate is wrong" },
            { code: "INDICATOR_SCORE_MISMATCH", cell: `E${over.row}`, severity: "error", note: "路面优良率 ≥85 %, achieved 80 %: 15 × 80 ÷ 85 = 14.12 (accepted 14.12, 14.1, 14) or, as a completion ratio, 15 × 80 % = 12; stated 15 (over-scored). 得分 sits in column E, before the target" },
            { code: "TOTAL_MISMATCH", cell: `E${la.sumRow}`, severity: "error", note: "总分 says 96.9; recomputed 9.4 + 15 + 15 + 10 + 10 + 13.5 + 15 + 10 = 97.9 (97.02 if the over-scored item counted 14.12) — 96.9 is no rounding of either" },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `CLEAN with traps: 执行率 =ROUND(E7/D7,4) in a % format (58.50 ÷ 58.50 = 100 %), 得分 =ROUND(F7*MIN(1,G7),2); 上年结转 “/”; 其他资金 0 | 0 | 0 with a stated 0.00 % (zero budget, fine); an empty 经济效益指标 template row; 95 % against ≥95 % (met exactly); 15 × 11760 ÷ 12000 = 14.7 stated 14 (rounded down); a reverse ≤2 % achieved 2.5 % scored 11.25 (linear rule exactly; ratio 12); 10 × 85 ÷ 90 = 9.44; 备注 cells with numbers (“含2处应急维修”); 总分 =H7+SUM(E14:E21) = ${tb}; grade “优■\u3000良□…” (box after the word); a conclusion with amounts and a rate before the score; 说明 and signature rows with numbers, a mobile number and a date.`,
          findings: [],
        },
      },
    ],
  };
}
