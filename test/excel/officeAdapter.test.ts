/**
 * The Office adapter against the strict fake of the Excel API (src/fake-excel): reading as Excel
 * delivers (limits, merged areas, Manual calculation, cell-edit mode, hidden sheets), marks that
 * never damage the user's formatting, writing as Excel parses (text stays text, payload limits,
 * protected sheets), undo that leaves the user's changes, the report sheet, the settings.
 */
import { checkSheet, Fix, MemoryGrid, parseA1, planFixes } from "../../src/engine";
import { DEFAULT_LIMITS, HostLimits, MARK_FILL, OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { isMarkRule, isUntouchedMarkNote } from "../../src/excel/marks";
import { createFakeOffice, FakeOfficeOptions, Fill, WorkbookModel } from "../../src/fake-excel";
import { PortError } from "../../src/addin/port";
import { buildReport } from "../../src/addin/report";
import { SheetSpec, toGrid, withCell } from "../fixtures/sheetSpec";
import { procurement, sichuanProject, SichuanIndicator, smartHall } from "../fixtures/sichuan";
import { nationalProject } from "../fixtures/others";

function connect(model: WorkbookModel, options: FakeOfficeOptions = {}, limits: HostLimits = DEFAULT_LIMITS) {
  const fake = createFakeOffice(model, options);
  // office-js-helpers (report sheet) reads the global Office, as in Excel.
  (globalThis as { Office?: unknown }).Office = fake.Office;
  return { fake, adapter: new OfficeAdapter(fake as unknown as OfficeHost, limits) };
}

function setup(specs: SheetSpec[], options: FakeOfficeOptions = {}, limits: HostLimits = DEFAULT_LIMITS) {
  const model = new WorkbookModel();
  for (const s of specs) model.addGrid(toGrid(s));
  return { model, ...connect(model, options, limits) };
}

const at = (address: string) => parseA1(address);
const displayed = (model: WorkbookModel, sheet: string, address: string) => model.displayedFill(sheet, at(address).row, at(address).col);
const ownFill = (model: WorkbookModel, sheet: string, address: string) => model.fill(sheet, at(address).row, at(address).col);
const ourRules = (model: WorkbookModel, sheet: string) => model.sheet(sheet)!.conditionalFormats.filter((cf) => cf.formula && isMarkRule(cf.formula));
const errorCodes = (grid: MemoryGrid) => checkSheet(grid).findings.map((f) => `${f.code}@${f.cell}`);

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
  const sorted = (g: MemoryGrid) => [...g.merges].sort((x, y) => x.top - y.top || x.left - y.left);
  expect(sorted(a)).toEqual(sorted(b));
}

/** A Sichuan table with n indicators (n + ~25 rows); each indicator row has merged cells. */
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

describe("reading as Excel delivers", () => {
  test("an ordinary sheet: a size probe, one read, its merged areas in their own sync; the grid is the sheet", async () => {
    const spec = sichuanProject(smartHall);
    const { fake, adapter } = setup([spec]);
    const grid = await adapter.readSheet();
    expect(fake.stats.syncs).toBe(3);
    sameGrid(grid as MemoryGrid, toGrid(spec));
    expect(grid.readGaps).toEqual([]);
    expect(errorCodes(grid as MemoryGrid)).toEqual(errorCodes(toGrid(spec)));
  });

  test("text that looks like a number stays text; errors are errors; a formula showing nothing is an empty text", async () => {
    const { model, adapter } = setup([withCell(withCell(nationalProject(), "H21", "100%"), "F19", "")]);
    const sheet = "项目支出绩效自评表";
    model.setInput(sheet, 18, 7, '=IF(F19="","",G19)');
    model.setInput(sheet, 19, 9, "=1/0");
    const grid = await adapter.readSheet(sheet);
    expect(grid.cell(20, 7)).toEqual({ value: "100%" });
    expect(grid.cell(18, 7)).toMatchObject({ value: "", formula: '=IF(F19="","",G19)' });
    expect(grid.cell(19, 9)).toMatchObject({ value: { error: "#DIV/0!" }, formula: "=1/0" });
  });

  test("a 10,000-row sheet is read in blocks below 4 MB; its thousands of merged areas are read in pieces Excel accepts", async () => {
    const spec = bigTable(10000);
    const { fake, adapter } = setup([spec], { maxResponseBytes: 4_000_000 });
    const grid = await adapter.readSheet();
    expect(fake.stats.largestResponse).toBeLessThanOrEqual(4_000_000);
    expect(toGrid(spec).merges.length).toBeGreaterThan(10000);
    sameGrid(grid as MemoryGrid, toGrid(spec));
    expect(grid.readGaps).toEqual([]);
    // Each piece of merged areas is under 512; pieces that failed are retried smaller, a bounded number of times.
    expect(fake.stats.syncs).toBeLessThan(60);
  }, 60000);

  test("when long texts make a block too large, it is read again in halves", async () => {
    const spec = bigTable(600, true);
    const { fake, adapter } = setup([spec], { maxResponseBytes: 60_000 }, { ...DEFAULT_LIMITS, maxResponseBytes: 50_000 });
    const grid = await adapter.readSheet();
    expect(fake.stats.largestResponse).toBeLessThanOrEqual(60_000);
    sameGrid(grid as MemoryGrid, toGrid(spec));
  }, 60000);

  test("RangeExceedsLimit: a read past the cell limit is asked again in smaller blocks", async () => {
    const spec = bigTable(300);
    const { fake, adapter } = setup([spec], { maxCellsPerRead: 1000 });
    sameGrid((await adapter.readSheet()) as MemoryGrid, toGrid(spec));
    expect(fake.stats.syncs).toBeGreaterThan(4);
  });

  test("merged areas Excel refuses even in small pieces: the values are read all the same, and the grid says what is missing", async () => {
    const spec = bigTable(40);
    const { adapter } = setup([spec], { maxMergedAreas: 2 });
    const grid = await adapter.readSheet();
    expect(grid.readGaps).toEqual(["merges"]);
    const expected = toGrid(spec);
    const cells = (g: MemoryGrid) => JSON.stringify(Array.from({ length: expected.rowCount }, (_, r) => Array.from({ length: expected.colCount }, (_, c) => g.cell(r, c) ?? null)));
    expect(cells(grid as MemoryGrid)).toBe(cells(expected));
  });

  test("a failed sync delivers nothing: the read fails as a whole, with a clear error", async () => {
    const spec = sichuanProject(smartHall);
    const { fake, adapter } = setup([spec]);
    fake.failWhen((op) => JSON.stringify(op).includes("valueTypes"));
    await expect(adapter.readSheet()).rejects.toMatchObject({ kind: "read-failed" });
  });

  test("the used range counts values only: one formatted cell at XFD200 costs nothing", async () => {
    const spec = sichuanProject(smartHall);
    const { model, fake, adapter } = setup([spec]);
    model.setFormat(spec.name, 199, 16383, "0.00");
    const grid = await adapter.readSheet();
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.responseBytes).toBeLessThan(100_000);
    expect(grid.colCount).toBe(toGrid(spec).colCount);
  });

  test("Manual calculation: the workbook is recalculated before reading, and the grid says so", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    model.setInput(spec.name, 32, 9, "=SUM(J15:J32)+J9");
    model.calculationMode = "Manual";
    model.setInput(spec.name, 8, 9, 4.36); // J33 still shows 95 (90 + the old 5)
    expect(model.value(spec.name, 32, 9)).toBe(95);
    const grid = await adapter.readSheet();
    expect(grid.readGaps).toEqual(["recalculated"]);
    expect(grid.cell(32, 9)?.value).toBeCloseTo(94.36, 9);
  });

  test("a read while the user edits a cell waits for the edit to end (delayForCellEdit); without ExcelApi 1.11 it says why it cannot run", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    model.startCellEdit();
    let done = false;
    const reading = adapter.readSheet().then((g) => ((done = true), g));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    model.endCellEdit();
    sameGrid((await reading) as MemoryGrid, toGrid(spec));
    const old = connect(model, { excelApi: "1.10" });
    model.startCellEdit();
    await expect(old.adapter.readSheet()).rejects.toMatchObject({ kind: "cell-edit" });
    model.endCellEdit();
  });

  test("hidden sheets are listed as hidden; sheets() also says which are the add-in's reports", async () => {
    const { model, adapter } = setup([sichuanProject(procurement), nationalProject()]);
    model.sheet("项目支出绩效自评表")!.visibility = "VeryHidden";
    expect(await adapter.sheets()).toEqual([
      { name: sichuanProject(procurement).name, visible: true, report: false },
      { name: "项目支出绩效自评表", visible: false, report: false },
    ]);
  });

  test("merged areas are read where ExcelApi 1.13 is available, and not asked for below it", async () => {
    const spec = sichuanProject(procurement);
    const old = setup([spec], { excelApi: "1.9" });
    expect(old.adapter.capabilities()).toEqual({ notes: false, mergedAreas: false });
    expect(((await old.adapter.readSheet()) as MemoryGrid).merges).toEqual([]);
    expect(old.fake.stats.syncs).toBe(2);
  });

  test("a named sheet that does not exist", async () => {
    const { adapter } = setup([nationalProject()]);
    await expect(adapter.readSheet("没有这张表")).rejects.toMatchObject({ kind: "no-sheet" });
  });
});

describe("marks never damage the user's formatting", () => {
  const spec = sichuanProject(smartHall);
  const sheet = spec.name;
  const fills: Record<string, Fill> = {
    J9: { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 },
    J33: { color: "#DDEBF7", pattern: "LightDown", patternColor: "#5B9BD5", tintAndShade: 0, patternTintAndShade: -0.25 },
    I9: { color: "#4472C4", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.6, patternTintAndShade: 0 },
    G9: { color: "#4472C4", pattern: "LinearGradient", patternColor: "#FFFFFF", tintAndShade: 0, patternTintAndShade: 0 },
  };
  const marks = [
    { cell: "J9", severity: "error" as const, note: "执行率得分应为 4.36" },
    { cell: "J33", severity: "warning" as const },
    { cell: "I9", severity: "error" as const },
    { cell: "G9", severity: "warning" as const },
    { cell: "B34", severity: "error" as const },
    { cell: "H9", severity: "warning" as const },
  ];

  /** A sheet with every kind of fill on marked cells (B34 has none) and a conditional format of the user's on H9. */
  function decorated(options: FakeOfficeOptions = {}) {
    const s = setup([spec, nationalProject()], options);
    for (const [address, fill] of Object.entries(fills)) s.model.setFill(sheet, at(address).row, at(address).col, fill);
    s.model.sheet(sheet)!.conditionalFormats.push({ id: "user-rule", type: "Custom", areas: [{ top: 8, left: 7, bottom: 8, right: 7 }], formula: "=H9<0.9", fill: "#C6EFCE", stopIfTrue: false });
    const look = () => Object.fromEntries(["J9", "J33", "I9", "G9", "B34", "H9"].map((a) => [a, [displayed(s.model, sheet, a), ownFill(s.model, sheet, a)]]));
    return { ...s, before: look(), look };
  }

  test("marks are conditional formats over the cells; 清除标记 leaves every cell exactly as before", async () => {
    const { model, fake, adapter, before, look } = decorated();
    fake.resetStats();
    await adapter.highlight(sheet, marks);
    // Find what is there, read the formulas of the sheet's custom rules (the user's one here), mark.
    expect(fake.stats.syncs).toBe(3);
    expect(displayed(model, sheet, "J9")).toBe(MARK_FILL.error);
    expect(displayed(model, sheet, "G9")).toBe(MARK_FILL.warning);
    expect(displayed(model, sheet, "B34")).toBe(MARK_FILL.error);
    expect(displayed(model, sheet, "H9")).toBe(MARK_FILL.warning);
    // The cells' own fills are not touched at all.
    for (const address of Object.keys(fills)) expect(ownFill(model, sheet, address)).toEqual(fills[address]);
    expect(ourRules(model, sheet).length).toBe(2);
    expect(await adapter.clearHighlights()).toEqual({ skipped: [] });
    expect(look()).toEqual(before);
    expect(model.sheet(sheet)!.conditionalFormats.map((cf) => cf.id)).toEqual(["user-rule"]);
    expect(model.sheet(sheet)!.notes.size).toBe(0);
  });

  test("after inserted rows, a renamed sheet and a reloaded pane, 清除标记 still finds every mark; a fill the user set since is kept", async () => {
    const { model, adapter } = decorated();
    await adapter.highlight(sheet, marks);
    model.insertRows(sheet, 3, 2); // two rows above the table's budget block
    model.renameSheet(sheet, "智慧大厅（改名）");
    const green: Fill = { color: "#00B050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
    model.setFill("智慧大厅（改名）", 35, 1, green); // B34 moved to B36; the user fills it after the mark
    expect(displayed(model, "智慧大厅（改名）", "J11")).toBe(MARK_FILL.error);
    const reloaded = connect(model).adapter;
    await reloaded.clearHighlights();
    const moved = (a: string) => {
      const { row, col } = at(a);
      return [model.displayedFill("智慧大厅（改名）", row + 2, col), model.fill("智慧大厅（改名）", row + 2, col)];
    };
    expect(moved("J9")).toEqual([fills.J9.color, fills.J9]);
    expect(moved("J33")[1]).toEqual(fills.J33);
    expect(moved("G9")[1]).toEqual(fills.G9);
    expect(moved("I9")[1]).toEqual(fills.I9);
    expect(moved("B34")).toEqual([green.color, green]);
    expect(ourRules(model, "智慧大厅（改名）")).toEqual([]);
    expect(model.sheet("智慧大厅（改名）")!.conditionalFormats.map((cf) => cf.id)).toEqual(["user-rule"]);
  });

  test("a failure half-way never leaves a mark that cannot be removed", async () => {
    const { model, fake, adapter, before, look } = decorated();
    await adapter.highlight(sheet, marks.slice(0, 2));
    // Marking again fails at the second new rule, after the first was added.
    let adds = 0;
    fake.failWhen((op) => JSON.stringify(op).includes("conditionalFormats.add") && ++adds === 2);
    await expect(adapter.highlight(sheet, marks)).rejects.toBeInstanceOf(PortError);
    fake.failWhen(null);
    expect(ourRules(model, sheet).length).toBeGreaterThan(0);
    await adapter.clearHighlights(sheet);
    expect(look()).toEqual(before);
    expect(ourRules(model, sheet)).toEqual([]);
  });

  test("marking again replaces the sheet's marks; many marks are split into rules Excel accepts (getRanges, #5198)", async () => {
    const big = bigTable(400);
    const { model, adapter } = setup([big]);
    const cells = Array.from({ length: 400 }, (_, i) => [`I${15 + i}`, `J${15 + i}`]).flat();
    await adapter.highlight(big.name, cells.map((cell) => ({ cell, severity: "error" as const })));
    expect(ourRules(model, big.name).length).toBeGreaterThan(1);
    expect(cells.every((c) => displayed(model, big.name, c) === MARK_FILL.error)).toBe(true);
    await adapter.highlight(big.name, [{ cell: "J15", severity: "warning" }]);
    expect(ourRules(model, big.name).length).toBe(1);
    expect(displayed(model, big.name, "J15")).toBe(MARK_FILL.warning);
    expect(displayed(model, big.name, "J16")).toBeUndefined();
  });

  test("many marks with long notes are sent in requests under the payload limit", async () => {
    const big = bigTable(400);
    const { model, fake, adapter } = setup([big], { maxRequestBytes: 30_000 }, { ...DEFAULT_LIMITS, maxRequestBytes: 20_000 });
    const note = "指标得分应为 0.23（分值 0.23 × 完成值 100%），表中为 0.3，多计了 0.07；合计随之改变。".repeat(3);
    fake.resetStats();
    await adapter.highlight(big.name, Array.from({ length: 400 }, (_, i) => ({ cell: `J${15 + i}`, severity: "error" as const, note })));
    expect(fake.stats.largestRequest).toBeLessThanOrEqual(30_000);
    expect(model.sheet(big.name)!.notes.size).toBe(400);
    expect(displayed(model, big.name, "J414")).toBe(MARK_FILL.error);
  });

  test("notes: never over the user's note or a threaded comment; a note of ours the user edited is kept", async () => {
    const { model, adapter } = setup([spec]);
    const notes = model.sheet(sheet)!.notes;
    notes.set("32,9", "请财务科复核"); // J33: the user's note
    model.sheet(sheet)!.comments.set("33,1", "@张三 结论要改"); // B34: a threaded comment
    await adapter.highlight(sheet, [
      { cell: "J9", severity: "error", note: "执行率得分应为 4.36" },
      { cell: "J33", severity: "error", note: "合计应为 94.36" },
      { cell: "B34", severity: "error", note: "结论中的分数应为 94.36" },
    ]);
    expect(notes.get("32,9")).toBe("请财务科复核");
    expect(notes.has("33,1")).toBe(false);
    expect(notes.get("8,9")).toMatch(/^执行率得分应为 4\.36\n—— 自评表核对 [0-9a-f]{8}$/);
    expect(isUntouchedMarkNote(notes.get("8,9"))).toBe(true);
    // Marking again replaces our note with the new explanation.
    await adapter.highlight(sheet, [{ cell: "J9", severity: "error", note: "执行率得分应为 4.37" }]);
    expect(notes.get("8,9")).toMatch(/^执行率得分应为 4\.37/);
    // The user adds a line to our note: it is theirs now.
    notes.set("8,9", `${notes.get("8,9")}\n已核实`);
    await adapter.clearHighlights();
    expect(notes.get("8,9")).toMatch(/已核实$/);
    expect(notes.get("32,9")).toBe("请财务科复核");
  });

  test("without ExcelApi 1.18 no note is written (explanations stay in the pane)", async () => {
    const { model, adapter } = setup([spec], { excelApi: "1.17" });
    await adapter.highlight(sheet, [{ cell: "J9", severity: "error", note: "说明" }]);
    expect(model.sheet(sheet)!.notes.size).toBe(0);
    expect(displayed(model, sheet, "J9")).toBe(MARK_FILL.error);
  });

  test("a protected sheet is not marked (a clear error, nothing changed); 清除标记 leaves a sheet protected since and says so", async () => {
    const { model, adapter, before, look } = decorated();
    model.sheet(sheet)!.protected = true;
    await expect(adapter.highlight(sheet, marks)).rejects.toMatchObject({ kind: "protected", sheet });
    expect(look()).toEqual(before);
    model.sheet(sheet)!.protected = false;
    await adapter.highlight(sheet, marks);
    model.sheet(sheet)!.protected = true;
    expect(await adapter.clearHighlights()).toEqual({ skipped: [sheet] });
    model.sheet(sheet)!.protected = false;
    expect(await adapter.clearHighlights()).toEqual({ skipped: [] });
    expect(look()).toEqual(before);
  });

  test("clearing marks of a sheet deleted since is quietly forgotten", async () => {
    const { model, adapter } = setup([spec, nationalProject()]);
    await adapter.highlight(sheet, [{ cell: "J9", severity: "error" }]);
    model.deleteSheet(sheet);
    await expect(adapter.clearHighlights()).resolves.toEqual({ skipped: [] });
    await expect(adapter.clearHighlights(sheet)).resolves.toEqual({ skipped: [] });
  });
});

describe("writing as Excel parses, and undo", () => {
  test("a fix plan in one batch (2 syncs); formulas compute; undo restores values, formulas and formats; fills are never written", async () => {
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
    expect(await adapter.undoLastFix()).toEqual({ sheet: spec.name, left: [] });
    sameGrid(model.toGrid(spec.name), before);
    expect(model.fill(spec.name, 32, 9)).toEqual(striped);
    expect(adapter.canUndo()).toBe(false);
    await expect(adapter.undoLastFix()).rejects.toMatchObject({ kind: "nothing-to-undo" });
  });

  test("undo writes text back as text: \"90.00%\", \"-\" and a text \"=SUM(…)\" stay text", async () => {
    let spec = sichuanProject(smartHall);
    // Text in a percentage-formatted cell, as forms typed on a phone often hold.
    spec = withCell(withCell(spec, "H9", { v: "90.00%", fmt: "0.00%" }), "J9", "-");
    const { model, adapter } = setup([spec]);
    const s = spec.name;
    model.setInput(s, 32, 9, "'=SUM(J15:J32)");
    const fixes: Fix[] = [
      { cell: "H9", formula: "=IF(F9<=0,0,G9/F9)", numFmt: "0.00%", description: "" },
      { cell: "J9", formula: "=I9*MIN(1,MAX(0,H9))", description: "" },
      { cell: "J33", formula: "=SUM(J15:J32)+J9", description: "" },
    ];
    await adapter.applyFixes(s, fixes);
    expect(model.valueType(s, 8, 7)).toBe("Double");
    await adapter.undoLastFix();
    const cell = (r: number, c: number) => [model.value(s, r, c), model.valueType(s, r, c), model.format(s, r, c)];
    expect(cell(8, 7)).toEqual(["90.00%", "String", "0.00%"]);
    expect(cell(8, 9)).toEqual(["-", "String", "General"]);
    expect(cell(32, 9)).toEqual(["=SUM(J15:J32)", "String", "General"]);
  });

  test("a formula written into a Text (@) cell becomes a formula, not text; undo brings the Text format and the text back", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    model.setFormat(spec.name, 8, 9, "@");
    model.setInput(spec.name, 8, 9, "5");
    await adapter.applyFixes(spec.name, [{ cell: "J9", formula: "=I9*0.5", description: "" }]);
    expect([model.value(spec.name, 8, 9), model.format(spec.name, 8, 9)]).toEqual([5, "General"]);
    await adapter.undoLastFix();
    expect([model.value(spec.name, 8, 9), model.valueType(spec.name, 8, 9), model.format(spec.name, 8, 9)]).toEqual(["5", "String", "@"]);
  });

  test("undo never overwrites a cell the user changed after the fix, and names it; the sheet is found after a rename", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    await adapter.applyFixes(spec.name, planFixes(checkSheet(await adapter.readSheet()).findings));
    model.setInput(spec.name, 32, 9, 99); // the user types a total of their own into J33
    model.renameSheet(spec.name, "改名后");
    expect(await adapter.undoLastFix()).toEqual({ sheet: "改名后", left: ["J33"] });
    expect(model.value("改名后", 32, 9)).toBe(99);
    expect(model.value("改名后", 8, 9)).toBe(5);
  });

  test("undo of a fix on a sheet deleted since: says so, and there is nothing left to undo; a protected sheet keeps the undo for later", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec, nationalProject()]);
    await adapter.applyFixes(spec.name, planFixes(checkSheet(toGrid(spec)).findings));
    model.sheet(spec.name)!.protected = true;
    await expect(adapter.undoLastFix()).rejects.toMatchObject({ kind: "protected" });
    expect(adapter.canUndo()).toBe(true);
    model.sheet(spec.name)!.protected = false;
    model.deleteSheet(spec.name);
    await expect(adapter.undoLastFix()).rejects.toMatchObject({ kind: "no-sheet" });
    expect(adapter.canUndo()).toBe(false);
  });

  test("a plan larger than the request limit is written in several requests under it", async () => {
    const big = bigTable(400);
    const { model, fake, adapter } = setup([big], { maxRequestBytes: 20_000 }, { ...DEFAULT_LIMITS, maxRequestBytes: 15_000 });
    const fixes: Fix[] = Array.from({ length: 400 }, (_, i) => ({ cell: `J${15 + i}`, formula: `=ROUND(I${15 + i}*MIN(1,MAX(0,IF(F${15 + i}<=0,0,G${15 + i}/F${15 + i}))),2)`, description: "" }));
    fake.resetStats();
    await adapter.applyFixes(big.name, fixes);
    expect(fake.stats.largestRequest).toBeLessThanOrEqual(20_000);
    expect(fake.stats.syncs).toBeGreaterThan(2);
    expect(model.formula(big.name, 413, 9)).toBe(fixes[399].formula);
    await adapter.undoLastFix();
    expect(model.isFormula(big.name, 413, 9)).toBe(false);
  });

  test("a protected sheet: a clear error, nothing written", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    model.sheet(spec.name)!.protected = true;
    model.sheet(spec.name)!.unlocked.add("8,9"); // even where the cell itself is unlocked
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

  test("Manual calculation: the workbook is recalculated after a fix, so what depends on it is current", async () => {
    const spec = sichuanProject(smartHall);
    const { model, adapter } = setup([spec]);
    model.setInput(spec.name, 32, 9, "=SUM(J15:J32)+J9");
    model.calculationMode = "Manual";
    await adapter.applyFixes(spec.name, [{ cell: "J9", formula: "=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))", description: "" }]);
    expect(model.value(spec.name, 32, 9)).toBeCloseTo(90 + (10 * 172.66) / 395.84, 9);
  });
});

describe("the report sheet and the settings", () => {
  const SMART_HALL = sichuanProject(smartHall).name;
  /** The report of the model's sheets, checked by the engine. */
  const reportOf = (model: WorkbookModel, only?: string[]) =>
    buildReport({ lang: "zh", date: new Date(2026, 2, 15), sheets: (only ?? model.sheets.map((s) => s.name)).map((name) => ({ sheet: name, result: checkSheet(model.toGrid(name)) })), fixed: [] });
  const findingsTop = (model: WorkbookModel, sheet: string) => {
    for (let r = 0; r < 200; r++) if (model.value(sheet, r, 0) === "工作表" && model.value(sheet, r, 1) === "单元格") return r + 1;
    throw new Error("no findings header");
  };

  test("the report sheet is created, then cleared and rewritten (office-js-helpers forceCreateSheet)", async () => {
    const { model, adapter } = setup([sichuanProject(smartHall)]);
    const report = reportOf(model);
    expect(report.findings.rows.length).toBeGreaterThan(1);
    expect(await adapter.writeReport(report)).toBe("核对报告");
    expect(model.sheets.map((s) => s.name)).toEqual([SMART_HALL, "核对报告"]);
    const top = findingsTop(model, "核对报告");
    expect(model.value("核对报告", top, 1)).toBe(report.findings.rows[0].cell);
    expect(model.sheet("核对报告")!.bold.has("0,0")).toBe(true);
    const shorter = { ...report, findings: { ...report.findings, rows: report.findings.rows.slice(0, 1) } };
    await adapter.writeReport(shorter);
    expect(model.sheets).toHaveLength(2);
    expect(model.value("核对报告", top + 1, 1)).toBe("");
    // Clearing took the old rows' links too.
    expect(model.sheet("核对报告")!.hyperlinks.has(`${top + 1},1`)).toBe(false);
  });

  test("a sheet of the user's called 核对报告 is never cleared: the report goes to 核对报告 (2), also after the pane reloads", async () => {
    const { model, adapter } = setup([sichuanProject(smartHall)]);
    const report = reportOf(model);
    model.addGrid(MemoryGrid.fromValues("核对报告", [["我自己的核对记录"], ["第二行"]]));
    expect(await adapter.writeReport(report)).toBe("核对报告 (2)");
    expect(model.value("核对报告", 0, 0)).toBe("我自己的核对记录");
    expect((await adapter.sheets()).map((s) => [s.name, s.report])).toEqual([
      [SMART_HALL, false],
      ["核对报告", false],
      ["核对报告 (2)", true],
    ]);
    const reloaded = connect(model).adapter;
    expect(await reloaded.writeReport(report)).toBe("核对报告 (2)");
    expect(model.sheets).toHaveLength(3);
    expect(model.value("核对报告", 1, 0)).toBe("第二行");
  });

  test("a long report is written in requests under the payload limit", async () => {
    const { model, fake, adapter } = setup([sichuanProject(smartHall)], { maxRequestBytes: 50_000 }, { ...DEFAULT_LIMITS, maxRequestBytes: 40_000 });
    const report = reportOf(model);
    const row = report.findings.rows[0];
    const rows = Array.from({ length: 2000 }, (_, i) => ({ ...row, cell: `H${i + 1}`, link: { sheet: row.sheet, cell: `H${i + 1}` }, explanation: `合计应为 ${i}，表中为 ${i + 1}：各项得分之和与合计行不一致` }));
    await adapter.writeReport({ ...report, findings: { ...report.findings, rows } });
    expect(fake.stats.largestRequest).toBeLessThanOrEqual(50_000);
    const top = findingsTop(model, "核对报告");
    expect(model.value("核对报告", top + 1999, 1)).toBe("H2000");
    expect(model.followHyperlink("核对报告", top + 1999, 1)).toEqual({ sheet: SMART_HALL, row: 1999, col: 7 });
  });

  test("the profile choice is stored in the document's settings; a failed save says so", async () => {
    const { model, fake, adapter } = setup([nationalProject()]);
    expect(adapter.loadProfile()).toBeNull();
    await adapter.saveProfile("yunnan-lincang-2022");
    expect(connect(model).adapter.loadProfile()).toBe("yunnan-lincang-2022");
    fake.failSaves(1);
    await expect(adapter.saveProfile("sichuan")).rejects.toMatchObject({ kind: "settings-failed" });
    expect(connect(model).adapter.loadProfile()).toBe("yunnan-lincang-2022");
  });

  test("the settings stay within a small budget: the add-in remembers at most 20 report sheets", async () => {
    const { model, adapter } = setup([nationalProject()]);
    for (let i = 0; i < 25; i++) {
      model.renameSheet(await adapter.writeReport(reportOf(model, [nationalProject().name])), `旧报告${i}`);
    }
    const saved = model.settings.get("selfeval.reports") as string[];
    expect(saved.length).toBe(20);
    expect(JSON.stringify([...model.settings]).length).toBeLessThan(2000);
  });
});

describe("other entry points", () => {
  test("the active sheet, selecting a finding's cell", async () => {
    const a = sichuanProject(procurement);
    const b = nationalProject();
    const { model, adapter } = setup([a, b]);
    expect(await adapter.activeSheetName()).toBe(a.name);
    await adapter.selectCell(b.name, "H21");
    expect(model.selection).toEqual({ sheet: b.name, address: `${b.name}!H21` });
    expect(await adapter.activeSheetName()).toBe(b.name);
  });
});

test("the untouched-note check: only the exact text the add-in wrote", () => {
  expect(isUntouchedMarkNote("说明\n—— 自评表核对 00000000")).toBe(false);
  expect(isUntouchedMarkNote(undefined)).toBe(false);
});
