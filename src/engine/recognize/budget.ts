/**
 * Amount tables, recognised by their header bands: budget blocks (项目资金 / 预算执行情况 / 部门整体
 * 支出), fund-use tables (项目资金使用情况表), the amount part of department goal tables, and label |
 * value breakdowns in a form's head. Each reader also states the identities its amounts must
 * satisfy (SumIdentity): which rows break down which total, column by column.
 */
import { AmountBreakdowns, Bounds, BudgetBlock, BudgetRow, BudgetRowRole, FundUseTable, GoalBudgetTable, Ref, SumIdentity } from "../model";
import { cellText, readNumber } from "../values";
import { AmountUnit, quoted } from "../format";
import { words } from "../messages";
import { HeaderBand, headerBand, HeaderCell, leafOf, parentOf } from "./headers";
import {
  baseLabel,
  AMOUNT_UNIT,
  BUDGET_BLOCK_LABEL,
  ENUMERATION_LEVELS,
  HEADER_HINT,
  INLINE_GROUP_HEADING,
  BUDGET_COLUMNS,
  BUDGET_PARENT,
  BUDGET_ROWS,
  BUDGET_SUBCOLUMN,
  BudgetRole,
  COLUMN_EXTRAS,
  declaredWeight,
  EXEC_WEIGHT_IN_SCORE_HEADER,
  FUND_COLUMNS,
  FundRole,
  GOAL_COLUMNS,
  matches,
  REFERENCE_COLUMN,
  roleOf,
  ROW_LABELS,
  SELF_EVALUATION_TITLE,
} from "./labels";
import { SheetView } from "./view";

// ── Budget blocks ─────────────────────────────────────────────────────────────────────────────

export interface BudgetHeader {
  band: HeaderBand;
  cols: Partial<Record<BudgetRole, number>>;
  /** Where each role's header label is written (for labels that declare a weight: 执行率（10%）). */
  labels: Partial<Record<BudgetRole, HeaderCell>>;
  adjustedParts: number[];
  executedParts: number[];
  unnamedAmounts: number[];
}

/** The budget role of a header cell, read through its parent (预算数 › 全年预算数, 执行数 › 财政拨款). */
function budgetRoleOf(cell: HeaderCell): { role: BudgetRole } | { part: "adjusted" | "executed" } | undefined {
  const leaf = leafOf(cell);
  const parent = parentOf(cell);
  if (cell.path.some((t) => matches(REFERENCE_COLUMN, t))) return undefined;
  const under = parent === undefined ? undefined : matches(BUDGET_PARENT.budget, baseLabel(parent)) ? "budget" : matches(BUDGET_PARENT.executed, baseLabel(parent)) ? "executed" : undefined;
  if (under) {
    const sub = roleOf(BUDGET_SUBCOLUMN, leaf);
    if (under === "budget") {
      if (sub === "initial" || sub === "adjustment" || sub === "adjusted") return { role: sub };
      if (sub === "total") return { role: "adjusted" };
      if (sub === "part") return { part: "adjusted" };
    } else {
      if (sub === "total") return { role: "executed" };
      if (sub === "part") return { part: "executed" };
    }
  }
  const own = roleOf(BUDGET_COLUMNS, leaf);
  if (own) return { role: own };
  const fromParent = parent !== undefined ? roleOf(BUDGET_COLUMNS, parent) : undefined;
  // A parent names the column only for roles that are not amounts split below it.
  return fromParent === "rate" || fromParent === "weight" || fromParent === "score" || fromParent === "reason" ? { role: fromParent } : undefined;
}

export function matchBudgetHeader(view: SheetView, row: number): BudgetHeader | null {
  if (!view.rowHas(row, HEADER_HINT.budget)) return null;
  const band = headerBand(view, row);
  const cols: BudgetHeader["cols"] = {};
  const labels: BudgetHeader["labels"] = {};
  const adjustedParts: number[] = [];
  const executedParts: number[] = [];
  for (const cell of band.cells) {
    const r = budgetRoleOf(cell);
    if (!r) continue;
    // A caption over the row labels (年度预算数（万元） over 总额 / 其中…) names no amount column.
    if (("part" in r || r.role === "initial" || r.role === "adjustment" || r.role === "adjusted" || r.role === "executed") && holdsLabels(view, cell.from, band.bottom)) continue;
    if ("part" in r) (r.part === "adjusted" ? adjustedParts : executedParts).push(cell.from);
    else if (cols[r.role] === undefined) {
      cols[r.role] = cell.from;
      labels[r.role] = cell;
    }
  }
  // Columns of amounts the vocabulary does not name (可用额度): one may be the budget the rate is of.
  const unnamedAmounts = band.cells
    .filter((c) => !budgetRoleOf(c) && !c.path.some((t) => matches(REFERENCE_COLUMN, t)) && c.from > Math.min(...[cols.initial, cols.adjusted, cols.executed, ...executedParts].filter((x): x is number => x !== undefined)))
    .filter((c) => readNumber(view.cell(band.bottom + 1, c.from)).kind === "number" && !Object.values(cols).includes(c.from))
    .map((c) => c.from);
  const executed = cols.executed !== undefined || executedParts.length > 0;
  const budget = cols.adjusted !== undefined || cols.initial !== undefined || adjustedParts.length > 0;
  if (!executed || !budget) return null;
  // A fund-use header also names 到位 / 预算; it is told apart by 已使用 / 结余.
  if (matchFundHeader(view, row)) return null;
  return { band, cols, labels, adjustedParts, executedParts, unnamedAmounts };
}

/** The column holds row names below the header: its first entry is text that is no number (总额, 其中…). */
function holdsLabels(view: SheetView, col: number, headerBottom: number): boolean {
  for (let r = headerBottom + 1; r <= headerBottom + 3 && r < view.rowCount; r++) {
    if (view.isContinuation(r, col)) continue;
    const reading = readNumber(view.cell(r, col));
    if (reading.kind === "number") return false;
    // Error values and formulas never calculated are unreadable amounts, not names.
    if (reading.kind === "unreadable") return typeof view.cell(r, col)?.value === "string" && !reading.uncomputed && !/^#/.test(reading.text.trim());
  }
  return false;
}

/** A number, or an error value or uncalculated formula where a number belongs (prose is not). */
function holdsAmount(view: SheetView, row: number, col: number): boolean {
  if (view.isContinuation(row, col)) return false;
  const cell = view.cell(row, col);
  const reading = readNumber(cell);
  return reading.kind === "number" || (reading.kind === "unreadable" && (typeof cell?.value !== "string" || reading.uncomputed === true || /^#/.test(reading.text.trim())));
}

function isNumberish(view: SheetView, row: number, col: number | undefined): boolean {
  if (col === undefined || view.isContinuation(row, col)) return false;
  return readNumber(view.cell(row, col)).kind !== "empty";
}

const ENUMERATIONS = ENUMERATION_LEVELS;

function enumerationLevel(label: string): number {
  const i = ENUMERATIONS.findIndex((re) => re.test(label));
  return i + 1;
}

/** Leading white space of a label as typed: how far a row is indented under the one above. */
function indentOf(raw: string): number {
  let n = 0;
  for (const ch of raw) {
    if (ch === " " || ch === "\u00a0") n += 1;
    else if (ch === "\u3000") n += 2;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

interface BudgetRowReading extends BudgetRow {
  indent: number;
  /** 0, or the level of its enumeration mark (一、 1; （一） 2; 1. 3; （1） 4). */
  level: number;
  partsStart: boolean;
  /** The column of the row's own first label. */
  labelCol: number;
  /**
   * The heading of the breakdown the row starts or belongs to (按收入性质分): merged beside the rows
   * (it covers them), in a cell of its own (it goes on below while the rows' labels stand right of
   * it), written in the row's label ("按收入性质分：一般公共预算"), or on a row of its own.
   */
  heading?: { key: string; col: number; merged: boolean };
}

function classifyBudgetRow(label: string): { role: BudgetRowRole; level: number; partsStart: boolean } {
  const level = enumerationLevel(label);
  let text = label.replace(ENUMERATIONS[level - 1] ?? /^$/, "").replace(/[:：]$/, "");
  const partsStart = matches(BUDGET_ROWS.partsStart, text);
  text = text.replace(/^其中[:：]?/, "");
  if (!partsStart && matches(BUDGET_ROWS.basic, text)) return { role: "basic", level, partsStart };
  if (!partsStart && matches(BUDGET_ROWS.project, text)) return { role: "project", level, partsStart };
  if (partsStart || matches(BUDGET_ROWS.part, text)) return { role: "component", level, partsStart };
  if (matches(BUDGET_ROWS.total, baseLabel(text)) || matches(ROW_LABELS.total, text)) return { role: "total", level, partsStart };
  return { role: "item", level, partsStart };
}

const MAX_BLANK_RUN = 6;

/**
 * Which rows break down which. A total's breakdowns: 基本支出 / 项目支出; enumerated rows of the top
 * level (一、二、); the rows of one heading (按收入性质分, 按支出性质分 — each its own breakdown);
 * plain funding sources under it. A row's own breakdown: 其中 rows under it (and the rows
 * continuing them, indented alike or further right), enumerated rows of the next level, or the parts
 * of 基本支出 (人员经费 / 公用经费). Two 其中 groups in a row break down the same total twice. Each
 * breakdown of two or more rows is an identity; a single 其中 row is a part, not a breakdown.
 */
function breakdownsOf(rows: BudgetRowReading[]): { parent: BudgetRowReading; parts: BudgetRowReading[] }[] {
  const rootIndex = rows.findIndex((r) => r.role === "total");
  if (rootIndex < 0) return [];
  const root = rows[rootIndex];
  const out = new Map<string, { parent: BudgetRowReading; parts: BudgetRowReading[] }>();
  const add = (key: string, parent: BudgetRowReading, part: BudgetRowReading) => {
    const b = out.get(key) ?? { parent, parts: [] };
    b.parts.push(part);
    out.set(key, b);
  };
  /** Open 其中 groups, innermost last. */
  const open: { key: string; parent: BudgetRowReading; indent: number; members: Set<BudgetRowReading>; nature: boolean }[] = [];
  /** The last enumerated row of each level. */
  const byLevel = new Map<number, BudgetRowReading>();
  let topLevel = 0;
  let heading: BudgetRowReading["heading"];
  let lastBasic: BudgetRowReading | undefined;
  let previous = root;
  for (const r of rows.slice(rootIndex + 1)) {
    if (r.role === "total") break; // another block's total: not a part of this one
    // A heading's scope: its merge, or (a heading of its own) the rows whose labels stand right of it.
    if (r.heading && r.heading.key !== heading?.key) {
      heading = r.heading;
      open.length = 0;
    } else if (heading && !r.heading && (heading.merged || r.labelCol <= heading.col)) heading = undefined;
    if (r.role === "heading") {
      previous = r;
      continue;
    }
    if (r.partsStart) {
      while (open.length && open[open.length - 1].indent > r.indent) open.pop();
      const sibling = open.length && open[open.length - 1].indent === r.indent && open[open.length - 1].members.has(previous) ? open.pop() : undefined;
      const parent = sibling?.parent ?? previous;
      // 其中：基本支出 opens a breakdown by kind: 项目支出 below it continues it.
      const nature = matches(BUDGET_ROWS.basic, r.label.replace(/^其中[:：]?/, "")) || matches(BUDGET_ROWS.project, r.label.replace(/^其中[:：]?/, ""));
      const group = { key: `parts:${r.row}`, parent, indent: r.indent, members: new Set([r]), nature };
      open.push(group);
      add(group.key, parent, r);
    } else if (r.level > 0 && (r.level === topLevel || topLevel === 0 || !byLevel.has(r.level - 1))) {
      // An enumerated row of the top level is a part of the total (or of its heading's breakdown).
      topLevel ||= r.level;
      open.length = 0;
      for (const l of [...byLevel.keys()]) if (l > r.level) byLevel.delete(l);
      byLevel.set(r.level, r);
      add(heading ? `heading:${heading.key}` : `enumerated:${r.level}`, root, r);
      if (r.role === "basic") lastBasic = r;
    } else if (r.level > 0) {
      // A lower level: a part of the last row of the level above.
      const parent = byLevel.get(r.level - 1)!;
      open.length = 0;
      byLevel.set(r.level, r);
      add(`level:${parent.row}`, parent, r);
    } else if (heading) {
      add(`heading:${heading.key}`, root, r);
    } else if ((r.role === "basic" || r.role === "project") && open.length && open[open.length - 1].nature && r.indent >= open[open.length - 1].indent) {
      const group = open[open.length - 1];
      group.members.add(r);
      add(group.key, group.parent, r);
    } else if (r.role === "basic" || r.role === "project") {
      open.length = 0;
      add("nature", root, r);
      lastBasic = r.role === "basic" ? r : undefined;
    } else {
      while (open.length && open[open.length - 1].indent > r.indent) open.pop();
      const group = open[open.length - 1];
      if (group) {
        group.members.add(r);
        add(group.key, group.parent, r);
      } else if (lastBasic && matches(BUDGET_ROWS.basicPart, r.label)) add(`basic:${lastBasic.row}`, lastBasic, r);
      else if (r.role === "component") add("plain", root, r);
    }
    previous = r;
  }
  return [...out.values()].filter((b) => b.parts.length >= 2);
}

function amountName(header: BudgetHeader, col: number): string {
  const cell = header.band.cells.find((c) => c.from <= col && col <= c.to);
  if (!cell) return "金额";
  const leaf = baseLabel(leafOf(cell));
  const parent = parentOf(cell);
  return parent !== undefined && matches(BUDGET_ROWS.part, leaf) ? `${baseLabel(parent)}（${leaf}）` : leaf || "金额";
}

export function readBudgetBlock(
  view: SheetView,
  header: BudgetHeader,
  isOtherHeader: (row: number) => boolean,
): { table: BudgetBlock; nextRow: number } | null {
  const { band, cols } = header;
  const amountCols = [cols.initial, cols.adjustment, cols.adjusted, cols.executed, ...header.adjustedParts, ...header.executedParts].filter((c): c is number => c !== undefined);
  const firstAmount = Math.min(...amountCols);
  const valueCols = [...amountCols, cols.rate, cols.weight, cols.score].filter((c): c is number => c !== undefined);
  const right = Math.max(...valueCols, cols.reason ?? -1);

  const rows: BudgetRowReading[] = [];
  let blankRun = 0;
  let row = band.bottom + 1;
  let bottom = band.bottom;
  for (; row < view.rowCount; row++) {
    if (view.rowIsBlank(row, 0, right)) {
      blankRun++;
      if (blankRun > MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    if (isOtherHeader(row)) break;
    let raw = "";
    const seen = new Set<number>();
    let firstText: string | undefined;
    // The row's own labels, and those merged down from a row above (项目支出 over 年度资金总额 and
    // 其中：当年财政拨款): context, used only when the row names nothing itself.
    const own: string[] = [];
    const context: string[] = [];
    let heading: BudgetRowReading["heading"];
    let labelCol = 0;
    for (let c = 0; c < firstAmount; c++) {
      const m = view.master(row, c);
      // A label merged down from the header band is the block's caption, not this row's name.
      if (m.row <= band.bottom || seen.has(m.col)) continue;
      seen.add(m.col);
      const t = view.label(row, c);
      if (t === "" || matches(BUDGET_BLOCK_LABEL, t)) continue;
      firstText ??= t;
      // A heading beside the rows of one breakdown (按收入性质分), merged down or in a cell of its own.
      if (matches(BUDGET_ROWS.groupHeading, t) && view.firstLabel(row, view.spanRight(m.row, m.col) + 1, firstAmount - 1)) {
        // Keyed by column and words: a heading repeated on every row (labels not merged) is one heading.
        heading = { key: `${m.col}:${t}`, col: m.col, merged: view.spanBottom(m.row, m.col) > m.row || view.label(row + 1, m.col) === t };
        continue;
      }
      // A heading written with the row's label: 按收入性质分：一般公共预算.
      const inline = INLINE_GROUP_HEADING.exec(t);
      const text = inline ? inline[2] : t;
      if (inline) heading = { key: `${row}:${m.col}`, col: m.col - 1, merged: false };
      const list = m.row === row ? own : context;
      if (list.includes(text)) continue;
      if (m.row === row && own.length === 0) {
        raw = inline ? text : cellText(view.cell(m.row, m.col));
        labelCol = m.col;
      }
      list.push(text);
    }
    const first = firstText ?? "";
    if (matches(ROW_LABELS.tableEnd, first) || matches(BUDGET_ROWS.blockEnd, first)) break;
    const label = (own.length ? own : context).join(" ");
    const amounts = valueCols.some((c) => holdsAmount(view, row, c));
    // A heading on a row of its own (按收入性质分), the rows of its breakdown below.
    if (!amounts && own.length === 1 && matches(BUDGET_ROWS.groupHeading, label)) {
      rows.push({ row, label, role: "heading", indent: labelCol * 100, level: 0, partsStart: false, labelCol, heading: { key: `${row}:${labelCol}`, col: labelCol, merged: false } });
      bottom = row;
      continue;
    }
    const { role, level, partsStart } = classifyBudgetRow(label);
    // A row of prose below the amounts (年度绩效目标 | 实际完成情况 …) is the form's next part.
    if (role === "item" && !amounts) break;
    // A label further right, or typed with leading spaces, is indented under the rows above it.
    rows.push({ row, label, role, indent: labelCol * 100 + indentOf(raw), level, partsStart, labelCol, heading });
    bottom = row;
  }
  if (rows.length === 0) return null;

  const block: BudgetBlock = {
    kind: "budget",
    headerRow: band.top,
    headerBottom: band.bottom,
    bounds: { top: band.top, left: 0, bottom, right },
    cols: { label: firstAmount > 0 ? firstAmount - 1 : firstAmount, ...cols },
    adjustedParts: header.adjustedParts,
    executedParts: header.executedParts,
    unnamedAmounts: header.unnamedAmounts,
    rows: rows.map(({ row, label, role }) => ({ row, label, role })),
    sums: budgetIdentities(view, header, rows, amountCols),
    declaredExecWeight: declaredExecWeight(view, header, bottom, firstAmount),
  };
  return { table: block, nextRow: row };
}

/** The unit an amount label states: 项目资金（万元）, 金额单位：元. */
function amountUnitOf(text: string): AmountUnit | undefined {
  const m = AMOUNT_UNIT.exec(text);
  const unit = m?.[2] ?? m?.[3];
  return unit === "万元" || unit === "元" ? unit : undefined;
}

/** The unit a line above a table states (金额单位：元 / 单位：万元), the nearest within a few rows. */
function sheetUnit(view: SheetView, top: number): AmountUnit | undefined {
  for (let r = top - 1; r >= Math.max(0, top - 8); r--) {
    for (const l of view.rowLabels(r)) {
      const u = /单位/.test(l.text) ? amountUnitOf(l.text) : undefined;
      if (u) return u;
    }
  }
  return undefined;
}

/** The unit of a table's amounts: in its header band, else on a line above it. */
function bandUnit(view: SheetView, band: HeaderBand): AmountUnit | undefined {
  for (const c of band.cells) for (const t of c.path) if (amountUnitOf(t)) return amountUnitOf(t);
  return sheetUnit(view, band.top);
}

function budgetIdentities(view: SheetView, header: BudgetHeader, rows: BudgetRowReading[], amountCols: number[]): SumIdentity[] {
  const { cols } = header;
  const unit = bandUnit(view, header.band);
  const sums: SumIdentity[] = [];
  const at = (row: number, col: number): Ref => view.master(row, col);
  for (const { parent, parts } of breakdownsOf(rows)) {
    const nature = parts.every((p) => p.role === "basic" || p.role === "project");
    for (const col of amountCols) {
      sums.push({
        total: at(parent.row, col),
        parts: parts.map((p) => at(p.row, col)),
        what: words(
          `${quoted(parent.label)}${amountName(header, col)}（${nature ? "基本支出 + 项目支出" : "其中各项之和"}）`,
          `${quoted(amountName(header, col), "en")} of ${quoted(parent.label, "en")} (${nature ? "basic + project spending" : "the sum of its parts"})`,
        ),
        unit,
      });
    }
  }
  for (const r of rows) {
    // 年初预算数 + 预算调整数 = 全年 (department-wide blocks).
    if (cols.adjustment !== undefined && cols.initial !== undefined && cols.adjusted !== undefined) {
      const both = [cols.initial, cols.adjustment].every((c) => readNumber(view.cell(r.row, c)).kind === "number");
      if (both) {
        const name = amountName(header, cols.adjusted);
        sums.push({
          total: at(r.row, cols.adjusted),
          parts: [at(r.row, cols.initial), at(r.row, cols.adjustment)],
          what: words(`${quoted(r.label)}${name}（年初预算数 + 预算调整数）`, `${quoted(name, "en")} of ${quoted(r.label, "en")} (initial budget + adjustment)`),
          unit,
        });
      }
    }
    // An amount with a total column and its parts beside it (执行数 › 合计 | 财政拨款 | 其他资金).
    for (const [total, parts] of [[cols.executed, header.executedParts], [cols.adjusted, header.adjustedParts]] as const) {
      if (total === undefined || parts.length < 2) continue;
      const name = amountName(header, total);
      sums.push({ total: at(r.row, total), parts: parts.map((c) => at(r.row, c)), what: words(`${quoted(r.label)}${name}（各分项之和）`, `${quoted(name, "en")} of ${quoted(r.label, "en")} (the sum of its columns)`), unit });
    }
  }
  return sums;
}

/** The execution weight declared in a label: 执行率（10%）, 预算执行情况（10分）, 得分（10分×执行率）. */
function declaredExecWeight(view: SheetView, header: BudgetHeader, bottom: number, firstAmount: number): BudgetBlock["declaredExecWeight"] {
  const rate = header.labels.rate;
  if (rate) {
    const w = rate.path.map(declaredWeight).find((x) => x !== undefined);
    if (w !== undefined) return { value: w, at: rate.at };
  }
  const score = header.labels.score;
  const inScore = score ? EXEC_WEIGHT_IN_SCORE_HEADER.exec(leafOf(score)) : null;
  if (score && inScore) return { value: Number(inScore[1]), at: score.at };
  // 分值（10分） with the cell below left empty.
  const weight = header.labels.weight;
  const inWeight = weight ? declaredWeight(leafOf(weight)) : undefined;
  if (weight && inWeight !== undefined) return { value: inWeight, at: weight.at };
  for (let r = header.band.top; r <= bottom; r++) {
    for (let c = 0; c < firstAmount; c++) {
      const t = view.label(r, c);
      if (matches(BUDGET_BLOCK_LABEL, t) && declaredWeight(t) !== undefined) return { value: declaredWeight(t)!, at: view.master(r, c) };
    }
  }
  return undefined;
}

/**
 * A budget block standing alone (no indicator table with it) is part of a self-evaluation only when
 * it scores the rate of a 总额 row (分值 / 得分 / 执行率（10分）), or breaks a total into 基本 / 项目
 * under a title that says it is a self-evaluation. Lists of projects or funding sources with 预算数 |
 * 执行数 | 执行率, and a department's 预算执行情况表 (合计 / 基本支出 / 项目支出), are budget reports;
 * one row per project with 分值 | 得分 | 自评等级 is a summary of many evaluations: none is a
 * self-evaluation.
 */
export function isSelfEvaluationBlock(block: BudgetBlock, view: SheetView): boolean {
  const scored = block.cols.score !== undefined || block.cols.weight !== undefined || !!block.declaredExecWeight;
  const breaksDown = block.rows.some((r) => r.role === "basic" || r.role === "project") && titledSelfEvaluation(view, block.headerRow);
  return (scored || breaksDown) && block.rows.some((r) => r.role === "total") && !block.rows.some((r) => r.role === "item");
}

/** A title above the row (within a few rows) that names a self-evaluation (…绩效自评表, 自评报告). */
function titledSelfEvaluation(view: SheetView, row: number): boolean {
  for (let r = row - 1; r >= Math.max(0, row - 6); r--) if (view.rowLabels(r).some((l) => matches(SELF_EVALUATION_TITLE, l.text))) return true;
  return false;
}

// ── Fund-use tables ───────────────────────────────────────────────────────────────────────────

export interface FundHeader {
  band: HeaderBand;
  cols: Partial<Record<FundRole, number>>;
}

export function matchFundHeader(view: SheetView, row: number): FundHeader | null {
  if (!view.rowHas(row, HEADER_HINT.fund)) return null;
  const band = headerBand(view, row);
  const cols: FundHeader["cols"] = {};
  for (const cell of band.cells) {
    const role = roleOf(FUND_COLUMNS, leafOf(cell));
    if (role && cols[role] === undefined) cols[role] = cell.from;
  }
  if (cols.used === undefined || (cols.balance === undefined && cols.carryover === undefined) || cols.arrived === undefined) return null;
  return { band, cols };
}

export function readFundUseTable(view: SheetView, header: FundHeader): { table: FundUseTable; nextRow: number } | null {
  const { band, cols } = header;
  const roleCols = Object.values(cols) as number[];
  const firstValue = Math.min(...roleCols);
  // Every column from the first amount on holds amounts, named or not (累计结余, 累计结转 …), but notes.
  const amountCols = band.cells.filter((c) => c.from >= firstValue && !matches(COLUMN_EXTRAS, leafOf(c))).map((c) => c.from);
  const right = Math.max(...amountCols);
  const itemRows: number[] = [];
  const subtotals: FundUseTable["subtotals"] = [];
  let groupStart = 0;
  let sumRow: number | undefined;
  let row = band.bottom + 1;
  let blankRun = 0;
  let bottom = band.bottom;
  const hasNumbers = (r: number) => amountCols.some((c) => isNumberish(view, r, c));
  for (; row < view.rowCount; row++) {
    if (view.rowIsBlank(row, 0, right)) {
      if (++blankRun > 2) break;
      continue;
    }
    blankRun = 0;
    const labels = view.rowLabels(row, 0, firstValue - 1);
    if (labels.some((l) => matches(ROW_LABELS.total, l.text))) {
      sumRow = row;
      bottom = row;
      continue;
    }
    if (labels.some((l) => matches(ROW_LABELS.subtotal, l.text))) {
      subtotals.push({ row, itemRows: itemRows.slice(groupStart) });
      groupStart = itemRows.length;
      bottom = row;
      continue;
    }
    if (!hasNumbers(row)) {
      // A group heading (一 | 办公经费) is followed by rows with amounts; anything else ends the table.
      if (labels.length > 0 && row + 1 < view.rowCount && hasNumbers(row + 1) && sumRow === undefined) {
        groupStart = itemRows.length;
        continue;
      }
      break;
    }
    itemRows.push(row);
    bottom = row;
  }
  if (itemRows.length === 0) return null;
  const read = {
    kind: "fund-use" as const,
    headerRow: band.top,
    bounds: { top: band.top, left: 0, bottom, right },
    cols: { label: Math.max(0, firstValue - 1), budget: cols.budget, arrived: cols.arrived, used: cols.used, balance: cols.balance, carryover: cols.carryover },
    amountCols,
    itemRows,
    subtotals,
    sumRow,
  };
  return { table: { ...read, sums: fundSums(view, band, read) }, nextRow: row };
}

/** The fund table's identities: each 小计 and the 合计, in every amount column. */
function fundSums(view: SheetView, band: HeaderBand, t: Omit<FundUseTable, "sums">): SumIdentity[] {
  const unit = bandUnit(view, band);
  const sums: SumIdentity[] = [];
  const name = (col: number) => {
    const cell = band.cells.find((c) => c.from <= col && col <= c.to);
    return (cell && baseLabel(leafOf(cell))) || "金额";
  };
  // 合计 sums the 小计 rows when they cover every item (so that a wrong 小计 is reported once, on itself).
  const covered = t.subtotals.length > 0 && t.subtotals.reduce((n, s) => n + s.itemRows.length, 0) === t.itemRows.length;
  for (const col of t.amountCols) {
    for (const sub of t.subtotals) {
      sums.push({ total: { row: sub.row, col }, parts: sub.itemRows.map((r) => ({ row: r, col })), what: words(`小计行${name(col)}`, `${quoted(name(col), "en")} of the "小计" row`), unit });
    }
    if (t.sumRow !== undefined) {
      const parts = covered ? t.subtotals.map((s) => s.row) : t.itemRows;
      sums.push({ total: { row: t.sumRow, col }, parts: parts.map((r) => ({ row: r, col })), what: words(`合计行${name(col)}`, `${quoted(name(col), "en")} of the "合计" row`), unit });
    }
  }
  return sums;
}

// ── Goal tables (部门整体支出绩效目标自评表) ───────────────────────────────────────────────────

/** 预算金额（万元）| 实际执行（万元）over 总额 | 财政拨款 | 其他资金 (two header rows). */
export function matchGoalBudgetHeader(view: SheetView, row: number): { planned: number; actual: number } | null {
  if (row + 1 >= view.rowCount || !view.rowHas(row, HEADER_HINT.goal)) return null;
  let planned: number | undefined;
  let actual: number | undefined;
  for (const { col, text } of view.rowLabels(row)) {
    const base = baseLabel(text);
    if (planned === undefined && matches(GOAL_COLUMNS.planned, base)) planned = col;
    else if (actual === undefined && matches(GOAL_COLUMNS.actual, base)) actual = col;
  }
  if (planned === undefined || actual === undefined || actual <= planned) return null;
  const totals = view.rowLabels(row + 1).filter((l) => matches(GOAL_COLUMNS.total, l.text));
  if (totals.length < 2) return null;
  return { planned, actual };
}

export function readGoalBudget(
  view: SheetView,
  headerRow: number,
  at: { planned: number; actual: number },
): { table: GoalBudgetTable; nextRow: number } | null {
  const sub = view.rowLabels(headerRow + 1);
  const topLabels = view.rowLabels(headerRow).map((l) => l.col);
  const groupEnd = (start: number) => {
    const next = topLabels.find((c) => c > start);
    const spanned = view.spanRight(headerRow, start);
    return Math.max(spanned, next !== undefined ? next - 1 : sub[sub.length - 1]?.col ?? start);
  };
  const groups: GoalBudgetTable["groups"] = [];
  for (const [name, start] of [["planned", at.planned], ["actual", at.actual]] as const) {
    const end = name === "planned" ? Math.min(groupEnd(start), at.actual - 1) : groupEnd(start);
    const cols = sub.filter((l) => l.col >= start && l.col <= end);
    const total = cols.find((l) => matches(GOAL_COLUMNS.total, l.text))?.col;
    groups.push({ name, total, parts: cols.filter((l) => l.col !== total).map((l) => l.col) });
  }
  const valueCols = groups.flatMap((g) => [...(g.total !== undefined ? [g.total] : []), ...g.parts]);
  const right = Math.max(...valueCols);
  const itemRows: number[] = [];
  let sumRow: number | undefined;
  let bottom = headerRow + 1;
  let row = headerRow + 2;
  for (; row < view.rowCount; row++) {
    if (view.rowIsBlank(row, 0, right)) break;
    const labels = view.rowLabels(row, 0, at.planned - 1);
    // Prose in the amount columns (the goals and indicators below) is no task row.
    const hasNumbers = valueCols.some((c) => holdsAmount(view, row, c));
    if (labels.some((l) => matches(ROW_LABELS.total, l.text) || /^金额合计$/.test(l.text))) {
      sumRow = row;
      bottom = row;
      // 金额合计 may come first, above the task rows; after them it ends the table.
      if (itemRows.length === 0) continue;
      row++;
      break;
    }
    if (!hasNumbers) break;
    itemRows.push(row);
    bottom = row;
  }
  if (itemRows.length === 0) return null;
  const labelCol = Math.max(0, at.planned - 1);
  const table = { kind: "goal-budget" as const, headerRow, bounds: { top: headerRow, left: 0, bottom, right }, groups, itemRows, sumRow, labelCol };
  return { table: { ...table, sums: goalSums(view, table) }, nextRow: row };
}

/** Each group's 总额 = 财政拨款 + 其他资金 on every row; 金额合计 is the column sum. */
function goalSums(view: SheetView, t: Omit<GoalBudgetTable, "sums">): SumIdentity[] {
  const unit = view.rowLabels(t.headerRow).map((l) => amountUnitOf(l.text)).find((u) => u) ?? sheetUnit(view, t.headerRow);
  const sums: SumIdentity[] = [];
  const rowName = (row: number) => {
    for (let c = t.labelCol; c >= 0; c--) {
      const text = view.label(row, c);
      if (text !== "" && !/^\d+$/.test(text)) return `“${text}”`;
    }
    return `第 ${row + 1} 行`;
  };
  for (const g of t.groups) {
    const groupName = g.name === "planned" ? "预算金额" : "实际执行";
    if (g.total !== undefined && g.parts.length > 0) {
      for (const row of [...t.itemRows, ...(t.sumRow !== undefined ? [t.sumRow] : [])]) {
        sums.push({ total: { row, col: g.total }, parts: g.parts.map((col) => ({ row, col })), what: words(`${rowName(row)}${groupName}总额`, `"${groupName}总额" of ${rowName(row)}`), unit });
      }
    }
    if (t.sumRow === undefined) continue;
    for (const col of [...(g.total !== undefined ? [g.total] : []), ...g.parts]) {
      const columnName = `${groupName}${view.label(t.headerRow + 1, col).replace(/[(（].*$/, "")}`;
      sums.push({ total: { row: t.sumRow, col }, parts: t.itemRows.map((row) => ({ row, col })), what: words(`金额合计（${columnName}）`, `"金额合计" (${quoted(columnName, "en")})`), unit });
    }
  }
  return sums;
}

// ── Label | value breakdowns ──────────────────────────────────────────────────────────────────

/** The first number right of a label (within a few cells): the value the label names. */
function valueRightOfLabel(view: SheetView, row: number, col: number): Ref | undefined {
  const start = view.spanRight(row, col) + 1;
  for (let c = start; c < Math.min(view.colCount, start + 3); c++) {
    if (view.isContinuation(row, c)) continue;
    const cell = view.cell(row, c);
    const r = readNumber(cell);
    if (r.kind === "number") return { row, col: c };
    if (cellText(cell).trim() !== "" && r.kind === "unreadable") return undefined;
  }
  return undefined;
}

/**
 * Amounts written as label | value pairs with their 其中 rows below, in the same columns
 * (计划投资额（万元）| 570 over 其中：中央财政 | 0, 省财政 | 570 …), outside any recognised table.
 */
export function findAmountBreakdowns(view: SheetView, taken: readonly Bounds[]): AmountBreakdowns | undefined {
  const inside = (row: number, col: number) => taken.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  const sums: SumIdentity[] = [];
  let bounds: Bounds | undefined;
  for (const row of view.occupiedRows()) {
    // Rows of a table hold its own rows, never a form head's label | value pairs (and a long
    // table's rows are not worth a label list each).
    if (row === 0 || taken.some((b) => row >= b.top && row <= b.bottom)) continue;
    for (const { col, text } of view.rowLabels(row)) {
      if (!matches(BUDGET_ROWS.partsStart, text) || inside(row, col)) continue;
      const first = valueRightOfLabel(view, row, col);
      const parentLabel = view.master(row - 1, col);
      const parentText = view.label(parentLabel.row, parentLabel.col);
      const total = parentText !== "" ? valueRightOfLabel(view, parentLabel.row, parentLabel.col) : undefined;
      if (!first || !total || total.col !== first.col) continue;
      const parts: Ref[] = [first];
      for (let r = row + 1; r < view.rowCount; r++) {
        const t = view.label(r, col);
        if (t === "" || view.isContinuation(r, col) || matches(BUDGET_ROWS.partsStart, t)) break;
        const v = valueRightOfLabel(view, r, col);
        const shownThere = view.cell(r, first.col);
        if (!v && cellText(shownThere).trim() === "") break;
        parts.push(v ?? { row: r, col: first.col });
      }
      if (parts.length < 2) continue;
      sums.push({ total, parts, what: words(`${quoted(baseLabel(parentText))}（其中各项之和）`, `${quoted(baseLabel(parentText), "en")} (the sum of its parts)`), unit: amountUnitOf(parentText) ?? sheetUnit(view, row) });
      const b = { top: parentLabel.row, left: Math.min(col, parentLabel.col), bottom: parts[parts.length - 1].row, right: first.col };
      bounds = bounds ? { top: Math.min(bounds.top, b.top), left: Math.min(bounds.left, b.left), bottom: Math.max(bounds.bottom, b.bottom), right: Math.max(bounds.right, b.right) } : b;
    }
  }
  return bounds ? { kind: "amount-breakdowns", bounds, sums } : undefined;
}
