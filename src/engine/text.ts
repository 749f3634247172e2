import { DIRECTION_SUFFIX, DIRECTION_WORDS, DirectionSymbol, OUTCOME_WORDS, QUALITATIVE_OUTCOMES, QUANTITY_LEAD_IN, VALUE_UNITS } from "./recognize/labels";

/**
 * Reading what staff type: full-width digits and symbols, spaces and line breaks inside labels,
 * stray apostrophes, thousands separators, units after numbers.
 */

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const LEADING_QUOTES = /^['’‘`"“”]+/;

/** Text that NFKC leaves as it is: ASCII, CJK ideographs, the common CJK punctuation, ≤ and ≥. */
const NOTHING_TO_FOLD = /^[\p{ASCII}\u4e00-\u9fff\u3001-\u3035\u2264\u2265]*$/u;

/** NFKC folds full-width forms (１００ → 100, （ → (, ％ → %, ＝ → =, ﹦ → =). */
export function fold(text: string): string {
  if (NOTHING_TO_FOLD.test(text)) return text;
  return text
    .normalize("NFKC")
    .replace(/[≧]/g, "≥")
    .replace(/[≦]/g, "≤")
    .replace(/[═]/g, "=")
    .replace(/[−–—－]/g, (ch) => (ch === "−" ? "-" : ch));
}

/** A label reduced for matching: folded, no white space at all, no leading apostrophes. */
export function normalizeLabel(text: string): string {
  const f = fold(text);
  return PLAIN.test(f) ? f : f.replace(WHITESPACE, "").replace(LEADING_QUOTES, "");
}

/** Nothing to strip: no white space anywhere, no quote at the start. */
const PLAIN = /^(?!['’‘`"“”])[^\s\u00a0\u3000\u200b\ufeff]*$/;

/** Display text with runs of white space collapsed (for messages). */
export function tidy(text: string): string {
  return fold(text).replace(WHITESPACE, " ").trim();
}

/** Only "/", "—", "-" and the like: a mark put where nothing was written. */
export function isPlaceholderMark(text: string): boolean {
  return /^[/／\\—–\-－_]+$/.test(normalizeLabel(text));
}

/** Empty, "/", "—", "-" and the like mean "not applicable" (never zero). */
export function isNotApplicable(text: string): boolean {
  const t = normalizeLabel(text);
  return t === "" || isPlaceholderMark(t) || t === "——" || t === "无" || t === "不涉及" || t === "N/A" || t === "n/a";
}

export interface ParsedNumber {
  value: number;
  /** The text carried a percent sign (the value is then a fraction: 97.59% → 0.9759). */
  percent: boolean;
  /** Unit text that followed the number (分, 万元, 元, 个, 平方米 …), "" when none. */
  unit: string;
}

const NUMBER_CORE = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+`;
const PLAIN_NUMBER = new RegExp(`^(${NUMBER_CORE})(%|‰|百分比)?(.*)$`);


/**
 * Parse a cell's text as one number (amount, weight, score, rate).
 * Accepts "１００", "1,234.50", "97.59%", "10 分", "’100". Returns null when the text is not one number.
 */
export function parseNumberText(text: string): ParsedNumber | null {
  const t = normalizeLabel(text);
  if (t === "") return null;
  const m = PLAIN_NUMBER.exec(t);
  if (!m) return null;
  const unit = m[3];
  if (!VALUE_UNITS.test(unit)) return null;
  const value = Number(m[1].replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  if (m[2] === "%" || m[2] === "百分比") return { value: value / 100, percent: true, unit };
  if (m[2] === "‰") return { value: value / 1000, percent: true, unit };
  return { value, percent: false, unit };
}

export type Direction = DirectionSymbol;

/** Read a direction written on its own (指标性质 column) or at the start of a target. */
export function readDirection(text: string): { direction: Direction; rest: string } | null {
  const t = normalizeLabel(text);
  for (const [re, dir] of DIRECTION_WORDS) {
    const m = re.exec(t);
    if (m) return { direction: dir, rest: t.slice(m[0].length) };
  }
  return null;
}

export interface Quantity {
  direction?: Direction;
  value: number;
  percent: boolean;
  unit: string;
}

const QUANTITY = new RegExp(`^(${NUMBER_CORE})(%|‰|百分比)?([^\\d]*)$`);

/**
 * Parse a target or an achieved value such as "≥95%", "≤90万元", "100百分比", "’＝32300平方米",
 * "＞450人", "大于等于3次", "≤1年", "12月". Returns null for text that is not one quantity
 * (qualitative targets, dates with several numbers, prose).
 */
export function parseQuantity(text: string): Quantity | null {
  // Words before the figure say when or what it is, not how much: 全年≥12次, 达80%, 满意度为95%.
  let t = normalizeLabel(text).replace(QUANTITY_LEAD_IN, "");
  if (t === "") return null;
  let direction: Direction | undefined;
  const d = readDirection(t);
  if (d) {
    direction = d.direction;
    t = d.rest;
  }
  // "以上" / "以内" after the number are directions too: "90%以上", "5个工作日以内".
  let suffixDirection: Direction | undefined;
  for (const [re, dir] of DIRECTION_SUFFIX) {
    if (re.test(t)) {
      suffixDirection = dir;
      t = t.replace(re, "");
      break;
    }
  }
  const m = QUANTITY.exec(t);
  if (!m) return null;
  const unit = m[3];
  if (unit.length > 6) return null; // prose after a number is not a unit
  let value = Number(m[1].replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  const percent = m[2] !== undefined;
  if (m[2] === "%" || m[2] === "百分比") value /= 100;
  if (m[2] === "‰") value /= 1000;
  return { direction: direction ?? suffixDirection, value, percent, unit };
}

export type TextOutcome = "met" | "notMet" | "partial";

/** Classify an achievement written in words; null when the words say nothing decisive. */
export function readTextOutcome(text: string): TextOutcome | null {
  const t = normalizeLabel(text).replace(/[。.!！]$/, "");
  if (OUTCOME_WORDS.met.test(t)) return "met";
  if (OUTCOME_WORDS.notMet.test(t)) return "notMet";
  if (OUTCOME_WORDS.partial.test(t)) return "partial";
  return null;
}

export type QualitativeOutcome = "achieved" | "partial" | "notAchieved" | "mostly";

/** The national system's qualitative outcome phrases (达成年度指标 …). */
export function readQualitativeOutcome(text: string): QualitativeOutcome | null {
  const t = normalizeLabel(text);
  if (QUALITATIVE_OUTCOMES.notAchieved.test(t)) return "notAchieved";
  if (QUALITATIVE_OUTCOMES.partial.test(t)) return "partial";
  if (QUALITATIVE_OUTCOMES.mostly.test(t)) return "mostly";
  if (QUALITATIVE_OUTCOMES.achieved.test(t)) return "achieved";
  return null;
}
