/** Session state put into words: shared by the visible status and the screen-reader announcement. */
import type { Notice, SessionState, Task } from "../addin/session";
import { format, Strings } from "../addin/i18n";
import type { SheetResult } from "../engine";
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
  if (notice.kind === "not-marked" || (notice.kind === "undone" && notice.left.length) || (notice.kind === "cleared" && notice.skipped.length)) return "warning";
  return "success";
}

export function countsOf(findings: SheetResult["findings"]): { errors: number; warnings: number; infos: number } {
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

export function resultText(result: SheetResult, strings: Strings): string {
  if (result.template === null) return strings.notTemplate;
  if (result.findings.length === 0) return strings.noFindings;
  return format(strings.summary, countsOf(result.findings));
}

/** What the live region says now: the task under way, else its outcome. */
export function announcement(state: SessionState, strings: Strings): string {
  if (state.busy) return busyText(state.busy, strings);
  if (state.error) return errorText(state.error, strings, state.result?.sheet);
  if (state.notice) return noticeText(state.notice, strings);
  if (state.result) return resultText(state.result, strings);
  return "";
}
