/**
 * The forms of the third red-team set, written with the second corpus's kit: the national project form (corpus3's
 * writer, plus the free-text rows offices add below it), the 四川 project form (domain.md §1c, as corpus2's 大英), the
 * department form (§1e block + the national indicator table, labels of seed 002's 部门整体 form) and the hierarchical
 * table (§1d, seed 001).
 */
import { Sheet, Value, Item, pct, round } from "../../corpus2/build/lib";
import { writeNational, NatForm, NatItem, NatLayout } from "../../corpus3/build/national";

export const BOX = (g: string) => ["优", "良", "中", "差"].map((x) => (x === g ? `☑${x}` : `□${x}`)).join(" ");

/** The national form, then labelled free-text rows (存在问题, 改进措施, 备注, 说明 …) merged across. */
export function national(s: Sheet, f: NatForm, extra: [string | null, string][]): NatLayout & { extraRows: number[] } {
  s.widths = [10, 14, 16, 20, 14, 14, 8, 10, 30];
  const l = writeNational(s, f);
  const extraRows = extra.map(([label, text]) => {
    const r = label === null ? s.row(text) : s.row(label, text);
    s.mergeRow(r, label === null ? 1 : 2, 9);
    return r;
  });
  return { ...l, extraRows };
}

export interface ScItem extends Item {
  l1: string;
  l2: string;
  nature: string;
  target: Value;
  unit: string;
}
export interface Sichuan {
  name: string;
  dept: string;
  /** 总额: 年初, 调整后, 执行. */
  budget: [number, number, number];
  execScore: number;
  items: ScItem[];
  total: number;
  conclusion: string;
  problems: string;
  measures: string;
  note: string;
}
/** 部门预算项目支出绩效自评表 (四川, §1c), laid out as corpus2's 大英 sheet. */
export function sichuan(s: Sheet, f: Sichuan): { sumRow: number; conclusionRow: number; rate: number } {
  s.widths = [14, 16, 12, 22, 8, 10, 8, 10, 8, 8, 26];
  s.mergeRow(s.row("部门预算项目支出绩效自评表"), 1, 11);
  s.mergeRow(s.row("（2023年度）"), 1, 11);
  const r3 = s.row("项目名称", f.name, null, null, null, "主管部门", f.dept);
  s.mergeRow(r3, 2, 5);
  s.mergeRow(r3, 7, 11);
  const head = s.row("预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因");
  s.mergeRow(head, 9, 11);
  const [a, b, c] = f.budget;
  const rate = c / b;
  s.mergeRow(s.row(null, "总额", a, b, c, pct(round(rate, 4)), 10, f.execScore, null), 9, 11);
  s.mergeRow(s.row(null, "其中：财政资金", a, b, c, pct(round(rate, 4)), "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"), 9, 11);
  s.mergeRow(s.row(null, "其他资金", null, null, null, null, "/", "/"), 9, 11);
  s.merge(`A${head + 1}:A${s.next - 1}`);
  const ih = s.row("绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析");
  for (const it of f.items) it.row = s.row(null, it.l1, it.l2, it.name, it.nature, it.target, it.unit, it.actual, it.weight, it.score, it.reason);
  s.merge(`A${ih + 1}:A${s.next - 1}`);
  const sumRow = s.row("合计", null, null, null, null, null, null, null, 100, f.total);
  s.mergeRow(sumRow, 1, 8);
  const conclusionRow = s.row("评价结论", f.conclusion);
  s.mergeRow(conclusionRow, 2, 11);
  s.mergeRow(s.row("存在问题", f.problems), 2, 11);
  s.mergeRow(s.row("改进措施", f.measures), 2, 11);
  s.mergeRow(s.row(f.note), 1, 11);
  return { sumRow, conclusionRow, rate };
}

export type DeptRow = [label: string, start: number, adjust: number, income: number, spent: number];
export interface Dept {
  name: string;
  rows: DeptRow[];
  score: number;
  goal: [string, string];
  items: NatItem[];
  total: number;
  grade: string;
  conclusion: string;
  problems: string;
  measures: string;
}
/** 部门整体支出绩效自评表: §1e block with 分值/得分 on the 年度资金总额 row, the indicator table, and seed 002's labels. */
export function dept(s: Sheet, d: Dept): { conclusionRow: number; rates: number[] } {
  s.widths = [10, 18, 14, 16, 14, 14, 8, 10, 28];
  s.mergeRow(s.row("部门整体支出绩效自评表"), 1, 9);
  s.mergeRow(s.row("（2023年度）"), 1, 9);
  s.mergeRow(s.row("部门（单位）名称", d.name), 2, 9);
  s.mergeRow(s.row(null, null, null, null, null, null, null, "单位：万元"), 8, 9);
  const head = s.row("年度预算执行情况", null, "年初预算数", "预算调整数（调增为“+”，调减为“-”）", "全年收入决算数", "全年支出决算数", "分值", "执行率", "得分");
  const rates: number[] = [];
  d.rows.forEach(([label, a, b, c, e], i) => {
    const rate = e / c;
    rates.push(rate);
    s.row(null, label, a, b, c, e, i === 0 ? 10 : "/", pct(round(rate, 4)), i === 0 ? d.score : "/");
  });
  s.merge(`A${head}:A${s.next - 1}`);
  const g = s.row("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  s.mergeRow(g, 2, 5);
  s.mergeRow(g, 6, 9);
  const g2 = s.row(null, d.goal[0], null, null, null, d.goal[1]);
  s.mergeRow(g2, 2, 5);
  s.mergeRow(g2, 6, 9);
  s.merge(`A${g}:A${g2}`);
  const ih = s.row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  let label = "";
  let start = 0;
  for (const it of d.items) {
    const r = s.row(null, it.l1 === label ? null : it.l1, it.l2, it.name, it.target, it.actual, it.weight, it.score, it.reason);
    it.row = r;
    if (it.l1 !== label) {
      if (label && r - 1 > start) s.merge(`B${start}:B${r - 1}`);
      label = it.l1;
      start = r;
    }
  }
  if (s.next - 1 > start) s.merge(`B${start}:B${s.next - 1}`);
  s.merge(`A${ih}:A${s.next - 1}`);
  s.mergeRow(s.row("总分", null, null, null, null, null, 100, d.total), 1, 6);
  s.mergeRow(s.row("自评等级", d.grade), 2, 9);
  const conclusionRow = s.row("部门（单位）自评结论", d.conclusion);
  s.mergeRow(conclusionRow, 2, 9);
  s.mergeRow(s.row("部门（单位）自评存在问题", d.problems), 2, 9);
  s.mergeRow(s.row("部门（单位）自评改进措施", d.measures), 2, 9);
  return { conclusionRow, rates };
}

export type Leaf = [name: string, weight: number, score: number, rule: string, reason: string | null];
export type Level2 = [name: string, declared: number, leaves: Leaf[]];
export type Level1 = [label: string, declared: number, groups: Level2[]];
/** 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 评分标准 | 得分 | 扣分原因 (§1d, seed 001), 总分 row, 评价等次, band line, 评价结论. */
export function hierarchical(s: Sheet, title: string, frame: Level1[], total: number, box: string, band: string, conclusion: string): { items: Item[]; conclusionRow: number } {
  s.widths = [14, 6, 14, 6, 22, 6, 40, 8, 30];
  s.mergeRow(s.row(title), 1, 9);
  s.row("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "得分", "扣分原因");
  const items: Item[] = [];
  for (const [l1, w1, groups] of frame) {
    const first1 = s.next;
    for (const [l2, w2, leaves] of groups) {
      const first2 = s.next;
      for (const [name, w, score, rule, reason] of leaves) {
        const r = s.row(l1, w1, l2, w2, name, w, rule, score, reason);
        items.push({ name, weight: w, score, actual: "—", reason, row: r, band: [0, 1.0001] });
      }
      if (s.next - 1 > first2) {
        s.merge(`C${first2}:C${s.next - 1}`);
        s.merge(`D${first2}:D${s.next - 1}`);
      }
    }
    s.merge(`A${first1}:A${s.next - 1}`);
    s.merge(`B${first1}:B${s.next - 1}`);
  }
  s.row("总分", 100, null, 100, null, 100, null, total);
  s.mergeRow(s.row("评价等次", box), 2, 9);
  s.mergeRow(s.row(band), 1, 9);
  const conclusionRow = s.row("评价结论", conclusion);
  s.mergeRow(conclusionRow, 2, 9);
  return { items, conclusionRow };
}
