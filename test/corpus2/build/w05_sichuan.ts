/** 四川: 中江 (national form for 衔接资金) and 遂宁 大英 (部门预算项目支出绩效自评表). */
import { Sheet, WorkbookModule, Item, Value, fx, checkItems, weights, holds, breaks, rateHolds, scoreHolds, execScore, grade, round, ACHIEVED } from "./lib";

// ---------------- 中江 ----------------
interface ZRow extends Item {
  l2: string;
  target: string;
}
const zhongjiangSections: { label: string; declared: number; items: (ZRow | { l2: string; empty: true })[] }[] = [
  {
    label: "产出指标(50分)",
    declared: 50,
    items: [
      { l2: "数量指标", name: "渠系改造长度", target: "≥4.2公里", actual: "≥4.3公里", weight: 12.5, score: 12.5, reason: null },
      { l2: "数量指标", name: "新建量水计量设施", target: "≥36处", actual: "≥36处", weight: 12.5, score: 12.5, reason: null },
      { l2: "质量指标", name: "工程验收合格率", target: "≥95%", actual: "≥98%", weight: 12.5, score: 12.5, reason: null },
      { l2: "时效指标", name: "项目完工及时率", target: "=100%", actual: "100%", weight: 12.5, score: 12.5, reason: null },
    ],
  },
  {
    // Fault: the label declares 35 分; its indicators weigh 15 + 15 = 30 (the note under the table says 30).
    label: "效益指标(35分)",
    declared: 35,
    items: [
      { l2: "经济效益指标", empty: true },
      // 15 × 962 ÷ 1000 = 14.43.
      { l2: "社会效益指标", name: "受益人口", target: "≥1000人", actual: "962人", weight: 15, score: 14.43, reason: "部分农户外出务工，实际受益人口略低于目标。", exact: (15 * 962) / 1000 },
      { l2: "可持续影响指标", name: "工程设计使用年限", target: "≥15年", actual: "≥15年", weight: 15, score: 15, reason: null },
    ],
  },
  { label: "满意度指标(10分)", declared: 10, items: [{ l2: "服务对象满意度指标", name: "受益群众满意度", target: "≥90%", actual: "≥95%", weight: 10, score: 10, reason: null }] },
];

function zhongjiang(): { sheet: Sheet; rateCell: string; labelCell: string; total: number } {
  const s = new Sheet("中江-灌区渠系改造");
  s.widths = [8, 16, 16, 22, 8, 14, 14, 10, 30];
  s.mergeRow(s.row("绩效目标自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  s.mergeRow(s.row("项目名称", "中江县2023年衔接资金灌区末级渠系改造项目"), 2, 9);
  const r4 = s.row("主管部门", "中江县水利局", null, null, "实施单位", "中江县水利局");
  s.mergeRow(r4, 2, 4);
  s.mergeRow(r4, 6, 9);
  const head = s.row("资金情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分");
  s.mergeRow(head, 7, 9);
  const total = s.next;
  // The rate formula lost its row when a row was inserted above: it divides by the header text → #VALUE!.
  s.mergeRow(s.row(null, "年度资金总额:", 120, 118.36, 10, fx(`D${total}/C${head}`, "0.00%"), 9.86), 7, 9);
  s.mergeRow(s.row(null, "其中:本年财政拨款", 120, 118.36, null, null, "—"), 7, 9);
  s.mergeRow(s.row(null, "其他资金", null, null, null, null, "—"), 7, 9);
  s.merge(`A${head}:B${head}`);
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const g1 = s.row("年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述");
  s.mergeRow(g1, 2, 5);
  s.mergeRow(g1, 6, 9);
  const g2 = s.row(null, "改造末级渠系4.2公里，新建量水设施36处，受益人口1000人以上。", null, null, null, "改造渠系4.3公里，新建量水设施36处，受益人口962人。");
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g1}:A${g2}`);
  const ih = s.row("绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施");
  const items: ZRow[] = [];
  let labelCell = "";
  for (const sec of zhongjiangSections) {
    const first = s.next;
    for (const it of sec.items) {
      if ("empty" in it) s.row(null, sec.label, it.l2);
      else {
        it.row = s.row(null, sec.label, it.l2, it.name, it.weight, it.target, it.actual, it.score, it.reason);
        items.push(it);
      }
    }
    if (sec.declared === 35) labelCell = `B${first}`;
    s.merge(`B${first}:B${s.next - 1}`);
  }
  s.row(null, "……");
  s.merge(`A${ih}:A${s.next - 1}`);
  const sumRow = s.row("总分", null, null, null, 100, null, null, 99.29);
  s.mergeRow(sumRow, 1, 4);
  s.mergeRow(
    s.row("注：一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分。定性指标按100-80%(含80%)、80-60%(含60%)、60-0%三档合理确定分值。"),
    1,
    9,
  );

  // Arithmetic.
  const rate = s.value(`F${total}`);
  if (!(typeof rate === "object" && rate !== null && (rate as { error: string }).error === "#VALUE!")) throw new Error(`中江 rate should be #VALUE!, is ${JSON.stringify(rate)}`);
  scoreHolds("中江 execution score", 9.86, execScore(10, 118.36, 120));
  holds("中江 weights", 10 + weights(items), 100, 0.005);
  for (const sec of zhongjiangSections) {
    const w = weights(sec.items.filter((i): i is ZRow => !("empty" in i)));
    if (sec.declared === 35) breaks("中江 效益 label", 35, w, 0.005);
    else holds(`中江 ${sec.label}`, sec.declared, w, 0.005);
  }
  const recomputed = round(9.86 + checkItems("中江", items), 6);
  holds("中江 总分", s.num(`H${sumRow}`), recomputed, 0.005);
  grade(recomputed);
  return { sheet: s, rateCell: `F${total}`, labelCell, total: recomputed };
}

// ---------------- 遂宁 大英 ----------------
interface SRow extends Item {
  l1: string;
  l2: string;
  nature: string;
  target: Value;
  unit: string;
}
const pensionItems: SRow[] = [
  { l1: "产出指标", l2: "数量指标", name: "参保缴费职工人数", nature: "＝", target: 126, unit: "人", actual: "100%", weight: 22.5, score: 22.5, reason: null },
  { l1: "产出指标", l2: "时效指标", name: "按月足额缴纳率", nature: "≥", target: 100, unit: "%", actual: "100%", weight: 22.5, score: 22.5, reason: null },
  { l1: "效益指标", l2: "社会效益指标", name: "保障职工养老保险权益", nature: "定性", target: "有效保障", unit: "", actual: "达成年度指标", weight: 22.5, score: 22.5, reason: null, band: ACHIEVED },
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "职工满意度", nature: "≥", target: 90, unit: "%", actual: "100%", weight: 22.5, score: 22.5, reason: null },
];

function suining(): { sheet: Sheet; reasonCell: string; total: number } {
  const s = new Sheet("大英-养老保险缴费");
  s.widths = [14, 16, 12, 22, 8, 10, 8, 10, 8, 8, 26];
  s.mergeRow(s.row("部门预算项目支出绩效自评表"), 1, 11);
  s.mergeRow(s.row("（2023年度）"), 1, 11);
  const r3 = s.row("项目名称", "机关事业单位基本养老保险单位缴费", null, null, null, "主管部门", "大英县某局");
  s.mergeRow(r3, 2, 5);
  s.mergeRow(r3, 7, 11);
  const head = s.row("预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因");
  s.mergeRow(head, 9, 11);
  const total = s.row(null, "总额", 44, 46.8, 38.35, "81.94%", 10, 8.19, null);
  s.mergeRow(total, 9, 11);
  s.mergeRow(s.row(null, "其中：财政资金", 44, 46.8, 38.35, "81.94%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "其他资金", null, null, null, null, "/", "/"), 9, 11);
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const ih = s.row("绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析");
  for (const it of pensionItems) it.row = s.row(null, it.l1, it.l2, it.name, it.nature, it.target, it.unit, it.actual, it.weight, it.score, it.reason);
  s.merge(`A${ih + 1}:A${s.next - 1}`);
  const sumRow = s.row("合计", null, null, null, null, null, null, null, 100, 98.19);
  s.mergeRow(sumRow, 1, 8);
  s.mergeRow(s.row("评价结论", "及时、足额缴纳机关事业单位职工基本养老保险。"), 2, 11);
  s.mergeRow(s.row("存在问题", "年中退休及调出人员较多，预算执行率偏低。"), 2, 11);
  s.mergeRow(s.row("改进措施", "加强人员变动测算，提高预算编制准确性。"), 2, 11);
  s.mergeRow(
    s.row("填表说明：1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。"),
    1,
    11,
  );

  rateHolds("大英 rate (adjusted budget)", 81.94, 38.35, 46.8);
  breaks("大英 rate is not on 年初 (trap)", 81.94, (38.35 / 44) * 100, 0.01);
  breaks("大英 rate is below the sichuan threshold of 90 %", Math.min(90, (38.35 / 46.8) * 100), 90, 0.01);
  scoreHolds("大英 execution score", 8.19, execScore(10, 38.35, 46.8));
  holds("大英 weights", 10 + weights(pensionItems), 100, 0.005);
  const recomputed = round(8.19 + checkItems("大英", pensionItems), 6);
  holds("大英 合计", s.num(`J${sumRow}`), recomputed, 0.005);
  grade(recomputed);
  return { sheet: s, reasonCell: `I${total}`, total: recomputed };
}

export function sichuan(): WorkbookModule {
  const z = zhongjiang();
  const d = suining();
  return {
    file: "05_sichuan_zhongjiang_daying.xlsx",
    title:
      "四川: 中江县水利局 绩效目标自评表 (national form for 衔接资金; source: https://chacewang.com/newsdetail/news242266.html, docs/forms.md sichuan-zhongjiang) and 大英县 (遂宁) 部门预算项目支出绩效自评表 (sources: https://dyxrmt.cn/article-157795-21.html, https://dyrmt.com/article-132779-22.html; seed 002's form: 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因, 指标性质, 完成值 as a ratio, four indicators of 22.5).",
    sheets: [
      {
        sheet: z.sheet,
        expect: {
          template: true,
          about: `中江 layout: 分值 before 年度指标值, achievements copied with the target's sign (≥4.3公里, ≥98%), an empty 经济效益指标 row and a …… row, the note under the table with 50/30/10/10 and the 80/60 bands; 15 × 962 ÷ 1000 = 14.43 with a reason. Total 9.86 + 50 + 29.43 + 10 = ${z.total}.`,
          findings: [
            { code: "SECTION_WEIGHT_MISMATCH", cell: z.labelCell, severity: "error", note: "效益指标(35分) declares 35 but its indicators weigh 15 + 15 = 30 (the note under the table says 30; 10 + 50 + 30 + 10 = 100 holds)" },
            { code: "UNREADABLE_VALUE", cell: z.rateCell, severity: "error", note: "执行率 is a formula whose cached result is #VALUE! (it divides by the header text 全年预算数(A)); the amounts give 118.36 ÷ 120.00 = 98.63 % and the score 9.86 follows them" },
          ],
        },
      },
      {
        sheet: d.sheet,
        expect: {
          template: true,
          about: `四川 部门预算 form (sichuan profile): 年初预算 44.00 vs 调整后预算数 46.80 — the rate must use 46.80 (38.35 ÷ 46.80 = 81.94 %, on 年初 it would be 87.16 %); 0.00% on unused funding rows and “/” in 权重/得分; 指标性质 ＝ ≥ 定性; 完成值 as ratios; the 评价结论 has no score. Total 8.19 + 90 = ${d.total}.`,
          findings: [
            { code: "MISSING_REASON", cell: d.reasonCell, severity: "warning", note: "执行率 81.94 % is below the sichuan profile's 90 % and the 原因 cell of the 总额 row is empty (the 填表说明 under the table asks for one; the score 8.19 = 10 × 81.94 % is right)" },
          ],
        },
      },
    ],
  };
}
