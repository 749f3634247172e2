import { withCell } from "../../fixtures/sheetSpec";
import { nationalProject } from "../../fixtures/others";
import { brief, findingsOf } from "./helpers";

describe("UNREADABLE_VALUE", () => {
  test.each([
    ["H6", { v: { error: "#DIV/0!" } }, "#DIV/0!"],
    ["F6", "#REF!", "#REF!"],
    ["H14", "九分半", "九分半"],
    ["H21", { v: { error: "#VALUE!" } }, "#VALUE!"],
  ])("%s holding %j gives only that finding", (cell, value, shown) => {
    const f = findingsOf(withCell(nationalProject(), cell, value as never));
    expect(f.map(brief)).toEqual([{ code: "UNREADABLE_VALUE", severity: "error", cell, stated: shown, expected: null }]);
  });
  test("numbers stored as text are read, not flagged", () => {
    const spec = withCell(withCell(withCell(nationalProject(), "E6", "150"), "F6", "141.30"), "I6", "9.42");
    expect(findingsOf(spec)).toEqual([]);
  });
});

describe("UNREADABLE_VALUE: an error value where the right value is known is replaced; text the user typed is not", () => {
  const fixOf = (cell: string, value: unknown) => findingsOf(withCell(nationalProject(), cell, value as never)).find((f) => f.cell === cell)!.fix;
  test("an execution rate: executed ÷ budget (141.3 ÷ 150)", () => {
    const fix = fixOf("H6", { v: { error: "#REF!" } })!;
    expect([fix.formula, fix.numFmt]).toEqual(["=IF(E6<=0,0,F6/E6)", "0.00%"]);
    expect(fix.result).toBeCloseTo(0.942, 10);
  });
  test("the 总分 cell: the total formula, as TOTAL_MISMATCH writes it", () => {
    const fix = fixOf("H21", { v: { error: "#VALUE!" } })!;
    expect(fix.formula).toMatch(/^=SUM\(H13:H20\)\+I6$/);
    expect(fix.result).toBeCloseTo(97.92, 10);
  });
  test("text in a rate cell stays: nothing is written over it", () => {
    expect(fixOf("H6", "见附表")).toBeUndefined();
  });
});
