/** A §1f department goal table (reconstructed, no province source) and a look-alike that must give no finding. */
import { Sheet, WorkbookModule, fx, holds, breaks, scoreBreaks, round, AMOUNT_TOL } from "../../corpus2/build/lib";

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

/**
 * 部门整体支出绩效目标自评表 (domain.md §1f, laid out as seed 002 prints it: 年度主要任务 rows with 预算金额（万元）and
 * 实际执行（万元）each over 总额 | 财政拨款 | 其他资金 — the same three sub-labels twice —, a 金额合计 row, the indicator list with
 * 部门自评得分 but no weight column, 合计, and the 部门（单位）自评结论 sentence).
 * Faults: 金额合计 实际执行 总额 1182.50 for 1128.50; the conclusion's 95.4 for 94.5.
 */
function deptGoal(): { sheet: Sheet; sumCell: string; conclusionCell: string; total: number } {
  const s = new Sheet("部门整体目标自评表");
  s.widths = [8, 16, 22, 10, 10, 10, 10, 10, 10];
  s.mergeRow(s.row("部门整体支出绩效目标自评表（2023年度）"), 1, 9);
  s.mergeRow(s.row("部门名称", "某区政务服务和大数据管理局"), 2, 9);
  const h = s.row("年度主要任务", "任务名称", "主要内容", "预算金额（万元）", null, null, "实际执行（万元）");
  s.mergeRow(h, 4, 6);
  s.mergeRow(h, 7, 9);
  s.row(null, null, null, "总额", "财政拨款", "其他资金", "总额", "财政拨款", "其他资金");
  s.merge(`B${h}:B${h + 1}`);
  s.merge(`C${h}:C${h + 1}`);
  const tasks: [string, string, number, number, number | null, number, number, number | null][] = [
    ["基本支出", "保障机关工作人员工资福利和日常公用经费。", 700, 700, null, 690.2, 690.2, null],
    ["政务服务大厅运行经费", "保障政务服务大厅物业、安保和窗口人员经费。", 300, 280, 20, 295.5, 276.3, 19.2],
    ["一体化政务服务平台建设", "完成平台二期建设和等保测评。", 150, 150, null, 142.8, 142.8, null],
  ];
  for (const t of tasks) s.row(null, ...t);
  const tr = s.row(null, "金额合计", null, 1150, 1130, 20, 1182.5, 1109.3, 19.2);
  s.merge(`A${h}:A${tr}`);
  const col = (k: number) => tasks.reduce((a, t) => a + ((t[k] as number | null) ?? 0), 0);
  holds("§1f 预算 总额", 1150, col(2), AMOUNT_TOL);
  holds("§1f 预算 财政拨款", 1130, col(3), AMOUNT_TOL);
  holds("§1f 预算 其他资金", 20, col(4), AMOUNT_TOL);
  breaks("§1f 执行 总额", 1182.5, col(5), AMOUNT_TOL);
  holds("§1f 执行 总额 = 财政拨款 + 其他资金 (true value)", col(5), 1109.3 + 19.2, AMOUNT_TOL);
  holds("§1f 执行 财政拨款", 1109.3, col(6), AMOUNT_TOL);
  holds("§1f 执行 其他资金", 19.2, col(7), AMOUNT_TOL);
  for (const t of tasks) {
    holds(`§1f ${t[0]} 预算 row`, t[2], t[3] + (t[4] ?? 0), AMOUNT_TOL);
    holds(`§1f ${t[0]} 执行 row`, t[5], t[6] + (t[7] ?? 0), AMOUNT_TOL);
  }
  const g = s.row("年度总体目标", "预期目标", null, null, null, "实际完成目标");
  s.mergeRow(g, 2, 5);
  s.mergeRow(g, 6, 9);
  const g2 = s.row(null, "保障政务服务大厅高效运行，完成一体化平台二期建设。", null, null, null, "大厅全年平稳运行，平台二期上线。");
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g}:A${g2}`);
  const ih = s.row("年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）", "实际完成指标值（包含数字及文字描述）", "部门自评得分", "未完成原因及改进措施");
  const rows: [string | null, string | null, string, string, string, number, string | null][] = [
    ["产出指标", "数量指标", "年度办件量", "≥50万件", "52万件", 8, null],
    [null, null, "进驻政务服务事项数", "≥1200项", "1216项", 8, null],
    [null, null, "综合窗口人员数", "’＝40名", "’＝40名", 7.5, "2个岗位年中空缺，已补招。"],
    [null, "质量指标", "办件差错率", "≤0.5%", "0.3%", 8, null],
    [null, null, "平台系统可用率", "≥99%", "98.6%", 7, "平台二期割接停机两次。"],
    [null, "时效指标", "按时办结率", "＝100%", "100%", 8, null],
    [null, "成本指标", "“三公”经费", "≤12万元", "10.2万元", 8, null],
    ["效益指标", "社会效益指标", "企业群众办事便利度", "明显提升", "达成年度指标", 20, null],
    [null, "可持续影响指标", "政务服务标准化机制", "健全", "健全", 10, null],
    ["满意度指标", "服务对象满意度指标", "办事群众满意度", "≥90%", "96%", 10, null],
  ];
  for (const r of rows) s.row(null, ...r);
  s.merge(`A${ih}:A${s.next - 1}`);
  const total = round(rows.reduce((a, r) => a + r[5], 0), 6);
  holds("§1f 合计", 94.5, total, 0.005);
  const sum = s.row("合计", null, null, null, null, null, 94.5);
  s.mergeRow(sum, 1, 6);
  const c = s.row("部门（单位）自评结论", "经自评，部门整体支出绩效自评得分为95.4分。全年预算执行率98.13%，各项任务按计划完成。");
  s.mergeRow(c, 2, 9);
  scoreBreaks("§1f conclusion", 95.4, total);
  holds("§1f rate in the sentence", 98.13, (1128.5 / 1150) * 100, 0.01);
  s.mergeRow(s.row("部门（单位）自评存在问题", "预算执行进度不均衡，四季度支付较集中。"), 2, 9);
  s.mergeRow(s.row("部门（单位）自评改进措施", "按月调度支出进度。"), 2, 9);
  return { sheet: s, sumCell: `G${tr}`, conclusionCell: `B${c}`, total };
}

export function lookalikes(): WorkbookModule {
  const dg = deptGoal();
  return {
    file: "05_dept_goal_lookalike.xlsx",
    title: "部门整体支出绩效目标自评表 (domain.md §1f) — **reconstructed** on seed 002's layout (四川 广元; no 重庆/湖北 部门整体 table was found by the search, see README), not covered by the earlier corpora; and a look-alike: the mid-year 项目支出绩效目标执行监控表 (budget block and indicator frame, no scores).",
    sheets: [
      {
        sheet: dg.sheet,
        expect: {
          template: true,
          about: `§1f department goal table as seed 002 lays it out (a two-row header whose sub-labels 总额 | 财政拨款 | 其他资金 appear under both 预算金额 and 实际执行; empty 其他资金 cells; ’＝ targets with a stray apostrophe; 部门自评得分 with no weight column). Scores sum to ${dg.total} = 合计.`,
          findings: [
            { code: "BUDGET_SUM_MISMATCH", cell: dg.sumCell, severity: "error", note: "金额合计 实际执行 总额 1182.50 ≠ 690.20 + 295.50 + 142.80 = 1128.50 (column) = 1109.30 + 19.20 (row): both identities point at this cell" },
            { code: "CONCLUSION_SCORE_MISMATCH", cell: dg.conclusionCell, severity: "error", note: `“自评得分为95.4分” vs ${dg.total} (合计 right; 95.4 has two digits swapped). The same sentence's 98.13 % is the right execution rate, not a score` },
          ],
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
