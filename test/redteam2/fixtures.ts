/**
 * Sheets for the second red-team round: a Hunan-style department score table (levels weighed in their
 * labels, a 评分标准 column full of numbers, 分值 and 自评得分 columns, a 扣分项 row, a header repeated
 * after a page break), and builders for look-alikes. Every number is consistent under domain.md unless a
 * probe injects a fault; the arithmetic is written next to each.
 */
import { SheetSpec, SpecCell } from "../fixtures/sheetSpec";

type Leaf = [name: string, rule: string, weight: number, score: number, reason?: string];
type Mid = [label: string, leaves: Leaf[]];
type Top = [label: string, mids: Mid[]];

/**
 * 湖南 部门整体支出绩效评价评分表 (市公路局 layout, docs/forms.md "Variants seen"): leaves 15 + 25 + 15 + 25 + 20 =
 * 100; scores 投入 14.5, 过程 24 + 15 = 39, 产出 24, 效果 18.5 → 96 (优).
 */
export const HUNAN: Top[] = [
  ["投 入(15分)", [["预算配置(15分)", [
    ["在职人员控制率", "≦100%，计5分；每超过一个百分点扣0.5分", 5, 5],
    ["“三公经费”变动率", "≦0，计5分；>0，每增加1个百分点扣0.5分", 5, 5],
    ["重点支出安排率", "≥90%计5分，每低1个百分点扣0.5分（实际89%）", 5, 4.5, "重点支出安排率89%，扣0.5分"],
  ]]]],
  ["过 程(40分)", [
    ["预算执行(25分)", [
      ["预算完成率", "=100%计5分，每降低1%扣0.2分", 5, 5],
      ["预算调整率", "=0计5分，每增加1%扣0.2分（调整率5%）", 5, 4, "调整率5%，扣1分"],
      ["支付进度率", "≥100%计5分", 5, 5],
      ["结转结余率", "=0计5分", 5, 5],
      ["公用经费控制率", "≦100%计5分", 5, 5],
    ]],
    ["预算管理(15分)", [
      ["管理制度健全性", "制度健全计5分", 5, 5],
      ["资金使用合规性", "无违规计5分，发现1起扣1分", 5, 5],
      ["预决算信息公开性", "按时公开计5分", 5, 5],
    ]],
  ]],
  ["产 出(25分)", [["职责履行(25分)", [
    ["实际完成率", "100%计10分", 10, 10],
    ["完成及时率", "100%计5分", 5, 5],
    ["质量达标率", "≥95%计10分，实际90%按比例", 10, 9, "质量达标率90%"],
  ]]]],
  ["效 果(20分)", [["履职效益(20分)", [
    ["社会效益", "明显计10分，较明显计8分", 10, 9, "部分效益需长期显现"],
    ["服务对象满意度", "≥95%计10分（实际95%以下按比例）", 10, 9.5, "满意度95%"],
  ]]]],
];

export interface HunanOptions {
  /** A 扣分项 row (-2) before the total; the total becomes 94. */
  deduction?: boolean;
  /** Repeat the header row before 产 出 (a page break), restating the level label. */
  pageBreak?: boolean;
  /** Replace the 总分 row's score (default: the right total). */
  total?: number;
}

/** Hunan score table; returns the sheet and the A1 address of each leaf's score and of labels. */
export function hunanScore(o: HunanOptions = {}): { sheet: SheetSpec; at: Record<string, string> } {
  const rows: SpecCell[][] = [];
  const merges: string[] = [];
  const at: Record<string, string> = {};
  const header: SpecCell[] = ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明"];
  rows.push(["岳阳市公路局2023年度部门整体支出绩效评价评分表"]);
  merges.push("A1:G1");
  rows.push(["单位名称：岳阳市公路局", null, null, null, "金额单位：万元"]);
  rows.push(header);
  let sum = 0;
  for (const [top, mids] of HUNAN) {
    if (o.pageBreak && top.startsWith("产")) rows.push(header.slice());
    const topRow = rows.length + 1;
    for (const [mid, leaves] of mids) {
      const midRow = rows.length + 1;
      for (const [name, rule, w, s, reason] of leaves) {
        const r = rows.length + 1;
        rows.push([r === topRow ? top : null, r === midRow ? mid : null, name, rule, w, s, reason ?? null]);
        at[name] = `F${r}`;
        at[`${name}.weight`] = `E${r}`;
        sum += s;
      }
      if (rows.length > midRow) merges.push(`B${midRow}:B${rows.length}`);
      at[mid] = `B${midRow}`;
    }
    if (rows.length > topRow) merges.push(`A${topRow}:A${rows.length}`);
    at[top] = `A${topRow}`;
  }
  if (o.deduction) {
    rows.push(["扣分项", "违规违纪", "审计发现问题", "发现1起扣2分", null, -2, "审计发现1起违规支出"]);
    at["扣分项"] = `F${rows.length}`;
    sum -= 2;
  }
  const total = Math.round(sum * 100) / 100;
  rows.push(["总分", null, null, null, 100, o.total ?? total, null]);
  merges.push(`A${rows.length}:D${rows.length}`);
  at["总分"] = `F${rows.length}`;
  at["总分.weight"] = `E${rows.length}`;
  rows.push(["评价等级", "优"]);
  merges.push(`B${rows.length}:G${rows.length}`);
  at["等级"] = `B${rows.length}`;
  rows.push(["评价结论", `经自评，本部门2023年度整体支出绩效评价得分${total}分，评价等级为优。`]);
  merges.push(`B${rows.length}:G${rows.length}`);
  at["结论"] = `B${rows.length}`;
  return { sheet: { name: "部门整体评分表", rows, merges }, at };
}

/** A sheet of several tables stacked with blank rows between (the look-alikes of a workbook's other sheets). */
export function sheet(name: string, rows: SpecCell[][], merges: string[] = []): SheetSpec {
  return { name, rows, merges };
}
