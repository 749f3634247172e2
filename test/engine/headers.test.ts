/** Header bands (src/engine/recognize/headers.ts): one row or several, each column with its path. */
import { MemoryGrid } from "../../src/engine/grid";
import { headerBand, leafOf, parentOf } from "../../src/engine/recognize/headers";
import { segmentForms } from "../../src/engine/recognize/forms";
import { SheetView } from "../../src/engine/recognize/view";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";

const view = (spec: SheetSpec) => new SheetView(toGrid(spec));
const paths = (spec: SheetSpec, row: number) => headerBand(view(spec), row).cells.map((c) => `${c.from}-${c.to}:${c.path.join("›")}`);

describe("header bands", () => {
  test("one row: each column its own label", () => {
    const spec: SheetSpec = { name: "s", rows: [["项目资金", "年初预算数", "全年预算数", "全年执行数"], ["年度资金总额", 1, 2, 3]] };
    const band = headerBand(view(spec), 0);
    expect([band.top, band.bottom]).toEqual([0, 0]);
    expect(paths(spec, 0)).toEqual(["0-0:项目资金", "1-1:年初预算数", "2-2:全年预算数", "3-3:全年执行数"]);
  });

  test("two rows: a parent spanning sub-columns gives each a path; a label merged down belongs to both rows", () => {
    const spec: SheetSpec = {
      name: "s",
      rows: [
        ["项目资金（万元）", null, "预算数", null, null, "执行数", null, "分值"],
        [null, null, "年初预算数", "调整数", "全年预算数", "财政拨款", "其他资金"],
        ["年度资金总额", null, 500, 36.5, 536.5, 498.2, 20.35, 10],
      ],
      merges: ["A1:B2", "C1:E1", "F1:G1", "H1:H2"],
    };
    const band = headerBand(view(spec), 0);
    expect([band.top, band.bottom]).toEqual([0, 1]);
    expect(paths(spec, 0)).toEqual([
      "0-1:项目资金(万元)",
      "2-2:预算数›年初预算数",
      "3-3:预算数›调整数",
      "4-4:预算数›全年预算数",
      "5-5:执行数›财政拨款",
      "6-6:执行数›其他资金",
      "7-7:分值",
    ]);
    const c = band.cells[4];
    expect([leafOf(c), parentOf(c)]).toEqual(["财政拨款", "执行数"]);
  });

  test("a data row is never part of the band, even one without numbers under header words", () => {
    const spec: SheetSpec = { name: "s", rows: [["一级指标", "二级指标", "三级指标", "分值", "得分"], ["产出指标", "数量指标", "指标1：", "/", "/"], ["产出指标", "数量指标", "完成数", 10, 10]] };
    expect(headerBand(view(spec), 0).bottom).toBe(0);
  });

  test("a header of at most three rows: a title above is not a parent", () => {
    const spec: SheetSpec = { name: "s", rows: [["预算执行情况"], ["年初预算数", "全年预算数", "全年执行数"], [1, 2, 3]] };
    expect(paths(spec, 1)).toEqual(["0-0:年初预算数", "1-1:全年预算数", "2-2:全年执行数"]);
  });
});

describe("forms on one sheet", () => {
  test("titles and 项目名称 lines start forms; a title and its 项目名称 line are one start", () => {
    const grid = MemoryGrid.fromValues("s", [
      ["项目支出绩效自评表"], ["项目名称", "甲"], ["一级指标"], ["产出"], [], ["项目支出绩效自评表"], ["项目名称", "乙"], ["一级指标"], ["产出"],
    ]);
    expect(segmentForms(new SheetView(grid), [2, 7])).toEqual([
      { top: 0, bottom: 4 },
      { top: 5, bottom: 8 },
    ]);
  });
  test("one form: the whole sheet", () => {
    const grid = MemoryGrid.fromValues("s", [["说明"], ["一级指标"], ["产出"]]);
    expect(segmentForms(new SheetView(grid), [1])).toEqual([{ top: 0, bottom: 2 }]);
  });
});
