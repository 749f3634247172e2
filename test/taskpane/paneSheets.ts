/**
 * Sheets the pane is tried on, built from the seed tables with the slips real sheets have: a rate
 * typed over, a far exceeded target (a note), a grade quoted in the conclusion, amounts in 万元 that
 * do not add up, scores that do not add up, a clean sheet and a ledger. The component tests and the
 * browser tests (test/e2e/pane.test.ts) read the same sheets.
 */
import { ledger, nationalProject } from "../fixtures/others";
import { SheetSpec, withCell } from "../fixtures/sheetSpec";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { yunnanDepartment } from "../fixtures/yunnan";

const named = (spec: SheetSpec, name: string): SheetSpec => ({ ...spec, name });

/** The national table: rate 80.00 % typed where 141.30 ÷ 150.00 = 94.20 %; 14 of 12 training sessions… as 30次 (250 %, a note); 评价等级“良” in the conclusion. */
export function trainingProject(): SheetSpec {
  let spec = withCell(nationalProject(), "H6", { v: 0.8, fmt: "0.00%" });
  spec = withCell(spec, "F13", "30次");
  return named(withCell(spec, "B23", "该项目自评得分为97.92分，评价等级“良”。"), "培训项目自评表");
}

/** The department-wide Yunnan form with 基本支出 typed as 2,000.00 万元: the spending no longer adds up, and its rate is off. */
export function departmentBudget(): SheetSpec {
  return named(withCell(yunnanDepartment(), "G5", 2000), "部门整体支出自评表");
}

/**
 * The national table with two indicators scored lower (with reasons): total 93.42 and grade 优 —
 * right nationally (优 ≥ 90), wrong under Lincang's 2022 bands (优 ≥ 95, 良 85–95).
 */
export function scoredLower(): SheetSpec {
  let spec = withCell(withCell(withCell(nationalProject(), "F18", "75%"), "H18", 12.5), "I18", "宣传覆盖不足");
  spec = withCell(withCell(withCell(spec, "F19", "部分达成年度指标"), "H19", 7), "I19", "机制尚未覆盖县区");
  return withCell(withCell(spec, "H21", 93.42), "B23", "自评得分为93.42分，自评等级为优");
}

/** The workbook of the browser tests, in tab order. */
export function paneSheets(): SheetSpec[] {
  return [trainingProject(), departmentBudget(), sichuanProject(smartHall), named(scoredLower(), "宣传项目（93.42分）"), ledger()];
}
