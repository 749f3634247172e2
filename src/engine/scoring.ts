/**
 * What an indicator's score should be, from its direction, target, achievement and weight
 * (domain.md §2 "Indicator scores"). Pure arithmetic; the rule module turns it into findings.
 */
import { ARITHMETIC, same, Words } from "./messages";
import { Profile } from "./profiles";
import { DIRECTION_COLUMN_WORDS, DURATION_UNIT, PASS_FAIL_TARGET, RAISED_REVERSE_NAME, REVERSE_INDICATOR_NAME, UNIT_SCALE } from "./recognize/labels";
import {
  Direction,
  normalizeLabel,
  parseQuantity,
  Quantity,
  readDirection,
  readQualitativeOutcome,
  readTextOutcome,
} from "./text";
import { Cell, isCellError } from "./grid";
import { cellText, hasPercentFormat } from "./values";

export const SCORE_TOLERANCE = 0.005;

export function roundHalfUp(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((x + Math.sign(x) * 1e-9) * f) / f;
}

/** The stated score may be e, e to one decimal, e to an integer, or e rounded down. */
export function acceptedRoundings(e: number): number[] {
  return [e, roundHalfUp(e, 1), roundHalfUp(e, 0), Math.floor(e + 1e-9)];
}

export type Judgement =
  | { verdict: "ok" }
  | { verdict: "over" | "under" | "off"; expected: number };

/** Compare a stated score with one or more exact expectations (one per reading). */
/** The national system's qualitative outcomes, as the messages name them. */
const OUTCOME: Record<"achieved" | "mostly" | "partial" | "notAchieved", Words> = {
  achieved: { zh: "达成年度指标", en: "achieved" },
  mostly: { zh: "基本达成年度指标", en: "essentially achieved" },
  partial: { zh: "部分达成年度指标", en: "partly achieved" },
  notAchieved: { zh: "未达成年度指标", en: "not achieved" },
};

export function judgeScore(stated: number, expectations: number[]): Judgement {
  // Called once per indicator: one pass, no spread over intermediate arrays.
  let low = Infinity;
  let high = -Infinity;
  for (const e of expectations) {
    for (const a of acceptedRoundings(e)) {
      if (Math.abs(a - stated) <= SCORE_TOLERANCE + 1e-9) return { verdict: "ok" };
      if (a < low) low = a;
      if (a > high) high = a;
    }
  }
  const nearest = expectations.reduce((best, e) => (Math.abs(e - stated) < Math.abs(best - stated) ? e : best), expectations[0]);
  if (stated > high) return { verdict: "over", expected: nearest };
  if (stated < low) return { verdict: "under", expected: nearest };
  return { verdict: "off", expected: nearest };
}

/** An achievement as read from the 完成值 cell. */
export type Achievement =
  | { kind: "quantity"; value: number; percent: boolean; bound?: Direction; fromText: boolean; /** unit written after it */ unit: string }
  | { kind: "met" }
  | { kind: "notMet" }
  | { kind: "partial" }
  | { kind: "qualitative"; outcome: "achieved" | "partial" | "notAchieved" | "mostly" }
  | { kind: "words"; text: string }
  | { kind: "empty" }
  | { kind: "unreadable" };

export function readAchievement(cell: Cell | undefined): Achievement {
  if (!cell || cell.value === null || cell.value === undefined) return { kind: "empty" };
  const v = cell.value;
  if (isCellError(v)) return { kind: "unreadable" };
  if (typeof v === "number") return { kind: "quantity", value: v, percent: hasPercentFormat(cell), fromText: false, unit: "" };
  const text = cellText(cell);
  const t = normalizeLabel(text);
  if (t === "" || /^[/—\-－]+$/.test(t)) return { kind: "empty" };
  const qual = readQualitativeOutcome(t);
  if (qual) return { kind: "qualitative", outcome: qual };
  const outcome = readTextOutcome(t);
  if (outcome === "met") return { kind: "met" };
  if (outcome === "partial") return { kind: "partial" };
  const q = parseQuantity(t);
  if (q) return { kind: "quantity", value: q.value, percent: q.percent, bound: q.direction, fromText: true, unit: q.unit };
  if (outcome === "notMet") {
    // 未完成（完成80%）: a ratio in the words counts.
    const ratio = /(\d+(?:\.\d+)?)%/.exec(t);
    if (ratio) return { kind: "quantity", value: Number(ratio[1]) / 100, percent: true, fromText: true, unit: "" };
    return { kind: "notMet" };
  }
  return { kind: "words", text: t };
}

export interface IndicatorInputs {
  weight: number;
  /** Text of the 指标性质 column, when the table has one. */
  directionText?: string;
  targetCell?: Cell;
  /** Text of the 度量单位 column (Sichuan: "%" makes a bare target a percentage). */
  unitText?: string;
  actualCell?: Cell;
  /** The indicator's name and its level labels (成本指标 …), for a target written without a direction. */
  names?: string[];
}

/** One way of reading the achievement, with the score it gives and how to write that as a formula. */
export interface Reading {
  expected: number;
  /** How the expectation arises, for the message: "30 × 80%". */
  arithmetic: Words;
  /** Formula body with placeholders {w} {a} {t} for the weight, achieved and target cells. */
  formula?: string;
  /** The achieved and target values the formula uses (cells are referenced when they hold exactly these). */
  values: { a?: number; t?: number };
}

export type Expectation =
  | { kind: "readings"; readings: Reading[]; qualitative: boolean; overAchievement?: number }
  | { kind: "band"; low: number; high: number; outcome: Words }
  | { kind: "none"; reason: "no-achievement" | "not-computable" };

const fmt = (x: number) => String(roundHalfUp(x, 4));
const pct = (x: number) => `${roundHalfUp(x * 100, 2)}%`;

function targetOf(inputs: IndicatorInputs): (Quantity & { fromCell: boolean }) | null {
  const cell = inputs.targetCell;
  if (!cell || cell.value === null || cell.value === undefined) return null;
  const unitIsPercent = !!inputs.unitText && /^(%|百分比|百分率)$/.test(normalizeLabel(inputs.unitText));
  if (typeof cell.value === "number") {
    const percent = hasPercentFormat(cell);
    if (unitIsPercent && !percent) return { value: cell.value / 100, percent: true, unit: "%", fromCell: true };
    return { value: cell.value, percent, unit: inputs.unitText ? normalizeLabel(inputs.unitText) : "", fromCell: true };
  }
  const q = parseQuantity(cellText(cell));
  if (!q) return null;
  if (unitIsPercent && !q.percent) return { ...q, value: q.value / 100, percent: true, fromCell: false };
  return { ...q, fromCell: false };
}

function directionOf(inputs: IndicatorInputs, target: Quantity | null): Direction | "qualitative" | "either" | undefined {
  if (inputs.directionText !== undefined) {
    const t = normalizeLabel(inputs.directionText);
    if (DIRECTION_COLUMN_WORDS.qualitative.test(t)) return "qualitative";
    const d = readDirection(t);
    if (d) return d.direction;
    if (DIRECTION_COLUMN_WORDS.up.test(t)) return "≥";
    if (DIRECTION_COLUMN_WORDS.down.test(t)) return "≤";
  }
  if (target?.direction) return target.direction;
  // A target written without ≥ / ≤ ("1000人", "95%") is an amount to reach, except for what is
  // to be kept down: costs, complaints, errors.
  if (target && (inputs.names ?? []).some((n) => REVERSE_INDICATOR_NAME.test(n))) return (inputs.names ?? []).some((n) => RAISED_REVERSE_NAME.test(n)) ? "either" : "≤";
  // A duration without a direction may be a time limit or a length to reach.
  if (target && DURATION_UNIT.test(target.unit)) return "either";
  return target ? "≥" : undefined;
}

/**
 * The achieved value in the target's unit: the same unit, no unit on one side, or one quantity at
 * another scale (万元 / 元, 公里 / 米, 小时 / 分钟). Undefined when the units name different
 * quantities: the two cannot be compared, and nothing is judged.
 */
function inTargetUnit(value: number, unit: string, targetUnit: string): number | undefined {
  const a = unit.replace(/(以上|以下|以内|内|左右)$/, "");
  const t = targetUnit.replace(/(以上|以下|以内|内|左右)$/, "");
  if (a === "" || t === "" || a === t) return value;
  const sa = UNIT_SCALE[a];
  const st = UNIT_SCALE[t];
  if (sa && st && sa[0] === st[0]) return (value * sa[1]) / st[1];
  // 万人 / 人, 万亩 / 亩 …: a 万 in front of the same unit.
  if (a === `万${t}`) return value * 1e4;
  if (t === `万${a}`) return value / 1e4;
  return undefined;
}


/** Score by the value reading: achieved a against target t in the given direction. */
function valueReading(w: number, a: number, t: number, dir: Direction, profile: Profile): Reading[] {
  const achieved = Math.max(0, a);
  const values = { a, t };
  if (dir === "≥" || dir === ">" || dir === "=") {
    if (t <= 0) {
      if (dir === "=") {
        const e = achieved <= 0 ? w : 0;
        return [{ expected: e, arithmetic: achieved <= 0 ? ARITHMETIC.zeroTargetMet(w) : ARITHMETIC.zeroTargetMissed(fmt(achieved)), formula: "IF({a}<=0,{w},0)", values }];
      }
      return [{ expected: w, arithmetic: ARITHMETIC.nonPositiveTarget(w), formula: "{w}", values: {} }];
    }
    const e = w * Math.min(1, achieved / t);
    return [{ expected: e, arithmetic: achieved >= t ? ARITHMETIC.met(w) : same(`${fmt(w)} × ${fmt(achieved)} ÷ ${fmt(t)}`), formula: "{w}*MIN(1,MAX(0,{a})/{t})", values }];
  }
  // Reverse indicators (≤ / <): cost, complaint rate.
  if (t <= 0) {
    const e = achieved <= 0 ? w : 0;
    return [{ expected: e, arithmetic: achieved <= 0 ? ARITHMETIC.met(w) : ARITHMETIC.zeroTargetMissed(fmt(achieved)), formula: "IF({a}<=0,{w},0)", values }];
  }
  if (achieved <= t) return [{ expected: w, arithmetic: ARITHMETIC.met(w), formula: "{w}", values: {} }];
  const out: Reading[] = [];
  if (profile.reverseRule !== "ratio") {
    out.push({ expected: w * Math.max(0, 1 - (achieved - t) / t), arithmetic: same(`${fmt(w)} × (1 − (${fmt(achieved)} − ${fmt(t)}) ÷ ${fmt(t)})`), formula: "IF({a}<={t},{w},{w}*MAX(0,1-({a}-{t})/{t}))", values });
  }
  if (profile.reverseRule !== "linear") {
    out.push({ expected: w * (t / achieved), arithmetic: same(`${fmt(w)} × ${fmt(t)} ÷ ${fmt(achieved)}`), formula: "IF({a}<={t},{w},{w}*{t}/{a})", values });
  }
  return out;
}

function isPassFailTarget(inputs: IndicatorInputs): boolean {
  return !!inputs.targetCell && PASS_FAIL_TARGET.test(normalizeLabel(cellText(inputs.targetCell)));
}

/**
 * The expected score(s) of one indicator. Several readings are returned where the sheet is
 * ambiguous (完成值 as completion ratio or as achieved value; the two reverse rules).
 */
export function expectScore(inputs: IndicatorInputs, profile: Profile): Expectation {
  const w = inputs.weight;
  const target = targetOf(inputs);
  const dir = directionOf(inputs, target);
  const achievement = readAchievement(inputs.actualCell);
  const qualitative = dir === "qualitative" || !target;
  const bands = profile.qualitativeBands;
  const bandOf = (o: "achieved" | "partial" | "notAchieved" | "mostly"): Expectation => {
    if (o === "achieved") return { kind: "band", low: bands.achieved * w, high: w, outcome: OUTCOME.achieved };
    if (o === "mostly") return { kind: "band", low: bands.partial * w, high: w, outcome: OUTCOME.mostly };
    if (o === "partial") return { kind: "band", low: bands.partial * w, high: bands.achieved * w, outcome: OUTCOME.partial };
    return { kind: "band", low: 0, high: bands.partial * w, outcome: OUTCOME.notAchieved };
  };

  switch (achievement.kind) {
    case "empty":
      return { kind: "none", reason: "no-achievement" };
    case "unreadable":
      return { kind: "none", reason: "not-computable" };
    case "qualitative":
      return bandOf(achievement.outcome);
    case "met":
      if (qualitative) return bandOf("achieved");
      return { kind: "readings", qualitative: false, readings: [{ expected: w, arithmetic: ARITHMETIC.done(w), formula: "{w}", values: {} }] };
    case "notMet":
      // 未完成 is 0 (domain.md), but a 定性 indicator's 未达成 keeps its band. A deadline or a yes is no 定性 target.
      if (qualitative && (dir === "qualitative" || !isPassFailTarget(inputs))) return bandOf("notAchieved");
      return { kind: "readings", qualitative: false, readings: [{ expected: 0, arithmetic: ARITHMETIC.notDone, formula: "0", values: {} }] };
    case "partial":
      return qualitative ? bandOf("partial") : { kind: "none", reason: "not-computable" };
    case "words": {
      // A qualitative target met word for word (目标 好 / 实际 好).
      const targetText = inputs.targetCell ? normalizeLabel(cellText(inputs.targetCell)) : "";
      if (qualitative && targetText !== "" && achievement.text === targetText) return bandOf("achieved");
      return { kind: "none", reason: "not-computable" };
    }
    case "quantity":
      break;
  }

  const a = achievement;
  if (qualitative) {
    // A percentage in 完成值 of a qualitative indicator is its degree of achievement.
    if (!a.percent) return { kind: "none", reason: "not-computable" };
    const p = Math.max(0, a.value);
    return {
      kind: "readings",
      qualitative: true,
      readings: [{ expected: w * Math.min(1, p), arithmetic: same(`${fmt(w)} × ${pct(p)}`), formula: "{w}*MIN(1,MAX(0,{a}))", values: { a: p } }],
    };
  }

  const t = target!;
  // Both directions where the sheet leaves it open (a duration without ≥ / ≤).
  const directions: Direction[] = dir === "either" ? ["≥", "≤"] : [dir as Direction];
  const direction = directions[0];
  const readings: Reading[] = [];
  let overAchievement: number | undefined;
  // A bound written with the achievement ("＞450人" against "≥450") settles whether it was met.
  if (a.bound && a.fromText) {
    const metUp = (direction === "≥" || direction === ">" || direction === "=") && (a.bound === ">" || a.bound === "≥") && a.value >= t.value;
    const metDown = (direction === "≤" || direction === "<") && (a.bound === "<" || a.bound === "≤") && a.value <= t.value;
    if (metUp || metDown) return { kind: "readings", qualitative: false, readings: [{ expected: w, arithmetic: ARITHMETIC.met(w), formula: "{w}", values: {} }] };
  }
  if (a.percent) {
    // Completion ratio: 完成值 100% means the target was met in full.
    const p = Math.max(0, a.value);
    readings.push({ expected: w * Math.min(1, p), arithmetic: p >= 1 ? ARITHMETIC.completion(pct(p), w) : same(`${fmt(w)} × ${pct(p)}`), formula: "{w}*MIN(1,MAX(0,{a}))", values: { a: p } });
    if (t.percent) for (const d of directions) readings.push(...valueReading(w, p, t.value, d, profile));
  } else {
    // A bare number against a percentage target is percentage points.
    const points = t.percent && (!a.fromText || a.unit === "") && Math.abs(a.value) > 1.5 ? a.value / 100 : a.value;
    const value = a.fromText ? inTargetUnit(points, a.unit, t.unit) : points;
    if (value === undefined) return { kind: "none", reason: "not-computable" };
    for (const d of directions) readings.push(...valueReading(w, value, t.value, d, profile));
    if ((direction === "≥" || direction === ">") && t.value > 0 && value / t.value >= profile.overAchievementRatio) {
      overAchievement = value / t.value;
    }
  }
  if (a.percent && !t.percent && a.value >= profile.overAchievementRatio) overAchievement = a.value;
  return { kind: "readings", qualitative: false, readings, overAchievement };
}
