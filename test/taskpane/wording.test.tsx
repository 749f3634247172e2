/** @jest-environment jsdom */
/**
 * Words and numbers as finance staff read them, on the engine's own findings for realistic sheets
 * (paneSheets.ts): amounts with two decimals, separators and 万元; rates as percentages with two
 * decimals; a score as the sheet writes it, rounded once; notes that say they are notes; quotes that
 * nest; counts without zeros; the workbook list with its overall line and totals, kept up to date;
 * and the language switch.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { nationalProject } from "../fixtures/others";
import { SheetSpec, withCell } from "../fixtures/sheetSpec";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { Lang, STRINGS } from "../../src/addin/i18n";
import { departmentBudget, paneSheets, scoredLower, trainingProject } from "./paneSheets";
import { renderPane, settled, wholeText } from "./renderPane";

async function checked(specs: SheetSpec[], lang: Lang = "zh") {
  const pane = renderPane(specs, { lang });
  fireEvent.click(screen.getByRole("button", { name: STRINGS[lang].checkSheet }));
  await settled(pane.session);
  return pane;
}

const card = (code: string, cell?: string) => document.querySelector<HTMLElement>(`li[data-code="${code}"]${cell ? `[data-cell="${cell}"]` : ""}`)!;
/** The card's message (the paragraph under the problem's name). */
const messageOf = (li: HTMLElement) => li.querySelector("p")!.textContent!;
/** 表中 / 应为 under the message, without their labels. */
const figuresOf = (li: HTMLElement) => [...li.querySelectorAll("[role=button] > span:last-child > span")].map((s) => s.textContent!.replace(/^[^：:]*[：:]\s*/, ""));

describe("amounts, rates and scores", () => {
  test("amounts: two decimals, thousands separators and the sheet's unit, in the message and below it", async () => {
    await checked([departmentBudget()]);
    const budget = card("BUDGET_SUM_MISMATCH");
    expect(messageOf(budget)).toBe("“年度资金总额”全年支出决算数（基本支出 + 项目支出）应为 3,182.68 万元（2,000.00 + 1,182.68），表中为 3,211.14 万元");
    expect(within(budget).getByText(wholeText("表中：3,211.14 万元"))).toBeTruthy();
    expect(within(budget).getByText(wholeText("应为：3,182.68 万元"))).toBeTruthy();
    // The rate of the same block: a percentage with two decimals.
    const rate = card("EXEC_RATE_MISMATCH");
    expect(within(rate).getByText(wholeText("表中：100.00%"))).toBeTruthy();
    expect(within(rate).getByText(wholeText("应为：98.60%"))).toBeTruthy();
    expect(messageOf(rate)).toBe("“基本支出年度资金总额”执行率应为 98.60%（2,000.00 ÷ 2,028.45），表中为 100.00%");
  });

  test("in English the unit is said in English", async () => {
    await checked([departmentBudget()], "en");
    const budget = card("BUDGET_SUM_MISMATCH");
    expect(within(budget).getByText(wholeText("Stated: 3,211.14 ×10,000 yuan"))).toBeTruthy();
    expect(within(budget).getByText(wholeText("Expected: 3,182.68 ×10,000 yuan"))).toBeTruthy();
    expect(messageOf(budget)).toContain("should be 3,182.68 ×10,000 yuan (2,000.00 + 1,182.68)");
  });

  test("a rate typed over: 80.00 % where 141.30 ÷ 150.00 gives 94.20 %", async () => {
    await checked([trainingProject()]);
    const rate = card("EXEC_RATE_MISMATCH");
    expect(messageOf(rate)).toBe("“年度资金总额”执行率应为 94.20%（141.30 ÷ 150.00），表中为 80.00%");
    expect(figuresOf(rate)).toEqual(["80.00%", "94.20%"]);
  });

  test("a score written 9.456 reads 9.46 in the message and below it: one rounding per card", async () => {
    await checked([withCell(nationalProject(), "I6", 9.456)]);
    const score = card("EXEC_SCORE_MISMATCH");
    expect(messageOf(score)).toContain("表中为 9.46");
    expect(figuresOf(score)).toEqual(["9.46", "9.42"]);
    expect(score.textContent).not.toContain("9.456");
  });

  test.each([["zh" as const], ["en" as const]])("every figure under a message is also in the message (%s)", async (lang) => {
    const pane = await checked(paneSheets(), lang);
    fireEvent.click(screen.getByRole("button", { name: STRINGS[lang].checkWorkbook }));
    await settled(pane.session);
    let compared = 0;
    for (const sheet of paneSheets()) {
      fireEvent.click(screen.getByRole("button", { name: lang === "zh" ? `查看“${sheet.name}”` : `Open “${sheet.name}”` }));
      await settled(pane.session);
      for (const li of document.querySelectorAll<HTMLElement>("li[data-code]")) {
        for (const figure of figuresOf(li)) {
          // The figure, or for an amount its number (the message may name the unit once, at the first amount).
          expect([li.dataset.code, messageOf(li)]).toEqual([li.dataset.code, expect.stringContaining(figure.replace(/ (万元|元|×10,000 yuan|yuan)$/, ""))]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });
});

describe("wording", () => {
  test("a note says it is a note: no 表中 / 应为, no fix, nothing to change; counted as 提示 and counts of zero left out", async () => {
    await checked([trainingProject()]);
    const note = card("TARGET_EXCEEDED");
    expect(messageOf(note)).toBe("提示：指标“培训场次”实际完成为目标的 250%，目标可能设置偏低（审计时此类得分常被核减）");
    expect(within(note).getByText("这是提示，不必修改。")).toBeTruthy();
    expect(figuresOf(note)).toEqual([]);
    expect(within(note).queryByRole("button", { name: /修复/ })).toBeNull();
    expect(within(note).getByRole("img", { name: "提示" })).toBeTruthy();
    expect(screen.getByText("2 个错误，1 条提示")).toBeTruthy();
    // A finding that must be changed by hand says so; a note never does.
    expect(within(card("GRADE_MISMATCH")).getByText("没有自动修复：需在表中手工修改。")).toBeTruthy();
  });

  test("in English too", async () => {
    await checked([trainingProject()], "en");
    const note = card("TARGET_EXCEEDED");
    expect(messageOf(note)).toMatch(/^Note: "培训场次" achieved 250% of its target/);
    expect(within(note).getByText("This is a note; nothing needs changing.")).toBeTruthy();
    expect(screen.getByText("2 errors, 1 note")).toBeTruthy();
    expect(within(card("EXEC_RATE_MISMATCH")).getByRole("img", { name: "Error" })).toBeTruthy();
  });

  test("a grade quoted in the conclusion nests its quotes: “…‘良’…”", async () => {
    await checked([trainingProject()]);
    const message = messageOf(card("GRADE_MISMATCH"));
    expect(message).toContain("结论中写“评价等级‘良’”");
    expect(message).not.toMatch(/“[^”]*“/);
  });

  test("the fix in words first; its formulas, the ones it carries along included, behind 查看公式", async () => {
    await checked([sichuanProject(smartHall)]);
    const total = card("TOTAL_MISMATCH");
    expect(total.textContent).not.toMatch(/=SUM|=I9/);
    expect(within(total).getByText("写入合计公式（各项得分之和）；连同得分的修复，合计为 94.36")).toBeTruthy();
    fireEvent.click(within(total).getByRole("button", { name: "查看公式" }));
    expect(total.querySelectorAll("code")[0].textContent).toBe("=SUM(J15:J32)+J9");
  });

  test("a clean sheet: ✓ 未发现问题, no counts at all", async () => {
    await checked([scoredLower()]);
    expect(screen.getByText("未发现问题：执行率、得分、合计与等级都一致。")).toBeTruthy();
    expect(document.querySelector("main")!.textContent).not.toMatch(/0 个|0 条/);
  });
});

describe("the workbook list", () => {
  const line = (sheet: string) => document.querySelector<HTMLElement>(`li[data-sheet="${sheet}"]`)!.textContent!;

  test("an overall line; per sheet the template, counts without zeros, the project and its stated and recomputed total and grade", async () => {
    const pane = renderPane(paneSheets());
    fireEvent.click(screen.getByRole("button", { name: "检查整个工作簿" }));
    await settled(pane.session);
    expect(screen.getByTestId("workbook-overall").textContent).toBe("已检查 5 张工作表：3 张有错误，1 张未发现问题，1 张非自评表");
    expect(line("培训项目自评表")).toBe(
      "培训项目自评表查看项目支出绩效自评表（财政部表式）2 个错误，1 条提示项目：基层政务服务能力提升培训总分：表中 97.92，应为 97.92 · 一致等级：表中 优，应为 优 · 一致",
    );
    expect(line("部门整体支出自评表")).toContain("2 个错误总分：表中 98.5，应为 98.5 · 一致");
    expect(line("智慧化信息化管理系统建设")).toContain("总分：表中 100，应为 95 · 不符");
    expect(line("宣传项目（93.42分）")).toContain("未发现问题");
    expect(line("收支台账")).toBe("收支台账查看非自评表");
  });

  test("it follows a fix, an undo and a profile switch (every sheet judged again, the one shown stays shown)", async () => {
    const pane = renderPane(paneSheets());
    fireEvent.click(screen.getByRole("button", { name: "检查整个工作簿" }));
    await settled(pane.session);
    fireEvent.click(screen.getByRole("button", { name: "查看“智慧化信息化管理系统建设”" }));
    await settled(pane.session);
    fireEvent.click(screen.getByRole("button", { name: "全部修复" }));
    await settled(pane.session);
    expect(line("智慧化信息化管理系统建设")).toContain("总分：表中 94.36，应为 94.36 · 一致");
    // The notice has its own undo.
    fireEvent.click(screen.getByRole("button", { name: "撤销这次修复" }));
    await settled(pane.session);
    expect(line("智慧化信息化管理系统建设")).toContain("总分：表中 100，应为 95 · 不符");

    expect(line("宣传项目（93.42分）")).toContain("等级：表中 优，应为 优 · 一致");
    fireEvent.change(screen.getByRole("combobox", { name: "评分标准" }), { target: { value: "yunnan-lincang-2022" } });
    await settled(pane.session);
    expect(line("宣传项目（93.42分）")).toContain("等级：表中 优，应为 良 · 不符");
    expect(pane.port.marks.get("宣传项目（93.42分）")?.length).toBeGreaterThan(0);
    expect(screen.getByTestId("workbook-overall").textContent).toBe("已检查 5 张工作表：4 张有错误，1 张非自评表");
    expect(screen.getByRole("heading", { level: 2, name: "“智慧化信息化管理系统建设”的检查结果" })).toBeTruthy();
  });

  test("in English: the overall line, the grade named in English, the verdict in words", async () => {
    const pane = renderPane(paneSheets(), { lang: "en" });
    fireEvent.click(screen.getByRole("button", { name: "Check the whole workbook" }));
    await settled(pane.session);
    expect(screen.getByTestId("workbook-overall").textContent).toBe("5 sheets checked: 3 with errors, 1 clean, 1 not a self-evaluation table");
    expect(line("培训项目自评表")).toContain("2 errors, 1 noteProject: 基层政务服务能力提升培训Total: stated 97.92, expected 97.92 · agreesGrade: stated Excellent (优), expected Excellent (优) · agrees");
    expect(line("智慧化信息化管理系统建设")).toContain("Total: stated 100, expected 95 · differsGrade: not stated, expected Excellent (优)");
  });
});

describe("the language", () => {
  test("switched in the pane: every word follows, the choice is kept in the browser, and the cell notes are written in it", async () => {
    const { port, session, unmount } = await checked([sichuanProject(smartHall)]);
    expect(port.marks.get("智慧化信息化管理系统建设")![0].note).toBe("执行率得分应为 4.36（10 × 43.62%），表中为 5，多计了分");
    fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    await settled(session);
    expect(screen.getByRole("button", { name: "Check this sheet" })).toBeTruthy();
    expect(messageOf(card("EXEC_SCORE_MISMATCH"))).toBe("The execution-rate score should be 4.36 (10 × 43.62%); the sheet shows 5, more than earned");
    expect(port.marks.get("智慧化信息化管理系统建设")![0].note).toBe("The execution-rate score should be 4.36 (10 × 43.62%); the sheet shows 5, more than earned");
    expect(localStorage.getItem("selfeval.lang")).toBe("en");
    expect(screen.getByRole("button", { name: "切换为中文" }).textContent).toBe("中文");
    unmount();
  });

  test("the stored choice wins over Office's display language when the pane opens again", async () => {
    const pane = renderPane([sichuanProject(smartHall)]);
    localStorage.setItem("selfeval.lang", "en");
    pane.unmount();
    render(<App session={pane.session} lang="zh" />);
    expect(screen.getByRole("heading", { level: 1, name: "SelfEval Check" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "切换为中文" })).toBeTruthy();
  });

  test("the scoring rules' bands in English name the grades", async () => {
    renderPane([scoredLower()], { lang: "en" });
    expect(screen.getByText("Excellent (优) ≥ 90; Good (良) 80–90; Fair (中) 60–80; Poor (差) < 60")).toBeTruthy();
  });
});
