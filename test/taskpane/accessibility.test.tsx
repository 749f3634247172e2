/** @jest-environment jsdom */
/**
 * axe-core over the pane in its states, here in jsdom (structure, names, ARIA; colour contrast
 * needs a real browser and is left to the browser tests): no serious or critical violation.
 */
import axe from "axe-core";
import { fireEvent, screen } from "@testing-library/react";
import { ledger, nationalProject } from "../fixtures/others";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { renderPane, settled } from "./renderPane";

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.each([["zh" as const], ["en" as const]])("introduction (%s)", async (lang) => {
  renderPane([sichuanProject(smartHall)], { lang });
  expect(await seriousViolations()).toEqual([]);
});

test("findings, a notice and the workbook summary", async () => {
  const { session } = renderPane([sichuanProject(smartHall), nationalProject(), ledger()]);
  fireEvent.click(screen.getByRole("button", { name: "检查整个工作簿" }));
  await settled(session);
  fireEvent.click(screen.getByRole("button", { name: "修复 J9" }));
  await settled(session);
  expect(screen.getByText(/已写入 1 处公式/)).toBeTruthy();
  expect(await seriousViolations()).toEqual([]);
});

test("an error", async () => {
  const { port, session } = renderPane([sichuanProject(smartHall)]);
  port.protect("智慧化信息化管理系统建设");
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  fireEvent.click(screen.getByRole("button", { name: "全部修复" }));
  await settled(session);
  expect(screen.getByText(/受保护，无法写入/)).toBeTruthy();
  expect(await seriousViolations()).toEqual([]);
});

test("not a table: the fix buttons say they are unavailable (and stay focusable)", async () => {
  const { port, session } = renderPane([ledger()]);
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  for (const name of ["全部修复", "插入正确等级和合计"]) {
    const button = screen.getByRole("button", { name });
    expect(button.getAttribute("aria-disabled")).toBe("true");
    fireEvent.click(button);
  }
  await settled(session);
  expect(port.writes).toEqual([]);
  expect(screen.queryByText(/本表建议/)).toBeNull();
  expect(await seriousViolations()).toEqual([]);
});

test("the check itself finds a nested control (so a clean result above means something)", async () => {
  document.body.innerHTML = '<main><div role="button" tabindex="0">J9 <button>修复</button></div></main>';
  expect((await seriousViolations()).join()).toMatch(/nested-interactive/);
  document.body.innerHTML = "";
});
