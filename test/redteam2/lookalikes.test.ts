/**
 * RT2-X: sheets that are not self-evaluations but share their words (申报表, 监控表, 年度预算表, 决算表, 资产表, 考核表,
 * summaries of many projects with 分值/得分/等级, the product's own 核对报告), alone and next to a real form — on
 * one sheet or in one workbook. contract.md: "A sheet that is not recognised as a self-evaluation table gives no
 * findings and template null"; a real form beside them is still read. Round 1 (test/redteam/lookalikes.test.ts)
 * covered 监控表, 申报表, 科目 execution tables, 采购评分, 满意度统计, 指标体系, 培训考核 and 项目汇总 — not repeated.
 * "[was a defect]" tests fail today.
 */
import * as path from "path";
import { checkSheet } from "../../src/engine";
import { nothingOn, run } from "../redteam/harness";
import { national, set } from "../redteam/fixtures";
import { P, SheetSpec, SpecCell, stack, toGrid } from "../fixtures/sheetSpec";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";
import { sheet } from "./fixtures";

const NOTHING = { template: null, findings: [] };

/** A year-end budget execution report by kind (合计 → 基本 + 项目), rates rounded to whole percents as reports print them. */
function executionReport(name: string, header: string[], labels: [string, string, string], title = "2023年度部门预算执行情况表"): SheetSpec {
  return sheet(name, [
    [title], ["单位：万元"], ["项目", ...header],
    [labels[0], 1800, 2000, 1910, "96%"], [labels[1], 1200, 1260, 1250, "99%"], [labels[2], 600, 740, 660, "89%"],
  ]);
}

describe("RT2-X01 budget and final-account tables (no scores, no grade)", () => {
  // 1,910 ÷ 2,000 = 95.5 % printed 96 %: wrong for a self-evaluation's rate, normal in a report. These tables have
  // no indicator table, no score, no grade and no 自评 wording: nothing makes them self-evaluations.
  const defects: [string, SheetSpec][] = [
    ["执行情况表 合计/基本支出/项目支出 × 年初预算数/全年预算数/全年执行数/执行率", executionReport("预算执行情况表", ["年初预算数", "全年预算数", "全年执行数", "执行率"], ["合计", "基本支出", "项目支出"])],
    ["执行情况表 × 年初预算数/调整后预算数/执行数/执行率", executionReport("预算执行情况表2", ["年初预算数", "调整后预算数", "执行数", "执行率"], ["合计", "基本支出", "项目支出"])],
    ["执行情况表 with a 年度资金总额 row", executionReport("预算执行情况表3", ["年初预算数", "全年预算数", "执行数", "执行率"], ["年度资金总额", "基本支出", "项目支出"])],
    ["预算调整及执行情况表 (年初 + 调整 = 全年)", sheet("预算调整及执行", [["2023年度预算调整及执行情况表"], ["单位：万元"], ["项目", "年初预算数", "预算调整数", "全年预算数", "执行数", "执行率"],
      ["合计", 1800, 200, 2000, 1910, "96%"], ["基本支出", 1200, 60, 1260, 1250, "99%"], ["项目支出", 600, 140, 740, 660, "89%"]])],
  ];
  // Today: template department-budget and three EXEC_RATE_MISMATCH errors ("执行率应为 95.50%…表中为 96.00%").
  test.each(defects)("[was a defect] %s: nothing", (_n, s) => expect(nothingOn(s)).toEqual(NOTHING));
  const ok: [string, SheetSpec][] = [
    ["支出决算表 (支出合计 / 基本支出 / 人员经费 / 公用经费 / 项目支出 / 科目 rows)", sheet("支出决算表", [["2023年度支出决算表"], ["单位：万元"], ["科目编码", "科目名称", "年初预算数", "全年预算数", "决算数", "执行率"],
      [null, "支出合计", 1800, 2000, 1910, "95.5%"], [null, "基本支出", 1200, 1260, 1250, "99.21%"], [null, "  人员经费", 1000, 1050, 1048.5, "99.86%"], [null, "  公用经费", 200, 210, 201.5, "95.95%"],
      [null, "项目支出", 600, 740, 660, "89.19%"], ["2010101", "行政运行", 900, 950, 940, "98.95%"]])],
    ["收支预算总表 (收入 | 预算数 | 支出 | 预算数, 本年合计 + 上年结转 = 总计)", sheet("收支预算总表", [["2024年部门收支预算总表"], ["单位：万元"], ["收入", null, "支出", null], ["项目", "预算数", "项目", "预算数"],
      ["一、一般公共预算拨款收入", 1800, "一、一般公共服务支出", 1200], ["二、政府性基金预算拨款收入", 20, "二、社会保障和就业支出", 300], ["三、事业收入", 80, "三、卫生健康支出", 150],
      ["本年收入合计", 1900, "本年支出合计", 1950], ["上年结转", 50, "年末结转", 0], ["收入总计", 1950, "支出总计", 1950]], ["A3:B3", "C3:D3"])],
    ["固定资产情况表 (年初数 + 本年增加 − 本年减少 = 年末数)", sheet("固定资产情况表", [["2023年度固定资产情况表"], ["单位：万元"], ["资产类别", "年初数", "本年增加", "本年减少", "年末数", "折旧率"],
      ["房屋及构筑物", 1200, 0, 0, 1200, "2%"], ["通用设备", 300, 45.6, 12.3, 333.3, "15%"], ["专用设备", 80, 10, 0, 90, "10%"], ["合计", 1580, 55.6, 12.3, 1623.3]])],
    ["三年滚动规划 (2024 | 2025 | 2026 | 合计)", sheet("三年滚动规划", [["项目支出三年滚动规划表"], ["单位：万元"], ["项目名称", "2024年", "2025年", "2026年", "合计"],
      ["农村饮水安全", 500, 520, 540, 1560], ["道路养护", 300, 300, 300, 900], ["合计", 800, 820, 840, 2460]])],
    ["基本支出情况表 (科目 | 合计 | 人员经费 | 公用经费 columns)", sheet("基本支出情况表", [["2023年度基本支出决算表"], ["单位：万元"], ["科目名称", "合计", "人员经费", "公用经费"],
      ["合计", 1250, 1048.5, 201.5], ["行政运行", 940, 800, 140], ["事业运行", 310, 248.5, 61.5]])],
    ["专项资金拨付明细 (下达金额 | 已拨付 | 未拨付)", sheet("专项资金拨付", [["2023年专项资金拨付明细表"], ["序号", "资金名称", "文号", "下达金额", "已拨付金额", "未拨付金额", "拨付率"],
      [1, "农村公路养护", "财建〔2023〕1号", 500, 480.5, 19.5, "96%"], [2, "危桥改造", "财建〔2023〕9号", 300, 300, 0, "100%"], ["合计", null, null, 800, 780.5, 19.5, "98%"]])],
  ];
  test.each(ok)("[ok] %s: nothing", (_n, s) => expect(nothingOn(s)).toEqual(NOTHING));
});

describe("RT2-X02 score sheets that are not a self-evaluation's statements", () => {
  test("[was a defect] 评价得分汇总 (一级指标 | 分值 | 得分 | 得分率 | 等级, a grade per row): the first row's 等级 is not the sheet's grade", () => {
    // Today: recognised as a score table and GRADE_MISMATCH@E3 "总分 88.5 … 应为“良”，表中为“优”": 决策's own 优 (18 of 20)
    // read as the grade of the total. The 合计 row's 良 is right; a correct check reports nothing.
    const s = sheet("评价得分汇总", [["绩效评价得分汇总表"], ["一级指标", "分值", "得分", "得分率", "等级"],
      ["决策", 20, 18, "90%", "优"], ["过程", 20, 17, "85%", "良"], ["产出", 40, 35, "87.5%", "良"], ["效益", 20, 18.5, "92.5%", "优"], ["合计", 100, 88.5, "88.5%", "良"]]);
    expect(run(s).result.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`)).toEqual([]);
  });
  const ok: [string, SheetSpec][] = [
    ["预算管理考核评分表 (权数 | 考评得分, 一般公共预算支出管理（60分）, 加分项)", sheet("预算管理考核表", [["2023年度部门预算管理考核评分表"], ["项目", "考核内容", "考核指标", "指标说明", "年度工作目标", "评分标准", "权数", "考评得分"],
      ["一般公共预算支出管理（60分）", "预算编制", "预算编制准确率", "调整数/年初数", "≤5%", "每超1个百分点扣1分", 10, 9], [null, null, "项目库管理", "入库项目比例", "100%", "未入库扣2分", 10, 10],
      [null, "预算执行", "预算执行率", "执行数/预算数", "≥95%", "每低1个百分点扣0.5分", 20, 18], [null, "绩效管理", "绩效自评覆盖率", "自评项目/全部项目", "100%", "未全覆盖不得分", 20, 20],
      ["加分项（10分）", "创新做法", "获得省级表彰", null, null, "每项加5分", 10, 5], ["合计", null, null, null, null, null, 70, 62]])],
    ["专家评审打分表 (分值 | 专家一 | 专家二 | 专家三 | 平均得分)", sheet("专家评审打分", [["项目绩效评价专家评审打分表"], ["一级指标", "二级指标", "三级指标", "分值", "专家一", "专家二", "专家三", "平均得分"],
      ["决策", "项目立项", "立项依据充分性", 5, 5, 4, 5, 4.67], [null, null, "立项程序规范性", 5, 4, 4, 5, 4.33], ["过程", "资金管理", "资金到位率", 10, 10, 10, 9, 9.67],
      ["产出", "产出数量", "完成率", 40, 38, 36, 39, 37.67], ["效益", "社会效益", "群众受益", 40, 35, 38, 36, 36.33], ["合计", null, null, 100, 92, 92, 94, 92.67]])],
    ["项目自评汇总 (分值 100 | 自评得分 | 自评等级 per project; one grade set by the bureau)", sheet("项目自评汇总", [["2023年度项目支出绩效自评汇总表"], ["序号", "项目名称", "主管部门", "分值", "自评得分", "自评等级", "备注"],
      [1, "农村饮水安全", "水利局", 100, 95, "优", null], [2, "道路养护", "交通局", 100, 86, "良", null], [3, "校舍维修", "教育局", 100, 91, "良", "等级按局内标准"], ["合计", null, null, 300, 272]])],
    ["项目自评汇总 with 执行率得分 and 指标得分 columns", sheet("项目汇总2", [["2023年度项目支出绩效自评汇总表"], ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "分值", "执行率得分", "指标得分", "自评得分", "自评等级"],
      [1, "农村饮水安全", 500, 480, P(0.96), 10, 9.6, 85, 94.6, "优"], [2, "道路养护", 300, 240, P(0.8), 10, 8, 80, 88, "良"], [3, "校舍维修", 200, 190, P(0.95), 10, 10, 82, 92, "良"], ["合计", null, 1000, 910, P(0.91)]])],
    ["部门整体绩效目标表 (申报: 预算总额 | 基本 | 项目, 指标值 | 分值 summing to 90 under a 合计 95)", sheet("部门整体绩效目标表", [["部门整体支出绩效目标表（2024年度）"], ["部门名称", "某县市场监督管理局"],
      ["年度预算（万元）", "预算总额", "基本支出", "项目支出"], [null, 2000, 1260, 740], ["一级指标", "二级指标", "三级指标", "指标值", "分值"], ["产出指标", "数量指标", "抽查户数", "≥1200户", 30],
      [null, "质量指标", "整改率", "≥95%", 20], ["效益指标", "社会效益指标", "合格率", "≥97%", 30], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", 10], ["合计", null, null, null, 95]])],
  ];
  test.each(ok)("[ok] %s: nothing", (_n, s) => expect(nothingOn(s)).toEqual(NOTHING));
});

describe("RT2-X03 the product's own 核对报告 and an unfilled template", () => {
  test("[ok] a 核对报告 sheet listing a faulty sheet's findings (messages full of 执行率/合计/自评得分 arithmetic): nothing", () => {
    const r = checkSheet(toGrid(sichuanProject(smartHall)));
    expect(r.findings.length).toBeGreaterThan(0);
    const report = sheet("核对报告", [["工作表", "单元格", "级别", "问题", "说明", "可自动修复"], ...r.findings.map((f): SpecCell[] => [f.sheet, f.cell, f.severity === "error" ? "错误" : "警告", f.code, f.message, f.fix ? "✓" : ""])]);
    expect(nothingOn(report)).toEqual(NOTHING);
  });
  test("[ok] the national form left unfilled (weights and names, no amounts, no scores, □ boxes, the instruction text): no error", () => {
    const b = national();
    const blank = set(b, {
      D6: null, E6: null, F6: null, H6: null, I6: null, D7: null, E7: null, F7: null, H7: null, D8: null, E8: null, F8: null, H8: null, E11: null,
      F13: null, F14: null, F15: null, F16: null, F17: null, F18: null, F19: null, F20: null, H13: null, H14: null, H15: null, H16: null, H17: null, H18: null, H19: null, H20: null,
      H21: null, I14: null, I19: null, B22: "□优 □良 □中 □差", B23: "结合自评情况，说明项目自评总分、等级……（200字以内）",
    });
    expect(run(blank).result.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`)).toEqual([]);
  });
});

describe("RT2-X04 a real form with other tables on the same sheet", () => {
  const b = national();
  test("[was a defect] a 上年度自评情况 table below the form (年度 | 自评得分 | 自评等级): not read as the form's 自评得分", () => {
    // Today: HEADER_SCORE_MISMATCH@B27 "表头自评得分应为 97.92…表中为 95": last year's score under the column label
    // 自评得分 is taken for this form's 自评得分 field.
    const s = stack("表加上年", [b, sheet("x", [["附：上年度自评情况"], ["年度", "自评得分", "自评等级"], ["2022年", 95, "优"], ["2021年", 88, "良"]])], 1);
    expect(run(s).result.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([]);
  });
  const ok: [string, SheetSpec][] = [
    ["附：评分标准 (一级指标 | 分值 | 评分标准, 合计 90)", sheet("x", [["附：评分标准"], ["一级指标", "分值", "评分标准"], ["预算执行率", 10, "执行率×10分"], ["产出指标", 50, "完成得满分，未完成按比例"], ["效益指标", 25, "达成得80%-100%"], ["满意度指标", 15, "≥90%满分"], ["合计", 90, null]])],
    ["附：资金支出明细 (金额 | 占比, 合计)", sheet("x", [["附：资金支出明细"], ["序号", "支出内容", "金额（万元）", "占比"], [1, "培训场地租赁", 60, "42%"], [2, "讲课费", 50.3, "36%"], [3, "资料印刷", 31, "22%"], ["合计", null, 141.3, "100%"]])],
    ["附：各级指标得分情况 (一级指标 | 分值 | 得分 | 得分率)", sheet("x", [["附：各级指标得分情况"], ["一级指标", "分值", "得分", "得分率"], ["预算执行率", 10, 9.42, "94.2%"], ["产出指标", 50, 49.5, "99%"], ["效益指标", 25, 24, "96%"], ["满意度指标", 15, 15, "100%"], ["合计", 100, 97.92, "97.92%"]])],
    ["附：满意度调查统计 (满意率 per item)", sheet("x", [["附：满意度调查统计"], ["调查项目", "有效问卷", "满意", "不满意", "满意率"], ["培训内容", 120, 112, 8, "93.33%"], ["组织安排", 120, 110, 10, "91.67%"], ["合计", 240, 222, 18, "92.5%"]])],
  ];
  test.each(ok)("[ok] form, then %s: no finding", (_n, extra) => {
    expect(run(stack("表加附表", [b, extra], 1)).result.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([]);
  });
  test("[ok] form, then 附：资金支出明细: a wrong total of the form is still found", () => {
    const s = stack("表加明细", [set(b, { H21: 99.5 }), ok[1][1]], 1);
    expect(run(s).result.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["TOTAL_MISMATCH@H21"]);
  });
});

describe("RT2-X05 a mixed workbook through the command line", () => {
  jest.setTimeout(60000);
  const faulty = { ...set(national(), { H21: 99.5 }), name: "项目自评表" };
  const others: SheetSpec[] = [
    executionReport("预算执行情况表", ["年初预算数", "全年预算数", "全年执行数", "执行率"], ["支出合计", "基本支出", "项目支出"]),
    sheet("固定资产", [["固定资产情况表"], ["资产类别", "年初数", "本年增加", "本年减少", "年末数"], ["通用设备", 300, 45.6, 12.3, 333.3], ["合计", 300, 45.6, 12.3, 333.3]]),
    sheet("填报说明", [["填报说明"], ["1. 自评得分＝执行率得分（10分）＋绩效指标得分（90分）。"], ["2. 例：某项目自评得分为95分，等级为优。"], ["3. 90分（含）以上为优，80（含）-90分为良。"]]),
  ];
  test("[ok] the real form's one finding; every other sheet template null with nothing; exit status 1", async () => {
    const dir = tempDir("rt2-mixed-");
    const file = await writeWorkbook(path.join(dir, "自评材料.xlsx"), [others[0], faulty, others[1], others[2]]);
    const r = await cli("check", file, "--format", "json");
    const doc = JSON.parse(r.stdout) as { files: { sheets: { sheet: string; template: string | null; findings: { code: string; cell: string }[] }[] }[] };
    const got = doc.files[0].sheets.map((s) => `${s.sheet}:${s.template === null ? "null" : "form"}:${s.findings.map((f) => `${f.code}@${f.cell}`).join(",")}`);
    expect({ code: r.code, got }).toEqual({ code: 1, got: ["预算执行情况表:null:", "项目自评表:form:TOTAL_MISMATCH@H21", "固定资产:null:", "填报说明:null:"] });
  });
});
