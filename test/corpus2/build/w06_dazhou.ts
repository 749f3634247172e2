/** 四川 达州: 部门整体支出绩效评价得分表 — no weight column, every weight inside a label at all three levels. */
import { Sheet, WorkbookModule, Item, checkItems, holds, breaks, grade, round, RUBRIC, scoreBreaks } from "./lib";

type Leaf = [name: string, weight: number, score: number, fault?: "exceeds"];
const frame: [string, number, [string, number, Leaf[]][]][] = [
  [
    "部门决策",
    25,
    [
      ["目标任务", 15, [["相关性", 5, 5], ["明确性", 5, 4.5], ["合理性", 5, 4]]],
      ["预算编制", 10, [["测算依据", 5, 4.5], ["目标管理", 5, 4]]],
    ],
  ],
  [
    "综合管理",
    30,
    [
      // Fault: 中期评估 scores 3 against its 2 分.
      ["资金管理", 12, [["专项资金分配时限", 2, 2], ["中期评估", 2, 3, "exceeds"], ["绩效监控", 5, 4.5], ["非税收入执收情况", 3, 3]]],
      ["资产及制度管理", 18, [["资产管理", 6, 5], ["内控制度管理", 4, 4], ["信息公开", 4, 3.5], ["绩效评价", 4, 3.5]]],
    ],
  ],
  [
    "部门绩效情况",
    45,
    [
      ["履职成效", 20, [["农业技术推广覆盖面", 10, 9.5], ["重大动物疫病防控", 10, 10]]],
      ["可持续发展能力", 15, [["人才队伍建设", 5, 4], ["制度建设", 5, 5], ["信息化建设", 5, 3.5]]],
      ["满意度", 10, [["协作部门满意度", 3, 3], ["管理对象满意度", 3, 2.8], ["社会公众满意度", 4, 3.6]]],
    ],
  ],
];

export function dazhou(): WorkbookModule {
  const s = new Sheet("部门整体支出绩效评价得分表");
  s.widths = [20, 24, 26, 10];
  s.mergeRow(s.row("部门整体支出绩效评价得分表"), 1, 4);
  s.mergeRow(s.row("单位名称：达州市某区农业农村局（2023年度）"), 1, 4);
  s.row("一级指标", "二级指标", "三级指标", "得分");
  const items: Item[] = [];
  let exceedsCell = "";
  let total1 = 0;
  for (const [l1, w1, groups] of frame) {
    const first1 = s.next;
    let sum2 = 0;
    for (const [l2, w2, leaves] of groups) {
      const first2 = s.next;
      for (const [name, w, score, fault] of leaves) {
        const r = s.row(`${l1}(${w1}分)`, `${l2}(${w2}分)`, `${name}(${w}分)`, score);
        // Scores below the weight are explained in the report text, not on this form (it has no reason column).
        items.push({ name, weight: w, score, actual: "—", reason: "见自评报告", fault, row: r, band: fault ? undefined : RUBRIC });
        if (fault) exceedsCell = `D${r}`;
      }
      holds(`达州 ${l2}`, w2, leaves.reduce((a, l) => a + l[1], 0), 0.005);
      sum2 += w2;
      s.merge(`B${first2}:B${s.next - 1}`);
    }
    holds(`达州 ${l1}`, w1, sum2, 0.005);
    total1 += w1;
    s.merge(`A${first1}:A${s.next - 1}`);
  }
  holds("达州 100", total1, 100, 0.005);
  const recomputed = round(checkItems("达州", items), 6);
  holds("达州 capped sum", recomputed, 90.9, 0.005);
  const stated = 90.09;
  scoreBreaks("达州 合计 (digits slipped), under any rounding", stated, recomputed);
  breaks("达州 合计 is not the uncapped sum either", stated, round(recomputed + 1, 6), 0.005);
  const sumRow = s.row("合计", null, null, stated);
  s.mergeRow(sumRow, 1, 3);
  const sentence = `评价结论：本部门对2023年度部门整体支出开展绩效自评，自评得分${recomputed}分，部门整体支出绩效总体较好。`;
  s.mergeRow(s.row(sentence), 1, 4);
  grade(recomputed);

  return {
    file: "06_sichuan_dazhou_score.xlsx",
    title:
      "四川 达州: 部门整体支出绩效评价得分表 (sources: the blank frame on http://nyj.dazhou.gov.cn/xxgk-show-16453.html and a filled copy on https://wanglu.net/thread/t12-491155-4.html; docs/forms.md sichuan-dept-score): `一级指标 | 二级指标 | 三级指标 | 得分` with every weight inside a label (部门决策(25分) › 目标任务(15分) › 相关性(5分)); 合计 and the report's sentence “自评得分X分” modelled.",
    sheets: [
      {
        sheet: s,
        expect: {
          template: true,
          about: `达州 frame with second levels regrouped (资金管理(12分), 资产及制度管理(18分)); weights at all three levels consistent; every score inside [0, weight] except the fault; the conclusion sentence states the right total ${recomputed}.`,
          findings: [
            { code: "SCORE_EXCEEDS_WEIGHT", cell: exceedsCell, severity: "error", note: "中期评估(2分) scores 3 (the weight is only in the label)" },
            { code: "TOTAL_MISMATCH", cell: `D${sumRow}`, severity: "error", note: `合计 says 90.09; the scores, 中期评估 capped at 2, sum to 22 + 27.5 + 41.4 = ${recomputed} (the sentence says ${recomputed}; 90.09 is neither the capped 90.9 nor the uncapped 91.9)` },
          ],
        },
      },
    ],
  };
}
