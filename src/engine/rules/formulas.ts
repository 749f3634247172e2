/**
 * The live formulas fixes write, built from the sheet's own cells. One place for each expression
 * so that the rate, the execution score, the total and the grade always agree with each other.
 */
import { Amount, ComputedRate, ExecFacts, NumberAt, UnitFacts, value } from "../facts";
import { a1 } from "../grid";
import { BudgetBlock, Ref } from "../model";
import { Profile } from "../profiles";
import { SheetView } from "../recognize/view";
import { hasPercentFormat, NumberForm } from "../values";

export const ref = (at: Ref) => a1(at.row, at.col);

/** Excel's limit on a formula's length, in characters. */
export const MAX_FORMULA = 8192;

/** A number as a formula constant. */
export function constant(x: number): string {
  return String(Math.round(x * 1e10) / 1e10);
}

/** Number format to set when the cell held text: "97.59%" → a %-format, "10 分" → keeps the unit. */
export function numFmtFor(f: NumberForm | undefined, kind: "rate" | "score"): string | undefined {
  if (!f || !f.text) return undefined;
  if (kind === "rate" && f.percentSign) return "0.00%";
  if (kind === "score" && f.unit === "分") return 'General"分"';
  return undefined;
}

/**
 * How a fix formula refers to a cell that holds a number: the reference when the cell holds a
 * number (or is itself being fixed); VALUE(ref) for a plain number stored as text, since arithmetic
 * on text fails in some spreadsheets and SUM skips it in all; the number as read otherwise
 * ("10 分", "1,234.5").
 */
export interface Operands {
  view: SheetView;
  willFix: (at: Ref) => boolean;
}

export function operand(o: Operands, at: Ref, asRead: number): string {
  if (o.willFix(at)) return ref(at);
  const v = o.view.cell(at.row, at.col)?.value;
  if (typeof v === "number" || v === null || v === undefined) return ref(at);
  if (typeof v === "string") return textNumber(ref(at), v, asRead) ?? constant(asRead);
  return constant(asRead);
}

/**
 * A number typed as text, read live: VALUE of the cell with what decorates the number taken out
 * ("9分", "1,413,000.00", "10 分"), so that the formula follows when the cell is edited. Only where
 * that reads the number the check read (full-width digits and the like stay constants); the
 * characters removed enter the formula as escaped literals.
 */
function textNumber(cellRef: string, text: string, asRead: number): string | undefined {
  const m = /^\s*['’‘]?\s*([+-]?[\d,]*\.?\d+)\s*(%?)\s*(分|万元|元|千元|亿元)?\s*$/.exec(text);
  if (!m) return undefined;
  const read = Number(m[1].replace(/,/g, "")) / (m[2] ? 100 : 1);
  if (!Number.isFinite(read) || Math.abs(read - asRead) > 1e-9 * Math.max(1, Math.abs(asRead))) return undefined;
  let expr = cellRef;
  for (const decoration of new Set(text.replace(/[\d.+\-%]/g, "").split(""))) expr = `SUBSTITUTE(${expr},${stringLiteral(decoration)},"")`;
  return `VALUE(${expr})`;
}

/** A weight operand in points: a cell showing 10% holds 0.1. */
export function weightOperand(o: Operands, at: Ref, points: number): string {
  const cell = o.view.cell(at.row, at.col);
  if (!o.willFix(at) && typeof cell?.value === "number" && hasPercentFormat(cell)) return `${ref(at)}*100`;
  return operand(o, at, points);
}

const summable = (o: Operands, at: Ref) => {
  const v = o.view.cell(at.row, at.col)?.value;
  return o.willFix(at) || typeof v === "number" || v === null || v === undefined;
};

/** An amount as a formula operand: its cell, or the sum of its parts in brackets. */
function amountOperand(o: Operands, amount: Amount): string {
  const terms = amount.cells.map((c) => operand(o, c.at, c.value));
  return terms.length === 1 ? terms[0] : `(${terms.join("+")})`;
}

/** 执行数 ÷ 预算数 for a budget row, guarded against an empty or zero budget. */
export function rateExpression(o: Operands, rate: ComputedRate): string {
  const b = amountOperand(o, rate.budget);
  return `IF(${b}<=0,0,${amountOperand(o, rate.executed)}/${b})`;
}

function execWeight(o: Operands, exec: ExecFacts): string {
  return exec.weight!.inCell ? weightOperand(o, exec.weight!.at, exec.weight!.value) : constant(exec.weight!.value);
}

/** The execution score by the profile's rule, from the amounts when the sheet has them. */
export function execScoreExpression(o: Operands, exec: ExecFacts, profile: Profile): string | undefined {
  if (!exec.weight) return undefined;
  let rate: string | undefined;
  if (exec.computed) {
    rate = rateExpression(o, exec.computed);
  } else if (exec.stated && exec.stated.reading.kind === "number") {
    const r = exec.stated.reading;
    rate = r.form.text ? constant(r.value) : exec.stated.points ? `${ref(exec.stated.at)}/100` : ref(exec.stated.at);
  }
  if (!rate) return undefined;
  return `${execWeight(o, exec)}*MIN(${constant(profile.execScore.cap)},MAX(0,${rate}))`;
}

/** Contiguous runs of rows in one column as SUM arguments: "H10:H20,H22". */
function runs(col: number, rows: number[]): string[] {
  // Item rows come in order: sort only when they do not (a sort of 10,000 rows on every total is not free).
  const ascending = rows.every((r, i) => i === 0 || r > rows[i - 1]);
  const sorted = ascending ? rows : [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const r = sorted[i];
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
    start = r;
    prev = r;
  }
  return out;
}

/** Scores added up as they stand: runs of cells (J13:J17), text scores ("10分") through operand. */
export function sumOfScores(o: Operands, scores: NumberAt[]): string {
  const byCol = new Map<number, number[]>();
  const loose: string[] = [];
  for (const s of scores) {
    if (summable(o, s.at)) {
      const list = byCol.get(s.at.col) ?? [];
      list.push(s.at.row);
      byCol.set(s.at.col, list);
    } else if (value(s) !== undefined) loose.push(operand(o, s.at, value(s)!));
  }
  const args = [...[...byCol.entries()].flatMap(([col, rows]) => runs(col, rows)), ...loose];
  return `SUM(${args.join(",")})`;
}

/**
 * The recomputed total as a formula body: the item scores (each capped at its weight), plus the
 * execution score (capped), minus deductions.
 */
export function totalExpression(o: Operands, facts: UnitFacts): string | undefined {
  const items = facts.items.filter((i) => !i.item.isDeduction);
  if (items.length === 0) return undefined;
  let expr = sumOfScores(o, items.map((i) => i.score));
  // Scores above their weight count at the weight, so that the formula is right on its own; when
  // there are so many that the formula would pass Excel's 8,192 characters, the capping fixes of
  // those scores (written with it) do the job.
  let caps = "";
  for (const it of items) {
    const s = value(it.score);
    const w = value(it.weight);
    // Kept even for scores whose own fix caps them: the total may be fixed on its own (修复 on it alone).
    if (s !== undefined && w !== undefined && s > w && it.weight) {
      const so = operand(o, it.score.at, s);
      caps += `-${so}+MIN(${weightOperand(o, it.weight.at, w)},${so})`;
    }
  }
  if (expr.length + caps.length <= MAX_FORMULA / 2) expr += caps;
  const exec = facts.exec;
  if (exec?.score && value(exec.score) !== undefined) {
    const s = value(exec.score)!;
    const so = operand(o, exec.score.at, s);
    expr += exec.weight && s > exec.weight.value ? `+MIN(${execWeight(o, exec)},${so})` : `+${so}`;
  } else if (exec?.score && o.willFix(exec.score.at)) {
    expr += `+${ref(exec.score.at)}`;
  }
  // A deduction counts by its size whether written 2 or -2.
  for (const d of facts.items.filter((i) => i.item.isDeduction)) {
    const s = value(d.score);
    if (s === undefined) continue;
    const w = value(d.weight);
    const so = `ABS(${operand(o, d.score.at, s)})`;
    expr += w !== undefined && d.weight ? `-MIN(ABS(${weightOperand(o, d.weight.at, w)}),${so})` : `-${so}`;
  }
  return expr;
}

/** Excel's limit on one string literal in a formula, in characters. */
const MAX_LITERAL = 255;

/**
 * Text as a formula string: literals of at most Excel's 255 characters, a quote as CHAR(34) (every
 * engine reads that; HyperFormula does not read the doubled quote), joined with &. Sheet text enters
 * a formula only this way, never as code.
 */
export function stringLiteral(text: string): string {
  const pieces: string[] = [];
  text.split('"').forEach((part, i) => {
    if (i > 0) pieces.push("CHAR(34)");
    for (let k = 0; k < part.length; k += MAX_LITERAL) pieces.push(`"${part.slice(k, k + MAX_LITERAL)}"`);
  });
  if (pieces.length === 0) return '""';
  return pieces.length === 1 ? pieces[0] : `(${pieces.join("&")})`;
}

/** IF(ROUND(T,2)>=90,"优",IF(…)) with the profile's bands, in the sheet's grade style. */
export function gradeExpression(total: string, profile: Profile, write: (g: string) => string): string {
  const bands = profile.gradeBands;
  let expr = stringLiteral(write(bands[bands.length - 1].grade));
  for (let i = bands.length - 2; i >= 0; i--) {
    expr = `IF(ROUND(${total},2)>=${bands[i].min},${stringLiteral(write(bands[i].grade))},${expr})`;
  }
  return expr;
}

/** The amount columns of a budget block (with those given only as parts). */
export function budgetCellsOf(block: BudgetBlock): number[] {
  const cols = [block.cols.initial, block.cols.adjustment, block.cols.adjusted, block.cols.executed].filter((c): c is number => c !== undefined);
  return [...cols, ...block.adjustedParts, ...block.executedParts];
}

