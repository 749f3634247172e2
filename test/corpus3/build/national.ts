/**
 * The national project form (财预〔2020〕10号, domain.md §1a) as provinces lay it out: an optional blank margin
 * column, the unit in the budget header, first-level labels merged down their rows (with or without a declared
 * weight), a 总分 row, and optional 自评等级 and 自评结论 rows below.
 */
import { Sheet, Item, Value, colName } from "../../corpus2/build/lib";

export type Amount = number | string | null;
export interface NatItem extends Item {
  l1: string;
  l2: string;
  target: string;
}
export interface NatForm {
  title: string;
  year: string;
  project: string;
  dept: [string, string];
  unit: "万元" | "元";
  /** 年度资金总额 and the 其中 rows: [label, 年初, 全年, 执行]. */
  budget: [string, Value, Value, Value][];
  rate: Value;
  execScore: Value;
  goal: [string, string];
  items: NatItem[];
  total: Value;
  grade?: string;
  conclusion?: string;
  /** Blank margin columns before column A's content. */
  off?: number;
  /** A two-row budget header: 预算数 over 年初预算数 | 全年预算数, the other headers merged down both rows. */
  twoRowHeader?: boolean;
  /** A top line 自评得分 | value | 自评等级 | grade, under the 主管部门 row. */
  top?: [Value, string];
  /** Stated rates of the 其中 rows (“—” unless given). */
  subRates?: Value[];
  /** The 分值 stated on the 总分 row (100 unless a module says otherwise). */
  tableWeight?: Value;
}
export interface NatLayout {
  sheet: Sheet;
  /** Address helpers: column letter of logical column k (1-based). */
  col: (k: number) => string;
  budgetRows: number[];
  topRow?: number;
  sumRow: number;
  gradeRow?: number;
  conclusionRow?: number;
  l1Rows: Map<string, number>;
}

export function writeNational(s: Sheet, f: NatForm): NatLayout {
  const off = f.off ?? 0;
  const col = (k: number) => colName(k + off);
  const put = (...vals: Value[]) => s.row(...Array(off).fill(null), ...vals);
  const mergeRow = (r: number, a: number, b: number) => s.mergeRow(r, a + off, b + off);
  mergeRow(put(f.title), 1, 9);
  mergeRow(put(f.year), 1, 9);
  const p = put("项目名称", f.project);
  mergeRow(p, 2, 9);
  const d = put("主管部门", f.dept[0], null, null, "实施单位", f.dept[1]);
  mergeRow(d, 2, 4);
  mergeRow(d, 6, 9);
  let topRow: number | undefined;
  if (f.top) {
    topRow = put("自评得分", f.top[0], null, null, "自评等级", f.top[1]);
    mergeRow(topRow, 2, 4);
    mergeRow(topRow, 6, 9);
  }
  let head: number;
  if (f.twoRowHeader) {
    head = put(`项目资金（${f.unit}）`, null, "预算数", null, "全年执行数", "分值", "执行率", "得分");
    const h2 = put(null, null, "年初预算数", "全年预算数");
    mergeRow(head, 3, 4);
    for (const k of [5, 6, 7]) s.merge(`${col(k)}${head}:${col(k)}${h2}`);
    s.merge(`${col(8)}${head}:${col(9)}${h2}`);
  } else {
    head = put(`项目资金（${f.unit}）`, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
    mergeRow(head, 8, 9);
  }
  const budgetRows: number[] = [];
  f.budget.forEach(([label, a, b, c], i) => {
    const r = i === 0 ? put(null, label, a, b, c, 10, f.rate, f.execScore) : put(null, label, a, b, c, "—", f.subRates ? f.subRates[i - 1] : "—", "—");
    mergeRow(r, 8, 9);
    budgetRows.push(r);
  });
  s.merge(`${col(1)}${head}:${col(1)}${s.next - 1}`);
  const g1 = put("年度总体目标", "预期目标", null, null, null, "实际完成情况");
  mergeRow(g1, 2, 5);
  mergeRow(g1, 6, 9);
  const g2 = put(null, f.goal[0], null, null, null, f.goal[1]);
  mergeRow(g2, 2, 5);
  mergeRow(g2, 6, 9);
  s.merge(`${col(1)}${g1}:${col(1)}${g2}`);
  const ih = put("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
  const l1Rows = new Map<string, number>();
  let runStart = 0;
  let runLabel = "";
  const closeRun = (end: number) => {
    if (runLabel && end > runStart) s.merge(`${col(2)}${runStart}:${col(2)}${end}`);
  };
  for (const it of f.items) {
    const r = put(null, it.l1 === runLabel ? null : it.l1, it.l2, it.name, it.target, it.actual, it.weight, it.score, it.reason);
    it.row = r;
    if (it.l1 !== runLabel) {
      closeRun(r - 1);
      runLabel = it.l1;
      runStart = r;
      l1Rows.set(it.l1, r);
    }
  }
  closeRun(s.next - 1);
  s.merge(`${col(1)}${ih}:${col(1)}${s.next - 1}`);
  const sumRow = put("总分", null, null, null, null, null, f.tableWeight ?? 100, f.total);
  mergeRow(sumRow, 1, 6);
  mergeRow(sumRow, 8, 9);
  let gradeRow: number | undefined;
  let conclusionRow: number | undefined;
  if (f.grade !== undefined) {
    gradeRow = put("自评等级", f.grade);
    mergeRow(gradeRow, 2, 9);
  }
  if (f.conclusion !== undefined) {
    conclusionRow = put("自评结论", f.conclusion);
    mergeRow(conclusionRow, 2, 9);
  }
  return { sheet: s, col, budgetRows, topRow, sumRow, gradeRow, conclusionRow, l1Rows };
}

export const BOX = (g: string) => ["优", "良", "中", "差"].map((x) => (x === g ? `☑${x}` : `□${x}`)).join(" ");
