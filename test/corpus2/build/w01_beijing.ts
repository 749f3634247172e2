/** 北京 海淀: 项目支出绩效自评表 (年初预算数(A) / 全年执行数(B), 分值 before the targets, 全年实际值(B)). */
import { Sheet, WorkbookModule, Item, fx, pct, checkItems, weights, holds, breaks, rateBreaks, scoreHolds, execScore, AMOUNT_TOL, grade, round, addr, ACHIEVED, PARTLY } from "./lib";

const METHOD = "完成值达到指标值，记满分；未达到指标值，按B/A或A/B*该指标分值记分。";

interface Form {
  project: string;
  budget: { initial: number; exec: number; parts: [string, number | null, number | null][] };
  rate: ReturnType<typeof pct> | ReturnType<typeof fx>;
  execScore: number | ReturnType<typeof fx>;
  goal: [string, string];
  sections: { label: string; items: (Item & { l2: string; target: string })[] }[];
  total: number | "formula";
}

function build(name: string, f: Form): { sheet: Sheet; items: Item[]; rows: Record<string, number> } {
  const s = new Sheet(name);
  s.widths = [8, 14, 14, 22, 8, 18, 18, 28, 8, 26];
  const t = s.row("项目支出绩效自评表");
  s.mergeRow(t, 1, 10);
  s.mergeRow(s.row("（2023年度）"), 1, 10);
  s.mergeRow(s.row("项目名称", f.project), 2, 10);
  const r4 = s.row("主管部门及代码", "北京市海淀区人民政府学院路街道办事处", null, null, null, "实施单位:", "北京市海淀区学院路街道城市管理办公室");
  s.mergeRow(r4, 2, 5);
  s.mergeRow(r4, 7, 10);
  const head = s.row("项目资金(万元)", null, "年初预算数(A)", "全年执行数(B)", "分值(10分)", "执行率(B/A)", "得分", "得分计算方法");
  s.mergeRow(head, 1, 2);
  s.mergeRow(head, 8, 10);
  const total = s.row("年度资金总额:", null, f.budget.initial, f.budget.exec, 10, f.rate, f.execScore, "执行率*该指标分值，最高不得超过分值上限。");
  s.mergeRow(total, 1, 2);
  s.mergeRow(total, 8, 10);
  for (const [label, a, b] of f.budget.parts) {
    const r = s.row(label, null, a, b, null, null, "—");
    s.mergeRow(r, 1, 2);
    s.mergeRow(r, 8, 10);
  }
  const g1 = s.row("年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述");
  s.mergeRow(g1, 2, 5);
  s.mergeRow(g1, 6, 10);
  const g2 = s.row(null, f.goal[0], null, null, null, f.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 10);
  s.merge(`A${g1}:A${g2}`);
  const ih = s.row("绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分计算方法", "得分", "未完成原因分析");
  const items: Item[] = [];
  for (const sec of f.sections) {
    const first = s.next;
    for (const it of sec.items) {
      it.row = s.row(null, sec.label, it.l2, it.name, it.weight, it.target, it.actual, METHOD, it.score, it.reason);
      items.push(it);
    }
    if (sec.items.length > 1) s.merge(`B${first}:B${s.next - 1}`);
  }
  s.merge(`A${ih}:A${s.next - 1}`);
  const first = ih + 1;
  const last = s.next - 1;
  const tr = s.row("总分", null, null, null, 100, null, null, null, f.total === "formula" ? fx(`G${total}+SUM(I${first}:I${last})`) : f.total);
  s.mergeRow(tr, 1, 4);
  return { sheet: s, items, rows: { total, tr } };
}

/** Common assertions: weights 10 + 90 = 100, sections by their labels, total. */
function assertForm(where: string, sheet: Sheet, f: Form, items: Item[], rows: Record<string, number>, execExact: number): number {
  holds(`${where} weights`, 10 + weights(items), 100, 0.005);
  for (const sec of f.sections) holds(`${where} ${sec.label}`, weights(sec.items), Number(/(\d+)分/.exec(sec.label)![1]), 0.005);
  const execStated = sheet.num(`G${rows.total}`);
  scoreHolds(`${where} execution score`, execStated, execExact);
  const recomputed = round(execStated + checkItems(where, items), 6);
  holds(`${where} 总分`, sheet.num(`I${rows.tr}`), recomputed, 0.005);
  return recomputed;
}

// ---- 背街小巷 (faults: the rate printed as a whole percent, a shortfall without a reason) ----
const alleys: Form = {
  project: "【区级】背街小巷环境整治提升工作经费",
  budget: { initial: 486.3, exec: 463.52, parts: [["其中：本年一般公共预算拨款", 486.3, 463.52], ["其他资金", null, null]] },
  rate: pct(0.95, "0%"),
  execScore: 9.53,
  goal: ["完成辖区42条背街小巷整治提升，验收合格率不低于95%，建立长效管护机制。", "完成42条背街小巷整治，验收合格率96.4%，长效管护机制已建立。"],
  sections: [
    {
      label: "产出指标(50分)",
      items: [
        { l2: "数量指标", name: "整治背街小巷数量", target: "≥42条", actual: "42条", weight: 12.5, score: 12.5, reason: null },
        { l2: "质量指标", name: "整治验收合格率", target: "≥95%", actual: "96.4%", weight: 12.5, score: 12.5, reason: null },
        { l2: "时效指标", name: "整治完工时间", target: "2023年11月30日前", actual: "已完成", weight: 12.5, score: 12.5, reason: null },
        { l2: "成本指标", name: "单位面积整治成本", target: "≤260元/平方米", actual: "251元/平方米", weight: 12.5, score: 12.5, reason: null },
      ],
    },
    {
      label: "效益指标(30分)",
      items: [
        { l2: "社会效益指标", name: "居民出行环境改善", target: "明显改善", actual: "达成年度指标", weight: 15, score: 15, reason: null, band: ACHIEVED },
        { l2: "可持续影响指标", name: "是否建立长效管护机制", target: "是", actual: "是", weight: 15, score: 15, reason: null },
      ],
    },
    {
      label: "满意度指标(10分)",
      items: [
        // 10 × 87.3 ÷ 90 = 9.7 (value reading); 10 × 87.3 % = 8.73 (ratio reading): 9.7 fits the first.
        { l2: "服务对象满意度指标", name: "沿线居民满意度", target: "≥90%", actual: "87.3%", weight: 10, score: 9.7, reason: null, exact: [(10 * 87.3) / 90, 8.73], fault: "noReason" },
      ],
    },
  ],
  total: 99.23,
};

// ---- 垃圾分类 (clean, with traps) ----
const sorting: Form = {
  project: "【区级】生活垃圾分类宣传引导工作经费",
  budget: { initial: 215.4, exec: 207.37, parts: [["其中：本年一般公共预算拨款", 195.4, 187.38], ["其他资金", 20, 20]] },
  rate: fx("ROUND(D6/C6,4)", "0.00%"),
  execScore: fx("ROUND(E6*MIN(1,F6),2)"),
  goal: ["入户宣传覆盖1.2万户，培训志愿者1200人次，居民分类准确率达90%以上。", "入户宣传覆盖12360户，培训志愿者1130人次，分类准确率92.6%。"],
  sections: [
    {
      label: "产出指标(50分)",
      items: [
        { l2: "数量指标", name: "入户宣传覆盖户数", target: "≥12000户", actual: "12,360户", weight: 12.5, score: 12.5, reason: null },
        // 12.5 × 1130 ÷ 1200 = 11.77, stated 11: rounded down to an integer (accepted).
        { l2: "数量指标", name: "志愿者培训人次", target: "≥1200人次", actual: "1130人次", weight: 12.5, score: 11, reason: "部分培训因场地调整延至次年一季度。", exact: (12.5 * 1130) / 1200 },
        { l2: "质量指标", name: "居民分类投放准确率", target: "≥90%", actual: "92.6%", weight: 12.5, score: 12.5, reason: null },
        { l2: "成本指标", name: "宣传品单价", target: "≤18元/份", actual: "16.8元/份", weight: 12.5, score: 12.5, reason: null },
      ],
    },
    {
      label: "效益指标(30分)",
      items: [
        // 部分达成 band [60 %, 80 %) of 15 = [9, 12): 10.5 is 70 %.
        { l2: "社会效益指标", name: "居民分类意识提升", target: "明显提升", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 10.5, reason: "老旧小区居民参与度仍偏低，下年度加强入户指导。", band: PARTLY },
        { l2: "生态效益指标", name: "厨余垃圾日均分出量", target: "≥9.5吨/日", actual: "10.2吨/日", weight: 15, score: 15, reason: null },
      ],
    },
    { label: "满意度指标(10分)", items: [{ l2: "服务对象满意度指标", name: "居民满意度", target: "≥90%", actual: "93.5%", weight: 10, score: 10, reason: null }] },
  ],
  total: "formula",
};

export function beijing(): WorkbookModule {
  const a = build("背街小巷整治", alleys);
  const ar = a.rows.total;
  // Fault: 463.52 ÷ 486.30 = 95.32 %, printed as a whole percent 95 %.
  rateBreaks("背街小巷 rate", 95, alleys.budget.exec, alleys.budget.initial);
  holds("背街小巷 其中", 463.52, 463.52, AMOUNT_TOL);
  const aTotal = assertForm("背街小巷", a.sheet, alleys, a.items, a.rows, execScore(10, 463.52, 486.3));
  const noReason = a.items.find((i) => i.fault === "noReason")!;

  const b = build("垃圾分类宣传", sorting);
  const br = b.rows.total;
  if (br !== 6) throw new Error("the formulas of 垃圾分类 assume the budget total on row 6");
  holds("垃圾分类 rate (formula)", (b.sheet.value(`F${br}`) as number) * 100, (207.37 / 215.4) * 100, 0.01);
  holds("垃圾分类 其中 执行 (0.01 off)", 187.38 + 20, 207.37, AMOUNT_TOL);
  holds("垃圾分类 其中 年初", 195.4 + 20, 215.4, AMOUNT_TOL);
  breaks("垃圾分类 其中 is not exact (trap)", 187.38 + 20, 207.37, 0.001);
  const bTotal = assertForm("垃圾分类", b.sheet, sorting, b.items, b.rows, execScore(10, 207.37, 215.4));
  grade(aTotal);
  grade(bTotal);

  return {
    file: "01_beijing_haidian.xlsx",
    title:
      "北京 海淀: 项目支出绩效自评表 of a 街道办事处 (source: https://www.wenku365.com/s-60761775.html, 海淀区学院路街道 2016 form, see docs/forms.md beijing-haidian): 年初预算数(A) | 全年执行数(B) | 分值(10分) | 执行率(B/A) with no 全年预算数 column, 分值 before 年度指标值(A), achievements under 全年实际值(B), a 得分计算方法 text column on every row.",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `海淀 layout; 执行率 a %-formatted fraction shown as a whole percent (the published form printed 50% for 49.88%); 得分计算方法 text with \`*\` and B/A on every row; a date target met by 已完成; 是/是; qualitative 达成 at full weight. Total ${aTotal}.`,
          findings: [
            { code: "EXEC_RATE_MISMATCH", cell: `F${ar}`, severity: "error", note: "执行率 463.52 ÷ 486.30 = 95.32 %, stated 95 % (a fraction 0.95 formatted 0%); the score 9.53 follows the amounts" },
            { code: "MISSING_REASON", cell: addr(noReason.row!, 10), severity: "warning", note: "沿线居民满意度 ≥90%, achieved 87.3 %: 10 × 87.3 ÷ 90 = 9.7 (stated 9.7, right) is below the weight 10 and 未完成原因分析 is empty" },
          ],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `海淀 layout, CLEAN with traps: live formulas (执行率 =ROUND(D6/C6,4) with a % format → 96.27 % for 96.272 %, 得分 =ROUND(分值×MIN(1,执行率),2) → 9.63, 总分 =G6+SUM(…)); 其中 rows 0.01 off (187.38 + 20.00 vs 207.37); a text amount with a thousands separator (12,360户); 12.5 × 1130 ÷ 1200 = 11.77 stated 11 (rounded down, with a reason); 部分达成 at 70 % of 15 = 10.5; ≤ cost met. Total ${bTotal}.`,
          findings: [],
        },
      },
    ],
  };
}
