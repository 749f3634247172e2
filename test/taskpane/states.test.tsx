/** @jest-environment jsdom */
/**
 * Each state of the pane on realistic sheets: before a check, while checking, a sheet that is not a
 * self-evaluation table, a consistent table, a write refused on a protected sheet, English words.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ledger, nationalProject } from "../fixtures/others";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { isDisabled, liveRegion, renderPane, settled, wholeText } from "./renderPane";

const SMART_HALL = "智慧化信息化管理系统建设";

test("before any check: the introduction, commands that need a result unavailable, nothing announced", () => {
  renderPane([sichuanProject(smartHall)]);
  expect(screen.getByRole("heading", { level: 1, name: "自评表核对" })).toBeTruthy();
  expect(screen.getByText("点击“检查本表”，核对当前工作表的执行率、指标得分、合计和等级。")).toBeTruthy();
  expect(isDisabled(screen.getByRole("button", { name: "检查本表" }))).toBe(false);
  expect(isDisabled(screen.getByRole("button", { name: "检查整个工作簿" }))).toBe(false);
  for (const name of ["全部修复", "插入正确等级和合计", "撤销上次修复"]) expect(isDisabled(screen.getByRole("button", { name }))).toBe(true);
  expect(screen.queryByRole("listitem")).toBeNull();
  expect(liveRegion().textContent).toBe("");
});

test("while a check runs: a labelled spinner, every command unavailable, the task announced; then the results", async () => {
  const { port, session } = renderPane([sichuanProject(smartHall)]);
  port.holdReads();
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await waitFor(() => expect(port.waitingReads).toBe(1));
  expect(screen.getByRole("progressbar", { name: "正在检查…" })).toBeTruthy();
  for (const button of within(screen.getByRole("toolbar", { name: "操作" })).getAllByRole("button")) expect(isDisabled(button)).toBe(true);
  expect(screen.queryByText(/点击“检查本表”/)).toBeNull();
  expect(liveRegion().textContent).toBe("正在检查…");

  port.releaseReads();
  await settled(session);
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.getByRole("heading", { level: 2, name: `“${SMART_HALL}”的检查结果` })).toBeTruthy();
  expect(liveRegion().textContent).toBe("2 个错误");
  expect(isDisabled(screen.getByRole("button", { name: "全部修复" }))).toBe(false);
});

test("a ledger is not a self-evaluation table: said so, no summary, no findings, no marks", async () => {
  const { port, session } = renderPane([ledger()]);
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  expect(screen.getByText("本表未识别为绩效自评表：没有找到预算执行或绩效指标表头。")).toBeTruthy();
  expect(screen.queryByText(/个错误/)).toBeNull();
  expect(screen.queryByText(/^表式：/)).toBeNull();
  expect(screen.queryAllByRole("listitem")).toHaveLength(0);
  expect(port.marks.get("收支台账")).toEqual([]);
});

test("a consistent national table: no problems, with its template and the profile used", async () => {
  const { session } = renderPane([nationalProject()]);
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  expect(screen.getByText("未发现问题：执行率、得分、合计与等级都一致。")).toBeTruthy();
  expect(screen.getByText("表式：项目支出绩效自评表（财政部表式）")).toBeTruthy();
  expect(screen.getByText("评分标准：全国通用（财预〔2020〕10号）")).toBeTruthy();
  expect(screen.queryAllByRole("listitem")).toHaveLength(0);
  expect(screen.queryByRole("heading", { level: 3 })).toBeNull();
});

test("a fix refused on a protected sheet: the error names the sheet and how to unprotect it; nothing written; dismissable", async () => {
  const { port, session } = renderPane([sichuanProject(smartHall)]);
  port.protect(SMART_HALL);
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  fireEvent.click(screen.getByRole("button", { name: "全部修复" }));
  await settled(session);

  const message = `工作表“${SMART_HALL}”受保护，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护），再修复。`;
  const bar = screen.getByRole("group", { name: message });
  expect(liveRegion().textContent).toBe(message);
  expect(port.writes).toEqual([]);
  expect(port.cell(SMART_HALL, "J9")).toEqual({ value: 5 });
  expect(screen.getAllByRole("listitem")).toHaveLength(2);

  fireEvent.click(within(bar).getByRole("button", { name: "关闭" }));
  expect(screen.queryByRole("group", { name: message })).toBeNull();
  expect(session.getState().error).toBeUndefined();
});

test("English display language: every word of the pane in English, the engine's messages too", async () => {
  const { session } = renderPane([sichuanProject(smartHall)], { lang: "en" });
  expect(screen.getByRole("heading", { level: 1, name: "SelfEval Check" })).toBeTruthy();
  for (const name of ["Check the whole workbook", "Fix all", "Insert correct grade and totals", "Clear marks", "Undo last fix", "Create check report"]) {
    expect(screen.getByRole("button", { name })).toBeTruthy();
  }
  expect(screen.getByRole("combobox", { name: "Scoring rules" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Check this sheet" }));
  await settled(session);

  expect(screen.getByRole("heading", { level: 2, name: `Results for “${SMART_HALL}”` })).toBeTruthy();
  expect(screen.getByText("2 errors", { selector: "p" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 3, name: "Error (2)" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 4, name: "Budget execution" })).toBeTruthy();
  expect(screen.getByRole("heading", { level: 4, name: "Totals and grade" })).toBeTruthy();
  expect(screen.getByText("Execution-rate score")).toBeTruthy();
  expect(screen.getByText("Template: Project self-evaluation (Sichuan form)")).toBeTruthy();
  expect(screen.getByText("Suggested for this sheet: Sichuan (department project self-evaluation form)")).toBeTruthy();
  expect(screen.getByText(wholeText("Stated: 5"))).toBeTruthy();
  expect(screen.getByText(wholeText("Expected: 4.36"))).toBeTruthy();
  const fix = screen.getByRole("button", { name: "Fix J9" });
  expect(fix.textContent).toBe("Fix");
  expect(screen.getByText("The execution-rate score should be 4.36 (10 × 43.62%); the sheet shows 5, more than earned")).toBeTruthy();
  expect(screen.getByText(/^Writes the execution-score formula/)).toBeTruthy();
  // Apart from the sheet's own words and the switch back to 中文 (marked as such), no Chinese word is left.
  const pane = document.querySelector("main")!.cloneNode(true) as Element;
  for (const zh of pane.querySelectorAll('[lang="zh-CN"]')) zh.remove();
  expect(pane.textContent).not.toMatch(/检查|修复|错误|警告|评分|表式|合计|撤销|报告|应为|表中/);
});
