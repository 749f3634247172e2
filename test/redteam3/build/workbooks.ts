/** The four workbooks: every total recomputed and asserted while building (corpus2's kit), texts from texts.ts. */
import { Sheet, WorkbookModule, checkItems, weights, holds, rateHolds, scoreHolds, scoreBreaks, execScore, grade, round, ACHIEVED, PARTLY, AMOUNT_TOL } from "../../corpus2/build/lib";
import { NatItem } from "../../corpus3/build/national";
import { T } from "./texts";
import { BOX, national, sichuan, dept, hierarchical, ScItem, Dept, Level1 } from "./forms";

const x = (id: string) => {
  if (!T[id]) throw new Error(`no text ${id}`);
  return T[id].text;
};
/** A text that states the result must state the recomputed total (clean sheets) — asserted from the catalogue. */
function agrees(id: string, total: number): void {
  for (const s of T[id].scores) holds(`${id} score`, s, total, 0.005);
  for (const g of T[id].grades) if (g !== grade(total)) throw new Error(`${id}: grade ${g} vs ${grade(total)}`);
}
const TEXTS_IN = (ids: string[]) => ids.map((i) => `${i}`).join(", ");
const PARTLY_LOW: [number, number] = [0, 0.6];
const NONE = [] as const;

// ---------------------------------------------------------------- 01 national form
const PROJECT_DEPT: [string, string] = ["某市政务服务管理局", "某市12345政务服务便民热线中心"];
function hotline() {
  const items: NatItem[] = [
    { l1: "产出指标", l2: "数量指标", name: "来电受理量", target: "≥25万件", actual: "28.6万件", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "来电接通率", target: "≥98%", actual: "96.2%", weight: 15, score: 14.7, reason: x("T04"), exact: (15 * 96.2) / 98 },
    { l1: "产出指标", l2: "时效指标", name: "工单按时办结率", target: "≥95%", actual: "97.5%", weight: 10, score: 10, reason: null },
    { l1: "产出指标", l2: "成本指标", name: "年度运行成本", target: "≤180万元", actual: "178.2万元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "群众诉求解决率", target: "≥90%", actual: "93%", weight: 15, score: 15, reason: null },
    { l1: "效益指标", l2: "可持续影响指标", name: "平台稳定运行", target: "全年稳定运行", actual: "达成年度指标", weight: 15, score: 12.8, reason: "个别时段系统卡顿，影响来电转接。", band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "98.6%", weight: 10, score: 10, reason: null },
  ];
  const exec = 9.9;
  scoreHolds("热线 exec", exec, execScore(10, 178.2, 180));
  holds("热线 weights", weights(items), 90, 0.005);
  const ind = checkItems("热线", items);
  const total = round(exec + ind, 6);
  holds("热线 total", total, 97.4, 0.005);
  holds("热线 得分率 (T50)", round((ind / 90) * 100, 1), 97.2, 0.005);
  agrees("T03", total);
  const s = new Sheet("热线运行");
  const l = national(
    s,
    {
      title: "项目支出绩效自评表", year: "（2023年度）", project: "12345政务服务便民热线运行经费", dept: PROJECT_DEPT, unit: "万元",
      budget: [["年度资金总额", 180, 180, 178.2], ["其中：当年财政拨款", 180, 180, 178.2], ["上年结转资金", "/", "/", "/"], ["其他资金", "/", "/", "/"]],
      rate: { n: 0.99, fmt: "0.00%" }, execScore: exec, goal: [x("T01"), x("T02")], items, total, grade: BOX("优"), conclusion: x("T03"),
    },
    [["存在问题", x("T05")], ["改进措施", x("T06")], ["备注", x("T07")], [null, x("T50")]],
  );
  void l;
  return { s, total, ids: ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T50"] };
}

type Slots = { goal: string; result: string; conclusion: string; extra: [string | null, string][] };
const ROADS: Slots = { goal: "T08", result: "T09", conclusion: "T10", extra: [["存在问题", "T11"], ["改进措施", "T12"], ["备注", "T13"]] };
function roads(name = "农村公路养护", sl: Slots = ROADS) {
  const items: NatItem[] = [
    { l1: "产出指标", l2: "数量指标", name: "日常养护里程", target: "≥1200公里", actual: "1186公里", weight: 15, score: 14.8, reason: "部分路段因改建工程移交，养护里程减少14公里。", exact: (15 * 1186) / 1200 },
    { l1: "产出指标", l2: "质量指标", name: "优良中等路率", target: "≥85%", actual: "86.2%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "水毁修复及时率", target: "≥95%", actual: "76%", weight: 10, score: 8, reason: "汛期集中水毁点多，部分修复超过时限。", exact: (10 * 76) / 95 },
    { l1: "产出指标", l2: "成本指标", name: "每公里年养护成本", target: "≤0.45万元", actual: "0.45万元", weight: 10, score: 10, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "路面病害处治及时性", target: "及时", actual: "达成年度指标", weight: 10, score: 9, reason: x("T14"), band: ACHIEVED },
    { l1: "效益指标", l2: "可持续影响指标", name: "养护长效机制", target: "健全", actual: "部分达成年度指标并具有一定效果", weight: 20, score: 12, reason: "村道管护员制度尚未全覆盖。", band: PARTLY },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "沿线群众满意度", target: "≥90%", actual: "72%", weight: 10, score: 8, reason: "部分路段施工期间通行不便。", exact: (10 * 72) / 90 },
  ];
  const exec = 9.5;
  scoreHolds("公路 exec", exec, execScore(10, 532, 560));
  holds("公路 weights", weights(items), 90, 0.005);
  const total = round(exec + checkItems("公路", items), 6);
  holds("公路 total", total, 86.3, 0.005);
  agrees(sl.conclusion, total);
  const s = new Sheet(name);
  national(
    s,
    {
      title: "项目支出绩效自评表", year: "（2023年度）", project: "农村公路日常养护专项资金", dept: ["某县交通运输局", "某县农村公路管理所"], unit: "万元",
      budget: [["年度资金总额", 560, 560, 532], ["其中：当年财政拨款", 560, 560, 532], ["上年结转资金", "/", "/", "/"], ["其他资金", "/", "/", "/"]],
      rate: { n: 0.95, fmt: "0.00%" }, execScore: exec, goal: [x(sl.goal), x(sl.result)], items, total, grade: BOX("良"), conclusion: x(sl.conclusion),
    },
    sl.extra.map(([l, id]) => [l, x(id)]),
  );
  return { s, total, ids: [sl.goal, sl.result, sl.conclusion, ...sl.extra.map((e) => e[1]), "T14"] };
}

function food(name = "食品安全抽检", conclusion = "T17", fault = true, problems = "T18") {
  const items: NatItem[] = [
    { l1: "产出指标", l2: "数量指标", name: "监督抽检批次", target: "≥2100批次", actual: "2186批次", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "抽检合格率", target: "≥97%", actual: "98.1%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "第3季度前任务完成进度", target: "≥75%", actual: "72%", weight: 10, score: 9.6, reason: "第3季度部分样品送检延迟。", exact: (10 * 72) / 75 },
    { l1: "产出指标", l2: "成本指标", name: "单批次检验费用", target: "≤400元", actual: "386元", weight: 5, score: 5, reason: null },
    { l1: "效益指标", l2: "社会效益指标", name: "不合格产品核查处置率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: "效益指标", l2: "可持续影响指标", name: "抽检监管长效机制", target: "健全", actual: "达成年度指标", weight: 15, score: 12, reason: "抽检信息公开时效有待提高。", band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "91%", weight: 10, score: 10, reason: null },
  ];
  const exec = 9.8;
  scoreHolds("抽检 exec", exec, execScore(10, 84.28, 86));
  holds("抽检 weights", weights(items), 90, 0.005);
  const total = round(exec + checkItems("抽检", items), 6);
  holds("抽检 total", total, 96.4, 0.005);
  if (fault) scoreBreaks(`抽检 conclusion (${conclusion})`, T[conclusion].scores[0], total);
  else agrees(conclusion, total);
  if (grade(total) !== "优" || T[conclusion].grades[0] !== "优") throw new Error("抽检 grade");
  const s = new Sheet(name);
  const l = national(
    s,
    {
      title: "项目支出绩效自评表", year: "（2023年度）", project: "食品安全监督抽检经费", dept: ["某县市场监督管理局", "某县市场监督管理局"], unit: "万元",
      budget: [["年度资金总额", 86, 86, 84.28], ["其中：当年财政拨款", 86, 86, 84.28], ["上年结转资金", "/", "/", "/"], ["其他资金", "/", "/", "/"]],
      rate: { n: 0.98, fmt: "0.00%" }, execScore: exec, goal: [x("T15"), x("T16")], items, total, grade: BOX("优"), conclusion: x(conclusion),
    },
    [["存在问题", x(problems)], ["改进措施", x("T18")], [null, x("T51")]],
  );
  return { s, total, cell: `B${l.conclusionRow}`, ids: ["T15", "T16", conclusion, problems, "T51"] };
}

function w01(): WorkbookModule {
  const a = hotline();
  const b = roads();
  const c = food();
  return {
    file: "01_national_project.xlsx",
    title: "National project form (domain.md §1a, corpus3's writer) with the free-text rows offices add below it: 自评结论, 存在问题, 改进措施, 备注, 说明.",
    sheets: [
      { sheet: a.s, expect: { template: true, findings: [], about: `CLEAN, total ${a.total} (优). Texts ${TEXTS_IN(a.ids)}: a goal floor, a satisfaction 评价得分98.6分 in 实际完成情况 and in the conclusion's second line, 95分钟, indicator score in a reason cell, 差距/偏差, a 力争 goal, the band rule with a notice, a 得分率 note.` } },
      { sheet: b.s, expect: { template: true, findings: [], about: `CLEAN, total ${b.total} (良, ☑良). Texts ${TEXTS_IN(b.ids)}: 优良中等路率 (goal, result, indicator name), 优等路/良等路, 路况良好/环境优美/优化营商环境 inside the conclusion, sections graded 中 and a target 优 in 存在问题, a goal grade 优 in 改进措施, the form note 项目自评得分满分为100分.` } },
      {
        sheet: c.s,
        expect: {
          template: true,
          about: `Total ${c.total} (优). Texts ${TEXTS_IN(c.ids)}: years, 第3季度, batches, 满分100分, a signature line with a date and phone number.`,
          findings: [{ code: "CONCLUSION_SCORE_MISMATCH", cell: c.cell, severity: "error", note: `“经自评，该项目得分93.5分（满分100分），等级为优” vs the recomputed ${c.total}; the grade 优 is right` }],
        },
      },
    ],
  };
}

// ---------------------------------------------------------------- 02 四川 form
const SC_NOTE = "填表说明：1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。";
function hall() {
  const items: ScItem[] = [
    { l1: "产出指标", l2: "数量指标", name: "大厅服务窗口保障数", nature: "≥", target: 120, unit: "个", actual: "100%", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "设施设备完好率", nature: "≥", target: 98, unit: "%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "叫号系统升级按期完成率", nature: "＝", target: 100, unit: "%", actual: "80%", weight: 9, score: 7.2, reason: x("T52"), exact: 9 * 0.8 },
    { l1: "效益指标", l2: "社会效益指标", name: "群众办事便利度", nature: "定性", target: "明显提升", unit: "", actual: "达成年度指标", weight: 15, score: 14, reason: "个别时段排队等候时间较长。", band: ACHIEVED },
    { l1: "效益指标", l2: "可持续影响指标", name: "设施运行保障机制", nature: "定性", target: "健全", unit: "", actual: "达成年度指标", weight: 16, score: 14.9, reason: "维保响应制度需进一步细化。", band: ACHIEVED },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "办事群众满意度", nature: "≥", target: 95, unit: "%", actual: "100%", weight: 15, score: 15, reason: null },
  ];
  const exec = 9.9;
  scoreHolds("大厅 exec", exec, execScore(10, 316.8, 320));
  holds("大厅 weights", weights(items), 90, 0.005);
  const total = round(exec + checkItems("大厅", items), 6);
  holds("大厅 total", total, 96, 0.005);
  agrees("T19", total);
  const s = new Sheet("政务大厅运行保障");
  sichuan(s, { name: "政务服务大厅运行保障经费", dept: "某市政务服务和公共资源交易服务中心", budget: [300, 320, 316.8], execScore: exec, items, total, conclusion: x("T19"), problems: x("T20"), measures: x("T21"), note: SC_NOTE });
  rateHolds("大厅 rate", 99, 316.8, 320);
  return { s, total, ids: ["T19", "T20", "T21", "T52"] };
}
function procurement() {
  const items: ScItem[] = [
    { l1: "产出指标", l2: "数量指标", name: "组织采购项目数", nature: "≥", target: 180, unit: "个", actual: "100%", weight: 25, score: 25, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "采购程序合规率", nature: "＝", target: 100, unit: "%", actual: "100%", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "时效指标", name: "评审费用按时结算率", nature: "≥", target: 95, unit: "%", actual: "100%", weight: 15, score: 15, reason: null },
    { l1: "效益指标", l2: "经济效益指标", name: "节约财政资金率", nature: "≥", target: 5, unit: "%", actual: "100%", weight: 15, score: 15, reason: null },
    // ≥95 %, 完成值 94 %: the ratio reading gives 15 × 0.94 = 14.1 (the value reading 14.84); 14.1 fits one reading.
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "评审专家满意度", nature: "≥", target: 95, unit: "%", actual: "94%", weight: 15, score: 14.1, reason: "个别评审专家对结算时效提出意见。", exact: [15 * 0.94, (15 * 94) / 95] },
  ];
  const exec = 9.9;
  scoreHolds("采购 exec", exec, execScore(10, 148.5, 150));
  holds("采购 weights", weights(items), 90, 0.005);
  const total = round(exec + checkItems("采购", items), 6);
  holds("采购 total", total, 99, 0.005);
  agrees("T23", total);
  const s = new Sheet("政府采购工作经费");
  sichuan(s, { name: "政府采购工作经费", dept: "某市政务服务和公共资源交易服务中心", budget: [140, 150, 148.5], execScore: exec, items, total, conclusion: x("T23"), problems: x("T24"), measures: x("T25"), note: x("T26") });
  return { s, total, ids: ["T23", "T24", "T25", "T26"] };
}
function exchange() {
  const items: ScItem[] = [
    { l1: "产出指标", l2: "数量指标", name: "平台交易项目数", nature: "≥", target: 600, unit: "个", actual: "100%", weight: 20, score: 20, reason: null },
    { l1: "产出指标", l2: "质量指标", name: "系统可用率", nature: "≥", target: 99.9, unit: "%", actual: "90%", weight: 15, score: 13.5, reason: "第3季度机房停电两次，系统中断。", exact: 15 * 0.9 },
    { l1: "产出指标", l2: "时效指标", name: "故障响应及时率", nature: "≥", target: 95, unit: "%", actual: "80%", weight: 10, score: 8, reason: "运维单位响应时效与约定存在差距。", exact: 10 * 0.8 },
    { l1: "效益指标", l2: "社会效益指标", name: "交易全流程电子化率", nature: "＝", target: 100, unit: "%", actual: "80%", weight: 20, score: 16, reason: "部分小额采购仍为线下办理。", exact: 20 * 0.8 },
    { l1: "效益指标", l2: "可持续影响指标", name: "运维管理制度健全性", nature: "定性", target: "健全", unit: "", actual: "部分达成年度指标并具有一定效果", weight: 10, score: 7, reason: "运维考核办法尚未修订。", band: PARTLY },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "交易主体满意度", nature: "≥", target: 90, unit: "%", actual: "80%", weight: 15, score: 12, reason: "部分交易主体反映系统操作不便。", exact: 15 * 0.8 },
  ];
  const exec = 9.5;
  scoreHolds("交易 exec", exec, execScore(10, 190, 200));
  holds("交易 weights", weights(items), 90, 0.005);
  const total = round(exec + checkItems("交易", items), 6);
  holds("交易 total", total, 86, 0.005);
  scoreHolds("交易 T27 score agrees", T.T27.scores[0], total);
  if (grade(total) !== "良" || T.T27.grades[0] !== "优") throw new Error("交易 grade fault");
  const s = new Sheet("公共资源交易平台运维");
  const l = sichuan(s, { name: "公共资源交易平台运维经费", dept: "某市政务服务和公共资源交易服务中心", budget: [200, 200, 190], execScore: exec, items, total, conclusion: x("T27"), problems: x("T28"), measures: "加强运维考核，督促运维单位提高响应时效。", note: SC_NOTE });
  return { s, total, cell: `B${l.conclusionRow}`, ids: ["T27", "T28"] };
}
function w02(): WorkbookModule {
  const a = hall();
  const b = procurement();
  const c = exchange();
  return {
    file: "02_sichuan_project.xlsx",
    title: "四川 部门预算项目支出绩效自评表 (domain.md §1c, laid out as corpus2's 大英 sheet), with seed 002's 评价结论 / 存在问题 / 改进措施 wording.",
    sheets: [
      { sheet: a.s, expect: { template: true, findings: [], about: `CLEAN, total ${a.total}. Texts ${TEXTS_IN(a.ids)}: seed 002's own conclusion (环境优美), problems (偏差, 集中) and measures with a 力争 floor; 分3批/90万元 in a reason cell.` } },
      { sheet: b.s, expect: { template: true, findings: [], about: `CLEAN, total ${b.total}. Texts ${TEXTS_IN(b.ids)}: seed 002's conclusion (满意度达100%), a quoted scoring rule (自评得分…扣4分) in 改进措施, the band note as 填表说明.` } },
      {
        sheet: c.s,
        expect: {
          template: true,
          about: `Total ${c.total} (良). Texts ${TEXTS_IN(c.ids)}: a contractor's 考核得分88分 in 存在问题.`,
          findings: [{ code: "GRADE_MISMATCH", cell: c.cell, severity: "error", note: `“自评总分86分，自评等级为优”: 86 is right but 良 under every profile's bands` }],
        },
      },
    ],
  };
}

// ---------------------------------------------------------------- 03 部门整体
function deptSheet(name: string, d: Dept, where: string): { s: Sheet; total: number; conclusionRow: number } {
  const [tot, basic, proj] = d.rows;
  for (let k = 1; k <= 4; k++) holds(`${where} column ${k}`, tot[k] as number, (basic[k] as number) + (proj[k] as number), AMOUNT_TOL);
  for (const r of d.rows) holds(`${where} ${r[0]} 年初 + 调整`, r[1] + r[2], r[3], AMOUNT_TOL);
  scoreHolds(`${where} exec`, d.score, execScore(10, tot[4], tot[3]));
  holds(`${where} weights`, weights(d.items), 90, 0.005);
  const total = round(d.score + checkItems(where, d.items), 6);
  holds(`${where} total`, d.total, total, 0.005);
  const s = new Sheet(name);
  const l = dept(s, d);
  return { s, total, conclusionRow: l.conclusionRow };
}
function w03(): WorkbookModule {
  const gov: Dept = {
    name: "某市政务服务管理局",
    rows: [["年度资金总额", 2600, 85.4, 2685.4, 2630.69], ["基本支出年度资金总额", 1800, 40.2, 1840.2, 1830], ["项目支出年度资金总额", 800, 45.2, 845.2, 800.69]],
    score: 9.8,
    goal: [x("T29"), x("T30")],
    items: [
      { l1: "产出指标", l2: "数量指标", name: "政务服务事项进驻数", target: "≥1200项", actual: "1236项", weight: 15, score: 15, reason: null },
      { l1: "产出指标", l2: "质量指标", name: "政务服务事项网上可办率", target: "≥95%", actual: "97.3%", weight: 15, score: 15, reason: null },
      { l1: "产出指标", l2: "时效指标", name: "办件按时办结率", target: "≥98%", actual: "99.6%", weight: 10, score: 10, reason: null },
      { l1: "产出指标", l2: "成本指标", name: "“三公”经费支出", target: "≤15万元", actual: "13.8万元", weight: 10, score: 10, reason: null },
      { l1: "效益指标", l2: "社会效益指标", name: "“好差评”好评率", target: "≥98%", actual: "99.8%", weight: 15, score: 15, reason: null },
      { l1: "效益指标", l2: "可持续影响指标", name: "项目绩效目标编制质量", target: "科学细化", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 9.8, reason: "个别项目绩效目标设置不够细化。", band: PARTLY },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "办事群众满意度", target: "≥95%", actual: "96%", weight: 10, score: 10, reason: null },
    ],
    total: 94.6,
    grade: BOX("优"),
    conclusion: x("T31"),
    problems: x("T32"),
    measures: x("T33"),
  };
  const a = deptSheet("部门整体（政务服务局）", gov, "政务");
  agrees("T31", a.total);
  const justice: Dept = {
    name: "某县司法局",
    rows: [["年度资金总额", 1150, 42.6, 1192.6, 1156.42], ["基本支出年度资金总额", 800, 30, 830, 825], ["项目支出年度资金总额", 350, 12.6, 362.6, 331.42]],
    score: 9.7,
    goal: [x("T53"), x("T54")],
    items: [
      { l1: "产出指标", l2: "数量指标", name: "普法活动场次", target: "≥110场", actual: "120场", weight: 15, score: 15, reason: null },
      { l1: "产出指标", l2: "质量指标", name: "法律援助案件办结率", target: "=100%", actual: "100%", weight: 15, score: 15, reason: null },
      { l1: "产出指标", l2: "时效指标", name: "行政复议按期办结率", target: "≥95%", actual: "85%", weight: 10, score: 8.9, reason: "部分案件因补正材料延期。", exact: (10 * 85) / 95 },
      { l1: "产出指标", l2: "成本指标", name: "人均普法成本", target: "≤800元", actual: "760元", weight: 10, score: 10, reason: null },
      { l1: "效益指标", l2: "社会效益指标", name: "执法案卷评查合格率", target: "≥95%", actual: "96%", weight: 15, score: 15, reason: null },
      { l1: "效益指标", l2: "可持续影响指标", name: "基层法治建设长效机制", target: "健全", actual: "未达成年度指标且效果较差", weight: 15, score: 6.2, reason: "村（社区）法律顾问制度尚未全覆盖，人民调解员队伍不稳定。", band: PARTLY_LOW },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "80%", weight: 10, score: 8.9, reason: "部分群众对办事流程知晓度不高。", exact: (10 * 80) / 90 },
    ],
    total: 88.7,
    grade: BOX("良"),
    conclusion: x("T34"),
    problems: x("T35"),
    measures: x("T36"),
  };
  const b = deptSheet("部门整体（司法局）", justice, "司法");
  agrees("T34", b.total);
  rateHolds("司法 项目 rate (T35 91.4%)", 91.4, 331.42, 362.6);
  const agri: Dept = {
    name: "某县农业农村局",
    rows: [["年度资金总额", 5200, 310.5, 5510.5, 5400.29], ["基本支出年度资金总额", 1600, 50.5, 1650.5, 1640], ["项目支出年度资金总额", 3600, 260, 3860, 3760.29]],
    score: 9.8,
    goal: [x("T38"), "完成高标准农田建设2.3万亩，例行监测合格率98.6%，春耕补贴发放及时率90%。"],
    items: [
      { l1: "产出指标", l2: "数量指标", name: "高标准农田建设面积", target: "≥2万亩", actual: "2.3万亩", weight: 15, score: 15, reason: null },
      { l1: "产出指标", l2: "质量指标", name: "农产品例行监测合格率", target: "≥98%", actual: "98.6%", weight: 15, score: 15, reason: null },
      { l1: "产出指标", l2: "时效指标", name: "春耕补贴发放及时率", target: "≥95%", actual: "90%", weight: 10, score: 9.5, reason: "部分补贴第4季度才发放。", exact: (10 * 90) / 95 },
      { l1: "产出指标", l2: "成本指标", name: "亩均建设成本", target: "≤0.3万元", actual: "0.3万元", weight: 10, score: 10, reason: null },
      { l1: "效益指标", l2: "经济效益指标", name: "项目区农户户均增收", target: "≥1500元", actual: "1600元", weight: 15, score: 15, reason: null },
      { l1: "效益指标", l2: "可持续影响指标", name: "耕地保护长效机制", target: "健全", actual: "部分达成年度指标并具有一定效果", weight: 15, score: 9.3, reason: "田长制巡查记录不完整。", band: PARTLY },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "农户满意度", target: "≥90%", actual: "92%", weight: 10, score: 10, reason: null },
    ],
    total: 93.6,
    grade: BOX("优"),
    conclusion: x("T37"),
    problems: x("T39"),
    measures: "加快资金拨付进度，完善耕地保护巡查制度。",
  };
  const c = deptSheet("部门整体（农业农村局）", agri, "农业");
  scoreBreaks("农业 conclusion (T37)", T.T37.scores[0], c.total);
  if (grade(c.total) !== "优") throw new Error("农业 grade");
  return {
    file: "03_dept_overall.xlsx",
    title: "部门整体支出绩效自评表 (§1e block with 分值/得分 + the national indicator table; row labels 部门（单位）自评结论 / 自评存在问题 / 自评改进措施 of seed 002's 部门整体 form).",
    sheets: [
      { sheet: a.s, expect: { template: true, findings: [], about: `CLEAN, total ${a.total} (优). Texts T29–T33: a goal with a floor and a goal grade, “好差评”/差评, a conclusion with last year's score, the difference and five projects' scores and grades, another project's 良 in 存在问题, a rule on projects below 90.` } },
      { sheet: b.s, expect: { template: true, findings: [], about: `CLEAN, total ${b.total} (良, ☑良). Texts T34–T36, T53, T54: a three-line conclusion (一、自评得分：88.7分。二、自评等级：良。三、… 群众满意度良好 … 被评为优秀等次), 未达到“优”等次 in 存在问题, a goal grade 优 for 2024, 普法考核得分96分 in 实际完成情况.` } },
      {
        sheet: c.s,
        expect: {
          template: true,
          about: `Total ${c.total} (优). Texts T37–T39: the conclusion in full-width digits.`,
          findings: [{ code: "CONCLUSION_SCORE_MISMATCH", cell: `B${c.conclusionRow}`, severity: "error", note: `“整体支出绩效评价得分为９２．８分” (full-width) vs the recomputed ${c.total}; the grade 优 is right` }],
        },
      },
    ],
  };
}

// ---------------------------------------------------------------- 04 hierarchical
function w04(): WorkbookModule {
  const frame: Level1[] = [
    ["决策", 15, [
      ["绩效目标", 5, [["绩效目标合理性", 5, 5, x("T43"), null]]],
      ["预算编制", 10, [["预算编制科学性", 10, 9, "预算编制与履职目标衔接紧密得5分；预算编制依据充分、数据详实得5分，无依据或数据不实每项扣0.5分", "个别项目测算依据不足，扣1分。"]]],
    ]],
    ["过程", 35, [
      ["预算执行", 15, [["预算执行进度", 10, 9, x("T44"), x("T45")], ["政府采购合规性", 5, 5, x("T40"), null]]],
      ["资产与财务管理", 20, [["资产管理安全性", 8, 6.5, "资产保存完整、使用合规、配置合理、处置规范的得满分，每发现一项问题扣0.5分", x("T46")], ["廉政建设", 5, 5, x("T41"), null], ["财务管理制度健全性", 7, 7, "制度健全得7分，每缺一项扣1分，扣完为止", null]]],
    ]],
    ["产出", 30, [["履职产出", 30, [["重点工作完成率", 15, 13.5, "该项得分=重点工作完成率×标准分值(15分)", "2项重点工作延期至次年。"], ["数据共享交换量完成率", 15, 12, "完成目标得满分，未完成按完成比例得分", "部门数据接入进度滞后，完成率80%。"]]]]],
    ["效益", 20, [
      ["社会效益", 10, [["数据开放服务效果", 10, 8, "达成年度指标得8-10分，部分达成得6-8分，未达成得0-6分", "开放数据利用率不高。"]]],
      ["满意度", 10, [["服务对象满意度", 10, 7, x("T42"), "满意度调查结果为85%。"]]],
    ]],
  ];
  for (const [l1, w1, groups] of frame) {
    holds(`数据局 ${l1}`, w1, groups.reduce((a, g) => a + g[1], 0), 0.005);
    for (const [l2, w2, leaves] of groups) holds(`数据局 ${l2}`, w2, leaves.reduce((a, l) => a + l[1], 0), 0.005);
  }
  holds("数据局 一级", 100, frame.reduce((a, f) => a + f[1], 0), 0.005);
  const s = new Sheet("部门评价表（数据局）");
  const { items } = hierarchical(s, "某区数据局2023年度部门整体支出绩效评价指标评分表", frame, 87, BOX("良"), x("T47"), x("T48"));
  const total = round(checkItems("数据局", items), 6);
  holds("数据局 total", total, 87, 0.005);
  agrees("T48", total);
  return {
    file: "04_hierarchical.xlsx",
    title: "Hierarchical score table (domain.md §1d) in the shape of seed 001's 五华区区级预算支出部门评价表, its 评分标准 texts verbatim.",
    sheets: [
      { sheet: s, expect: { template: true, findings: [], about: `CLEAN, total ${total} (良, ☑良). Texts T40–T48: seed 001's rubrics (…终评结果等级不能评定为优, 满意度 ≥90分得10分 …), 扣分原因 “总分 8 分，自评得 6.5 分” (seed 003's wording) on the 8-point leaf, the band line, and 评价结论 “…扣1分、资产管理扣1.5分，自评得分87分，…自评结果：良好”.` } },
    ],
  };
}

// ---------------------------------------------------------------- 05 round 2
function w05(): WorkbookModule {
  const a = roads("农村公路养护（二）", { goal: "T60", result: "T61", conclusion: "T62", extra: [["存在问题", "T63"], ["改进措施", "T64"], ["备注", "T65"]] });
  const b = food("食品安全抽检（二）", "T66");
  const c = food("食品安全抽检（三）", "T67", false, "T68");
  return {
    file: "05_round2.xlsx",
    title: "Round 2: the national form of 01 again (same items and totals) with texts of the families the first run and a readSentence probe pointed at — grades of goals, of last year, of sub-projects and contractors; rules about projects below a score or with a grade; a result stated grade first.",
    sheets: [
      { sheet: a.s, expect: { template: true, findings: [], about: `CLEAN, total ${a.total} (良, ☑良). Texts ${TEXTS_IN(a.ids)}: 力争…等级为优 (goal), a contractor's 考核结果为优秀, last year's 自评等级为优 in the conclusion, 自评得分未达到90分的项目 (rule), 自评等级为优的项目 (rule), a sub-project's 等级为中.` } },
      {
        sheet: b.s,
        expect: {
          template: true,
          about: `Total ${b.total} (优). The conclusion states grade first, score after.`,
          findings: [{ code: "CONCLUSION_SCORE_MISMATCH", cell: b.cell, severity: "error", note: `“经综合评定，该项目绩效等级为“优”，得分94.5分” vs the recomputed ${b.total}; the grade 优 is right` }],
        },
      },
      { sheet: c.s, expect: { template: true, findings: [], about: `CLEAN, total ${c.total} (优). The conclusion (T67) states last year's 88分 / 良 first, then this year's ${c.total} / 优; 存在问题 (T68) names last year's grade 良.` } },
    ],
  };
}

export function modules(): WorkbookModule[] {
  return [w01(), w02(), w03(), w04(), w05()];
}
void NONE;
