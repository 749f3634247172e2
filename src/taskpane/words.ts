/** Session state put into words: shared by the visible status and the screen-reader announcement. */
import type { Notice, SessionState, Task, WorkbookSummary } from "../addin/session";
import { format, Strings } from "../addin/i18n";
import type { EvaluationSummary, Grade, SheetResult } from "../engine";
import { num } from "../engine/format";
import type { ReadGap } from "../addin/port";

type BusyWord = "checking" | "fixing" | "undoing" | "clearing" | "reporting";

const BUSY_WORD: Record<Task, BusyWord> = {
  check: "checking",
  "check-workbook": "checking",
  profile: "checking",
  fix: "fixing",
  undo: "undoing",
  clear: "clearing",
  report: "reporting",
};

export function busyText(busy: NonNullable<SessionState["busy"]>, strings: Strings): string {
  if (busy.task === "check-workbook" && busy.total) {
    // `done` counts finished sheets; the text names the sheet being checked.
    return format(strings.checkingWorkbook, { done: Math.min((busy.done ?? 0) + 1, busy.total), total: busy.total });
  }
  return strings[BUSY_WORD[busy.task]];
}

export function errorText(error: NonNullable<SessionState["error"]>, strings: Strings, sheet?: string): string {
  return format(strings.errors[error.kind], { sheet: error.sheet ?? sheet, message: error.message });
}

export function noticeText(notice: Notice, strings: Strings): string {
  switch (notice.kind) {
    case "fixed":
      return format(notice.added > 0 ? strings.fixedWithNew : strings.fixed, { count: notice.count, remaining: notice.remaining, added: notice.added });
    case "finding-gone":
      return strings.findingGone;
    case "undo-moved":
      return format(strings.undoMoved, { sheet: notice.sheet });
    case "undone":
      return notice.left.length ? format(strings.undoneWithLeft, { sheet: notice.sheet, cells: notice.left.join(strings.listSeparator) }) : format(strings.undone, { sheet: notice.sheet });
    case "cleared":
      return notice.skipped.length ? format(strings.clearedExcept, { sheets: notice.skipped.map((s) => format(strings.quoted, { text: s })).join(strings.listSeparator) }) : strings.cleared;
    case "report":
      return format(strings.reported, { sheet: notice.sheet });
    case "nothing-to-fix":
      return strings.nothingToFix;
    case "not-marked":
      return format(strings.notMarked, { sheet: notice.sheet });
  }
}

/** What the last read could not deliver as Excel holds it, one sentence per gap. */
export function gapTexts(gaps: readonly ReadGap[] | undefined, sheet: string | undefined, strings: Strings): { gap: ReadGap; text: string }[] {
  return (gaps ?? []).map((gap) => ({ gap, text: format(strings.gaps[gap], { sheet }) }));
}

/** A notice that reports something left undone is a warning. */
export function noticeIntent(notice: Notice): "info" | "warning" | "success" {
  if (notice.kind === "nothing-to-fix") return "info";
  if (notice.kind === "not-marked" || (notice.kind === "undone" && notice.left.length) || notice.kind === "undo-moved" || (notice.kind === "cleared" && notice.skipped.length)) return "warning";
  return "success";
}

export function countsOf(findings: SheetResult["findings"]): { errors: number; warnings: number; infos: number } {
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

/** "2 个错误，1 条提示": counts of zero are left out; nothing at all is 未发现问题. */
export function countsText(counts: { errors: number; warnings: number; infos: number }, strings: Strings): string {
  const parts = (["errors", "warnings", "infos"] as const).filter((k) => counts[k] > 0).map((k) => format(strings.counts[k], { n: counts[k] }));
  return parts.length ? parts.join(strings.countSeparator) : strings.clean;
}

/** The workbook list's first line: sheets checked, with errors, with warnings only, clean, not tables, unreadable. */
export function overallText(sheets: readonly WorkbookSummary[], strings: Strings): string {
  const tables = sheets.filter((s) => !s.failure && s.template);
  const n = {
    errors: tables.filter((s) => s.errors > 0).length,
    warnings: tables.filter((s) => s.errors === 0 && s.warnings > 0).length,
    clean: tables.filter((s) => s.errors === 0 && s.warnings === 0).length,
    notTables: sheets.filter((s) => !s.failure && !s.template).length,
    unreadable: sheets.filter((s) => s.failure && !s.template).length,
  };
  const parts = (Object.keys(n) as (keyof typeof n)[]).filter((k) => n[k] > 0).map((k) => format(strings.workbookParts[k], { n: n[k] }));
  return format(strings.workbookOverall, { n: sheets.length }) + (parts.length ? strings.overallSeparator + parts.join(strings.countSeparator) : "");
}

export interface Comparison {
  text: string;
  /** Both stated and recomputed: whether they agree; undefined when one is missing. */
  agrees?: boolean;
}

function compare<T>(stated: T | undefined, expected: T | undefined, show: (v: T) => string, line: string, strings: Strings): Comparison | undefined {
  if (stated === undefined && expected === undefined) return undefined;
  const values =
    stated === undefined
      ? format(strings.expectedOnly, { expected: show(expected!) })
      : expected === undefined
        ? format(strings.statedOnly, { stated: show(stated) })
        : format(strings.statedExpected, { stated: show(stated), expected: show(expected) });
  const agrees = stated === undefined || expected === undefined ? undefined : show(stated) === show(expected);
  return { text: format(line, { values }), agrees };
}

/** An evaluation's total and grade, stated against recomputed: "总分：表中 100，应为 95". */
export function evaluationLines(e: EvaluationSummary, strings: Strings): { total?: Comparison; grade?: Comparison } {
  return {
    total: compare(e.statedTotal, e.recomputedTotal, (v: number) => num(v), strings.totalLine, strings),
    grade: compare<Grade>(e.statedGrade, e.expectedGrade, (g) => strings.grades[g], strings.gradeLine, strings),
  };
}

export function resultText(result: SheetResult, strings: Strings): string {
  if (result.template === null) return strings.notTemplate;
  if (result.findings.length === 0) return strings.noFindings;
  return countsText(countsOf(result.findings), strings);
}

/** What the live region says now: the task under way, else its outcome. */
export function announcement(state: SessionState, strings: Strings): string {
  if (state.busy) return busyText(state.busy, strings);
  if (state.error) return errorText(state.error, strings, state.result?.sheet);
  if (state.notice) return noticeText(state.notice, strings);
  if (state.result) return resultText(state.result, strings);
  return "";
}
