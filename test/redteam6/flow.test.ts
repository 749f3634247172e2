/**
 * RT6: the add-in's whole user flow — the Session over the real Office adapter over the fake Excel, the workbook opened
 * as the playground opens it — over every sheet of the four corpora. Expected behaviour: shared/spec/domain.md,
 * contract.md, office-host.md and the corpora's READMEs. “[was a defect]” tests fail today; “[ok]” tests pass.
 */
import { parseA1, planFixes } from "../../src/engine";
import { allSheets, Corpus, diffSheet, open, snapSheet, written } from "./harness";
import { FlowReport, runFixOne, runFlow, runShiftedUndo } from "./flow";

const SHEETS = allSheets();
const flows = new Map<string, Promise<FlowReport>>();
const flowOf = (c: Corpus, file: string, sheet: string) => {
  const k = `${c}/${file}/${sheet}`;
  if (!flows.has(k)) flows.set(k, runFlow(c, file, sheet));
  return flows.get(k)!;
};

describe("RT6-1 检查本表: the session's findings = the engine's on the same grid = the CLI's = expected.json", () => {
  test.each(SHEETS)("[ok] %s / %s / %s (%s)", async (c, file, sheet) => {
    expect((await flowOf(c, file, sheet)).step1.problems).toEqual([]);
  });
});
describe("RT6-2 全部修复 → check: nothing fixable left, no new error, writes only in the tables and the plan, every other cell as it was", () => {
  test.each(SHEETS)("[ok] %s / %s / %s (%s)", async (c, file, sheet) => {
    expect((await flowOf(c, file, sheet)).step2.problems).toEqual([]);
  });
});
describe("RT6-3 撤销上次修复: every cell (value, formula, format, fill, notes, marks) as after the check", () => {
  test.each(SHEETS)("[ok] %s / %s / %s (%s)", async (c, file, sheet) => {
    expect((await flowOf(c, file, sheet)).step3.problems).toEqual([]);
  });
});
describe("RT6-4 插入正确等级和合计 → undo: the same verdicts", () => {
  test.each(SHEETS)("[ok] insert: %s / %s / %s (%s)", async (c, file, sheet) => {
    expect((await flowOf(c, file, sheet)).step4.problems).toEqual([]);
  });
  test.each(SHEETS)("[ok] undo: %s / %s / %s (%s)", async (c, file, sheet) => {
    expect((await flowOf(c, file, sheet)).step4undo.problems).toEqual([]);
  });
});
describe("RT6-5 the undo guard: a written cell changed by hand keeps the user's content, the others are restored, the user is told", () => {
  test.each(SHEETS)("[ok] first written cell, typed 12.34: %s / %s / %s (%s)", async (c, file, sheet) => {
    expect((await flowOf(c, file, sheet)).step5.problems).toEqual([]);
  });
  // Every written cell of every faulty sheet, four kinds of edit: cleared, text, a formula, 0.
  const EDITS: unknown[] = ["", "已复核", "=1+1", 0];
  test.each(SHEETS.filter(([, , , k]) => k === "faulty"))("[ok] every written cell × (cleared, text, formula, 0): %s / %s / %s", async (c, file, sheet) => {
    const first = await open(c, file, sheet);
    await first.session.checkActiveSheet();
    if (!planFixes(first.session.getState().result!.findings).length) return;
    const b = snapSheet(first.model, sheet);
    await first.session.fixAll();
    const bad: unknown[] = [];
    for (const cell of written(b, snapSheet(first.model, sheet)))
      for (const e of EDITS) {
        const { model, session } = await open(c, file, sheet);
        await session.checkActiveSheet();
        const base = snapSheet(model, sheet);
        await session.fixAll();
        const { row, col } = parseA1(cell);
        model.setInput(sheet, row, col, e);
        const typed = model.input(sheet, row, col);
        await session.undo();
        const n = session.getState().notice;
        const others = diffSheet(base, snapSheet(model, sheet), ["input", "format"]).filter((x) => x.cell !== "*" && x.cell !== cell);
        if (!(n?.kind === "undone" && n.left.join() === cell && model.input(sheet, row, col) === typed && !others.length)) bad.push({ cell, e, n, kept: model.input(sheet, row, col), others });
      }
    expect(bad).toEqual([]);
  }, 120000);
});

describe("RT6-6 fix one finding (a score fix carries its 合计 / 小计 / grade) → undo", () => {
  const cases: [Corpus, string, string, string, string][] = [
    ["corpus1", "01_hebei_langfang_projects.xlsx", "路灯维护", "EXEC_SCORE_MISMATCH", "I7"],
    ["corpus1", "04_ningxia_yinchuan.xlsx", "项目自评（三项）", "SCORE_EXCEEDS_WEIGHT", "G80"],
    ["corpus1", "04_ningxia_yinchuan.xlsx", "项目自评（营养改善）", "INDICATOR_SCORE_MISMATCH", "G17"],
    ["corpus1", "05_hainan_commerce.xlsx", "服务贸易项目", "SCORE_EXCEEDS_WEIGHT", "G26"],
    ["corpus1", "07_inner_mongolia_yuan.xlsx", "草原补奖（元）", "EXEC_SCORE_MISMATCH", "I7"],
    ["corpus1", "08_long_table.xlsx", "衔接资金（160项）", "SCORE_EXCEEDS_WEIGHT", "H153"],
    ["corpus1", "08_long_table.xlsx", "衔接资金（160项）", "INDICATOR_SCORE_MISMATCH", "H161"],
    ["corpus1", "03_central_ministry.xlsx", "项目支出自评表", "EXEC_RATE_MISMATCH", "I7"],
    ["corpus2", "02_shanghai_putuo_yuan.xlsx", "体育中心（两项目）", "INDICATOR_SCORE_MISMATCH", "H33"],
    ["corpus2", "06_sichuan_dazhou_score.xlsx", "部门整体支出绩效评价得分表", "SCORE_EXCEEDS_WEIGHT", "D10"],
    ["corpus3", "02_jiangsu_scoring.xlsx", "绩评基表-3（职业技能培训）", "SCORE_EXCEEDS_WEIGHT", "H14"],
    ["corpus4", "02_shanxi_yuan_note.xlsx", "养老服务补助", "SCORE_EXCEEDS_WEIGHT", "H20"],
    ["corpus4", "07_jilin_qinghai.xlsx", "青海-人畜饮水（州级）", "EXEC_SCORE_MISMATCH", "H6"],
  ];
  test.each(cases)("[ok] %s / %s / %s: %s@%s", async (c, file, sheet, code, cell) => {
    const r = await runFixOne(c, file, sheet, cell, code);
    expect({ fix: r.problems, undo: r.undo.problems }).toEqual({ fix: [], undo: [] });
  });
  test("[ok] 修复 on a finding with no fix (路灯维护 H21, a ≤ indicator with two readings): nothing written, nothing to undo", async () => {
    const { model, session } = await open("corpus1", "01_hebei_langfang_projects.xlsx", "路灯维护");
    await session.checkActiveSheet();
    const base = snapSheet(model, "路灯维护");
    const f = session.getState().result!.findings.find((x) => x.cell === "H21")!;
    await session.fixOne(f);
    expect({ fix: f.fix, notice: session.getState().notice, canUndo: session.getState().canUndo, d: diffSheet(base, snapSheet(model, "路灯维护")) }).toEqual({ fix: undefined, notice: { kind: "nothing-to-fix" }, canUndo: false, d: [] });
  });
  const at = (m: { value(s: string, r: number, c: number): unknown }, s: string, cell: string) => {
    const { row, col } = parseA1(cell);
    return m.value(s, row, col);
  };
  const INJECTED: [string, Corpus, string, string, Record<string, string | number>, string, Record<string, unknown>][] = [
    ["吉林 −2 % growth scored 5 (小计 23, 总分 93, ■优) → 0; 小计 18, 总分 88, ■良 carried", "corpus4", "07_jilin_qinghai.xlsx", "吉林-农机补贴（县级）", { G19: 5, G22: 23, G25: 93, B26: "■优　□良　□中　□差" }, "INDICATOR_SCORE_MISMATCH@G19", { G19: 0, G22: 18, G25: 88, B26: "□优 ■良 □中 □差" }],
    ["吉林 18 of 15 with 小计 53 → 15, 小计 50 carried (总分 91 and ■优 are their own findings)", "corpus4", "07_jilin_qinghai.xlsx", "吉林-农机补贴（县级）", { G13: 18, G18: 53, G25: 91, B26: "■优　□良　□中　□差" }, "SCORE_EXCEEDS_WEIGHT@G13", { G13: 15, G18: 50 }],
    ["中央 execution score 10 with 总分 90 and 优 → 9.15; 89.15 and 良 carried", "corpus2", "08_central_bands.xlsx", "课题研究（良）", { H6: 10, G20: 90, B21: "优" }, "EXEC_SCORE_MISMATCH@H6", { H6: 9.15, G20: 89.15, B21: "良" }],
  ];
  test.each(INJECTED)("[ok] injected: %s", async (_n, c, file, sheet, cells, target, show) => {
    const { model, session } = await open(c, file, sheet);
    for (const [k, v] of Object.entries(cells)) {
      const { row, col } = parseA1(k);
      model.setInput(sheet, row, col, v);
    }
    await session.checkActiveSheet();
    const base = snapSheet(model, sheet);
    const f = session.getState().result!.findings.find((x) => `${x.code}@${x.cell}` === target)!;
    await session.fixOne(f);
    const got: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(show)) {
      const x = at(model, sheet, k);
      got[k] = typeof v === "number" && typeof x === "number" && Math.abs(x - v) < 0.006 ? v : x;
    }
    const added = (session.getState().notice as { added?: number }).added;
    await session.undo();
    const d = diffSheet(base, snapSheet(model, sheet));
    expect({ got, added, undo: d }).toEqual({ got: show, added: 0, undo: [] });
  });
});

/**
 * office-host.md: “Sheet names and cell addresses change under the user (rename, inserted rows): worksheet.id is
 * stable.” After 全部修复 the user inserts two rows above the table (or a column left of it) — the cells the fix wrote
 * move with it, nobody changes them — then 撤销上次修复. Today undo restores nothing and tells the user that the cells
 * at the fix's old addresses (which now hold other content) were “changed by you and left as they are”.
 */
/** The 36 sheets where 全部修复 writes something. */
const WRITTEN = new Set(["路灯维护", "水旱灾害防御", "项目支出自评表", "03_central_ministry.xlsx/部门整体自评表", "项目自评（三项）", "项目自评（营养改善）", "服务贸易项目", "学生资助项目", "草原补奖（元）", "衔接资金（160项）", "项目自评表（3个项目）", "部门整体支出评价", "背街小巷整治", "体育中心（两项目）", "游泳场馆补贴", "委员培训", "中江-灌区渠系改造", "部门整体支出绩效评价得分表", "项目自评表（曲靖3项）", "08_central_bands.xlsx/信息化运维", "08_central_bands.xlsx/部门整体自评表", "绩效评价评分表", "大英-单指标（合计无标签）", "乡村振兴专项", "绩评基表-3（职业技能培训）", "03_guizhou_dept.xlsx/部门整体自评表", "河南-农技推广", "甘肃-农村改厕", "甘肃-文化广场", "养护经费自评表", "养老服务补助", "部门整体及重点项目自评", "陕西-农民培育", "广西-学生资助（县级）", "青海-人畜饮水（州级）", "青海-草原补奖（县级）"]);
const FIXABLE = SHEETS.filter(([, file, sheet]) => WRITTEN.has(sheet) || WRITTEN.has(`${file}/${sheet}`));
test("[ok] 36 sheets get writes from 全部修复", () => expect(FIXABLE.length).toBe(36));
describe("RT6-7 undo after the user inserts rows or a column above / left of the fixed cells", () => {
  test("[ok] a rename between fix and undo: everything restored, the notice names the sheet by its new name", async () => {
    const r = await runShiftedUndo("corpus1", "01_hebei_langfang_projects.xlsx", "路灯维护", { rename: "路灯维护（改）" });
    expect({ notice: r.notice, notRestored: r.notRestored }).toEqual({ notice: { kind: "undone", sheet: "路灯维护（改）", left: [] }, notRestored: [] });
  });
  test("[ok] a row inserted below the table: everything restored", async () => {
    const { model, session } = await open("corpus1", "01_hebei_langfang_projects.xlsx", "路灯维护");
    await session.checkActiveSheet();
    const base = snapSheet(model, "路灯维护");
    await session.fixAll();
    model.insertRows("路灯维护", 500, 1);
    await session.undo();
    expect({ notice: session.getState().notice, d: diffSheet(base, snapSheet(model, "路灯维护"), ["input", "format"]).filter((x) => x.cell !== "*") }).toEqual({ notice: { kind: "undone", sheet: "路灯维护", left: [] }, d: [] });
  });
  // Lead's fix: undo sees that the fixed cells' rows moved (what lay left of each written cell is no longer there) and
  // writes nothing, telling the user so, rather than naming stale addresses or writing into rows it never wrote.
  // Following the cells to their new addresses would need Excel to track them (named ranges or tracked objects): left open.
  test.each(FIXABLE)("[ok, was a defect] two rows inserted at the top: nothing written, the user told the cells moved: %s / %s / %s", async (c, file, sheet) => {
    const r = await runShiftedUndo(c, file, sheet, { rows: 2 });
    expect(r.wrote.length).toBeGreaterThan(0);
    expect({ notice: r.notice, notRestored: r.notRestored }).toEqual({ notice: { kind: "undo-moved", sheet }, notRestored: r.wrote.slice().sort() });
  });
  test("[ok, was a defect] a column inserted at the left: 路灯维护", async () => {
    const r = await runShiftedUndo("corpus1", "01_hebei_langfang_projects.xlsx", "路灯维护", { cols: 1 });
    expect({ notice: r.notice, notRestored: r.notRestored }).toEqual({ notice: { kind: "undo-moved", sheet: "路灯维护" }, notRestored: r.wrote.slice().sort() });
  });
  /**
   * The worst case of the above: two adjacent scores fixed with the same relative formula. After one row is inserted at
   * the top, the old address H15 holds the row above's fix, shifted — the very text the fix wrote at H15 — so undo
   * “puts back” H15's old score there: 非遗项目数字化采集数量 (now row 15) gets 公共图书馆's old score 10, a number it never
   * had, silently (the notice names H14 and H20 only), while 公共图书馆 (now row 16) keeps the fix.
   */
  test("[ok, was a defect] 天津 adjacent score fixes + a row inserted at the top: undo writes no row's old score into another row", async () => {
    const s = "部门整体自评（文旅局）";
    const { model, session } = await open("corpus2", "03_tianjin_dept.xlsx", s);
    model.setInput(s, 13, 7, 15); // H14 typed 15 (51 of ≥60: 12.75)
    model.setInput(s, 14, 3, 80); // D15 80 of ≥85: H15's 10 should be 9.41
    await session.checkActiveSheet();
    await session.fixAll();
    expect([model.input(s, 13, 7), model.input(s, 14, 7)]).toEqual(["=G14*MIN(1,MAX(0,D14)/C14)", "=G15*MIN(1,MAX(0,D15)/C15)"]);
    model.insertRows(s, 0, 1);
    await session.undo();
    const row = (r: number) => [model.input(s, r, 0), model.input(s, r, 7)];
    // Was: [["非遗项目数字化采集数量", 10], …] — another row's old score. Now both keep the fix, and the user is told.
    expect([row(14), row(15)]).toEqual([
      ["非遗项目数字化采集数量", "=G15*MIN(1,MAX(0,D15)/C15)"],
      ["公共图书馆年接待人次", "=G16*MIN(1,MAX(0,D16)/C16)"],
    ]);
    expect(session.getState().notice).toEqual({ kind: "undo-moved", sheet: s });
  });
  test("[ok] 路灯维护: nothing restored, no stale address named — the fix wrote what is now I9 and H30", async () => {
    const r = await runShiftedUndo("corpus1", "01_hebei_langfang_projects.xlsx", "路灯维护", { rows: 2 });
    expect({ wrote: r.wrote, notice: r.notice, notRestored: r.notRestored }).toEqual({ wrote: ["H30", "I9"], notice: { kind: "undo-moved", sheet: "路灯维护" }, notRestored: ["H30", "I9"] });
  });
});

/**
 * Judged host-inherent (not a product defect): two corpus cells show a stale saved result on purpose (03 I7, 06 G26).
 * 全部修复 rewrites them; undo writes the original formula back, which Excel (and the fake) calculates — the stale
 * value, its finding, note and mark cannot come back. RT6-3 tolerates exactly that; this records it.
 */
describe("RT6-8 a stale saved result after fix + undo", () => {
  test.each([
    ["corpus1", "03_central_ministry.xlsx", "项目支出自评表", "I7", "=ROUND((F7+G7)/E7,4)", 0.9923, 0.9665, "EXEC_RATE_MISMATCH@I7"],
    ["corpus1", "06_hubei_student_aid.xlsx", "学生资助项目", "G26", "=H8+SUM(G12:G25)", 100, 99.74, "TOTAL_MISMATCH@G26"],
  ] as [Corpus, string, string, string, string, number, number, string][])("[ok] (host-inherent) %s / %s / %s %s", async (c, file, sheet, cell, formula, stale, fresh, finding) => {
    const { model, session } = await open(c, file, sheet);
    const { row, col } = parseA1(cell);
    await session.checkActiveSheet();
    const before = { value: model.value(sheet, row, col), found: session.getState().result!.findings.some((f) => `${f.code}@${f.cell}` === finding) };
    await session.fixAll();
    await session.undo();
    const v = model.value(sheet, row, col) as number;
    expect({ before, formula: model.input(sheet, row, col), after: Math.abs(v - fresh) < 0.0001, found: session.getState().result!.findings.some((f) => `${f.code}@${f.cell}` === finding) }).toEqual({ before: { value: stale, found: true }, formula, after: true, found: false });
  });
});

/** Manual calculation (office-host.md): the whole flow again; clearMarks after fix + undo gives back the opened file. */
describe("RT6-9 Manual calculation, and 清除标记 after fix + undo", () => {
  test.each(SHEETS)("[ok] %s / %s / %s (%s)", async (c, file, sheet) => {
    const m = await runFlow(c, file, sheet, (model) => (model.calculationMode = "Manual"));
    // Step 1 in Manual mode: the add-in recalculates before reading (by design, readGaps "recalculated"), so a stale
    // saved result is gone and the check sees the current value (the CLI reads the saved one): not compared here.
    const problems = Object.entries(m).flatMap(([k, v]) => (k === "step1" ? [] : v.problems.map((p: string) => `${k}: ${p}`)));
    const { model, session } = await open(c, file, sheet);
    const S0 = snapSheet(model, sheet);
    await session.checkActiveSheet();
    if (planFixes(session.getState().result!.findings).length) {
      await session.fixAll();
      await session.undo();
    }
    await session.clearMarks();
    const d = diffSheet(S0, snapSheet(model, sheet)).filter((x) => x.recalculated !== "stale-saved");
    expect({ problems, clear: d }).toEqual({ problems: [], clear: [] });
  });
});
