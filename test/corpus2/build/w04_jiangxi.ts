/** 江西 省政协: 项目支出绩效自评表 — weights declared three times (一级 label, 二级 label, 分值), scores written with 分. */
import { Sheet, WorkbookModule, Item, checkItems, weights, holds, rateHolds, scoreHolds, execScore, grade, round, ACHIEVED } from "./lib";

interface Row extends Item {
  rule: string;
  target: string;
}
interface Section {
  label: string;
  groups: { label: string; items: Row[] }[];
}
interface Form {
  project: string;
  budget: [number, number, number];
  rate: string;
  execScore: string;
  goal: [string, string];
  sections: Section[];
  total: string;
}

const declared = (label: string) => Number(/(\d+(?:\.\d+)?)\s*分/.exec(label)![1]);
const pts = (x: number, space = false) => `${x}${space ? " " : ""}分`;

function build(name: string, f: Form): { sheet: Sheet; items: Row[]; budgetRow: number; sumRow: number } {
  const s = new Sheet(name);
  s.widths = [16, 20, 22, 8, 16, 14, 40, 10];
  s.mergeRow(s.row("项目支出绩效自评表"), 1, 8);
  s.mergeRow(s.row("（2023年度）"), 1, 8);
  s.mergeRow(s.row("项目名称", f.project), 2, 8);
  const r4 = s.row("主管部门", "中国人民政治协商会议江西省委员会", null, null, "实施单位", "江西省政协办公厅");
  s.mergeRow(r4, 2, 4);
  s.mergeRow(r4, 6, 8);
  const head = s.row("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 7, 8);
  const budgetRow = s.row("年度资金总额", f.budget[0], f.budget[1], f.budget[2], pts(10), f.rate, f.execScore);
  s.mergeRow(budgetRow, 7, 8);
  s.mergeRow(s.row("其中：财政拨款", f.budget[0], f.budget[1], f.budget[2], null, null, "—"), 7, 8);
  s.mergeRow(s.row("其他资金", null, null, null, null, null, "—"), 7, 8);
  const g1 = s.row("年度总体目标", "预期目标", null, null, "实际完成情况");
  s.mergeRow(g1, 2, 4);
  s.mergeRow(g1, 5, 8);
  const g2 = s.row(null, f.goal[0], null, null, f.goal[1]);
  s.mergeRow(g2, 2, 4);
  s.mergeRow(g2, 5, 8);
  s.merge(`A${g1}:A${g2}`);
  s.row("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "指标解释及评分标准", "得分");
  const items: Row[] = [];
  for (const sec of f.sections) {
    const secFirst = s.next;
    for (const g of sec.groups) {
      const gFirst = s.next;
      for (const it of g.items) {
        it.row = s.row(sec.label, g.label, it.name, pts(it.weight), it.target, it.actual, it.rule, pts(it.score));
        items.push(it);
      }
      if (g.items.length > 1) s.merge(`B${gFirst}:B${s.next - 1}`);
    }
    if (s.next - 1 > secFirst) s.merge(`A${secFirst}:A${s.next - 1}`);
  }
  const sumRow = s.row("总分", null, null, pts(100), null, null, null, f.total);
  s.mergeRow(sumRow, 1, 3);
  const note = s.row(
    "注：1.得分一档最高不能超过该指标分值上限。2.评分标准：(1)若为定性指标，则根据“三档”原则分别按照指标分值的100-80%(含80%)、80-50%(含50%)、50-0%合理确定分值；(2)若为定量指标，完成值达到指标值，记满分；未达到指标值，按B/A或A/B*该指标分值记分（正向指标B/A，反向指标A/B）。",
  );
  s.mergeRow(note, 1, 8);
  return { sheet: s, items, budgetRow, sumRow };
}

function assertForm(where: string, f: Form, b: { sheet: Sheet; items: Row[]; sumRow: number }): number {
  for (const sec of f.sections) {
    holds(`${where} ${sec.label}`, declared(sec.label), sum(sec.groups.map((g) => declared(g.label))), 0.005);
    for (const g of sec.groups) holds(`${where} ${g.label}`, declared(g.label), weights(g.items), 0.005);
  }
  holds(`${where} weights`, 10 + weights(b.items), 100, 0.005);
  rateHolds(`${where} rate`, parseFloat(f.rate), f.budget[2], f.budget[1]);
  const stated = parseFloat(f.execScore);
  scoreHolds(`${where} execution score`, stated, execScore(10, f.budget[2], f.budget[1]));
  const recomputed = round(stated + checkItems(where, b.items), 6);
  holds(`${where} 总分`, b.sheet.num(`H${b.sumRow}`), recomputed, 0.005);
  grade(recomputed);
  return recomputed;
}
const sum = (xs: number[]) => xs.reduce((a, c) => a + c, 0);

const training: Form = {
  project: "政协委员履职能力培训经费",
  budget: [86, 86, 80.84],
  rate: "94.00%",
  execScore: "9.4分",
  goal: ["举办委员培训班6期，培训委员300人次以上，考核合格率95%以上。", "举办培训班6期，培训委员312人次，考核合格率98%。"],
  sections: [
    {
      label: "产出指标 (50分)",
      groups: [
        {
          label: "数量指标 (20分)",
          items: [
            { name: "培训委员人次", target: "≥300人次", actual: "312人次", weight: 10, score: 10, reason: null, rule: "达到300人次得10分，每少10人次扣1分，扣完为止。" },
            { name: "举办培训班期数", target: "≥6期", actual: "6期", weight: 10, score: 10, reason: null, rule: "达到6期得10分，每少1期扣2分。" },
          ],
        },
        {
          label: "质量指标 (15分)",
          items: [
            // Fault: 15 分 copied from the 二级 label into a 10-point indicator.
            { name: "培训考核合格率", target: "≥95%", actual: "98%", weight: 10, score: 15, reason: null, rule: "合格率95%以上得10分，每降1%扣1分。", fault: "exceeds" },
            { name: "课程评估优良率", target: "≥90%", actual: "92%", weight: 5, score: 5, reason: null, rule: "优良率90%以上得5分。" },
          ],
        },
        { label: "时效指标 (10分)", items: [{ name: "培训按计划完成率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null, rule: "按计划完成得10分。" }] },
        { label: "成本指标 (5分)", items: [{ name: "人均培训成本", target: "≤2800元", actual: "2590元", weight: 5, score: 5, reason: null, rule: "控制在2800元以内得5分，每超100元扣1分。" }] },
      ],
    },
    {
      label: "效益指标 (30分)",
      groups: [
        {
          label: "社会效益指标 (30分)",
          items: [
            { name: "委员履职能力提升", target: "明显提升", actual: "达成年度指标", weight: 15, score: 15, reason: null, rule: "按“三档”原则评分。", band: ACHIEVED },
            { name: "提案立案率", target: "≥85%", actual: "88%", weight: 15, score: 15, reason: null, rule: "立案率85%以上得15分，每降1%扣1分。" },
          ],
        },
      ],
    },
    {
      label: "满意度指标 (10分)",
      groups: [{ label: "服务对象满意度指标 (10分)", items: [{ name: "参训委员满意度", target: "≥90%", actual: null, weight: 10, score: 10, reason: null, rule: "满意度90%以上得10分，每降5%扣1分，扣完为止。", fault: "noActual" }] }],
    },
  ],
  total: "99.4 分",
};

const research: Form = {
  project: "重点课题视察调研经费",
  budget: [150, 150, 139.5],
  rate: "93%",
  execScore: "9.3分",
  goal: ["围绕省委中心工作开展重点课题调研8个，形成调研报告8篇，成果采纳率80%以上。", "完成课题调研8个，形成报告8篇，采纳率85%。"],
  sections: [
    {
      label: "产出指标 (50分)",
      groups: [
        {
          label: "数量指标 (20分)",
          items: [
            { name: "开展重点课题调研", target: "≥8个", actual: "8个", weight: 10, score: 10, reason: null, rule: "完成8个得10分，每少1个扣2分。" },
            { name: "形成调研报告", target: "≥8篇", actual: "8篇", weight: 10, score: 10, reason: null, rule: "形成8篇得10分，每少1篇扣2分。" },
          ],
        },
        {
          label: "质量指标 (15分)",
          items: [
            { name: "调研报告采纳率", target: "≥80%", actual: "85%", weight: 10, score: 10, reason: null, rule: "采纳率80%以上得10分，每降5%扣2分。" },
            { name: "课题结题率", target: "=100%", actual: "100%", weight: 5, score: 5, reason: null, rule: "全部结题得5分。" },
          ],
        },
        { label: "时效指标 (10分)", items: [{ name: "调研报告按期提交率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null, rule: "按期提交得10分，每逾期1篇扣2分。" }] },
        {
          label: "成本指标(5分)",
          items: [
            {
              name: "成本控制率",
              target: "±10%以内",
              actual: "达标",
              weight: 5,
              score: 5,
              reason: null,
              rule: "成本控制率=(预算数-实际支出)/预算数×100% 控制率在±10%以内得5分,±10-15%以内得3分,±15-20%以内得1分,±20%以外不得分",
            },
          ],
        },
      ],
    },
    { label: "效益指标 (30分)", groups: [{ label: "社会效益指标(30分)", items: [{ name: "履职履责", target: "达标", actual: "达标", weight: 30, score: 30, reason: null, rule: "履职履责达标得30分。" }] }] },
    {
      label: "满意度指标 (10分)",
      groups: [{ label: "服务对象满意度指标 (10分)", items: [{ name: "群众满意率", target: "≥90%", actual: "96%", weight: 10, score: 10, reason: null, rule: "群众满意率 90%以上得10分,每降5%扣1分,扣完为止" }] }],
    },
  ],
  total: "99.3 分",
};

export function jiangxi(): WorkbookModule {
  const a = build("委员培训", training);
  const ta = assertForm("委员培训", training, a);
  const exceeds = a.items.find((i) => i.fault === "exceeds")!;
  const noActual = a.items.find((i) => i.fault === "noActual")!;
  const b = build("视察调研", research);
  const tb = assertForm("视察调研", research, b);
  return {
    file: "04_jiangxi_zhengxie.xlsx",
    title:
      "江西 省政协: 项目支出绩效自评表 — column order reconstructed from the text of a stored PDF “项目支出绩效自评表2017” (docs/forms.md jiangxi-zhengxie): `一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 指标解释及评分标准 | 得分`, weights declared in the 一级 label, the 二级 label and the 分值 cell, 分值/得分 written with 分, the note with the 80/50 qualitative bands and B/A, A/B rules under the table; the national budget block.",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `江西 layout: every weight declared three times and consistent; scores typed “10分”; 80.84 ÷ 86.00 = 94.00 % → “9.4分”; scoring-rule texts full of numbers; the total “99.4 分” already caps the over-score (9.4 + 90 = ${ta}).`,
          findings: [
            { code: "SCORE_EXCEEDS_WEIGHT", cell: `H${exceeds.row}`, severity: "error", note: "培训考核合格率 scores “15分” against a 分值 of “10分” (the 质量指标 (15分) label's figure; the total 99.4 caps it at 10)" },
            { code: "MISSING_ACTUAL", cell: `F${noActual.row}`, severity: "warning", note: "参训委员满意度 is scored “10分” with an empty 实际完成值" },
          ],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `江西 layout, CLEAN with traps: 139.50 ÷ 150.00 = 93 % stated “93%” → “9.3分”; a ±10%以内 target met by 达标 with a rule text full of ± ranges; 履职履责 达标/达标 at 30; labels without a space (成本指标(5分)) next to labels with one; “10 分”-style totals; the 80/50 band note under the table (no qualitative score relies on it). Total “99.3 分” (${tb}).`,
          findings: [],
        },
      },
    ],
  };
}
