import { checkSheet, planFixes } from "../../src/engine";
import { toGrid } from "../fixtures/sheetSpec";
import { applyFixes } from "../support/recalc";
import { writeFileSync } from "fs";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { cases } = require(process.env.RT_CASES ?? "/tmp/redteam5/cases.ts");
test("rt", () => {
  const out: Record<string, unknown> = {};
  for (const [name, mk] of Object.entries(cases as Record<string, () => any>)) {
    try {
      const spec = mk();
      const grid = toGrid(spec);
      const res = checkSheet(grid, {});
      const fixes = planFixes(res.findings);
      const g2 = applyFixes(grid, fixes);
      const res2 = checkSheet(g2, {});
      out[name] = {
        template: res.template, profile: res.profile,
        findings: res.findings.map((f) => `${f.severity} ${f.code} ${f.cell} ${f.stated}→${f.expected} ${f.message}${f.fix ? " FIX " + JSON.stringify({ c: f.fix.cell, f: f.fix.formula, v: f.fix.value }) : ""}`),
        after: res2.findings.map((f) => `${f.code} ${f.cell} ${f.stated}→${f.expected}`),
        units: res.units.map((u: any) => ({ t: u.template, hier: u.indicators?.hierarchical, items: u.indicators?.items.length, groups: JSON.stringify((u.indicators?.groups ?? []).map((g: any) => [g.label, g.weight?.value, g.children.map((c: any) => [c.label, c.weight?.value])])), total: u.indicators?.totalRow, grades: u.grades?.map((x: any) => x.grade) })),
      };
    } catch (e) { out[name] = { error: String((e as Error).stack) }; }
  }
  writeFileSync(process.env.RT_OUT ?? "/tmp/redteam5/out.json", JSON.stringify(out, null, 1));
});
