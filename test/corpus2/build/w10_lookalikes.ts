/** Sheets that resemble self-evaluation tables but are not: none may give a finding. */
import { Sheet, WorkbookModule, fx, pct, holds, grade, AMOUNT_TOL } from "./lib";

/** 项目支出绩效目标申报表: targets and weights, but no achievements and no scores. */
function application(): Sheet {
  const s = new Sheet("绩效目标申报表");
  s.widths = [12, 14, 16, 26, 16, 8, 10];
  s.mergeRow(s.row("项目支出绩效目标申报表"), 1, 7);
  s.mergeRow(s.row("（2024年度）"), 1, 7);
  s.mergeRow(s.row("项目名称", "社区养老服务驿站运营补贴"), 2, 7);
  const r = s.row("主管部门", "某区民政局", null, null, "实施单位", "某区养老服务指导中心");
  s.mergeRow(r, 2, 4);
  s.mergeRow(r, 6, 7);
  const h = s.row("项目资金（万元）", null, "年度资金总额", 360);
  s.mergeRow(h, 4, 7);
  s.mergeRow(s.row(null, null, "其中：财政拨款", 300), 4, 7);
  s.mergeRow(s.row(null, null, "其他资金", 30), 4, 7);
  s.merge(`A${h}:B${h + 2}`);
  s.mergeRow(s.row("年度绩效目标", "支持30个社区养老服务驿站运营，全年服务老年人8万人次以上。"), 2, 7);
  s.row("绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "分值", "备注");
  const first = s.next;
  s.row(null, "产出指标", "数量指标", "补贴驿站数量", "≥30个", 20);
  s.row(null, "产出指标", "数量指标", "服务老年人次", "≥8万人次", 15);
  s.row(null, "产出指标", "质量指标", "驿站星级评定达标率", "≥90%", 15);
  s.row(null, "效益指标", "社会效益指标", "居家养老服务可及性", "明显提升", 30);
  s.row(null, "满意度指标", "服务对象满意度指标", "服务老人满意度", "≥90%", 10);
  s.merge(`A${first - 1}:A${s.next - 1}`);
  const t = s.row("合计", null, null, null, null, fx(`SUM(F${first}:F${s.next - 1})`));
  s.mergeRow(t, 1, 5);
  s.mergeRow(s.row("注：资金总额360万元中，30万元区级配套资金待年中追加，尚未列入其中项。"), 1, 7);
  if (s.num(`F${t}`) !== 90) throw new Error("申报表 weights");
  return s;
}

/** 预算执行情况表 by 功能分类科目: rates that are not a self-evaluation's. */
function execution(): Sheet {
  const s = new Sheet("预算执行情况表");
  s.widths = [14, 28, 12, 12, 12, 12, 10, 20];
  s.mergeRow(s.row("2023年度部门预算执行情况表"), 1, 8);
  s.mergeRow(s.row("单位：万元"), 1, 8);
  s.row("科目编码", "功能分类科目", "年初预算数", "调整预算数", "全年预算数", "支出决算数", "执行率", "备注");
  const rows: [string, string, number, number, number][] = [
    ["2010301", "行政运行", 1268.4, 35.6, 1286.9],
    ["2010302", "一般行政管理事务", 312, -20, 276.35],
    ["2080505", "机关事业单位基本养老保险缴费支出", 186.2, 0, 186.2],
    ["2210201", "住房公积金", 142.8, 4.2, 147],
  ];
  const first = s.next;
  for (const [code, name, initial, adjust, spent] of rows) {
    const n = s.next;
    s.row(code, name, initial, adjust, fx(`C${n}+D${n}`, "0.00"), spent, fx(`ROUND(F${n}/E${n},4)`, "0.00%"), null);
  }
  const last = s.next - 1;
  const t = s.next;
  s.row("合计", null, ...["C", "D", "E", "F"].map((c) => fx(`SUM(${c}${first}:${c}${last})`, "0.00")), fx(`ROUND(F${t}/E${t},4)`, "0.00%"), null);
  s.mergeRow(t, 1, 2);
  holds("执行情况 合计", s.num(`E${t}`), s.num(`C${t}`) + s.num(`D${t}`), AMOUNT_TOL);
  return s;
}

/** 项目自评结果汇总: one line per project with its score and grade. */
function summary(): Sheet {
  const s = new Sheet("项目自评结果汇总");
  s.widths = [6, 30, 12, 12, 10, 10, 10, 20];
  s.mergeRow(s.row("2023年度项目支出绩效自评结果汇总表"), 1, 8);
  s.row("序号", "项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率", "自评得分", "自评等级", "备注");
  const projects: [string, number, number, number][] = [
    ["城区公厕运维经费", 86, 84.62, 99.84],
    ["农贸市场提升改造补助经费", 240, 218.4, 98.88],
    ["老旧小区雨污分流改造经费", 560, 523.1, 97.44],
    ["社区微更新补助经费", 45.37, 30.25, 84.6],
    ["背街小巷环境整治提升工作经费", 486.3, 463.52, 76.5],
  ];
  projects.forEach(([name, plan, spent, score], i) => {
    s.row(i + 1, name, plan, spent, pct(Math.round((spent / plan) * 10000) / 10000), score, grade(score), score < 90 ? "已督促整改" : null);
  });
  const t = s.row("合计", null, fx(`SUM(C3:C${s.next - 1})`, "0.00"), fx(`SUM(D3:D${s.next - 1})`, "0.00"), null, "—", "—");
  s.mergeRow(t, 1, 2);
  s.mergeRow(s.row("注：等级按优（≥90分）、良（80-90分）、中（60-80分）、差（<60分）划分。"), 1, 8);
  return s;
}

/** 审核意见汇总: the finance bureau's review of units' self-evaluations. */
function review(): Sheet {
  const s = new Sheet("审核意见汇总");
  s.widths = [6, 20, 28, 12, 12, 50];
  s.mergeRow(s.row("2023年度部门绩效自评审核意见汇总表"), 1, 6);
  s.row("序号", "单位名称", "项目名称", "单位自评得分", "财政审核得分", "审核意见");
  s.row(1, "区住建局", "农贸市场提升改造补助经费", 100, 98.88, "执行率91%，执行率得分应为9.1分，单位自评10分；自评得分100分调整为98.88分，等级仍为优。");
  s.row(2, "区住建局", "社区微更新补助经费", 92, 84.6, "执行率66.67%，得分应为6.67分；成本指标未达成扣5分，自评等级由优调整为良。");
  s.row(3, "区城管局", "背街小巷环境整治提升工作经费", 95, 76.5, "绩效指标设置不合理，满意度指标权重20分超过10分上限，核减后总分76.5分，等级为中。");
  s.row(4, "区文旅局", "公共文化活动经费", 88, 88, "自评结果属实，同意自评得分88分、等级良。");
  s.mergeRow(s.row("审核人：区财政局绩效管理股                审核日期：2024年4月30日"), 1, 6);
  return s;
}

export function lookalikes(): WorkbookModule {
  return {
    file: "10_lookalikes.xlsx",
    title: "Sheets that resemble self-evaluation tables but are not (目标申报, 预算执行, 自评结果汇总, 审核意见): none may give a finding.",
    sheets: [
      {
        sheet: application(),
        expect: {
          template: false,
          findings: [],
          about:
            "项目支出绩效目标申报表 (the form filled a year ahead: national 申报表 columns, with 分值 as several provinces add them): 一级/二级/三级指标, 指标值 and 分值 (合计 =SUM → 90) but no 实际完成值 and no 得分; its 年度资金总额 360 is not 300 + 30 (the note says 30 is pending) — a checker must not treat it as a budget block.",
        },
      },
      {
        sheet: execution(),
        expect: {
          template: false,
          findings: [],
          about: "部门预算执行情况表 by 功能分类科目: 年初预算数 | 调整预算数 | 全年预算数 (=年初+调整) | 支出决算数 | 执行率 (=ROUND(÷,4)) | 备注 with a 合计 row — rates with no score, no indicators.",
        },
      },
      {
        sheet: summary(),
        expect: {
          template: false,
          findings: [],
          about: "项目自评结果汇总表: one row per project with 全年预算数, 全年执行数, 执行率, 自评得分 and 自评等级 (consistent with the national bands), a 合计 row and a band note — a list of results, not a self-evaluation table.",
        },
      },
      {
        sheet: review(),
        expect: {
          template: false,
          findings: [],
          about: "The finance bureau's 审核意见汇总: 单位自评得分 vs 财政审核得分 and opinions full of scores, rates and grades (“自评得分100分调整为98.88分”).",
        },
      },
    ],
  };
}
