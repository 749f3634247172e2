/**
 * Sheets the red-team probes vary: a department-wide form (budget block with breakdowns + indicator
 * table), a hierarchical score table, a fund-use table and look-alikes. Every number is consistent
 * under domain.md unless a probe injects a fault; the arithmetic is written next to each.
 */
import { P, SheetSpec, SpecCell, withCell } from "../fixtures/sheetSpec";
import { nationalProject } from "../fixtures/others";

/** Set several cells at once (a copy). */
export function set(spec: SheetSpec, cells: Record<string, SpecCell>): SheetSpec {
  return Object.entries(cells).reduce((acc, [k, v]) => withCell(acc, k, v), spec);
}

/** The national project form of test/fixtures/others.ts (clean: 9.42 + 88.5 = 97.92, 优). */
export const national = nationalProject;
export const nationalConclusion = (score: number, grade = "优") => `该项目自评得分为${score}分，自评等级为${grade}，项目实施达到预期目标。`;

/**
 * Department-wide form: row 1 title, row 2 fields (自评得分 F2, 自评等级 H2), row 3 budget header,
 * rows 4… the budget rows given, then goal rows, an indicator header, six indicators (scores
 * 20 + 15 + 14.69 + 20 + 9 + 10 = 88.69), 总分 and a conclusion. With the execution score 9.55
 * (1910 ÷ 2000 = 95.5 %), the total is 98.24.
 */
export function department(budgetRows: SpecCell[][], name = "部门整体"): SheetSpec {
  const total = 98.24;
  const rows: SpecCell[][] = [
    ["部门整体支出绩效自评表（2023年度）"],
    ["部门名称", "某县市场监督管理局", null, null, "自评得分", total, "自评等级", "优"],
    ["年度预算执行情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ...budgetRows,
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "保障机关正常运转，完成市场监管各项任务。", null, null, "全年完成各项任务。"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "市场主体抽查户数", "≥1200户", "1260户", 20, 20, null],
    [null, "质量指标", "抽查问题整改率", "≥95%", "97%", 15, 15, null],
    [null, "时效指标", "投诉举报按时办结率", "≥98%", "96%", 15, 14.69, "个别疑难投诉办理超期"],
    ["效益指标", "社会效益指标", "食品安全抽检合格率", "≥97%", "98.2%", 20, 20, null],
    [null, "可持续影响指标", "监管长效机制", "健全", "达成年度指标", 10, 9, "信用监管机制仍需完善"],
    ["满意度指标", "服务对象满意度指标", "市场主体满意度", "≥90%", "92%", 10, 10, null],
    ["总分", null, null, null, null, 100, total, null],
    ["自评结论", `经自评，本部门2023年度整体支出绩效自评得分${total}分，等级为优。`],
  ];
  return { name, rows, merges: ["A1:H1"] };
}

/** The 年度资金总额 row of the department form: 1800 | 2000 | 1910 | 10 | 95.5 % | 9.55. */
export const DEPT_TOTAL: SpecCell[] = [null, "年度资金总额", 1800, 2000, 1910, 10, P(0.955), 9.55];

/**
 * 年初 / 全年 / 执行 by kind: 人员 1000 / 1050 / 1048.5, 公用 200 / 210 / 201.5 (基本 1200 / 1260 / 1250),
 * 项目 600 / 740 / 660; by source: 一般公共预算 1700 / 1880 / 1800, 政府性基金 0 / 20 / 20, 单位资金 100 / 100 / 90.
 */
export const DEPT = {
  basic: [1200, 1260, 1250, "—", P(0.9921), "—"] as SpecCell[],
  staff: [1000, 1050, 1048.5, "—", P(0.9986), "—"] as SpecCell[],
  office: [200, 210, 201.5, "—", P(0.9595), "—"] as SpecCell[],
  project: [600, 740, 660, "—", P(0.8919), "—"] as SpecCell[],
  general: [1700, 1880, 1800, "—", P(0.9574), "—"] as SpecCell[],
  fund: [0, 20, 20, "—", P(1), "—"] as SpecCell[],
  own: [100, 100, 90, "—", P(0.9), "—"] as SpecCell[],
};

/** 1-based row of the 总分 row of a department form with n budget rows. */
export const deptTotalRow = (n: number) => 3 + n + 2 + 1 + 6 + 1;

/**
 * Hierarchical score table (一级 分值 二级 分值 三级 分值 得分 扣分原因), 15 leaves scoring 97.21.
 * `flat`: every row repeats its level labels and weights, as budget systems export it.
 */
export const HIER_BODY: [string, number, string, number, string, number, number, string | null][] = [
  ["决策", 15, "项目立项", 5, "立项依据充分性", 3, 3, null],
  ["决策", 15, "项目立项", 5, "立项程序规范性", 2, 2, null],
  ["决策", 15, "绩效目标", 10, "绩效目标合理性", 5, 5, null],
  ["决策", 15, "绩效目标", 10, "绩效指标明确性", 5, 4, "部分指标未细化"],
  ["过程", 25, "资金管理", 15, "资金到位率", 5, 5, null],
  ["过程", 25, "资金管理", 15, "预算执行率", 5, 4.71, "执行率94.2%"],
  ["过程", 25, "资金管理", 15, "资金使用合规性", 5, 5, null],
  ["过程", 25, "组织实施", 10, "管理制度健全性", 5, 5, null],
  ["过程", 25, "组织实施", 10, "制度执行有效性", 5, 5, null],
  ["产出", 40, "产出数量", 15, "实际完成率", 15, 15, null],
  ["产出", 40, "产出质量", 10, "质量达标率", 10, 10, null],
  ["产出", 40, "产出时效", 10, "完成及时性", 10, 10, null],
  ["产出", 40, "产出成本", 5, "成本节约率", 5, 5, null],
  ["效益", 20, "项目效益", 20, "社会效益", 10, 9, "部分效益需长期显现"],
  ["效益", 20, "项目效益", 20, "服务对象满意度", 10, 9.5, "满意度调查95%"],
];

export function hierarchical(flat: boolean): SheetSpec {
  const head: SpecCell[][] = [["项目支出绩效评价评分表"], ["项目名称", "农村人居环境整治"], ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分", "扣分原因"]];
  const merges = ["A1:H1", "B2:H2"];
  const body = HIER_BODY.map((r, i): SpecCell[] => {
    const p = HIER_BODY[i - 1];
    const x: SpecCell[] = r.slice();
    if (!flat && p && p[0] === r[0]) x[0] = x[1] = null;
    if (!flat && p && p[2] === r[2]) x[2] = x[3] = null;
    return x;
  });
  if (!flat) {
    for (const col of [0, 2]) {
      let s = 0;
      for (let i = 1; i <= HIER_BODY.length; i++) {
        if (i === HIER_BODY.length || HIER_BODY[i][col] !== HIER_BODY[s][col]) {
          if (i - 1 > s) for (const c of [col, col + 1]) merges.push(`${"ABCD"[c]}${4 + s}:${"ABCD"[c]}${3 + i}`);
          s = i;
        }
      }
    }
  }
  const tail: SpecCell[][] = [
    ["总分", 100, null, 100, null, 100, 97.21, null],
    ["评价等次", "☑优 □良 □中 □差"],
    ["评价结论", "经评价，该项目得分97.21分，评价等次为优。"],
  ];
  return { name: "评分表", rows: [...head, ...body, ...tail], merges };
}

/** A fund-use table in 万元 with a two-row header, two groups with 小计 and a 合计 (all consistent). */
export function fundTable(): SheetSpec {
  return {
    name: "资金使用",
    rows: [
      ["2023年度农村公路养护资金使用情况表"],
      ["单位：万元"],
      ["序号", "资金来源", "资金下达文件及文号", "预算金额", "资金到位及使用情况", null, null, null, "累计情况", null, "备注"],
      [null, null, null, null, "实际到位资金", "已使用资金", "结余资金", "结转资金", "累计结余资金", "累计结转资金"],
      ["一", "中央资金"],
      [1, "车购税资金", "财建〔2023〕1号", 500, 500, 480.5, 0, 19.5, 0, 19.5],
      [2, "成品油税费改革转移支付", "财建〔2023〕2号", 300, 300, 300, 0, 0, 0, 0],
      [null, "小计", null, 800, 800, 780.5, 0, 19.5, 0, 19.5],
      ["二", "县级配套"],
      [3, "县级养护配套", "县财〔2023〕5号", 200, 180, 170, 10, 0, 12.3, 0],
      [null, "小计", null, 200, 180, 170, 10, 0, 12.3, 0],
      [null, "合计", null, 1000, 980, 950.5, 10, 19.5, 12.3, 19.5],
    ],
    merges: ["A1:K1", "A2:K2", "E3:H3", "I3:J3", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "K3:K4"],
  };
}
