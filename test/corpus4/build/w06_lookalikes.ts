/**
 * Two look-alikes that are not self-evaluation forms: 新疆's 项目支出绩效目标申报表 (the target declaration filed with the
 * budget: budget lines and the 一级/二级/三级指标 | 年度指标值 frame, no achievement, no score) and 西藏's 预算执行进度
 * 考核排名表 (units ranked by execution rate, with a 考核得分 per unit and a 合计 row).
 */
import { Sheet, WorkbookModule, fx, holds, rateHolds, scoreHolds, execScore, AMOUNT_TOL } from "../../corpus2/build/lib";

function declaration(): Sheet {
  const s = new Sheet("绩效目标申报表");
  s.widths = [14, 14, 24, 18, 18, 18];
  s.mergeRow(s.row("项目支出绩效目标申报表"), 1, 6);
  s.mergeRow(s.row("（2024年度）"), 1, 6);
  const r = s.row("项目名称", "南疆四地州农村饮水巩固提升工程", null, "主管部门", "新疆维吾尔自治区某地区水利局");
  s.mergeRow(r, 2, 3);
  s.mergeRow(r, 5, 6);
  const r2 = s.row("实施单位", "某县水利局", null, "项目属性", "☑新增项目  □延续项目");
  s.mergeRow(r2, 2, 3);
  s.mergeRow(r2, 5, 6);
  const h = s.row("项目资金（万元）", "年度资金总额", null, 1260, null, null);
  s.mergeRow(h, 2, 3);
  s.mergeRow(h, 4, 6);
  const h2 = s.row(null, "其中：财政拨款", null, 1200, null, null);
  s.mergeRow(h2, 2, 3);
  s.mergeRow(h2, 4, 6);
  const h3 = s.row(null, "其他资金", null, 60, null, null);
  s.mergeRow(h3, 2, 3);
  s.mergeRow(h3, 4, 6);
  s.merge(`A${h}:A${h3}`);
  holds("新疆 申报 资金", 1260, 1200 + 60, AMOUNT_TOL);
  const g = s.row("年度绩效目标", "新建和改造供水管网186公里，巩固提升3.2万农村人口供水保障水平，水质达标率95%以上。");
  s.mergeRow(g, 2, 6);
  s.row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "指标值设定依据");
  const rows: [string, string, string, string, string][] = [
    ["产出指标", "数量指标", "新建改造供水管网长度", "≥186公里", "项目初步设计批复"],
    ["产出指标", "质量指标", "工程验收合格率", "=100%", "水利工程质量验收规范"],
    ["产出指标", "时效指标", "工程完工时间", "2024年10月31日前", "年度建设计划"],
    ["产出指标", "成本指标", "每公里管网综合造价", "≤6.5万元", "概算批复（6.5万元/公里）"],
    ["效益指标", "社会效益指标", "受益农村人口", "≥3.2万人", "受益村人口统计"],
    ["效益指标", "可持续影响指标", "工程设计使用年限", "≥20年", "设计规范"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "历年调查平均值"],
  ];
  const first = s.next;
  let run = "";
  let runStart = 0;
  for (const [l1, l2, l3, v, basis] of rows) {
    const at = s.row(null, l1 === run ? null : l1, l2, l3, v, basis);
    if (l1 !== run) {
      if (run && at - 1 > runStart) s.merge(`B${runStart}:B${at - 1}`);
      run = l1;
      runStart = at;
    }
  }
  if (s.next - 1 > runStart) s.merge(`B${runStart}:B${s.next - 1}`);
  s.merge(`A${first - 1}:A${s.next - 1}`);
  s.mergeRow(s.row("填报说明：1.绩效指标不少于6个，定量指标为主；2.指标值应与预算资金相匹配。"), 1, 6);
  s.mergeRow(s.row("填报人：艾某　联系电话：0998-2345678　2023年10月20日"), 1, 6);
  return s;
}

function ranking(): Sheet {
  const s = new Sheet("执行进度考核排名");
  s.widths = [6, 22, 12, 14, 10, 10, 10, 6];
  s.mergeRow(s.row("2023年1-11月区直部门预算执行进度考核排名表"), 1, 8);
  const u = s.row("编制单位：西藏自治区某市财政局", null, null, null, null, null, "单位：万元");
  s.mergeRow(u, 1, 6);
  s.mergeRow(u, 7, 8);
  s.row("序号", "单位名称", "全年预算数", "1-11月执行数", "执行率", "序时进度", "考核得分", "排名");
  const units: [string, number, number][] = [
    ["某市教育局", 8650.4, 8123.66],
    ["某市卫生健康委员会", 5320.18, 4898.13],
    ["某市农业农村局", 3860, 3412.24],
    ["某市交通运输局", 2745.5, 2318.75],
    ["某市文化和旅游局", 980.3, 786.21],
  ];
  const first = s.next;
  units.forEach(([name, budget, spent], i) => {
    s.row(i + 1, name, budget, spent, fx(`ROUND(D${s.next}/C${s.next},4)`, "0.00%"), fx("ROUND(11/12,4)", "0.00%"), fx(`ROUND(10*MIN(1,E${s.next}),2)`), i + 1);
  });
  const last = s.next - 1;
  const t = s.row(null, "合计", fx(`SUM(C${first}:C${last})`), fx(`SUM(D${first}:D${last})`), fx(`ROUND(D${s.next}/C${s.next},4)`, "0.00%"), fx("ROUND(11/12,4)", "0.00%"), null, null);
  units.forEach(([name, budget, spent], i) => {
    rateHolds(`西藏 ${name}`, s.num(`E${first + i}`) * 100, spent, budget);
    scoreHolds(`西藏 ${name} score`, s.num(`G${first + i}`), execScore(10, spent, budget));
  });
  rateHolds("西藏 合计", s.num(`E${t}`) * 100, s.num(`D${t}`), s.num(`C${t}`));
  s.mergeRow(s.row("说明：考核得分=10分×执行率（最高10分）；序时进度=11÷12=91.67%；执行率低于序时进度的单位须书面说明原因。"), 1, 8);
  return s;
}

export function lookalikes(): WorkbookModule {
  return {
    file: "06_lookalikes_xinjiang_xizang.xlsx",
    title:
      "Look-alikes (not self-evaluation forms) — **reconstructed from general knowledge** of the 绩效目标申报表 (财预〔2015〕88号 family) and of the execution-progress rankings finance bureaus circulate; the search found no 新疆 or 西藏 table. Both carry the labels a recogniser keys on (项目资金（万元）, 年度资金总额, 一级/二级/三级指标, 年度指标值; 全年预算数, 执行率, 得分) but neither is a self-evaluation: no achievement, no per-indicator score, no total.",
    sheets: [
      { sheet: declaration(), expect: { template: false, findings: [], about: "新疆 项目支出绩效目标申报表 (2024 declaration): budget lines 1,260 = 1,200 + 60, a 年度绩效目标 text, the 一级/二级/三级指标 | 年度指标值 | 指标值设定依据 frame with targets (≥186公里, ≤6.5万元) but no 实际完成值, no 分值, no 得分; a 填报说明 with numbers and a signature line." } },
      { sheet: ranking(), expect: { template: false, findings: [], about: "西藏 预算执行进度考核排名表: per-unit 全年预算数 | 1-11月执行数 | 执行率 (live ROUND formulas, right) | 序时进度 | 考核得分 (=10×MIN(1,执行率), right) | 排名, a 合计 row with SUM formulas, a 说明 with the scoring rule. No indicators, no 分值, no 总分." } },
    ],
  };
}
