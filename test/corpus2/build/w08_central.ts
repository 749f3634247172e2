/** 中央部门: national project form with the 财政部 grade-band note, and a department-wide form (年初 + 调整 = 全年). */
import { Sheet, WorkbookModule, Item, Value, fx, pct, checkItems, weights, holds, breaks, rateHolds, rateBreaks, scoreHolds, execScore, AMOUNT_TOL, grade, round, ACHIEVED, PARTLY, scoreBreaks } from "./lib";

const BAND_NOTE = "注：绩效评价结果等级划分为优（90-100分）、良（80-89分）、中（60-79分）、差（0-59分）四个档次。";

interface NRow extends Item {
  l1: string;
  l2: string;
  target: string;
}

/** The indicator table of the national form; returns the item rows and the 总分 row. */
function indicatorTable(s: Sheet, items: NRow[], declared: number, total: Value): { sumRow: number } {
  s.row("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  let i = 0;
  while (i < items.length) {
    const l1 = items[i].l1;
    const first = s.next;
    while (i < items.length && items[i].l1 === l1) {
      const it = items[i++];
      it.row = s.row(l1, it.l2, it.name, it.target, it.actual, it.weight, it.score, it.reason);
    }
    if (s.next - 1 > first) s.merge(`A${first}:A${s.next - 1}`);
  }
  const sumRow = s.row("总分", null, null, null, null, declared, total);
  s.mergeRow(sumRow, 1, 5);
  return { sumRow };
}

interface Project {
  name: string;
  sheetName: string;
  budget: [string, Value, Value, Value][];
  amounts: { plan: number; exec: number };
  rate: Value;
  execScore: number;
  items: NRow[];
  declared: number;
  total: number;
  grade: string;
  sentence: string;
}

function project(p: Project): { sheet: Sheet; budgetRow: number; sumRow: number; gradeRow: number; sentenceRow: number } {
  const s = new Sheet(p.sheetName);
  s.widths = [12, 16, 22, 16, 16, 8, 8, 30];
  s.mergeRow(s.row("项目支出绩效自评表"), 1, 8);
  s.mergeRow(s.row("（2023年度）"), 1, 8);
  s.mergeRow(s.row("项目名称", p.name), 2, 8);
  const r4 = s.row("主管部门", "某部", null, null, "实施单位", "某部直属研究院");
  s.mergeRow(r4, 2, 4);
  s.mergeRow(r4, 6, 8);
  const head = s.row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 1, 2);
  let budgetRow = 0;
  p.budget.forEach(([label, a, b, c], i) => {
    const r = i === 0 ? s.row(null, label, a, b, c, 10, p.rate, p.execScore) : s.row(null, label, a, b, c, null, null, "—");
    if (i === 0) budgetRow = r;
  });
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const g = s.row("年度总体目标", "预期目标", null, null, "实际完成情况");
  s.mergeRow(g, 2, 4);
  s.mergeRow(g, 5, 8);
  const { sumRow } = indicatorTable(s, p.items, p.declared, p.total);
  const gradeRow = s.row("自评等级", p.grade);
  s.mergeRow(gradeRow, 2, 8);
  const sentenceRow = s.row("自评结论", p.sentence);
  s.mergeRow(sentenceRow, 2, 8);
  s.mergeRow(s.row(BAND_NOTE), 1, 8);
  return { sheet: s, budgetRow, sumRow, gradeRow, sentenceRow };
}

const research: Project = {
  name: "宏观经济形势跟踪研究课题经费",
  sheetName: "课题研究（良）",
  budget: [
    ["年度资金总额", 520, 548, 501.42],
    ["其中：当年财政拨款", 520, 520, 478.62],
    ["上年结转资金", "—", 28, 22.8],
    ["其他资金", null, null, null],
  ],
  amounts: { plan: 548, exec: 501.42 },
  rate: pct(0.915),
  execScore: 9.15,
  items: [
    { l1: "产出指标", l2: "数量指标", name: "形成研究报告", target: "≥6篇", actual: "6篇", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "数量指标", name: "完成调研样本", target: "≥3000份", actual: "2850份", weight: 10, score: 9.5, reason: "两个省份调研因时间冲突改为线上，样本减少。", exact: (10 * 2850) / 3000 },
    { l1: "产出指标", l2: "质量指标", name: "成果被采纳数", target: "≥4项", actual: "3项", weight: 10, score: 7.5, reason: "1项成果仍在审议中。", exact: (10 * 3) / 4 },
    { l1: "产出指标", l2: "时效指标", name: "按期结题", target: "2023年12月底前", actual: "已完成", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "成本指标", name: "课题经费控制数", target: "≤548万元", actual: "501.42万元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "政策建议转化应用", target: "有效转化", actual: "部分达成年度指标并具有一定效果", weight: 20, score: 14, reason: "部分建议尚待相关部门研究采纳。", band: PARTLY },
    { l1: "效益指标", l2: "可持续影响指标", name: "研究成果持续应用", target: "持续应用", actual: "达成年度指标", weight: 10, score: 9, reason: "数据库更新频次有待提高。", band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "委托方满意度", target: "≥90%", actual: "95%", weight: 10, score: 10, reason: null },
  ],
  declared: 100,
  total: 89.15,
  grade: "良",
  sentence: "经自评，该项目自评得分89.15分，自评等级为良。",
};

const it: Project = {
  name: "信息系统运行维护经费",
  sheetName: "信息化运维",
  budget: [
    ["年度资金总额", 880, 860, 842.26],
    ["其中：当年财政拨款", 880, 860, 842.26],
    ["上年结转资金", null, null, null],
    ["其他资金", null, null, null],
  ],
  amounts: { plan: 860, exec: 842.26 },
  // Fault: the rate formula divides by 年初预算数 (column C) instead of 全年预算数 (D): 842.26 ÷ 880.00 = 95.71 %.
  rate: fx("ROUND(E6/C6,4)", "0.00%"),
  execScore: 9.79,
  items: [
    { l1: "产出指标", l2: "数量指标", name: "运维信息系统数量", target: "≥18个", actual: "18个", weight: 10, score: 10, reason: null },
    // Fault: this weight is 8, so 10 + 88 = 98 against the 总分 row's 100.
    { l1: "产出指标", l2: "数量指标", name: "终端设备巡检次数", target: "≥12次", actual: "12次", weight: 8, score: 8, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "核心系统可用率", target: "≥99.5%", actual: "99.8%", weight: 10, score: 10, reason: null },
    // Reverse ≤4 h missed at 4.5 h: linear 10 × (1 − 0.5 ÷ 4) = 8.75; ratio 10 × 4 ÷ 4.5 = 8.89.
    { l1: "产出指标", l2: "时效指标", name: "故障修复平均时长", target: "≤4小时", actual: "4.5小时", weight: 10, score: 8.75, reason: "两次硬件故障等待原厂备件。", exact: [10 * (1 - 0.5 / 4), (10 * 4) / 4.5] },
    { l1: "成本指标", l2: "经济成本指标", name: "运维费用控制数", target: "≤860万元", actual: "842.26万元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "业务连续性保障", target: "有效保障", actual: "达成年度指标", weight: 20, score: 20, reason: null, band: ACHIEVED },
    { l1: "效益指标", l2: "可持续影响指标", name: "数据安全事件", target: "=0起", actual: "0起", weight: 10, score: 10, reason: null },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "系统用户满意度", target: "≥90%", actual: "93%", weight: 10, score: 10, reason: null },
  ],
  declared: 100,
  total: 96.54,
  grade: "优",
  sentence: "该项目全年预算执行率97.94%，自评得分为97.54分，自评等级为优。",
};

function assertProject(p: Project, b: { sheet: Sheet }, weightFault = false): number {
  const parts = p.budget.slice(1);
  const n = (v: Value) => (typeof v === "number" ? v : 0);
  for (const col of [1, 2, 3] as const) holds(`${p.sheetName} 其中 ${col}`, n(p.budget[0][col]), parts.reduce((a, r) => a + n(r[col]), 0), AMOUNT_TOL);
  const w = 10 + weights(p.items);
  if (weightFault) breaks(`${p.sheetName} weights`, p.declared, w, 0.005);
  else holds(`${p.sheetName} weights`, p.declared, w, 0.005);
  scoreHolds(`${p.sheetName} execution score`, p.execScore, execScore(10, p.amounts.exec, p.amounts.plan));
  const recomputed = round(p.execScore + checkItems(p.sheetName, p.items), 6);
  holds(`${p.sheetName} 总分`, p.total, recomputed, 0.005);
  void b;
  return recomputed;
}

// ---------------- department-wide ----------------
interface DeptRow {
  label: string;
  initial: number;
  adjust: string;
  income: number;
  spent: number;
}
const deptBudget: DeptRow[] = [
  // Fault: 8,420.50 + 203.67 = 8,624.17, typed 8,624.71 (the two sub-rows also give 8,624.17).
  { label: "年度资金总额", initial: 8420.5, adjust: "+203.67", income: 8624.71, spent: 8501.3 },
  { label: "基本支出年度资金总额", initial: 5180.2, adjust: "+12.40", income: 5192.6, spent: 5192.6 },
  { label: "项目支出年度资金总额", initial: 3240.3, adjust: "+191.27", income: 3431.57, spent: 3308.7 },
];
const deptItems: NRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "年度重点工作任务完成数", target: "≥24项", actual: "24项", weight: 15, score: 15, reason: null },
  { l1: "产出指标", l2: "质量指标", name: "规范性文件合法性审查通过率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
  // 15 × 93 ÷ 95 = 14.68 (value reading); 15 × 93 % = 13.95 (ratio reading).
  { l1: "产出指标", l2: "时效指标", name: "重点任务按期完成率", target: "≥95%", actual: "93%", weight: 15, score: 14.68, reason: "2项任务因上级部署调整顺延。", exact: [(15 * 93) / 95, 13.95] },
  { l1: "产出指标", l2: "成本指标", name: "“三公”经费支出控制数", target: "≤126万元", actual: "118.4万元", weight: 15, score: 15, reason: null },
  { l1: "效益指标", l2: "社会效益指标", name: "政策宣传覆盖面", target: "显著提升", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 10.5, reason: "基层宣传渠道仍需拓展。", band: PARTLY },
  { l1: "效益指标", l2: "可持续影响指标", name: "制度体系完善程度", target: "持续完善", actual: "达成年度指标", weight: 15, score: 13.5, reason: "2项制度仍在修订。", band: ACHIEVED },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "社会公众满意度", target: "≥90%", actual: "91%", weight: 10, score: 10, reason: null },
];

function dept(): { sheet: Sheet; incomeCell: string; gradeCell: string; total: number } {
  const s = new Sheet("部门整体自评表");
  s.widths = [12, 16, 22, 16, 16, 8, 8, 30];
  s.mergeRow(s.row("部门整体支出绩效自评表"), 1, 8);
  s.mergeRow(s.row("（2023年度）"), 1, 8);
  s.mergeRow(s.row("部门名称", "某部机关"), 2, 8);
  const head = s.row("年度预算执行情况（万元）", null, "年初预算数", "预算调整数（调增为\"+\"，调减为\"-\"）", "全年收入决算数", "全年支出决算数", "执行率");
  s.mergeRow(head, 1, 2);
  const rows: number[] = [];
  for (const r of deptBudget) {
    const n = s.next;
    rows.push(s.row(r.label, null, r.initial, r.adjust, r.income, r.spent, fx(`ROUND(F${n}/E${n},4)`, "0.00%")));
    s.mergeRow(n, 1, 2);
  }
  const g = s.row("年度总体目标", "预期目标", null, null, "实际完成情况");
  s.mergeRow(g, 2, 4);
  s.mergeRow(g, 5, 8);
  const total = round(checkItems("部门整体", deptItems), 6);
  const { sumRow } = indicatorTable(s, deptItems, 100, total);
  const gradeRow = s.row("自评等级", "良"); // fault: 93.68 is 优
  s.mergeRow(gradeRow, 2, 8);
  s.mergeRow(s.row("自评结论", `本部门2023年度部门整体支出绩效自评得分${total}分，各项重点工作任务基本完成。`), 2, 8);
  s.mergeRow(s.row(BAND_NOTE), 1, 8);

  const [t, basic, proj] = deptBudget;
  const adj = (r: DeptRow) => Number(r.adjust);
  breaks("部门整体 总额 年初 + 调整 = 全年", t.income, t.initial + adj(t), AMOUNT_TOL);
  breaks("部门整体 基本 + 项目 = 总额 (全年收入, same cell)", t.income, basic.income + proj.income, AMOUNT_TOL);
  for (const r of [basic, proj]) holds(`部门整体 ${r.label} 年初 + 调整`, r.income, r.initial + adj(r), AMOUNT_TOL);
  holds("部门整体 年初 column", t.initial, basic.initial + proj.initial, AMOUNT_TOL);
  holds("部门整体 调整 column", adj(t), adj(basic) + adj(proj), AMOUNT_TOL);
  holds("部门整体 支出 column", t.spent, basic.spent + proj.spent, AMOUNT_TOL);
  // The rate formulas follow the stated cells; on the corrected 8,624.17 the rate differs by less than 0.01 point.
  rows.forEach((r, i) => rateHolds(`部门整体 rate ${i}`, (s.value(`G${r}`) as number) * 100, deptBudget[i].spent, deptBudget[i].income));
  rateHolds("部门整体 rate on the corrected income", (s.value(`G${rows[0]}`) as number) * 100, t.spent, t.initial + adj(t));
  holds("部门整体 weights", weights(deptItems), 100, 0.005);
  holds("部门整体 总分", s.num(`G${sumRow}`), total, 0.005);
  if (grade(total) === "良") throw new Error("部门整体 grade fault must differ");
  return { sheet: s, incomeCell: `E${rows[0]}`, gradeCell: `B${gradeRow}`, total };
}

export function central(): WorkbookModule {
  const a = project(research);
  const ta = assertProject(research, a);
  rateHolds("课题 rate", 91.5, 501.42, 548);
  if (grade(ta) !== "良") throw new Error("课题 grade");
  const b = project(it);
  const tb = assertProject(it, b, true);
  if (b.budgetRow !== 6) throw new Error("信息化 rate formula assumes the budget total on row 6");
  rateBreaks("信息化 rate on 年初", (b.sheet.value("G6") as number) * 100, 842.26, 860);
  holds("信息化 rate formula = 执行 ÷ 年初", b.sheet.value("G6") as number, round(842.26 / 880, 4), 1e-9);
  scoreBreaks("信息化 sentence, under any rounding", 97.54, tb);
  if (grade(tb) !== "优") throw new Error("信息化 grade");
  const d = dept();
  return {
    file: "08_central_bands.xlsx",
    title:
      "中央部门: 项目支出绩效自评表 of domain.md §1a with 自评等级, 自评结论 and the 财政部预算司 band note “优（90-100分）、良（80-89分）、中（60-79分）、差（0-59分）” (band text: http://www.dz-gczx.com/wap/articleDetails_id_1290.html; docs/forms.md central-grade-bands — the sheet itself is reconstructed), and a 部门整体支出绩效自评表 with the budget block of domain.md §1e (年初预算数 | 预算调整数 | 全年收入决算数 | 全年支出决算数 | 执行率).",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `CLEAN band trap: total 9.15 + 80 = ${ta}, between the integer bands as printed (良 80-89, 优 90-100) and 良 under domain.md; 自评等级 良 and the sentence “自评得分89.15分，自评等级为良” agree. Also: 501.42 ÷ 548.00 = 91.5 % (a %-formatted 0.915; 年初预算数 520.00 must not be used); 上年结转资金 “—” in 年初; 10 × 2850 ÷ 3000 = 9.5, 10 × 3 ÷ 4 = 7.5; 部分达成 at 70 % of 20 and 达成 at 90 % of 10, all with reasons.`,
          findings: [],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `Central form with 成本指标 as a first level; 年初预算数 880.00 adjusted to 全年预算数 860.00; score 9.79 for 842.26 ÷ 860.00 = 97.937 %; a reverse ≤4小时 missed at 4.5 scored 8.75 by the linear rule (with a reason); total ${tb}; the band note under the table.`,
          findings: [
            { code: "EXEC_RATE_MISMATCH", cell: `G${b.budgetRow}`, severity: "error", note: "执行率 =ROUND(E6/C6,4) divides by 年初预算数 880.00: 95.71 %; the rate is 842.26 ÷ 全年预算数 860.00 = 97.94 % (the typed score 9.79 and the sentence's 97.94% follow the right figure)" },
            { code: "WEIGHT_TOTAL_MISMATCH", cell: `F${b.sumRow}`, severity: "error", note: "总分 row declares 100 but 分值 10 (execution) + indicator weights 10 + 8 + 10 + 10 + 10 + 20 + 10 + 10 = 98" },
            { code: "CONCLUSION_SCORE_MISMATCH", cell: `B${b.sentenceRow}`, severity: "error", note: `the sentence says 自评得分为97.54分; recomputed 9.79 + 86.75 = ${tb} (the 总分 cell and the grade 优 are right)` },
          ],
        },
      },
      {
        sheet: d.sheet,
        expect: {
          template: true,
          about: `Department-wide form: 预算调整数 typed as “+203.67” text, 执行率 =ROUND(支出/收入,4) formulas with a % format, no execution score (the indicators carry 100); 15 × 93 ÷ 95 = 14.68, 部分达成 at 70 %, 达成 at 90 %, all with reasons; total ${d.total}; the band note.`,
          findings: [
            { code: "BUDGET_SUM_MISMATCH", cell: d.incomeCell, severity: "error", note: "年度资金总额: 年初 8,420.50 + 调整 203.67 = 8,624.17 but 全年收入决算数 says 8,624.71 (基本 5,192.60 + 项目 3,431.57 = 8,624.17 too: both identities point at this cell; the rate formula follows it and is within 0.01 point of 8,501.30 ÷ 8,624.17 either way)" },
            { code: "GRADE_MISMATCH", cell: d.gradeCell, severity: "error", note: `total ${d.total} is 优 (≥ 90); 自评等级 says 良` },
          ],
        },
      },
    ],
  };
}
