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
