/**
 * RT-L: how real offices lay the forms out — inserted blank and note rows, unmerged and repeated labels,
 * a 序号 column, hidden last-year columns, stacked forms, two tables side by side, parent headers centred
 * across sub-columns instead of merged (跨列居中), and the same variations applied to the corpus workbooks.
 * "[was a defect]" tests fail today.
 */
import { CLEAN, cleanVerdict, faultDelta, line, only, run } from "./harness";
import { national, nationalConclusion, set } from "./fixtures";
import { corpusSheet, EXPECTED, moveCell, templateSheets } from "./corpusMutate";
import { insertColumn, insertRows, mapText, P, SheetSpec, stack, unmerge } from "../fixtures/sheetSpec";
import { yunnanConsistent, yunnanProject } from "../fixtures/yunnan";

const base = national();

describe("RT-L01 rows and columns staff add (national form, clean)", () => {
  const cases: [string, SheetSpec][] = [
    ["blank row inside the budget block", insertRows(base, 7, [[]])],
    ["note row inside the indicators (注：以下为效益指标)", insertRows(base, 18, [[null, "注：以下为效益指标"]])],
    ["two blank rows inside the indicators", insertRows(base, 18, [[], []])],
    ["unmerged, labels repeated on every row", unmerge(base, [0, 1, 2])],
    ["unmerged, labels only on the first row", unmerge(base)],
    ["序号 column inserted at A", insertColumn(base, 0)],
    ["column J of last year's figures (上年执行数 / 上年得分)", set(base, { J5: "上年执行数", J6: 130, J12: "上年得分", J13: 9, J14: 8, J21: 95 })],
    ["column J 2022年全年执行数", set(base, { J5: "2022年全年执行数", J6: 130 })],
    ["column J 上年执行率 80 %", set(base, { J5: "上年执行率", J6: P(0.8) })],
    ["备注 column with numbers in it", set(base, { J12: "备注", J13: 12, J14: "950/1000" })],
  ];
  test.each(cases)("[ok] %s", (_n, s) => expect(cleanVerdict(s)).toEqual(CLEAN));
});

describe("RT-L02 stacked forms and tables side by side", () => {
  // Form 2: 150 of 150 → 100 % → 10; total 88.5 + 10 = 98.5.
  const np2 = set(base, { B3: "基层政务服务培训（二期）", F6: 150, F7: 130, H6: P(1), H7: P(1), I6: 10, H21: 98.5, B23: nationalConclusion(98.5) });
  const off = base.rows.length + 2;
  const stacked = stack("两个项目", [base, np2], 2);
  test("[ok] two national forms stacked: clean", () => expect(cleanVerdict(stacked)).toEqual(CLEAN));
  test("[ok] stacked: form 2's total", () => expect(faultDelta(stacked, set(stacked, { [`H${21 + off}`]: 97.92 }))).toEqual(only(`TOTAL_MISMATCH@H${21 + off} error`)));
  test("[ok] stacked: form 2's grade", () => expect(faultDelta(stacked, set(stacked, { [`B${22 + off}`]: "良" }))).toEqual(only(`GRADE_MISMATCH@B${22 + off} error`)));
  test("[ok] stacked: form 1's sentence quoting form 2's score", () => expect(faultDelta(stacked, set(stacked, { B23: nationalConclusion(98.5) }))).toEqual(only("CONCLUSION_SCORE_MISMATCH@B23 error")));
  const noGap = stack("两个项目", [base, np2], 0);
  test("[ok] stacked with no blank row between: form 2's total", () => {
    const r = 21 + base.rows.length;
    expect(cleanVerdict(noGap)).toEqual(CLEAN);
    expect(faultDelta(noGap, set(noGap, { [`H${r}`]: 97.92 }))).toEqual(only(`TOTAL_MISMATCH@H${r} error`));
  });
  // Side by side: form 2 starts at column K (10 columns right).
  const width = 10;
  const shift = (m: string) => m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => String.fromCharCode(c.charCodeAt(0) + width) + r);
  const side: SheetSpec = {
    name: "并排",
    rows: base.rows.map((r, i) => { const a = r.slice(); while (a.length < width) a.push(null); return [...a, ...(np2.rows[i] ?? [])]; }),
    merges: [...(base.merges ?? []), ...(np2.merges ?? []).map(shift)],
  };
  test("[ok] side by side: clean", () => expect(cleanVerdict(side)).toEqual(CLEAN));
  test.each([
    ["right total", { R21: 97.92 }, "TOTAL_MISMATCH@R21 error"],
    ["right grade", { L22: "良" }, "GRADE_MISMATCH@L22 error"],
    ["right conclusion", { L23: nationalConclusion(97) }, "CONCLUSION_SCORE_MISMATCH@L23 error"],
    ["left rate", { H6: P(0.95) }, "EXEC_RATE_MISMATCH@H6 error"],
  ] as const)("[ok] side by side: %s", (_n, cells, want) => expect(faultDelta(side, set(side, cells as never))).toEqual(only(want)));

  test("[ok] two Yunnan forms stacked; form 2's 自评得分", () => {
    const y1 = yunnanProject(yunnanConsistent);
    const y2 = yunnanProject({ ...yunnanConsistent, project: "第二个项目", headerScore: 95.5, indicators: yunnanConsistent.indicators.map((i) => (i.name === "政务服务大楼正常运转" ? { ...i, score: 26 } : i)), total: { weight: "90 分", score: 95.5 } });
    const ys = stack("云南两表", [y1, y2], 1);
    const cell = `B${3 + y1.rows.length + 1}`;
    expect(cleanVerdict(ys)).toEqual(CLEAN);
    expect(faultDelta(ys, set(ys, { [cell]: 97.5 }))).toEqual(only(`HEADER_SCORE_MISMATCH@${cell} error`));
  });
});

describe("RT-L03 [was a defect] parent headers centred across their sub-columns instead of merged (跨列居中)", () => {
  // Corpus 03 项目支出自评表 made clean (stale rate formula refreshed: (498.20 + 20.35) ÷ 536.50 = 96.65 % → 9.67;
  // 网络安全事件 weight 10; 总分 98.67). Its header: 预算数 over 年初/调整数/全年 (C5:E5), 执行数 over
  // 财政拨款/其他资金 (F5:G5). Offices often use 跨列居中 instead of merging: same look, no merge.
  // Today 执行数 covers only 财政拨款: 498.20 ÷ 536.50 = 92.86 % → false EXEC_RATE and EXEC_SCORE errors with fixes
  // that overwrite the right rate, score and total; and a wrong rate is no longer found.
  async function clean03() {
    const s = await corpusSheet("03_central_ministry.xlsx", "项目支出自评表");
    return set(s, { I7: { v: 0.9665, f: "=ROUND((F7+G7)/E7,4)", fmt: "0.00%" }, J7: 9.67, G17: 10, H17: 10, H20: 98.67 });
  }
  test("[ok] merged as in the corpus: clean; a wrong rate is found", async () => {
    const c = await clean03();
    expect(cleanVerdict(c)).toEqual(CLEAN);
    expect(faultDelta(c, set(c, { I7: P(0.99) }))).toEqual(only("EXEC_RATE_MISMATCH@I7 error"));
  });
  test("[was a defect] not merged: clean", async () => {
    const c = await clean03();
    expect(cleanVerdict({ ...c, merges: (c.merges ?? []).filter((m) => !/^(C5|F5):/.test(m)) })).toEqual(CLEAN);
  });
  test("[was a defect] not merged: a wrong rate is found", async () => {
    const c = await clean03();
    const um = { ...c, merges: (c.merges ?? []).filter((m) => !/^(C5|F5):/.test(m)) };
    expect(faultDelta(um, set(um, { I7: P(0.99) }))).toEqual(only("EXEC_RATE_MISMATCH@I7 error"));
  });
  test("[ok] 执行数 › 财政拨款 | 其他资金 | 合计: the 合计 sub-column is not added again", async () => {
    let t = insertColumn(await clean03(), 7);
    t = set(t, { H6: "合计", H7: 518.55 });
    t = { ...t, merges: (t.merges ?? []).map((m) => (m === "F5:G5" ? "F5:H5" : m)) };
    expect(cleanVerdict(t)).toEqual(CLEAN);
  });
});

describe("RT-L04 [was a defect] Yunnan form typed without any merge", () => {
  // The 总分 row reads 总分 | | | 90 分 | 得分合计 | | 97.5 with 97.5 under the 指标分值 column once the G:I
  // merge is gone. Today: WEIGHT_TOTAL_MISMATCH "总分的分值应为 100 … 表中为 97.5" on a correct sheet.
  test("[was a defect] unmerged, labels repeated: clean", () => {
    expect(cleanVerdict(unmerge(yunnanProject(yunnanConsistent), [0, 1, 2]))).toEqual(CLEAN);
  });
  test("[ok] only the level labels unmerged (total row still merged): clean", () => {
    const y = yunnanProject(yunnanConsistent);
    expect(cleanVerdict({ ...y, merges: (y.merges ?? []).filter((m) => !/^[BC]\d+:[BC]\d+$/.test(m)) })).toEqual(CLEAN);
  });
});

describe("RT-L05 corpus template sheets under neutral layout changes: expected findings still found, no new error", () => {
  const sig = (f: { code: string; cell: string; severity: string }) => `${f.code}@${f.cell} ${f.severity}`;
  type Mut = [string, (s: SheetSpec) => SheetSpec, (c: string) => string];
  const totalRowOf = (s: SheetSpec) =>
    s.rows.findIndex((r) => r.some((c) => typeof c === "object" && c !== null && typeof (c as { v: unknown }).v === "string" && /^(总分|合计|得分合计)$/.test(String((c as { v: unknown }).v).replace(/\s/g, ""))));
  const muts = (s: SheetSpec): Mut[] => {
    const t = totalRowOf(s);
    return [
      ["unmerge all", (x) => unmerge(x), (c) => c],
      ["unmerge, labels A–C repeated", (x) => unmerge(x, [0, 1, 2]), (c) => c],
      ["序号 column at A", (x) => insertColumn(x, 0), (c) => moveCell(c, undefined, 0)],
      ...(t > 0 ? [["blank row before the total", (x: SheetSpec) => insertRows(x, t + 1, [[]]), (c: string) => moveCell(c, { at: t + 1, n: 1 })] as Mut] : []),
      ["half-width brackets and colons", (x) => mapText(x, (v) => v.replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":")), (c) => c],
      ["spaces inside short labels", (x) => mapText(x, (v) => (v.length <= 6 && /^[\u4e00-\u9fa5]+$/.test(v) ? v.split("").join(" ") : v)), (c) => c],
    ];
  };
  const KNOWN = new Set([
    "03_central_ministry.xlsx|项目支出自评表|unmerge all",
    "03_central_ministry.xlsx|项目支出自评表|unmerge, labels A–C repeated",
    "03_central_ministry.xlsx|部门整体自评表|unmerge all",
    "03_central_ministry.xlsx|部门整体自评表|unmerge, labels A–C repeated",
  ]);
  const cases: [string, string, string][] = [];
  for (const [file, sheet] of templateSheets()) for (const m of ["unmerge all", "unmerge, labels A–C repeated", "序号 column at A", "blank row before the total", "half-width brackets and colons", "spaces inside short labels"]) cases.push([file, sheet, m]);
  test.each(cases.map(([f, s, m]) => [`${KNOWN.has(`${f}|${s}|${m}`) ? "[was a defect]" : "[ok]"} ${f} ${s} — ${m}`, f, s, m]))("%s", async (_n, file, sheet, mutName) => {
    const s = await corpusSheet(file, sheet);
    const m = muts(s).find((x) => x[0] === mutName);
    if (!m) return; // no total row to insert before
    const got = run(m[1](s)).result;
    const want = EXPECTED[file][sheet].findings.map((e) => sig({ ...e, cell: m[2](e.cell) }));
    const have = got.findings.map(sig);
    expect({ missing: want.filter((w) => !have.includes(w)), extraErrors: got.findings.filter((f) => f.severity === "error" && !want.includes(sig(f))).map(line) }).toEqual({ missing: [], extraErrors: [] });
  });
});

describe("RT-L06 two-row headers on the national form", () => {
  // Indicator header over two rows (parents over sub-columns); rows shift by one: indicators 14–21, 总分 22.
  const indicatorTwoRows = (parents: Record<string, string>, spans: string[]) => {
    let s: SheetSpec = insertRows(base, 12, [[]]);
    const singles = ["B", "C", "D", "E", "F", "G", "H", "I"].filter((c) => !spans.some((m) => m.startsWith(c) || m.includes(`:${c}`)));
    s = { ...s, merges: [...(s.merges ?? []).filter((m) => !/^A12:/.test(m)), "A12:A21", ...spans, ...singles.map((c) => `${c}12:${c}13`)] };
    const labels: Record<string, string> = { B: "一级指标", C: "二级指标", D: "三级指标", E: "年度指标值", F: "实际完成值", G: "分值", H: "得分", I: "偏差原因分析及改进措施" };
    const cells: Record<string, string | null> = { A12: "绩效指标", A13: null };
    for (const c of Object.keys(labels)) {
      const spanned = spans.some((m) => m.startsWith(c) || m.includes(`:${c}`));
      cells[`${c}12`] = spanned ? null : labels[c];
      cells[`${c}13`] = spanned ? labels[c] : null;
    }
    return set(s, { ...cells, ...parents });
  };
  const both = indicatorTwoRows({ E12: "指标完成情况", G12: "评分" }, ["E12:F12", "G12:H12"]);
  test("[ok] 指标完成情况 over 年度指标值 | 实际完成值, 评分 over 分值 | 得分: clean", () => expect(cleanVerdict(both)).toEqual(CLEAN));
  test("[ok] … and a score above its weight is found", () => expect(faultDelta(both, set(both, { H14: 12 }))).toEqual(only("SCORE_EXCEEDS_WEIGHT@H14 error")));
  test("[ok] … and an over-scored indicator is found", () => expect(faultDelta(both, set(both, { F15: "900人" }))).toEqual(only("INDICATOR_SCORE_MISMATCH@H15 error")));
  // Budget header: 预算数 over 年初 | 全年 (other columns merged over both rows); rows shift by one.
  const budgetTwoRows = (initial: string, adjusted: string) => {
    let t: SheetSpec = insertRows(base, 5, [[]]);
    t = { ...t, merges: [...(t.merges ?? []).filter((m) => !/^A5:|^A6:A10$/.test(m)), "A5:C6", "D5:E5", "F5:F6", "G5:G6", "H5:H6", "I5:I6", "A7:A10"] };
    return set(t, { A5: "项目资金（万元）", D5: "预算数", E5: null, F5: "全年执行数", G5: "分值", H5: "执行率", I5: "得分", A6: null, D6: initial, E6: adjusted, F6: null, G6: null, H6: null, I6: null });
  };
  test.each([["年初", "全年"], ["年初预算", "调整后"], ["年初数", "全年数"]])("[ok] 预算数 › %s | %s: clean; a wrong rate is found", (a, b) => {
    const t = budgetTwoRows(a, b);
    expect(cleanVerdict(t)).toEqual(CLEAN);
    expect(faultDelta(t, set(t, { H7: P(0.95) }))).toEqual(only("EXEC_RATE_MISMATCH@H7 error"));
  });
});
