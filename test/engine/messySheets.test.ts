/**
 * Sheets as offices really fill them, beyond the seeds: tables continued over a page break, files
 * saved without calculated formula results, fields left blank, conclusions typed as "label：value。",
 * error values among the parts of a sum, deductions written as negative numbers, fund tables with
 * group headings and subtotals, and execution-progress reports that are not self-evaluations.
 */
import { checkSheet, Finding, planFixes } from "../../src/engine";
import { applyFixes } from "../support/recalc";
import { parseA1 } from "../../src/engine/grid";
import { deleteRow, findCell, insertRows, offset, P, parseRange, SheetSpec, SpecCell, stack, toGrid, withCell } from "../fixtures/sheetSpec";
import { hotline, procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { fundUse, yunnanConsistent, yunnanDepartment, yunnanProject } from "../fixtures/yunnan";
import { nationalProject, sichuanGoal, wuhua } from "../fixtures/others";

const sig = (f: Finding) => `${f.code}|${f.cell}|${f.stated}|${f.expected}`;
const run = (spec: SheetSpec) => checkSheet(toGrid(spec));
const sigs = (spec: SheetSpec) => run(spec).findings.map(sig);

function a1(row0: number, col0: number): string {
  let s = "";
  let n = col0 + 1;
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row0 + 1}`;
}

/**
 * The table continues on a new page before 1-based row `at`: the header row `headerRow` is
 * repeated there, and every merged label that ran across the break is split and written again
 * below the repeated header (how staff lay out a printed table).
 */
function pageBreak(spec: SheetSpec, at: number, headerRow: number): SheetSpec {
  const header = spec.rows[headerRow - 1].slice();
  const r0 = at - 1;
  const rows = [...spec.rows.slice(0, r0), header, ...spec.rows.slice(r0)].map((r) => r.slice());
  const merges: string[] = [];
  for (const m of spec.merges ?? []) {
    const a = parseRange(m);
    const shift = (r: number) => (r >= r0 ? r + 1 : r);
    if (a.top === headerRow - 1 && a.bottom === headerRow - 1) {
      merges.push(m, `${a1(r0, a.left)}:${a1(r0, a.right)}`);
      continue;
    }
    if (a.top < r0 && a.bottom >= r0) {
      // Split across the break; the label is restated at the top of the new page.
      if (r0 - 1 > a.top || a.right > a.left) merges.push(`${a1(a.top, a.left)}:${a1(r0 - 1, a.right)}`);
      const top = r0 + 1;
      const bottom = a.bottom + 1;
      if (bottom > top || a.right > a.left) merges.push(`${a1(top, a.left)}:${a1(bottom, a.right)}`);
      rows[top][a.left] = spec.rows[a.top][a.left];
      continue;
    }
    merges.push(`${a1(shift(a.top), a.left)}:${a1(shift(a.bottom), a.right)}`);
  }
  return { ...spec, rows, merges };
}

const rowOf = (spec: SheetSpec, label: string) => Number(findCell(spec, label).slice(1).replace(/^[A-Z]+/, ""));
const rowNumber = (address: string) => parseA1(address).row + 1;

describe("a table continued over a page break reads as one table", () => {
  const cases: [string, () => SheetSpec, string, string[]][] = [
    ["Yunnan project, 产出指标（50%） restated", () => yunnanProject(yunnanConsistent), "一级指标", ["设备维修验收合格率", "费用按时支付率", "大楼运行成本", "政务服务大楼正常运转"]],
    ["Sichuan project, 产出指标 restated", () => sichuanProject(smartHall), "一级指标", ["触摸一体机", "LED大屏", "完成时间", "设备使用满意度"]],
    ["Wuhua score table, 产出 | 60 restated", () => wuhua(), "一级指标", ["咨询工作", "专线通信保障率", "政务服务标准化"]],
    ["Yunnan department table, 过程（20分） restated", () => yunnanDepartment(), "一级指标", ["结转结余变动率", "收入合规", "资产管理安全性", "完成及时率"]],
  ];
  for (const [name, make, headerLabel, breaks] of cases) {
    test(name, () => {
      const base = make();
      const headerRow = rowNumber(findCell(base, headerLabel));
      const expected = sigs(base).map((s) => s.split("|").filter((_, i) => i !== 1).join("|"));
      for (const label of breaks) {
        const spec = pageBreak(base, rowOf(base, label), headerRow);
        const got = sigs(spec).map((s) => s.split("|").filter((_, i) => i !== 1).join("|"));
        expect({ label, got }).toEqual({ label, got: expected });
      }
    });
  }

  test("a restated label with a different weight is still a new group (资金管理 6 then 资金管理 7)", () => {
    expect(sigs(wuhua()).map((s) => s.split("|")[0])).toEqual(["LEVEL_WEIGHT_MISMATCH"]);
  });
});

describe("formulas saved without calculated results", () => {
  // A file written by a program (not by a spreadsheet) holds formulas and no cached values.
  const uncomputed = (f: string): SpecCell => ({ v: null, f });

  test("an uncalculated total is reported as unreadable (once), not as a wrong total or grade", () => {
    const spec = withCell(nationalProject(), "H21", uncomputed("=SUM(H13:H20)+I6"));
    const f = run(spec).findings;
    expect(f.map(sig)).toEqual(["UNREADABLE_VALUE|H21|=SUM(H13:H20)+I6|null"]);
    expect(f[0].severity).toBe("warning");
    expect(f[0].message).toMatch(/没有计算结果/);
  });

  test("an uncalculated execution score makes the total unknown: nothing else is judged from it", () => {
    let spec = withCell(nationalProject(), "I6", uncomputed("=G6*MIN(1,H6)"));
    spec = withCell(spec, "H21", uncomputed("=SUM(H13:H20)+I6"));
    expect(sigs(spec)).toEqual(["UNREADABLE_VALUE|I6|=G6*MIN(1,H6)|null", "UNREADABLE_VALUE|H21|=SUM(H13:H20)+I6|null"]);
  });
});

describe("fields left blank", () => {
  test("a blank 自评得分 beside a 自评等级 label: the label is not read as the score", () => {
    const base = yunnanProject(yunnanConsistent);
    expect(sigs(base)).toEqual([]);
    expect(sigs(withCell(base, "B3", null))).toEqual([]);
  });

  test("a blank 自评等级 beside a 项目负责人 label: nothing is read", () => {
    const base = yunnanProject(yunnanConsistent);
    expect(sigs(withCell(base, "D3", null))).toEqual([]);
  });
});

describe("conclusions typed as label：value with punctuation", () => {
  test("评价结果：良。 and 自评得分：97.17分；自评等级：良。 are read", () => {
    let spec = withCell(nationalProject(), "A22", "评价结果：良。");
    spec = withCell(spec, "B22", null);
    spec = withCell(spec, "A23", "自评得分：97.17分；自评等级：良。");
    spec = withCell(spec, "B23", null);
    expect(sigs(spec)).toEqual([
      "GRADE_MISMATCH|A22|良|优",
      "CONCLUSION_SCORE_MISMATCH|A23|97.17|97.92",
      "GRADE_MISMATCH|A23|良|优",
    ]);
    expect(run(spec).findings.every((f) => !f.fix)).toBe(true);
  });

  test("自评得分：97.92分。 agreeing with the table gives nothing", () => {
    let spec = withCell(nationalProject(), "A22", "自评得分：97.92分。");
    spec = withCell(spec, "B22", null);
    expect(sigs(spec)).toEqual([]);
  });
});

describe("error values among the parts of a sum are reported once, never summed as 0", () => {
  test("an indicator weight #REF!", () => {
    const spec = withCell(nationalProject(), "G13", { v: { error: "#REF!" } });
    expect(sigs(spec)).toEqual(["UNREADABLE_VALUE|G13|#REF!|null"]);
  });

  test("a level weight #REF! in a hierarchical table", () => {
    const base = wuhua();
    const at = offset(findCell(base, "产出数量"), 0, 1);
    const spec = withCell(base, at, { v: { error: "#REF!" } });
    expect(sigs(spec).filter((s) => s !== "LEVEL_WEIGHT_MISMATCH|B23|40|20")).toEqual([`UNREADABLE_VALUE|${at}|#REF!|null`]);
  });

  test("an amount #DIV/0! in a fund-use table", () => {
    const spec = withCell(fundUse(), "F5", { v: { error: "#DIV/0!" } });
    expect(sigs(spec)).toEqual(["UNREADABLE_VALUE|F5|#DIV/0!|null"]);
  });
});

describe("deductions", () => {
  const withDeduction = (score: number) => {
    let spec = insertRows(nationalProject(), 21, [[null, "扣分项", null, "审计发现违规支出", null, null, null, score, "已整改"]]);
    spec = withCell(spec, "H22", 95.92);
    spec = withCell(spec, "B24", "该项目自评得分为95.92分，自评等级为优，项目实施达到预期目标。");
    return spec;
  };
  test("a deduction written as 2 or as -2 is subtracted once", () => {
    expect(sigs(withDeduction(2))).toEqual([]);
    expect(sigs(withDeduction(-2))).toEqual([]);
  });
  test("a wrong total with a deduction shows the arithmetic", () => {
    const f = run(withCell(withDeduction(-2), "H22", 97.92)).findings;
    expect(f.map(sig)).toEqual(["TOTAL_MISMATCH|H22|97.92|95.92"]);
    expect(f[0].message).toMatch(/扣分 2/);
  });
});

describe("fund-use tables with group headings and subtotals", () => {
  const grouped = (): SheetSpec => ({
    name: "资金使用情况表",
    rows: [
      ["2023年度工作经费资金使用情况表"],
      ["单位：万元"],
      ["序号", "具体支出明细（项目）", "资金下达文件名及文号", "预算金额", "实际到位资金", "已使用资金", "结余资金", "结转资金"],
      ["一", "办公经费"],
      [1, "办公用品", "临财行发〔2023〕8号", 35, 35, 30, 5, 0],
      [2, "印刷费", "临财行发〔2023〕9号", 20, 20, 20, 0, 0],
      [null, "小计", null, 55, 55, 50, 5, 0],
      ["二", "会议经费"],
      [3, "全市政务服务工作会", "临财行发〔2023〕55号", 12.5, 12.5, 10, 0, 2.5],
      [null, "小计", null, 12.5, 12.5, 10, 0, 2.5],
      [null, "合计", null, 67.5, 67.5, 60, 5, 2.5],
    ],
    merges: ["A1:H1", "A2:H2"],
  });
  test("a consistent table gives nothing (subtotals are not counted twice, headings do not end the table)", () => {
    expect(run(grouped()).template).toBe("fund-use");
    expect(sigs(grouped())).toEqual([]);
  });
  test("a wrong subtotal is reported on itself; a wrong 合计 on itself", () => {
    expect(sigs(withCell(grouped(), "F7", 48))).toEqual(["BUDGET_SUM_MISMATCH|F7|48|50"]);
    expect(sigs(withCell(grouped(), "F11", 62))).toEqual(["BUDGET_SUM_MISMATCH|F11|62|60"]);
  });
  test("an item in the second group after the heading is checked", () => {
    expect(sigs(withCell(grouped(), "E9", 13.5))).toContain("BUDGET_SUM_MISMATCH|E9|13.5|12.5");
  });
});

describe("sheets that look like budget tables but are not self-evaluations", () => {
  test("an execution-progress report (项目 | 全年预算数 | 全年执行数 | 执行率) is not a template", () => {
    const spec: SheetSpec = {
      name: "执行进度",
      rows: [
        ["2023年项目预算执行进度表"],
        ["序号", "项目名称", "全年预算数（万元）", "全年执行数（万元）", "执行率"],
        [1, "办公楼维修", 100, 85, { v: 0.85, fmt: "0.00%" }],
        [2, "信息系统运维", 60, 60, { v: 0.9, fmt: "0.00%" }],
        [3, "政务大厅运行", 200, 150, { v: 0.75, fmt: "0.00%" }],
        ["合计", null, 360, 295, { v: 0.8194, fmt: "0.00%" }],
      ],
      merges: ["A1:E1"],
    };
    const r = run(spec);
    expect(r.template).toBeNull();
    expect(r.findings).toEqual([]);
  });
});

describe("profile rules apply where their source says", () => {
  test("Lincang's 30-point cap on one indicator is for project tables, not the department table", () => {
    let spec = yunnanDepartment();
    const first = rowOf(spec, "重点工作办结率");
    spec = withCell(spec, `D${first}`, 35);
    spec = withCell(spec, `J${first}`, 35);
    for (let i = 0; i < 3; i++) spec = deleteRow(spec, first + 1);
    const r = checkSheet(toGrid(spec), { profile: "yunnan-lincang-2022" });
    expect(r.findings.map(sig)).toEqual([]);
  });
});

describe("rounded totals", () => {
  // Wuhua's scores without target columns: 资金到位率 3 → 1.6 makes the total 89.6.
  const at896 = (stated: number) => {
    const base = wuhua();
    const score = offset(findCell(base, "资金到位率"), 0, 2);
    const total = offset(findCell(base, "总分"), 0, 6);
    return { spec: withCell(withCell(base, score, 1.6), total, stated), total };
  };
  test("a total written as recomputed agrees; the grade follows the recomputed total", () => {
    const { spec } = at896(89.6);
    expect(sigs(spec).map((s) => s.split("|")[0])).toEqual(["LEVEL_WEIGHT_MISMATCH", "GRADE_MISMATCH"]);
  });
  test("a total rounded into the next band does not (89.6 written as 90 reads 优)", () => {
    const { spec, total } = at896(90);
    expect(sigs(spec)).toContain(`TOTAL_MISMATCH|${total}|90|89.6`);
  });
});

describe("a blank execution score", () => {
  test("is one finding with its formula; the total is judged once it is filled", () => {
    const spec = withCell(sichuanProject(smartHall), "J9", null);
    const f = run(spec).findings;
    expect(f.map(sig)).toEqual(["EXEC_SCORE_MISMATCH|J9|null|4.36"]);
    expect(f[0].severity).toBe("warning");
    expect(f[0].fix!.formula).toBe("=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))");
    // The typed 合计 (100) follows the fix, with the score cell in its sum.
    expect(f[0].fix!.also!.map((a) => [a.cell, a.formula])).toEqual([["J33", "=SUM(J15:J32)+J9"]]);
    expect(f[0].fix!.description).toMatch(/修复后总分为 94.36，结论文字需手工修改/);
  });
  test("whose typed total already includes it: only the score is written, and no note about the conclusion", () => {
    const f = run(withCell(nationalProject(), "I6", null)).findings;
    expect(f.map(sig)).toEqual(["EXEC_SCORE_MISMATCH|I6|null|9.42"]);
    expect(f[0].fix!.also).toBeUndefined();
    expect(f[0].fix!.description).not.toMatch(/结论/);
  });
  test("a table without an execution weight does not ask for the score", () => {
    const spec = withCell(withCell(nationalProject(), "I6", null), "G6", "—");
    expect(sigs(spec).map((s) => s.split("|")[0])).not.toContain("EXEC_SCORE_MISMATCH");
  });
});

describe("a whole table worth 100 whose indicators do not add up", () => {
  test("the message points at the indicator weights, not at the 100", () => {
    const spec = withCell(withCell(nationalProject(), "G14", 5), "H14", 5);
    const f = run(spec).findings.filter((x) => x.code === "WEIGHT_TOTAL_MISMATCH");
    expect(f.map(sig)).toEqual(["WEIGHT_TOTAL_MISMATCH|G21|100|95"]);
    expect(f[0].message).toBe("各指标分值合计 85 + 执行率分值 10 = 95，与总分的分值 100 不符；请核对各指标分值（应合计 90）");
  });
});

describe("targets and achievements written loosely", () => {
  const scoreFindings = (spec: SheetSpec) =>
    run(spec).findings.filter((f) => ["INDICATOR_SCORE_MISMATCH", "TARGET_EXCEEDED", "SCORE_EXCEEDS_WEIGHT"].includes(f.code)).map(sig);
  const set = (cells: Record<string, SpecCell>) => Object.entries(cells).reduce((s, [a, v]) => withCell(s, a, v), nationalProject());

  test("a target without ≥ is an amount to reach: 800 of 1000 people scores 8 of 10", () => {
    expect(scoreFindings(set({ E14: "1000人", F14: "800人", H14: 8 }))).toEqual([]);
    expect(scoreFindings(set({ E14: "1000人", F14: "800人", H14: 10 }))).toEqual(["INDICATOR_SCORE_MISMATCH|H14|10|8"]);
    expect(scoreFindings(set({ E15: "95%", F15: "85%", H15: 8.95 }))).toEqual([]);
    expect(scoreFindings(set({ E15: "95%", F15: "85%", H15: 10 }))).toEqual(["INDICATOR_SCORE_MISMATCH|H15|10|8.95"]);
  });

  test("a cost target without ≤ is a ceiling: 141.3 of 150 万元 scores in full", () => {
    expect(scoreFindings(set({ E17: "150万元", F17: "141.3万元", H17: 10 }))).toEqual([]);
  });

  test("a completion typed as text without % against a percentage target is percentage points", () => {
    expect(scoreFindings(set({ F15: "97" }))).toEqual([]);
    expect(scoreFindings(set({ E15: "≥95%", F15: "85", H15: 8.95 }))).toEqual([]);
    expect(scoreFindings(set({ E15: "≥95%", F15: "85", H15: 10 }))).toEqual(["INDICATOR_SCORE_MISMATCH|H15|10|8.95"]);
  });
});

describe("total rows however labelled", () => {
  for (const label of ["合计得分", "合计（100分）", "合 计", "总分合计", "得分总计"]) {
    test(label, () => {
      const spec = withCell(nationalProject(), "A21", label);
      expect(sigs(spec)).toEqual([]);
      expect(sigs(withCell(spec, "H21", 90))).toContain("TOTAL_MISMATCH|H21|90|97.92");
    });
  }
});

describe("conclusion sentences with other numbers", () => {
  const conclude = (text: string) => withCell(nationalProject(), "B23", text);
  test.each([
    "本次绩效评价总分100分，该项目自评得分97.92分，自评等级为优。",
    "该项目自评得分为97.92分，较上年自评得分92分提高5.92分，自评等级为优。",
    "本项目自评得分（满分100分）为97.92分，等级为优。",
    "本项目自评得分97.92分。评分标准：得分80-89分的等级为良。",
  ])("%s agrees", (text) => {
    expect(sigs(conclude(text))).toEqual([]);
  });
  test.each([
    ["该项目总分为90分。", "CONCLUSION_SCORE_MISMATCH|B23|90|97.92"],
    ["本项目自评得分（满分100分）为90分。", "CONCLUSION_SCORE_MISMATCH|B23|90|97.92"],
    ["该项目自评得分为90分，较上年自评得分92分下降2分。", "CONCLUSION_SCORE_MISMATCH|B23|90|97.92"],
  ])("%s is reported", (text, expected) => {
    expect(sigs(conclude(text))).toEqual([expected]);
  });
});

describe("the budget block below the indicator table", () => {
  const reordered = (base: SheetSpec): SheetSpec => {
    // Title rows, then the goal, indicators, grade and conclusion, then the budget block.
    const rows = [...base.rows.slice(0, 4), ...base.rows.slice(9, 23), ...base.rows.slice(4, 9)];
    return { ...base, rows, merges: ["A1:I1", "A2:I2", "B3:I3"] };
  };
  test("reads as one table: the execution score counts in the total", () => {
    const r = run(reordered(nationalProject()));
    expect(r.template).toBe("project-national");
    expect(r.units).toHaveLength(1);
    expect(r.findings.map(sig)).toEqual([]);
  });
  test("two such tables one after another pair each with the block below it", () => {
    const one = reordered(nationalProject());
    const two = withCell(reordered(nationalProject()), "I20", 8.42);
    const spec: SheetSpec = { name: "两个项目", rows: [...one.rows, [], [], ...two.rows], merges: [] };
    const r = run(spec);
    expect(r.units).toHaveLength(2);
    // The second block's score 8.42 (should be 9.42) is reported on it, once.
    expect(r.findings.map((f) => f.code)).toContain("EXEC_SCORE_MISMATCH");
    expect(r.findings.filter((f) => f.code === "EXEC_SCORE_MISMATCH").map((f) => f.cell)).toEqual([`I${20 + one.rows.length + 2}`]);
  });
});

describe("weights written as percentages (权重 10%)", () => {
  const percentWeights = (cell: (points: number) => SpecCell) => {
    let spec = nationalProject();
    for (const r of [13, 14, 15, 16, 17, 18, 19, 20]) {
      const w = spec.rows[r - 1][6] as number;
      spec = withCell(spec, `G${r}`, cell(w));
    }
    return withCell(spec, "G21", cell(100));
  };
  test("as text or as fractions shown with %, they are points and the sheet agrees", () => {
    expect(sigs(percentWeights((w) => `${w}%`))).toEqual([]);
    expect(sigs(percentWeights((w) => ({ v: w / 100, fmt: "0%" })))).toEqual([]);
  });
  test("a score fix against a %-formatted weight computes in points", () => {
    const spec = withCell(percentWeights((w) => ({ v: w / 100, fmt: "0%" })), "H13", 12);
    const grid = toGrid(spec);
    const r = checkSheet(grid);
    expect(r.findings.map(sig)).toContain("SCORE_EXCEEDS_WEIGHT|H13|12|10");
    const fixed = applyFixes(grid, planFixes(r.findings));
    expect(fixed.cell(12, 7)!.value).toBe(10);
    expect(checkSheet(fixed).findings.map(sig)).not.toContain("SCORE_EXCEEDS_WEIGHT|H13|12|10");
  });
});

describe("a level whose label declares one weight and whose 分值 column another", () => {
  test("产出（45分） | 60 with children summing to 60: the label is reported", () => {
    const base = wuhua();
    const label = findCell(base, "产出");
    const f = run(withCell(base, label, "产出（45分）")).findings;
    expect(f.map(sig)).toEqual(["LEVEL_WEIGHT_MISMATCH|B23|40|20", `LEVEL_WEIGHT_MISMATCH|${label}|45|60`]);
    expect(f[1].message).toBe("“产出”标签中写 45 分，其下级分值合计为 27 + 9 + 4 + 2 + 6 + 2 + 10 = 60");
  });
});

describe("department budget block: 其中 rows that are parts, not breakdowns", () => {
  test("a filled 其他资金 row beside 基本/项目支出 is not the whole of 年度资金总额", () => {
    const spec = ["D8", "E8", "F8", "G8"].reduce((s, a) => withCell(s, a, 0), yunnanDepartment());
    expect(sigs(spec)).toEqual([]);
  });
  test("项目支出 split into 当年财政拨款 + 其他资金, consistent", () => {
    const cells: Record<string, SpecCell> = { D7: 560.2, E7: 522.48, F7: 1082.68, G7: 1082.68, H7: "100%", D8: 100, E8: 0, F8: 100, G8: 100, H8: "100%" };
    const spec = Object.entries(cells).reduce((s, [a, v]) => withCell(s, a, v), yunnanDepartment());
    expect(sigs(spec)).toEqual([]);
  });
  test("基本 + 项目 = 总额 is still checked", () => {
    expect(sigs(withCell(yunnanDepartment(), "G5", 2000))).toContain("BUDGET_SUM_MISMATCH|G4|3211.14|3182.68");
  });
});

describe("grades as check boxes, however ticked", () => {
  const grade = (text: string, total = 97.5) => {
    let spec = withCell(yunnanProject(yunnanConsistent), "D3", text);
    if (total !== 97.5) spec = withCell(withCell(withCell(spec, "H18", 18), "B3", total), "G20", total);
    return run(spec).findings.filter((f) => f.code === "GRADE_MISMATCH");
  };
  test.each(["优√ 良 中 差", "优（√）良（ ）中（ ）差（ ）", "☑优 □良 □中 □差（≥90分为优）", "☑优秀 □良好 □中等 □差"])("%s reads 优", (text) => {
    expect(grade(text)).toEqual([]);
  });
  test("优 良√ 中 差 reads 良", () => {
    expect(grade("优 良√ 中 差").map((f) => f.stated)).toEqual(["良"]);
  });
  test.each([
    ["优（√）良（ ）中（ ）差（ ）", "优（ ）良（√）中（ ）差（ ）"],
    ["☑优 □良 □中 □差（≥90分为优）", "□优 ☑良 □中 □差（≥90分为优）"],
    ["☑优秀 □良好 □中等 □差", "□优秀 ☑良好 □中等 □差"],
  ])("a wrong %s is reported and its fix keeps the wording: %s", (text, fixed) => {
    const f = grade(text, 87.5);
    expect(f.map((x) => [x.stated, x.expected])).toEqual([["优", "良"]]);
    expect(f[0].fix!.result).toBe(fixed);
  });
});

describe("goal table with 金额合计 above the task rows", () => {
  test("is read, and a wrong amount is reported as in the usual layout", () => {
    const g = sichuanGoal();
    const spec: SheetSpec = { ...g, rows: [...g.rows.slice(0, 4), g.rows[18], ...g.rows.slice(4, 18), ...g.rows.slice(19)], merges: [] };
    expect(run(spec).units[0].goalBudget).toBeDefined();
    expect(sigs(withCell(spec, "D6", 700)).map((s) => s.split("|")[0])).toContain("BUDGET_SUM_MISMATCH");
  });
});

describe("reasons and completions written as placeholders", () => {
  const lowRate = () => {
    const cells: Record<string, SpecCell> = { G9: { v: 126.34, fmt: "0.00" }, H9: { v: 0.85, fmt: "0.00%" }, J9: 8.5, G10: { v: 126.34, fmt: "0.00" }, H10: { v: 0.85, fmt: "0.00%" }, J25: 96.5 };
    return Object.entries(cells).reduce((s, [a, v]) => withCell(s, a, v), sichuanProject(procurement));
  };
  test.each(["/", "—", "无", "原因："])("a reason of %s below 90 %% is no reason", (text) => {
    expect(sigs(withCell(lowRate(), "K9", text))).toContain("MISSING_REASON|K9|null|null");
  });
  test("a written reason is one", () => {
    expect(sigs(withCell(lowRate(), "K9", "年底集中采购未到付款期")).map((s) => s.split("|")[0])).not.toContain("MISSING_REASON");
  });
  test.each(["/", "—", "-"])("a scored indicator with 完成值 %s has no completion", (text) => {
    expect(sigs(withCell(sichuanProject(procurement), "H15", text))).toContain("MISSING_ACTUAL|H15|null|null");
  });
});

describe("a total that is right once an over-stated score is fixed", () => {
  test("only the score is reported, and the typed total is left alone", () => {
    const f = run(withCell(nationalProject(), "I6", 9.5)).findings;
    expect(f.map(sig)).toEqual(["EXEC_SCORE_MISMATCH|I6|9.5|9.42"]);
    expect(f[0].fix!.also).toBeUndefined();
  });
});

describe("inside an indicator table: notes and subtotals", () => {
  test.each(["注：以下为效益指标", "说明：效益指标按年度目标评价"])("a note row %s does not end the table", (note) => {
    expect(sigs(insertRows(nationalProject(), 18, [[null, note]]))).toEqual([]);
  });
  test("a section 小计 row is not an indicator", () => {
    expect(sigs(insertRows(nationalProject(), 18, [[null, null, null, "小计", null, null, 50, 49.5, null]]))).toEqual([]);
    expect(sigs(insertRows(nationalProject(), 18, [[null, "小计", null, null, null, null, 50, 49.5, null]]))).toEqual([]);
  });
  test("a helper 分值 column right of the scores is not a level", () => {
    let spec = withCell(nationalProject(), "K12", "分值");
    for (let r = 13; r <= 20; r++) spec = withCell(spec, `K${r}`, { v: spec.rows[r - 1][6] as number, f: `=G${r}` });
    const r = run(spec);
    expect(r.template).toBe("project-national");
    expect(r.findings.map(sig)).toEqual([]);
  });
});

describe("tables that share the shape but are not self-evaluations", () => {
  test("a staff appraisal (姓名 | 一级指标 | 二级指标 | 分值 | 得分)", () => {
    const spec: SheetSpec = {
      name: "考核",
      rows: [
        ["2023年度干部职工考核评分表"],
        ["姓名", "一级指标", "二级指标", "分值", "得分"],
        ["张三", "德", "政治素质", 20, 18],
        [null, "能", "业务能力", 30, 25],
        [null, "勤", "出勤", 20, 20],
        [null, "绩", "工作实绩", 30, 22],
        ["合计", null, null, 100, 85],
        ["评价等次", "优"],
      ],
    };
    expect(run(spec).template).toBeNull();
    expect(run(spec).findings).toEqual([]);
  });
  test.each([
    ["a summary of project results", [["序号", "项目名称", "预算数", "执行数", "执行率", "分值", "得分", "自评等级"], [1, "培训经费", 100, 80, P(0.8), 100, 92, "优"], [2, "运维经费", 200, 150, P(0.75), 100, 85, "良"]]],
    ["a budget detail by funding source", [["项目名称", "预算数", "执行数", "执行率"], ["合计", 300, 250, P(0.8333)], ["财政拨款", 200, 180, P(0.9)], ["其他资金", 90, 70, P(0.7778)]]],
    ["an execution table by source", [["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"], ["合计", 300, 300, 240, P(0.8)], ["财政拨款", 200, 200, 160, P(0.78)], ["其他资金", 100, 100, 80, P(0.8)]]],
  ] as [string, SpecCell[][]][])("%s", (_name, rows) => {
    const r = run({ name: "表", rows: [["2023年度汇总表"], ...rows] });
    expect(r.template).toBeNull();
    expect(r.findings).toEqual([]);
  });
});

describe("a score above its weight whose completion gives less", () => {
  test("expected is what the fix writes (950 of 1000 people: 9.5)", () => {
    const grid = toGrid(withCell(nationalProject(), "H14", 12));
    const r = checkSheet(grid);
    const f = r.findings.filter((x) => x.code === "SCORE_EXCEEDS_WEIGHT");
    expect(f.map(sig)).toEqual(["SCORE_EXCEEDS_WEIGHT|H14|12|9.5"]);
    expect(f[0].message).toBe("指标“培训覆盖人数”得分 12 超过其分值 10；按完成情况应为 9.5（10 × 950 ÷ 1000）");
    const fixed = applyFixes(grid, planFixes(r.findings));
    expect(fixed.cell(13, 7)!.value).toBe(9.5);
  });
});

describe("a total fixed together with a score", () => {
  test("the total's fix says what the formula will show once the score is fixed too", () => {
    const f = run(sichuanProject(smartHall)).findings.find((x) => x.code === "TOTAL_MISMATCH")!;
    expect(f.expected).toBe(95);
    expect(f.fix!.result).toBeCloseTo(94.36, 2);
    expect(f.fix!.description).toMatch(/连同得分的修复，合计为 94.36/);
  });
});

describe("two project tables side by side, an empty column between", () => {
  const side = (left: SheetSpec, right: SheetSpec): SheetSpec => {
    const width = 9;
    const rows = Array.from({ length: Math.max(left.rows.length, right.rows.length) }, (_, r) => {
      const l = (left.rows[r] ?? []).slice(0, width);
      while (l.length < width + 1) l.push(null);
      return [...l, ...(right.rows[r] ?? [])];
    });
    const shift = (m: string) => m.replace(/([A-Z]+)(\d+)/g, (_, c: string, n: string) => `${String.fromCharCode(c.charCodeAt(0) + width + 1)}${n}`);
    return { name: "两个项目", rows, merges: [...(left.merges ?? []), ...(right.merges ?? []).map(shift)] };
  };
  test("both consistent: each read on its own, nothing found", () => {
    const r = run(side(nationalProject(), nationalProject()));
    expect(r.template).toBe("project-national");
    expect(r.units).toHaveLength(2);
    expect(r.findings).toEqual([]);
  });
  test("a fault in each is found at its own cell, and fixes refer to its own columns", () => {
    const spec = side(withCell(nationalProject(), "H21", 90), withCell(nationalProject(), "H13", 12));
    const r = run(spec);
    expect(r.findings.map(sig)).toEqual(["SCORE_EXCEEDS_WEIGHT|R13|12|10", "TOTAL_MISMATCH|H21|90|97.92"]);
    expect(r.findings[0].fix!.formula).toMatch(/Q13/);
    expect(r.findings[1].fix!.formula).toBe("=SUM(H13:H20)+I6");
  });
});

describe("hierarchical tables typed without merges: labels and weights on every row", () => {
  test("a consistent table gives nothing; a wrong level weight is found once", () => {
    const rows: SpecCell[][] = [
      ["绩效评价指标评分表"],
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["决策", 20, "项目立项", 10, "立项依据充分性", 5, 5],
      ["决策", 20, "项目立项", 10, "立项程序规范性", 5, 5],
      ["决策", 20, "绩效目标", 10, "绩效目标合理性", 10, 10],
      ["过程", 30, "资金管理", 15, "资金到位率", 5, 5],
      ["过程", 30, "资金管理", 15, "预算执行率", 10, 9],
      ["过程", 30, "组织实施", 15, "管理制度健全性", 15, 15],
      ["产出", 30, "产出数量", 30, "完成数量", 30, 30],
      ["效益", 20, "满意度", 20, "服务对象满意度", 20, 19],
      ["总分", 100, null, 100, null, 100, 98],
    ];
    const spec: SheetSpec = { name: "评分表", rows };
    expect(sigs(spec)).toEqual([]);
    const wrong = withCell(withCell(spec, "D6", 14), "D7", 14);
    expect(sigs(wrong)).toEqual(["LEVEL_WEIGHT_MISMATCH|D6|14|15"]);
  });
});

describe("a score above its weight where readings differ", () => {
  test("the fix caps at what the check accepts (95% of a ≥90% target: 10, not 9.5)", () => {
    const grid = toGrid(withCell(yunnanProject(yunnanConsistent), "H19", 12));
    const r = checkSheet(grid);
    const f = r.findings.filter((x) => x.code === "SCORE_EXCEEDS_WEIGHT");
    expect(f.map(sig)).toEqual(["SCORE_EXCEEDS_WEIGHT|H19|12|10"]);
    const fixed = applyFixes(grid, planFixes(r.findings));
    expect(fixed.cell(18, 7)!.value).toBe(10);
  });
});

describe("grades written in other ways", () => {
  const total96 = (): SheetSpec => ({
    name: "评分表",
    rows: [
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["产出", 60, "产出数量", 60, "完成数量", 60, 58],
      ["效益", 40, "满意度", 40, "服务对象满意度", 40, 38],
      ["总分", 100, null, 100, null, 100, 96],
    ],
  });
  test("boxes one per cell: the ticked cell is reported, not rewritten", () => {
    const spec = { ...total96(), rows: [...total96().rows, ["评价等次", "□优", "☑良", "□中", "□差"]] };
    const f = run(spec).findings;
    expect(f.map(sig)).toEqual(["GRADE_MISMATCH|C5|良|优"]);
    expect(f[0].fix).toBeUndefined();
    const right = { ...total96(), rows: [...total96().rows, ["评价等次", "☑优", "□良", "□中", "□差"]] };
    expect(sigs(right)).toEqual([]);
  });
  test("a grade with the band note in its cell", () => {
    const note = "（100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差）";
    expect(sigs({ ...total96(), rows: [...total96().rows, ["评价等次", `良${note}`]] })).toEqual(["GRADE_MISMATCH|B5|良|优"]);
    expect(sigs({ ...total96(), rows: [...total96().rows, ["评价等次", `优${note}`]] })).toEqual([]);
  });
});

describe("statements of stacked forms belong to the form they are written in", () => {
  test("a 自评得分 field under the second form's title is that form's", () => {
    const spec = stack("两个项目", [sichuanProject(procurement), insertRows(sichuanProject(hotline), 2, [["自评得分", 97, "自评等级", "优"]])], 1);
    const r = run(spec);
    expect(r.units).toHaveLength(2);
    expect(r.findings.map(sig)).toEqual(sigs(sichuanProject(procurement)).concat(
      sigs(insertRows(sichuanProject(hotline), 2, [["自评得分", 97, "自评等级", "优"]])).map((s) => s.replace(/\|([A-Z]+)(\d+)\|/, (_m, c: string, n: string) => `|${c}${Number(n) + sichuanProject(procurement).rows.length + 1}|`)),
    ));
  });
  test.each([0, 1, 5])("a score and grade in the second form's title (gap %i)", (gap) => {
    let t2 = withCell(withCell(nationalProject(), "H14", 9), "H21", 97.42);
    t2 = withCell(t2, "B23", "该项目自评得分为97.42分，自评等级为优。");
    t2 = withCell(t2, "A1", "项目支出绩效自评表（自评得分：97.42分，自评等级：优）");
    expect(sigs(stack("两个项目", [nationalProject(), t2], gap))).toEqual([]);
  });
});

describe("a field typed beside the indicator header", () => {
  test("得分 | 95 to the right of the header does not take over the score column", () => {
    const spec = withCell(withCell(nationalProject(), "K12", "得分"), "L12", 95);
    const r = run(spec);
    expect(r.findings.filter((f) => f.code === "TOTAL_MISMATCH")).toEqual([]);
    expect(r.units[0].indicators!.cols.score).toBe(7);
  });
});

test("a comparison with other projects in a conclusion is not the score", () => {
  expect(sigs(withCell(nationalProject(), "B23", "本项目自评得分95分，比同类项目自评得分97.92分低。"))).toEqual(["CONCLUSION_SCORE_MISMATCH|B23|95|97.92"]);
});

test("a 自评得分 box beside the table: the value under its label", () => {
  const spec = withCell(withCell(nationalProject(), "K21", "自评得分"), "K22", 95);
  expect(sigs(spec)).toEqual(["HEADER_SCORE_MISMATCH|K22|95|97.92"]);
  expect(sigs(withCell(spec, "K22", 97.92))).toEqual([]);
});

describe("review findings: wording that only looks like a comparison, a box line with a note, sentences naming the form", () => {
  const conclude = (text: string) => withCell(nationalProject(), "B23", text);
  test.each(["项目实施情况较好，自评得分为90分。", "经比对，自评得分为90分。", "整体比较理想，自评得分为90分。"])("%s: the score is read", (text) => {
    expect(sigs(conclude(text))).toContain("CONCLUSION_SCORE_MISMATCH|B23|90|97.92");
  });
  test("按评分标准，等级为良: the grade is read", () => {
    expect(sigs(conclude("自评得分为97.92分，按评分标准，等级为良。"))).toContain("GRADE_MISMATCH|B23|良|优");
  });
  test("bracket boxes followed by a band note read the ticked box", () => {
    expect(sigs(withCell(nationalProject(), "B22", "优（ ）良（ ）中（√）差（ ）（90分以上为优）"))).toContain("GRADE_MISMATCH|B22|中|优");
  });
  test("a conclusion mentioning 自评表 is not the start of the next form", () => {
    const one = withCell(withCell(nationalProject(), "A23", "自评结论：经填报绩效自评表，本项目自评得分为97.92分，自评等级为优。"), "B23", null);
    const two = withCell(withCell(nationalProject(), "H14", 4.5), "H21", 92.92);
    const r = run(stack("两个项目", [one, withCell(two, "B23", "该项目自评得分为92.92分，自评等级为优。")], 2));
    expect(r.findings.map((f) => f.code)).toEqual(["INDICATOR_SCORE_MISMATCH"]);
  });
  test("a form without a budget block stacked above a full form keeps its hands off the next form's block", () => {
    let one = nationalProject();
    for (let i = 0; i < 5; i++) one = deleteRow(one, 5);
    const r = run(stack("两个项目", [one, nationalProject()], 2));
    expect(r.findings.filter((f) => Number(f.cell.replace(/^[A-Z]+/, "")) > one.rows.length)).toEqual([]);
  });
});
