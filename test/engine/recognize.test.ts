/**
 * Recognition by labels, never by coordinates: the same table laid out the way real offices lay it
 * out — rows inserted, deleted and reordered, columns shifted, labels re-worded, merges missing,
 * several tables on one sheet — gives the same findings (at the moved cells).
 */
import { checkSheet, Finding, parseA1 } from "../../src/engine";
import { deleteRow, findCell, insertColumn, insertRows, mapText, SheetSpec, stack, swapRows, toGrid, unmerge, withCell } from "../fixtures/sheetSpec";
import { networkMaintenance, procurement, sichuanProject, smartHall, hotline } from "../fixtures/sichuan";
import { cityOfficeFunds, yunnanConsistent, yunnanDepartment, yunnanProject } from "../fixtures/yunnan";
import { ledger, nationalProject, prose, staffList, wuhua } from "../fixtures/others";

const sig = (f: Finding) => `${f.code}|${f.stated}|${f.expected}`;
const run = (spec: SheetSpec) => checkSheet(toGrid(spec));
const sigs = (spec: SheetSpec) => run(spec).findings.map(sig).sort();

describe("layouts move, findings stay", () => {
  const base = sichuanProject(smartHall);
  const expected = sigs(base);
  test("the seed table itself", () => expect(expected).toEqual(["EXEC_SCORE_MISMATCH|5|4.36", "TOTAL_MISMATCH|100|95"]));

  test("title and blank rows inserted above; a note row inserted inside the indicator table", () => {
    let spec = insertRows(base, 1, [["附件3"], [], ["单位：万元"]]);
    const row = Number(findCell(spec, "LED大屏").slice(1));
    spec = insertRows(spec, row, [[null, null, null, "（以下为设备类指标）"]]);
    const r = run(spec);
    expect(r.findings.map(sig).sort()).toEqual(expected);
    expect(r.findings.find((f) => f.code === "EXEC_SCORE_MISMATCH")!.cell).toBe("J12");
  });

  test("a column inserted at the left edge: every address moves one column right", () => {
    const r = run(insertColumn(base, 0));
    expect(r.findings.map(sig).sort()).toEqual(expected);
    expect(r.findings.map((f) => f.cell)).toEqual(["K9", "K33"]);
  });

  test("budget sub-rows deleted and indicator rows reordered", () => {
    let spec = deleteRow(base, Number(findCell(base, "单位资金").slice(1)));
    spec = deleteRow(spec, Number(findCell(spec, "财政专户管理资金").slice(1)));
    const a = Number(findCell(spec, "触摸一体机").slice(1));
    spec = swapRows(spec, a, a + 1);
    expect(sigs(spec)).toEqual(expected);
  });

  test("labels re-worded with spaces, line breaks and full-width characters", () => {
    const spec = mapText(base, (t) =>
      t
        .replace("绩效指标（90分）", "绩 效 指 标\n（９０分）")
        .replace(/^权重$/, "权　重")
        .replace(/^得分$/, "得\n分")
        .replace("预算执行率", "预算\n执行率")
        .replace("调整后预算数", "调整后\n预算数")
        .replace(/^合计$/, "合　　计"),
    );
    expect(sigs(spec)).toEqual(expected);
  });

  test("header variants: 权重% / 自评得分 / 分值", () => {
    expect(sigs(mapText(base, (t) => (t === "权重" ? "权重%" : t === "得分" ? "自评得分" : t)))).toEqual(expected);
    expect(sigs(mapText(base, (t) => (t === "权重" ? "分值" : t)))).toEqual(expected);
  });

  test("no merges at all: level labels repeated on every row, as in the 12345 table", () => {
    const spec = unmerge(sichuanProject(networkMaintenance), [1, 2]);
    expect(sigs(spec)).toEqual(sigs(sichuanProject(networkMaintenance)));
    expect(sigs(unmerge(sichuanProject(hotline), [1, 2]))).toEqual([]);
  });

  test("no merges and no repeated labels (blank means same as above)", () => {
    expect(sigs(unmerge(yunnanProject(cityOfficeFunds)))).toEqual(sigs(yunnanProject(cityOfficeFunds)));
    expect(sigs(unmerge(wuhua()))).toEqual(["LEVEL_WEIGHT_MISMATCH|40|20"]);
  });

  test("Yunnan placeholder rows deleted", () => {
    let spec = yunnanProject(cityOfficeFunds);
    for (let i = 0; i < 5; i++) spec = deleteRow(spec, Number(findCell(spec, "指标 2:").slice(1)));
    expect(sigs(spec)).toEqual(sigs(yunnanProject(cityOfficeFunds)));
  });
});

describe("several tables on one sheet", () => {
  test("three Sichuan project tables stacked: each checked on its own", () => {
    const spec = stack("项目自评表", [sichuanProject(procurement), sichuanProject(smartHall), sichuanProject(networkMaintenance)]);
    const r = run(spec);
    expect(r.units).toHaveLength(3);
    expect(r.units.map((u) => u.template)).toEqual(["project-sichuan", "project-sichuan", "project-sichuan"]);
    const expected = [...sigs(sichuanProject(procurement)), ...sigs(sichuanProject(smartHall)), ...sigs(sichuanProject(networkMaintenance))].sort();
    expect(r.findings.map(sig).sort()).toEqual(expected);
  });
  test("each table's statements stay with it: a Yunnan table's top fields belong to the table below them", () => {
    const bad = withCell(yunnanProject(yunnanConsistent), "B3", 90);
    const spec = stack("云南", [yunnanProject(cityOfficeFunds), bad]);
    const r = run(spec);
    expect(r.units.map((u) => !!u.headerScore)).toEqual([true, true]);
    const header = r.findings.filter((f) => f.code === "HEADER_SCORE_MISMATCH");
    expect(header).toHaveLength(1);
    expect(parseA1(header[0].cell).row).toBeGreaterThan(r.units[0].bounds.bottom);
  });
  test("budget block and hierarchical table of the department form make one unit", () => {
    const r = run(yunnanDepartment());
    expect(r.units).toHaveLength(1);
    expect(r.units[0].budget && r.units[0].indicators).toBeTruthy();
  });
});

describe("repeated header rows (page breaks kept in the sheet)", () => {
  test("a header repeated inside the hierarchical table continues the same table", () => {
    const spec = yunnanDepartment();
    const at = Number(findCell(spec, "预算执行率").slice(1));
    const header = ["一级指标", "二级指标", "三级指标", "指标分值", "指标解释", "指标说明", "评分标准", "得分简述", "扣分原因", "自评得分"];
    const r = run(insertRows(spec, at, [header]));
    expect(r.units).toHaveLength(1);
    expect(r.units[0].indicators?.items).toHaveLength(28);
    expect(r.findings).toEqual([]);
  });
});

describe("sheets that are not self-evaluation tables", () => {
  test.each([
    ["a ledger with a 合计 row", ledger()],
    ["a staff list", staffList()],
    ["prose that mentions 得分", prose()],
    ["an empty sheet", { name: "空", rows: [] } as SheetSpec],
  ])("%s → template null, no findings", (_n, spec) => {
    const r = run(spec);
    expect(r.template).toBeNull();
    expect(r.findings).toEqual([]);
  });
  test("the national form is recognised as such", () => {
    expect(run(nationalProject()).template).toBe("project-national");
  });
});

describe("label and value typed into one cell", () => {
  // The Yunnan form's top row with 自评得分 and 自评等级 each typed with their value in one cell.
  const inline = (score: string, grade: string) =>
    withCell(withCell(withCell(withCell(yunnanProject(yunnanConsistent), "A3", score), "B3", null), "C3", grade), "D3", null);

  test("read, compared with the recomputed total, reported without rewriting the text", () => {
    expect(run(inline("自评得分：97.5", "自评等级：☑优 □良 □中 □差")).findings).toEqual([]);
    const r = run(inline("自评得分：95分", "自评等级：□优 ☑良 □中 □差"));
    expect(r.findings.map((f) => [f.code, f.cell, f.stated, f.expected, !!f.fix])).toEqual([
      ["HEADER_SCORE_MISMATCH", "A3", 95, 97.5, false],
      ["GRADE_MISMATCH", "C3", "良", "优", false],
    ]);
    expect(r.liveTotals.map((f) => f.cell)).not.toContain("A3");
  });

  test("budget row labels with a trailing colon (年度资金总额：)", () => {
    const spec = mapText(nationalProject(), (t) => (/^(年度资金总额|其中：当年财政拨款)$/.test(t) ? `${t}：` : t));
    expect(run(spec).findings).toEqual([]);
    expect(run(withCell(spec, "D7", 90)).findings.map((f) => [f.code, f.cell])).toEqual([["BUDGET_SUM_MISMATCH", "D6"]]);
  });
});
