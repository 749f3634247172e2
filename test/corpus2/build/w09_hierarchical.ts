/** Hierarchical 绩效评价评分表 (domain.md §1d): 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 评分标准 | 得分 | 扣分原因, with a 扣分项 row. */
import { Sheet, WorkbookModule, Item, checkItems, holds, breaks, grade, round, RUBRIC } from "./lib";

type Leaf = [name: string, weight: number, score: number, rule: string];
type Level2 = [name: string, declared: number, leaves: Leaf[]];
type Level1 = [label: string, declared: number, groups: Level2[]];

interface Table {
  sheetName: string;
  title: string;
  frame: Level1[];
  deduction: { text: string; points: number };
  total: number;
  box: string;
}

const BOX = (g: string) => ["优", "良", "中", "差"].map((x) => (x === g ? `☑${x}` : `□${x}`)).join(" ");

function build(t: Table): { sheet: Sheet; level2Cells: Map<string, string>; sumRow: number; gradeCell: string; items: Item[] } {
  const s = new Sheet(t.sheetName);
  s.widths = [14, 6, 14, 6, 22, 6, 34, 8, 24];
  s.mergeRow(s.row(t.title), 1, 9);
  s.row("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "得分", "扣分原因");
  const level2Cells = new Map<string, string>();
  const items: Item[] = [];
  for (const [l1, w1, groups] of t.frame) {
    const first1 = s.next;
    for (const [l2, w2, leaves] of groups) {
      const first2 = s.next;
      for (const [name, w, score, rule] of leaves) {
        const reason = score < w ? "见评价报告相关说明" : null;
        const r = s.row(l1, w1, l2, w2, name, w, rule, score, reason);
        items.push({ name, weight: w, score, actual: "—", reason, row: r, band: RUBRIC });
      }
      level2Cells.set(l2, `D${first2}`);
      if (s.next - 1 > first2) {
        s.merge(`C${first2}:C${s.next - 1}`);
        s.merge(`D${first2}:D${s.next - 1}`);
      }
    }
    s.merge(`A${first1}:A${s.next - 1}`);
    s.merge(`B${first1}:B${s.next - 1}`);
  }
  const ded = s.row("扣分项", null, null, null, t.deduction.text, null, "发现一项扣1分，最多扣5分", t.deduction.points, t.deduction.text);
  s.mergeRow(ded, 1, 4);
  const sumRow = s.row("总分", 100, null, 100, null, 100, null, t.total);
  const g = s.row("评价等次", BOX_PLACEHOLDER);
  s.set(`B${g}`, t.box);
  s.mergeRow(g, 2, 9);
  s.mergeRow(s.row("100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差。"), 1, 9);
  return { sheet: s, level2Cells, sumRow, gradeCell: `B${g}`, items };
}
const BOX_PLACEHOLDER = "";

/** Asserts the three levels; returns the recomputed total (leaves capped, minus the deduction). */
function assertTable(t: Table, items: Item[], faulty: Set<string>): number {
  let sum1 = 0;
  for (const [l1, w1, groups] of t.frame) {
    holds(`${t.sheetName} ${l1}`, w1, groups.reduce((a, g) => a + g[1], 0), 0.005);
    holds(`${t.sheetName} ${l1} leaves`, w1, groups.reduce((a, g) => a + g[2].reduce((b, l) => b + l[1], 0), 0), 0.005);
    for (const [l2, w2, leaves] of groups) {
      const leafSum = leaves.reduce((a, l) => a + l[1], 0);
      if (faulty.has(l2)) breaks(`${t.sheetName} ${l2}`, w2, leafSum, 0.005);
      else holds(`${t.sheetName} ${l2}`, w2, leafSum, 0.005);
    }
    sum1 += w1;
  }
  holds(`${t.sheetName} 100`, sum1, 100, 0.005);
  for (const [, , groups] of t.frame) for (const [, , leaves] of groups) for (const [name, w, score] of leaves) if (score < w && !items.find((i) => i.name === name)?.reason) throw new Error(name);
  return round(checkItems(t.sheetName, items) - t.deduction.points, 6);
}

const roads: Table = {
  sheetName: "绩效评价评分表",
  title: "某县2023年度农村公路养护项目绩效评价评分表",
  frame: [
    [
      "投入",
      15,
      [
        // Faults: 项目立项 declares 7 (children 3 + 3 = 6), 资金落实 declares 8 (children 5 + 4 = 9); they cancel in 投入 15.
        ["项目立项", 7, [["立项依据充分性", 3, 3, "符合法律法规和发展规划得3分"], ["立项程序规范性", 3, 3, "按规定程序申请设立得3分"]]],
        ["资金落实", 8, [["资金到位率", 5, 5, "到位率100%得5分，每降1%扣0.5分"], ["到位及时率", 4, 4, "及时到位得4分"]]],
      ],
    ],
    [
      "过程",
      25,
      [
        ["业务管理", 12, [["管理制度健全性", 4, 4, "制度健全得4分"], ["制度执行有效性", 4, 3.5, "每发现一处不规范扣0.5分"], ["项目质量可控性", 4, 4, "有质量检查验收得4分"]]],
        ["财务管理", 13, [["资金使用合规性", 5, 5, "无违规得5分"], ["财务监控有效性", 4, 3.5, "监控机制健全得4分"], ["预算执行率", 4, 3.8, "预算执行率=实际支出/预算数×100%，得分=执行率×4"]]],
      ],
    ],
    [
      "产出",
      30,
      [
        ["产出数量", 10, [["养护里程完成率", 10, 9.2, "完成率=实际养护里程/计划养护里程×100%"]]],
        ["产出质量", 10, [["路况优良率", 10, 9, "≥85%得满分，每降1%扣1分"]]],
        ["产出时效", 5, [["完成及时性", 5, 5, "按期完成得5分"]]],
        ["产出成本", 5, [["成本节约率", 5, 4.5, "成本节约率≥0得满分"]]],
      ],
    ],
    [
      "效益",
      30,
      [
        ["社会效益", 15, [["群众出行条件改善", 15, 13, "明显改善得15分，有所改善得10分"]]],
        ["可持续影响", 5, [["长效管护机制", 5, 4, "机制健全得5分"]]],
        ["满意度", 10, [["沿线群众满意度", 10, 8.9, "满意度≥90%得10分，每降1%扣1分"]]],
      ],
    ],
  ],
  deduction: { text: "审计发现违规问题3项", points: 3 },
  total: 89.4,
  box: BOX("优"), // fault: 89.4 is 良
};

const water: Table = {
  sheetName: "项目评分表（清洁）",
  title: "某县2023年度农村饮水安全巩固提升项目绩效评价评分表",
  frame: [
    [
      "投 入（15分）",
      15,
      [
        ["项目立项", 6, [["立项依据充分性", 3, 3, "符合规划得3分"], ["立项程序规范性", 3, 3, "程序规范得3分"]]],
        ["资金落实", 9, [["资金到位率", 5, 5, "到位率100%得5分"], ["到位及时率", 4, 3.5, "每延迟1个月扣0.5分"]]],
      ],
    ],
    [
      "过 程（25分）",
      25,
      [
        ["业务管理", 12, [["管理制度健全性", 4, 4, "制度健全得4分"], ["制度执行有效性", 4, 4, "执行有效得4分"], ["项目质量可控性", 4, 3.5, "每发现一处质量问题扣0.5分"]]],
        ["财务管理", 13, [["资金使用合规性", 5, 5, "无违规得5分"], ["财务监控有效性", 4, 4, "监控有效得4分"], ["预算执行率", 4, 3.9, "得分=执行率×4，执行率97.6%"]]],
      ],
    ],
    [
      "产 出（30分）",
      30,
      [
        ["产出数量", 10, [["供水工程完成数", 10, 10, "完成12处得满分"]]],
        ["产出质量", 10, [["水质达标率", 10, 8, "≥95%得满分，每降1%扣0.5分"]]],
        ["产出时效", 5, [["完工及时性", 5, 5, "按期完工得5分"]]],
        ["产出成本", 5, [["成本控制", 5, 5, "未超概算得5分"]]],
      ],
    ],
    [
      "效 益（30分）",
      30,
      [
        ["社会效益", 15, [["农村集中供水率", 15, 12, "≥90%得满分"]]],
        ["可持续影响", 5, [["工程长效运行", 5, 3.5, "管护机制健全得5分"]]],
        ["满意度", 10, [["受益群众满意度", 10, 9.2, "满意度≥95%得10分"]]],
      ],
    ],
  ],
  deduction: { text: "信息公开不及时2项", points: 2 },
  total: 89.6,
  box: BOX("良"),
};

export function hierarchical(): WorkbookModule {
  const a = build(roads);
  const ta = assertTable(roads, a.items, new Set(["项目立项", "资金落实"]));
  holds("评分表 总分", roads.total, ta, 0.005);
  if (grade(ta) === "优") throw new Error("评分表 grade fault must differ");
  if (grade(round(ta + roads.deduction.points, 6)) !== "优") throw new Error("评分表: without the deduction the total would be 优 (trap)");
  const b = build(water);
  const tb = assertTable(water, b.items, new Set());
  holds("清洁 总分", water.total, tb, 0.005);
  if (grade(tb) !== "良" || grade(round(tb + water.deduction.points, 6)) !== "优") throw new Error("清洁 deduction trap");
  return {
    file: "09_hierarchical_scores.xlsx",
    title:
      "Hierarchical 绩效评价评分表 of domain.md §1d (seed 001 Wuhua's 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分 frame with 评分标准 and 扣分原因 columns, the 财预〔2013〕53号 投入/过程/产出/效益 frame, a 扣分项 row, 评价等次 check boxes and the band text “100-90（含）分为优…”) as county finance bureaus use it for project evaluations.",
    sheets: [
      {
        sheet: a.sheet,
        expect: {
          template: true,
          about: `农村公路养护: leaves sum to 92.4, the 扣分项 row deducts 3 (a positive 3 in 得分 on a row labelled 扣分项): total ${ta}; without the deduction the total would be 优 (the box's grade), so the grade finding needs the deduction; scoring-rule texts with numbers (≥85%, ×4).`,
          findings: [
            { code: "LEVEL_WEIGHT_MISMATCH", cell: a.level2Cells.get("项目立项")!, severity: "error", note: "二级 项目立项 declares 7 but 立项依据充分性 3 + 立项程序规范性 3 = 6" },
            { code: "LEVEL_WEIGHT_MISMATCH", cell: a.level2Cells.get("资金落实")!, severity: "error", note: "二级 资金落实 declares 8 but 资金到位率 5 + 到位及时率 4 = 9 (the two errors cancel in 投入 15, whichever level 投入 is compared with)" },
            { code: "GRADE_MISMATCH", cell: a.gradeCell, severity: "error", note: `total 92.4 − 3 (扣分项) = ${ta} is 良; the box ticks ☑优` },
          ],
        },
      },
      {
        sheet: b.sheet,
        expect: {
          template: true,
          about: `农村饮水安全, CLEAN with traps: 一级 labels with spaces and points (“投 入（15分）”) next to their 分值 cells; leaves sum to 91.6 and the 扣分项 deducts 2: total ${tb} is 良 and the box ticks ☑良 (ignoring the deduction would give 91.6, 优); a 预算执行率 third-level indicator whose rule text holds a rate.`,
          findings: [],
        },
      },
    ],
  };
}
