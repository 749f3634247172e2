/**
 * Recognise a scored indicator table from its header labels: project tables (一级/二级/三级 …
 * 分值 得分), hierarchical score tables (一级 分值 二级 分值 三级 分值 得分, or levels with declared
 * weights 投入（15分）) and score-only goal tables (部门自评得分).
 */
import { IndicatorItem, IndicatorTable, LevelGroup } from "../model";
import { isCellError } from "../grid";
import { readNumber, readWeight } from "../values";
import { headerBand, leafOf, parentOf } from "./headers";
import {
  baseLabel,
  declaredWeight,
  INDICATOR_BLOCK_LABEL,
  INDICATOR_COLUMNS,
  IndicatorRole,
  LEVEL_HINT,
  matches,
  NOT_EVALUATION_HEADER,
  REFERENCE_COLUMN,
  roleOf,
  ROW_LABELS,
} from "./labels";
import { Ref, SheetView } from "./view";

interface HeaderMatch {
  row: number;
  height: number;
  /** Columns per role, in left-to-right runs (a run is one header cell merged across columns). */
  runs: Map<IndicatorRole, number[][]>;
  left: number;
  right: number;
}

function isHeaderShape(roles: Set<IndicatorRole>): boolean {
  const hasLevel = roles.has("level3") || roles.has("level2") || roles.has("level1");
  if (!roles.has("score") || !hasLevel) return false;
  // A level, the score and at least one more column (weight, target, actual …).
  return roles.size >= 3;
}

const hinted = (view: SheetView, r: number) => r < view.rowCount && view.rowLabels(r).some((l) => matches(LEVEL_HINT, l.text));

/**
 * Is this row the first row of an indicator table's header band? The band may be one row or
 * several (绩效指标 | 指标分值 | 自评得分 above 一级 | 二级 | 三级); each column's role comes from
 * its own label, or its parent's when its own names none.
 */
export function matchIndicatorHeader(view: SheetView, row: number): HeaderMatch | null {
  if (!hinted(view, row) && !hinted(view, row + 1)) return null;
  const band = headerBand(view, row);
  const runs = new Map<IndicatorRole, number[][]>();
  let named = false;
  for (const cell of band.cells) {
    if (cell.path.some((t) => matches(REFERENCE_COLUMN, t))) continue;
    const parent = parentOf(cell);
    const role = roleOf(INDICATOR_COLUMNS, leafOf(cell)) ?? (parent !== undefined ? roleOf(INDICATOR_COLUMNS, parent) : undefined);
    if (!role) continue;
    // A label with a number right after it is a field typed beside the header (得分 | 95), not a column.
    if (cell.at.row === row && cell.to + 1 < view.colCount && readNumber(view.cell(row, cell.to + 1)).kind === "number" && cell.to === view.spanRight(row, cell.at.col)) continue;
    if (view.master(row, cell.from).row === row && roleOf(INDICATOR_COLUMNS, view.label(row, cell.from))) named = true;
    const run: number[] = [];
    for (let k = cell.from; k <= cell.to; k++) run.push(k);
    const list = runs.get(role) ?? [];
    list.push(run);
    runs.set(role, list);
  }
  // The first row must name a column itself, or any row above a header would match.
  if (!named || !isHeaderShape(new Set(runs.keys()))) return null;
  for (let r = band.top; r <= band.bottom; r++) if (view.rowLabels(r).some((l) => matches(NOT_EVALUATION_HEADER, l.text))) return null;
  const cols = [...runs.values()].flat(2);
  return { row, height: band.bottom - band.top + 1, runs, left: Math.min(band.left, ...cols), right: Math.max(...cols) };
}

/** The number in a stored cell (a weight is read in points with `read = readWeight`). */
function numericAt(view: SheetView, row: number, col: number | undefined, read = readNumber): number | undefined {
  if (col === undefined || view.isContinuation(row, col)) return undefined;
  const r = read(view.cell(row, col));
  return r.kind === "number" ? r.value : undefined;
}

function filledAt(view: SheetView, row: number, col: number | undefined): boolean {
  if (col === undefined || view.isContinuation(row, col)) return false;
  return readNumber(view.cell(row, col)).kind !== "empty";
}

/** Among the columns a merged header cell covers, the one the data is written in. */
function pickDataColumn(view: SheetView, run: number[], top: number, bottom: number, prefer: "text" | "master"): number {
  if (run.length === 1 || prefer === "master") return run[0];
  let best = run[0];
  let bestCount = -1;
  for (const col of run) {
    let count = 0;
    for (let r = top; r <= bottom; r++) {
      if (view.isContinuation(r, col)) continue;
      const t = view.label(r, col);
      if (t !== "" && !matches(INDICATOR_BLOCK_LABEL, t)) count++;
    }
    if (count > bestCount) {
      best = col;
      bestCount = count;
    }
  }
  return best;
}

/** 总分 / 合计 / 合计（100分） … (every total word has one of these characters: a cheap test first). */
function isTotalLabel(t: string): boolean {
  return t.length <= 16 && /[合总汇计]/.test(t) && (matches(ROW_LABELS.total, t) || (/[(（]/.test(t) && matches(ROW_LABELS.total, baseLabel(t))));
}

export interface IndicatorScan {
  table: IndicatorTable;
  /** Rows after the table where scanning stopped (for the caller's region bookkeeping). */
  nextRow: number;
}

const MAX_BLANK_RUN = 3;


/** Does a score follow within the next few rows? */
function scoresFollow(view: SheetView, row: number, scoreCol: number): boolean {
  for (let r = row + 1; r <= Math.min(view.rowCount - 1, row + MAX_BLANK_RUN); r++) {
    if (readNumber(view.shown(r, scoreCol)).kind === "number") return true;
  }
  return false;
}


/**
 * Read the indicator table whose header is at `header`. `isOtherHeader(row)` says whether a row
 * starts another table (a budget block …), which ends this one.
 */
export function readIndicatorTable(
  view: SheetView,
  header: HeaderMatch,
  isOtherHeader: (row: number) => boolean,
): IndicatorScan | null {
  const firstDataRow = header.row + header.height;
  // Find the body extent first, with the header's columns.
  const firstCol = (role: IndicatorRole) => header.runs.get(role)?.[0]?.[0];
  const scoreColGuess = firstCol("score")!;
  let bottom = header.row + header.height - 1;
  let totalRowIndex: number | undefined;
  let blankRun = 0;
  const bodyRows: number[] = [];
  // First rows after a header repeated at a page break: labels restated there continue their group.
  const resumeRows = new Set<number>();
  let row = firstDataRow;
  for (; row < view.rowCount; row++) {
    if (view.rowIsBlank(row, header.left, header.right)) {
      blankRun++;
      if (blankRun >= MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    const firstText = view.firstLabel(row)?.text ?? "";
    if (matches(ROW_LABELS.tableEnd, firstText)) {
      // A note typed between indicator rows ("注：以下为效益指标") does not end the table.
      if (matches(ROW_LABELS.note, firstText) && scoresFollow(view, row, scoreColGuess)) continue;
      break;
    }
    // A row with a number in the score column is data, never a header (the cheap test first).
    const scored = readNumber(view.shown(row, scoreColGuess)).kind === "number";
    const again = scored ? null : matchIndicatorHeader(view, row);
    if (again) {
      // A header repeated after a page break continues the same table.
      if (firstCol("score") === again.runs.get("score")?.[0]?.[0]) {
        row += again.height - 1;
        resumeRows.add(row + 1);
        continue;
      }
      break;
    }
    if (!scored && isOtherHeader(row)) break;
    // 合计（100分）: the label without its declared weight.
    if (view.someLabel(row, 0, scoreColGuess - 1, isTotalLabel)) {
      totalRowIndex = row;
      bottom = row;
      row++;
      break;
    }
    bodyRows.push(row);
    bottom = row;
  }
  if (bodyRows.length === 0) return null;
  const top = header.row;

  // Resolve columns.
  const levelRoles: IndicatorRole[] = ["level1", "level2", "level3"];
  const levels: number[] = [];
  for (const role of levelRoles) {
    const runs = header.runs.get(role);
    if (!runs) continue;
    levels.push(pickDataColumn(view, runs[0], firstDataRow, bottom, "text"));
  }
  const weightRuns = header.runs.get("weight") ?? [];
  const scoreCol = header.runs.get("score")![header.runs.get("score")!.length - 1][0];
  // Weights sit left of the score; a 分值 / 权重 column right of it, when there is one on the left,
  // is a helper column somebody added, not another level.
  const allWeightCols = weightRuns.map((run) => run[0]).sort((a, b) => a - b);
  const weightCols = allWeightCols.some((c) => c < scoreCol) ? allWeightCols.filter((c) => c < scoreCol) : allWeightCols;
  const single = (role: IndicatorRole) => {
    const runs = header.runs.get(role);
    return runs ? pickDataColumn(view, runs[0], firstDataRow, bottom, "master") : undefined;
  };
  const target = single("target");
  const actual = single("actual");
  // Weights declared only in the indicators' own labels (相关性（5分）), with no weight column.
  const leafLabelCol = levels[levels.length - 1];
  const labelled = weightCols.length === 0 && leafLabelCol !== undefined ? bodyRows.filter((r) => declaredWeight(view.ownLabel(r, leafLabelCol)) !== undefined) : [];
  const weightsInLabels = labelled.length > 0 && labelled.length * 2 >= bodyRows.filter((r) => filledAt(view, r, scoreCol)).length;
  const hierarchical =
    weightCols.length >= 2 ||
    ((weightCols.length === 1 || weightsInLabels) && target === undefined && actual === undefined && (weightCols.length === 1 || levels.length >= 2));
  const levelWeights: (number | undefined)[] = levels.map(() => undefined);
  let leafWeight: number | undefined;
  if (weightCols.length >= 2) {
    for (const wc of weightCols) {
      let owner = -1;
      for (let i = 0; i < levels.length; i++) if (levels[i] < wc) owner = i;
      if (owner >= 0 && owner < levels.length - 1) levelWeights[owner] = wc;
      else leafWeight = wc;
    }
    if (leafWeight === undefined) leafWeight = weightCols[weightCols.length - 1];
  } else if (weightCols.length === 1) {
    leafWeight = weightCols[0];
  }
  const reasons = (header.runs.get("reason") ?? []).map((run) => run[0]);

  // A label-less total row ("100 | 98" with the 合计 label lost): the last body row with numbers
  // in the weight and score columns and no names at all.
  if (totalRowIndex === undefined && bodyRows.length > 1) {
    const last = bodyRows[bodyRows.length - 1];
    const named = levels.some((c) => view.ownLabel(last, c) !== "") ||
      (target !== undefined && view.ownLabel(last, target) !== "") ||
      (actual !== undefined && view.ownLabel(last, actual) !== "");
    if (!named && numericAt(view, last, scoreCol) !== undefined && numericAt(view, last, leafWeight) !== undefined) {
      totalRowIndex = last;
      bodyRows.pop();
    }
  }

  // Items: body rows with a weight or a score.
  const leafCol = levels[levels.length - 1];
  const carried: string[][] = [];
  const last: string[] = levels.map(() => "");
  const items: IndicatorItem[] = [];
  const subtotals: { row: number; itemRows: number[] }[] = [];
  let sinceSubtotal: number[] = [];
  for (const r of bodyRows) {
    const path = levels.map((c, i) => {
      const t = view.label(r, c);
      if (t !== "") last[i] = t;
      return i === levels.length - 1 ? t : last[i];
    });
    carried.push(path);
    // A section's 小计 row sums indicators; it is not one.
    if (levels.some((c) => matches(ROW_LABELS.subtotal, view.label(r, c)))) {
      if (sinceSubtotal.length && filledAt(view, r, scoreCol)) subtotals.push({ row: r, itemRows: sinceSubtotal });
      sinceSubtotal = [];
      continue;
    }
    const hasWeight = filledAt(view, r, leafWeight);
    const hasScore = filledAt(view, r, scoreCol);
    if (!hasWeight && !hasScore) continue;
    const name = leafCol !== undefined ? view.label(r, leafCol) : "";
    const rowTexts = levels.map((c) => view.label(r, c));
    const inLabel = weightsInLabels ? declaredWeight(view.ownLabel(r, leafCol)) : undefined;
    items.push({
      row: r,
      name: name || path.filter((p) => p !== "").pop() || "",
      path: path.slice(0, -1),
      weightCol: leafWeight,
      labelWeight: inLabel !== undefined ? { value: inLabel, at: view.master(r, leafCol) } : undefined,
      scoreCol,
      isDeduction: rowTexts.some((t) => matches(ROW_LABELS.deduction, t)),
    });
    sinceSubtotal.push(r);
  }
  if (items.length === 0) return null;

  // Declared block weight 绩效指标（90分）: in the header rows or the columns left of the first level.
  let declaredBlockWeight: { value: number; at: Ref } | undefined;
  const firstLevelCol = levels[0] ?? header.left;
  search: for (let r = Math.max(0, top - 1); r <= bottom; r++) {
    for (let c = 0; c <= Math.max(firstLevelCol, header.left); c++) {
      if (view.isContinuation(r, c)) continue;
      const t = view.label(r, c);
      if (matches(INDICATOR_BLOCK_LABEL, t) && !matches(ROW_LABELS.placeholder, t)) {
        const w = declaredWeight(t);
        if (w !== undefined) {
          declaredBlockWeight = { value: w, at: { row: r, col: c } };
          break search;
        }
      }
    }
  }

  const groups = levels.length > 1 ? buildGroups(view, 0, levels, levelWeights, bodyRows, items, resumeRows) : [];

  let totalRow: IndicatorTable["totalRow"];
  if (totalRowIndex !== undefined) totalRow = readTotalRow(view, totalRowIndex, [...levelWeights.filter((c): c is number => c !== undefined), ...(leafWeight !== undefined ? [leafWeight] : [])], scoreCol);

  const totalCols = totalRow ? [...totalRow.weights.map((w) => w.col), ...(totalRow.score ? [totalRow.score.col] : [])] : [];
  const allCols = [header.left, header.right, scoreCol, ...levels, ...weightCols, ...reasons, ...totalCols].filter((c) => c !== undefined);
  const table: IndicatorTable = {
    kind: "indicators",
    headerRow: header.row,
    headerHeight: header.height,
    bounds: {
      top: declaredBlockWeight ? Math.min(top, declaredBlockWeight.at.row) : top,
      left: Math.min(...allCols, declaredBlockWeight?.at.col ?? Infinity),
      bottom,
      right: Math.max(...allCols),
    },
    hierarchical,
    scoresOnly: leafWeight === undefined && !weightsInLabels,
    cols: {
      levels,
      levelWeights,
      weight: leafWeight,
      score: scoreCol,
      target,
      actual,
      direction: single("direction"),
      unit: single("unit"),
      reasons,
    },
    declaredBlockWeight,
    items,
    groups,
    subtotals,
    totalRow,
  };
  return { table, nextRow: row };
}

/**
 * The total row: weights sit in the weight columns (one per level in hierarchical tables), the
 * score in the score column. Templates that write "总分 | 90 分 | 得分合计 | 100" in other columns
 * are read by their labels: the number after 得分合计 is the score, the one after 总分 the weight.
 */
function readTotalRow(view: SheetView, row: number, weightCols: number[], scoreCol: number): IndicatorTable["totalRow"] {
  // Value cells: numbers, and error values or unreadable entries where a number belongs; not labels.
  const values: Ref[] = [];
  const labels: { col: number; text: string }[] = [];
  for (let c = 0; c < view.colCount; c++) {
    if (view.isContinuation(row, c)) continue;
    const cell = view.cell(row, c);
    const reading = readNumber(cell);
    if (reading.kind === "empty") continue;
    const errorLike = isCellError(cell?.value) || /^#[A-Z0-9/!?.]+$/i.test(view.label(row, c)) || (reading.kind === "unreadable" && !!reading.uncomputed);
    if (reading.kind === "number" || errorLike) values.push({ row, col: c });
    else labels.push({ col: c, text: view.label(row, c) });
  }
  const covers = (ref: Ref, col: number) => ref.col <= col && col <= view.spanRight(row, ref.col);
  // Templates whose total row does not line up with the columns ("总分 | 90 分 | 得分合计 | 100"):
  // the number after 得分合计 is the score, the one after 总分 the weight — where the cells lie.
  const after = (re: RegExp, notFirst = false) => {
    const l = labels.find((x, i) => re.test(x.text) && (!notFirst || i > 0));
    if (!l) return undefined;
    const next = values.find((v) => v.col > l.col);
    return next && !labels.some((x) => x.col > l.col && x.col < next.col) ? next : undefined;
  };
  // (Not the row's own label: "合计得分 | … | 100 | 97.92" lines up with the columns.)
  let score = after(/^(得分合计|自评得分合计|合计得分)$/, true) ?? values.find((v) => covers(v, scoreCol));
  const weights = values.filter((v) => v !== score && weightCols.some((wc) => covers(v, wc)));
  if (!score) {
    const rightmost = values.filter((v) => !weights.includes(v)).pop();
    if (rightmost && weights.every((w) => w.col < rightmost.col)) score = rightmost;
  }
  if (weights.length === 0) {
    const w = after(/^(总分|合计|总计|分值合计)$/);
    if (w && w !== score) weights.push(w);
  }
  return { row, weights, score };
}

/** Group rows level by level. A group starts where its label changes, where a new merged label
 *  starts, or where the same label is written again with its own weight (two groups both called
 *  资金管理, 6 and 7) — except right after a header repeated at a page break, where the same label
 *  and weight written again continue the group. A group's weight may be written on any of its rows. */
function buildGroups(
  view: SheetView,
  level: number,
  levels: number[],
  levelWeights: (number | undefined)[],
  rows: number[],
  items: IndicatorItem[],
  resumeRows: ReadonlySet<number>,
): LevelGroup[] {
  const col = levels[level];
  const weightCol = levelWeights[level];
  const groups: LevelGroup[] = [];
  let current: LevelGroup | undefined;
  for (const r of rows) {
    const own = view.ownLabel(r, col);
    const startsMerge = !view.isContinuation(r, col) && view.spanBottom(r, col) > r;
    const w = numericAt(view, r, weightCol, readWeight);
    const newLabel = own !== "" && (!current || baseLabel(own) !== baseLabel(current.label));
    const restated =
      current !== undefined && resumeRows.has(r) && !newLabel &&
      declaredWeight(own) === declaredWeight(current.label) &&
      (w === undefined || (current.weight !== undefined && Math.abs(current.weight.value - w) <= 1e-9));
    // The same label written again with another weight is another group; with the same weight it is
    // the label and weight repeated on every row of an unmerged table.
    const repeatWithWeight =
      own !== "" && w !== undefined && current?.weight !== undefined && !current.weight.declared && Math.abs(current.weight.value - w) > 1e-9;
    const newMerge = startsMerge && current !== undefined && r > current.top;
    if (!current || (!restated && (newLabel || repeatWithWeight || newMerge))) {
      current = {
        level: level + 1,
        label: own !== "" ? own : current?.label ?? "",
        labelAt: own !== "" ? { row: r, col } : view.master(r, col),
        top: r,
        bottom: r,
        children: [],
        items: [],
      };
      const declared = declaredWeight(current.label);
      if (declared !== undefined && own !== "") current.weight = { value: declared, at: { row: r, col }, declared: true };
      groups.push(current);
    }
    current.bottom = r;
    if (restated) continue;
    if (w !== undefined && (current.weight === undefined || current.weight.declared)) {
      if (current.weight?.declared && Math.abs(current.weight.value - w) > 1e-9) current.labelWeight = { value: current.weight.value, at: current.weight.at };
      current.weight = { value: w, at: { row: r, col: weightCol! }, declared: false };
    } else if (w === undefined && weightCol !== undefined && !view.isContinuation(r, weightCol) && readNumber(view.cell(r, weightCol)).kind === "unreadable") {
      current.unreadableWeight = { row: r, col: weightCol };
    }
  }
  // Rows and items are in row order: hand each group its slice.
  let ri = 0;
  let ii = 0;
  for (const g of groups) {
    while (ri < rows.length && rows[ri] < g.top) ri++;
    let re = ri;
    while (re < rows.length && rows[re] <= g.bottom) re++;
    while (ii < items.length && items[ii].row < g.top) ii++;
    let ie = ii;
    while (ie < items.length && items[ie].row <= g.bottom) ie++;
    g.items = items.slice(ii, ie);
    if (level + 1 < levels.length - 1) g.children = buildGroups(view, level + 1, levels, levelWeights, rows.slice(ri, re), g.items, resumeRows);
    ri = re;
    ii = ie;
  }
  return groups;
}
