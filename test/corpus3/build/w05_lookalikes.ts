/** Sheets that resemble self-evaluation tables but are not: none may give a finding. */
import { Sheet, WorkbookModule, fx } from "../../corpus2/build/lib";

/** 年度考核评分汇总表: staff appraisal with 分值 in the headers, 总分 and 等次 (优秀/称职) — not a budget form. */
function appraisal(): Sheet {
  const s = new Sheet("年度考核评分汇总");
  s.widths = [6, 10, 14, 10, 10, 10, 10, 10, 10, 12];
  s.mergeRow(s.row("2023年度机关工作人员考核评分汇总表"), 1, 10);
  s.mergeRow(s.row("考核单位：办公室", null, null, null, null, null, null, "填表日期：2024年1月15日"), 8, 10);
  s.row("序号", "姓名", "职务", "德（20分）", "能（20分）", "勤（20分）", "绩（30分）", "廉（10分）", "总分", "考核等次");
  s.row(1, "张某", "主任", 19, 18.5, 19, 28, 10, 94.5, "优秀");
  s.row(2, "李某", "副主任", 18, 18, 18.5, 27, 10, 91.5, "优秀");
  // As filed: 17 + 17.5 + 18 + 25.5 + 9.5 = 87.5, typed 88 — an appraisal sheet's own typo, not a finding of this product.
  s.row(3, "王某", "科员", 17, 17.5, 18, 25.5, 9.5, 88, "称职");
  s.row(4, "赵某", "科员", 16.5, 17, 17, 24, 9.5, fx("SUM(D7:H7)"), "称职");
  s.mergeRow(s.row("说明：总分90分以上为优秀，60—89分为称职，60分以下为不称职；优秀比例不超过20%。"), 1, 10);
  return s;
}

/** 项目支出绩效目标执行监控表 (mid-year monitoring): the indicator frame and a budget block, but no 分值, no 得分, no total. */
function monitoring(): Sheet {
  const s = new Sheet("绩效运行监控表");
  s.widths = [10, 14, 16, 22, 14, 14, 14, 22, 12];
  s.mergeRow(s.row("项目支出绩效目标执行监控表"), 1, 9);
  s.mergeRow(s.row("（2024年度 1—7月）"), 1, 9);
  s.mergeRow(s.row("项目名称", "城乡居民基本医疗保险经办服务经费"), 2, 9);
  const r = s.row("主管部门", "某区医疗保障局", null, null, "实施单位", "某区医疗保障服务中心");
  s.mergeRow(r, 2, 4);
  s.mergeRow(r, 6, 9);
  const h = s.row("项目资金（万元）", null, "年初预算数", "全年预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数", "偏差原因分析", "完成目标可能性");
  s.row(null, "年度资金总额", 200, 210, 120.5, fx("ROUND(E6/D6,4)", "0.00%"), 206.8, "按进度执行", "确定能");
  s.row(null, "其中：当年财政拨款", 200, 200, 112.3, fx("ROUND(E7/D7,4)", "0.00%"), 197, null, null);
  s.row(null, "上年结转资金", 0, 10, 8.2, fx("ROUND(E8/D8,4)", "0.00%"), 9.8, null, null);
  s.merge(`A${h}:A${s.next - 1}`);
  const ih = s.row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析", "完成目标可能性");
  s.row(null, "产出指标", "数量指标", "经办参保登记人次", "≥12万人次", "7.3万人次", "12.4万人次", null, "确定能");
  s.row(null, "产出指标", "质量指标", "待遇结算准确率", "≥99%", "99.2%", "99.3%", null, "确定能");
  s.row(null, "产出指标", "时效指标", "报销办结时限", "≤20个工作日", "16个工作日", "16个工作日", null, "确定能");
  s.row(null, "效益指标", "社会效益指标", "参保群众办事便利度", "明显提升", "逐步提升", "明显提升", null, "有可能");
  s.row(null, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "尚未开展调查", "92%", "满意度调查安排在四季度", "有可能");
  s.merge(`A${ih}:A${s.next - 1}`);
  s.mergeRow(s.row("注：偏差原因分为经费保障、制度保障、人员保障、硬件条件保障、其他；完成目标可能性分为确定能、有可能、完全不可能。"), 1, 9);
  return s;
}

export function lookalikes(): WorkbookModule {
  return {
    file: "05_lookalikes.xlsx",
    title: "Look-alikes (no source needed: common office sheets that share labels with the forms): a staff appraisal with 分值 in the headers, 总分 and 等次, and the mid-year 绩效运行监控表 (budget block and indicator frame, no scores).",
    sheets: [
      {
        sheet: appraisal(),
        expect: {
          template: false,
          about: "年度考核评分汇总表: headers 德（20分）… 廉（10分）| 总分 | 考核等次 (优秀/称职); one 总分 that does not add up (88 for 87.5) and a live SUM — nothing here is a budget self-evaluation.",
          findings: [],
        },
      },
      {
        sheet: monitoring(),
        expect: {
          template: false,
          about: "项目支出绩效目标执行监控表 (the mid-year 绩效监控 form): a budget block with 年初预算数 | 全年预算数 | 1-7月执行数 | 1-7月执行率 (live ROUND formulas, 120.5 ÷ 210 = 57.38 %) and the 一级/二级/三级指标 | 年度指标值 frame, but no 分值, no 得分 and no total — a monitoring report, not a self-evaluation.",
          findings: [],
        },
      },
    ],
  };
}
