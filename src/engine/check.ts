/**
 * The engine's entry: grid → recognised units → rules → findings (with fixes).
 */
import { UnitFacts, unitFacts } from "./facts";
import { Finding, FindingCode, Fix } from "./findings";
import { a1, Grid } from "./grid";
import { Bounds, EvaluationUnit, TemplateId } from "./model";
import { Profile, ProfileId, PROFILES } from "./profiles";
import { recognise, RecognisedSheet } from "./recognize";
import { BandGrid, columnBands } from "./recognize/bands";
import { cellKey, SheetView } from "./recognize/view";
import { EvaluationSummary, summarise } from "./summary";
import { CODE_META, CODE_ORDER, Rule, RULES, sectionOf } from "./rules";
import { FindingDraft, FixDraft, PlannedDraft } from "./rules/types";
import { liveTotals, planUnit } from "./plan";

export interface SheetResult {
  sheet: string;
  template: TemplateId | null;
  profile: ProfileId;
  suggestedProfile: ProfileId;
  findings: Finding[];
  units: EvaluationUnit[];
  /** 插入正确等级和合计: live formulas for 合计, 自评得分 and the grade (see liveTotals.ts). */
  liveTotals: Fix[];
  /** One line per evaluation on the sheet (project, stated and recomputed total and grade). */
  evaluations: EvaluationSummary[];
}

export interface CheckOptions {
  /** Use this profile instead of the one the template suggests. */
  profile?: ProfileId;
}

/** One fault, one finding: a code yields to the codes its metadata names, on the same cell. */
function onePerFault<D extends FindingDraft | PlannedDraft>(drafts: D[]): D[] {
  const byCell = new Map<number, Set<FindingCode>>();
  for (const d of drafts) {
    const key = cellKey(d.at);
    if (!byCell.has(key)) byCell.set(key, new Set());
    byCell.get(key)!.add(d.code);
  }
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = cellKey(d.at);
    const codes = byCell.get(key)!;
    if ((CODE_META[d.code].yieldsTo ?? []).some((c) => codes.has(c))) return false;
    const id = `${key}:${d.code}:${d.message.zh}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function toFix(d: FixDraft): Fix {
  const fix: Fix = { cell: a1(d.at.row, d.at.col), description: d.description.zh, descriptionEn: d.description.en };
  if (d.formula !== undefined) fix.formula = d.formula;
  if (d.value !== undefined) fix.value = d.value;
  if (d.numFmt !== undefined) fix.numFmt = d.numFmt;
  if (d.result !== undefined) fix.result = typeof d.result === "number" ? Math.round(d.result * 1e10) / 1e10 : d.result;
  if (d.also?.length) fix.also = d.also.map(toFix);
  return fix;
}

/** The sheet's evaluation units, each with the view it was read through. */
function recogniseSheet(grid: Grid): { recognitions: RecognisedSheet[]; first: RecognisedSheet } {
  // Tables side by side: each band of columns is read on its own when every band holds a table.
  const bands = columnBands(grid);
  if (bands) {
    const recognitions = bands.map((band) => recognise(new BandGrid(grid, band)));
    if (recognitions.every((r) => r.units.some((u) => u.indicators))) return { recognitions, first: recognitions[0] };
  }
  const whole = recognise(grid);
  return { recognitions: [whole], first: whole };
}

export function checkSheet(grid: Grid, options: CheckOptions = {}): SheetResult {
  return checkSheetWith(RULES, grid, options);
}

/** The engine with the rules given (tests run one rule at a time, or the rules in another order). */
export function checkSheetWith(rules: readonly Rule[], grid: Grid, options: CheckOptions = {}): SheetResult {
  const { recognitions, first: recognised } = recogniseSheet(grid);
  const profileId = options.profile ?? recognised.suggestedProfile;
  const profile: Profile = PROFILES[profileId];
  const drafts: PlannedDraft[] = [];
  const live: FixDraft[] = [];
  const read: { view: SheetView; unit: EvaluationUnit; facts: UnitFacts; headFrom: number }[] = [];
  for (const r of recognitions) {
    r.units.forEach((unit, i) => read.push({ view: r.view, unit, facts: unitFacts(r.view, unit), headFrom: i === 0 ? 0 : r.units[i - 1].bounds.bottom + 1 }));
  }
  for (const { view, unit, facts } of read) {
    const ctx = { view, unit, facts, profile };
    const unitDrafts: FindingDraft[] = [];
    for (const rule of rules) rule.check({ ...ctx, report: (d) => unitDrafts.push(d) });
    // Rules judge; the fix stage plans every write once they all have.
    drafts.push(...planUnit(ctx, onePerFault(unitDrafts)));
    live.push(...liveTotals(ctx));
  }
  const findings: Finding[] = drafts
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col || (CODE_ORDER.get(a.code)! - CODE_ORDER.get(b.code)!))
    .map((d) => ({
      code: d.code,
      severity: d.severity,
      sheet: grid.sheetName,
      cell: a1(d.at.row, d.at.col),
      stated: d.stated,
      expected: d.expected,
      message: d.message.zh,
      fix: d.fix ? toFix(d.fix) : undefined,
      at: d.at,
      section: d.section ?? sectionOf(d.code),
      messageEn: d.message.en,
      kind: CODE_META[d.code].value,
      ...(d.unit ? { unit: d.unit } : {}),
    }));
  for (const f of findings) if (!f.fix) delete f.fix;
  return {
    sheet: grid.sheetName,
    template: recognised.template,
    profile: profileId,
    suggestedProfile: recognised.suggestedProfile,
    findings,
    units: recognitions.flatMap((r) => r.units),
    liveTotals: live.map(toFix),
    evaluations: read.map(({ view, unit, facts, headFrom }) => summarise(view, unit, facts, profile, findings, headFrom)),
  };
}

/** The writes that fix the given findings (with the writes they carry along), one per cell. */
export function planFixes(findings: readonly Finding[]): Fix[] {
  const byCell = new Map<string, Fix>();
  const add = (fix: Fix) => {
    if (!byCell.has(fix.cell)) byCell.set(fix.cell, fix);
    for (const a of fix.also ?? []) add(a);
  };
  // A finding's own fix wins over a carried-along write to the same cell.
  for (const f of findings) if (f.fix && !byCell.has(f.fix.cell)) byCell.set(f.fix.cell, f.fix);
  for (const f of findings) if (f.fix) add(f.fix);
  return [...byCell.values()].map(({ also: _also, ...fix }) => fix);
}

/** Every cell a fix may write lies inside one of these (the recognised tables and their statements). */
export function writableBounds(result: SheetResult): Bounds[] {
  return result.units.map((u) => u.bounds);
}
