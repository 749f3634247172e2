/** @jest-environment jsdom */
/** 检查整个工作簿: progress sheet by sheet, then one line per sheet, and 查看 opens that sheet's findings. */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ledger, nationalProject } from "../fixtures/others";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { liveRegion, renderPane, settled } from "./renderPane";

const SMART_HALL = "智慧化信息化管理系统建设";

test("progress while the sheets are read, then the summary; 查看 opens a sheet's findings", async () => {
  const { port, session } = renderPane([nationalProject(), sichuanProject(smartHall), ledger()]);
  port.holdReads();
  fireEvent.click(screen.getByRole("button", { name: "检查整个工作簿" }));

  await waitFor(() => expect(port.waitingReads).toBe(1));
  let progress = screen.getByRole("progressbar", { name: "正在检查第 1/3 张工作表…" });
  expect([progress.getAttribute("aria-valuenow"), progress.getAttribute("aria-valuemax")]).toEqual(["0", "3"]);
  expect(liveRegion().textContent).toBe("正在检查第 1/3 张工作表…");

  port.releaseOneRead();
  await waitFor(() => expect(screen.getByRole("progressbar", { name: "正在检查第 2/3 张工作表…" })).toBeTruthy());
  progress = screen.getByRole("progressbar");
  expect(progress.getAttribute("aria-valuenow")).toBe("1");
  expect(screen.queryByRole("heading", { name: "工作簿检查结果" })).toBeNull();

  port.releaseReads();
  await settled(session);
  expect(screen.queryByRole("progressbar")).toBeNull();
  const summary = screen.getByRole("heading", { level: 2, name: "工作簿检查结果" }).closest("section")!;
  const lines = within(summary).getAllByRole("listitem");
  expect(within(summary).getByTestId("workbook-overall").textContent).toBe("已检查 3 张工作表：1 张有错误，1 张未发现问题，1 张非自评表");
  expect(lines.map((l) => l.textContent)).toEqual([
    "项目支出绩效自评表查看项目支出绩效自评表（财政部表式）未发现问题项目：基层政务服务能力提升培训总分：表中 97.92，应为 97.92 · 一致等级：表中 优，应为 优 · 一致",
    `${SMART_HALL}查看部门预算项目支出绩效自评表（四川表式）2 个错误项目：市政务服务大厅智慧化信息化管理系统建设总分：表中 100，应为 95 · 不符等级：表中未填，应为 优`,
    "收支台账查看非自评表",
  ]);
  // The active sheet (the first) is the one whose findings are shown, and it is marked as current.
  expect(screen.getByRole("heading", { level: 2, name: "“项目支出绩效自评表”的检查结果" })).toBeTruthy();
  expect(lines[0].getAttribute("aria-current")).toBe("true");
  expect(port.marks.get(SMART_HALL)?.map((m) => m.cell)).toEqual(["J9", "J33"]);

  fireEvent.click(within(summary).getByRole("button", { name: `查看“${SMART_HALL}”` }));
  await settled(session);
  expect(screen.getByRole("heading", { level: 2, name: `“${SMART_HALL}”的检查结果` })).toBeTruthy();
  expect(screen.getByText("执行率得分不符")).toBeTruthy();
  expect(within(summary).getAllByRole("listitem")[1].getAttribute("aria-current")).toBe("true");
  expect(within(summary).getAllByRole("listitem")[0].getAttribute("aria-current")).toBeNull();
});
