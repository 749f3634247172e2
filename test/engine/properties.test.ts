/**
 * Properties over random input: random grids and random mutations of the seed tables never make
 * the engine throw, never plan a write outside a recognised table, and fixing — recalculated by a
 * real formula engine (HyperFormula) — leaves none of the fixed findings; fixing twice equals once.
 */
import fc from "fast-check";
import { Bounds, checkSheet, Finding, MemoryGrid, parseA1, planFixes, SheetResult, writableBounds } from "../../src/engine";
import { deleteRow, insertRows, SheetSpec, SpecCell, swapRows, toGrid, withCell } from "../fixtures/sheetSpec";
import { applyFixes } from "../support/recalc";
import { hotline, networkMaintenance, procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { cityOfficeFunds, fundUse, yunnanConsistent, yunnanDepartment, yunnanProject } from "../fixtures/yunnan";
import { nationalProject, sichuanGoal, wuhua } from "../fixtures/others";

const SEEDS: SheetSpec[] = [
  sichuanProject(procurement),
  sichuanProject(smartHall),
  sichuanProject(networkMaintenance),
  sichuanProject(hotline),
  yunnanProject(cityOfficeFunds),
  yunnanProject(yunnanConsistent),
  yunnanDepartment(),
  fundUse(),
  wuhua(),
  sichuanGoal(),
  nationalProject(),
];

const WORDS = [
  "一级指标", "二级指标", "三级指标", "分值", "权重", "得分", "自评得分", "指标值", "完成值", "实际完成值", "合计", "总分",
  "得分合计", "年初预算数", "全年预算数", "全年执行数", "调整后预算数", "预算执行数", "执行率", "执行率（10%）", "绩效指标（90分）",
  "产出指标（50%）", "数量指标", "≥95%", "≤90万元", "完成", "达成年度指标", "定性", "☑优 □良 □中 □差", "自评等级", "优", "良",
  "该项目自评总分100分", "其中：财政资金", "年度资金总额", "扣分项", "/", "—", "指标 1:", "实际到位资金", "已使用资金", "结余资金",
];

const cellArb: fc.Arbitrary<SpecCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 400 }) },
  { weight: 1, arbitrary: fc.double({ min: -2, max: 200, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }).map((v): SpecCell => ({ v, fmt: "0.00%" })) },
  { weight: 1, arbitrary: fc.constantFrom<SpecCell>({ v: { error: "#DIV/0!" } }, "#REF!", "１００", "97.59%", "10 分", "") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const gridArb = fc
  .record({
    rows: fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 40 }),
    merges: fc.array(fc.record({ top: fc.nat(39), left: fc.nat(11), h: fc.nat(4), w: fc.nat(3) }), { maxLength: 8 }),
  })
  .map(({ rows, merges }) => {
    // Keep merges that do not overlap each other (as in any real workbook).
    const taken = new Set<string>();
    const kept: string[] = [];
    for (const m of merges) {
      const cells: string[] = [];
      for (let r = m.top; r <= m.top + m.h; r++) for (let c = m.left; c <= m.left + m.w; c++) cells.push(`${r},${c}`);
      if ((m.h === 0 && m.w === 0) || cells.some((k) => taken.has(k))) continue;
      cells.forEach((k) => taken.add(k));
      const col = (c: number) => String.fromCharCode(65 + c);
      kept.push(`${col(m.left)}${m.top + 1}:${col(m.left + m.w)}${m.top + m.h + 1}`);
    }
    // Only masters hold values.
    const out = rows.map((r) => r.slice());
    for (const m of kept) {
      const [a, b] = m.split(":").map(parseA1);
      for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) if (out[r]) out[r][c] = null;
    }
    return { name: "随机", rows: out, merges: kept } as SheetSpec;
  });

/** Mutations are data, so that a counterexample prints what was done. */
type Mutation =
  | { kind: "set"; r: number; c: number; v: SpecCell }
  | { kind: "delete"; r: number }
  | { kind: "insert"; r: number; row: SpecCell[] }
  | { kind: "swap"; a: number; b: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), r: fc.nat(80), c: fc.nat(11), v: cellArb }),
  fc.record({ kind: fc.constant("delete" as const), r: fc.nat(80) }),
  fc.record({ kind: fc.constant("insert" as const), r: fc.nat(80), row: fc.array(cellArb, { maxLength: 8 }) }),
  fc.record({ kind: fc.constant("swap" as const), a: fc.nat(80), b: fc.nat(80) }),
);

function mutate(s: SheetSpec, m: Mutation): SheetSpec {
  const n = Math.max(1, s.rows.length);
  switch (m.kind) {
    case "set":
      return withCell(s, `${String.fromCharCode(65 + m.c)}${(m.r % n) + 1}`, m.v);
    case "delete":
      return s.rows.length > 3 ? deleteRow(s, (m.r % n) + 1) : s;
    case "insert":
      return insertRows(s, (m.r % n) + 1, [m.row]);
    case "swap":
      return s.rows.length > 2 ? swapRows(s, (m.a % n) + 1, (m.b % n) + 1) : s;
  }
}

const within = (cell: string, bounds: Bounds[]) => {
  const { row, col } = parseA1(cell);
  return bounds.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
};

function assertWritesInsideTables(r: SheetResult) {
  const bounds = writableBounds(r);
  for (const fix of planFixes(r.findings)) {
    if (!within(fix.cell, bounds)) throw new Error(`write outside the recognised tables: ${fix.cell} (${JSON.stringify(bounds)})`);
  }
}

const key = (f: Finding) => `${f.code}@${f.cell}`;

describe("properties", () => {
  test("random grids: never throws, never plans a write outside a recognised table", () => {
    fc.assert(
      fc.property(gridArb, (spec) => {
        const r = checkSheet(toGrid(spec));
        assertWritesInsideTables(r);
        if (r.template === null) expect(r.findings).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  test("mutated seed tables: never throws; fixes stay inside the table; fix → recheck leaves none of the fixed; fixing twice = once", () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(mutationArb, { maxLength: 4 }), (seedIndex, mutations) => {
        const spec = mutations.reduce(mutate, SEEDS[seedIndex]);
        const grid = toGrid(spec);
        const r = checkSheet(grid);
        assertWritesInsideTables(r);
        const fixes = planFixes(r.findings);
        if (fixes.length === 0) return;
        const fixed = applyFixes(grid, fixes);
        const again = checkSheet(fixed, { profile: r.profile });
        const fixedKeys = new Set(r.findings.filter((f) => f.fix).map(key));
        const back = again.findings.filter((f) => fixedKeys.has(key(f)));
        if (back.length) throw new Error(`fixed findings came back: ${back.map((f) => `${key(f)} ${f.message}`).join("; ")}`);
        // Fixing the fixed sheet writes nothing new.
        const second = planFixes(again.findings).filter((fx) => {
          const { row, col } = parseA1(fx.cell);
          return fixed.cell(row, col)?.formula !== fx.formula;
        });
        if (second.length) throw new Error(`second fix pass would write: ${second.map((x) => `${x.cell} ${x.formula}`).join("; ")}`);
      }),
      { numRuns: 250 },
    );
  });

  test("the seeds themselves: every fixable finding disappears after one fix", () => {
    for (const seed of SEEDS) {
      const grid = toGrid(seed);
      const r = checkSheet(grid);
      const fixed: MemoryGrid = applyFixes(grid, planFixes(r.findings));
      const again = checkSheet(fixed, { profile: r.profile });
      expect(again.findings.filter((f) => f.fix)).toEqual([]);
    }
  });
});
