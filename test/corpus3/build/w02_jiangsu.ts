/** 江苏: 省级财政支出项目绩效报告表（实施单位）— the 评分 sheet as a hierarchical table (domain.md §1d). */
import { Sheet, WorkbookModule, Item, checkItems, holds, breaks, grade, round, scoreBreaks, RUBRIC } from "../../corpus2/build/lib";
import { BOX } from "./national";

type Leaf = [name: string, weight: number, score: number | string, rule: string];
type Level2 = [name: string, declared: number, leaves: Leaf[]];
type Level1 = [label: string, declared: number, groups: Level2[]];

interface Table {
  sheetName: string;
  project: string;
  frame: Level1[];
  total: number;
  box: string;
  conclusion: string;
}

const num = (v: number | string) => (typeof v === "number" ? v : Number(v.replace("分", "")));

function build(t: Table): { sheet: Sheet; sumRow: number; gradeCell: string; conclusionCell: string; items: Item[]; leafRows: Map<string, number>; level2Cells: Map<string, string> } {
  const s = new Sheet(t.sheetName);
  s.widths = [14, 6, 14, 6, 22, 6, 34, 8, 26];
  s.mergeRow(s.row("绩评基表-3"), 1, 9);
  s.mergeRow(s.row("省级财政支出项目绩效评价指标评分表"), 1, 9);
  s.mergeRow(s.row(`项目名称：${t.project}`, null, null, null, null, null, "江苏省财政厅 制"), 1, 6);
  s.row("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "得分", "扣分原因");
  const items: Item[] = [];
  const leafRows = new Map<string, number>();
  const level2Cells = new Map<string, string>();
  for (const [l1, w1, groups] of t.frame) {
    const first1 = s.next;
    for (const [l2, w2, leaves] of groups) {
      const first2 = s.next;
      level2Cells.set(l2, `D${first2}`);
      for (const [name, w, score, rule] of leaves) {
        const n = num(score);
        const reason = n < w ? `${name}未达满分，具体见报告正文。` : null;
        const r = s.row(l1, w1, l2, w2, name, w, rule, score, reason);
        leafRows.set(name, r);
        items.push({ name, weight: w, score: n, actual: "—", reason, row: r, band: n > w ? undefined : RUBRIC, fault: n > w ? "exceeds" : undefined });
      }
      if (s.next - 1 > first2) {
        s.merge(`C${first2}:C${s.next - 1}`);
        s.merge(`D${first2}:D${s.next - 1}`);
      }
    }
    s.merge(`A${first1}:A${s.next - 1}`);
    s.merge(`B${first1}:B${s.next - 1}`);
  }
  const sumRow = s.row("总分", 100, null, 100, null, 100, null, t.total);
  const g = s.row("评价等次", t.box);
  s.mergeRow(g, 2, 9);
  s.mergeRow(s.row("注：评价得分90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。"), 1, 9);
  const c = s.row("评价结论", t.conclusion);
  s.mergeRow(c, 2, 9);
  return { sheet: s, sumRow, gradeCell: `B${g}`, conclusionCell: `B${c}`, items, leafRows, level2Cells };
}

function assertLevels(t: Table, faulty = new Set<string>()): void {
  let w = 0;
  for (const [l1, w1, groups] of t.frame) {
    holds(`${t.sheetName} ${l1}`, w1, groups.reduce((a, g) => a + g[1], 0), 0.005);
    holds(`${t.sheetName} ${l1} leaves`, w1, groups.reduce((a, g) => a + g[2].reduce((b, l) => b + l[1], 0), 0), 0.005);
    for (const [l2, w2, leaves] of groups) {
      if (faulty.has(l2)) breaks(`${t.sheetName} ${l2}`, w2, leaves.reduce((a, l) => a + l[1], 0), 0.005);
      else holds(`${t.sheetName} ${l2}`, w2, leaves.reduce((a, l) => a + l[1], 0), 0.005);
    }
    w += w1;
  }
  holds(`${t.sheetName} 100`, w, 100, 0.005);
}

const frameA: Level1[] = [
  ["决策（20分）", 20, [
    ["项目立项", 8, [["立项依据充分性", 4, 4, "符合法律法规、发展规划得4分"], ["立项程序规范性", 4, 4, "程序规范得4分"]]],
    ["绩效目标", 6, [["绩效目标合理性", 3, 3, "目标与实际相符得3分"], ["绩效指标明确性", 3, 2.5, "指标细化量化得3分，每缺一项扣0.5分"]]],
    ["资金投入", 6, [["预算编制科学性", 3, 3, "编制依据充分得3分"], ["资金分配合理性", 3, 3, "分配依据充分得3分"]]],
  ]],
  ["过程（20分）", 20, [
    // Fault pair: 资金管理 declares 10 over leaves of 12, 组织实施 10 over leaves of 8 (the 二级 still sum to 过程's 20).
    ["资金管理", 10, [["资金到位率", 4, 4, "到位率×4"], ["预算执行率", 4, "3.8分", "执行率×4"], ["资金使用合规性", 4, 4, "无违规得4分"]]],
    ["组织实施", 10, [["管理制度健全性", 4, 4, "制度健全得4分"], ["制度执行有效性", 4, 3.5, "发现一处执行不到位扣0.5分"]]],
  ]],
  ["产出（40分）", 40, [
    ["产出数量", 15, [["实际完成率", 15, 15, "完成率×15"]]],
    ["产出质量", 10, [["质量达标率", 10, 9, "达标率×10"]]],
    ["产出时效", 8, [["完成及时性", 8, 8, "按期完成得8分"]]],
    ["产出成本", 7, [["成本节约率", 7, 7, "未超预算得7分"]]],
  ]],
  ["效益（20分）", 20, [
    ["项目效益", 20, [["社会效益", 8, 7.5, "达成预期得8分"], ["可持续影响", 6, 6, "机制健全得6分"], ["服务对象满意度", 6, 5.6, "满意度×6"]]],
  ]],
];

// Fault 1: 培训组织规范性 scored 5 of 4. Fault 2: 总分 84.8 (88.4 with two digits swapped).
const frameB: Level1[] = [
  ["决策（20分）", 20, [
    ["项目立项", 8, [["立项依据充分性", 4, 4, "符合法律法规、发展规划得4分"], ["立项程序规范性", 4, 3, "缺少集体决策记录扣1分"]]],
    ["绩效目标", 6, [["绩效目标合理性", 3, 3, "目标与实际相符得3分"], ["绩效指标明确性", 3, 2, "指标细化量化得3分，每缺一项扣0.5分"]]],
    ["资金投入", 6, [["预算编制科学性", 3, 2.5, "编制依据充分得3分"], ["资金分配合理性", 3, 3, "分配依据充分得3分"]]],
  ]],
  ["过程（20分）", 20, [
    ["资金管理", 12, [["资金到位率", 4, 4, "到位率×4"], ["预算执行率", 4, 3.6, "执行率×4"], ["资金使用合规性", 4, 3, "发现一笔超范围支出扣1分"]]],
    ["组织实施", 8, [["培训组织规范性", 4, 5, "制度健全、组织有序得4分"], ["制度执行有效性", 4, 3.5, "发现一处执行不到位扣0.5分"]]],
  ]],
  ["产出（40分）", 40, [
    ["产出数量", 15, [["培训人次完成率", 15, 14, "完成率×15"]]],
    ["产出质量", 10, [["培训考核合格率", 10, 9, "合格率×10"]]],
    ["产出时效", 8, [["培训按期完成率", 8, 7, "按期率×8"]]],
    ["产出成本", 7, [["人均培训成本控制", 7, 7, "未超标准得7分"]]],
  ]],
  ["效益（20分）", 20, [
    ["项目效益", 20, [["学员技能提升", 8, 6, "达成预期得8分"], ["可持续影响", 6, 4.3, "机制健全得6分"], ["学员满意度", 6, 5.5, "满意度×6"]]],
  ]],
];

export function jiangsu(): WorkbookModule {
  const A: Table = { sheetName: "绩评基表-3（乡村公路养护）", project: "农村公路养护省级补助资金", frame: frameA, total: 96.9, box: BOX("优"), conclusion: "综上，该项目绩效评价得分96.9分，其中决策19.5分、过程19.3分、产出39分、效益19.1分，评价等级为优。" };
  assertLevels(A, new Set(["资金管理", "组织实施"]));
  const a = build(A);
  const ta = checkItems("江苏 A", a.items);
  holds("江苏 A 总分", A.total, ta, 0.005);
  holds("江苏 A 评价得分", 96.9, ta, 0.005);
  if (grade(ta) !== "优") throw new Error("江苏 A grade");

  const B: Table = { sheetName: "绩评基表-3（职业技能培训）", project: "职业技能提升培训省级补助资金", frame: frameB, total: 84.8, box: BOX("良"), conclusion: "综上，该项目绩效评价得分88.4分，评价等级为优。" };
  assertLevels(B);
  const b = build(B);
  const tb = checkItems("江苏 B", b.items);
  holds("江苏 B recomputed (5 capped at 4)", tb, 88.4, 0.005);
  const uncapped = round(b.items.reduce((x, i) => x + i.score, 0), 6);
  holds("江苏 B uncapped", uncapped, 89.4, 0.005);
  breaks("江苏 B 总分", 84.8, tb, 0.005);
  scoreBreaks("江苏 B 总分 is no rounding of the capped total", 84.8, tb);
  scoreBreaks("江苏 B 总分 is no rounding of the uncapped total", 84.8, uncapped);
  if (grade(tb) !== "良" || grade(uncapped) !== "良") throw new Error("江苏 B grade");
  const over = b.leafRows.get("培训组织规范性")!;

  return {
    file: "02_jiangsu_scoring.xlsx",
    title:
      "江苏: 省级财政支出项目绩效报告表（实施单位）, “江苏省财政厅 制”, sheets 绩评基表-N — **reconstructed**: the stored copy (https://www.mdjjksjc.com/html/2017/0922/134709309.shtml) shows the cover and 绩评基表-1 heading only; the 评分 sheet is modelled on domain.md §1d (一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 评分标准 | 得分 | 扣分原因), with first-level labels that repeat the weight (决策（20分）), a 总分 row per level, 评价等次 check boxes, the band note and a 评价结论 sentence.",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `Hierarchical table with one cancelling pair of 二级 weights (so the 一级 verdict is the same whether 过程 is compared with its 二级 分值 or with its leaves); the other levels agree, and the label weights agree with the 分值 cells; one score typed as text “3.8分”; scores below weight carry a 扣分原因; 总分 ${ta}; ☑优; conclusion “评价得分96.9分，其中决策19.5分、过程19.3分、产出39分、效益19.1分，评价等级为优” (section scores after the total).`,
          findings: [
            { code: "LEVEL_WEIGHT_MISMATCH", cell: a.level2Cells.get("资金管理")!, severity: "error", note: "二级 资金管理 declares 10; its 三级 weigh 4 + 4 + 4 = 12" },
            { code: "LEVEL_WEIGHT_MISMATCH", cell: a.level2Cells.get("组织实施")!, severity: "error", note: "二级 组织实施 declares 10; its 三级 weigh 4 + 4 = 8 (10 + 10 = 20 = 过程（20分）, and the leaves 12 + 8 = 20 too)" },
          ],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `Hierarchical table with three independent faults. Recomputed total: leaves capped at their 分值 → ${tb} (${uncapped} uncapped); the conclusion's score 88.4 and the ☑良 box agree with it, the conclusion's grade word does not.`,
          findings: [
            { code: "SCORE_EXCEEDS_WEIGHT", cell: `H${over}`, severity: "error", note: "培训组织规范性: 得分 5 > 分值 4" },
            { code: "GRADE_MISMATCH", cell: b.conclusionCell, severity: "error", note: `the sentence says “评价等级为优”; ${tb} (and ${uncapped} uncapped) is 良, as the ☑良 box says` },
            { code: "TOTAL_MISMATCH", cell: `H${b.sumRow}`, severity: "error", note: `总分 says 84.8; the leaves sum to ${tb} with 5 capped at 4 (${uncapped} uncapped) — 84.8 is neither, nor any rounding of either` },
          ],
        },
      },
    ],
  };
}
