/**
 * 辽宁: a 部门整体 budget block (domain.md §1e) and a project table on one sheet.
 * 黑龙江: the hierarchical 评分表 (§1d) with 指标解释 and 评分标准 columns, weights in the first-level labels,
 * a 扣分项 row and the band note.
 */
import { Sheet, WorkbookModule, Item, Value, pct, checkItems, weights, holds, breaks, rateHolds, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round, ACHIEVED, RUBRIC } from "../../corpus2/build/lib";
import { writeIndicators, IndRow, ColSpec, sectionWeight, BOX } from "./form";

const NAT: ColSpec[] = [
  { key: "l1", label: "一级指标" },
  { key: "l2", label: "二级指标" },
  { key: "l3", label: "三级指标" },
  { key: "target", label: "年度指标值" },
  { key: "actual", label: "实际完成值" },
  { key: "weight", label: "分值" },
  { key: "score", label: "得分" },
  { key: "reason", label: "偏差原因分析及改进措施" },
];
const P = "产出指标";
const E = "效益指标";
const M = "满意度指标";

const projectRows: IndRow[] = [
  { l1: P, l2: "数量指标", name: "培训基层医务人员人次", target: "≥600人次", actual: "640人次", weight: 15, score: 15, reason: null },
  { l1: P, l2: "质量指标", name: "采购设备验收合格率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
  { l1: P, l2: "时效指标", name: "设备采购完成时间", target: "2023年10月底前", actual: "已完成", weight: 10, score: 10, reason: null },
  { l1: P, l2: "成本指标", name: "设备采购成本控制率", target: "≤100%", actual: "97.5%", weight: 10, score: 10, reason: null },
  // ≥5 %, 4.2 %: 15 × 4.2 ÷ 5 = 12.6 (value) or 15 × 4.2 % = 0.63 (ratio reading, absurd but accepted either way).
  { l1: E, l2: "社会效益指标", name: "基层诊疗人次增长率", target: "≥5%", actual: "4.2%", weight: 15, score: 12.6, reason: "受就医习惯影响，基层首诊比例提升慢于预期。", exact: [12.6, 15 * 0.042] },
  { l1: E, l2: "可持续影响指标", name: "基层医疗服务能力", target: "持续提升", actual: "达成年度指标", weight: 15, score: 12, reason: "部分乡镇卫生院人才流失，能力提升不均衡。", band: ACHIEVED },
  { l1: M, l2: "服务对象满意度指标", name: "患者满意度", target: "≥90%", actual: "92%", weight: 10, score: 10, reason: null },
];

function liaoning() {
  const s = new Sheet("部门整体及重点项目自评");
  s.widths = [16, 14, 18, 16, 16, 12, 10, 10, 24];
  s.mergeRow(s.row("部门整体支出绩效自评表（2023年度）"), 1, 9);
  const r2 = s.row("部门名称：某区卫生健康局", null, null, null, null, null, null, "单位：万元");
  s.mergeRow(r2, 1, 7);
  s.mergeRow(r2, 8, 9);
  s.row("收支项目", "年初预算数", "预算调整数（调增为“+”，调减为“-”）", "全年收入决算数", "全年支出决算数", "执行率");
  // Fault: 全年收入决算数 of the total typed 2,458.00; 2,356.40 + 128.60 = 2,485.00 = 1,655.40 + 829.60.
  const total = s.row("年度资金总额", 2356.4, "+128.60", 2458.0, 2431.72, pct(0.9893));
  const basic = s.row("基本支出年度资金总额", 1620.3, "+35.10", 1655.4, 1652.18, pct(0.9981));
  const proj = s.row("项目支出年度资金总额", 736.1, "+93.50", 829.6, 779.54, pct(0.9397));
  const goal = s.row("年度总体目标完成情况", "全年完成基本公共卫生服务项目12类，基层医疗卫生机构能力提升项目按期完成。");
  s.mergeRow(goal, 2, 9);
  s.blank();
  s.mergeRow(s.row("重点项目支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("项目名称", "基层医疗卫生机构能力提升项目"), 2, 9);
  const head = s.row("项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
  s.mergeRow(head, 8, 9);
  const b0 = s.row(null, "年度资金总额", 300, 330, 312.4, 10, pct(0.9467), 10);
  s.mergeRow(b0, 8, 9);
  for (const r of [["其中：当年财政拨款", 300, 300, 284.4], ["上年结转资金", 0, 30, 28], ["其他资金", "—", "—", "—"]] as Value[][]) s.mergeRow(s.row(null, ...r, "—", "—", "—"), 8, 9);
  s.merge(`A${head}:A${s.next - 1}`);
  const lay = writeIndicators(s, NAT, projectRows);
  const sumRow = s.row("总分", null, null, null, null, 100, 94.6);
  s.mergeRow(sumRow, 1, 5);
  s.mergeRow(sumRow, 7, 9);
  const gradeRow = s.row("自评等级", BOX("良", "　"));
  s.mergeRow(gradeRow, 2, 9);
  s.mergeRow(s.row("填报人：周某　联系电话：024-2345678　审核人：吴某　2024年4月8日"), 1, 9);

  // Department block: columns, rows, rates.
  holds("辽宁 基本+项目 年初", 2356.4, 1620.3 + 736.1, AMOUNT_TOL);
  holds("辽宁 基本+项目 调整", 128.6, 35.1 + 93.5, AMOUNT_TOL);
  holds("辽宁 基本+项目 支出", 2431.72, 1652.18 + 779.54, AMOUNT_TOL);
  holds("辽宁 基本 年初+调整", 1655.4, 1620.3 + 35.1, AMOUNT_TOL);
  holds("辽宁 项目 年初+调整", 829.6, 736.1 + 93.5, AMOUNT_TOL);
  breaks("辽宁 总额 年初+调整", 2458, 2356.4 + 128.6, AMOUNT_TOL);
  breaks("辽宁 总额 基本+项目 收入", 2458, 1655.4 + 829.6, AMOUNT_TOL);
  rateHolds("辽宁 总额 rate on the stated 收入", 98.93, 2431.72, 2458);
  rateHolds("辽宁 基本 rate", 99.81, 1652.18, 1655.4);
  rateHolds("辽宁 项目 rate", 93.97, 779.54, 829.6);
  // Project.
  holds("辽宁 project 全年", 330, 300 + 30, AMOUNT_TOL);
  holds("辽宁 project 执行", 312.4, 284.4 + 28, AMOUNT_TOL);
  rateHolds("辽宁 project rate", 94.67, 312.4, 330);
  scoreBreaks("辽宁 project execution score", 10, execScore(10, 312.4, 330), "over");
  const items = lay.items;
  holds("辽宁 weights", weights(items), 90, 0.005);
  for (const [l, w] of [[P, 50], [E, 30], [M, 10]] as const) holds(`辽宁 ${l}`, sectionWeight(items, l), w, 0.005);
  const t = round(10 + checkItems("辽宁", items), 6);
  holds("辽宁 总分 (execution score as stated)", 94.6, t, 0.005);
  const tRule = round(execScore(10, 312.4, 330) + checkItems("辽宁", items), 6);
  if (grade(t) !== "优" || grade(tRule) !== "优") throw new Error("辽宁 grade");
  return { s, cells: { income: `D${total}`, execScore: `H${b0}`, grade: `B${gradeRow}` }, t, tRule, rows: [basic, proj] };
}

// ---------- 黑龙江 hierarchical ----------
type Leaf = [name: string, weight: number, score: number, explain: string, rule: string];
type L2 = [name: string, declared: number, leaves: Leaf[]];
type L1 = [label: string, declared: number, groups: L2[]];

function hier(name: string, project: string, frame: L1[], deduction: [string, number, string] | null, total: number, box: string, conclusion: string) {
  const s = new Sheet(name);
  s.widths = [14, 6, 12, 6, 18, 6, 30, 30, 8, 26];
  s.mergeRow(s.row("项目支出绩效评价指标评分表"), 1, 10);
  s.mergeRow(s.row(`项目名称：${project}`, null, null, null, null, null, null, "评价年度：2023年度"), 1, 7);
  s.row("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "指标解释", "评分标准", "得分", "扣分原因");
  const items: Item[] = [];
  const l2Cells = new Map<string, string>();
  for (const [l1, w1, groups] of frame) {
    const first1 = s.next;
    for (const [l2, w2, leaves] of groups) {
      const first2 = s.next;
      l2Cells.set(l2, `D${first2}`);
      for (const [leaf, w, score, explain, rule] of leaves) {
        const reason = score < w ? `${leaf}：${rule.split("，")[0]}，部分未达标，扣${round(w - score, 2)}分。` : null;
        const r = s.row(l1, w1, l2, w2, leaf, w, explain, rule, score, reason);
        items.push({ name: leaf, weight: w, score, actual: "—", reason, row: r, band: RUBRIC });
      }
      if (s.next - 1 > first2) {
        s.merge(`C${first2}:C${s.next - 1}`);
        s.merge(`D${first2}:D${s.next - 1}`);
      }
    }
    s.merge(`A${first1}:A${s.next - 1}`);
    s.merge(`B${first1}:B${s.next - 1}`);
  }
  let dRow: number | undefined;
  if (deduction) dRow = s.row("扣分项", null, "违规违纪扣分", null, deduction[0], null, "财政、审计等监督检查发现的问题", "每发现一项违规问题扣2分", deduction[1], deduction[2]);
  const sumRow = s.row("总分", 100, null, 100, null, 100, null, null, total);
  s.mergeRow(s.row("评价等次", box), 2, 10);
  s.mergeRow(s.row("注：评价结果分为四个等次：90分（含）以上为优、80分（含）至90分为良、60分（含）至80分为中、60分以下为差。"), 1, 10);
  const c = s.row("评价结论", conclusion);
  s.mergeRow(c, 2, 10);
  s.mergeRow(s.row("评价人员：郑某、冯某　联系电话：0451-8876543　2024年4月10日"), 1, 10);
  return { s, items, l2Cells, sumRow, conclusionCell: `B${c}`, dRow };
}

function assertFrame(where: string, frame: L1[], faulty: Set<string>) {
  let w = 0;
  for (const [l1, w1, groups] of frame) {
    holds(`${where} ${l1}`, w1, groups.reduce((a, g) => a + g[1], 0), 0.005);
    holds(`${where} ${l1} leaves`, w1, groups.reduce((a, g) => a + g[2].reduce((b, l) => b + l[1], 0), 0), 0.005);
    const m = /（(\d+)分）/.exec(l1);
    if (m) holds(`${where} ${l1} label`, Number(m[1]), w1, 0.005);
    for (const [l2, w2, leaves] of groups) {
      const lw = leaves.reduce((a, l) => a + l[1], 0);
      if (faulty.has(l2)) breaks(`${where} ${l2}`, w2, lw, 0.005);
      else holds(`${where} ${l2}`, w2, lw, 0.005);
    }
    w += w1;
  }
  holds(`${where} 100`, w, 100, 0.005);
}

const frameA: L1[] = [
  ["投入（20分）", 20, [
    // Fault pair: 项目立项 declares 10 over leaves of 11, 资金落实 10 over leaves of 9 (投入 20 either way).
    ["项目立项", 10, [["立项依据充分性", 4, 4, "项目立项是否符合法律法规、相关政策、发展规划", "符合得4分，不符合不得分"], ["立项程序规范性", 3, 3, "是否按规定程序申请设立", "程序规范得3分"], ["绩效目标合理性", 4, 3.5, "目标与实际工作内容是否相关", "相关得4分，部分相关扣0.5-2分"]]],
    ["资金落实", 10, [["资金到位率", 4, 4, "实际到位资金/计划投入资金×100%", "到位率100%得4分，每低1个百分点扣0.2分"], ["资金到位及时率", 5, 5, "及时到位资金/应到位资金×100%", "100%得5分，每低5%扣1分"]]],
  ]],
  ["过程（20分）", 20, [
    ["业务管理", 10, [["管理制度健全性", 5, 5, "是否已制定相应的业务管理制度", "健全得5分"], ["制度执行有效性", 5, 4, "是否遵守相关法律法规和业务管理规定", "有效得5分，每发现1处问题扣1分"]]],
    ["财务管理", 10, [["资金使用合规性", 4, 4, "是否符合国家财经法规和财务管理制度", "合规得4分"], ["财务监控有效性", 3, 3, "是否采取了必要的监控措施", "有效得3分"], ["预算执行率", 3, 2.8, "实际支出/调整后预算×100%，本项目为93.8%", "执行率×3分"]]],
  ]],
  ["产出（30分）", 30, [
    ["产出数量", 10, [["实际完成率", 10, 9.5, "实际完成工程量/计划工程量×100%（计划20处）", "完成率×10分"]]],
    ["产出质量", 10, [["质量达标率", 10, 10, "质量达标数/实际完成数×100%", "100%得10分"]]],
    ["产出时效", 5, [["完成及时性", 5, 5, "是否在2023年11月30日前完成", "按期得5分，每延期1个月扣1分"]]],
    ["产出成本", 5, [["成本节约率", 5, 4, "（计划成本-实际成本）/计划成本×100%", "节约或持平得5分，超支1%以内扣1分"]]],
  ]],
  ["效益（30分）", 30, [
    ["社会效益", 15, [["社会效益实现程度", 15, 13, "农田灌溉条件改善情况", "明显改善得15分，一般改善得9-12分"]]],
    ["可持续影响", 5, [["长效管理机制", 5, 4, "是否建立工程管护机制", "建立并运行得5分"]]],
    ["满意度", 10, [["受益群众满意度", 10, 9, "抽样调查200户", "满意度×10分"]]],
  ]],
];

const frameB: L1[] = [
  ["投 入（15分）", 15, [
    ["项目立项", 8, [["立项依据充分性", 4, 4, "是否符合部门职责与年度工作计划", "符合得4分"], ["立项程序规范性", 4, 4, "是否经过集体决策", "规范得4分"]]],
    ["资金落实", 7, [["资金到位率", 4, 4, "实际到位资金/计划投入资金×100%，本项目为100%", "到位率×4分"], ["资金到位及时率", 3, 3, "及时到位资金/应到位资金×100%", "100%得3分"]]],
  ]],
  ["过 程（25分）", 25, [
    ["业务管理", 12, [["管理制度健全性", 6, 6, "是否制定项目管理办法", "健全得6分"], ["制度执行有效性", 6, 5, "是否按合同约定验收", "有效得6分，每发现1处问题扣1分"]]],
    ["财务管理", 13, [["资金使用合规性", 5, 5, "是否存在截留、挤占、挪用", "合规得5分"], ["财务监控有效性", 4, 4, "是否开展财务检查", "有效得4分"], ["预算执行率", 4, 3.8, "实际支出/调整后预算×100%，本项目为95.1%", "执行率×4分（3.804分）"]]],
  ]],
  ["产 出（35分）", 35, [
    ["产出数量", 10, [["实际完成率", 10, 10, "完成冰雪场地维护12处/计划12处", "完成率×10分"]]],
    ["产出质量", 10, [["质量达标率", 10, 9, "抽检合格场地数/抽检场地数，本年为11/12", "达标率×10分"]]],
    ["产出时效", 8, [["完成及时性", 8, 8, "是否在2023年12月20日前开放", "按期得8分"]]],
    ["产出成本", 7, [["成本节约率", 7, 7, "（计划成本-实际成本）/计划成本×100%", "节约或持平得7分"]]],
  ]],
  ["效 益（25分）", 25, [
    ["社会效益", 10, [["群众冰雪运动参与人次", 10, 9, "目标10万人次，实际9.2万人次", "完成率×10分"]]],
    ["可持续影响", 5, [["场地管护机制", 5, 5, "是否建立季节性管护制度", "建立得5分"]]],
    ["满意度", 10, [["服务对象满意度", 10, 9.5, "问卷调查500份，满意率95%", "满意度×10分"]]],
  ]],
];

export function liaoningHeilongjiang(): WorkbookModule {
  const ln = liaoning();

  assertFrame("黑龙江 A", frameA, new Set(["项目立项", "资金落实"]));
  const A = hier("评分表（农田水利）", "小型农田水利设施维修养护", frameA, null, 92.8, BOX("优"), "经综合评价，该项目评价得分98.2分，评价等级为优。");
  const ta = checkItems("黑龙江 A", A.items);
  holds("黑龙江 A 总分", 92.8, ta, 0.005);
  breaks("黑龙江 A conclusion", 98.2, ta, 0.005);
  for (const x of [ta, round(ta, 1), Math.round(ta), Math.floor(ta)]) if (Math.abs(x - 98.2) < 0.006) throw new Error("黑龙江 A conclusion is a rounding");
  if (grade(ta) !== "优" || grade(98.2) !== "优") throw new Error("黑龙江 A grade");

  assertFrame("黑龙江 B", frameB, new Set());
  const B = hier("评分表（冰雪场地）", "公共冰雪运动场地维护经费", frameB, ["资金使用违规问题", 2, "审计发现列支与项目无关的费用0.8万元，已整改，按评分标准扣2分。"], 94.3, BOX("优"), "经综合评价，该项目评价得分94.3分，评价等级为优。");
  const tb = round(checkItems("黑龙江 B", B.items) - 2, 6);
  holds("黑龙江 B 总分 (leaves − 扣分项)", 94.3, tb, 0.005);
  if (grade(tb) !== "优" || grade(tb + 4) !== "优") throw new Error("黑龙江 B grade");
  void scoreHolds;

  return {
    file: "03_liaoning_heilongjiang.xlsx",
    title:
      "辽宁 and 黑龙江 — **reconstructed** (the search returned no table of either province; see README). 辽宁: a 部门整体支出绩效自评表 block (domain.md §1e: 年初预算数 | 预算调整数（调增为“+”，调减为“-”）| 全年收入决算数 | 全年支出决算数 | 执行率, no 分值/得分) **and a 重点项目 national project table on the same sheet**. 黑龙江: the hierarchical 项目支出绩效评价指标评分表 (§1d) with **指标解释 and 评分标准 columns full of numbers**, weights in the first-level labels and the 分值 columns, a 扣分项 row, the band note and a 评价结论.",
    sheets: [
      {
        sheet: ln.s,
        expect: {
          template: true,
          about: `Department block + project table on one sheet. Block: 基本 + 项目 and 年初 + 调整 hold on every row but the total's 全年收入决算数; signed text adjustments “+35.10”; the rates are right on the stated figures (2,431.72 ÷ 2,458.00 = 98.93 %, 1,652.18 ÷ 1,655.40 = 99.81 %, 779.54 ÷ 829.60 = 93.97 %). Project: 312.40 ÷ 330.00 = 94.67 %; items 84.6; total ${ln.t} with the execution score as stated (${round(ln.tRule, 2)} with the rule's 9.47) — 优 either way.`,
          findings: [
            { code: "BUDGET_SUM_MISMATCH", cell: ln.cells.income, severity: "error", note: "部门整体 年度资金总额 全年收入决算数 2,458.00 ≠ 年初 2,356.40 + 调整 128.60 = 2,485.00 = 基本 1,655.40 + 项目 829.60 (both identities point at this cell; the stated rate 98.93 % is 2,431.72 ÷ 2,458.00, consistent with the stated cell)" },
            { code: "EXEC_SCORE_MISMATCH", cell: ln.cells.execScore, severity: "error", note: "project: 10 × 94.67 % = 9.47 (9.47, 9.5, 9 accepted); stated 10 (over-scored). 总分 94.6 takes the score as stated (domain.md), so no total finding" },
            { code: "GRADE_MISMATCH", cell: ln.cells.grade, severity: "error", note: `自评等级 ticks ☑良; the recomputed total ${ln.t} (${round(ln.tRule, 2)} with the rule's execution score) is 优` },
          ],
        },
      },
      {
        sheet: A.s,
        expect: {
          template: true,
          about: `Hierarchical table, two cancelling 二级 faults (投入 20 = 10 + 10 declared = 11 + 9 leaves, so the 一级 verdict does not depend on the reading); every score below its 分值 has a 扣分原因; 指标解释 texts with numbers (“实际到位资金/计划投入资金×100%”, “计划20处”, “2023年11月30日前”). Leaves sum to ${ta} = 总分; ☑优.`,
          findings: [
            { code: "LEVEL_WEIGHT_MISMATCH", cell: A.l2Cells.get("项目立项")!, severity: "error", note: "二级 项目立项 declares 10; its 三级 weigh 4 + 3 + 4 = 11" },
            { code: "LEVEL_WEIGHT_MISMATCH", cell: A.l2Cells.get("资金落实")!, severity: "error", note: "二级 资金落实 declares 10; its 三级 weigh 4 + 5 = 9 (10 + 10 = 20 = 投入（20分）, and 11 + 9 = 20 too)" },
            { code: "CONCLUSION_SCORE_MISMATCH", cell: A.conclusionCell, severity: "error", note: `“评价得分98.2分” vs the recomputed ${ta} (which 总分 states); 98.2 is no rounding of it, and both are 优, so the sentence's grade is right` },
          ],
        },
      },
      {
        sheet: B.s,
        expect: {
          template: true,
          about: `Hierarchical table, CLEAN with traps: first-level labels with a space inside (“投 入（15分）”, “过 程（25分）”); a **扣分项** row (得分 2, 分值 empty) subtracted from the leaves: ${round(tb + 2, 6)} − 2 = ${tb} = 总分 (adding it would give ${round(tb + 4, 6)}); 指标解释 and 评分标准 texts with numbers (“本项目为95.1%”, “执行率×4分（3.804分）”, “目标10万人次，实际9.2万人次”); conclusion “评价得分94.3分，评价等级为优”.`,
          findings: [],
        },
      },
    ],
  };
}
void ({} as Item);
