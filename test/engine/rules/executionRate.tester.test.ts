/** EXEC_RATE_MISMATCH with the RuleTester: headers of one and two rows, amounts given by their parts. */
import { executionRate } from "../../../src/engine/rules/executionRate";
import { P, SheetSpec, SpecCell, withCell } from "../../fixtures/sheetSpec";
import { ruleTester } from "../../support/ruleTester";

/** 中央部门: 预算数 over 年初 / 调整 / 全年, 执行数 over 财政拨款 / 其他资金 (no total column). */
function twoRowHeader(rate: SpecCell): SheetSpec {
  return {
    name: "项目支出自评表",
    rows: [
      ["项目支出绩效自评表"],
      ["项目资金（万元）", null, "预算数", null, null, "执行数", null, "分值", "执行率", "得分"],
      [null, null, "年初预算数", "调整数", "全年预算数", "财政拨款", "其他资金"],
      ["年度资金总额", null, 500, 36.5, 536.5, 498.2, 20.35, 10, rate, 9.67],
    ],
    merges: ["A2:B3", "C2:E2", "F2:G2", "H2:H3", "I2:I3", "J2:J3", "A4:B4"],
  };
}

ruleTester(executionRate, {
  valid: [
    { name: "(498.20 + 20.35) ÷ 536.50 = 96.65 %", sheet: twoRowHeader(P(0.9665)) },
    { name: "the same as text with a full-width ％", sheet: twoRowHeader("96.65％") },
    { name: "the same as bare points", sheet: twoRowHeader(96.65) },
    { name: "not 年初 (500): 全年 is the budget", sheet: withCell(twoRowHeader(P(0.9665)), "C4", 400) },
  ],
  invalid: [
    {
      name: "a stale rate: 99.23 % cached where the amounts give 96.65 %; the fix sums the parts",
      sheet: twoRowHeader({ v: 0.9923, fmt: "0.00%", f: "=ROUND((F4+G4)/E4,4)" }),
      findings: [
        {
          code: "EXEC_RATE_MISMATCH",
          cell: "I4",
          severity: "error",
          expected: 0.9665,
          message: "执行率应为 96.65%（(498.20 + 20.35) ÷ 536.50），表中为 99.23%",
          fix: { cell: "I4", formula: "=IF(E4<=0,0,(F4+G4)/E4)" },
        },
      ],
    },
    {
      name: "a rate computed from 财政拨款 alone (92.86 %) is wrong",
      sheet: twoRowHeader(P(0.9286)),
      findings: [{ code: "EXEC_RATE_MISMATCH", cell: "I4", expected: 0.9665 }],
    },
  ],
});
