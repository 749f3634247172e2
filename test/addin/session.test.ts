/**
 * The session over the real Office adapter over the strict fake: what the ribbon's 检查本表 and the
 * pane do end to end, and the sync budget of a full fix.
 */
import { format, STRINGS } from "../../src/addin/i18n";
import { Session } from "../../src/addin/session";
import { registerCommands } from "../../src/commands/commands";
import { MARK_FILL, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { createFakeOffice, NO_FILL, WorkbookModel } from "../../src/fake-excel";
import { toGrid } from "../fixtures/sheetSpec";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { ledger } from "../fixtures/others";

function setup() {
  const model = new WorkbookModel();
  const spec = sichuanProject(smartHall);
  model.addGrid(toGrid(spec));
  model.addGrid(toGrid(ledger()));
  const fake = createFakeOffice(model);
  const handlers = new Map<string, (event: { completed(): void }) => Promise<void>>();
  (globalThis as { Office?: unknown }).Office = { ...fake.Office, actions: { associate: (name: string, f: never) => handlers.set(name, f) } };
  const session = new Session(new OfficeAdapter(fake as unknown as OfficeHost));
  return { model, fake, session, handlers, sheet: spec.name };
}

test("the ribbon's 检查本表 checks and marks without the pane; the pane then shows the same result", async () => {
  const { model, session, handlers, sheet } = setup();
  registerCommands(session);
  let completed = 0;
  await handlers.get("checkSheet")!({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(session.getState().result?.findings.map((f) => f.cell)).toEqual(["J9", "J33"]);
  expect(model.fill(sheet, 8, 9).color).toBe(MARK_FILL.error);
  expect(model.fill(sheet, 32, 9).color).toBe(MARK_FILL.error);
});

test("the command completes even when the check fails", async () => {
  const { fake, session, handlers } = setup();
  registerCommands(session);
  fake.failWhen(() => true);
  let completed = 0;
  await handlers.get("checkSheet")!({ completed: () => completed++ });
  expect(completed).toBe(1);
  expect(session.getState().error?.kind).toBe("read-failed");
});

test("全部修复 in a bounded number of syncs; the marks follow; undo puts everything back", async () => {
  const { model, fake, session, sheet } = setup();
  await session.checkActiveSheet();
  fake.resetStats();
  await session.fixAll();
  // read afresh (2) + clear marks (2) + show the sheet (1) + snapshot and write (2) + read again (2) + mark again (2)
  expect(fake.stats.syncs).toBe(11);
  expect(session.getState().notice).toEqual({ kind: "fixed", count: 2, remaining: 1, added: 1 });
  expect(model.fill(sheet, 8, 9)).toEqual(NO_FILL);
  expect(model.formula(sheet, 32, 9)).toBe("=SUM(J15:J32)+J9");
  await session.undo();
  expect(model.value(sheet, 8, 9)).toBe(5);
  expect(model.value(sheet, 32, 9)).toBe(100);
  expect(model.fill(sheet, 8, 9).color).toBe(MARK_FILL.error);
  expect(session.getState().canUndo).toBe(false);
});

test("a sheet protected after the check: fixing says so and changes nothing, marks included", async () => {
  const { model, session, sheet } = setup();
  await session.checkActiveSheet();
  model.sheet(sheet)!.protected = true;
  await session.fixAll();
  expect(session.getState().error).toMatchObject({ kind: "protected", sheet });
  expect(model.value(sheet, 8, 9)).toBe(5);
  expect(model.fill(sheet, 8, 9).color).toBe(MARK_FILL.error);
  // Unprotected again, 清除标记 restores the fills it kept.
  model.sheet(sheet)!.protected = false;
  await session.clearMarks();
  expect(model.fill(sheet, 8, 9)).toEqual(NO_FILL);
});

test("a protected sheet is checked but not marked: the findings are in the pane", async () => {
  const { model, session, sheet } = setup();
  model.sheet(sheet)!.protected = true;
  await session.checkActiveSheet();
  expect(session.getState().result?.findings.map((f) => f.cell)).toEqual(["J9", "J33"]);
  expect(session.getState().notice).toEqual({ kind: "not-marked", sheet });
  expect(session.getState().error).toBeUndefined();
  expect(model.fill(sheet, 8, 9)).toEqual(NO_FILL);
});

test("检查整个工作簿 and the report sheet, which is not checked again as a table", async () => {
  const { model, session } = setup();
  const summary = await session.checkWorkbook();
  expect(summary?.map((s) => [s.sheet, s.template, s.errors])).toEqual([
    ["智慧化信息化管理系统建设", "project-sichuan", 2],
    ["收支台账", null, 0],
  ]);
  await session.writeReport(STRINGS.zh);
  await session.writeReport(STRINGS.en);
  expect(model.sheets.map((s) => s.name)).toEqual(["智慧化信息化管理系统建设", "收支台账", "核对报告", "Check report"]);
  // Two findings of the project sheet; the Chinese report sheet was skipped.
  expect(model.value("Check report", 2, 1)).toBe("J33");
  expect(model.value("Check report", 3, 1)).toBe("");
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

test("检查整个工作簿 leaves report sheets out", async () => {
  const { session } = setup();
  await session.writeReport(STRINGS.zh);
  const summary = await session.checkWorkbook();
  expect(summary?.map((s) => s.sheet)).toEqual(["智慧化信息化管理系统建设", "收支台账"]);
});

test("English counts agree with their numbers", () => {
  expect(format(STRINGS.en.summary, { errors: 1, warnings: 2, infos: 0 })).toBe("1 error, 2 warnings, 0 notes");
  expect(format(STRINGS.en.fixed, { count: 1, remaining: 1 })).toBe("Wrote 1 formula; 1 problem remains.");
  expect(format(STRINGS.zh.summary, { errors: 1, warnings: 2, infos: 0 })).toBe("1 个错误，2 个警告，0 个提示");
});

test("a fix whose finding is gone leaves the sheet marked as it is now", async () => {
  const { model, session, sheet } = setup();
  await session.checkActiveSheet();
  const j9 = session.getState().result!.findings.find((f) => f.cell === "J9")!;
  model.setInput(sheet, 8, 9, 4.36);
  await session.fixOne(j9);
  expect(model.fill(sheet, 8, 9)).toEqual(NO_FILL);
  expect(model.fill(sheet, 32, 9).color).toBe(MARK_FILL.error);
});
