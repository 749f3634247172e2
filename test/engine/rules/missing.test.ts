import { withCell } from "../../fixtures/sheetSpec";
import { nationalProject } from "../../fixtures/others";
import { sichuanProject, smartHall } from "../../fixtures/sichuan";
import { brief, findingsOf, only } from "./helpers";

describe("MISSING_REASON and MISSING_ACTUAL", () => {
  test("a score below its weight with no reason written", () => {
    const f = findingsOf(withCell(nationalProject(), "I14", null));
    expect(f.map(brief)).toEqual([{ code: "MISSING_REASON", severity: "warning", cell: "I14", stated: null, expected: null }]);
  });
  test("Sichuan: an execution rate below 90 % needs a reason (the printed instruction is not one)", () => {
    const note = "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）";
    const f = only(withCell(sichuanProject(smartHall), "K9", note), "MISSING_REASON");
    expect(f.map((x) => x.cell)).toEqual(["K9"]);
    expect(only(withCell(sichuanProject(smartHall), "K9", note), "MISSING_REASON", "national")).toEqual([]);
  });
  test("a scored indicator with an empty 实际完成值", () => {
    const f = findingsOf(withCell(nationalProject(), "F17", null));
    expect(f.map(brief)).toEqual([{ code: "MISSING_ACTUAL", severity: "warning", cell: "F17", stated: null, expected: null }]);
  });
});
