/**
 * A property over generated correct sheets in many layouts (test/fixtures/generated.ts): one- and
 * two-row budget headers, 元 and 万元, rates in every accepted way, merged / repeated / blank level
 * labels, placeholder rows, stacked forms. On every one: no error, no warning, no fix.
 */
import fc from "fast-check";
import { checkSheet, planFixes } from "../../src/engine";
import { toGrid } from "../fixtures/sheetSpec";
import { generatedProject, projectArb, sheetArb } from "../fixtures/generated";

test("correct sheets in many layouts: no error, no warning, no fix", () => {
  fc.assert(
    fc.property(sheetArb, (spec) => {
      const r = checkSheet(toGrid(spec));
      expect(r.template).not.toBeNull();
      const complaints = r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}: ${f.message}`);
      expect(complaints).toEqual([]);
      expect(planFixes(r.findings)).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

test("each generated form is read whole: every indicator, the budget, the total and the grade", () => {
  fc.assert(
    fc.property(projectArb, (p) => {
      const [unit] = checkSheet(toGrid(generatedProject(p, "自评表"))).units;
      expect(unit.indicators?.items).toHaveLength(p.indicators.length);
      expect(unit.budget?.rows[0].role).toBe("total");
      expect(unit.indicators?.totalRow?.score).toBeDefined();
      expect(unit.grades.length).toBeGreaterThanOrEqual(1);
      expect(unit.conclusions).toHaveLength(1);
      if (p.headerScore) expect(unit.headerScore).toBeDefined();
    }),
    { numRuns: 150 },
  );
});

test("the same sheets with one stated number changed: the change is found, at its cell", () => {
  fc.assert(
    fc.property(projectArb, fc.constantFrom("total", "score", "rate"), (p, what) => {
      const spec = generatedProject(p, "自评表");
      const [unit] = checkSheet(toGrid(spec)).units;
      const at =
        what === "total" ? unit.indicators!.totalRow!.score! : what === "score" ? { row: unit.indicators!.items[0].row, col: unit.indicators!.items[0].scoreCol } : { row: unit.budget!.rows[0].row, col: unit.budget!.cols.rate! };
      const rows = spec.rows.map((r) => r.slice());
      // A total 3 points off, a score far above its weight, a rate of 50.5 % (the generated ones are 50–100 %).
      const recomputed = checkSheet(toGrid(spec)).evaluations[0].recomputedTotal!;
      rows[at.row][at.col] = what === "total" ? recomputed + 3 : what === "score" ? 1000 : "50.50%";
      const f = checkSheet(toGrid({ ...spec, rows })).findings.filter((x) => x.severity === "error");
      const code = what === "total" ? "TOTAL_MISMATCH" : what === "score" ? "SCORE_EXCEEDS_WEIGHT" : "EXEC_RATE_MISMATCH";
      expect(f.map((x) => `${x.code}@${x.at.row},${x.at.col}`)).toContain(`${code}@${at.row},${at.col}`);
    }),
    { numRuns: 150 },
  );
});
