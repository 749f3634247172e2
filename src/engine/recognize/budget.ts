/**
 * Budget blocks (项目资金 / 预算执行情况 / 部门年度支出), fund-use tables (项目资金使用情况表) and the
 * amount part of department goal tables, recognised by their header labels.
 */
import { BudgetBlock, BudgetRow, BudgetRowRole, FundUseTable, GoalBudgetTable } from "../model";
import { readNumber } from "../values";
import {
  baseLabel,
  BUDGET_BLOCK_LABEL,
  BUDGET_COMPONENT_ROW,
  BUDGET_HEADERS,
  BUDGET_TOTAL_ROW,
  BudgetRole,
  declaredWeight,
  FUND_HEADERS,
  FundRole,
  GOAL_ACTUAL,
  GOAL_PLANNED,
  GOAL_SUM_ROW,
  GOAL_TOTAL_COL,
  matchRole,
  TABLE_END_LABELS,
  SUBTOTAL_LABEL,
  TOTAL_LABEL,
} from "./labels";
import { SheetView } from "./view";

function roleColumns<R extends string>(view: SheetView, row: number, table: [R, RegExp][]): Map<R, { col: number; text: string }> {
  const out = new Map<R, { col: number; text: string }>();
  for (const { col, text } of view.rowLabels(row)) {
    const role = matchRole(table, text) ?? matchRole(table, baseLabel(text));
    if (role && !out.has(role)) out.set(role, { col, text });
  }
  return out;
}

export function matchBudgetHeader(view: SheetView, row: number): Map<BudgetRole, { col: number; text: string }> | null {
  if (!view.rowHas(row, /执行|支出/)) return null;
  const roles = roleColumns(view, row, BUDGET_HEADERS);
  if (!roles.has("executed") || !(roles.has("adjusted") || roles.has("initial"))) return null;
  // A fund-use header also names 到位/预算; it is told apart by 已使用/结余.
  if (matchFundHeader(view, row)) return null;
  return roles;
}

export function matchFundHeader(view: SheetView, row: number): Map<FundRole, { col: number; text: string }> | null {
  if (!view.rowHas(row, /已使用|结余/)) return null;
  const roles = roleColumns(view, row, FUND_HEADERS);
  if (!roles.has("used") || !(roles.has("balance") || roles.has("carryover")) || !roles.has("arrived")) return null;
  return roles;
}

function isNumberish(view: SheetView, row: number, col: number | undefined): boolean {
  if (col === undefined || view.isContinuation(row, col)) return false;
  return readNumber(view.cell(row, col)).kind !== "empty";
}

function classifyBudgetRow(labels: string[]): { role: BudgetRowRole; parent?: BudgetRow["parent"] } {
  const texts = labels.map((t) => t.replace(/[:：]$/, ""));
  const full = texts.join("");
  const last = texts[texts.length - 1] ?? "";
  const parentOf = (): BudgetRow["parent"] => (/^项目支出/.test(full) ? "project" : /^基本支出/.test(full) ? "basic" : "total");
  if (/^其中/.test(last) || (BUDGET_COMPONENT_ROW.test(last) && !BUDGET_TOTAL_ROW.test(last))) {
    return { role: "component", parent: parentOf() };
  }
  if (/^基本支出/.test(full)) return { role: "basic" };
  if (/^项目支出/.test(full)) return { role: "project" };
  if (BUDGET_TOTAL_ROW.test(baseLabel(last)) || TOTAL_LABEL.test(last)) return { role: "total" };
  return { role: "item" };
}

const MAX_BLANK_RUN = 6;

export function readBudgetBlock(
  view: SheetView,
  headerRow: number,
  roles: Map<BudgetRole, { col: number; text: string }>,
  isOtherHeader: (row: number) => boolean,
): { table: BudgetBlock; nextRow: number } | null {
  const col = (r: BudgetRole) => roles.get(r)?.col;
  const amountCols = (["initial", "adjustment", "adjusted", "executed"] as BudgetRole[])
    .map(col)
    .filter((c): c is number => c !== undefined);
  const firstAmount = Math.min(...amountCols);
  const valueCols = [...amountCols, col("rate"), col("weight"), col("score")].filter((c): c is number => c !== undefined);
  const right = Math.max(...valueCols, col("reason") ?? -1);

  // Row labels live left of the amounts; skip the merged block label (预算执行情况（10分）, 项目资金).
  const labelCols: number[] = [];
  for (let c = 0; c < firstAmount; c++) labelCols.push(c);

  const rows: BudgetRow[] = [];
  let blankRun = 0;
  let row = headerRow + 1;
  let bottom = headerRow;
  for (; row < view.rowCount; row++) {
    if (view.rowIsBlank(row, 0, right)) {
      blankRun++;
      if (blankRun > MAX_BLANK_RUN) break;
      continue;
    }
    blankRun = 0;
    if (isOtherHeader(row)) break;
    const texts: string[] = [];
    for (const c of labelCols) {
      // A label merged down from the header row is the block's caption, not this row's name.
      if (view.master(row, c).row <= headerRow) continue;
      const t = view.label(row, c);
      if (t === "" || BUDGET_BLOCK_LABEL.test(t) || texts.includes(t)) continue;
      // A long description (项目支出明细内容) is not a row label but still belongs to the row.
      texts.push(t);
    }
    const first = texts[0] ?? "";
    if (TABLE_END_LABELS.test(first) || /^(年度总体目标|年度绩效指标|绩效指标|一级指标|项目基本情况|年度主要任务)/.test(first)) break;
    const hasNumbers = valueCols.some((c) => isNumberish(view, row, c));
    const { role, parent } = classifyBudgetRow(texts.length ? texts : [""]);
    if (!hasNumbers && role === "item") break;
    rows.push({ row, label: texts.join(" "), role, parent });
    bottom = row;
  }
  if (rows.length === 0) return null;

  let declaredExecWeight: BudgetBlock["declaredExecWeight"];
  const rateHeader = roles.get("rate");
  const rateDeclared = rateHeader ? declaredWeight(rateHeader.text) : undefined;
  if (rateHeader && rateDeclared !== undefined) {
    declaredExecWeight = { value: rateDeclared, at: { row: headerRow, col: rateHeader.col } };
  } else {
    // 预算执行情况（10分）: the block label, merged over the block's left column.
    for (let r = headerRow; r <= bottom && !declaredExecWeight; r++) {
      for (let c = 0; c < firstAmount; c++) {
        const t = view.label(r, c);
        if (BUDGET_BLOCK_LABEL.test(t) && declaredWeight(t) !== undefined) {
          declaredExecWeight = { value: declaredWeight(t)!, at: view.master(r, c) };
          break;
        }
      }
    }
  }
  const labelCol = labelCols.length ? labelCols[labelCols.length - 1] : firstAmount;
  const block: BudgetBlock = {
    kind: "budget",
    headerRow,
    bounds: { top: headerRow, left: 0, bottom, right },
    cols: {
      label: labelCol,
      initial: col("initial"),
      adjustment: col("adjustment"),
      adjusted: col("adjusted"),
      executed: col("executed"),
      rate: col("rate"),
      weight: col("weight"),
      score: col("score"),
      reason: col("reason"),
    },
    rows,
    declaredExecWeight,
  };
  return { table: block, nextRow: row };
}

export function readFundUseTable(
  view: SheetView,
  headerRow: number,
  roles: Map<FundRole, { col: number; text: string }>,
): { table: FundUseTable; nextRow: number } | null {
  const col = (r: FundRole) => roles.get(r)?.col;
  const valueCols = [...roles.values()].map((v) => v.col);
  const firstValue = Math.min(...valueCols);
  const right = Math.max(...valueCols);
  const itemRows: number[] = [];
  const subtotals: FundUseTable["subtotals"] = [];
  let groupStart = 0;
  let sumRow: number | undefined;
  let row = headerRow + 1;
  let blankRun = 0;
  let bottom = headerRow;
  const hasNumbers = (r: number) => valueCols.some((c) => isNumberish(view, r, c));
  for (; row < view.rowCount; row++) {
    if (view.rowIsBlank(row, 0, right)) {
      if (++blankRun > 2) break;
      continue;
    }
    blankRun = 0;
    const labels = view.rowLabels(row, 0, firstValue - 1);
    if (labels.some((l) => TOTAL_LABEL.test(l.text))) {
      sumRow = row;
      bottom = row;
      continue;
    }
    if (labels.some((l) => SUBTOTAL_LABEL.test(l.text))) {
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
  return {
    table: {
      kind: "fund-use",
      headerRow,
      bounds: { top: headerRow, left: 0, bottom, right },
      cols: {
        label: Math.max(0, firstValue - 1),
        budget: col("budget"),
        arrived: col("arrived"),
        used: col("used"),
        balance: col("balance"),
        carryover: col("carryover"),
      },
      itemRows,
      subtotals,
      sumRow,
    },
    nextRow: row,
  };
}

/** 预算金额（万元）| 实际执行（万元）over 总额 | 财政拨款 | 其他资金 (two header rows). */
export function matchGoalBudgetHeader(view: SheetView, row: number): { planned: number; actual: number } | null {
  if (row + 1 >= view.rowCount || !view.rowHas(row, /^(预算金额|预算数|年度预算)/)) return null;
  let planned: number | undefined;
  let actual: number | undefined;
  for (const { col, text } of view.rowLabels(row)) {
    const base = baseLabel(text);
    if (planned === undefined && GOAL_PLANNED.test(base)) planned = col;
    else if (actual === undefined && GOAL_ACTUAL.test(base)) actual = col;
  }
  if (planned === undefined || actual === undefined || actual <= planned) return null;
  const totals = view.rowLabels(row + 1).filter((l) => GOAL_TOTAL_COL.test(l.text));
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
    const total = cols.find((l) => GOAL_TOTAL_COL.test(l.text))?.col;
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
    const hasNumbers = valueCols.some((c) => isNumberish(view, row, c));
    if (labels.some((l) => GOAL_SUM_ROW.test(l.text))) {
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
  return {
    table: { kind: "goal-budget", headerRow, bounds: { top: headerRow, left: 0, bottom, right }, groups, itemRows, sumRow, labelCol },
    nextRow: row,
  };
}

/**
 * A budget block standing alone (no indicator table with it) is part of a self-evaluation only when
 * it scores the rate of a 总额 row (分值 / 得分 / 执行率（10分）). Lists of projects or funding
 * sources with 预算数 | 执行数 | 执行率 are budget or progress reports, and one row per project with
 * 分值 | 得分 | 自评等级 is a summary of many evaluations: neither is a self-evaluation table.
 */
export function isSelfEvaluationBlock(block: BudgetBlock): boolean {
  const scored = block.cols.score !== undefined || block.cols.weight !== undefined || !!block.declaredExecWeight;
  return scored && block.rows.some((r) => r.role === "total") && !block.rows.some((r) => r.role === "item");
}

