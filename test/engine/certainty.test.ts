/**
 * Certainty before errors: where a unit, a direction, a completion value or a rate can be read two
 * ways, a score or rate that fits any reasonable reading is accepted; where none fits, the finding
 * stands but nothing is written (the right value is not certain).
 */
import { checkSheet, Finding } from "../../src/engine";
import { nationalProject } from "../fixtures/others";
import { findCell, offset, SheetSpec, toGrid, withCell } from "../fixtures/sheetSpec";

const run = (spec: SheetSpec): Finding[] => checkSheet(toGrid(spec)).findings;

/** The national project fixture with its first indicator's target, achievement and score replaced. */
function indicator(target: string, actual: string | number, score: number, weight?: number): { spec: SheetSpec; cell: string } {
  const base = nationalProject();
  const first = offset(findCell(base, "一级指标"), 1, 0);
  const row = first.replace(/^[A-Z]+/, "");
  const cols = { target: findCell(base, "年度指标值")[0], actual: findCell(base, "实际完成值")[0], weight: findCell(base, "分值", 1)[0], score: findCell(base, "得分", 1)[0] };
  let spec = withCell(withCell(base, `${cols.target}${row}`, target), `${cols.actual}${row}`, actual);
  spec = withCell(spec, `${cols.score}${row}`, score);
  if (weight !== undefined) spec = withCell(spec, `${cols.weight}${row}`, weight);
  return { spec, cell: `${cols.score}${row}` };
}

const at = (findings: Finding[], cell: string) => findings.filter((f) => f.cell === cell && f.code !== "MISSING_REASON" && f.code !== "TARGET_EXCEEDED");

describe("units", () => {
  test("the same quantity at another scale is converted (≥2公里, 1800米 → 90 %)", () => {
    const ok = indicator("≥2公里", "1800米", 9);
    expect(at(run(ok.spec), ok.cell)).toEqual([]);
    const over = indicator("≥2公里", "1800米", 10);
    expect(at(run(over.spec), over.cell).map((f) => [f.code, f.severity, f.expected])).toEqual([["INDICATOR_SCORE_MISMATCH", "error", 9]]);
  });
  test("万元 and 元, 万人 and 人", () => {
    expect(at(run(indicator("≤90万元", "880000元", 10).spec), indicator("≤90万元", "880000元", 10).cell)).toEqual([]);
    const under = indicator("≥1.2万人", "9000人", 10);
    expect(at(run(under.spec), under.cell).map((f) => f.expected)).toEqual([7.5]);
  });
  test("units of different quantities cannot be compared: nothing is judged (1.8 is not 0.09 % of 2000)", () => {
    const spec = indicator("≥2000户", "1.8万人", 10);
    expect(at(run(spec.spec), spec.cell)).toEqual([]);
  });
});

describe("directions left open", () => {
  test("a duration without ≥ / ≤ may be a time limit: 4 of 5 working days scored full is accepted", () => {
    const spec = indicator("5个工作日", "4个工作日", 10);
    expect(at(run(spec.spec), spec.cell)).toEqual([]);
  });
  test("an amount without ≥ / ≤ is one to reach: 800 of 1000 people scored full is over-scored, with its fix", () => {
    const spec = indicator("1000人", "800人", 10);
    const f = at(run(spec.spec), spec.cell);
    expect(f.map((x) => [x.code, x.severity, x.expected])).toEqual([["INDICATOR_SCORE_MISMATCH", "error", 8]]);
    expect(f[0].fix?.formula).toBeDefined();
  });
});

describe("readings that disagree and none fits: reported, nothing written", () => {
  // ≥95% with 完成值 90%: as a completion ratio 10 × 90 % = 9, as the achieved value 10 × 90 ÷ 95 = 9.47.
  test("over every reading: an error without a fix", () => {
    const spec = indicator("≥95%", "90%", 10);
    const f = at(run(spec.spec), spec.cell);
    expect(f.map((x) => [x.code, x.severity])).toEqual([["INDICATOR_SCORE_MISMATCH", "error"]]);
    expect(f[0].fix).toBeUndefined();
  });
  test("either reading accepted", () => {
    for (const score of [9, 9.47, 9.5]) {
      const spec = indicator("≥95%", "90%", score);
      expect(at(run(spec.spec), spec.cell)).toEqual([]);
    }
  });
  test("under every reading: a warning without a fix", () => {
    const spec = indicator("≥95%", "90%", 5);
    const f = at(run(spec.spec), spec.cell);
    expect(f.map((x) => [x.code, x.severity])).toEqual([["INDICATOR_SCORE_MISMATCH", "warning"]]);
    expect(f[0].fix).toBeUndefined();
  });
});

describe("rates written as bare numbers", () => {
  test("1 beside a rate of 1 % reads as 1 percentage point, not as a wrong 100 %", () => {
    const base = nationalProject();
    // 执行数 1.5 of 150: 1 %.
    const spec = withCell(withCell(base, "F6", 1.5), "H6", 1);
    expect(run(spec).filter((f) => f.code === "EXEC_RATE_MISMATCH")).toEqual([]);
  });
});
