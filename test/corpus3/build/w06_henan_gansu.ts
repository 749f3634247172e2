/** 河南 and 甘肃 variants of the national form: a two-row budget header, a stale 总分 formula, a top 自评得分 field, an error value. */
import { Sheet, WorkbookModule, fx, pct, checkItems, weights, holds, breaks, rateHolds, scoreHolds, scoreBreaks, execScore, AMOUNT_TOL, grade, round } from "../../corpus2/build/lib";
import { writeNational, NatForm, BOX } from "./national";

/** 河南 A. Faults: execution score 10 for 91.00 %; 总分 =H7+SUM(H14:H20) misses the row inserted at 21. */
const training: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "基层农技推广体系改革与建设补助项目",
  dept: ["某县农业农村局", "某县农业技术推广中心"],
  unit: "万元",
  twoRowHeader: true,
  budget: [
    ["年度资金总额", 300, 320, 291.2],
    ["其中：当年财政拨款", 300, 300, 275.2],
    ["上年结转资金", 0, 20, 16],
    ["其他资金", "—", "—", "—"],
  ],
  rate: pct(0.91),
  execScore: 10,
  goal: ["培训基层农技人员500人以上，推广新技术10万亩。", "培训520人，推广新技术9.2万亩。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "培训基层农技人员", target: "≥500人", actual: "520人", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "培训考核合格率", target: "≥95%", actual: "96%", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "培训按期完成率", target: "=100%", actual: "100%", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "成本指标", name: "人均培训成本", target: "≤1200元", actual: "1150元", weight: 15, score: 15, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "新技术推广面积", target: "≥10万亩", actual: "9.2万亩", weight: 15, score: 13.8, reason: "春季干旱推迟部分示范田播种。", exact: (15 * 9.2) / 10 },
    { l1: "效益指标", l2: "可持续影响指标", name: "农技服务体系运行", target: "持续稳定", actual: "达成年度指标", weight: 15, score: 13.5, reason: "乡镇农技站人员流动较大。", band: [0.8, 1.0001] },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%", actual: "95%", weight: 5, score: 5, reason: null },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "服务农户满意度", target: "≥90%", actual: "92%", weight: 5, score: 5, reason: null },
  ],
  total: fx("H7+SUM(H14:H20)"),
};

/** 河南 B, clean: spending above the budget (rate 101.20 %, score capped at 10), a score typed as text. */
const office: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "机关运转保障经费",
  dept: ["某县人民政府办公室", "某县机关事务服务中心"],
  unit: "万元",
  twoRowHeader: true,
  budget: [
    ["年度资金总额", 85, 85, 86.02],
    ["其中：当年财政拨款", 80, 80, 80],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 5, 5, 6.02],
  ],
  rate: "101.20%",
  execScore: 10,
  goal: ["保障机关办公设备120台以上正常运转，项目绩效评价得分不低于90分。", "保障设备126台，公用经费超支1.2%（其他资金弥补）。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "保障办公设备台数", target: "≥120台", actual: "126台", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "设备完好率", target: "≥95%", actual: "97%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "设备采购完成时间", target: "2023年6月30日前", actual: "已完成", weight: 10, score: 10, reason: null },
    // ≤100 %, 101.2 %: 10 × 100 ÷ 101.2 = 9.88 or 10 × (1 − 1.2 ÷ 100) = 9.88; stated “9.9” (text, one decimal).
    { l1: "产出指标", l2: "成本指标", name: "公用经费控制率", target: "≤100%", actual: "101.2%", weight: 10, score: 9.9, reason: "冬季取暖费上涨，已由其他资金弥补。", exact: [(10 * 100) / 101.2, 10 * (1 - 1.2 / 100)] },
    { l1: "效益指标", l2: "社会效益指标", name: "保障机关正常运转", target: "有效保障", actual: "达成年度指标", weight: 20, score: 18, reason: "个别会议室设备老化，下年度更新。", band: [0.8, 1.0001] },
    { l1: "效益指标", l2: "可持续影响指标", name: "节能降耗", target: "能耗同比下降", actual: "部分达成年度指标并具有一定效果", weight: 10, score: 7, reason: "用电量同比仅下降0.8%。", band: [0.6, 0.8] },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "干部职工满意度", target: "≥90%", actual: "93%", weight: 10, score: 10, reason: null },
  ],
  total: 94.9,
  grade: "优",
};

/** 甘肃 A. Faults: top 自评得分 97.64 for 96.74; indicator weights 88 (+ 10) against the table's 100. */
const toilets: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "农村户厕改造奖补资金",
  dept: ["某县农业农村局", "某县农村人居环境整治办公室"],
  unit: "万元",
  top: ["97.64分", BOX("优")],
  budget: [
    ["年度资金总额", 150, 150, 147.63],
    ["其中：当年财政拨款", 150, 150, 147.63],
    ["上年结转资金", 0, 0, 0],
    ["其他资金", 0, 0, 0],
  ],
  rate: pct(0.9842),
  subRates: [pct(0.9842), pct(0), pct(0)],
  execScore: 9.84,
  goal: ["改造农村卫生户厕800户，验收合格率95%以上。", "改造812户，合格率97%，粪污无害化处理率80%。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "改造农村户厕数", target: "≥800户", actual: "812户", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "改厕验收合格率", target: "≥95%", actual: "97%", weight: 13, score: 13, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "改厕完工及时率", target: "≥90%", actual: "94%", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "成本指标", name: "户均奖补标准", target: "≤1800元", actual: "1800元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "卫生厕所普及率提升", target: "≥3个百分点", actual: "3.2个百分点", weight: 15, score: 15, reason: null },
    { l1: "效益指标", l2: "生态效益指标", name: "粪污无害化处理率", target: "≥85%", actual: "80%", weight: 15, score: 14.1, reason: "部分偏远村清掏服务未全覆盖。", exact: [(15 * 80) / 85, 15 * 0.8] },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "改厕农户满意度", target: "≥90%", actual: "88%", weight: 10, score: 9.8, reason: "少数农户反映冬季防冻效果不佳。", exact: [(10 * 88) / 90, 8.8] },
  ],
  total: 96.74,
};

/** 甘肃 B. Faults: 全年预算数 320.00 vs 其中 300.00 + 20.02; 执行率 a broken formula (#REF!). */
const squares: NatForm = {
  title: "项目支出绩效自评表",
  year: "（2023年度）",
  project: "村级综合文化广场建设项目",
  dept: ["某县文化广电和旅游局", "某县文化馆"],
  unit: "万元",
  budget: [
    ["年度资金总额", 320, 320, 300],
    ["其中：当年财政拨款", 300, 300, 282.5],
    ["上年结转资金", 20, 20.02, 17.5],
    ["其他资金", 0, 0, 0],
  ],
  rate: fx("F6/#REF!", "0.00%"),
  execScore: 9.4,
  goal: ["新建村级综合文化广场8个，按期完工率90%以上。", "建成8个，按期完工率87.5%（1个受征地影响延期）。"],
  items: [
    { l1: "产出指标", l2: "数量指标", name: "新建村级文化广场", target: "=8个", actual: "8个", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "工程验收合格率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "按期完工率", target: "≥90%", actual: "87.5%", weight: 10, score: 9.72, reason: "1个广场受征地协调影响延期1个月完工。", exact: [(10 * 87.5) / 90, 8.75] },
    { l1: "产出指标", l2: "成本指标", name: "单个广场建设成本", target: "≤40万元", actual: "37.5万元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "受益群众人数", target: "≥2万人", actual: "2.3万人", weight: 15, score: 15, reason: null },
    { l1: "效益指标", l2: "可持续影响指标", name: "竣工验收完成时间", target: "2023年10月31日前", actual: "2023年10月26日", weight: 15, score: 15, reason: null },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10, reason: null },
  ],
  total: 99.12,
  conclusion: "项目年度预算320万元，实际支出300万元，执行率93.75%，建成广场8个，自评得分为99.12分，自评等级为“优”。",
};

export function henanGansu(): WorkbookModule {
  const a = new Sheet("河南-农技推广");
  a.widths = [8, 16, 16, 22, 14, 14, 8, 10, 28];
  const la = writeNational(a, training);
  if (la.budgetRows[0] !== 7 || training.items[0].row !== 14 || training.items[7].row !== 21) throw new Error(`河南 A layout ${la.budgetRows} ${training.items[0].row}`);
  holds("河南 A 全年 其中", 320, 300 + 20, AMOUNT_TOL);
  holds("河南 A 执行 其中", 291.2, 275.2 + 16, AMOUNT_TOL);
  rateHolds("河南 A rate", 91, 291.2, 320);
  scoreBreaks("河南 A execution score", 10, execScore(10, 291.2, 320), "over");
  holds("河南 A weights", weights(training.items), 90, 0.005);
  const items = checkItems("河南 A", training.items);
  const ta = round(10 + items, 6);
  const rule = round(9.1 + items, 6);
  // One reason, merged over the two adjacent indicators scored below their weight.
  const [tech, system] = [training.items[4], training.items[5]];
  if (system.row !== tech.row! + 1 || !tech.reason || !system.reason) throw new Error("河南 A reasons");
  a.set(`I${tech.row}`, "春季干旱推迟部分示范田播种；乡镇农技站人员流动较大，下年度充实基层农技队伍。");
  a.merge(`I${tech.row}:I${system.row}`);
  const stale = a.num(`H${la.sumRow}`);
  holds("河南 A stale formula misses the last row", stale, ta - 5, 0.005);
  scoreBreaks("河南 A 总分 vs the stated scores", stale, ta);
  scoreBreaks("河南 A 总分 vs the rule's execution score", stale, rule);
  grade(ta);
  grade(rule);

  const b = new Sheet("河南-机关运转");
  b.widths = a.widths;
  writeNational(b, office);
  holds("河南 B 全年 其中", 85, 80 + 0 + 5, AMOUNT_TOL);
  holds("河南 B 执行 其中", 86.02, 80 + 0 + 6.02, AMOUNT_TOL);
  rateHolds("河南 B rate above 100 %", 101.2, 86.02, 85);
  scoreHolds("河南 B execution score (capped)", 10, execScore(10, 86.02, 85));
  holds("河南 B weights", weights(office.items), 90, 0.005);
  const tb = round(10 + checkItems("河南 B", office.items), 6);
  holds("河南 B 总分", 94.9, tb, 0.005);
  grade(tb);
  // The 9.9 of 公用经费控制率 is typed as text.
  const cost = office.items.find((i) => i.name === "公用经费控制率")!;
  b.set(`H${cost.row}`, "9.9");
  // Line breaks and spaces inside header labels, as staff re-word them; a stray apostrophe and words in targets.
  for (const [cell, text] of [["E5", "全年\n执行数"], ["D6", "全年\n预算数"], ["A13", "绩 效 指 标"], ["F13", "实际\n完成值"], ["I13", "偏差原因分析\n及改进措施"]]) {
    if (b.value(cell) === null) throw new Error(`河南 B ${cell} is empty`);
    b.set(cell, text);
  }
  b.set(`E${office.items[0].row}`, "’≥120台");
  b.set(`E${office.items[1].row}`, "大于等于95%");
  b.set(`H${office.items[0].row}`, "15分");
  b.set(`G${office.items[1].row}`, "15分");
  const sumLabel = `A${office.items[office.items.length - 1].row! + 1}`;
  if (b.value(sumLabel) !== "总分") throw new Error("河南 B 总分 label");
  b.set(sumLabel, "总　分");

  const c = new Sheet("甘肃-农村改厕");
  c.widths = a.widths;
  const lc = writeNational(c, toilets);
  rateHolds("甘肃 A rate", 98.42, 147.63, 150);
  scoreHolds("甘肃 A execution score", 9.84, execScore(10, 147.63, 150));
  const w = weights(toilets.items);
  breaks("甘肃 A weights", 10 + w, 100, 0.005);
  const tc = round(9.84 + checkItems("甘肃 A", toilets.items), 6);
  holds("甘肃 A 总分", 96.74, tc, 0.005);
  scoreBreaks("甘肃 A 自评得分", 97.64, tc);
  if (grade(tc) !== "优" || grade(97.64) !== "优") throw new Error("甘肃 A grade");

  const d = new Sheet("甘肃-文化广场");
  d.widths = a.widths;
  const ld = writeNational(d, squares);
  if (ld.budgetRows[0] !== 6) throw new Error("甘肃 B layout");
  const broken = d.value(`G${ld.budgetRows[0]}`) as { error?: string };
  if (!broken || typeof broken !== "object" || !broken.error) throw new Error(`甘肃 B rate is not an error value: ${JSON.stringify(broken)}`);
  breaks("甘肃 B 全年 其中", 320, 300 + 20.02 + 0, AMOUNT_TOL);
  holds("甘肃 B 年初 其中", 320, 300 + 20 + 0, AMOUNT_TOL);
  holds("甘肃 B 执行 其中", 300, 282.5 + 17.5 + 0, AMOUNT_TOL);
  scoreHolds("甘肃 B execution score on the stated 全年", 9.4, execScore(10, 300, 320));
  scoreHolds("甘肃 B execution score on the 其中 sum", 9.4, execScore(10, 300, 320.02));
  holds("甘肃 B weights", weights(squares.items), 90, 0.005);
  const td = round(9.4 + checkItems("甘肃 B", squares.items), 6);
  holds("甘肃 B 总分", 99.12, td, 0.005);
  grade(td);

  return {
    file: "06_henan_gansu.xlsx",
    title:
      "河南 and 甘肃: 项目支出绩效自评表 — **reconstructed** from domain.md §1a (the search found only the opening of 郑州市市级预算绩效评价管理办法 (郑财绩〔2020〕1号, http://zygl0371.com/news_show.aspx?id=866) for 河南 and nothing for 甘肃; see README). Variants: a two-row budget header (预算数 over 年初预算数 | 全年预算数, the other headers merged down), a 总分 formula left stale after a row was inserted, a top 自评得分 | 自评等级 line, a rate formula broken to #REF!.",
    sheets: [
      {
        sheet: a,
        expect: {
          template: true,
          about: `Two-row budget header; one 偏差原因 cell merged over the two indicators scored below weight (新技术推广面积 13.8, 农技服务体系运行 13.5). 291.20 ÷ 320.00 = 91.00 % (%-formatted 0.91). Recomputed total with the execution score as stated: 10 + ${items} = ${ta} (${rule} with the rule's 9.1).`,
          findings: [
            { code: "EXEC_SCORE_MISMATCH", cell: `H${la.budgetRows[0]}`, severity: "error", note: "10 × 91.00 % = 9.1 (9.1, 9 accepted); stated 10 (over-scored)" },
            { code: "TOTAL_MISMATCH", cell: `H${la.sumRow}`, severity: "error", note: `总分 =H7+SUM(H14:H20) shows ${stale}: the 服务农户满意度 row (21, score 5) was inserted below the formula's range; recomputed ${ta} (or ${rule} with the rule's execution score) — wrong under either reading` },
          ],
        },
      },
      {
        sheet: b,
        expect: {
          template: true,
          about: `CLEAN with traps: two-row budget header with line breaks inside labels (“全年\n执行数”, “全年\n预算数”), “绩 效 指 标” with spaces, “实际\n完成值”; a target with a stray apostrophe “’≥120台” and one in words “大于等于95%”; a date target “2023年6月30日前” met by “已完成”; spending above the budget (86.02 ÷ 85.00 = 101.20 %, text “101.20%”), execution score capped at 10; 其中 rows summing with 其他资金 6.02; a ≤100 % cost rate achieved 101.2 % scored “9.9” (text; 9.88 by either reverse rule); a score typed “15分” and a weight typed “15分”; the total label “总\u3000分” (full-width space); 部分达成 at 7 of 10; total ${tb}; 自评等级 plain text “优”; the 预期目标 text sets a floor “项目绩效评价得分不低于90分” — a goal, not a statement of the score, and true anyway (${tb} ≥ 90).`,
          findings: [],
        },
      },
      {
        sheet: c,
        expect: {
          template: true,
          about: `Top line 自评得分 | “97.64分” (text) | 自评等级 | ☑优. The 其中 rows carry their own rates: 98.42 % and 0.00 % on the two rows with no budget (fine, domain.md). 147.63 ÷ 150.00 = 98.42 %, score 9.84; total 9.84 + ${round(tc - 9.84, 6)} = ${tc} (总分 right).`,
          findings: [
            { code: "HEADER_SCORE_MISMATCH", cell: `B${lc.topRow}`, severity: "error", note: `自评得分 97.64 vs recomputed ${tc} (digits swapped; both 优, so the ticked grade is right)` },
            { code: "WEIGHT_TOTAL_MISMATCH", cell: `G${lc.sumRow}`, severity: "error", note: `indicator weights 15 + 13 + 10 + 10 + 15 + 15 + 10 = ${w} plus the execution 分值 10 make ${10 + w}, against the 总分 row's 100 (90 for the indicators). No first-level label declares a weight, so no section finding` },
          ],
        },
      },
      {
        sheet: d,
        expect: {
          template: true,
          about: `执行数 300.00 of 全年 320.00 (93.75 %; 93.74 % on the 其中 sum 320.02): the execution score 9.4 fits either. Total ${td}; a date target “2023年10月31日前” met on “2023年10月26日” (full 15); a 自评结论 sentence with several numbers before the score (“预算320万元，实际支出300万元，执行率93.75%，建成广场8个，自评得分为99.12分，自评等级为“优””) — right.`,
          findings: [
            { code: "BUDGET_SUM_MISMATCH", cell: `D${ld.budgetRows[0]}`, severity: "error", note: "全年预算数 320.00 ≠ 其中 300.00 + 20.02 + 0 = 320.02 (0.02 万元 off, tolerance 0.01)" },
            { code: "UNREADABLE_VALUE", cell: `G${ld.budgetRows[0]}`, severity: "error", note: "执行率 is =F6/#REF! (a reference lost when a column was deleted), cached #REF!; only UNREADABLE_VALUE for that cell (the amounts give 93.75 %)" },
          ],
        },
      },
    ],
  };
}
