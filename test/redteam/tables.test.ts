/**
 * RT-T: hierarchical score tables (domain.md §1d) and fund-use tables (§1g) as offices and budget systems
 * lay them out. Bases: test/redteam/fixtures.ts hierarchical() (15 leaves, 97.21, 优) and fundTable()
 * (two groups with 小计, a 合计, 累计 columns), plus the seed fund table. "[was a defect]" tests fail today.
 */
import { CLEAN, cleanVerdict, faultDelta, only } from "./harness";
import { fundTable, HIER_BODY, hierarchical, set } from "./fixtures";
import { unmerge } from "../fixtures/sheetSpec";
import { fundUse } from "../fixtures/yunnan";

describe("RT-T01 hierarchical table (一级 分值 二级 分值 三级 分值 得分)", () => {
  // Rows: 3 header, 4–18 leaves, 19 总分, 20 评价等次, 21 conclusion. 资金管理 (二级, 15) spans rows 8–10.
  const merged = hierarchical(false);
  const flat = hierarchical(true);
  test("[ok] merged level labels: clean", () => expect(cleanVerdict(merged)).toEqual(CLEAN));
  test("[ok] budget-system export, labels and weights repeated on every row: clean", () => expect(cleanVerdict(flat)).toEqual(CLEAN));
  test("[ok] merged labels typed without merging (only the first row): clean", () => expect(cleanVerdict(unmerge(merged))).toEqual(CLEAN));
  test("[ok] 资金管理 declares 14 (children 5 + 5 + 5): at its 分值 cell", () => expect(faultDelta(merged, set(merged, { D8: 14 }))).toEqual(only("LEVEL_WEIGHT_MISMATCH@D8 error")));
  test("[ok] export: 资金管理 14 on each of its rows: one finding at the first", () => {
    expect(faultDelta(flat, set(flat, { D8: 14, D9: 14, D10: 14 }))).toEqual(only("LEVEL_WEIGHT_MISMATCH@D8 error"));
  });
  test("[ok] a leaf scored 6 of 5", () => expect(faultDelta(merged, set(merged, { G8: 6 }))).toEqual(only("SCORE_EXCEEDS_WEIGHT@G8 error")));
  test("[ok] 总分 98", () => expect(faultDelta(merged, set(merged, { G19: 98 }))).toEqual(only("TOTAL_MISMATCH@G19 error")));
  const withDeduction = () => {
    const rows = [...merged.rows.slice(0, 18), ["扣分项", null, null, null, "违规使用资金", null, -1, "审计发现1处"], ...merged.rows.slice(18)];
    return set({ ...merged, rows }, { G20: 96.21, B22: "经评价，该项目得分96.21分，评价等次为优。" });
  };
  test("[ok] 扣分项 row written -1 (total 96.21)", () => expect(cleanVerdict(withDeduction())).toEqual(CLEAN));
  test("[ok] 扣分项 row written 1 (total 96.21)", () => expect(cleanVerdict(set(withDeduction(), { G19: 1 }))).toEqual(CLEAN));
  test("[was a defect] 扣分项 row written 扣1分: UNREADABLE_VALUE error on a correct sheet", () => {
    expect(cleanVerdict(set(withDeduction(), { G19: "扣1分" }))).toEqual(CLEAN);
  });
  test("[ok] weights only in the labels at every level (决策（15分）› 项目立项（5分）› …（3分）), unmerged", () => {
    const body = HIER_BODY.map((r, i, all) => {
      const p = all[i - 1];
      return [p && p[0] === r[0] ? null : `${r[0]}（${r[1]}分）`, p && p[2] === r[2] ? null : `${r[2]}（${r[3]}分）`, `${r[4]}（${r[5]}分）`, r[6]];
    });
    const s = { name: "得分表", rows: [["项目支出绩效评价评分表"], ["一级指标", "二级指标", "三级指标", "得分"], ...body, ["合计", null, null, 97.21], ["评价结论", "经评价，该项目得分97.21分，评价等次为优。"]], merges: [] };
    expect(cleanVerdict(s)).toEqual(CLEAN);
    expect(faultDelta(s, set(s, { D4: 5 }))).toEqual(only("SCORE_EXCEEDS_WEIGHT@D4 error"));
  });
});

describe("RT-T02 fund-use tables", () => {
  const seed = fundUse();
  test("[ok] seed table: clean; a row's 结余 and the 合计 已使用", () => {
    expect(cleanVerdict(seed)).toEqual(CLEAN);
    expect(faultDelta(seed, set(seed, { G5: 5 }))).toEqual(only("BUDGET_SUM_MISMATCH@G5 error"));
    expect(faultDelta(seed, set(seed, { F13: 940 }))).toEqual(only("BUDGET_SUM_MISMATCH@F13 error"));
  });
  const t = fundTable();
  test("[ok] two-row header, 小计 and 合计, 累计 columns: clean", () => expect(cleanVerdict(t)).toEqual(CLEAN));
  test("[ok] a 小计 cell", () => expect(faultDelta(t, set(t, { F8: 790.5 }))).toEqual(only("BUDGET_SUM_MISMATCH@F8 error")));
  test("[ok] the 合计 到位 cell", () => expect(faultDelta(t, set(t, { E12: 990 }))).toEqual(only("BUDGET_SUM_MISMATCH@E12 error")));
  test("[ok] a row's 结转 (at the row's 结余 cell, per contract)", () => {
    expect(faultDelta(t, set(t, { H6: 9.5, H8: 9.5, J6: 9.5, J8: 9.5, H12: 9.5, J12: 9.5 }))).toEqual(only("BUDGET_SUM_MISMATCH@G6 error"));
  });
  test("[ok] blanks and dashes for zeros", () => {
    expect(cleanVerdict(set(t, { G6: null, G7: "-", H7: "-", I6: null, I7: "-", J7: null, G8: null }))).toEqual(CLEAN);
  });
  test("[ok] 小计 as live formulas with cached results (incl. 0)", () => {
    expect(cleanVerdict(set(t, { D8: { v: 800, f: "=SUM(D6:D7)" }, G8: { v: 0, f: "=SUM(G6:G7)" }, I8: { v: 0, f: "=SUM(I6:I7)" } }))).toEqual(CLEAN);
  });
});
