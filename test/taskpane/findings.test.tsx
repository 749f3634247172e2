/** @jest-environment jsdom */
/**
 * The findings of seed sheet 智慧化信息化管理系统建设 (execution score 5 where 10 × 43.62 % = 4.36;
 * 合计 100 where the items give 95) as the pane lists them, and what selecting, fixing one, fixing
 * all, undoing, clearing marks and the report do to the workbook.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { isDisabled, liveRegion, renderPane, settled, wholeText } from "./renderPane";

const SHEET = "智慧化信息化管理系统建设";

async function checked() {
  const pane = renderPane([sichuanProject(smartHall)]);
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(pane.session);
  return pane;
}

/** The finding rows (the part that selects the cell), by their cell address. */
const row = (cell: string) => screen.getAllByRole("button").find((b) => b.getAttribute("tabindex") === "0" && b.textContent!.includes(cell))!;
const findingItem = (cell: string) => row(cell).closest("li")!;

test("检查本表: exactly the two findings, under 错误, each under its table section, with message, values and fix", async () => {
  const { port } = await checked();
  expect(screen.getByText("2 个错误")).toBeTruthy();
  expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["错误（2）"]);
  expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["预算执行", "合计与等级"]);
  expect(screen.getAllByRole("listitem")).toHaveLength(2);

  const score = findingItem("J9");
  expect(within(score).getByText("执行率得分不符")).toBeTruthy();
  expect(within(score).getByText("执行率得分应为 4.36（10 × 43.62%），表中为 5，多计了分")).toBeTruthy();
  expect(within(score).getByText(wholeText("表中：5"))).toBeTruthy();
  expect(within(score).getByText(wholeText("应为：4.36"))).toBeTruthy();
  const fixScore = within(score).getByRole("button", { name: "修复 J9" });
  const description = document.getElementById(fixScore.getAttribute("aria-describedby")!)!;
  expect(description.textContent).toBe("写入执行率得分公式（分值 × 执行率，不超过分值）；修复后总分为 94.36，结论文字需手工修改");
  // The formula is behind 查看公式, not in the card's body.
  expect(score.textContent).not.toContain("=I9");
  const disclosure = within(score).getByRole("button", { name: "查看公式" });
  expect(disclosure.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(disclosure);
  expect(disclosure.getAttribute("aria-expanded")).toBe("true");
  const formulas = document.getElementById(disclosure.getAttribute("aria-controls")!)!;
  expect(formulas.textContent).toBe("J9 将写入： =I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))");

  const total = findingItem("J33");
  expect(within(total).getByText("合计不符")).toBeTruthy();
  expect(within(total).getByText("合计应为 95（各项得分 90 + 执行率得分 5），表中为 100")).toBeTruthy();
  expect(within(total).getByRole("button", { name: "修复 J33" })).toBeTruthy();

  // The section headings sit above their own finding.
  const [budget, totals] = screen.getAllByRole("heading", { level: 4 });
  expect(budget.parentElement!.contains(score)).toBe(true);
  expect(totals.parentElement!.contains(total)).toBe(true);
  expect(port.marks.get(SHEET)?.map((m) => [m.cell, m.severity])).toEqual([
    ["J9", "error"],
    ["J33", "error"],
  ]);
  expect(screen.queryByText(/不支持单元格批注/)).toBeNull(); // this Excel has notes
});

test("clicking a finding selects its cell in the workbook", async () => {
  const { port } = await checked();
  fireEvent.click(row("J33"));
  await waitFor(() => expect(port.selected).toEqual({ sheet: SHEET, cell: "J33" }));
  fireEvent.click(within(findingItem("J9")).getByText("执行率得分应为 4.36（10 × 43.62%），表中为 5，多计了分"));
  await waitFor(() => expect(port.selected).toEqual({ sheet: SHEET, cell: "J9" }));
});

test("修复 on one finding writes only its fix (a live formula), shows the sheet at that cell, and the sheet is checked again", async () => {
  const { port, session } = await checked();
  fireEvent.click(screen.getByRole("button", { name: "修复 J9" }));
  await settled(session);

  expect(port.writes).toHaveLength(1);
  expect(port.writes[0].fixes.map((f) => f.cell)).toEqual(["J9"]);
  expect(port.cell(SHEET, "J9")?.formula).toBe("=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))");
  expect(port.cell(SHEET, "J9")?.value).toBeCloseTo(4.3619, 4);
  expect(port.cell(SHEET, "J33")).toEqual({ value: 100 });
  expect(port.selected).toEqual({ sheet: SHEET, cell: "J9" });

  // Re-checked: the total is now judged against the corrected score, and the conclusion's 95 no longer fits.
  // The conclusion finding is new: the notice says so, instead of looking as if the fix made things worse.
  expect(screen.getByText("已写入 1 处公式；剩余 2 个问题，其中 1 个是修复后才出现的（如结论文字、原因说明需随新分数修改）。")).toBeTruthy();
  expect(screen.queryByText("执行率得分不符")).toBeNull();
  expect(within(findingItem("J33")).getByText("合计应为 94.36（各项得分 90 + 执行率得分 4.36），表中为 100")).toBeTruthy();
  const conclusion = findingItem("B34");
  expect(within(conclusion).getByText("结论中的分数不符")).toBeTruthy();
  expect(within(conclusion).getByText("没有自动修复：需在表中手工修改。")).toBeTruthy();
  expect(within(conclusion).queryByRole("button", { name: /修复/ })).toBeNull();
  expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["合计与等级", "结论文字"]);
});

test("全部修复 writes every fix at once, then lists what is left for a manual edit", async () => {
  const { port, session } = await checked();
  fireEvent.click(screen.getByRole("button", { name: "全部修复" }));
  await settled(session);

  expect(port.writes.map((w) => w.fixes.map((f) => f.cell))).toEqual([["J9", "J33"]]);
  expect(port.cell(SHEET, "J33")?.formula).toBe("=SUM(J15:J32)+J9");
  expect(port.cell(SHEET, "J33")?.value).toBeCloseTo(94.3619, 4);
  expect(screen.getByText("已写入 2 处公式；剩余 1 个问题，其中 1 个是修复后才出现的（如结论文字、原因说明需随新分数修改）。")).toBeTruthy();
  expect(liveRegion().textContent).toBe("已写入 2 处公式；剩余 1 个问题，其中 1 个是修复后才出现的（如结论文字、原因说明需随新分数修改）。");
  expect(screen.getAllByRole("listitem")).toHaveLength(1);
  expect(within(findingItem("B34")).getByText(/结论中写“自评总分95分”，按表计算总分为 94.36/)).toBeTruthy();
  expect(port.marks.get(SHEET)?.map((m) => m.cell)).toEqual(["B34"]);
});

test("撤销上次修复: unavailable before a fix, available after, and puts the cell and the findings back", async () => {
  const { port, session } = await checked();
  const undo = screen.getByRole("button", { name: "撤销上次修复" });
  expect(isDisabled(undo)).toBe(true);
  fireEvent.click(undo);
  await settled(session);
  expect(session.getState().error).toBeUndefined(); // not even tried: it would have failed with nothing-to-undo

  fireEvent.click(screen.getByRole("button", { name: "修复 J9" }));
  await settled(session);
  expect(isDisabled(screen.getByRole("button", { name: "撤销上次修复" }))).toBe(false);

  fireEvent.click(screen.getByRole("button", { name: "撤销上次修复" }));
  await settled(session);
  expect(port.cell(SHEET, "J9")).toEqual({ value: 5 });
  expect(screen.getByText(`已撤销对“${SHEET}”的上次修复。`)).toBeTruthy();
  expect(within(findingItem("J9")).getByText("执行率得分不符")).toBeTruthy();
  expect(screen.getAllByRole("listitem")).toHaveLength(2);
  expect(isDisabled(screen.getByRole("button", { name: "撤销上次修复" }))).toBe(true);
  // The findings are fixable again.
  expect(isDisabled(screen.getByRole("button", { name: "全部修复" }))).toBe(false);
});

test("插入正确等级和合计 writes the live 合计 formula", async () => {
  const { port, session } = await checked();
  fireEvent.click(screen.getByRole("button", { name: "插入正确等级和合计" }));
  await settled(session);
  expect(port.writes.map((w) => w.fixes.map((f) => f.cell))).toEqual([["J33"]]);
  expect(port.cell(SHEET, "J33")?.formula).toBe("=SUM(J15:J32)+J9");
  expect(port.cell(SHEET, "J33")?.value).toBe(95);
  expect(screen.getByText("已写入 1 处公式；剩余 1 个问题。")).toBeTruthy();
  expect(screen.queryByText("合计不符")).toBeNull();
});

test("清除标记 takes the marks off; the notice can be dismissed", async () => {
  const { port, session } = await checked();
  expect(port.marks.size).toBe(1);
  fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
  await settled(session);
  expect(port.marks.size).toBe(0);
  const notice = screen.getByRole("group", { name: "已清除全部标记，单元格恢复原来的填充。" });
  fireEvent.click(within(notice).getByRole("button", { name: "关闭" }));
  expect(screen.queryByText("已清除全部标记，单元格恢复原来的填充。")).toBeNull();
});

test("生成核对报告 writes every finding of the workbook to the report sheet in the pane's language", async () => {
  const { port, session } = await checked();
  fireEvent.click(screen.getByRole("button", { name: "生成核对报告" }));
  await settled(session);
  expect(port.report?.sheetName).toBe("核对报告");
  expect(port.report?.findings.header).toEqual(["工作表", "单元格", "级别", "问题", "说明", "表中", "应为", "状态"]);
  expect(port.report?.findings.rows.map((r) => [r.sheet, r.cell, r.severityText, r.problem, r.statusText])).toEqual([
    [SHEET, "J9", "错误", "执行率得分不符", "可自动修复"],
    [SHEET, "J33", "错误", "合计不符", "可自动修复"],
  ]);
  expect(screen.getByText("核对报告已写入工作表“核对报告”。")).toBeTruthy();
});

test("notes unavailable in this Excel: the pane says the explanations are only here", async () => {
  const pane = renderPane([sichuanProject(smartHall)], { notes: false });
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(pane.session);
  expect(screen.getByText("此版本 Excel 不支持单元格批注，说明只在面板中显示。")).toBeTruthy();
});
