/**
 * RT2-D: department-wide forms and hierarchical score tables (domain.md §1d–1f), clean and with one injected
 * fault each; every faulty sheet is also fixed end to end (e2e.ts: 全部修复 + 插入正确等级和合计, recalculated
 * by HyperFormula, checked again). Bases:
 * - corpus 03 部门整体自评表 made clean (项目支出 执行数 3,613.63 so that 5,412.75 + 3,613.63 = 9,026.38; 自评等级 良 for
 *   89.56): 按收入性质分 / 按支出性质分 breakdowns, qualitative 部分达成 scores, total 89.56 (良);
 * - corpus 11 部门整体支出评价 made clean (总分 row declares 98 = the leaves; 94.38 − 扣分项 2 = 92.38 in 总分 and the
 *   sentence): nested 合计 → 一、基本支出 (→ 人员 + 公用) + 二、项目支出, header repeated after a page break, 扣分项;
 * - test/fixtures/yunnan.ts yunnanDepartment() (seed 003: 年初 + 调整 = 全年收入, no execution score, 98.5 优);
 * - test/fixtures/others.ts sichuanGoal() (seed 002 部门整体支出绩效目标自评表: 金额合计, 部门自评得分 合计 97);
 * - test/fixtures/forms tianjin-dept (总额 = 基本 + 项目, 计算符号 column; 98.85);
 * - hunanScore() (fixtures.ts: 投 入(15分) › 预算配置(15分) labels, 评分标准 texts full of numbers, 96 优).
 * "[was a defect]" tests fail today; their assertion states what a correct check gives.
 */
import { CLEAN, cleanVerdict, faultDelta, only, run } from "../redteam/harness";
import { set } from "../redteam/fixtures";
import { corpusSheet } from "../redteam/corpusMutate";
import { findCell, insertRows, SheetSpec, SpecCell, unmerge } from "../fixtures/sheetSpec";
import { yunnanDepartment } from "../fixtures/yunnan";
import { sichuanGoal } from "../fixtures/others";
import { FORM_FIXTURES } from "../fixtures/forms";
import { hunanScore } from "./fixtures";
import { CLEAN_FIX, cleanFixVerdict, FIXED, faultyFixVerdict } from "./e2e";

type Cells = Record<string, SpecCell>;

/** One fault: the findings it adds over its base, and a fix round that removes them and adds nothing. */
function probe(base: SheetSpec, cells: Cells) {
  const faulty = set(base, cells);
  return { delta: faultDelta(base, faulty), fix: faultyFixVerdict(faulty) };
}
const expectOne = (...sigs: string[]) => ({ delta: only(...sigs), fix: FIXED });

describe("RT2-D01 central 部门整体 (corpus 03, two breakdowns of 年度资金总额)", () => {
  let base: SheetSpec;
  beforeAll(async () => {
    base = set(await corpusSheet("03_central_ministry.xlsx", "部门整体自评表"), { E12: { v: 3613.63, fmt: "0.00" }, C26: "良" });
  });
  test("[ok] clean (9,026.38 = 8,501.26 + 96 + 429.12 = 5,412.75 + 3,613.63; 89.56 良)", () => expect(cleanVerdict(base)).toEqual(CLEAN));
  test("[ok] clean: a fix round (插入正确等级和合计 included) changes nothing", () => expect(cleanFixVerdict(base)).toEqual(CLEAN_FIX));
  const faults: [string, Cells, string[]][] = [
    ["单位资金 全年预算 450.32 → 460.32 (按收入性质分 ≠ 9,312.47): at D5", { D10: 460.32 }, ["BUDGET_SUM_MISMATCH@D5 error"]],
    ["政府性基金 执行数 96 → 86: at E5", { E7: 86 }, ["BUDGET_SUM_MISMATCH@E5 error"]],
    ["基本支出 年初 5,310 → 5,300 (5,300 + 3,340 ≠ 8,650): at C5", { C11: 5300 }, ["BUDGET_SUM_MISMATCH@C5 error"]],
    ["执行率 “96.39%” (9,026.38 ÷ 9,312.47 = 96.93 %)", { G5: "96.39%" }, ["EXEC_RATE_MISMATCH@G5 error"]],
    ["执行率得分 8.5 (10 × 96.93 % = 9.69; under-scored)", { H5: 8.5, H25: 88.37, C27: "经自评，本部门2023年度整体支出绩效评价得分88.37分。" }, ["EXEC_SCORE_MISMATCH@H5 warning"]],
    ["总分 90.56 (items 79.87 + 9.69 = 89.56)", { H25: 90.56 }, ["TOTAL_MISMATCH@H25 error"]],
    ["部分达成 满意度 scored 8.5 of 10 (band 60–80 %)", { H23: 8.5, H25: 91.06, C26: "优", C27: "经自评，本部门2023年度整体支出绩效评价得分91.06分。" }, ["INDICATOR_SCORE_MISMATCH@H23 error"]],
    ["自评等级 优 for 89.56", { C26: "优" }, ["GRADE_MISMATCH@C26 error"]],
    ["conclusion 98.56分", { C27: "经自评，本部门2023年度整体支出绩效评价得分98.56分。" }, ["CONCLUSION_SCORE_MISMATCH@C27 error"]],
  ];
  test.each(faults)("[ok] %s", (_n, cells, want) => expect(probe(base, cells)).toEqual(expectOne(...want)));
  test("[ok] the two group labels typed on every row (unmerged): clean", () => {
    const rows = base.rows.map((r) => r.slice());
    for (let r = 6; r <= 9; r++) rows[r][0] = "按收入性质分";
    rows[11][0] = "按支出性质分";
    const s = { ...base, rows, merges: (base.merges ?? []).filter((m) => m !== "A6:A10" && m !== "A11:A12") };
    expect(cleanVerdict(s)).toEqual(CLEAN);
  });
});

describe("RT2-D02 Hunan 部门整体 (corpus 11: 合计 → 一、基本支出 → 人员 + 公用, 二、项目支出; 扣分项)", () => {
  let base: SheetSpec;
  beforeAll(async () => {
    base = set(await corpusSheet("11_hunan_yueyang.xlsx", "部门整体支出评价"), {
      D40: 98, F40: 92.38, D42: "经自评，本单位2023年度整体支出绩效评价得分92.38分，自评等级：优。",
    });
  });
  test("[ok] clean (总分 98 | 92.38)", () => expect(cleanVerdict(base)).toEqual(CLEAN));
  test("[ok] clean: a fix round changes nothing", () => expect(cleanFixVerdict(base)).toEqual(CLEAN_FIX));
  const faults: [string, Cells, string[]][] = [
    ["人员经费 执行数 745.90 → 735.90 (基本 897.42 ≠ 735.90 + 151.52): at the 基本支出 cell", { E7: 735.9, F7: "98.35%" }, ["BUDGET_SUM_MISMATCH@E6 error"]],
    ["项目支出 全年 457.68 → 467.68 (合计 1,362.84 ≠ 905.16 + 467.68): at the 合计 cell", { D9: 467.68, F9: "92.72%" }, ["BUDGET_SUM_MISMATCH@D5 error"]],
    ["公用经费 年初 149.5 → 159.5 (基本 862.3 ≠ 712.8 + 159.5)", { C8: 159.5 }, ["BUDGET_SUM_MISMATCH@C6 error"]],
    ["项目支出 执行率 “95.75%” (433.65 ÷ 457.68 = 94.75 %)", { F9: "95.75%" }, ["EXEC_RATE_MISMATCH@F9 error"]],
    ["预算调整率 weighs 3 (预算执行（15分） vs 16; its score 2 is then short without a reason)", { D18: 3 }, ["LEVEL_WEIGHT_MISMATCH@B17 error", "MISSING_REASON@G18 warning"]],
    ["扣分项 3 (total 91.38; 总分 and the sentence say 92.38)", { F39: 3 }, ["TOTAL_MISMATCH@F40 error", "CONCLUSION_SCORE_MISMATCH@D42 error"]],
    ["评价等级 良 for 92.38", { D41: "良" }, ["GRADE_MISMATCH@D41 error"]],
    ["a leaf after the page break scores 8 of 7", { F33: 8 }, ["SCORE_EXCEEDS_WEIGHT@F33 error"]],
  ];
  test.each(faults)("[ok] %s", (_n, cells, want) => expect(probe(base, cells)).toEqual(expectOne(...want)));
  test("[ok] 扣分项 written 扣2分 or −2: clean", () => {
    expect(cleanVerdict(set(base, { F39: "扣2分" }))).toEqual(CLEAN);
    expect(cleanVerdict(set(base, { F39: -2 }))).toEqual(CLEAN);
  });
});

describe("RT2-D03 Yunnan 部门整体支出绩效单位自评表 (seed 003)", () => {
  const yd = yunnanDepartment();
  const total = findCell(yd, "自评得分合计").replace("H", "J");
  test("[ok] clean: a fix round changes nothing", () => expect(cleanFixVerdict(yd)).toEqual(CLEAN_FIX));
  const faults: [string, Cells, string[]][] = [
    // 690 breaks 年初 + 调整 = 全年 and 基本 + 项目 = 总额 in the 调整 column: the cell both share is reported once.
    ["调整数 691.46 → 690 (2,519.68 + 690 ≠ 3,211.14 and 168.97 + 522.48 ≠ 690): at the 调整 total", { E4: 690 }, ["BUDGET_SUM_MISMATCH@E4 error"]],
    ["项目支出 支出决算 1,182.68 → 1,172.68 (rate 99.15 %): at the 年度资金总额 支出 cell", { G6: 1172.68, H6: "99.15%" }, ["BUDGET_SUM_MISMATCH@G4 error"]],
    ["执行率 “99%” (3,211.14 ÷ 3,211.14 = 100 %)", { H4: "99%" }, ["EXEC_RATE_MISMATCH@H4 error"]],
    ["自评得分 100 (table 98.5)", { E2: 100 }, ["HEADER_SCORE_MISMATCH@E2 error"]],
    ["自评等级 ☑良", { G2: "□优 ☑良 □中 □差" }, ["GRADE_MISMATCH@G2 error"]],
    ["总分 97.5 (items 98.5)", { [total]: 97.5 }, ["TOTAL_MISMATCH@" + total + " error"]],
    ["过程（20分） declared 25", { A15: "过程（25分）" }, ["LEVEL_WEIGHT_MISMATCH@A15 error"]],
  ];
  test.each(faults)("[ok] %s", (_n, cells, want) => expect(probe(yd, cells)).toEqual(expectOne(...want)));
  test("[ok] 项目支出 其中 rows filled (1,100 + 82.68): clean; 其他资金 全年 92.68 (60.2 + 22.48) is found at its 全年 cell", () => {
    const filled = set(yd, { D7: 600, E7: 500, F7: 1100, G7: 1100, H7: "100%", D8: 60.2, E8: 22.48, F8: 82.68, G8: 82.68, H8: "100%" });
    expect(cleanVerdict(filled)).toEqual(CLEAN);
    expect(faultDelta(filled, set(filled, { F8: 92.68, G8: 92.68 }))).toEqual(only("BUDGET_SUM_MISMATCH@F8 error"));
  });
  test("[ok] adjustments written with their sign as text (+691.46, +168.97, +522.48) and 执行率 as points: clean", () => {
    expect(cleanVerdict(set(yd, { E4: "+691.46", E5: "+168.97", E6: "+522.48", H4: 100, H5: 100, H6: 100 }))).toEqual(CLEAN);
  });
});

describe("RT2-D04 Sichuan 部门整体支出绩效目标自评表 (seed 002: task amounts, 金额合计, 部门自评得分)", () => {
  const sg = sichuanGoal();
  const sum = findCell(sg, "金额合计");
  const sumRow = Number(sum.slice(1));
  const totalRow = Number(findCell(sg, "合计").slice(1));
  const conclusion = findCell(sg, /^经自评/);
  test("[ok] clean: a fix round changes nothing", () => expect(cleanFixVerdict(sg)).toEqual(CLEAN_FIX));
  const faults: [string, Cells, string[]][] = [
    ["金额合计 预算总额 2,156.30 → 2,165.30", { [`D${sumRow}`]: 2165.3, [`E${sumRow}`]: 2165.3 }, ["BUDGET_SUM_MISMATCH@D" + sumRow + " error", "BUDGET_SUM_MISMATCH@E" + sumRow + " error"]],
    ["a task's 实际执行 总额 ≠ 财政拨款 + 其他资金", { G6: 233.21 }, ["BUDGET_SUM_MISMATCH@G6 error"]],
  ];
  test.each(faults)("[ok] %s", (_n, cells, want) => expect(probe(sg, cells)).toEqual(expectOne(...want)));
  // The 部门自评得分 column has no weights: the recomputed total is the sum of the stated scores (97, as the seed's
  // 合计 and sentence say). Today the engine computes no total for this table, so neither statement is ever checked.
  test("[was a defect] 部门自评得分 合计 98 (items 1 + 1 + … = 97) is not reported", () => {
    expect(probe(sg, { [`H${totalRow}`]: 98 })).toEqual(expectOne(`TOTAL_MISMATCH@H${totalRow} error`));
  });
  test("[was a defect] conclusion 部门整体自评总96分 (items 97) is not reported", () => {
    expect(probe(sg, { [conclusion]: "经自评，部门整体自评总96分。通过对人员经费的支付保障了职工的工资福利待遇。" })).toEqual(expectOne(`CONCLUSION_SCORE_MISMATCH@${conclusion} error`));
  });
  // Today: the task block never ends — every cell of the goal rows and of the indicator table below is read as an
  // amount: 160+ UNREADABLE_VALUE errors on a correct sheet.
  test("[was a defect] 金额合计 placed first, right under the header (合计-first, as budget tables often print it): clean", () => {
    const rows = sg.rows.map((r) => r.slice());
    const sumCells = rows[sumRow - 1];
    rows.splice(sumRow - 1, 1);
    rows.splice(4, 0, sumCells);
    const s: SheetSpec = { ...sg, rows, merges: (sg.merges ?? []).filter((m) => !m.startsWith(`B${sumRow}:`)) };
    expect(cleanVerdict(s)).toEqual(CLEAN);
  });
});

describe("RT2-D05 Tianjin 部门整体支出绩效自评表 (reconstructed: 计算符号 column, no levels)", () => {
  const tj = FORM_FIXTURES.find((f) => f.id === "tianjin-dept")!.clean;
  test("[ok] clean: a fix round changes nothing", () => expect(cleanFixVerdict(tj)).toEqual(CLEAN_FIX));
  const faults: [string, Cells, string[]][] = [
    ["项目支出 执行数 271.82 → 281.82 (总额 1,318.62 ≠ 1,046.80 + 281.82)", { E7: 281.82 }, ["BUDGET_SUM_MISMATCH@E5 error"]],
    ["执行率得分 8.5 (10 × 97.48 % = 9.75; under-scored)", { H5: 8.5, G20: 97.52 }, ["EXEC_SCORE_MISMATCH@H5 warning"]],
    ["总分 99.77 (89.02 + 9.75 = 98.77)", { G20: 99.77 }, ["TOTAL_MISMATCH@G20 error"]],
    ["计算符号 written 大于等于; 752,000 of 800,000 scored 15", { B13: "大于等于", G13: 15, G20: 99.67 }, ["INDICATOR_SCORE_MISMATCH@G13 error"]],
  ];
  test.each(faults)("[ok] %s", (_n, cells, want) => expect(probe(tj, cells)).toEqual(expectOne(...want)));
});

describe("RT2-D06 Hunan-style score table: 投 入(15分) labels, 评分标准 texts with numbers, 分值 | 自评得分 (96, 优)", () => {
  const variants: [string, ReturnType<typeof hunanScore>][] = [
    ["plain", hunanScore()],
    ["with 扣分项 −2 (94)", hunanScore({ deduction: true })],
    ["header repeated before 产 出 (page break)", hunanScore({ pageBreak: true })],
    ["扣分项 and page break", hunanScore({ deduction: true, pageBreak: true })],
  ];
  describe.each(variants)("%s", (_n, { sheet, at }) => {
    test("[ok] clean, and a fix round changes nothing", () => {
      expect(cleanVerdict(sheet)).toEqual(CLEAN);
      expect(cleanFixVerdict(sheet)).toEqual(CLEAN_FIX);
    });
    test("[ok] 预算完成率 scores 6 of 5", () => expect(probe(sheet, { [at["预算完成率"]]: 6 })).toEqual(expectOne(`SCORE_EXCEEDS_WEIGHT@${at["预算完成率"]} error`)));
    test("[ok] 过 程(45分) declared (children 25 + 15)", () => expect(probe(sheet, { [at["过 程(40分)"]]: "过 程(45分)" })).toEqual(expectOne(`LEVEL_WEIGHT_MISMATCH@${at["过 程(40分)"]} error`)));
    test("[ok] 总分 one point high", () => {
      const s = Number(sheet.rows[Number(at["总分"].slice(1)) - 1][5]);
      expect(probe(sheet, { [at["总分"]]: s + 1 })).toEqual(expectOne(`TOTAL_MISMATCH@${at["总分"]} error`));
    });
    test("[ok] 评价等级 良", () => expect(probe(sheet, { [at["等级"]]: "良" })).toEqual(expectOne(`GRADE_MISMATCH@${at["等级"]} error`)));
  });
  test("[ok] labels and weights typed on every row (unmerged export): clean", () => {
    expect(cleanVerdict(unmerge(hunanScore({ deduction: true }).sheet, [0, 1]))).toEqual(CLEAN);
  });
  test("[ok] a note row between two second-level groups (注：以下为预算管理): clean", () => {
    const { sheet, at } = hunanScore();
    const row = Number(at["预算管理(15分)"].slice(1));
    expect(cleanVerdict(insertRows(sheet, row, [[null, null, "注：以下为预算管理"]]))).toEqual(CLEAN);
  });
});

describe("RT2-D07 which template a sheet is named as", () => {
  test("[was a defect] a project form whose budget header has 预算数 over 年初/调整数/全年 (corpus 03 项目支出自评表) is a project form, not 部门整体", async () => {
    // Today: template department-budget, shown as “部门整体支出绩效自评表” for a sheet titled 项目支出绩效自评表 with one
    // project's 项目名称 — the 调整数 column alone makes it a department form.
    const s = await corpusSheet("03_central_ministry.xlsx", "项目支出自评表");
    expect(run(s).result.template).toBe("project-national");
  });
  test("[ok] the department forms are named so: corpus 03 部门整体, corpus 11, seed 003, Tianjin", async () => {
    const t = async (f: string, sh: string) => run(await corpusSheet(f, sh)).result.template;
    expect([await t("03_central_ministry.xlsx", "部门整体自评表"), await t("11_hunan_yueyang.xlsx", "部门整体支出评价"), run(yunnanDepartment()).result.template, run(FORM_FIXTURES.find((f) => f.id === "tianjin-dept")!.clean).result.template])
      .toEqual(["department-budget", "department-budget", "department-budget", "department-budget"]);
  });
});
