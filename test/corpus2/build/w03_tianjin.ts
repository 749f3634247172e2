/** 天津: 部门整体支出绩效自评表 with 计算符号 (direction) in its own column and no 一级/二级 columns. */
import { Sheet, WorkbookModule, Item, Value, checkItems, weights, holds, breaks, rateHolds, scoreHolds, execScore, AMOUNT_TOL, grade, round } from "./lib";

interface Indicator extends Item {
  sign: string;
  target: Value;
  actualCell: Value;
  unit: string;
}
interface Dept {
  dept: string;
  /** [label, 年初, 全年, 执行]: 年度资金总额, 基本支出, 项目支出. */
  budget: [string, number, number, number][];
  rate: Value;
  execScore: number;
  goals: [string, string, string][];
  items: Indicator[];
  total: number;
}

function build(name: string, d: Dept): { sheet: Sheet; totalRow: number; sumRow: number } {
  const s = new Sheet(name);
  s.widths = [26, 10, 12, 14, 10, 10, 8, 8, 30];
  s.hiddenCols.add(6);
  s.mergeRow(s.row("部门整体支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  const r3 = s.row("部门名称", d.dept);
  s.mergeRow(r3, 2, 9);
  s.row("年度预算执行情况（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", null, "执行率", "得分");
  let totalRow = 0;
  d.budget.forEach(([label, a, b, c], i) => {
    const r = s.row(label, a, b, c, i === 0 ? 10 : null, null, i === 0 ? d.rate : null, i === 0 ? d.execScore : "—");
    if (i === 0) totalRow = r;
  });
  const gh = s.row("年度绩效目标", null, null, "实际完成情况", null, null, null, null, "偏差原因分析及改进措施");
  s.mergeRow(gh, 1, 3);
  s.mergeRow(gh, 4, 8);
  for (const [goal, done, why] of d.goals) {
    const r = s.row(goal, null, null, done, null, null, null, null, why);
    s.mergeRow(r, 1, 3);
    s.mergeRow(r, 4, 8);
  }
  s.row("指标名称", "计算符号", "指标值", "实际完成值", "计量单位", "权重设定值", "分值", "得分", "偏差原因分析及改进措施");
  const first = s.next;
  for (const it of d.items) it.row = s.row(it.name, it.sign, it.target, it.actualCell, it.unit, it.weight, it.weight, it.score, it.reason);
  const last = s.next - 1;
  void first;
  void last;
  const sumRow = s.row("总分", null, null, null, null, null, 100, d.total);
  return { sheet: s, totalRow, sumRow };
}

function assertDept(where: string, d: Dept, b: { sheet: Sheet; sumRow: number }): number {
  const [total, basic, project] = d.budget;
  for (const col of [1, 2, 3] as const) holds(`${where} 基本 + 项目 col ${col}`, total[col], basic[col] + project[col], AMOUNT_TOL);
  rateHolds(`${where} rate`, b.sheet.num(`G5`) , total[3], total[2]);
  scoreHolds(`${where} execution score`, d.execScore, execScore(10, total[3], total[2]));
  holds(`${where} weights`, 10 + weights(d.items), 100, 0.005);
  const recomputed = round(d.execScore + checkItems(where, d.items), 6);
  holds(`${where} 总分`, d.total, recomputed, 0.005);
  grade(recomputed);
  return recomputed;
}

const culture: Dept = {
  dept: "天津市某区文化和旅游局",
  budget: [
    ["年度资金总额", 3406.2, 3512.84, 3455.27],
    ["其中：基本支出", 2216.2, 2248.63, 2248.63],
    ["项目支出", 1190, 1264.21, 1206.64],
  ],
  rate: "98.36%",
  execScore: 9.84,
  goals: [
    ["举办公共文化活动120场以上，完成60项非遗项目数字化采集。", "举办活动126场，完成非遗数字化采集51项。", "非遗采集因传承人身体原因推迟9项，次年一季度完成。"],
    ["文物安全零事故，旅游投诉处理及时率100%。", "全年无文物安全事故，投诉全部及时处理。", "无"],
  ],
  items: [
    { name: "举办公共文化活动场次", sign: "≥", target: 120, actualCell: 126, unit: "场", weight: 15, score: 15, actual: "126", reason: null },
    { name: "文物安全事故发生数", sign: "=", target: 0, actualCell: 0, unit: "起", weight: 10, score: 10, actual: "0", reason: null },
    // 15 × 51 ÷ 60 = 12.75.
    { name: "非遗项目数字化采集数量", sign: "≥", target: 60, actualCell: 51, unit: "项", weight: 15, score: 12.75, actual: "51", reason: "9项因传承人身体原因推迟采集。", exact: (15 * 51) / 60 },
    { name: "公共图书馆年接待人次", sign: "≥", target: 85, actualCell: 88.6, unit: "万人次", weight: 10, score: 10, actual: "88.6", reason: null },
    // Reverse ≤2.5, achieved 2.8: 10 × 2.5 ÷ 2.8 = 8.93 or linear 10 × (1 − 0.3 ÷ 2.5) = 8.8; stated 10.
    { name: "单场活动平均成本", sign: "≤", target: 2.5, actualCell: 2.8, unit: "万元", weight: 10, score: 10, actual: "2.8", reason: null, exact: [(10 * 2.5) / 2.8, 10 * (1 - 0.3 / 2.5)], fault: "over" },
    { name: "旅游投诉处理及时率", sign: "≥", target: 100, actualCell: 100, unit: "%", weight: 10, score: 10, actual: "100", reason: null },
    { name: "群众满意度", sign: "≥", target: 90, actualCell: null, unit: "%", weight: 10, score: 10, actual: null, reason: null, fault: "noActual" },
    { name: "文化市场执法检查次数", sign: "≥", target: 200, actualCell: 236, unit: "次", weight: 10, score: 10, actual: "236", reason: null },
  ],
  total: 97.59,
};

const archive: Dept = {
  dept: "天津市某区档案馆",
  budget: [
    ["年度资金总额", 1862.45, 1905.12, 1873.96],
    ["其中：基本支出", 1120.45, 1131.02, 1131.02],
    ["项目支出", 742, 774.11, 742.95],
  ],
  rate: "98.36%",
  execScore: 9.84,
  goals: [["完成80万页档案数字化，接收进馆档案1500卷，档案安全零事故。", "完成数字化812,460页，接收进馆1520卷，无安全事故。", "查档平均响应3.3个工作日，略超目标，已增配查档人员。"]],
  items: [
    { name: "档案数字化扫描量", sign: "≥", target: 800000, actualCell: "812,460", unit: "页", weight: 20, score: 20, actual: "812,460", reason: null },
    { name: "档案安全事故", sign: "＝", target: 0, actualCell: 0, unit: "起", weight: 10, score: 10, actual: "0", reason: null },
    // Reverse ≤3, achieved 3.3: linear 10 × (1 − 0.3 ÷ 3) = 9; ratio 10 × 3 ÷ 3.3 = 9.09 → 9 rounded down.
    { name: "查档服务平均响应时间", sign: "≤", target: 3, actualCell: 3.3, unit: "工作日", weight: 10, score: 9, actual: "3.3", reason: "年中查档需求集中，已增配查档人员。", exact: [10 * (1 - 0.3 / 3), (10 * 3) / 3.3] },
    { name: "接收进馆档案", sign: "≥", target: "１５００", actualCell: 1520, unit: "卷", weight: 15, score: 15, actual: "1520", reason: null },
    { name: "库房温湿度达标率", sign: "≥", target: 95, actualCell: 97.2, unit: "%", weight: 15, score: 15, actual: "97.2", reason: null },
    { name: "查档利用人次", sign: "＞", target: 4000, actualCell: 4380, unit: "人次", weight: 10, score: 10, actual: "4380", reason: null },
    { name: "社会公众满意度", sign: "≥", target: 90, actualCell: 94, unit: "%", weight: 10, score: 10, actual: "94", reason: null },
  ],
  total: 98.84,
};

export function tianjin(): WorkbookModule {
  const a = build("部门整体自评（文旅局）", culture);
  const ta = assertDept("文旅局", culture, a);
  const over = culture.items.find((i) => i.fault === "over")!;
  const noActual = culture.items.find((i) => i.fault === "noActual")!;
  const b = build("部门整体自评（档案馆）", archive);
  const tb = assertDept("档案馆", archive, b);
  breaks("档案馆 基本 + 项目 is 0.01 off (trap)", 1905.12, 1131.02 + 774.11, 0.001);
  return {
    file: "03_tianjin_dept.xlsx",
    title:
      "天津: 部门整体支出绩效自评表 — reconstructed from the column list of a budget-system vendor's 天津 export (docs/forms.md tianjin-dept): indicator table `指标名称 | 计算符号 | 指标值 | 实际完成值 | 计量单位 | 权重设定值 (hidden) | 分值 | 得分 | 偏差原因分析及改进措施` with no 一级/二级 columns, a goal list between the budget block and the indicators; the budget block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, rows 年度资金总额 / 其中：基本支出 / 项目支出) is modelled on the national department form.",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `天津 layout: direction only in 计算符号 (≥ = ≤), numeric 指标值 and 实际完成值 with the unit after them, a hidden 权重设定值 column repeating 分值, 3,455.27 ÷ 3,512.84 = 98.36 % → 9.84, 15 × 51 ÷ 60 = 12.75 with a reason. Total ${ta}.`,
          findings: [
            { code: "INDICATOR_SCORE_MISMATCH", cell: `H${over.row}`, severity: "error", note: "单场活动平均成本 计算符号 ≤, 指标值 2.5 万元, achieved 2.8: 10 × 2.5 ÷ 2.8 = 8.93 or linear 10 × (1 − 0.3 ÷ 2.5) = 8.8; stated 10 (over-scored; the direction is only in the 计算符号 column)" },
            { code: "MISSING_ACTUAL", cell: `D${noActual.row}`, severity: "warning", note: "群众满意度 is scored 10 with an empty 实际完成值" },
          ],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `天津 layout, CLEAN with traps: 基本 + 项目 0.01 off the total in two columns (1,131.02 + 774.11 = 1,905.13 vs 1,905.12; 1,131.02 + 742.95 = 1,873.97 vs 1,873.96); 1,873.96 ÷ 1,905.12 = 98.364 % stated “98.36%”; full-width ＝ with a 0 target met by 0; ＞; a full-width 指标值 “１５００”; an achievement “812,460” as text; a reverse ≤3 missed at 3.3 scored 9 (linear rule exactly; 9.09 rounded down). Total ${tb}.`,
          findings: [],
        },
      },
    ],
  };
}
