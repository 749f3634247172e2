/**
 * The session over the real Office adapter over the strict fake: what the ribbon's 检查本表 and the
 * pane do end to end, the bookkeeping that never loses the user's work, and the sync budget of a fix.
 */
import { format, STRINGS } from "../../src/addin/i18n";
import { Session } from "../../src/addin/session";
import { registerCommands } from "../../src/commands/commands";
import { countsText } from "../../src/taskpane/words";
import { MARK_FILL, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { createFakeOffice, FakeOfficeOptions, WorkbookModel } from "../../src/fake-excel";
import { MemoryGrid, parseA1 } from "../../src/engine";
import { toGrid, withCell } from "../fixtures/sheetSpec";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { ledger } from "../fixtures/others";

type Handler = (event: { completed(): void }) => Promise<void>;

function setup(options: FakeOfficeOptions = {}, spec = sichuanProject(smartHall)) {
  const model = new WorkbookModel();
  model.addGrid(toGrid(spec));
  model.addGrid(toGrid(ledger()));
  const fake = createFakeOffice(model, options);
  const handlers = new Map<string, Handler>();
  const shown: number[] = [];
  (globalThis as { Office?: unknown }).Office = {
    ...fake.Office,
    actions: { associate: (name: string, f: Handler) => handlers.set(name, f) },
    addin: { showAsTaskpane: async () => void shown.push(1) },
  };
  const session = new Session(new OfficeAdapter(fake as unknown as OfficeHost));
  return { model, fake, session, handlers, shown, sheet: spec.name };
}

const mark = (model: WorkbookModel, sheet: string, address: string) => model.displayedFill(sheet, parseA1(address).row, parseA1(address).col);

test("the ribbon's 检查本表 checks and marks without the pane; it opens the pane because there are problems", async () => {
  const { model, session, handlers, shown, sheet } = setup();
  registerCommands(session);
  let completed = 0;
  await handlers.get("checkSheet")!({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(session.getState().result?.findings.map((f) => f.cell)).toEqual(["J9", "J33"]);
  expect(mark(model, sheet, "J9")).toBe(MARK_FILL.error);
  expect(mark(model, sheet, "J33")).toBe(MARK_FILL.error);
  expect(shown).toHaveLength(1);
});

test("a clean sheet checked from the ribbon leaves the pane closed; a failed check opens it, and the command completes", async () => {
  const { model, fake, session, handlers, shown } = setup();
  registerCommands(session);
  model.active = 1; // the ledger: not a table, nothing to say
  await handlers.get("checkSheet")!({ completed: () => undefined });
  expect(shown).toHaveLength(0);
  fake.failWhen(() => true);
  let completed = 0;
  await handlers.get("checkSheet")!({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(session.getState().error?.kind).toBe("read-failed");
  expect(shown).toHaveLength(1);
});

test("全部修复 in a bounded number of syncs; the marks follow; undo puts everything back", async () => {
  const { model, fake, session, sheet } = setup();
  await session.checkActiveSheet();
  fake.resetStats();
  await session.fixAll();
  // read afresh (3) + show the sheet (1) + snapshot and write (2) + read again (3) + mark again (3)
  expect(fake.stats.syncs).toBe(12);
  expect(session.getState().notice).toEqual({ kind: "fixed", count: 2, remaining: 1, added: 1 });
  expect(mark(model, sheet, "J9")).toBeUndefined();
  expect(mark(model, sheet, "B34")).toBe(MARK_FILL.error);
  expect(model.formula(sheet, 32, 9)).toBe("=SUM(J15:J32)+J9");
  await session.undo();
  expect(session.getState().notice).toEqual({ kind: "undone", sheet, left: [] });
  expect(model.value(sheet, 8, 9)).toBe(5);
  expect(model.value(sheet, 32, 9)).toBe(100);
  expect(mark(model, sheet, "J9")).toBe(MARK_FILL.error);
  expect(session.getState().canUndo).toBe(false);
});

test("undo leaves a cell the user changed after the fix, and says which", async () => {
  const { model, session, sheet } = setup();
  await session.checkActiveSheet();
  await session.fixAll();
  model.setInput(sheet, 32, 9, 95); // the user types their own total into J33
  await session.undo();
  expect(session.getState().notice).toEqual({ kind: "undone", sheet, left: ["J33"] });
  expect(model.value(sheet, 32, 9)).toBe(95);
  expect(model.value(sheet, 8, 9)).toBe(5);
  const text = format(STRINGS.zh.undoneWithLeft, { sheet, cells: "J33" });
  expect(text).toContain("J33");
});

test("a rate typed as text (\"90.00%\" in a percentage cell) is fixed, and undo writes it back as text", async () => {
  const spec = withCell(sichuanProject(smartHall), "H9", { v: "90.00%", fmt: "0.00%" });
  const { model, session, sheet } = setup({}, spec);
  await session.checkActiveSheet();
  expect(session.getState().result?.findings.map((f) => `${f.code}@${f.cell}`)).toContain("EXEC_RATE_MISMATCH@H9");
  await session.fixAll();
  expect(model.valueType(sheet, 8, 7)).toBe("Double");
  await session.undo();
  expect([model.value(sheet, 8, 7), model.valueType(sheet, 8, 7), model.format(sheet, 8, 7)]).toEqual(["90.00%", "String", "0.00%"]);
});

test("a sheet protected after the check: fixing says so and changes nothing; the marks stay", async () => {
  const { model, session, sheet } = setup();
  await session.checkActiveSheet();
  model.sheet(sheet)!.protected = true;
  await session.fixAll();
  expect(session.getState().error).toMatchObject({ kind: "protected", sheet });
  expect(model.value(sheet, 8, 9)).toBe(5);
  expect(mark(model, sheet, "J9")).toBe(MARK_FILL.error);
  // 清除标记 cannot remove them while the sheet is protected, and says so.
  await session.clearMarks();
  expect(session.getState().notice).toEqual({ kind: "cleared", skipped: [sheet] });
  model.sheet(sheet)!.protected = false;
  await session.clearMarks();
  expect(session.getState().notice).toEqual({ kind: "cleared", skipped: [] });
  expect(mark(model, sheet, "J9")).toBeUndefined();
});

test("a protected sheet is checked but not marked: the findings are in the pane", async () => {
  const { model, session, sheet } = setup();
  model.sheet(sheet)!.protected = true;
  await session.checkActiveSheet();
  expect(session.getState().result?.findings.map((f) => f.cell)).toEqual(["J9", "J33"]);
  expect(session.getState().notice).toEqual({ kind: "not-marked", sheet });
  expect(session.getState().error).toBeUndefined();
  expect(mark(model, sheet, "J9")).toBeUndefined();
});

test("检查整个工作簿 and the report sheet, which is not checked again as a table", async () => {
  const { model, session } = setup();
  const summary = await session.checkWorkbook();
  expect(summary?.map((s) => [s.sheet, s.template, s.errors])).toEqual([
    ["智慧化信息化管理系统建设", "project-sichuan", 2],
    ["收支台账", null, 0],
  ]);
  await session.writeReport("zh");
  await session.writeReport("en");
  expect(model.sheets.map((s) => s.name)).toEqual(["智慧化信息化管理系统建设", "收支台账", "核对报告", "Check report"]);
  // Two findings of the project sheet; the Chinese report sheet was skipped (not a sheet checked, no line of its own).
  const column = (c: number) => Array.from({ length: model.usedRange("Check report")!.bottom + 1 }, (_, r) => model.value("Check report", r, c));
  const header = column(1).indexOf("Cell");
  expect(column(1).slice(header + 1)).toEqual(["J9", "J33"]);
  expect(column(0)).not.toContain("核对报告");
  expect((await session.checkWorkbook())?.map((s) => s.sheet)).toEqual(["智慧化信息化管理系统建设", "收支台账"]);
});

test("a sheet of the user's called 核对报告 is checked like any sheet and never cleared: the report goes to 核对报告 (2)", async () => {
  const { model, session } = setup();
  model.addGrid(MemoryGrid.fromValues("核对报告", [["科室自己的核对记录"]]));
  expect((await session.checkWorkbook())?.map((s) => s.sheet)).toEqual(["智慧化信息化管理系统建设", "收支台账", "核对报告"]);
  await session.writeReport("zh");
  expect(session.getState().notice).toEqual({ kind: "report", sheet: "核对报告 (2)" });
  expect(model.value("核对报告", 0, 0)).toBe("科室自己的核对记录");
  expect(format(STRINGS.zh.reported, { sheet: "核对报告 (2)" })).toBe("核对报告已写入工作表“核对报告 (2)”。");
});

test("检查整个工作簿 skips hidden sheets and never activates them", async () => {
  const { model, session } = setup();
  model.addGrid(toGrid({ ...sichuanProject(smartHall), name: "隐藏的底稿" })).visibility = "Hidden";
  const summary = await session.checkWorkbook();
  expect(summary?.map((s) => s.sheet)).toEqual(["智慧化信息化管理系统建设", "收支台账"]);
  expect(model.sheets[model.active].visibility).toBe("Visible");
  expect(model.sheet("隐藏的底稿")!.conditionalFormats).toEqual([]);
});

test("one sheet that cannot be read does not abort 检查整个工作簿: the others are checked, that one says why", async () => {
  const { fake, session } = setup();
  let reads = 0;
  fake.failWhen((op) => JSON.stringify(op).includes("valueTypes") && ++reads === 1);
  const summary = await session.checkWorkbook();
  expect(summary?.map((s) => [s.sheet, s.failure?.kind ?? null, s.errors])).toEqual([
    ["智慧化信息化管理系统建设", "read-failed", 0],
    ["收支台账", null, 0],
  ]);
  expect(session.getState().error).toBeUndefined();
});

test("a sheet with more merged areas than Excel reads at once: the findings come, with a warning that merges are missing", async () => {
  const { session } = setup({ maxMergedAreas: 1 });
  await session.checkActiveSheet();
  expect(session.getState().readGaps).toEqual(["merges"]);
  expect(format(STRINGS.zh.gaps.merges, { sheet: "表" })).toContain("512");
});

test("a fix is planned from the sheet as it is now: an edit made after the check is not overwritten", async () => {
  const { model, session, sheet } = setup();
  await session.checkActiveSheet();
  const j9 = session.getState().result!.findings.find((f) => f.cell === "J9")!;
  // The user corrects J9 by hand (4.36) after the check, then clicks 修复 on the old finding.
  model.setInput(sheet, 8, 9, 4.36);
  await session.fixOne(j9);
  expect(model.value(sheet, 8, 9)).toBe(4.36);
  expect(model.formula(sheet, 8, 9)).toBe(4.36);
  expect(session.getState().notice).toEqual({ kind: "finding-gone" });
  expect(session.getState().result?.findings.map((f) => f.cell)).toEqual(["J33", "B34"]);
  // The sheet is marked as it is now.
  expect(mark(model, sheet, "J9")).toBeUndefined();
  expect(mark(model, sheet, "J33")).toBe(MARK_FILL.error);
});

test("a fix shows the sheet it writes to; 查看 from the workbook summary opens the sheet", async () => {
  const { model, session, sheet } = setup();
  await session.checkActiveSheet();
  model.active = 1; // the user looks at the ledger
  await session.fixAll();
  expect(model.sheets[model.active].name).toBe(sheet);
  model.active = 1;
  await session.checkWorkbook();
  await session.openSheet(sheet);
  expect(model.sheets[model.active].name).toBe(sheet);
  expect(model.selection).toEqual({ sheet, address: `${sheet}!B34` });
});

test("the profile choice applies at once; a failed save of the settings says so", async () => {
  const { fake, session } = setup();
  await session.checkActiveSheet();
  fake.failSaves(1);
  await session.setProfile("yunnan-lincang-2022");
  expect(session.getState().profile).toBe("yunnan-lincang-2022");
  expect(session.getState().error?.kind).toBe("settings-failed");
});

test("English counts agree with their numbers; counts of zero are left out", () => {
  expect(countsText({ errors: 1, warnings: 2, infos: 0 }, STRINGS.en)).toBe("1 error, 2 warnings");
  expect(format(STRINGS.en.fixed, { count: 1, remaining: 1 })).toBe("Wrote 1 formula; 1 problem remains.");
  expect(countsText({ errors: 1, warnings: 0, infos: 2 }, STRINGS.zh)).toBe("1 个错误，2 条提示");
  expect(countsText({ errors: 0, warnings: 0, infos: 0 }, STRINGS.zh)).toBe("未发现问题");
});
