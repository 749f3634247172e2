/**
 * The real task pane page (taskpane.html) over the office.js stand-in, at a real task pane's widths
 * (320, 350, 450 px, and 320 px at 150 % zoom, i.e. 214 CSS px at device scale 1.5), in zh-CN and
 * English: nothing runs past the pane's edge, labels stay on one line, no Latin word or number is
 * split across lines, every command is reachable exactly once (toolbar or ⋯ menu), axe-core finds
 * nothing, and the keyboard reaches everything with a visible focus. Screenshots of each state are
 * saved under test-output/e2e/pane/ (listed in README.md).
 */
import { mkdirSync, readdirSync, readFileSync } from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { format, STRINGS } from "../../src/addin/i18n";
import { checkSheet, messageOf, valueText } from "../../src/engine";
import { toGrid } from "../fixtures/sheetSpec";
import { buildPages, launch, SCREENSHOTS, serve } from "../support/browser";
import { tempDir, writeWorkbook } from "../support/workbooks";
import { paneSheets } from "../taskpane/paneSheets";

jest.setTimeout(300000);

const OUT = path.join(SCREENSHOTS, "pane");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
type Lang = "zh" | "en";
const LANGS: Lang[] = ["zh", "en"];
const LAYOUTS = [
  { name: "320", width: 320, scale: 1 },
  { name: "350", width: 350, scale: 1 },
  { name: "450", width: 450, scale: 1 },
  { name: "320-zoom150", width: 214, scale: 1.5 },
];
const SHEETS = paneSheets();
const COMMANDS = (lang: Lang) => {
  const s = STRINGS[lang];
  return [s.checkSheet, s.fixAll, s.undo, s.checkWorkbook, s.report, s.insertTotals, s.clearMarks];
};

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let pages: string;
let workbook: Buffer;
let axeSource: string;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pages = buildPages("e2e-pane");
  server = await serve(pages);
  browser = await launch();
  workbook = readFileSync(await writeWorkbook(path.join(tempDir(), "pane.xlsx"), SHEETS));
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type PanePage = Page & { errors: string[]; lang: Lang };

/** The pane as Excel opens it: office.js is the stand-in, the workbook is paneSheets(), Office speaks `lang`. */
async function openPane(lang: Lang, layout = LAYOUTS[0]): Promise<PanePage> {
  const page = (await browser.newPage({ viewport: { width: layout.width, height: 900 }, deviceScaleFactor: layout.scale, locale: lang === "zh" ? "zh-CN" : "en-US" })) as PanePage;
  page.errors = [];
  page.lang = lang;
  page.on("pageerror", (e) => page.errors.push(e.message));
  const shim = readFileSync(path.join(pages, readdirSync(pages).find((f) => /^fake-office\.[0-9a-f]+\.js$/.test(f))!));
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: shim }));
  await page.route("**/examples/*.xlsx", (route) => route.fulfill({ contentType: "application/octet-stream", body: workbook }));
  await page.addInitScript((displayLanguage) => ((window as unknown as { __shimConfig: unknown }).__shimConfig = { displayLanguage }), lang === "zh" ? "zh-CN" : "en-US");
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole("toolbar").waitFor();
  return page;
}

const words = (page: PanePage) => STRINGS[page.lang];
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });

/** Make the sheet at `index` the active one, as a click on its tab in Excel does. */
const activate = (page: Page, index: number) =>
  page.evaluate((i) => {
    (window as unknown as { __playground: { model: { active: number } } }).__playground.model.active = i;
  }, index);

/** Wait until the pane has finished its task (检查本表 usable again). */
const idle = (page: PanePage) =>
  page.waitForFunction((label) => {
    const b = [...document.querySelectorAll("[role=toolbar] button")].find((e) => e.textContent?.trim() === label);
    return !!b && b.getAttribute("aria-disabled") !== "true";
  }, words(page).checkSheet);

/** Run a command as a user does: its toolbar button when shown, else from the ⋯ menu. */
async function command(page: PanePage, label: string): Promise<void> {
  const button = page.getByRole("toolbar").getByRole("button", { name: label, exact: true });
  if (await button.isVisible()) await button.click();
  else {
    await page.getByRole("button", { name: words(page).moreActions }).click();
    await page.getByRole("menuitem", { name: label, exact: true }).click();
  }
  await idle(page);
}

async function checkSheetAt(page: PanePage, index: number): Promise<void> {
  await activate(page, index);
  await command(page, words(page).checkSheet);
  await page.getByRole("heading", { level: 2, name: format(words(page).resultsFor, { sheet: SHEETS[index].name }) }).waitFor();
}

/** What runs past the pane's right edge, wraps a label, or splits a Latin word or a number across lines. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} “${(el.textContent ?? "").trim().slice(0, 30)}”`;
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const roots = [...document.querySelectorAll("main, [role=menu]")];
    for (const el of roots.flatMap((r) => [r, ...r.querySelectorAll("*")])) {
      if (el.closest("[data-tabster-dummy]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) problems.push(`past the edge (${Math.round(r.left)}–${Math.round(r.right)} of ${width}): ${name(el)}`);
    }
    // Lines that boxes of text take: a box starting below the middle of the line before opens a new line.
    const lineCount = (boxes: DOMRect[]) => {
      const sorted = boxes.filter((b) => b.width > 0).sort((a, b) => a.top - b.top);
      let count = sorted.length ? 1 : 0;
      for (let i = 1; i < sorted.length; i++) if (sorted[i].top - sorted[i - 1].top > sorted[i - 1].height / 2) count++;
      return count;
    };
    const lines = (range: Range) => lineCount([...range.getClientRects()]);
    const textNodes = (root: Element) => {
      const out: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) out.push(walker.currentNode as Text);
      return out;
    };
    for (const label of roots.flatMap((r) => [...r.querySelectorAll("button, [role=menuitem], label, h1")])) {
      if (label.getBoundingClientRect().width === 0 || !label.textContent?.trim()) continue;
      // At 150 % zoom (214 CSS px) “Insert correct grade and totals” is wider than the pane: a menu item may wrap there, between words.
      if (width < 240 && label.getAttribute("role") === "menuitem") continue;
      const boxes = textNodes(label).flatMap((node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return [...range.getClientRects()];
      });
      if (lineCount(boxes) > 1) problems.push(`a label on ${lineCount(boxes)} lines: ${name(label)}`);
    }
    for (const root of roots) {
      for (const node of textNodes(root)) {
        // A formula breaks anywhere by design (it is behind 查看公式); the live region is not shown.
        if (node.parentElement?.closest("code, [aria-live], [data-tabster-dummy]")) continue;
        // A word or a number: letters and digits with the points, commas and signs inside them (a
        // hyphenated compound is two words, and may break after its hyphen as English type does).
        for (const m of node.data.matchAll(/[A-Za-z0-9][A-Za-z0-9.,%×:’'_]*[A-Za-z0-9%]/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (lines(range) > 1) problems.push(`“${m[0]}” split across lines in ${name(node.parentElement!)}`);
        }
      }
    }
    return problems;
  });
}

/** Every command once: on the toolbar, or in the ⋯ menu. */
async function reachableCommands(page: PanePage): Promise<string[]> {
  const onToolbar = (await page.getByRole("toolbar").getByRole("button").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent!.trim()))).filter(Boolean);
  const more = page.getByRole("button", { name: words(page).moreActions });
  if (!(await more.isVisible())) return onToolbar;
  await more.click();
  const menu = page.getByRole("menu");
  await menu.waitFor();
  const inMenu = await menu.getByRole("menuitem").allInnerTexts();
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
  return [...onToolbar, ...inMenu.map((t) => t.trim())];
}

async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  // Colours are judged at rest, not halfway through a button's transition from busy to ready.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    // Tabster's focus guards are left out, as Accessibility Insights leaves them out (tabster#288).
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)} ${n.failureSummary ?? ""}`) }));
  });
}

/** The checks every state passes, at every width and in both languages. */
async function inspect(page: PanePage, state: string): Promise<void> {
  expect([state, await layoutProblems(page)]).toEqual([state, []]);
  expect([state, await axeViolations(page)]).toEqual([state, []]);
  expect([state, (await reachableCommands(page)).sort()]).toEqual([state, COMMANDS(page.lang).sort()]);
}

describe.each(LANGS)("in %s", (lang) => {
  test.each(LAYOUTS)("at $name px: findings, the workbook list and amounts fit, read, and pass axe", async (layout) => {
    const page = await openPane(lang, layout);
    const tag = `${layout.name}-${lang}`;
    await inspect(page, `opened ${tag}`);

    // The national table: a rate typed over, a note, a grade quoted in the conclusion.
    await checkSheetAt(page, 0);
    const findings = checkSheet(toGrid(SHEETS[0])).findings;
    expect(await page.locator("li[data-code]").count()).toBe(findings.length);
    const rate = page.locator('li[data-code="EXEC_RATE_MISMATCH"]');
    expect(await rate.innerText()).toContain(`${words(page).stated}${lang === "zh" ? "：" : ": "}80.00%`);
    expect(await rate.innerText()).toContain("94.20%");
    const note = page.locator('li[data-code="TARGET_EXCEEDED"]');
    expect(await note.innerText()).toContain(words(page).noteOnly);
    expect(await note.innerText()).not.toContain(words(page).expected);
    await inspect(page, `findings ${tag}`);
    await shot(page, `findings-${tag}`);

    // The whole workbook: the current sheet's results first, then the list with its overall line.
    await command(page, words(page).checkWorkbook);
    const list = page.getByRole("region", { name: words(page).workbookSummary });
    await list.waitFor();
    const headings = await page.getByRole("heading", { level: 2 }).allInnerTexts();
    expect(headings.indexOf(words(page).workbookSummary)).toBeGreaterThan(0);
    expect(await list.getByTestId("workbook-overall").innerText()).toBe(
      lang === "zh" ? "已检查 5 张工作表：3 张有错误，1 张未发现问题，1 张非自评表" : "5 sheets checked: 3 with errors, 1 clean, 1 not a self-evaluation table",
    );
    await inspect(page, `workbook ${tag}`);
    await shot(page, `workbook-${tag}`);

    // Amounts in 万元 with two decimals and separators, from the department-wide form.
    await list.getByRole("button", { name: lang === "zh" ? "查看“部门整体支出自评表”" : "Open “部门整体支出自评表”" }).click();
    await idle(page);
    const budget = page.locator('li[data-code="BUDGET_SUM_MISMATCH"]');
    const f = checkSheet(toGrid(SHEETS[1])).findings.find((x) => x.code === "BUDGET_SUM_MISMATCH")!;
    expect(await budget.innerText()).toContain(messageOf(f, lang));
    expect(await budget.innerText()).toContain(valueText(f, "expected", lang));
    expect(valueText(f, "expected", lang)).toBe(lang === "zh" ? "3,182.68 万元" : "3,182.68 ×10,000 yuan");
    await inspect(page, `amounts ${tag}`);
    await shot(page, `amounts-${tag}`);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

test("the ⋯ menu at 320 px and at 150 % zoom: what does not fit, each once, with its icon and one-line label", async () => {
  for (const layout of [LAYOUTS[0], LAYOUTS[3]]) {
    for (const lang of LANGS) {
      const page = await openPane(lang, layout);
      await checkSheetAt(page, 2);
      await page.getByRole("button", { name: words(page).moreActions }).click();
      await page.getByRole("menu").waitFor();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `menu-${layout.name}-${lang}`);
      await page.close();
    }
  }
});

test("keyboard: language switch → toolbar (one Tab stop, arrows, Enter opens ⋯, Escape closes) → each finding → its 修复 → 查看公式; the focus ring shows", async () => {
  const page = await openPane("zh");
  await activate(page, 2);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent?.trim() ?? "");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("Switch to English");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("检查本表");
  await page.keyboard.press("Enter");
  await page.locator("li[data-code]").first().waitFor();
  await idle(page);
  // Arrows move along the toolbar to ⋯; Enter opens the menu on its first item; Escape closes it and gives ⋯ the focus back.
  const toolbarStops: string[] = [];
  for (let i = 0; i < 8 && (await focused()) !== "更多操作"; i++) {
    await page.keyboard.press("ArrowRight");
    toolbarStops.push(await focused());
  }
  expect(toolbarStops[0]).toBe("全部修复");
  expect(toolbarStops[toolbarStops.length - 1]).toBe("更多操作");
  await page.keyboard.press("Enter");
  await page.getByRole("menu").waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("menuitem");
  await page.keyboard.press("Escape");
  await page.getByRole("menu").waitFor({ state: "detached" });
  expect(await focused()).toBe("更多操作");
  // One Tab leaves the toolbar for the first finding.
  await page.keyboard.press("Tab");
  const row = await page.evaluate(() => document.activeElement?.closest("li[data-code]")?.getAttribute("data-cell"));
  expect(row).toBe("J9");
  const ring = await page.evaluate(() => {
    const el = document.activeElement!;
    const style = getComputedStyle(el, null);
    return { focusVisible: el.matches(":focus-visible"), width: style.outlineWidth, style: style.outlineStyle };
  });
  expect(ring).toEqual({ focusVisible: true, width: "2px", style: "solid" });
  await shot(page, "keyboard-focus-320-zh");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("修复 J9");
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("查看公式");
  await page.keyboard.press("Enter");
  await page.locator('li[data-cell="J9"] code').waitFor();
  expect(await page.locator('li[data-cell="J9"] code').innerText()).toBe("=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))");
  expect(await layoutProblems(page)).toEqual([]);
  await shot(page, "formula-disclosed-320-zh");
  // On to the next finding; Enter on it selects its cell in the workbook.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("li[data-code]")?.getAttribute("data-cell"))).toBe("J33");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (window as unknown as { __playground: { model: { selection?: { address: string } } } }).__playground.model.selection?.address.endsWith("!J33"));
  expect(page.errors).toEqual([]);
  await page.close();
});

test("after a fix: the notice has its own 撤销这次修复; the workbook list follows the fix, the undo and a profile switch", async () => {
  const page = await openPane("zh");
  await activate(page, 2);
  await command(page, "检查整个工作簿");
  const line = (sheet: string) => page.locator(`li[data-sheet="${sheet}"]`);
  expect(await line("智慧化信息化管理系统建设").innerText()).toContain("总分：表中 100，应为 95 · 不符");
  await command(page, "全部修复");
  const undo = page.getByRole("button", { name: "撤销这次修复" });
  await undo.waitFor();
  expect(await line("智慧化信息化管理系统建设").innerText()).toContain("总分：表中 94.36，应为 94.36 · 一致");
  expect(await layoutProblems(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  await shot(page, "after-fix-320-zh");
  await undo.click();
  await idle(page);
  await page.locator(".fui-MessageBarBody").filter({ hasText: "已撤销" }).waitFor();
  expect(await line("智慧化信息化管理系统建设").innerText()).toContain("总分：表中 100，应为 95 · 不符");
  await shot(page, "undone-320-zh");

  // Lincang's 2022 bands: 93.42 is 良, and every sheet in the list is judged again.
  expect(await line("宣传项目（93.42分）").innerText()).toContain("等级：表中 优，应为 优 · 一致");
  await page.getByRole("combobox", { name: "评分标准" }).selectOption("yunnan-lincang-2022");
  await idle(page);
  await line("宣传项目（93.42分）").filter({ hasText: "等级：表中 优，应为 良 · 不符" }).waitFor();
  expect(await page.getByTestId("workbook-overall").innerText()).toBe("已检查 5 张工作表：4 张有错误，1 张非自评表");
  expect(await layoutProblems(page)).toEqual([]);
  await shot(page, "profile-switched-320-zh");
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a clean sheet says ✓ 未发现问题, with no counts of zero", async () => {
  for (const lang of LANGS) {
    const page = await openPane(lang);
    await checkSheetAt(page, 3);
    // The results say it (the live region says it too, for screen readers).
    await page.locator("section").getByText(words(page).noFindings).waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/\b0 (errors?|warnings?|notes?)\b|0 个|0 条/);
    expect(await layoutProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, `clean-320-${lang}`);
    await page.close();
  }
});

test("the language follows Office, switches in the pane, is kept in the browser, and the cell notes follow it", async () => {
  const page = await openPane("zh");
  await checkSheetAt(page, 2);
  // The card and the cell's note in the workbook.
  const card = () => page.locator('li[data-cell="J9"]').innerText();
  const note = () =>
    page.evaluate((sheet) => {
      const { model } = (window as unknown as { __playground: { model: { sheet(n: string): { notes: Map<string, string> } } } }).__playground;
      return [...model.sheet(sheet).notes.values()].join("\n");
    }, SHEETS[2].name);
  expect(await card()).toContain("执行率得分应为 4.36");
  expect(await note()).toContain("执行率得分应为 4.36");
  await page.getByRole("button", { name: "Switch to English" }).click();
  page.lang = "en";
  await page.getByRole("button", { name: "Check this sheet", exact: true }).waitFor();
  await idle(page);
  expect(await card()).toContain("The execution-rate score should be 4.36");
  expect(await note()).toContain("The execution-rate score should be 4.36");
  expect(await note()).not.toContain("执行率得分应为");
  expect(await page.evaluate(() => localStorage.getItem("selfeval.lang"))).toBe("en");
  expect(await layoutProblems(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  expect((await reachableCommands(page)).sort()).toEqual(COMMANDS("en").sort());
  await shot(page, "switched-to-english-320");
  // Opened again (Office still says zh-CN): the pane keeps the user's choice.
  await page.reload();
  await page.getByRole("button", { name: "Check this sheet", exact: true }).waitFor();
  expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("SelfEval Check");
  expect(page.errors).toEqual([]);
  await page.close();
});
