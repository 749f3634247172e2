/**
 * The playground and the task pane's start-up in a real browser (Debian's chromium, headless,
 * driven by playwright-core), clicking what a user clicks. A screenshot of each state is saved
 * under test-output/e2e/.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { a1, checkSheet, Finding, parseA1, planFixes, ProfileId } from "../../src/engine";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { workbookWithBuiltinDates } from "../support/builtinDates";
import { SAMPLE_SHEETS } from "../../scripts/make-examples";
import { toGrid } from "../fixtures/sheetSpec";
import { buildPages, launch, SCREENSHOTS, serve } from "../support/browser";
import { tempDir, writeWorkbook } from "../support/workbooks";
import { nationalProject, wuhua } from "../fixtures/others";

jest.setTimeout(240000);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let pages: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  pages = buildPages();
  server = await serve(pages);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const spec = (name: string) => SAMPLE_SHEETS.find((s) => s.name === name)!;
/** The sample's findings as the engine states them: what the pane must list, no more. */
const expectedFindings = (sheet: string, profile?: ProfileId) => checkSheet(toGrid(spec(sheet)), { profile }).findings.map((f: Finding) => `${f.code}@${f.cell}`);

async function open(query = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${server.url}playground.html${query}`);
  await page.locator("[data-testid=sheet-grid] td[data-cell]").first().waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
const cell = (page: Page, address: string) => page.locator(`[data-testid=sheet-grid] td[data-cell="${address}"]`);
const pane = (page: Page) => page.locator("aside");
const listed = async (page: Page) => (await pane(page).locator("li[data-code]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`))).sort();
const button = (page: Page, name: string) => pane(page).getByRole("button", { name, exact: true });
/** A command: its toolbar button when the pane has room for it, else from the pane's ⋯ (更多操作) menu. */
async function command(page: Page, name: string): Promise<void> {
  if (await button(page, name).isVisible()) return button(page, name).click();
  await pane(page).getByRole("button", { name: "更多操作" }).click();
  await pane(page).getByRole("menuitem", { name, exact: true }).click();
}
/** Wait until the pane has finished its task (检查本表 usable again). */
const idle = (page: Page) =>
  page.waitForFunction(() => {
    const b = [...document.querySelectorAll("aside button")].find((e) => e.textContent?.trim() === "检查本表" || e.textContent?.trim() === "Check this sheet");
    return !!b && b.getAttribute("aria-disabled") !== "true" && !b.hasAttribute("disabled");
  });
/** The visible message bar (the same words also go to the screen-reader live region). */
const notice = (page: Page, text: RegExp) => pane(page).locator(".fui-MessageBarBody").filter({ hasText: text });

async function checkSheetNamed(page: Page, sheet: string) {
  await page.getByRole("tab", { name: sheet }).click();
  await button(page, "检查本表").click();
  await pane(page).getByRole("heading", { name: `“${sheet}”的检查结果` }).waitFor();
  await idle(page);
}

test("open → 检查本表 → the sample's findings, marked; a finding selects its cell; 全部修复; 撤销; 清除标记", async () => {
  const page = await open();
  await shot(page, "01-open");
  const sheet = "智慧化信息化管理系统建设";
  await checkSheetNamed(page, sheet);
  expect(await listed(page)).toEqual(expectedFindings(sheet).sort());
  expect(await cell(page, "J9").getAttribute("data-fill")).toBe("#FFC7CE");
  expect(await cell(page, "J33").getAttribute("data-fill")).toBe("#FFC7CE");
  expect(await cell(page, "I9").getAttribute("data-fill")).toBeNull();
  await expect(cell(page, "J9").getAttribute("title")).resolves.toContain("执行率得分应为 4.36");
  await shot(page, "02-checked");

  // Clicking a finding selects its cell in the sheet.
  await pane(page).locator('li[data-cell="J33"] [role=button]').click();
  await expect(cell(page, "J33").getAttribute("aria-current")).resolves.toBe("true");
  await shot(page, "03-finding-selected");

  // 全部修复: only findings without a safe automatic fix remain; cells show the recomputed values.
  await button(page, "全部修复").click();
  await notice(page, /已写入 2 处公式/).waitFor();
  expect(await listed(page)).toEqual(["CONCLUSION_SCORE_MISMATCH@B34"]);
  expect(await cell(page, "J9").getAttribute("data-formula")).toBe("=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))");
  expect(Number(await cell(page, "J9").innerText())).toBeCloseTo(4.361863, 5);
  expect(Number(await cell(page, "J33").innerText())).toBeCloseTo(94.361863, 5);
  expect(await cell(page, "J9").getAttribute("data-fill")).toBeNull();
  expect(await cell(page, "B34").getAttribute("data-fill")).toBe("#FFC7CE");
  await idle(page);
  await shot(page, "04-fixed");

  // 撤销上次修复: the original values and fills are back.
  await button(page, "撤销上次修复").click();
  await notice(page, /已撤销/).waitFor();
  expect(await cell(page, "J9").innerText()).toBe("5");
  expect(await cell(page, "J33").innerText()).toBe("100");
  expect(await cell(page, "J9").getAttribute("data-formula")).toBeNull();
  expect(await cell(page, "J9").getAttribute("data-fill")).toBe("#FFC7CE");
  await idle(page);
  expect(await button(page, "全部修复").getAttribute("aria-disabled")).not.toBe("true");
  await shot(page, "05-undone");

  // 清除标记: every cell has its own fill back.
  await command(page, "清除标记");
  await notice(page, /已清除全部标记/).waitFor();
  expect(await page.locator("[data-testid=sheet-grid] td[data-fill]").count()).toBe(0);
  await shot(page, "06-cleared");
  expect((page as Page & { errors: string[] }).errors).toEqual([]);
  await page.close();
});

test("switching the profile changes the grade finding as the bands say", async () => {
  const page = await open();
  const sheet = "大楼运行（94.5分）";
  await checkSheetNamed(page, sheet);
  expect(await listed(page)).toEqual([]);
  await pane(page).getByText("未发现问题").first().waitFor();
  await pane(page).getByRole("combobox").selectOption("yunnan-lincang-2022");
  await pane(page).locator('li[data-code="GRADE_MISMATCH"]').waitFor();
  expect(await listed(page)).toEqual(expectedFindings(sheet, "yunnan-lincang-2022").sort());
  expect(await listed(page)).toEqual(["GRADE_MISMATCH@D3"]);
  await pane(page).getByText("优 ≥ 95；良 85–95；中 60–85；差 < 60", { exact: true }).waitFor();
  expect(await cell(page, "D3").getAttribute("data-fill")).toBe("#FFC7CE");
  await shot(page, "07-profile-lincang");
  await page.close();
});

test("检查整个工作簿: progress, then the per-sheet summary; a non-template sheet says so", async () => {
  const page = await open("?delay=60");
  await command(page, "检查整个工作簿");
  await pane(page).getByRole("progressbar").waitFor();
  await pane(page).locator("label").filter({ hasText: /正在检查第 [2-9]\/\d+ 张工作表/ }).waitFor();
  await shot(page, "08-workbook-progress");
  await pane(page).getByRole("heading", { name: "工作簿检查结果" }).waitFor({ timeout: 60000 });
  await idle(page);
  const summary = await pane(page).getByRole("region", { name: "工作簿检查结果" }).locator("li").evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, " ")));
  expect(summary.length).toBe(SAMPLE_SHEETS.length);
  for (const s of SAMPLE_SHEETS) {
    const errors = checkSheet(toGrid(s)).findings.filter((f) => f.severity === "error").length;
    const line = summary.find((l) => l.startsWith(s.name))!;
    if (errors) expect(line).toContain(`${errors} 个错误`);
  }
  expect(summary.find((l) => l.startsWith("收支台账"))).toContain("非自评表");
  await shot(page, "09-workbook-summary");
  // 查看 opens that sheet in the grid, not only its findings in the pane.
  await pane(page).getByRole("button", { name: "查看“网络运行维护费”" }).click();
  await pane(page).getByRole("heading", { name: "“网络运行维护费”的检查结果" }).waitFor();
  await page.getByRole("tab", { name: "网络运行维护费", selected: true }).waitFor();

  await checkSheetNamed(page, "收支台账");
  await pane(page).locator("span").filter({ hasText: "本表未识别为绩效自评表" }).waitFor();
  await shot(page, "10-not-a-template");
  await page.close();
});

test("keyboard only: Tab to 检查本表, Enter; Tab to a finding, Enter selects its cell; 修复 with Enter", async () => {
  const page = await open();
  // The sheet tabs are one Tab stop; the arrow keys move between them.
  await page.getByRole("tab", { name: "政府采购工作经费" }).click();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "智慧化信息化管理系统建设" }).getAttribute("aria-selected")).resolves.toBe("true");
  await page.waitForFunction(() => document.activeElement?.textContent === "智慧化信息化管理系统建设");
  expect(await page.getByRole("tab").evaluateAll((tabs) => tabs.filter((t) => t.getAttribute("tabindex") === "0").length)).toBe(1);
  const check = button(page, "检查本表");
  await check.focus();
  await page.keyboard.press("Enter");
  await pane(page).locator('li[data-cell="J9"]').waitFor();
  // From 检查本表, Tab through the toolbar to the first finding.
  let focusedCell: string | null = null;
  for (let i = 0; i < 20 && !focusedCell; i++) {
    await page.keyboard.press("Tab");
    focusedCell = await page.evaluate(() => document.activeElement?.closest("li[data-code]")?.getAttribute("data-cell") ?? null);
  }
  expect(focusedCell).toBe("J9");
  await page.keyboard.press("Enter");
  await expect(cell(page, "J9").getAttribute("aria-current")).resolves.toBe("true");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("修复 J9");
  await page.keyboard.press("Enter");
  await notice(page, /已写入 \d+ 处公式/).waitFor();
  expect(await cell(page, "J9").getAttribute("data-formula")).toMatch(/^=I9\*MIN/);
  await shot(page, "11-keyboard-fix");
  await page.close();
});

test("accessibility: axe-core finds no serious or critical violation, in each state", async () => {
  const page = await open();
  const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const audit = async (state: string) => {
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ exclude: [["[data-tabster-dummy]"]] }, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    });
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect([state, serious]).toEqual([state, []]);
  };
  await audit("opened");
  await checkSheetNamed(page, "网络运行维护费");
  await audit("findings");
  await button(page, "全部修复").click();
  await notice(page, /已写入/).waitFor();
  await audit("after a fix");
  await command(page, "检查整个工作簿");
  await pane(page).getByRole("heading", { name: "工作簿检查结果" }).waitFor();
  await audit("workbook summary");
  await page.close();
});

test("English when Office's display language is English", async () => {
  const page = await open("?lang=en");
  await page.getByRole("tab", { name: "智慧化信息化管理系统建设" }).click();
  await button(page, "Check this sheet").click();
  await pane(page).locator('li[data-cell="J9"]').waitFor();
  await idle(page);
  await pane(page).getByRole("button", { name: "Fix all", exact: true }).waitFor();
  await shot(page, "12-english");
  await page.close();
});

test("a workbook of the user's own replaces the sample and is checked the same way", async () => {
  const file = await writeWorkbook(path.join(tempDir(), "我的自评表.xlsx"), [wuhua(), nationalProject()]);
  const page = await open();
  await page.locator("[data-testid=file-input]").setInputFiles(file);
  await page.getByRole("tab", { name: "收支台账" }).waitFor({ state: "detached" });
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(["评价表", "项目支出绩效自评表"]);
  await checkSheetNamed(page, "评价表");
  expect(await listed(page)).toEqual(["LEVEL_WEIGHT_MISMATCH@B23"]);
  expect(await cell(page, "B23").getAttribute("data-fill")).toBe("#FFC7CE");
  await shot(page, "13-own-workbook");
  // A file that is not a workbook: a clear message, the loaded workbook stays.
  const bad = path.join(tempDir(), "不是工作簿.xlsx");
  writeFileSync(bad, "项目,得分\n");
  await page.locator("[data-testid=file-input]").setInputFiles(bad);
  await page.getByRole("alert").waitFor();
  expect(await page.getByRole("alert").innerText()).toBe("这不是 Excel 工作簿（.xlsx）。");
  expect(await page.getByRole("tab").allInnerTexts()).toEqual(["评价表", "项目支出绩效自评表"]);
  await page.close();
});

test("marks over the user's own fills (host-check 01): drawn on top, and 清除标记 gives every cell its own look back", async () => {
  const page = await open();
  await page.locator("[data-testid=file-input]").setInputFiles(path.join(__dirname, "..", "..", "examples", "host-checks", "01-标记与恢复.xlsx"));
  await page.getByRole("tab", { name: "对照（不要检查）" }).waitFor();
  const fills = async (tab: string) => {
    await page.getByRole("tab", { name: tab }).click();
    return Promise.all(["J9", "J15", "J16", "J33", "B34"].map((a) => cell(page, a).getAttribute("data-fill")));
  };
  const reference = await fills("对照（不要检查）");
  expect(reference.slice(0, 4).every((f) => f !== null)).toBe(true);
  await checkSheetNamed(page, "标记与恢复");
  expect(await listed(page)).toEqual(["EXEC_SCORE_MISMATCH@J9", "INDICATOR_SCORE_MISMATCH@J15", "INDICATOR_SCORE_MISMATCH@J16", "TOTAL_MISMATCH@J33"]);
  expect(await fills("标记与恢复")).toEqual(["#FFC7CE", "#FFC7CE", "#FFC7CE", "#FFC7CE", null]);
  await shot(page, "14-marks-over-own-fills");
  await command(page, "清除标记");
  await notice(page, /已清除/).waitFor();
  expect(await fills("标记与恢复")).toEqual(reference);
  await shot(page, "15-own-fills-back");
  await page.close();
});

/** A pane command, on the toolbar or, where it does not fit, in its overflow menu. */
async function paneCommand(page: Page, name: string) {
  const direct = button(page, name);
  if (await direct.isVisible()) return direct.click();
  await pane(page).getByRole("button", { name: /更多|More/ }).click();
  await page.getByRole("menuitem", { name }).click();
}

/** Click a download button and take the file Chromium saves. */
async function download(page: Page, kind: "fixed" | "report" | "marked"): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-download=${kind}]`).click()]);
  const file = await saved.path();
  return { name: saved.suggestedFilename(), bytes: readFileSync(file!) };
}

test("the page at once: a loading message in its HTML, then its words and the guide, before the workbook part arrives", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Hold the scripts back, to see each stage: first the page's own bundle, then the workbook part (ExcelJS, HyperFormula).
  const held: { main: (() => void)[]; workbook: (() => void)[] } = { main: [], workbook: [] };
  let released = false;
  await page.route(/\.js$/, (route) => {
    const url = route.request().url();
    const stage = /\/playground\.[0-9a-f]+\.js$/.test(url) ? "main" : "workbook";
    if (released) void route.continue();
    else held[stage].push(() => void route.continue());
  });
  await page.goto(`${server.url}playground.html`, { waitUntil: "commit" });
  const loading = page.getByTestId("page-loading");
  await loading.waitFor();
  expect(await loading.innerText()).toContain("正在载入体验页");
  await shot(page, "16-loading-message");

  while (held.main.length === 0) await page.waitForTimeout(20);
  held.main.splice(0).forEach((go) => go());
  const guide = page.getByTestId("guide");
  await guide.waitFor();
  // The guide's four steps, with nothing of the workbook yet.
  expect(await guide.locator("li").allInnerTexts()).toEqual([expect.stringContaining("打开工作簿"), expect.stringContaining("检查本表"), expect.stringContaining("阅读问题"), expect.stringContaining("修复并下载")]);
  expect(await page.getByRole("heading", { name: "自评表核对 · 体验页" }).isVisible()).toBe(true);
  await page.getByTestId("preparing").waitFor();
  expect(await page.locator("[data-testid=sheet-grid]").count()).toBe(0);
  expect(held.workbook.length).toBeGreaterThan(0);
  await shot(page, "17-guide-before-workbook");

  // The workbook part arrives: the sample opens beside the pane.
  released = true;
  held.workbook.splice(0).forEach((go) => go());
  await page.locator("[data-testid=sheet-grid] td[data-cell]").first().waitFor();
  await button(page, "检查本表").waitFor();
  expect(await guide.isVisible()).toBe(true);
  await page.close();
});

test("downloads: the fixed workbook, the report, and the marked copy, each as Chromium saves it", async () => {
  const page = await open();
  const sheet = "智慧化信息化管理系统建设";
  const planned = planFixes(checkSheet(toGrid(spec(sheet))).findings);

  // Nothing fixed yet: the page says what to do first, and no file is made.
  await page.locator("[data-download=fixed]").click();
  await page.getByTestId("download-status").filter({ hasText: "还没有修复任何单元格" }).waitFor();
  await page.locator("[data-download=report]").click();
  await page.getByTestId("download-status").filter({ hasText: "还没有核对报告" }).waitFor();

  await checkSheetNamed(page, sheet);
  await paneCommand(page, "全部修复");
  await notice(page, /已写入 2 处公式/).waitFor();
  await idle(page);
  const fixed = await download(page, "fixed");
  expect(fixed.name).toBe("自评表示例（已修复）.xlsx");
  await page.getByTestId("download-status").filter({ hasText: "已下载“自评表示例（已修复）.xlsx”" }).waitFor();
  await shot(page, "18-downloaded-fixed");
  // The fixed workbook, read by the command line's reader: only the planned cells differ from the sample, with the planned formulas.
  const sample = readFileSync(path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx"));
  const before = (await readXlsx(sample)).grids;
  const after = (await readXlsx(fixed.bytes)).grids;
  expect(after.map((g) => g.sheetName)).toEqual(before.map((g) => g.sheetName));
  const differing: string[] = [];
  before.forEach((g, i) => {
    const h = after[i];
    for (let r = 0; r < Math.max(g.rowCount, h.rowCount); r++)
      for (let c = 0; c < Math.max(g.colCount, h.colCount); c++) if (JSON.stringify(g.cell(r, c) ?? null) !== JSON.stringify(h.cell(r, c) ?? null)) differing.push(`${g.sheetName}!${a1(r, c)}`);
  });
  expect(differing.sort()).toEqual(planned.map((f) => `${sheet}!${f.cell}`).sort());
  const fixedSheet = after.find((g) => g.sheetName === sheet)!;
  for (const f of planned) expect(fixedSheet.cell(parseA1(f.cell).row, parseA1(f.cell).col)?.formula).toBe(f.formula);

  // 生成核对报告, then the report alone.
  await paneCommand(page, "生成核对报告");
  await notice(page, /核对报告已写入/).waitFor();
  await idle(page);
  await shot(page, "19-report-sheet");
  const reportName = await page.getByRole("tab", { selected: true }).innerText();
  expect(reportName).toMatch(/^核对报告/);
  const report = await download(page, "report");
  expect(report.name).toBe("自评表示例（核对报告）.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(report.bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([reportName]);
  const shownInGrid = await page.locator("[data-testid=sheet-grid] td[data-cell]").evaluateAll((tds) => tds.filter((td) => (td as HTMLElement).innerText.trim()).map((td) => [td.getAttribute("data-cell"), (td as HTMLElement).innerText.trim()]));
  for (const [address, text] of shownInGrid) {
    const cell = wb.worksheets[0].getCell(address!);
    // A date is stored as a date with a date format (ExcelJS's .text ignores formats): compare the day it names.
    const v = cell.value instanceof Date ? `${cell.value.getUTCFullYear()}年${cell.value.getUTCMonth() + 1}月${cell.value.getUTCDate()}日` : cell.text;
    if (cell.value instanceof Date) expect(String(cell.numFmt)).toMatch(/[yY]/);
    expect([address, v.trim()]).toEqual([address, text]);
  }

  // The marked copy: the sample as it was opened, its problem cells red with a comment.
  const marked = await download(page, "marked");
  expect(marked.name).toBe("自评表示例（标记）.xlsx");
  const m = new ExcelJS.Workbook();
  await m.xlsx.load(marked.bytes as unknown as ArrayBuffer);
  const j9 = m.getWorksheet(sheet)!.getCell("J9");
  expect((j9.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  expect(j9.value).toBe(5);
  expect(m.worksheets.map((w) => w.name)).toContain("核对报告");
  await shot(page, "20-downloaded-marked");
  expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([]);
  await page.close();
});

test("a report sheet drawn readably: bold headings, set widths, and a link jumps to its cell", async () => {
  // A workbook whose sheet links to another's cell (a HYPERLINK typed by a user).
  const wb = new ExcelJS.Workbook();
  const index = wb.addWorksheet("目录");
  index.getCell("A1").value = "问题清单";
  index.getCell("A1").font = { bold: true };
  index.getCell("A2").value = { formula: `HYPERLINK("#'评价表'!B23","评价表!B23")`, result: "评价表!B23" } as ExcelJS.CellFormulaValue;
  const target = wb.addWorksheet("评价表");
  target.getCell("B23").value = 95;
  const file = path.join(tempDir(), "链接.xlsx");
  await wb.xlsx.writeFile(file);
  const page = await open();
  await page.locator("[data-testid=file-input]").setInputFiles(file);
  await page.getByRole("tab", { name: "目录" }).waitFor();
  const link = cell(page, "A2").getByRole("link", { name: "评价表!B23" });
  await link.click();
  await expect(page.getByRole("tab", { name: "评价表" }).getAttribute("aria-selected")).resolves.toBe("true");
  await expect(cell(page, "B23").getAttribute("aria-current")).resolves.toBe("true");

  // The sample's own report, as the pane writes it.
  await page.locator("[data-testid=file-input]").setInputFiles(path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx"));
  await page.getByRole("tab", { name: "收支台账" }).waitFor();
  await paneCommand(page, "检查整个工作簿");
  await pane(page).getByRole("heading", { name: "工作簿检查结果" }).waitFor({ timeout: 60000 });
  await idle(page);
  await paneCommand(page, "生成核对报告");
  await notice(page, /核对报告已写入/).waitFor();
  await idle(page);
  expect(await page.getByRole("tab", { selected: true }).innerText()).toMatch(/^核对报告/);
  // Its heading row is drawn bold, as the pane set it.
  const weight = await cell(page, "A1").evaluate((td) => Number(getComputedStyle(td).fontWeight));
  expect(weight).toBeGreaterThanOrEqual(600);
  await shot(page, "21-report-in-grid");
  // Where the report links a finding to its cell (the report sheet's links), the link shows that cell.
  const links = page.locator("[data-testid=sheet-grid] a[data-link]");
  if ((await links.count()) > 0) {
    const to = (await links.first().getAttribute("data-link"))!;
    await links.first().click();
    const [toSheet, toCell] = [to.slice(0, to.lastIndexOf("!")), to.slice(to.lastIndexOf("!") + 1)];
    await expect(page.getByRole("tab", { name: toSheet, exact: true }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, toCell).getAttribute("aria-current")).resolves.toBe("true");
    await shot(page, "22-report-link-followed");
  }
  await page.close();
});

test("dates saved by Chinese Excel (built-in format ids) show as Excel shows them", async () => {
  const file = path.join(tempDir(), "日期.xlsx");
  writeFileSync(file, await workbookWithBuiltinDates([31, 22, 28, 34, 57]));
  const page = await open();
  await page.locator("[data-testid=file-input]").setInputFiles(file);
  await page.getByRole("tab", { name: "日期" }).waitFor();
  expect(await Promise.all(["B1", "B2", "B3", "B4", "B5"].map((a) => cell(page, a).innerText()))).toEqual(["2024年3月15日", "2024/3/15 13:30", "3月15日", "下午1时30分", "2024年3月"]);
  await shot(page, "23-dates");
  await page.close();
});

describe("the task pane's start-up, with office.js served by a stand-in that behaves as Excel's", () => {
  const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  const shimScript = () => readFileSync(path.join(pages, readdirSync(pages).find((f) => /^fake-office\.[0-9a-f]+\.js$/.test(f))!));

  async function openPane(config: Record<string, unknown> | "blocked"): Promise<Page & { errors: string[] }> {
    const page = (await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" })) as Page & { errors: string[] };
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(e.message));
    await page.route(OFFICE_JS, (route) => (config === "blocked" ? route.abort() : route.fulfill({ contentType: "text/javascript", body: shimScript() })));
    if (config !== "blocked") await page.addInitScript((c) => ((window as unknown as { __shimConfig: unknown }).__shimConfig = c), config);
    await page.goto(`${server.url}taskpane.html`);
    return page;
  }

  test("Excel arrives late and 检查本表 is clicked on the ribbon before the pane has mounted: the click is not lost", async () => {
    const page = await openPane({ excelDelayMs: 1500 });
    // The function is registered as soon as the page runs, before Office is ready.
    await page.waitForFunction(() => (window as unknown as { __shim: { registered(): string[] } }).__shim.registered().includes("checkSheet"));
    await page.getByRole("status").filter({ hasText: "正在连接 Excel…" }).waitFor();
    await shot(page, "20-pane-connecting");
    const clicked = page.evaluate(() => (window as unknown as { __shim: { click(n: string): Promise<boolean> } }).__shim.click("checkSheet"));
    expect(await clicked).toBe(true);
    const sheet = SAMPLE_SHEETS[0].name;
    const expected = expectedFindings(sheet).sort();
    expect(expected.length).toBeGreaterThan(0);
    // The pane shows what the ribbon found, the sheet is marked, and the pane was asked to open.
    await page.locator("li[data-code]").first().waitFor();
    expect(await page.locator("li[data-code]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}@${e.getAttribute("data-cell")}`).sort())).toEqual(expected);
    const marked = await page.evaluate(
      ([s, cell]) => {
        const { model } = (window as unknown as { __playground: { model: { displayedFill(s: string, r: number, c: number): string | undefined } } }).__playground;
        const col = cell.charCodeAt(0) - 65;
        const row = Number(cell.slice(1)) - 1;
        return model.displayedFill(s, row, col);
      },
      [sheet, expected.find((f) => !f.startsWith("MISSING") && /@[A-Z]\d+$/.test(f))!.split("@")[1]] as const,
    );
    expect(marked).toMatch(/^#FF(C7CE|EB9C)$/);
    expect(await page.evaluate(() => (window as unknown as { __shim: { shown: number[] } }).__shim.shown.length)).toBe(1);
    await shot(page, "21-pane-after-early-ribbon-click");
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test("office.js blocked: within seconds the pane says so and points to the playground and the command line", async () => {
    const page = await openPane("blocked");
    const t0 = Date.now();
    const alert = page.locator('[role=alert][data-startup="no-office"]');
    await alert.waitFor({ timeout: 5000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await page.locator("main").innerText()).toMatch(/playground\.html[\s\S]*npx selfeval check/);
    await shot(page, "22-pane-office-blocked");
    await page.close();
  });

  test("opened in a browser tab: Office answers without Excel, and the pane says to open it in Excel", async () => {
    const page = await openPane({ host: null });
    await page.locator('[role=alert][data-startup="not-excel"]').waitFor();
    expect(await page.locator("[role=alert]").innerText()).toMatch(/未连接到 Excel/);
    await page.close();
  });
});
