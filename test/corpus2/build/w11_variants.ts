/** Variants recorded in docs/forms.md for offices the corpora do not show: 安徽 六安 and 池州, 四川 大英 (single indicator). */
import { Sheet, WorkbookModule, Item, Value, checkItems, weights, holds, rateHolds, scoreHolds, execScore, AMOUNT_TOL, grade, round, scoreBreaks } from "./lib";

interface NRow extends Item {
  l1: string;
  l2: string;
  target: string;
}

function nationalHead(s: Sheet, title: string, project: string, unit: string): void {
  s.widths = [12, 16, 22, 14, 14, 8, 10, 28];
  s.mergeRow(s.row(title), 1, 8);
  s.mergeRow(s.row("（2022年度）"), 1, 8);
  s.mergeRow(s.row("项目名称", project), 2, 8);
  const r = s.row("主管部门", unit, null, null, "实施单位", unit);
  s.mergeRow(r, 2, 4);
  s.mergeRow(r, 6, 8);
}

function items(s: Sheet, rows: NRow[], headers: string[]): void {
  s.row(...headers);
  let i = 0;
  while (i < rows.length) {
    const l1 = rows[i].l1;
    const first = s.next;
    while (i < rows.length && rows[i].l1 === l1) {
      const it = rows[i++];
      it.row = s.row(l1, it.l2, it.name, it.target, it.actual, it.weight, it.score, it.reason);
    }
    if (s.next - 1 > first) s.merge(`A${first}:A${s.next - 1}`);
  }
}

// ---------------- 六安 裕安区: 分值 9 on the budget line, repeated on the 其中 row ----------------
const luanItems: NRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "文物保护单位修缮数量", target: "≥3处", actual: "3处", weight: 20, score: 20, reason: null },
  { l1: "产出指标", l2: "数量指标", name: "安防设施安装数量", target: "≥12套", actual: "12套", weight: 10, score: 10, reason: null },
  { l1: "产出指标", l2: "质量指标", name: "修缮工程验收合格率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
  { l1: "产出指标", l2: "时效指标", name: "修缮完成时限", target: "2022年11月底前", actual: "已完成", weight: 10, score: 10, reason: null },
  { l1: "效益指标", l2: "社会效益指标", name: "文物安全状况", target: "无安全事故", actual: "达成预期指标", weight: 16, score: 16, reason: null },
  { l1: "效益指标", l2: "可持续影响指标", name: "文物本体保存状况", target: "持续改善", actual: "达成预期指标", weight: 15, score: 15, reason: null },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "周边群众满意度", target: "≥90%", actual: "96%", weight: 10, score: 10, reason: null },
];

function luan(): { sheet: Sheet; total: number } {
  const s = new Sheet("六安-文物保护（分值9）");
  nationalHead(s, "市级文物保护专项经费绩效自评表", "市级文物保护专项经费", "六安市裕安区文化旅游体育局");
  const head = s.row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 1, 2);
  // As published: 分值 9, 执行率 0.958 (a bare fraction), 得分 8 — and the 其中 row repeats them.
  s.row(null, "年度资金总额:", 30, 30, 28.74, 9, 0.958, 8);
  s.row(null, "其中:本年财政拨款", 30, 30, 28.74, 9, 0.958, 8);
  s.row(null, "上年结转资金", null, null, null, null, null, "—");
  s.row(null, "其他资金", null, null, null, null, null, "—");
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const g = s.row("年度总体目标", "完成3处文物保护单位修缮和12套安防设施安装，文物安全零事故。");
  s.mergeRow(g, 2, 8);
  items(s, luanItems, ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析\n及改进措施"]);
  const total = round(8 + checkItems("六安", luanItems), 6);
  const sumRow = s.row("总分", null, null, null, null, 100, total);
  s.mergeRow(sumRow, 1, 5);

  rateHolds("六安 rate (bare fraction)", 95.8, 28.74, 30);
  scoreHolds("六安 execution score 9 × 95.8 % = 8.62 → 8", 8, execScore(9, 28.74, 30));
  holds("六安 weights 9 + 91", 9 + weights(luanItems), 100, 0.005);
  grade(total);
  return { sheet: s, total };
}

// ---------------- 池州 贵池区: ≥100百分比, 达成预期指标, three-decimal amounts, over-execution ----------------
const chizhouItems: NRow[] = [
  { l1: "产出指标(50分)", l2: "数量指标", name: "修缮革命旧址数量", target: "≥4处", actual: "4处", weight: 15, score: 15, reason: null },
  { l1: "产出指标(50分)", l2: "质量指标", name: "修缮工程合格率", target: "≥100百分比", actual: "达成预期指标", weight: 15, score: 15, reason: null },
  { l1: "产出指标(50分)", l2: "时效指标", name: "当年完工率", target: "≥100百分比", actual: "达成预期指标", weight: 10, score: 10, reason: null },
  // = with target 0, achieved 1: 0 points.
  { l1: "产出指标(50分)", l2: "质量指标", name: "施工安全事故", target: "=0起", actual: "1起", weight: 10, score: 0, reason: "施工期间发生1起轻微擦碰事故，已整改。", exact: 0 },
  // 2.6 of ≥2: 130 % of the target — full weight, worth an info note at most.
  { l1: "效益指标(30分)", l2: "社会效益指标", name: "接待参观人次", target: "≥2万人次", actual: "2.6万人次", weight: 15, score: 15, reason: null },
  // 未完成 with no ratio: 0 points.
  { l1: "效益指标(30分)", l2: "可持续影响指标", name: "是否完成展陈内容更新", target: "完成", actual: "未完成", weight: 15, score: 0, reason: "展陈方案未获审批，顺延至2023年。", exact: 0 },
  { l1: "满意度指标(10分)", l2: "服务对象满意度指标", name: "参观群众满意度", target: "≥90%", actual: "94%", weight: 10, score: 10, reason: null },
];

function chizhou(): { sheet: Sheet; total: number } {
  const s = new Sheet("池州-红色资源保护");
  nationalHead(s, "项目支出绩效自评表", "红色资源保护利用专项经费", "池州市贵池区棠溪镇人民政府");
  const head = s.row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 1, 2);
  const budget: [string, Value, Value, Value][] = [
    ["年度资金总额:", 85, 87.14, 89.974],
    ["其中:本年财政拨款", 85, 85, 85],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 0, 2.14, 4.974],
  ];
  budget.forEach(([label, a, b, c], i) => (i === 0 ? s.row(null, label, a, b, c, 10, "103.25%", 10) : s.row(null, label, a, b, c, null, null, "—")));
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const g = s.row("年度总体目标", "修缮革命旧址4处，全年接待参观2万人次以上，完成展陈内容更新。");
  s.mergeRow(g, 2, 8);
  items(s, chizhouItems, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const total = round(10 + checkItems("池州", chizhouItems), 6);
  const sumRow = s.row("总分", null, null, null, null, 100, total);
  s.mergeRow(sumRow, 1, 5);
  const gr = grade(total);
  s.mergeRow(s.row("自评等级", gr), 2, 8);
  s.mergeRow(s.row("自评结论", `经自评，该项目自评得分${total}分，自评等级为${gr}。`), 2, 8);

  const n = (v: Value) => v as number;
  for (const col of [1, 2, 3] as const) holds(`池州 其中 ${col}`, n(budget[0][col]), budget.slice(1).reduce((a, r) => a + n(r[col]), 0), AMOUNT_TOL);
  rateHolds("池州 rate over 100 %", 103.25, 89.974, 87.14);
  scoreHolds("池州 execution score capped", 10, execScore(10, 89.974, 87.14));
  holds("池州 weights", 10 + weights(chizhouItems), 100, 0.005);
  for (const [label, w] of [["产出指标(50分)", 50], ["效益指标(30分)", 30], ["满意度指标(10分)", 10]] as const)
    holds(`池州 ${label}`, weights(chizhouItems.filter((i) => i.l1 === label)), w, 0.005);
  return { sheet: s, total };
}

// ---------------- 大英: one 90-point indicator, the 合计 label lost ----------------
function daying(): { sheet: Sheet; totalCell: string; recomputed: number } {
  const s = new Sheet("大英-单指标（合计无标签）");
  s.widths = [14, 16, 12, 22, 8, 10, 8, 10, 8, 8, 26];
  s.mergeRow(s.row("部门预算项目支出绩效自评表"), 1, 11);
  s.mergeRow(s.row("（2023年度）"), 1, 11);
  const r3 = s.row("项目名称", "工伤保险单位缴费", null, null, null, "主管部门", "大英县某局");
  s.mergeRow(r3, 2, 5);
  s.mergeRow(r3, 7, 11);
  const head = s.row("预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因");
  s.mergeRow(head, 9, 11);
  s.mergeRow(s.row(null, "总额", 30, 30, 29.88, "99.60%", 10, 9.96), 9, 11);
  s.mergeRow(s.row(null, "其中：财政资金", 30, 30, 29.88, "99.60%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "其他资金", null, null, null, null, "/", "/"), 9, 11);
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const ih = s.row("绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析");
  s.row(null, "产出指标", "成本指标", "成本控制数", "≤", 30, "万元", "完成", 90, 90, null);
  s.merge(`A${ih}:A${s.next - 1}`);
  // The 合计 label was deleted with a merged cell; only 100 | 98.96 remain (as in one seed table).
  const sumRow = s.row(null, null, null, null, null, null, null, null, 100, 98.96);
  s.mergeRow(s.row("评价结论", "及时、足额缴纳。"), 2, 11);
  s.mergeRow(s.row("存在问题", "无"), 2, 11);
  s.mergeRow(s.row("改进措施", "无"), 2, 11);

  rateHolds("大英单 rate", 99.6, 29.88, 30);
  scoreHolds("大英单 execution score", 9.96, execScore(10, 29.88, 30));
  const it: Item = { name: "成本控制数", weight: 90, score: 90, actual: "完成", reason: null };
  const recomputed = round(9.96 + checkItems("大英单", [it]), 6);
  scoreBreaks("大英单 unlabelled total, under any rounding", 98.96, recomputed);
  return { sheet: s, totalCell: `J${sumRow}`, recomputed };
}

export function variants(): WorkbookModule {
  const a = luan();
  const b = chizhou();
  const c = daying();
  return {
    file: "11_variants_anhui_sichuan.xlsx",
    title:
      "Variants recorded in docs/forms.md (“Variants seen in provinces already covered”) for offices neither corpus shows: 安徽 六安 裕安区 市级文物保护专项经费绩效自评表 (https://www.yuan.gov.cn/public/6596881/25080505.html: 分值 9 on the budget line, 执行率 0.958, 得分 8, the 其中 row repeating 9 | 0.958 | 8, headers split over two lines), 安徽 池州 贵池区棠溪镇 项目支出绩效自评表 (http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2: ≥100百分比 targets, 达成预期指标 achievements, three-decimal amounts; the published all-zero total row is not copied), and 四川 大英县 部门预算项目支出绩效自评表 with a single 90-point indicator (https://dyxrmt.cn/article-157795-21.html) whose 合计 label is missing (domain.md §1c).",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `CLEAN trap: the execution 分值 is 9 (not 10) and the indicators carry 91; 执行率 a bare 0.958 (≤ 1.5, a fraction: 28.74 ÷ 30.00 = 95.8 %); 9 × 95.8 % = 8.62 stated 8 (rounded down); the 其中 row repeats 9 | 0.958 | 8 and must not be counted twice (weights 9 + 91 = 100, total 8 + 91 = ${a.total}); header cells split by line breaks (年度\\n指标值).`,
          findings: [],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `CLEAN trap: amounts with three decimals (89.974 = 85.000 + 4.974); over-execution 89.974 ÷ 87.140 = 103.25 % with the score capped at 10; ≥100百分比 met by 达成预期指标; =0起 missed by 1起 scored 0; 未完成 scored 0; 2.6 of ≥2万人次 (130 %: an info note at most); total ${b.total}, 自评等级 中 and the sentence agree.`,
          findings: [],
        },
      },
      {
        sheet: c.sheet,
        expect: {
          template: true,
          about: "四川 form with one 90-point indicator (成本控制数 ≤ 30 万元, 完成值 完成 → met); 0.00% on unused funding rows; the total row has lost its 合计 label: only 100 | 98.96 remain under 权重 and 得分; the 评价结论 has no score.",
          findings: [
            { code: "TOTAL_MISMATCH", cell: c.totalCell, severity: "error", note: `the unlabelled total row says 98.96; 29.88 ÷ 30.00 = 99.60 % → 9.96, plus 90 = ${c.recomputed}` },
          ],
        },
      },
    ],
  };
}
