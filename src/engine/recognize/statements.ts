/**
 * Where a sheet states its result outside the table: the top 自评得分 field, the grade (text or
 * check boxes), and conclusion sentences ("该项目自评总分100分", "自评等级：优").
 */
import { Grade } from "../profiles";
import { fold } from "../text";
import { cellText } from "../values";
import { FIELD_LABELS, GRADE_WORDS, matches, SENTENCE } from "./labels";
import { Ref, SheetView } from "./view";

/** Marks of a ticked box; R and P are Wingdings 2's ☑ and ✓ when the symbol font is lost. */
const TICKED = "☑✓✔√■▣☒⊠●◉✅☛▶RP";
/** Marks of an empty box; £ is Wingdings 2's ☐. */
const UNTICKED = "□☐○◻▢◯⬜£";

/** The long forms of the grades, for a sheet that writes them so (优秀 / 良好 / 中等 / 较差). */
const LONG_WORDS: Record<Grade, string> = { 优: "优秀", 良: "良好", 中: "中等", 差: "较差" };
const GRADE_WORD = GRADE_WORDS;
/** A grade word with a band note in brackets after it: "良（100-90（含）分为优…）". */
const NOTED_GRADE = new RegExp(`^(${GRADE_WORD.source})\\s*[(（]([^()（）]*)`);
/** A text that opens on a grade word. */
const LEADING_GRADE = new RegExp(`^(${GRADE_WORD.source})`);
/** Another grade listed after one ("…为中、差的项目"). */
const GRADE_LISTED_NEXT = new RegExp(`^[、，,和或及与/]\\s*(${GRADE_WORD.source})`);

/** The grade a short cell names ("□优", "☑良好"): one word with at most a mark or two around it. */
export function gradeOfBox(text: string): Grade | undefined {
  const m = new RegExp(`^.{0,2}(${GRADE_WORD.source}).{0,2}$`).exec(text.trim());
  return m ? toGrade(m[1]) : undefined;
}

function toGrade(word: string): Grade | undefined {
  if (word.startsWith("优")) return "优";
  if (word.startsWith("良")) return "良";
  if (word.startsWith("中")) return "中";
  if (word.endsWith("差")) return "差";
  return undefined;
}

/** Longer than this, a cell is not a grade line (check boxes and a band note fit well within it). */
const MAX_GRADE_TEXT = 200;

/** Exported for the fix: how the sheet writes its check boxes. */
export interface CheckboxStyle {
  ticked: string;
  unticked: string;
  /** The mark comes after the word ("优☑") rather than before ("☑优"). */
  after: boolean;
  /** Grade words in the order written, with the separator text between them. */
  order: Grade[];
  separator: string;
  /** The grade words as written (优秀, 良好 …), kept when the fix rewrites the line. */
  words: Partial<Record<Grade, string>>;
  /** A note written after the boxes ("（≥90分为优）"), kept as well. */
  suffix: string;
  /** A grade written as one word, no boxes (its long form, 优秀, kept). */
  plain?: boolean;
}

/** Read a grade from a cell's text: a single word (优 / 良好 …) or a line of check boxes. */
export function readGradeText(raw: string): { grade: Grade; form: "text" | "checkbox"; style?: CheckboxStyle; annotated?: boolean } | null {
  // A grade, its boxes and a band note fit in a short cell; a long text is a sentence (read elsewhere).
  if (raw.length > MAX_GRADE_TEXT) return null;
  // A grade with the band note after it in the same cell: "良（100-90（含）分为优、90-80（含）分为良…）".
  // (The first bracket holds the note's numbers; bracket boxes "优（ ）良（√）…" are read further down.)
  const folded = fold(raw).trim();
  const noted = NOTED_GRADE.exec(folded);
  if (noted && /\d/.test(noted[2]) && /[)）]$/.test(folded)) return { grade: toGrade(noted[1])!, form: "text", annotated: true };
  // A band note after the boxes ("☑优 □良 □中 □差（≥90分为优）") is not part of them. Kept as
  // typed (not folded), like bracket boxes 优（√）良（ ）, so that a fix writes them back unchanged.
  const lastBracket = /[(（]([^()（）]*)[)）]$/.exec(raw.trim());
  const suffix = lastBracket && /[0-9０-９]/.test(lastBracket[1]) ? lastBracket[0] : "";
  const boxes = raw.trim().slice(0, raw.trim().length - suffix.length);
  const tickedParen = /[(（]\s*[√✓✔☑]\s*[)）]/.exec(boxes)?.[0];
  const emptyParen = /[(（]\s*[)）]/.exec(boxes)?.[0];
  const t = fold(boxes)
    .replace(/<input[^>]*checked[^>]*>/gi, "☑")
    .replace(/<input[^>]*>/gi, "□")
    .replace(/[(（]\s*([√✓✔☑])\s*[)）]/g, "$1")
    .replace(/\(\s*\)|（\s*）/g, "□")
    .trim();
  const compact = t.replace(/\s+/g, "");
  if (/^(优秀|优|良好|良|中等|中|较差|差)$/.test(compact)) {
    const grade = toGrade(compact)!;
    // A fix writes the grade as the sheet does: 优秀 / 良好 … where it writes the long form.
    return { grade, form: "text", style: compact.length > 1 ? { plain: true, ticked: "", unticked: "", after: false, order: [], separator: "", words: LONG_WORDS, suffix: "" } : undefined };
  }
  // The chosen word alone with a tick or 等 ("良 √", "√良好", "良等"): read, never rewritten.
  const alone = new RegExp(`^[${TICKED}]?(优秀|优|良好|良|中等|中|较差|差)等?[${TICKED}]?$`).exec(compact);
  if (alone && compact !== alone[1]) return { grade: toGrade(alone[1])!, form: "text", annotated: true };
  const words: { grade: Grade; index: number; end: number; text: string }[] = [];
  for (const m of t.matchAll(GRADE_WORD)) {
    const g = toGrade(m[0]);
    if (g) words.push({ grade: g, index: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  const distinct = new Set(words.map((w) => w.grade));
  if (words.length < 2 || distinct.size !== words.length) return null;
  // Only marks and grade words (and spaces/punctuation) make a check-box line; prose does not.
  const residue = compact.replace(GRADE_WORD, "").replace(new RegExp(`[${TICKED}${UNTICKED}、，,;；/|:：]`, "g"), "");
  if (residue.length > 0) return null;
  const markBefore = (w: { index: number }) => {
    const before = t.slice(0, w.index).trimEnd();
    const ch = before[before.length - 1];
    return ch && (TICKED + UNTICKED).includes(ch) ? ch : undefined;
  };
  const markAfter = (w: { end: number }) => {
    const ch = t.slice(w.end).trimStart()[0];
    return ch && (TICKED + UNTICKED).includes(ch) ? ch : undefined;
  };
  const firstCh = t[0];
  const lastCh = t[t.length - 1];
  const isMark = (ch: string | undefined) => !!ch && (TICKED + UNTICKED).includes(ch);
  let after: boolean;
  if (isMark(firstCh) && !isMark(lastCh)) after = false;
  else if (isMark(lastCh) && !isMark(firstCh)) after = true;
  else {
    const beforeCount = words.filter((w) => markBefore(w)).length;
    const afterCount = words.filter((w) => markAfter(w)).length;
    if (afterCount !== beforeCount) after = afterCount > beforeCount;
    else {
      // One mark between two words ("优√ 良 中 差"): it belongs to the word it touches.
      const touching = (i: number) => isMark(t[i]);
      const tightBefore = words.filter((w) => touching(w.index - 1)).length;
      const tightAfter = words.filter((w) => touching(w.end)).length;
      after = tightAfter > tightBefore;
    }
  }
  const marks = words.map((w) => (after ? markAfter(w) : markBefore(w)));
  const ticked = words.filter((_, i) => marks[i] !== undefined && TICKED.includes(marks[i]!));
  let chosen: Grade | undefined;
  if (ticked.length === 1) chosen = ticked[0].grade;
  else if (ticked.length === 0) {
    // A tick in a symbol font is often lost: the one word without an empty box is the choice.
    const unmarked = words.filter((_, i) => marks[i] === undefined);
    if (unmarked.length === 1 && marks.filter((m) => m !== undefined && UNTICKED.includes(m)).length === words.length - 1) {
      chosen = unmarked[0].grade;
    }
  }
  if (!chosen) return null;
  // A tick lost with its symbol font (优 □良 □中 □差) stays lost when the line is written back.
  const tickedMark = tickedParen ?? (ticked.length === 1 ? marks[words.indexOf(ticked[0])]! : "");
  // Words with no box of their own ("√优 良 中 差") stay without one.
  const untickedMark = emptyParen ?? marks.find((m) => m !== undefined && UNTICKED.includes(m)) ?? (marks.filter((m) => m !== undefined).length <= 1 ? "" : "□");
  const gaps = words.slice(1).map((w, i) => t.slice(words[i].end, w.index).replace(new RegExp(`[${TICKED}${UNTICKED}]`, "g"), ""));
  const separator = gaps.find((g) => g.length > 0) ?? " ";
  return {
    grade: chosen,
    form: "checkbox",
    style: {
      ticked: tickedMark,
      unticked: untickedMark,
      after,
      order: words.map((w) => w.grade),
      separator: separator.length > 3 ? " " : tickedParen && !gaps.some((g) => g.length > 0) ? "" : separator,
      words: Object.fromEntries(words.map((w) => [w.grade, w.text])),
      suffix,
    },
  };
}

/** Write a grade in the style the sheet used. */
export function writeGradeText(grade: Grade, style?: CheckboxStyle): string {
  if (!style) return grade;
  if (style.plain) return style.words[grade] ?? grade;
  return style.order
    .map((g) => {
      const mark = g === grade ? style.ticked : style.unticked;
      const word = style.words[g] ?? g;
      return style.after ? `${word}${mark}` : `${mark}${word}`;
    })
    .join(style.separator) + style.suffix;
}

const CLAUSE_END = "，。；,;";
const SENTENCE_END = "。；;！!？?";
/**
 * How far before a score or grade its context is looked for (characters): a band note, a goal, another subject, the
 * sentence's first words. Bounded, so that a 32,767-character cell full of phrases costs linear time.
 */
const CONTEXT_REACH = 60;

/** For every position of `t`, where its clause and its sentence start: found in one pass. */
function startsOf(t: string): { clause: Int32Array; sentence: Int32Array } {
  const clause = new Int32Array(t.length + 1);
  const sentence = new Int32Array(t.length + 1);
  for (let i = 1; i <= t.length; i++) {
    const ch = t[i - 1];
    clause[i] = CLAUSE_END.includes(ch) ? i : clause[i - 1];
    sentence[i] = SENTENCE_END.includes(ch) ? i : sentence[i - 1];
  }
  return { clause, sentence };
}

type Starts = ReturnType<typeof startsOf>;

/** The words of the clause before position `at`, at most CONTEXT_REACH of them. */
function clauseBefore(t: string, starts: Starts, at: number): string {
  return t.slice(Math.max(starts.clause[at], at - CONTEXT_REACH), at);
}

/**
 * Whether a score or grade phrase at `m` in `t` is someone else's or not a result at all: a goal
 * ("力争…等级为优"), a class of projects ("等级为优的项目", "1个项目自评等级为良"), last year's ("上年度该项目…").
 */
function notThisResult(t: string, starts: Starts, m: RegExpMatchArray, formYear?: number): boolean {
  const clause = clauseBefore(t, starts, m.index!);
  if (SENTENCE.goalBefore.test(clause) || SENTENCE.otherSubject.test(clause) || SENTENCE.notFinal.test(clause)) return true;
  if (SENTENCE.qualifies.test(t.slice(m.index! + m[0].length))) return true;
  const sentenceStart = starts.sentence[m.index!];
  if (m.index! - sentenceStart > CONTEXT_REACH) return false;
  const sentence = t.slice(sentenceStart, m.index!);
  if (SENTENCE.thisYear.test(sentence)) return false;
  if (SENTENCE.lastYearSentence.test(sentence)) return true;
  // "2022年度该项目自评得分为88分" on the 2023 form: an earlier year named by its number.
  const named = SENTENCE.yearOpening.exec(sentence);
  return !!named && formYear !== undefined && Number(named[1]) < formYear;
}

/** Whether a score phrase (a SENTENCE.score match in `t`) sets a floor or goal rather than stating a result. */
function isFloor(t: string, m: RegExpMatchArray): boolean {
  const between = m[0].slice(m[1].length, m[0].lastIndexOf(m[3]));
  if (SENTENCE.floorBetween.test(between)) return true;
  return SENTENCE.floorAfter.test(t.slice(m.index! + m[0].length));
}

/**
 * "…等级为“优”，得分94.5分", "自评结果：良好（86分）": a bare 得分 right after a stated grade, or a score in brackets
 * right after it, is the result's score. (Text is folded: full-width brackets are ASCII here.)
 */
const SCORE_AFTER_GRADE = /^["”’'」』】)]?(?:[，,]?(得分(?:为|是)?([0-9]+(?:\.[0-9]+)?)分)|(\((?:自评)?(?:得分|总分)?[:：]?([0-9]+(?:\.[0-9]+)?)分\)))/;
/** "良好（86分）" in a grade field: the score in brackets after the grade word. */
export function scoreBesideGrade(raw: string): { value: number; phrase: string } | undefined {
  const t = fold(raw).replace(/\s+/g, "");
  const word = LEADING_GRADE.exec(t);
  const after = word ? SCORE_AFTER_GRADE.exec(t.slice(word[0].length)) : null;
  return after?.[3] ? { value: Number(after[4]), phrase: t } : undefined;
}

/** "自评得分95.5分（优）": a grade in brackets right after a stated score is the result's grade. */
const GRADE_AFTER_SCORE = new RegExp(`^\\((${GRADE_WORD.source})(?:等级|等次)?\\)`);

/** Scores and grades written in a sentence. */
export function readSentence(
  raw: string,
  /** The year the form evaluates (its title's 2023年度), when the sheet names one. */
  formYear?: number,
): { scores: { value: number; phrase: string }[]; grades: { grade: Grade; phrase: string }[] } {
  // "（满分100分）" is not the score.
  const t = fold(raw).replace(/\s+/g, "").replace(SENTENCE.fullMarks, "");
  const before = (index: number, n: number) => t.slice(Math.max(0, index - n), index);
  // "较上年自评得分92分提高…" compares with another year.
  const starts = startsOf(t);
  const scoreMatches = [...t.matchAll(SENTENCE.score)]
    .filter((m) => !SENTENCE.comparison.test(before(m.index!, 6)) && !SENTENCE.sectionBefore.test(before(m.index!, 8)))
    // A goal states a floor ("评价得分不低于90分", "确保…得分90分以上"), not the score obtained.
    .filter((m) => !isFloor(t, m) && !notThisResult(t, starts, m, formYear))
    // "总分7分，自评得7分" describes one indicator (its maximum is below a whole table's 100).
    .filter((m) => m[1] !== "自评得" || !(Number(SENTENCE.itemMaximum.exec(t)?.[1] ?? 100) < 100));
  const scores = scoreMatches.map((m) => ({ value: Number(m[3]), phrase: m[0] }));
  const grades: { grade: Grade; phrase: string }[] = [];
  for (const m of scoreMatches) {
    const bracketed = GRADE_AFTER_SCORE.exec(t.slice(m.index! + m[0].length));
    if (bracketed) grades.push({ grade: toGrade(bracketed[1])!, phrase: m[0] + bracketed[0] });
  }
  for (const m of t.matchAll(SENTENCE.grade)) {
    // "评分标准：得分80-89分的等级为良" describes a band, it does not state the grade (its own clause,
    // the few words before the grade: a band note sits right there).
    if (SENTENCE.bandDescription.test(clauseBefore(t, starts, m.index!))) continue;
    // "结果" alone is too common (考核结果为优秀 is the contractor's): require a colon or a quote after it.
    if (m[1] === "结果" && !/[:：]/.test(m[2] ?? "") && !/["“”'「『【（(]/.test(m[0])) continue;
    if (notThisResult(t, starts, m, formYear)) continue;
    const g = toGrade(m[3]);
    // 中 followed by 的/国/央 … is not a grade ("中国"): the grade word must end the phrase.
    const next = t[m.index! + m[0].length];
    // A list of grades ("评价等级为中、差的项目需整改") names a class of projects, not this one's grade.
    if (GRADE_LISTED_NEXT.test(t.slice(m.index! + m[0].length))) continue;
    if (m[3] === "中" && next && /[\u4e00-\u9fa5]/.test(next) && !/[，。；、]/.test(next)) continue;
    if (!g) continue;
    grades.push({ grade: g, phrase: m[0] });
    const after = SCORE_AFTER_GRADE.exec(t.slice(m.index! + m[0].length));
    if (after) scores.push(after[1] ? { value: Number(after[2]), phrase: after[1] } : { value: Number(after[4]), phrase: m[0] + after[3] });
  }
  // A sentence that states the same score or grade twice states it once.
  const firstOf = <T>(xs: T[], k: (x: T) => unknown) => {
    const seen = new Set<unknown>();
    return xs.filter((x) => !seen.has(k(x)) && !!seen.add(k(x)));
  };
  const named = firstOf(grades, (x) => x.grade);
  // Several grades named ("90分以上为优、80-90为良…", a band note): a description, not a statement.
  if (named.length > 1) return { scores: [], grades: [] };
  return { scores: firstOf(scores, (x) => x.value), grades: named };
}


/**
 * The value of a field: the first non-empty cell to the right of its label on the same row. A
 * blank field has none — the next label along the row is not its value.
 */
export function valueRightOf(view: SheetView, at: Ref, maxDistance = 6): Ref | undefined {
  const start = view.spanRight(at.row, at.col) + 1;
  for (let c = start; c < Math.min(view.colCount, start + maxDistance); c++) {
    if (view.isContinuation(at.row, c)) continue;
    if (cellText(view.cell(at.row, c)).trim() === "") continue;
    const t = view.label(at.row, c);
    if (isHeaderScoreLabel(t) || isGradeLabel(t) || matches(FIELD_LABELS.other, t) || /[:：]$/.test(t)) return undefined;
    return { row: at.row, col: c };
  }
  return undefined;
}

/**
 * A field laid out as a small box: the value under its label (自评得分 above 95). Only a value of
 * the field's kind counts (`fits`): whatever else sits under a label is the next line of the form.
 */
export function valueBelow(view: SheetView, at: Ref, fits: (text: string) => boolean): Ref | undefined {
  const row = view.spanBottom(at.row, at.col) + 1;
  if (row >= view.rowCount || view.isContinuation(row, at.col)) return undefined;
  return fits(cellText(view.cell(row, at.col))) ? { row, col: at.col } : undefined;
}

export function isHeaderScoreLabel(text: string): boolean {
  return matches(FIELD_LABELS.headerScore, text.replace(/[:：]$/, ""));
}

export function isGradeLabel(text: string): boolean {
  return matches(FIELD_LABELS.grade, text.replace(/[:：]$/, ""));
}
