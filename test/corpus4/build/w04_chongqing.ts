/**
 * 重庆 (区县): the national project form with 三级指标 split over two merged cells, 偏差原因 over two merged cells,
 * empty template rows (指标1：) left in the table, and 备注 rows under it.
 */
import { Sheet, WorkbookModule, Value, fx, pct, checkItems, weights, holds, rateHolds, scoreHolds, execScore, AMOUNT_TOL, grade, round, PARTLY } from "../../corpus2/build/lib";
import { writeIndicators, IndRow, ColSpec } from "./form";

const COLS: ColSpec[] = [
  { key: "l1", label: "一级指标" },
  { key: "l2", label: "二级指标" },
  { key: "l3", label: "三级指标", span: 2 },
  { key: "target", label: "年度指标值" },
  { key: "actual", label: "实际完成值" },
  { key: "weight", label: "分值" },
  { key: "score", label: "得分" },
  { key: "reason", label: "偏差原因分析及改进措施", span: 2 },
];
const P = "产出指标";
const E = "效益指标";
const M = "满意度指标";

interface CqForm {
  project: string;
  dept: [string, string];
  budget: [string, Value, Value, Value][];
  rate: Value;
  execScore: Value;
  goal: [string, string];
  rows: IndRow[];
  total: Value;
  grade?: string;
  conclusion?: string;
  notes: string[];
}

function write(s: Sheet, f: CqForm) {
  s.widths = [12, 14, 14, 10, 14, 16, 8, 8, 16, 16];
  s.mergeRow(s.row("项目支出绩效自评表"), 1, 10);
  s.mergeRow(s.row("（2023年度）"), 1, 10);
  const pr = s.row("项目名称", null, f.project);
  s.mergeRow(pr, 1, 2);
  s.mergeRow(pr, 3, 10);
  const d = s.row("主管部门", null, f.dept[0], null, null, null, "实施单位", f.dept[1]);
  s.mergeRow(d, 1, 2);
  s.mergeRow(d, 3, 6);
  s.mergeRow(d, 8, 10);
  const head = s.row("项目资金（万元）", "", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 2, 3);
  s.mergeRow(head, 9, 10);
  const budgetRows: number[] = [];
  f.budget.forEach(([label, a, b, c], i) => {
    const r = i === 0 ? s.row(null, label, null, a, b, c, 10, f.rate, f.execScore) : s.row(null, label, null, a, b, c, "—", "—", "—");
    s.mergeRow(r, 2, 3);
    s.mergeRow(r, 9, 10);
    budgetRows.push(r);
  });
  s.merge(`A${head}:A${s.next - 1}`);
  const g1 = s.row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  s.mergeRow(g1, 2, 5);
  s.mergeRow(g1, 6, 10);
  const g2 = s.row(null, f.goal[0], null, null, null, f.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 10);
  s.merge(`A${g1}:A${g2}`);
  const lay = writeIndicators(s, COLS, f.rows);
  const sumRow = s.row("总分", null, null, null, null, null, 100, f.total);
  s.mergeRow(sumRow, 1, 6);
  s.mergeRow(sumRow, 8, 10);
  let gradeRow: number | undefined;
  let conclusionRow: number | undefined;
  if (f.grade) s.mergeRow((gradeRow = s.row("自评等级", f.grade)), 2, 10);
  if (f.conclusion) s.mergeRow((conclusionRow = s.row("自评结论", f.conclusion)), 2, 10);
  for (const n of f.notes) s.mergeRow(s.row(n), 1, 10);
  return { budgetRows, lay, sumRow, gradeRow, conclusionRow };
}

/** Faults: weights 92 against 总分's 100 (90 for indicators); 知晓率 scored with no 实际完成值; 年初预算数 a #REF! formula. */
const waste: CqForm = {
  project: "城市生活垃圾分类运行经费",
  dept: ["重庆市某区城市管理局", "某区环境卫生管理所"],
  budget: [
    ["年度资金总额", fx("D7+#REF!"), 436, 418.56],
    ["其中：当年财政拨款", 420, 420, 402.56],
    ["上年结转资金", 0, 16, 16],
    ["其他资金", "—", "—", "—"],
  ],
  rate: pct(0.96),
  execScore: 9.6,
  goal: ["垃圾分类覆盖小区120个以上，分类投放准确率90%以上，可回收物回收利用率35%以上。", "覆盖小区114个，准确率88%，回收利用率33%，居民满意度91%。"],
  rows: [
    // ≥120个, 114个: 15 × 114 ÷ 120 = 14.25.
    { l1: P, l2: "数量指标", name: "垃圾分类覆盖小区数", target: "≥120个", actual: "114个", weight: 15, score: 14.25, reason: "6个老旧小区场地不足，设施未能落地。", exact: 14.25 },
    // ≥90 %, 88 %: 15 × 88 ÷ 90 = 14.67 (value) or 13.2 (ratio).
    { l1: P, l2: "质量指标", name: "分类投放准确率", target: "≥90%", actual: "88%", weight: 15, score: 14.67, reason: "新纳入小区居民分类习惯尚未养成。", exact: [(15 * 88) / 90, 13.2] },
    { l1: P, l2: "时效指标", name: "分类设施配置完成时间", target: "2023年9月底前", actual: "2023年9月25日完成", weight: 10, score: 10, reason: null },
    { l1: P, l2: "成本指标", name: "户均分类运行成本", target: "≤60元", actual: "57.8元", weight: 12, score: 12, reason: null },
    { l1: E, l2: "经济效益指标", placeholder: "指标1：" },
    { l1: E, l2: "社会效益指标", name: "居民垃圾分类知晓率", target: "≥90%", actual: null, weight: 15, score: 15, reason: null, fault: "noActual" },
    // ≥35 %, 33 %: 15 × 33 ÷ 35 = 14.14.
    { l1: E, l2: "生态效益指标", name: "可回收物回收利用率", target: "≥35%", actual: "33%", weight: 15, score: 14.14, reason: "再生资源价格下行，回收企业收运积极性下降。", exact: [(15 * 33) / 35, 15 * 0.33] },
    { l1: M, l2: "服务对象满意度指标", name: "居民满意度", target: "≥85%", actual: "91%", weight: 10, score: 10, reason: null },
    { l1: M, l2: "服务对象满意度指标", placeholder: "指标2：" },
  ],
  total: 99.66,
  notes: ["备注：1.金额单位为万元，保留两位小数；2.执行率=全年执行数÷全年预算数×100%；3.年初预算420万元含中央补助资金120万元。"],
};

/** Clean, with traps. */
const parks: CqForm = {
  project: "口袋公园建设项目",
  dept: ["重庆市某区住房和城乡建设委员会", "某区某街道办事处"],
  budget: [
    ["年度资金总额", 360, 380, 370.62],
    ["其中：当年财政拨款", 360, 360, 352.62],
    ["上年结转资金", 0, 20, 18],
    ["其他资金", "—", "—", "—"],
  ],
  rate: "97.54%",
  execScore: 9.75,
  goal: ["新建口袋公园6个，工程验收合格率100%，周边居民满意度80%以上。", "建成6个，验收全部合格，居民满意度96%。"],
  rows: [
    { l1: P, l2: "数量指标", name: "新建口袋公园数", target: "≥6个", actual: "6个", weight: 15, score: 15, reason: null },
    { l1: P, l2: "数量指标", placeholder: "指标2：" },
    { l1: P, l2: "质量指标", name: "工程验收合格率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: P, l2: "时效指标", name: "项目开工及时率", target: "≥95%", actual: "100%", weight: 10, score: 10, reason: null },
    { l1: P, l2: "成本指标", name: "单个公园建设成本", target: "≤60万元", actual: "58.3万元", weight: 10, score: 10, reason: null },
    { l1: E, l2: "经济效益指标", placeholder: "指标1：" },
    { l1: E, l2: "社会效益指标", name: "周边居民休闲条件改善", target: "明显改善", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 9.75, reason: "2个公园配套设施尚在完善。", band: PARTLY },
    { l1: E, l2: "可持续影响指标", name: "公园管护机制", target: "建立", actual: "已完成", weight: 15, score: 15, scoreCell: "15分", reason: null },
    { l1: M, l2: "服务对象满意度指标", name: "周边居民满意度", target: "≥80%", actual: "96%", weight: 10, score: 10, reason: null },
  ],
  total: 94.5,
  grade: "优",
  conclusion: "经自评，本项目自评得分94.5分，自评等级为优。",
  notes: ["备注：1.本年建成口袋公园6个，总面积1.2万平方米；2.执行率=全年执行数÷全年预算数×100%；3.社会效益为定性指标，按“达成、部分达成、未达成”三档计分。"],
};

export function chongqing(): WorkbookModule {
  const a = new Sheet("垃圾分类（区级）");
  const la = write(a, waste);
  const ia = la.lay.items;
  if (la.budgetRows[1] !== 7) throw new Error(`重庆 A layout ${la.budgetRows}`);
  const yc = a.value(`D${la.budgetRows[0]}`) as { error?: string };
  if (yc?.error !== "#REF!") throw new Error(`重庆 A 年初 should be #REF!: ${JSON.stringify(yc)}`);
  holds("重庆 A 全年", 436, 420 + 16, AMOUNT_TOL);
  holds("重庆 A 执行", 418.56, 402.56 + 16, AMOUNT_TOL);
  rateHolds("重庆 A rate", 96, 418.56, 436);
  scoreHolds("重庆 A execution score", 9.6, execScore(10, 418.56, 436));
  const w = weights(ia);
  if (Math.abs(w - 92) > 1e-9) throw new Error(`重庆 A weights ${w}`);
  const ta = round(9.6 + checkItems("重庆 A", ia), 6);
  holds("重庆 A 总分", 99.66, ta, 0.005);
  grade(ta);
  const noActual = ia.find((i) => i.fault === "noActual")!;

  const b = new Sheet("口袋公园（街道）");
  const lb = write(b, parks);
  const ib = lb.lay.items;
  holds("重庆 B 全年", 380, 360 + 20, AMOUNT_TOL);
  holds("重庆 B 执行", 370.62, 352.62 + 18, AMOUNT_TOL);
  rateHolds("重庆 B rate (0.0084 point off)", 97.54, 370.62, 380);
  scoreHolds("重庆 B execution score", 9.75, execScore(10, 370.62, 380));
  holds("重庆 B weights", weights(ib), 90, 0.005);
  const tb = round(9.75 + checkItems("重庆 B", ib), 6);
  holds("重庆 B 总分", 94.5, tb, 0.005);
  if (grade(tb) !== "优") throw new Error("重庆 B grade");

  return {
    file: "04_chongqing_district.xlsx",
    title:
      "重庆 (区 and 街道): 项目支出绩效自评表 — **reconstructed** from domain.md §1a (the search found only the opening of 重庆市大足区发展和改革委员会2020年度部门整体支出绩效自评报告, no table; see docs/forms.md). Layout not in the earlier corpora: **三级指标 split over two merged cells** (C:D) on every row, the 偏差原因 cell merged over two columns, the budget row labels merged over two columns, **empty template rows** (`指标1：`, `指标2：`) left between the indicators, and a 备注 row with numbers under the form.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `Three independent faults. 418.56 ÷ 436.00 = 96.00 % (a %-formatted 0.96), score 9.6; recomputed total 9.6 + 90.06 = ${ta} = 总分.`,
          findings: [
            { code: "WEIGHT_TOTAL_MISMATCH", cell: `G${la.sumRow}`, severity: "error", note: "indicator weights 15 + 15 + 10 + 12 + 15 + 15 + 10 = 92, plus the execution 分值 10 = 102, against the 总分 row's 100 (90 for the indicators). No first-level label declares a weight, so no section finding" },
            { code: "MISSING_ACTUAL", cell: `F${noActual.row}`, severity: "warning", note: "居民垃圾分类知晓率 is scored (15 of 15) with an empty 实际完成值" },
            { code: "UNREADABLE_VALUE", cell: `D${la.budgetRows[0]}`, severity: "error", note: "年度资金总额 年初预算数 is =D7+#REF! (a reference lost), cached #REF!; only UNREADABLE_VALUE for that cell (the rate uses 全年预算数, which is readable)" },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `Street-office (街道) form, CLEAN with traps: 执行率 typed “97.54%” for 370.62 ÷ 380.00 = 97.5316 % (0.0084 point off, just inside the 0.01 tolerance); score 9.75 for 9.7532 (0.0032 off, inside 0.005); three empty template rows; a qualitative 部分达成 at 9.75 of 15 (65 %, in [60 %, 80 %)) with a reason; a score typed “15分”; 96 % against ≥80 % (120 %: an info note at most); total ${tb}, 自评等级 优, conclusion “自评得分94.5分”; a 备注 row with numbers.`,
          findings: [],
        },
      },
    ],
  };
}
