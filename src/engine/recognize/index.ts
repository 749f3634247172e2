/**
 * Sheet → evaluation units. Finds every table by its header labels (several may share a sheet),
 * pairs budget blocks with the indicator table that follows, and attaches the statements around
 * them (top 自评得分, grade, conclusion sentences) to the nearest table.
 */
import { Grid } from "../grid";
import {
  BudgetBlock,
  Bounds,
  ConclusionScore,
  EvaluationUnit,
  FieldRef,
  FundUseTable,
  GoalBudgetTable,
  GradeStatement,
  IndicatorTable,
  TemplateId,
} from "../model";
import { ProfileId } from "../profiles";
import { parseNumberText } from "../text";
import { cellText, readNumber } from "../values";
import {
  findAmountBreakdowns,
  isSelfEvaluationBlock,
  matchBudgetHeader,
  matchFundHeader,
  matchGoalBudgetHeader,
  readBudgetBlock,
  readFundUseTable,
  readGoalBudget,
} from "./budget";
import { FormSegment, segmentForms, segmentOf } from "./forms";
import { matchIndicatorHeader, readIndicatorTable } from "./indicators";
import { baseLabel, BUDGET_COLUMNS, BUDGET_ROWS, FORM_START, HEADER_HINT, matches, FORM_YEAR, OTHER_YEARS_HEADING, ROW_LABELS, SELF_EVALUATION_TITLE, SENTENCE } from "./labels";
import { gradeOfBox, isGradeLabel, isHeaderScoreLabel, readGradeText, readSentence, scoreBesideGrade, valueBelow, valueRightOf } from "./statements";
import { cellKey, Ref, SheetView } from "./view";

type AnyTable = BudgetBlock | IndicatorTable | FundUseTable | GoalBudgetTable;

function rowMayBeHeader(view: SheetView, row: number): boolean {
  return view.rowHas(row, HEADER_HINT.any);
}

/** Stage: find every table by its header band, top to bottom (several may share a sheet). */
export function findTables(view: SheetView): AnyTable[] {
  const tables: AnyTable[] = [];
  const otherThanIndicators = (row: number) =>
    rowMayBeHeader(view, row) && (!!matchBudgetHeader(view, row) || !!matchFundHeader(view, row) || !!matchGoalBudgetHeader(view, row));
  const otherThanBudget = (row: number) =>
    rowMayBeHeader(view, row) && (!!matchIndicatorHeader(view, row) || !!matchFundHeader(view, row) || !!matchGoalBudgetHeader(view, row));
  // Each reader recognises its header at a row and reads the table below it; the first that
  // succeeds wins (goal and fund tables name budget words too, so they are tried first).
  type Read = { table: AnyTable; nextRow: number } | null;
  const readers: ((row: number) => Read)[] = [
    (row) => {
      const at = matchGoalBudgetHeader(view, row);
      return at ? readGoalBudget(view, row, at) : null;
    },
    (row) => {
      const header = matchFundHeader(view, row);
      return header ? readFundUseTable(view, header) : null;
    },
    (row) => {
      const header = matchBudgetHeader(view, row);
      return header ? readBudgetBlock(view, header, otherThanBudget) : null;
    },
    (row) => {
      const header = matchIndicatorHeader(view, row);
      return header ? readIndicatorTable(view, header, otherThanIndicators) : null;
    },
  ];
  let next = 0;
  for (const row of view.occupiedRows()) {
    if (row < next || !rowMayBeHeader(view, row)) continue;
    const read = readers.reduce<Read>((found, reader) => found ?? reader(row), null);
    if (read) {
      tables.push(read.table);
      next = Math.max(read.nextRow, row + 1);
    }
  }
  return tables;
}

function union(a: Bounds, b: Bounds): Bounds {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

function templateOf(unit: Omit<EvaluationUnit, "template">, view: SheetView): TemplateId {
  const { budget, indicators } = unit;
  if (unit.fundUse) return "fund-use";
  if (unit.goalBudget || indicators?.scoresOnly) return "department-goal";
  // A department-wide form breaks its total into 基本 / 项目 spending (a 调整数 column alone is found on project forms too).
  const departmentBudget = !!budget && budget.rows.some((r) => r.role === "basic" || r.role === "project");
  if (departmentBudget) return "department-budget";
  if (indicators?.hierarchical) return "score-hierarchical";
  // Project tables: weigh the labels each form uses.
  const texts: string[] = [];
  if (budget) for (const c of Object.values(budget.cols)) if (c !== undefined) texts.push(view.label(budget.headerRow, c));
  if (indicators) {
    for (let r = indicators.headerRow; r < indicators.headerRow + indicators.headerHeight; r++) {
      for (const l of view.rowLabels(r)) texts.push(l.text);
    }
  }
  const all = texts.join("|");
  // Words only one province's form prints decide; words several forms share only tip the balance.
  const strong = { sichuan: 0, yunnan: 0 };
  let sichuan = 0;
  let yunnan = 0;
  let national = 0;
  if (indicators?.cols.direction !== undefined) strong.sichuan += 2;
  if (indicators?.cols.unit !== undefined) sichuan += 1;
  if (/调整后预算/.test(all)) strong.sichuan += 2;
  if (/权重/.test(all)) sichuan += 1;
  if (/未完成原因/.test(all)) sichuan += 1;
  if (/全年收入决算|全年支出决算/.test(all)) strong.yunnan += 2;
  if (/执行率\(10%\)/.test(all)) strong.yunnan += 2;
  if (indicators?.declaredBlockWeight && /%/.test(view.label(indicators.declaredBlockWeight.at.row, indicators.declaredBlockWeight.at.col))) strong.yunnan += 1;
  if (/指标分值/.test(all)) yunnan += 1;
  if (/完成情况简述/.test(all)) yunnan += 1;
  if (unit.headerScore) yunnan += 1;
  if (/全年预算数|全年执行数/.test(all)) national += 2;
  if (/偏差原因/.test(all)) national += 2;
  sichuan += strong.sichuan;
  yunnan += strong.yunnan;
  if (strong.sichuan > 0 && sichuan > yunnan && sichuan > national) return "project-sichuan";
  if (strong.yunnan > 0 && yunnan > national && yunnan >= sichuan) return "project-yunnan";
  return "project-national";
}

export function suggestProfile(template: TemplateId | null, unit?: EvaluationUnit, view?: SheetView): ProfileId {
  switch (template) {
    case "project-yunnan":
      return "yunnan";
    case "project-sichuan":
    case "department-goal":
      return "sichuan";
    case "department-budget": {
      const b = unit?.budget;
      if (b && view && b.cols.adjusted !== undefined && /收入决算/.test(view.label(b.headerRow, b.cols.adjusted))) return "yunnan";
      return "national";
    }
    default:
      return "national";
  }
}

interface Statement {
  at: Ref;
  kind: "field" | "sentence";
  headerScore?: FieldRef;
  grade?: GradeStatement;
  scores?: ConclusionScore[];
  grades?: GradeStatement[];
}


function findStatements(view: SheetView, tables: AnyTable[]): Statement[] {
  // Tables whose rows cover each row, listed once (not searched per row: long sheets hold many forms).
  const byRow = new Map<number, AnyTable[]>();
  for (const t of tables) for (let r = t.bounds.top; r <= t.bounds.bottom; r++) (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(t);
  const covering = (r: number) => byRow.get(r) ?? [];
  const out: Statement[] = [];
  const used = new Set<number>();
  // Read only for a sentence that names a year (few do).
  let formYear: number | undefined | null = null;
  const yearOfForm = () => (formYear === null ? (formYear = formYearOf(view, tables)) : formYear);
  for (const r of view.occupiedRows()) {
    const first = view.firstLabel(r);
    if (!first || matches(ROW_LABELS.instructions, first.text)) continue;
    const cover = covering(r);
    const inside = (col: number) => cover.some((t) => col >= t.bounds.left && col <= t.bounds.right);
    // A table's header row names columns (…| 得分率 | 等级), never fields, even beside the table.
    const onHeader = cover.some((t) => t.headerRow === r);
    // A table of other years below a form (附：上年度自评情况 | 年度 | 自评得分 | 自评等级) states no result of this one.
    if (otherYears(view, r)) continue;
    // Rows inside tables: only the cells beside them can hold statements (no label list is built
    // for a table's own rows: a long table has thousands).
    const labels: { col: number; text: string }[] = [];
    if (cover.length === 0) labels.push(...view.rowLabels(r));
    else {
      for (const c of view.grid.occupiedCols(r)) {
        if (inside(c) || view.isContinuation(r, c)) continue;
        const text = view.label(r, c);
        if (text !== "") labels.push({ col: c, text });
      }
    }
    for (const { col, text } of labels) {
      if (inside(col) || used.has(cellKey({ row: r, col }))) continue;
      const at = { row: r, col };
      // Label and value typed into one cell: 自评得分：95 / 自评等级：☑优 □良 □中 □差.
      // Anything longer ("自评得分：97.17分；自评等级：良。") is read as a sentence below.
      const inline = /^([^:：]{2,8})[:：](.+?)[。.；;，,]?$/.exec(text);
      if (onHeader && (isHeaderScoreLabel(text) || isGradeLabel(text))) continue;
      const inlineScore = inline && isHeaderScoreLabel(inline[1]) ? parseNumberText(inline[2]) : null;
      if (inline && inlineScore && !inlineScore.percent) {
        out.push({ at, kind: "field", headerScore: { at, labelAt: at, inline: inlineScore.value } });
        continue;
      }
      const inlineGrade = inline && isGradeLabel(inline[1]) ? readGradeText(inline[2]) : null;
      if (inline && inlineGrade) {
        out.push({ at, kind: "field", grade: { at, grade: inlineGrade.grade, form: inlineGrade.form, text: inline[2], reportOnly: true } });
        pushScoreBesideGrade(out, at, inline[2]);
        continue;
      }
      if (isHeaderScoreLabel(text)) {
        const v = valueRightOf(view, { row: r, col }) ?? valueBelow(view, { row: r, col }, (t) => !!parseNumberText(t));
        if (v && readNumber(view.cell(v.row, v.col)).kind !== "empty") {
          used.add(cellKey(v));
          out.push({ at: v, kind: "field", headerScore: { at: v, labelAt: { row: r, col } } });
        }
        continue;
      }
      if (isGradeLabel(text)) {
        const v = valueRightOf(view, { row: r, col }) ?? valueBelow(view, { row: r, col }, (t) => !!readGradeText(t));
        if (v) {
          used.add(cellKey(v));
          const raw = cellText(view.cell(v.row, v.col));
          const g = readGradeText(raw);
          if (g) {
            out.push({ at: v, kind: "field", grade: { at: v, grade: g.grade, form: g.form, text: raw, reportOnly: g.annotated } });
            pushScoreBesideGrade(out, v, raw);
          } else {
            const spread = boxesInCells(view, v);
            if (spread) {
              for (const c of spread.cells) used.add(cellKey(c));
              out.push({ at: spread.at, kind: "field", grade: { at: spread.at, grade: spread.grade, form: "checkbox", text: spread.text, reportOnly: true } });
            }
          }
        }
        continue;
      }
      const raw = cellText(view.cell(r, col));
      const asGrade = readGradeText(raw);
      if (asGrade?.form === "checkbox") {
        out.push({ at: { row: r, col }, kind: "field", grade: { at: { row: r, col }, grade: asGrade.grade, form: "checkbox", text: raw } });
        continue;
      }
      if (text.length < 6) continue;
      // A statement typed across cells: 该项目自评得分为 | 99.5 | 分 (the number's own cell states it).
      const across = SENTENCE.continuesInNextCell.test(text);
      const sentence = across ? runOn(view, r, col) : raw;
      const s = readSentence(sentence, FORM_YEAR.namedInText.test(sentence) ? yearOfForm() : undefined);
      const numberCell = (v: number): Ref => {
        const hit = across ? view.rowLabels(r).find((l) => l.col > col && l.col <= col + 4 && readNumber(view.cell(r, l.col)).kind === "number" && (readNumber(view.cell(r, l.col)) as { value: number }).value === v) : undefined;
        return hit ? { row: r, col: hit.col } : { row: r, col };
      };
      if (s.scores.length || s.grades.length) {
        out.push({
          at: { row: r, col },
          kind: "sentence",
          scores: s.scores.map((x) => ({ at: numberCell(x.value), value: x.value, phrase: x.phrase })),
          grades: s.grades.map((g) => ({ at: { row: r, col }, grade: g.grade, form: "sentence" as const, text: g.phrase })),
        });
      }
    }
  }
  return out;
}

/** A grade field that gives its score too ("良好（86分）") states that score as a conclusion does. */
function pushScoreBesideGrade(out: Statement[], at: Ref, text: string): void {
  const score = scoreBesideGrade(text);
  if (score) out.push({ at, kind: "sentence", scores: [{ at, ...score }] });
}

/** How far above a table its title lines are looked for (occupied rows). */
const TITLE_REACH = 6;

/**
 * The year the sheet's forms evaluate, from their titles ("2023年度项目支出绩效自评表", a line "（2023年度）"):
 * undefined when no title names one or titles name different years.
 */
function formYearOf(view: SheetView, tables: AnyTable[]): number | undefined {
  const years = new Set<number>();
  for (const t of tables) {
    for (const r of view.occupiedRowsBefore(t.bounds.top, TITLE_REACH)) {
      for (const { text } of view.rowLabels(r)) {
        const named = FORM_YEAR.inTitle.exec(text);
        if (named && text.length <= 60 && (matches(SELF_EVALUATION_TITLE, text) || FORM_YEAR.titleLine.test(text))) years.add(Number(named[1]));
      }
    }
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** A cell's text with the next few cells of its row, for a sentence typed across them. */
function runOn(view: SheetView, row: number, col: number): string {
  const parts = [cellText(view.cell(row, col))];
  for (const l of view.rowLabels(row).filter((x) => x.col > col).slice(0, 3)) parts.push(cellText(view.shown(row, l.col)));
  return parts.join("");
}

/**
 * Rows under a heading about other years (附：上年度自评情况, 历年自评结果) up to the next blank row:
 * a table of past results, not this form's statements.
 */
function otherYears(view: SheetView, row: number): boolean {
  for (let r = row; r >= Math.max(0, row - 12); r--) {
    if (r < row && view.rowIsBlank(r)) return false;
    const first = view.firstLabel(r)?.text ?? "";
    if (matches(OTHER_YEARS_HEADING, first)) return true;
    if (r < row && matches(FORM_START, first)) return false;
  }
  return false;
}

/** Check boxes one per cell along the row (评价等次 | □优 | ☑良 | □中 | □差): the grade and the ticked cell. */
function boxesInCells(view: SheetView, first: Ref): { grade: GradeStatement["grade"]; at: Ref; cells: Ref[]; text: string } | undefined {
  const cells: Ref[] = [];
  for (let c = first.col; c < Math.min(view.colCount, first.col + 8) && cells.length < 4; c++) {
    if (view.isContinuation(first.row, c)) continue;
    const t = cellText(view.cell(first.row, c)).trim();
    if (t === "") continue;
    if (!gradeOfBox(t)) break;
    cells.push({ row: first.row, col: c });
  }
  if (cells.length < 2) return undefined;
  const text = cells.map((c) => cellText(view.cell(c.row, c.col)).trim()).join(" ");
  const g = readGradeText(text);
  if (!g || g.form !== "checkbox") return undefined;
  const at = cells.find((c) => gradeOfBox(cellText(view.cell(c.row, c.col))) === g.grade) ?? cells[0];
  return { grade: g.grade, at, cells, text };
}

export interface RecognisedSheet {
  units: EvaluationUnit[];
  template: TemplateId | null;
  suggestedProfile: ProfileId;
  view: SheetView;
}

export function recognise(grid: Grid): RecognisedSheet {
  const view = new SheetView(grid);
  const tables = findTables(view).sort((a, b) => a.bounds.top - b.bounds.top);
  type Draft = Omit<EvaluationUnit, "template">;
  const segments = segmentForms(view, tables.map((t) => t.bounds.top));
  const sameForm = (a: number, b: number) => segmentOf(segments, a) === segmentOf(segments, b);

  // Stage: pair the tables of one form (a budget block with its indicator table, either order).
  const paired: Draft[] = [];
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const next = tables[i + 1];
    const draft: Draft = { bounds: t.bounds, grades: [], conclusions: [] };
    const withNext = next !== undefined && sameForm(t.bounds.top, next.bounds.top);
    // Forms put the budget block above the indicators; an indicator table without one, followed in the
    // same form by a scored budget block, has it below.
    if (t.kind === "indicators" && withNext && next.kind === "budget" && next.cols.score !== undefined) {
      draft.indicators = t;
      draft.budget = next;
      draft.bounds = union(t.bounds, next.bounds);
      i++;
    } else if (t.kind === "budget" || t.kind === "goal-budget") {
      if (t.kind === "budget") draft.budget = t;
      else draft.goalBudget = t;
      if (withNext && next.kind === "indicators") {
        draft.indicators = next;
        draft.bounds = union(draft.bounds, next.bounds);
        i++;
      }
    } else if (t.kind === "indicators") draft.indicators = t;
    else draft.fundUse = t;
    paired.push(draft);
  }
  const drafts = paired.filter((d) => !d.budget || d.indicators || isSelfEvaluationBlock(d.budget, view));
  if (drafts.length === 0) return { units: [], template: null, suggestedProfile: "national", view };

  // A form whose budget part could not be read (its header words unknown) has a total the check cannot see whole.
  for (const d of drafts) {
    if (d.indicators && !d.budget && !d.goalBudget) d.unreadBudget = budgetEvidence(view, segmentOf(segments, d.indicators.headerRow).top, d.indicators.headerRow);
  }

  // Stage: amounts written as label | value pairs in a form's head belong to that form's table.
  const breakdowns = findAmountBreakdowns(view, tables.map((t) => t.bounds));
  if (breakdowns) {
    const owner = nearestInForm(drafts, segments, breakdowns.bounds.top, () => true);
    if (owner) {
      owner.amountBreakdowns = breakdowns;
      owner.bounds = union(owner.bounds, breakdowns.bounds);
    }
  }

  // Stage: statements (自评得分, grade, conclusion) belong to a table of their own form.
  const scorable = (d: Draft) => !!d.indicators || !!d.budget?.cols.score;
  for (const st of findStatements(view, tables)) {
    const r = st.at.row;
    const best = nearestInForm(drafts, segments, r, (d) => (scorable(d) || !!d.goalBudget) && !(d.fundUse && !d.indicators), st.kind === "sentence");
    if (!best) continue;
    if (st.headerScore && !best.headerScore) best.headerScore = st.headerScore;
    if (st.grade) best.grades.push(st.grade);
    if (st.scores) best.conclusions.push(...st.scores);
    if (st.grades) best.grades.push(...st.grades);
    best.bounds = union(best.bounds, { top: r, bottom: r, left: st.at.col, right: st.at.col });
  }
  const units: EvaluationUnit[] = drafts.map((d) => ({ ...d, template: templateOf(d, view) }));
  return { units, template: units[0].template, suggestedProfile: suggestProfile(units[0].template, units[0], view), view };
}

/** The drafts of each form, worked out once per list of drafts. */
const formIndex = new WeakMap<object, Map<FormSegment, { bounds: Bounds }[]>>();
function draftsOfForm<D extends { bounds: Bounds }>(drafts: D[], segments: readonly FormSegment[]): Map<FormSegment, D[]> {
  let index = formIndex.get(drafts) as Map<FormSegment, D[]> | undefined;
  if (!index) {
    index = new Map();
    for (const d of drafts) {
      const form = segmentOf(segments, d.bounds.top);
      (index.get(form) ?? index.set(form, []).get(form)!).push(d);
    }
    formIndex.set(drafts, index as Map<FormSegment, { bounds: Bounds }[]>);
  }
  return index;
}

/**
 * Signs of a budget block between two rows that no reader took: an 执行率 or 年度资金总额 label with
 * numbers beside or below it.
 */
function budgetEvidence(view: SheetView, from: number, to: number): boolean {
  const numberNear = (row: number) => {
    for (let r = row; r <= row + 2 && r < to; r++) if (view.rowLabels(r).some((l) => readNumber(view.cell(r, l.col)).kind === "number")) return true;
    return false;
  };
  for (const r of view.occupiedRowsFrom(from)) {
    if (r >= to) break;
    if (view.rowLabels(r).some((l) => matches(BUDGET_COLUMNS.rate, l.text) || matches(BUDGET_ROWS.total, baseLabel(l.text))) && numberNear(r)) return true;
  }
  return false;
}

/**
 * The table of row r's form that r belongs to: the nearest (sentences belong to the table above
 * them; fields to the nearest, ties going to the table below).
 */
function nearestInForm<D extends { bounds: Bounds }>(drafts: D[], segments: readonly FormSegment[], r: number, eligible: (d: D) => boolean, sentence = false): D | undefined {
  const form = segmentOf(segments, r);
  let best: D | undefined;
  let bestDistance = Infinity;
  for (const d of draftsOfForm(drafts, segments).get(form) ?? []) {
    if (!eligible(d)) continue;
    const above = r < d.bounds.top;
    const distance = above ? d.bounds.top - r : r > d.bounds.bottom ? r - d.bounds.bottom : 0;
    const adjusted = sentence && above ? distance + 10000 : distance;
    if (adjusted < bestDistance || (adjusted === bestDistance && above)) {
      best = d;
      bestDistance = adjusted;
    }
  }
  return best;
}
