/**
 * One line per evaluation: who filled it in, which project, the stated and the recomputed total and
 * grade, and how many findings it has. The reviewer's summary workbook and the pane's workbook list
 * read this; neither searches the sheet again.
 */
import { UnitFacts } from "./facts";
import { Finding } from "./findings";
import { EvaluationUnit, TemplateId } from "./model";
import { Grade, gradeFor, Profile } from "./profiles";
import { SheetView } from "./recognize/view";
import { FIELD_LABELS, matches, Synonyms } from "./recognize/labels";
import { tidy } from "./text";
import { cellText, readNumber } from "./values";

export interface EvaluationSummary {
  template: TemplateId;
  /** 项目名称 (project forms) or 部门（单位）名称 (department-wide forms), as written. */
  project?: string;
  /** 填报单位 / 实施单位 / 主管部门, as written. */
  organisation?: string;
  /** The 合计 / 总分 cell, else the top 自评得分 field. */
  statedTotal?: number;
  recomputedTotal?: number;
  /** The grade field (text or boxes), else a grade written in the conclusion. */
  statedGrade?: Grade;
  expectedGrade?: Grade;
  errors: number;
  warnings: number;
}


/** The value of a form field: typed after its label in the same cell ("填报单位：某局"), or in the next cell. */
function fieldValue(view: SheetView, row: number, col: number, label: Synonyms): string | undefined {
  const text = view.label(row, col);
  const inline = /^([^:：]{2,12})[:：](.+)$/.exec(text);
  if (inline && matches(label, inline[1])) return tidy(cellText(view.shown(row, col)).replace(/^[^:：]*[:：]/, ""));
  if (!matches(label, text.replace(/[:：]$/, ""))) return undefined;
  const next = view.spanRight(row, col) + 1;
  for (let c = next; c < Math.min(view.colCount, next + 4); c++) {
    if (view.isContinuation(row, c)) continue;
    const value = tidy(cellText(view.cell(row, c)));
    if (value !== "") return /[:：]$/.test(value) ? undefined : value;
  }
  return undefined;
}

/** 项目名称 and 填报单位 written between `from` and the unit's top rows (the form's head). */
function formHead(view: SheetView, from: number, to: number): { project?: string; organisation?: string } {
  const out: { project?: string; organisation?: string } = {};
  for (let r = Math.max(0, from); r <= to && r < view.rowCount; r++) {
    for (const { col } of view.rowLabels(r)) {
      out.project ??= fieldValue(view, r, col, FIELD_LABELS.project);
      const org = fieldValue(view, r, col, FIELD_LABELS.organisation);
      if (org && !out.organisation) out.organisation = org;
    }
  }
  return out;
}

export function summarise(
  view: SheetView,
  unit: EvaluationUnit,
  facts: UnitFacts,
  profile: Profile,
  findings: readonly Finding[],
  headFrom: number,
): EvaluationSummary {
  const inUnit = findings.filter((f) => f.at.row >= unit.bounds.top && f.at.row <= unit.bounds.bottom && f.at.col >= unit.bounds.left && f.at.col <= unit.bounds.right);
  const totalAt = unit.indicators?.totalRow?.score;
  const read = (at: { row: number; col: number } | undefined) => {
    if (!at) return undefined;
    const r = readNumber(view.cell(at.row, at.col));
    return r.kind === "number" ? r.value : undefined;
  };
  const statedTotal = read(totalAt) ?? unit.headerScore?.inline ?? read(unit.headerScore?.at);
  const grade = unit.grades.find((g) => g.form !== "sentence") ?? unit.grades[0];
  const total = facts.total;
  return {
    template: unit.template,
    ...formHead(view, headFrom, unit.bounds.top + 3),
    statedTotal,
    recomputedTotal: total === undefined ? undefined : Math.round(total * 100) / 100,
    statedGrade: grade?.grade,
    expectedGrade: total === undefined ? undefined : gradeFor(total, profile),
    errors: inUnit.filter((f) => f.severity === "error").length,
    warnings: inUnit.filter((f) => f.severity === "warning").length,
  };
}
