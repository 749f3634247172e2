/**
 * The fix stage (src/engine/plan.ts): one planner after every rule. Rule order does not matter; the
 * 合计 / 自评得分 / 等级 writes come from one function, whether a finding's own fix, a write carried
 * along by a score fix, or 插入正确等级和合计.
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { checkSheet, Finding, planFixes, SheetResult } from "../../src/engine";
import { checkSheetWith } from "../../src/engine/check";
import { RULES } from "../../src/engine/rules";
import { readWorkbook } from "../../src/cli/readWorkbook";
import { MemoryGrid } from "../../src/engine/grid";
import { findCell, insertRows, offset, SheetSpec, toGrid, withCell } from "../fixtures/sheetSpec";
import { nationalProject } from "../fixtures/others";
import { applyFixes } from "../support/recalc";
import { networkMaintenance, procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { cityOfficeFunds, yunnanProject } from "../fixtures/yunnan";
import { FORM_FIXTURES } from "../fixtures/forms";

const everything = (r: SheetResult) => ({
  findings: r.findings.map((f: Finding) => ({ code: f.code, cell: f.cell, severity: f.severity, stated: f.stated, expected: f.expected, message: f.message, fix: f.fix })),
  live: r.liveTotals,
});

describe("rule order does not matter", () => {
  const specs: SheetSpec[] = [
    sichuanProject(smartHall),
    sichuanProject(networkMaintenance),
    withCell(sichuanProject(procurement), "J9", "9分"),
    yunnanProject(cityOfficeFunds),
    ...FORM_FIXTURES.flatMap((fx) => [fx.clean, ...fx.variants.map((v) => v.sheet)]),
  ];
  test.each(specs.map((s, i) => [`${i}: ${s.name}`, s] as const))("%s", (_name, spec) => {
    const grid = toGrid(spec);
    const forward = everything(checkSheet(grid));
    expect(everything(checkSheetWith([...RULES].reverse(), grid))).toEqual(forward);
    const shuffled = [...RULES].sort((a, b) => a.name.length - b.name.length || b.name.localeCompare(a.name));
    expect(everything(checkSheetWith(shuffled, grid))).toEqual(forward);
  });

  test("on every corpus workbook too", async () => {
    const dir = path.join(__dirname, "..", "corpus");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".xlsx"))) {
      const { grids } = await readWorkbook(path.join(dir, file));
      for (const grid of grids) expect(everything(checkSheetWith([...RULES].reverse(), grid))).toEqual(everything(checkSheet(grid)));
    }
    expect(readFileSync(path.join(dir, "expected.json"), "utf8").length).toBeGreaterThan(0);
  });
});

describe("the places that state the total are written by one function", () => {
  // 市政务服务大厅智慧化: the execution score 5 should be 4.36; 合计 says 100 where the items give 95.
  const spec = sichuanProject(smartHall);
  const totalCell = offset(findCell(spec, "合计"), 0, 8);

  test("a finding's own fix and 插入正确等级和合计 write the same formula into the 合计 cell", () => {
    const r = checkSheet(toGrid(spec));
    const own = r.findings.find((f) => f.code === "TOTAL_MISMATCH")!;
    expect(own.cell).toBe(totalCell);
    const live = r.liveTotals.find((w) => w.cell === totalCell)!;
    expect(own.fix!.formula).toBe(live.formula);
  });

  test("the score fix carries the same 合计 write along when the typed total is fixed with it", () => {
    // 合计 typed as the total of the stated scores (90 + 5 = 95): right now, wrong once the score is fixed.
    const stated = withCell(spec, totalCell, 95);
    const r = checkSheet(toGrid(stated));
    expect(r.findings.some((f) => f.code === "TOTAL_MISMATCH")).toBe(false);
    const score = r.findings.find((f) => f.code === "EXEC_SCORE_MISMATCH")!;
    const carried = score.fix!.also!.find((a) => a.cell === totalCell)!;
    expect(carried.formula).toBe(r.liveTotals.find((w) => w.cell === totalCell)!.formula);
    // What it will show: the items 90 with the fixed execution score 4.36.
    expect(carried.result).toBeCloseTo(90 + (10 * 172.66) / 395.84, 6);
  });

  test("a typed 小计 that adds up its section follows a score fix (a SUM of its scores); one that does not is left alone", () => {
    // 产出 items H13:H17 (10, 9.5, 10, 10, 10) with a 小计 row after them; H13 typed 12 of 10, 小计 typed 51.5.
    const withSubtotal = insertRows(nationalProject(), 18, [[null, null, null, "小计", null, null, 50, 51.5, null]]);
    const sheet = withCell(withSubtotal, "H13", 12);
    const r = checkSheet(toGrid(sheet));
    const capped = r.findings.find((f) => f.code === "SCORE_EXCEEDS_WEIGHT" && f.cell === "H13")!;
    expect(capped.fix!.also?.map((a) => [a.cell, a.formula, a.result])).toEqual([["H18", "=SUM(H13:H17)", 49.5]]);
    const after = applyFixes(toGrid(sheet), planFixes(r.findings));
    expect(after.cell(17, 7)?.value).toBe(49.5);
    // A 小计 that was not the sum of its scores (51 against 51.5) is not understood: nothing is written there.
    const odd = checkSheet(toGrid(withCell(withCell(withSubtotal, "H13", 12), "H18", 51)));
    expect(planFixes(odd.findings).some((w) => w.cell === "H18")).toBe(false);
  });

  test("every write planned for a sheet refers only to cells of that sheet, and a cell is written once", () => {
    for (const s of [spec, sichuanProject(networkMaintenance), yunnanProject(cityOfficeFunds)]) {
      const r = checkSheet(toGrid(s));
      const writes = planFixes(r.findings);
      expect(new Set(writes.map((w) => w.cell)).size).toBe(writes.length);
      for (const w of [...writes, ...r.liveTotals]) expect(w.formula ?? "").not.toMatch(/!/);
    }
  });

  test("a write to a cell being fixed refers to that cell (whatever order the rules ran in)", () => {
    // The execution score typed as text "5分": the total's fix must refer to J9, which the score fix makes a number.
    const s = withCell(spec, "J9", "5分");
    for (const rules of [RULES, [...RULES].reverse()]) {
      const r = checkSheetWith(rules, toGrid(s));
      const total = r.findings.find((f) => f.code === "TOTAL_MISMATCH")!;
      expect(total.fix!.formula).toMatch(/\+J9$/);
    }
  });
});

test("the planner writes nothing for a sheet with nothing to fix", () => {
  const grid = MemoryGrid.fromValues("空", [["项目支出绩效自评表"]]);
  expect(planFixes(checkSheet(grid).findings)).toEqual([]);
});
