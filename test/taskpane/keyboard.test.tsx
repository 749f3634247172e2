/** @jest-environment jsdom */
/**
 * The pane by keyboard: every control in the Tab sequence has a name, a finding row is reached with
 * Tab and selects its cell with Enter or Space, and fixing a finding from its own button leaves the
 * focus on the results rather than nowhere. (jsdom moves the focus through every toolbar button;
 * in a browser the toolbar is one Tab stop with arrow keys inside: test/e2e/pane.test.ts.)
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { pressTab, renderPane, settled } from "./renderPane";

const SHEET = "智慧化信息化管理系统建设";

async function checkedByKeyboard() {
  const pane = renderPane([sichuanProject(smartHall)]);
  // The language switch in the header, then the toolbar.
  expect(pressTab().getAttribute("aria-label")).toBe("Switch to English");
  const first = pressTab();
  expect(first.textContent).toBe("检查本表");
  fireEvent.click(first); // a native button: the browser turns Enter into this click
  await settled(pane.session);
  return pane;
}

/** Tab until the focus is on an element that passes `found`, collecting what was passed on the way. */
function tabUntil(found: (el: Element) => boolean, limit = 30): Element[] {
  const passed: Element[] = [];
  for (let i = 0; i < limit; i++) {
    const el = pressTab();
    passed.push(el);
    if (found(el)) return passed;
  }
  throw new Error(`not reached in ${limit} Tabs: ${passed.map((e) => e.textContent).join(" | ")}`);
}

const accessibleName = (el: Element) => el.getAttribute("aria-label") ?? (el.getAttribute("aria-labelledby") ? document.getElementById(el.getAttribute("aria-labelledby")!)?.textContent : el.textContent);

test("Tab reaches the first finding after the commands; Enter on it selects J9; every stop is named", async () => {
  const { port } = await checkedByKeyboard();
  const passed = tabUntil((el) => el.getAttribute("role") === "button" && el.textContent!.includes("J9"));
  expect(passed.map((el) => el.textContent)).toEqual(["全部修复", "撤销上次修复", "检查整个工作簿", "生成核对报告", "插入正确等级和合计", "清除标记", expect.stringContaining("执行率得分不符")]);
  const findingRow = passed[passed.length - 1] as HTMLElement;
  expect(document.activeElement).toBe(findingRow);

  fireEvent.keyDown(findingRow, { key: "Enter" });
  await waitFor(() => expect(port.selected).toEqual({ sheet: SHEET, cell: "J9" }));

  // On through the rest of the pane: the fix button, its formula, the next finding, its fix and formula, the profile picker.
  const rest = tabUntil((el) => el.tagName === "SELECT");
  expect(rest.map(accessibleName)).toEqual(["修复 J9", "查看公式", expect.stringContaining("合计不符"), "修复 J33", "查看公式", "评分标准"]);
});

test("Space on a finding row selects its cell too, without scrolling the pane", async () => {
  const { port } = await checkedByKeyboard();
  const findingRow = tabUntil((el) => el.textContent!.includes("J33") && el.getAttribute("role") === "button").pop()!;
  const notPrevented = fireEvent.keyDown(findingRow, { key: " " });
  expect(notPrevented).toBe(false);
  await waitFor(() => expect(port.selected).toEqual({ sheet: SHEET, cell: "J33" }));
});

test("修复 from a finding's own button moves the focus to the results heading once the finding is gone", async () => {
  const { session } = await checkedByKeyboard();
  const fix = tabUntil((el) => el.getAttribute("aria-label") === "修复 J9").pop()!;
  fireEvent.click(fix);
  await settled(session);
  expect(screen.queryByRole("button", { name: "修复 J9" })).toBeNull();
  expect(document.activeElement).toBe(screen.getByRole("heading", { level: 2, name: `“${SHEET}”的检查结果` }));
});

test("a busy command keeps the focus: the pressed button stays focusable while it is unavailable", async () => {
  const { port, session } = await checkedByKeyboard();
  const checkSheet = screen.getByRole("button", { name: "检查本表" });
  checkSheet.focus();
  port.holdReads();
  fireEvent.click(checkSheet);
  await waitFor(() => expect(port.waitingReads).toBe(1));
  expect(checkSheet.getAttribute("aria-disabled")).toBe("true");
  expect(document.activeElement).toBe(checkSheet);
  port.releaseReads();
  await settled(session);
  expect(port.waitingReads).toBe(0);
  expect(document.activeElement).toBe(checkSheet);
});

test("closing a message by keyboard leaves the focus on the results heading, not on the page", async () => {
  const { session } = await checkedByKeyboard();
  fireEvent.click(screen.getByRole("button", { name: "全部修复" }));
  await settled(session);
  fireEvent.click(screen.getByRole("button", { name: "关闭" }));
  expect(document.activeElement?.tagName).toBe("H2");
  expect(document.activeElement?.textContent).toBe(`“${SHEET}”的检查结果`);
});

test("检查整个工作簿 puts the focus on its summary, shown below the current sheet's findings", async () => {
  const { session } = await checkedByKeyboard();
  fireEvent.click(screen.getByRole("button", { name: "检查整个工作簿" }));
  await settled(session);
  await waitFor(() => expect(document.activeElement?.textContent).toBe("工作簿检查结果"));
  const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
  expect(headings.indexOf(`“${SHEET}”的检查结果`)).toBeLessThan(headings.indexOf("工作簿检查结果"));
  // A fix refreshes the sheet's line without taking the focus to the summary again.
  const fix = screen.getByRole("button", { name: "修复 J9" });
  fix.focus();
  fireEvent.click(fix);
  await settled(session);
  expect(document.activeElement?.textContent).toBe(`“${SHEET}”的检查结果`);
});
