/** The per-evaluation summary line: who, which project, stated vs recomputed total and grade. */
import { checkSheet } from "../../src/engine";
import { findCell, offset, stack, toGrid, withCell } from "../fixtures/sheetSpec";
import { networkMaintenance, procurement, sichuanProject } from "../fixtures/sichuan";

describe("evaluation summaries", () => {
  test("one line per form, with the form's own project and organisation", () => {
    const sheet = stack("两张表", [sichuanProject(procurement), sichuanProject(networkMaintenance)]);
    const r = checkSheet(toGrid(sheet));
    expect(r.evaluations.map((e) => e.project)).toEqual([procurement.project, networkMaintenance.project]);
    expect(r.evaluations.every((e) => e.organisation === "广元市政务服务和公共资源交易中心部门")).toBe(true);
  });

  test("stated and recomputed totals and grades, and the counts of findings", () => {
    const spec = sichuanProject(procurement);
    const totalLabel = findCell(spec, "合计");
    const wrong = withCell(spec, offset(totalLabel, 0, 8), 88);
    const [e] = checkSheet(toGrid(wrong)).evaluations;
    expect(e.statedTotal).toBe(88);
    expect(e.recomputedTotal).toBe(98);
    expect(e.expectedGrade).toBe("优");
    expect(e.errors).toBeGreaterThanOrEqual(1);
    const [clean] = checkSheet(toGrid(spec)).evaluations;
    expect(clean.statedTotal).toBe(98);
    expect(clean.errors).toBe(1); // the conclusion sentence says 100 (seed 002)
  });
});
