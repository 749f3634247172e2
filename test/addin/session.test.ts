/**
 * The session over the real Office adapter over the strict fake: what the ribbon's 检查本表 and the
 * pane do end to end, and the sync budget of a full fix.
 */
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
  // clear marks (2) + snapshot and write (2) + read again (2) + mark again (2)
  expect(fake.stats.syncs).toBe(8);
  expect(session.getState().notice).toEqual({ kind: "fixed", count: 2, remaining: 1 });
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
  await session.writeReport("核对报告", ["工作表", "单元格", "级别", "代码", "说明", "可自动修复"]);
  await session.writeReport("Check report", ["Sheet", "Cell", "Severity", "Code", "Explanation", "Fixable"]);
  expect(model.sheets.map((s) => s.name)).toEqual(["智慧化信息化管理系统建设", "收支台账", "核对报告", "Check report"]);
  // Two findings of the project sheet; the Chinese report sheet was skipped.
  expect(model.value("Check report", 2, 1)).toBe("J33");
  expect(model.value("Check report", 3, 1)).toBe("");
});
