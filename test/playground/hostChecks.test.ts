/**
 * The workbooks of the real-Excel acceptance script (examples/host-checks, docs/real-excel-checklist.md)
 * on the fake Excel: what each step of the script says the tester must see is what the add-in does
 * here. A real host can then only confirm it, or show where Excel differs from the fake.
 */
import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { MARK_FILL, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { isUntouchedMarkNote } from "../../src/excel/marks";
import { createFakeOffice } from "../../src/fake-excel";
import { parseA1 } from "../../src/engine";
import { openWorkbook } from "../../src/playground/loadWorkbook";
import { Session } from "../../src/addin/session";

const DIR = path.join(__dirname, "..", "..", "examples", "host-checks");
const bytes = (name: string) => {
  const data = readFileSync(path.join(DIR, name));
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
};
const codes = (session: Session) => session.getState().result?.findings.map((f) => `${f.code}@${f.cell}`);

test("01 标记与恢复: J9, J15, J16 and J33 are marked over their own fills; after inserted rows, a rename and a reloaded pane, 清除标记 leaves the sheet exactly like 对照", async () => {
  const { model, session } = await openWorkbook(bytes("01-标记与恢复.xlsx"));
  const sheet = "标记与恢复";
  await session.checkActiveSheet();
  expect(codes(session)).toEqual(["EXEC_SCORE_MISMATCH@J9", "INDICATOR_SCORE_MISMATCH@J15", "INDICATOR_SCORE_MISMATCH@J16", "TOTAL_MISMATCH@J33"]);
  const shown = (s: string, address: string, shift = 0) => model.displayedFill(s, parseA1(address).row + shift, parseA1(address).col);
  for (const cell of ["J9", "J15", "J16", "J33"]) expect(shown(sheet, cell)).toBe(MARK_FILL.error);
  const notes = model.sheet(sheet)!.notes;
  expect(isUntouchedMarkNote(notes.get("8,9"))).toBe(true);
  expect(notes.get("32,9")).toBe("请财务科复核");
  // The tester inserts two rows above row 4, renames the sheet and reopens the pane.
  model.insertRows(sheet, 3, 2);
  model.renameSheet(sheet, "标记与恢复（改名）");
  const fake = createFakeOffice(model);
  (globalThis as { Office?: unknown }).Office = fake.Office;
  await new Session(new OfficeAdapter(fake as unknown as OfficeHost)).clearMarks();
  const reference = model.toGrid("对照（不要检查）");
  for (let r = 0; r < reference.rowCount; r++) {
    for (let c = 0; c < reference.colCount; c++) {
      const at = r >= 3 ? r + 2 : r;
      expect([r, c, model.displayedFill("标记与恢复（改名）", at, c), model.fill("标记与恢复（改名）", at, c)]).toEqual([r, c, model.displayedFill("对照（不要检查）", r, c), model.fill("对照（不要检查）", r, c)]);
    }
  }
  expect([...notes.values()]).toEqual(["请财务科复核"]);
});

test("02 合并超过512: the finding in row 614 is found and every merged area is read", async () => {
  const { model, session } = await openWorkbook(bytes("02-合并超过512.xlsx"));
  expect(model.sheets[0].merges.length).toBeGreaterThan(512);
  await session.checkActiveSheet();
  expect(codes(session)).toEqual(["SCORE_EXCEEDS_WEIGHT@J614"]);
  expect(session.getState().readGaps).toBeUndefined();
  expect(session.getState().error).toBeUndefined();
});

test("03 手动计算: the file asks for Manual calculation; after recalculation only J9 is wrong (J33's saved 100 was stale)", async () => {
  const zip = await JSZip.loadAsync(bytes("03-手动计算.xlsx"));
  expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*calcMode="manual"/);
  const { model, session } = await openWorkbook(bytes("03-手动计算.xlsx"));
  model.calculationMode = "Manual"; // as Excel opens it
  expect(model.value("手动计算", 32, 9)).toBe(100);
  await session.checkActiveSheet();
  expect(session.getState().readGaps).toEqual(["recalculated"]);
  expect(codes(session)).toEqual(["EXEC_SCORE_MISMATCH@J9"]);
  expect(model.value("手动计算", 32, 9)).toBe(95);
});

test("04 文本与批注: no note on a cell with a threaded comment; after 全部修复 and 撤销上次修复, \"90.00%\" and \"-\" are text again", async () => {
  const { model, session } = await openWorkbook(bytes("04-文本与批注.xlsx"));
  const sheet = "文本与批注";
  model.sheet(sheet)!.comments.set("8,7", "@财务科 执行率为什么是文字？"); // the tester adds a comment on H9
  await session.checkActiveSheet();
  expect(codes(session)).toEqual(["EXEC_RATE_MISMATCH@H9", "EXEC_SCORE_MISMATCH@J9"]);
  expect(model.sheet(sheet)!.notes.has("8,7")).toBe(false);
  expect(model.sheet(sheet)!.notes.has("8,9")).toBe(true);
  expect(model.displayedFill(sheet, 8, 7)).toBe(MARK_FILL.error);
  await session.fixAll();
  expect(model.valueType(sheet, 8, 7)).toBe("Double");
  await session.undo();
  expect([model.value(sheet, 8, 7), model.valueType(sheet, 8, 7), model.format(sheet, 8, 7)]).toEqual(["90.00%", "String", "0.00%"]);
  expect([model.value(sheet, 8, 9), model.valueType(sheet, 8, 9)]).toEqual(["-", "String"]);
});

test("05 隐藏保护与同名报告: the hidden sheet is not checked, the protected one is listed but not marked, the report goes to 核对报告 (2)", async () => {
  const { model, session } = await openWorkbook(bytes("05-隐藏保护与同名报告.xlsx"));
  expect(model.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
    ["项目表", "Visible", false],
    ["隐藏底稿", "Hidden", false],
    ["受保护表", "Visible", true],
    ["核对报告", "Visible", false],
  ]);
  const summary = await session.checkWorkbook();
  expect(summary?.map((s) => [s.sheet, s.errors])).toEqual([
    ["项目表", 2],
    ["受保护表", 1],
    ["核对报告", 0],
  ]);
  expect(model.sheet("受保护表")!.conditionalFormats).toEqual([]);
  await session.writeReport("zh");
  await session.writeReport("zh");
  expect(model.sheets.map((s) => s.name)).toEqual(["项目表", "隐藏底稿", "受保护表", "核对报告", "核对报告 (2)"]);
  expect(model.value("核对报告", 0, 0)).toBe("科室自己的核对记录");
});
