/**
 * The free texts of the third red-team set: real wording (seeds in shared/seeds, pages found by the search tool) put in
 * the cells where offices write it. `reads` is what domain.md makes of the text as a statement of THIS table's result:
 * a result text states the total (and maybe the grade); a context text states nothing about the result and must not be
 * read as it. Texts marked `unit: false` sit in cells that are not free-text statement cells (评分标准, 偏差原因) and are
 * kept out of the direct readSentence table.
 */
export type Grade = "优" | "良" | "中" | "差";
export interface Text {
  id: string;
  text: string;
  source: string;
  /** The cell kind it sits in. */
  cell: string;
  /** What the text states about the table's result: [] for context. */
  scores: number[];
  grades: Grade[];
  why: string;
  unit?: false;
}

const SEED000 = "seed 000 (临沧市政务服务管理局 项目自评报告)";
const SEED001 = "seed 001 (五华区区级预算支出部门评价表)";
const SEED002 = "seed 002 (广元市政务服务中心 2022 部门整体及项目自评)";
const SEED003 = "seed 003 (临沧市人民政府办公室 2022 部门整体支出自评报告)";
const SEED004 = "seed 004 (保山市政务服务管理局 自评报告)";
const DYRMT = "pages: https://dyrmt.com/article-132779-22.html (“评价结论及时、足额缴纳。存在问题暂无改进措施暂无”)";
const MODEL = (after: string) => `modelled on ${after}`;

export const T: Record<string, Text> = {};
function t(id: string, text: string, source: string, cell: string, scores: number[], grades: Grade[], why: string, unit?: false): string {
  T[id] = { id, text, source, cell, scores, grades, why, unit };
  return text;
}

// ---- 01 national form, 热线运行 (clean, 优) ----
t("T01", "保障12345热线全年7×24小时运行，来电接通率≥98%，群众满意度≥90%，确保项目绩效评价得分90分以上。", MODEL(`${SEED002} 12345热线 project + corpus3 贵州 goal`), "年度总体目标 预期目标", [], [], "a goal with a floor (确保…90分以上): not a stated score (fixed in a3ffdc5); true anyway");
t("T02", "全年受理来电28.6万件，接通率96.2%，平均接通时长12秒，工单平均办理时长95分钟，群众满意度评价得分98.6分。", MODEL(`${SEED002} 12345热线 评价结论 “保障了12345政务服务热线人民群众诉求畅通”`), "年度总体目标 实际完成情况", [], [], "95分钟 is a duration; 群众满意度评价得分98.6分 is the satisfaction survey's score, not the self-evaluation total (its subject is 群众满意度)");
t("T03", "经自评，该项目自评得分97.4分，自评等级为优。\n热线群众满意度评价得分98.6分，较上年提高1.2分。", MODEL(`${SEED004} “自评得分100分，自评等级：优” + ${SEED002} 满意度 wording`), "自评结论 (two lines in one cell)", [97.4], ["优"], "the first line states the result; the second line's 评价得分98.6分 belongs to 群众满意度 and 1.2分 is a difference");
t("T04", "该指标分值15分，接通率96.2%未达98%的目标，按完成比例得14.7分；夜间高峰时段坐席不足。", MODEL("the 偏差原因分析 cells of seed 002"), "偏差原因分析及改进措施", [], [], "an indicator's weight and score, in its reason cell", false);
t("T05", "夜间时段接通率与目标仍有差距，个别工单办理结果与群众诉求存在偏差。", MODEL(`${SEED002} 存在问题 “实际执行与项目预算绩效存在偏差”`), "存在问题", [], [], "差距 / 偏差 contain 差 but grade nothing");
t("T06", "优化坐席排班，力争下年度热线群众满意度评价得分达到99分以上。", MODEL(`${SEED002} 改进措施`), "改进措施", [], [], "a goal for next year (力争…以上); 优化 is a verb, not the grade 优");
t("T07", "根据市财政局通知，评价得分90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差；得分90分以上的项目，下年度预算优先保障。", MODEL(`${SEED001} band line + ${SEED003} 临财绩发〔2022〕1号 wording`), "备注", [], [], "band rule and a notice about rules: no result");

// ---- 01 national form, 农村公路养护 (clean, 良) ----
t("T08", "完成农村公路日常养护1200公里，优良中等路率达到85%以上，项目绩效评价得分不低于85分。", MODEL("公路养护 goal wording (优良中等路率 is the MQI term of 农村公路 assessments)"), "年度总体目标 预期目标", [], [], "优良中等路率 names a road-condition rate (优, 良, 中 all inside it); 不低于85分 is a floor");
t("T09", "完成日常养护1186公里，优良中等路率86.2%，其中优等路占31%、良等路占42%；第3季度完成汛后水毁修复23处。", MODEL("公路养护 results"), "年度总体目标 实际完成情况", [], [], "grades of road sections (优等路, 良等路), a quarter number, counts");
t("T10", "该项目自评总分86.3分，通过该项目的实施，2023年度全县农村公路路况总体良好，群众出行环境优美，为优化营商环境提供了交通保障。自评等级：良。", MODEL(`${SEED002} 评价结论 “该项目自评总分96分，通过该项目的实施2022年度…政务服务环境优美” and “优化营商环境”`), "自评结论", [86.3], ["良"], "result 86.3 and 自评等级：良; 路况总体良好, 环境优美, 优化营商环境 describe roads, environment and a verb — not the grade");
t("T11", "部分路段养护质量抽检评价为“中”，与“优”的目标还有差距；养护资金拨付进度与计划存在偏差。", MODEL(`${SEED002} 存在问题`), "存在问题", [], [], "grades of some road sections and a target grade — not the project's grade");
t("T12", "加强日常巡查，力争2024年度项目自评等级达到“优”，自评得分提高到90分以上。", MODEL(`${SEED002} 改进措施`), "改进措施", [], [], "next year's goal grade and floor (力争 … 以上)");
t("T13", "（1）项目自评得分满分为100分；（2）自评得分：预算执行率实际得分（满分10分）+绩效指标实际完成得分（满分90分，其中：产出指标50分、效益指标30分、满意度指标10分）。", `${SEED003} 填表说明 “(1) 项目自评得分满分为 100 分” and “1、自评得分：预算执行率实际得分（满分 10 分）+…”`, "备注", [], [], "the form's note on how the score is built: 满分 is a maximum; 自评得分：… introduces a formula, not a number");
t("T14", "路面病害处治及时性评价为良好，扣1分，得9分。", MODEL("seed 001 扣分原因 cells"), "偏差原因分析及改进措施", [], [], "an indicator's qualitative outcome and its score", false);

// ---- 01 national form, 食品安全抽检 (fault: score) ----
t("T15", "2023年度完成食品安全监督抽检2100批次以上，抽检合格率≥97%，第3季度前完成年度任务的75%。", MODEL("市场监管 抽检 goals"), "年度总体目标 预期目标", [], [], "years, quarters, counts, percentages — no score");
t("T16", "2023年完成抽检2186批次，合格率98.1%，不合格产品核查处置率100%，平均检验周期7天（较上年缩短2天）。", MODEL("市场监管 抽检 results"), "年度总体目标 实际完成情况", [], [], "numbers with no 分");
t("T17", "经自评，该项目得分93.5分（满分100分），等级为优。", "the brief's example “经自评，该项目得分95.5分，等级为优” + redteam1's 满分 parenthesis", "自评结论", [93.5], ["优"], "a result: 得分93.5分 after 经自评 with the project as subject; 满分100分 is the maximum");
t("T18", "暂无", DYRMT, "存在问题 / 改进措施", [], [], "no statement");
t("T51", "填报人：王某某    填报日期：2024年3月15日    联系电话：0839-3268100", MODEL("the signature line under seed 002's tables (“单位项目负责人：…”)"), "row under the table", [], [], "a date and a phone number", false);

// ---- 02 四川 form, 政务大厅运行保障 (clean) ----
t("T19", "该项目自评总分96分，通过该项目的实施2023年度政务大厅各项设施、设备均正常运行，政务服务环境优美，为政务服务和公共资源交易顺利开展提供支撑和保障。", `${SEED002} 评价结论 (verbatim but 2022→2023)`, "评价结论", [96], [], "result 96; 环境优美 is not a grade");
t("T20", "一是预算编制测算还不够精确，实际执行与项目预算绩效存在偏差。二是预算执行进度不均衡，存在年底较集中支付的现象。", `${SEED002} 部门（单位）自评存在问题 (verbatim)`, "存在问题", [], [], "偏差 (差), 集中 (中): no grade");
t("T21", "进一步加强项目经费全程绩效监督管理，提高资金使用效率和规范使用程度，加快经费执行进度，力争2024年项目自评得分保持在95分以上。", `${SEED002} 部门（单位）自评改进措施 (verbatim) + a 力争 floor`, "改进措施", [], [], "a goal with a floor");
t("T52", "资金分3批拨付，第3批90万元于12月到位，叫号系统升级推迟，按完成比例得7.2分。", MODEL("seed 002 未完成原因分析"), "未完成原因分析", [], [], "分3批, 90万元, an indicator's score", false);

// ---- 02 四川 form, 政府采购工作经费 (clean) ----
t("T23", "该项目自评总分99分，该项目顺利实施，保障了市级各部门政府采购活动正常、有序开展，推动了社会经济发展，评审专家对费用结算满意度达100%。", `${SEED002} 评价结论 (verbatim)`, "评价结论", [99], [], "result 99; 满意度达100% is a rate");
t("T24", "无。", SEED002, "存在问题", [], [], "no statement");
t("T25", "部门整体支出自评得分与评价组抽查得分差异在5%以内的，不扣分；在5%-10%之间的，扣4分。我单位将严格据实自评，确保自评结果真实准确。", `${SEED002} 评分标准 text (verbatim first sentence) + a commitment`, "改进措施", [], [], "a scoring rule quoted in free text: 自评得分 … 扣4分 is no score of this table");
t("T26", "注：评价得分≥90分，等级为“优”；80分≤评价得分<90分，等级为“良”；60分≤评价得分<80分，等级为“中”；评价得分<60分，等级为“差”。", `${SEED003} / ${SEED004} 填表说明 2 (verbatim)`, "填表说明 row", [], [], "the band note");

// ---- 02 四川 form, 公共资源交易平台运维 (fault: grade) ----
t("T27", "该项目自评总分86分，自评等级为优。该项目顺利实施，实现公共资源交易活动全流程电子化，优化营商环境。", `${SEED002} 评价结论 “该项目自评总分95分，该项目顺利实施，使全市公共资源电子化交易活动顺利开展…优化营商环境” + a grade clause`, "评价结论", [86], ["优"], "result 86 stated with 自评等级为优 — 86 is 良");
t("T28", "平台年度运维考核得分88分，低于合同约定的90分，运维单位响应时效与约定存在差距。", MODEL("运维合同考核 wording"), "存在问题", [], [], "the contractor's assessment score (subject 平台年度运维考核), not this table's total");

// ---- 03 部门整体, 政务服务局 (clean, 优) ----
t("T29", "围绕“一网通办”改革，政务服务事项网上可办率≥95%，确保部门整体支出绩效评价得分不低于90分、等级为优。", MODEL("corpus3 贵州 goal (确保…不低于)"), "年度总体目标 预期目标", [], [], "a goal: floor and target grade");
t("T30", "政务服务事项网上可办率97.3%，全年办件42.6万件，“好差评”好评率99.8%，差评整改率100%。", MODEL("政务服务“好差评”制度 results"), "年度总体目标 实际完成情况", [], [], "好差评 / 差评 name the rating system, not the grade 差");
t("T31", "经自评，我局2023年度部门整体支出绩效评价得分94.6分，较上年（91.2分）提高3.4分，自评等级为“优”。所属5个项目自评得分分别为98分、96分、95分、92分和88分，其中4个项目为优、1个项目为良。", `${SEED002} “经自评，我中心2022年整体支出绩效评价得分97分” + comparison and project list`, "部门（单位）自评结论", [94.6], ["优"], "result 94.6 / 优; last year's 91.2, the difference 3.4, five projects' scores and grades are context");
t("T32", "一是个别项目绩效目标设置不够细化，1个项目自评等级为良；二是预算执行进度不均衡，第4季度支出占全年的41%。", MODEL(`${SEED002} 存在问题`), "部门（单位）自评存在问题", [], [], "another project's grade (1个项目 … 为良)");
t("T33", "对自评得分低于90分的项目，逐项分析原因、限期整改，评价结果作为下年度预算安排的重要依据。", MODEL("评价结果应用 clauses"), "部门（单位）自评改进措施", [], [], "a rule about projects below 90");

// ---- 03 部门整体, 司法局 (clean, 良) ----
t("T34", "一、自评得分：88.7分。\n二、自评等级：良。\n三、主要成效：全年开展普法活动120场次，法律援助案件办结率100%，群众满意度良好，行政执法案卷评查被评为优秀等次。", MODEL(`${SEED003} “(一)自评得分” headings`), "部门（单位）自评结论 (three lines)", [88.7], ["良"], "result 88.7 / 良; 群众满意度良好 and 案卷评查被评为优秀等次 grade other things");
t("T35", "整体绩效未达到“优”等次，主要是项目支出预算执行率偏低（91.4%）、个别指标完成值与目标存在差距。", MODEL("negation of a grade"), "部门（单位）自评存在问题", [], [], "a negation: 未达到“优” states that the grade is not 优");
t("T36", "力争2024年度部门整体支出绩效评价等级达到“优”，评价得分提高到90分以上。", MODEL(`${SEED002} 改进措施`), "部门（单位）自评改进措施", [], [], "next year's goal grade and floor");

// ---- 03 部门整体, 农业农村局 (fault: score) ----
t("T37", "经自评，本部门整体支出绩效评价得分为９２．８分，自评等级为“优”。全年完成高标准农田建设2.3万亩，农产品质量安全例行监测合格率98.6%。", MODEL(`${SEED002} 部门 conclusion; full-width digits (domain.md §2 Numbers)`), "部门（单位）自评结论", [92.8], ["优"], "a result in full-width digits");
t("T38", "2023年完成高标准农田建设2万亩，农产品例行监测合格率≥98%，第3季度前完成春耕物资补贴发放。", MODEL("农业农村 goals"), "年度总体目标 预期目标", [], [], "numbers with no 分");
t("T39", "项目资金到位较晚，部分补贴第4季度才发放，与序时进度存在差距。", MODEL(`${SEED002} 存在问题`), "部门（单位）自评存在问题", [], [], "差距: no grade");

// ---- 04 hierarchical table, 数据局 (clean, 良) ----
t("T40", "合规率100%得1分;每下降0.5%,扣0.5分,扣完为止", `${SEED001} 评分标准 (verbatim)`, "评分标准", [], [], "a scoring rule", false);
t("T41", "未发生廉政问题，该项得5分；凡发生廉政问题的，此项不得分，且终评结果等级不能评定为优", `${SEED001} 评分标准 (verbatim)`, "评分标准", [], [], "a rule with 终评结果等级…优 in a negated clause", false);
t("T42", "按收集到的满意度情况得分：≥90分，得10分；80分至90分，得7分；70分至80分，得5分；<70分得1分", `${SEED001} 评分标准 (verbatim, LaTeX of the extraction removed)`, "评分标准", [], [], "a rubric", false);
t("T43", "有整体绩效目标2分；目标设定依据充分符合客观实际1分；目标清晰、细化1分；目标可衡量1分", `${SEED001} 评分标准 (verbatim)`, "评分标准", [], [], "a rubric", false);
t("T44", "完成预算执行支出进度9月30日前≥80%得1分，未达到不得分", `${SEED001} 评分标准 (verbatim)`, "评分标准", [], [], "dates and a rubric", false);
t("T45", "第3季度支出进度未达到序时进度，扣1分。", MODEL("seed 001 扣分原因"), "扣分原因", [], [], "a deduction", false);
t("T46", "总分 8 分，自评得 6.5 分，扣分原因：个别资产未及时入账。", `${SEED003} report section line “总分 8 分，自评得 6.5 分” (verbatim) + a reason`, "扣分原因", [], [], "the indicator's own weight and score (8 and 6.5 on its row) — 总分 here is the indicator's 分值", false);
t("T47", "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差", `${SEED001} band line (verbatim)`, "band note row", [], [], "the band note");
t("T48", "经逐项对照自评，因第3季度支出进度未达序时进度扣1分、资产管理扣1.5分，自评得分87分，本次绩效评价各项工作自评结果：良好。", `${SEED003} “经逐项对照自评,自评得分99分,本次绩效评价各项工作自评结果:优秀” + deductions`, "评价结论", [87], ["良"], "result 87 / 良好 (= 良); 扣1分 and 扣1.5分 are deductions");

// ---- extra statement cells ----
t("T49", "（一）绩效评价综合结论。项目按年初计划完成，资金到位率100%，预算执行率100%。项目绩效目标按计划完成，完成的任务数与计划数相对。自评得分100分，自评等级：优。", `${SEED000}/${SEED004} 综合结论 (verbatim)`, "direct table only", [100], ["优"], "a result after several 100% rates");
t("T50", "说明：绩效指标得分率=绩效指标得分÷90×100%，本项目绩效指标得分率97.2%。", MODEL("得分率 notes"), "说明", [], [], "得分率 is a rate, not the score");
t("T53", "全年开展普法活动110场次以上，法律援助案件办结率100%，确保部门整体支出绩效评价得分不低于85分。", MODEL("corpus3 贵州 司法 goal"), "年度总体目标 预期目标", [], [], "a goal with a floor");
t("T54", "开展普法活动120场次，法律援助案件办结率100%，行政复议按期办结率85%，全年“七五”普法考核得分96分。", MODEL("司法行政 results; 普法考核 is another assessment"), "年度总体目标 实际完成情况", [], [], "普法考核得分96分 is another assessment's score, not this table's");

// ---- round 2 (05): families the first run and a readSentence probe pointed at ----
t("T60", "完成农村公路日常养护1200公里，优良中等路率达到85%以上，力争项目绩效评价等级为优。", MODEL("T08 with a goal grade (力争 … 为优)"), "年度总体目标 预期目标", [], [], "a goal grade (力争): not the grade obtained — the grade counterpart of the floor rule fixed in a3ffdc5");
t("T61", "完成日常养护1186公里，优良中等路率86.2%；养护外包单位年度运维服务考核结果为优秀。", MODEL("养护外包 考核 wording"), "年度总体目标 实际完成情况", [], [], "the contractor's assessment result, not the project's grade");
t("T62", "经自评，该项目自评得分86.3分，自评等级为良。上年度该项目自评等级为优，本年度因水毁修复滞后有所下降。", MODEL(`${SEED004} “自评得分100分，自评等级：优” + a comparison with last year`), "自评结论", [86.3], ["良"], "result 86.3 / 良; 上年度…自评等级为优 is last year's grade");
t("T63", "根据评价通知，自评得分未达到90分的项目需提交整改报告，本项目已按要求提交。", MODEL("评价结果应用 clauses (T33)"), "存在问题", [], [], "a rule about projects below 90 (未达到…的项目)");
t("T64", "自评等级为优的项目下年度预算优先保障，我单位将加强管理，力争明年进入优等次。", MODEL("评价结果应用 clauses"), "改进措施", [], [], "a rule about projects graded 优, and a goal");
t("T65", "本项目含3个子项目，其中1个子项目自评等级为中。", MODEL("T32 (another project's grade)"), "备注", [], [], "a sub-project's grade");
t("T66", "经综合评定，该项目绩效等级为“优”，得分94.5分。", MODEL(`${SEED002}/${SEED003} results, grade first and score after`), "自评结论", [94.5], ["优"], "a result: after 经综合评定 the project's grade and its score (得分94.5分)");
t("T67", "上年度该项目自评得分88分，等级为良；经自评，本年度该项目自评得分96.4分，等级为优。", MODEL("comparisons with last year in the seeds' reports (“上年度部门自评结果应用情况”, seed 003)"), "自评结论", [96.4], ["优"], "last year's score and grade come first (上年度…), this year's result second");
t("T68", "上年度该项目自评等级为良，主要是时效指标失分；本年度已按整改方案落实。", MODEL(`${SEED003} “(四)上年度部门自评结果应用情况”`), "存在问题", [], [], "last year's grade (上年度…), in 存在问题");
