/** @jest-environment jsdom */
/**
 * The profile picker: the bands and source of the profile in force, the template's suggestion when
 * automatic, and a choice that changes the verdict. The sheet is the national table with two
 * indicators scored lower (with reasons): total 93.42 and grade 优 — right nationally (优 ≥ 90),
 * wrong under Lincang's 2022 bands (优 ≥ 95, 良 85–95).
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { scoredLower } from "./paneSheets";
import { renderPane, settled, wholeText } from "./renderPane";

const picker = () => screen.getByRole("combobox", { name: "评分标准" }) as HTMLSelectElement;
const profileSection = () => screen.getByRole("region", { name: "评分标准" });

test("switching to yunnan-lincang-2022 turns 优 at 93.42 into two GRADE_MISMATCH findings; automatic again clears them", async () => {
  const { port, session } = renderPane([scoredLower()]);
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  expect(screen.getByText("未发现问题：执行率、得分、合计与等级都一致。")).toBeTruthy();
  expect(picker().value).toBe("");
  expect(within(profileSection()).getByText("本表建议：全国通用（财预〔2020〕10号）")).toBeTruthy();
  expect(within(profileSection()).getByText("优 ≥ 90；良 80–90；中 60–80；差 < 60")).toBeTruthy();

  fireEvent.change(picker(), { target: { value: "yunnan-lincang-2022" } });
  await settled(session);
  expect(port.profile).toBe("yunnan-lincang-2022");
  expect(picker().value).toBe("yunnan-lincang-2022");
  expect(within(profileSection()).getByText("优 ≥ 95；良 85–95；中 60–85；差 < 60")).toBeTruthy();
  expect(within(profileSection()).getByText(/^临沧市财政局临财绩发〔2022〕1号/)).toBeTruthy();
  expect(within(profileSection()).queryByText(/本表建议/)).toBeNull();
  expect(screen.getByText("评分标准：云南临沧（2022年度通知）")).toBeTruthy();

  const items = screen.getAllByRole("listitem");
  expect(items.map((i) => within(i).getByText(/^[A-Z]+\d+$/).textContent)).toEqual(["B22", "B23"]);
  for (const item of items) {
    expect(within(item).getByText("等级不符")).toBeTruthy();
    expect(within(item).getByText(wholeText("表中：优"))).toBeTruthy();
    expect(within(item).getByText(wholeText("应为：良"))).toBeTruthy();
  }
  expect(within(items[0]).getByRole("button", { name: "修复 B22" })).toBeTruthy();
  expect(within(items[1]).getByText("没有自动修复：需在表中手工修改。")).toBeTruthy();
  // The grade in the table and the grade in the conclusion sentence: each in its own section.
  expect(screen.getAllByRole("heading", { level: 4 }).map((h) => h.textContent)).toEqual(["合计与等级", "结论文字"]);

  fireEvent.change(picker(), { target: { value: "" } });
  await settled(session);
  expect(port.profile).toBeNull();
  expect(screen.queryAllByRole("listitem")).toHaveLength(0);
  expect(within(profileSection()).getByText("本表建议：全国通用（财预〔2020〕10号）")).toBeTruthy();
});

test("every profile is offered by name after the automatic choice; the stored choice is shown on opening", () => {
  renderPane([sichuanProject(smartHall)], { profile: "yunnan" });
  expect([...picker().options].map((o) => [o.value, o.textContent])).toEqual([
    ["", "按表式自动选择"],
    ["national", "全国通用（财预〔2020〕10号）"],
    ["yunnan", "云南（项目支出绩效单位自评表）"],
    ["yunnan-lincang-2022", "云南临沧（2022年度通知）"],
    ["sichuan", "四川（部门预算项目支出绩效自评表）"],
  ]);
  expect(picker().value).toBe("yunnan");
  expect(within(profileSection()).getByText(/^云南省自评表填表说明/)).toBeTruthy();
});

test("automatic on a Sichuan sheet: the template's suggestion is named and its rules are in force", async () => {
  const { session } = renderPane([sichuanProject(smartHall)]);
  expect(within(profileSection()).getByText(/^财政部《项目支出绩效评价管理办法》/)).toBeTruthy(); // before a check: national
  fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await settled(session);
  expect(within(profileSection()).getByText("本表建议：四川（部门预算项目支出绩效自评表）")).toBeTruthy();
  expect(within(profileSection()).getByText(/^四川省自评表：预算执行率＝预算执行数\/调整后预算数/)).toBeTruthy();
});
