/**
 * The Office adapter against the strict fake of the Excel API (src/fake-excel): the sync budget,
 * block reads past the payload and cell limits, exact restore of fills, notes, undo, the protected
 * sheet and a failed batch, run-time gating of optional APIs.
 */
import { checkSheet, Fix, MemoryGrid, planFixes } from "../../src/engine";
import { DEFAULT_LIMITS, isDarkColor, MARK_FILL, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { createFakeOffice, Fill, NO_FILL, WorkbookModel } from "../../src/fake-excel";
import { PortError } from "../../src/addin/port";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";
import { procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { SichuanIndicator } from "../fixtures/sichuan";
import { nationalProject } from "../fixtures/others";

function setup(specs: SheetSpec[], options: Parameters<typeof createFakeOffice>[1] = {}, limits = DEFAULT_LIMITS) {
  const model = new WorkbookModel();
  for (const s of specs) model.addGrid(toGrid(s));
  const fake = createFakeOffice(model, options);
  // office-js-helpers (report sheet) reads the global Office, as in Excel.
  (globalThis as { Office?: unknown }).Office = fake.Office;
  const adapter = new OfficeAdapter(fake as unknown as OfficeHost, limits);
  return { model, fake, adapter };
}

function sameGrid(a: MemoryGrid, b: MemoryGrid) {
  const cells = (g: MemoryGrid) => {
    const out: Record<string, unknown> = {};
    for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) {
      const cell = g.cell(r, c);
      if (cell && cell.value !== null) out[`${r},${c}`] = [cell.value, cell.formula ?? null, cell.numFmt ?? null];
    }
    return out;
  };
  expect(cells(a)).toEqual(cells(b));
  expect([...a.merges].sort((x, y) => x.top - y.top || x.left - y.left)).toEqual([...b.merges].sort((x, y) => x.top - y.top || x.left - y.left));
}

/** A Sichuan table with n indicators (n + ~25 rows). */
function bigTable(n: number, longText = false): SheetSpec {
  const items: SichuanIndicator[] = Array.from({ length: n }, (_, i) => ({
    l1: i < n / 2 ? "产出指标" : "效益指标",
    l2: "数量指标",
    name: longText ? `保障全市政务服务平台、公共资源交易电子化平台、窗口业务、自助服务终端等系统的正常运转第${i}项` : `指标${i}`,
    dir: "≥",
    target: 90,
    unit: "%",
    actual: 1,
    weight: 90 / n,
    score: 90 / n,
  }));
  return sichuanProject({ ...procurement, sheet: `表${n}`, indicators: items, total: { weight: 100, score: 100 }, conclusion: "该项目自评总分100分。" });
}

describe("reading", () => {
  test("an ordinary sheet: one size probe and one read; the grid is the sheet", async () => {
    const spec = sichuanProject(smartHall);
    const { fake, adapter } = setup([spec]);
    const grid = await adapter.readSheet();
    expect(fake.stats.syncs).toBe(2);
    sameGrid(grid as MemoryGrid, toGrid(spec));
    expect(checkSheet(grid).findings.map((f) => [f.code, f.cell])).toEqual(checkSheet(toGrid(spec)).findings.map((f) => [f.code, f.cell]));
  });

  test("a 10,000-row sheet is read in blocks below 4 MB, one sync per block", async () => {
    const spec = bigTable(10000);
    const { fake, adapter } = setup([spec], { maxResponseBytes: 4_000_000 });
    const grid = await adapter.readSheet();
    const rows = spec.rows.length;
    const cols = 12;
    const perBlock = Math.floor(DEFAULT_LIMITS.maxResponseBytes / (cols * DEFAULT_LIMITS.bytesPerCell));
    expect(fake.stats.syncs).toBe(1 + Math.ceil(rows / perBlock));
    expect(fake.stats.largestResponse).toBeLessThanOrEqual(4_000_000);
    sameGrid(grid as MemoryGrid, toGrid(spec));
  }, 60000);

  test("when long texts make a block too large, it is read again in halves", async () => {
    const spec = bigTable(600, true);
    const { fake, adapter } = setup([spec], { maxResponseBytes: 60_000 }, { ...DEFAULT_LIMITS, maxResponseBytes: 50_000 });
    const grid = await adapter.readSheet();
    expect(fake.stats.largestResponse).toBeLessThanOrEqual(60_000);
    sameGrid(grid as MemoryGrid, toGrid(spec));
  }, 60000);

  test("past the cell limit Excel gives null values: the adapter reads blocks under it", async () => {
    const spec = bigTable(300);
    const small = { ...DEFAULT_LIMITS, maxCells: 1000 };
    const { fake, adapter } = setup([spec], { maxCellsWithValues: 1000 }, small);
    sameGrid((await adapter.readSheet()) as MemoryGrid, toGrid(spec));
    expect(fake.stats.syncs).toBeGreaterThan(4);
    // An adapter that asked for more than the limit would get nulls: it says so instead of guessing.
    const { adapter: greedy } = setup([spec], { maxCellsWithValues: 1000 });
    await expect(greedy.readSheet()).rejects.toMatchObject({ kind: "read-failed" });
  });

  test("merged areas are read where ExcelApi 1.13 is available, and not asked for below it", async () => {
    const spec = sichuanProject(procurement);
    const modern = setup([spec]);
    expect(((await modern.adapter.readSheet()) as MemoryGrid).merges.length).toBe(toGrid(spec).merges.length);
    const old = setup([spec], { excelApi: "1.9" });
    expect(old.adapter.capabilities()).toEqual({ notes: false, mergedAreas: false });
    expect(((await old.adapter.readSheet()) as MemoryGrid).merges).toEqual([]);
  });

  test("a named sheet that does not exist", async () => {
    const { adapter } = setup([nationalProject()]);
    await expect(adapter.readSheet("没有这张表")).rejects.toMatchObject({ kind: "no-sheet" });
  });
});

describe("highlighting", () => {
  const spec = sichuanProject(smartHall);
  const yellow: Fill = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
  const striped: Fill = { color: "#DDEBF7", pattern: "LightDown", patternColor: "#5B9BD5", tintAndShade: 0.4, patternTintAndShade: -0.25 };

  test("marks in one batch (2 syncs); 清除标记 restores every original fill exactly", async () => {
    const { model, fake, adapter } = setup([spec]);
    const sheet = spec.name;
    model.setFill(sheet, 8, 9, yellow); // J9 had a yellow fill
    model.setFill(sheet, 32, 9, striped); // J33 had a patterned fill
    fake.resetStats();
    await adapter.highlight(sheet, [
      { cell: "J9", severity: "error", note: "执行率得分应为 4.36" },
      { cell: "J33", severity: "warning" },
      { cell: "B34", severity: "error" },
    ]);
    expect(fake.stats.syncs).toBe(2);
    expect(model.fill(sheet, 8, 9).color).toBe(MARK_FILL.error);
    expect(model.fill(sheet, 32, 9).color).toBe(MARK_FILL.warning);
    expect(model.fill(sheet, 33, 1)).toMatchObject({ color: MARK_FILL.error, pattern: "Solid" });
    expect(model.sheet(sheet)!.notes.get("8,9")).toBe("执行率得分应为 4.36");
    fake.resetStats();
    await adapter.clearHighlights();
    expect(fake.stats.syncs).toBe(2);
    expect(model.fill(sheet, 8, 9)).toEqual(yellow);
    expect(model.fill(sheet, 32, 9)).toEqual(striped);
    expect(model.fill(sheet, 33, 1)).toEqual(NO_FILL);
    expect(model.sheet(sheet)!.notes.size).toBe(0);
  });

  test("marking again keeps the originals of cells still marked and restores the others", async () => {
    const { model, adapter } = setup([spec]);
    model.setFill(spec.name, 8, 9, yellow);
    await adapter.highlight(spec.name, [{ cell: "J9", severity: "error" }, { cell: "J33", severity: "error" }]);
    await adapter.highlight(spec.name, [{ cell: "J9", severity: "warning" }]);
    expect(model.fill(spec.name, 32, 9)).toEqual(NO_FILL);
    expect(model.fill(spec.name, 8, 9).color).toBe(MARK_FILL.warning);
    await adapter.clearHighlights(spec.name);
    expect(model.fill(spec.name, 8, 9)).toEqual(yellow);
  });

  test("a note somebody wrote is never overwritten or removed", async () => {
    const { model, adapter } = setup([spec]);
    model.sheet(spec.name)!.notes.set("8,9", "请财务科复核");
    await adapter.highlight(spec.name, [{ cell: "J9", severity: "error", note: "执行率得分应为 4.36" }]);
    expect(model.sheet(spec.name)!.notes.get("8,9")).toBe("请财务科复核");
    await adapter.clearHighlights();
    expect(model.sheet(spec.name)!.notes.get("8,9")).toBe("请财务科复核");
  });

  test("without ExcelApi 1.18 no note is written (explanations stay in the pane)", async () => {
    const { model, adapter } = setup([spec], { excelApi: "1.17" });
    await adapter.highlight(spec.name, [{ cell: "J9", severity: "error", note: "说明" }]);
    expect(model.sheet(spec.name)!.notes.size).toBe(0);
    expect(model.fill(spec.name, 8, 9).color).toBe(MARK_FILL.error);
  });

  test("clearing marks of a sheet deleted since is quietly forgotten", async () => {
    const { model, adapter } = setup([spec, nationalProject()]);
    await adapter.highlight(spec.name, [{ cell: "J9", severity: "error" }]);
    model.deleteSheet(spec.name);
    await expect(adapter.clearHighlights()).resolves.toBeUndefined();
    await expect(adapter.clearHighlights()).resolves.toBeUndefined();
  });

  test("marks survive a reload of the pane: a new adapter clears them from the document's settings", async () => {
    const { model, fake, adapter } = setup([spec]);
    model.setFill(spec.name, 8, 9, yellow);
    await adapter.highlight(spec.name, [{ cell: "J9", severity: "error" }]);
    const reloaded = new OfficeAdapter(fake as unknown as OfficeHost);
    await reloaded.clearHighlights();
    expect(model.fill(spec.name, 8, 9)).toEqual(yellow);
  });
});

describe("writing fixes and undo", () => {
  test("a fix plan in one batch (2 syncs); formulas compute; undo restores values, formulas, formats and fills", async () => {
    const spec = sichuanProject(smartHall);
    const { model, fake, adapter } = setup([spec]);
    const striped: Fill = { color: "#DDEBF7", pattern: "LightDown", patternColor: "#5B9BD5", tintAndShade: 0.4, patternTintAndShade: -0.25 };
    model.setFill(spec.name, 32, 9, striped);
    const before = model.toGrid(spec.name);
    const fixes = planFixes(checkSheet(await adapter.readSheet()).findings);
    fake.resetStats();
    await adapter.applyFixes(spec.name, fixes);
    expect(fake.stats.syncs).toBe(2);
    expect(model.formula(spec.name, 8, 9)).toBe("=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))");
    expect(model.value(spec.name, 8, 9)).toBeCloseTo((10 * 172.66) / 395.84, 9);
    expect(model.value(spec.name, 32, 9)).toBeCloseTo(90 + (10 * 172.66) / 395.84, 9);
    expect(checkSheet(await adapter.readSheet()).findings.filter((f) => f.fix)).toEqual([]);
    expect(adapter.canUndo()).toBe(true);
    const undone = await adapter.undoLastFix();
    expect(undone).toBe(spec.name);
    sameGrid(model.toGrid(spec.name), before);
    expect(model.fill(spec.name, 32, 9)).toEqual(striped);
    expect(adapter.canUndo()).toBe(false);
    await expect(adapter.undoLastFix()).rejects.toMatchObject({ kind: "nothing-to-undo" });
  });

  test("a number format comes with the formula where the cell held text", async () => {
    const spec = sichuanProject(procurement);
    const { model, adapter } = setup([spec]);
    const fix: Fix = { cell: "H9", formula: "=IF(F9<=0,0,G9/F9)", numFmt: "0.00%", description: "" };
    await adapter.applyFixes(spec.name, [fix]);
    expect(model.format(spec.name, 8, 7)).toBe("0.00%");
    await adapter.undoLastFix();
    expect(model.format(spec.name, 8, 7)).toBe("0.00%"); // the seed's own format was already 0.00%
    expect(model.value(spec.name, 8, 7)).toBe(0.9759);
  });

  test("a protected sheet: a clear error, nothing written", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    model.sheet(spec.name)!.protected = true;
    const before = model.toGrid(spec.name);
    const fixes = planFixes(checkSheet(toGrid(spec)).findings);
    await expect(adapter.applyFixes(spec.name, fixes)).rejects.toEqual(expect.objectContaining({ kind: "protected", sheet: spec.name }));
    sameGrid(model.toGrid(spec.name), before);
    expect(adapter.canUndo()).toBe(false);
  });

  test("a batch that fails half-way is put back: the sheet is as it was", async () => {
    const spec = sichuanProject(smartHall);
    const { model, fake, adapter } = setup([spec]);
    const before = model.toGrid(spec.name);
    const fixes = planFixes(checkSheet(toGrid(spec)).findings);
    expect(fixes.length).toBe(2);
    // The second formula write fails after the first was applied.
    fake.failWhen((op) => JSON.stringify(op).includes("SUM("));
    const error = await adapter.applyFixes(spec.name, fixes).catch((e) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error.kind).toBe("write-failed");
    fake.failWhen(null);
    sameGrid(model.toGrid(spec.name), before);
  });
});

describe("other entry points", () => {
  test("sheet names, the active sheet, selecting a finding's cell", async () => {
    const a = sichuanProject(procurement);
    const b = nationalProject();
    const { model, adapter } = setup([a, b]);
    expect(await adapter.sheetNames()).toEqual([a.name, b.name]);
    expect(await adapter.activeSheetName()).toBe(a.name);
    await adapter.selectCell(b.name, "H21");
    expect(model.selection).toEqual({ sheet: b.name, address: `${b.name}!H21` });
    expect(await adapter.activeSheetName()).toBe(b.name);
  });

  test("the report sheet is created, then cleared and rewritten (office-js-helpers forceCreateSheet)", async () => {
    const { model, adapter } = setup([nationalProject()]);
    const row = { sheet: "项目支出绩效自评表", cell: "H21", severity: "错误", problem: "合计不符", message: "合计应为 97.92", fixable: true };
    await adapter.writeReport("核对报告", ["工作表", "单元格", "级别", "问题", "说明", "可自动修复"], [row, row]);
    expect(model.sheets.map((s) => s.name)).toEqual(["项目支出绩效自评表", "核对报告"]);
    expect(model.value("核对报告", 2, 1)).toBe("H21");
    expect(model.sheet("核对报告")!.bold.has("0,0")).toBe(true);
    await adapter.writeReport("核对报告", ["工作表", "单元格", "级别", "问题", "说明", "可自动修复"], [row]);
    expect(model.sheets).toHaveLength(2);
    expect(model.value("核对报告", 2, 1)).toBe("");
  });

  test("the profile choice is stored in the document's settings", async () => {
    const { fake, adapter } = setup([nationalProject()]);
    expect(adapter.loadProfile()).toBeNull();
    await adapter.saveProfile("yunnan-lincang-2022");
    expect(new OfficeAdapter(fake as unknown as OfficeHost).loadProfile()).toBe("yunnan-lincang-2022");
  });
});

test("the pane follows Office's theme: dark backgrounds are told apart from light ones", () => {
  expect(["#1F1F1F", "#262626", "#000000"].map(isDarkColor)).toEqual([true, true, true]);
  expect(["#FFFFFF", "#F3F2F1", "#E6E6E6", undefined, "white"].map(isDarkColor)).toEqual([false, false, false, false, false]);
});

test("a formula showing nothing (=IF(F19=\"\",\"\",G19)) is an empty text, not an uncalculated formula", async () => {
  const { model, adapter } = setup([nationalProject()]);
  const sheet = "项目支出绩效自评表";
  model.setInput(sheet, 18, 5, "");
  model.setInput(sheet, 18, 7, '=IF(F19="","",G19)');
  model.setInput(sheet, 20, 7, 50);
  const grid = await adapter.readSheet(sheet);
  expect(grid.cell(18, 7)).toMatchObject({ value: "", formula: '=IF(F19="","",G19)' });
  const codes = checkSheet(grid).findings.map((f) => `${f.code}@${f.cell}`);
  expect(codes).toContain("TOTAL_MISMATCH@H21");
  expect(codes.filter((c) => c.startsWith("UNREADABLE_VALUE"))).toEqual([]);
});
