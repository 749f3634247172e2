/**
 * What the add-in does, independent of how it is shown: check a sheet or the workbook, mark the
 * cells, fix, undo, report. The ribbon command and the task pane share one session (shared
 * runtime), so the pane shows what the ribbon's 检查本表 found.
 */
import { checkSheet, EvaluationSummary, Finding, Fix, messageOf, planFixes, ProfileId, SheetResult } from "../engine";
import { format, Lang, langOf, STRINGS } from "./i18n";
import { Mark, PortError, ReadGap, SheetGrid, WorkbookPort } from "./port";
import { buildReport, ReportSheet } from "./report";

export type Task = "check" | "check-workbook" | "fix" | "undo" | "clear" | "report" | "profile";

export interface WorkbookSummary {
  sheet: string;
  template: SheetResult["template"];
  errors: number;
  warnings: number;
  infos: number;
  /** One line per evaluation on the sheet: project, stated and recomputed total and grade. */
  evaluations: EvaluationSummary[];
  /** The sheet could not be read: why (the other sheets were checked). */
  failure?: SessionError;
  /** What the read could not deliver as Excel holds it. */
  gaps?: ReadGap[];
}

export interface SessionError {
  kind: PortError["kind"] | "unexpected";
  message: string;
  sheet?: string;
}

export type Notice =
  | { kind: "fixed"; count: number; remaining: number; /** findings that were not there before the fix */ added: number }
  | { kind: "finding-gone" }
  /** `left`: cells the user changed after the fix, which undo left as they are. */
  | { kind: "undone"; sheet: string; left: string[] }
  | { kind: "undo-moved"; sheet: string }
  /** `skipped`: protected sheets whose marks stay. */
  | { kind: "cleared"; skipped: string[] }
  | { kind: "report"; sheet: string }
  | { kind: "nothing-to-fix" }
  | { kind: "not-marked"; sheet: string };

export interface SessionState {
  busy?: { task: Task; done?: number; total?: number };
  /** The last check of one sheet (the active one, or the one a finding was opened on). */
  result?: SheetResult;
  workbook?: WorkbookSummary[];
  /** Counts the runs of 检查整个工作簿 (not the refreshes of its lines after a fix, an undo or a profile switch). */
  workbookRun: number;
  /** The user's profile choice for this workbook; null means "as the template suggests". */
  profile: ProfileId | null;
  error?: SessionError;
  notice?: Notice;
  /** What the last read of `result`'s sheet could not deliver as Excel holds it. */
  readGaps?: ReadGap[];
  canUndo: boolean;
}

type Listener = (s: SessionState) => void;

const worst = (a: Mark["severity"], b: Mark["severity"]) => (a === "error" || b === "error" ? "error" : a === "warning" || b === "warning" ? "warning" : "info");

/** One mark per cell, at the worst severity of its findings, with their messages (in the pane's language) as the note. */
export function marksFor(findings: readonly Finding[], lang: Lang = "zh"): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const m = byCell.get(f.cell);
    const message = messageOf(f, lang);
    if (!m) byCell.set(f.cell, { cell: f.cell, severity: f.severity, note: message });
    else {
      m.severity = worst(m.severity, f.severity);
      m.note = `${m.note}\n${message}`;
    }
  }
  return [...byCell.values()];
}

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<Listener>();
  /** What each fix of this session put right (the findings as they were before it), newest last; an undo takes its fix's back. */
  private readonly fixedByFix: Finding[][] = [];
  /** The language of the cell notes: the pane's, else Office's display language. */
  private lang: Lang;

  constructor(
    readonly port: WorkbookPort,
    lang?: Lang,
  ) {
    this.state = { profile: port.loadProfile(), canUndo: port.canUndo(), workbookRun: 0 };
    this.lang = lang ?? langOf(port.displayLanguage());
  }

  get language(): Lang {
    return this.lang;
  }

  /**
   * The pane's language changed: notes written from now on use it, and the sheet last checked is
   * marked again so that its notes read as the pane does.
   */
  async setLanguage(lang: Lang): Promise<void> {
    if (lang === this.lang) return;
    this.lang = lang;
    const { result } = this.state;
    if (result) await this.run("check", () => this.mark(result));
  }

  getState(): SessionState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private set(patch: Partial<SessionState>) {
    this.state = { ...this.state, ...patch, canUndo: this.port.canUndo() };
    for (const l of this.listeners) l(this.state);
  }

  /** Run a task: one at a time, errors kept in the state (never thrown at the UI). */
  private async run<T>(task: Task, body: () => Promise<T>): Promise<T | undefined> {
    if (this.state.busy) return undefined;
    this.set({ busy: { task }, error: undefined, notice: undefined });
    // Let the pane show that work has started before a long check takes the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const out = await body();
      this.set({ busy: undefined });
      return out;
    } catch (e) {
      this.set({ busy: undefined, error: sessionError(e) });
      return undefined;
    }
  }

  private checkGrid(grid: SheetGrid): SheetResult {
    return checkSheet(grid, { profile: this.state.profile ?? undefined });
  }

  private async check(sheet?: string): Promise<SheetResult> {
    const grid = await this.port.readSheet(sheet);
    const result = this.checkGrid(grid);
    const readGaps = grid.readGaps?.length ? [...grid.readGaps] : undefined;
    // The workbook list keeps up with every check of one of its sheets (a fix, an undo, 查看).
    const workbook = this.state.workbook?.map((line) => (line.sheet === result.sheet ? summaryLine(result, readGaps) : line));
    this.set({ result, readGaps, ...(workbook ? { workbook } : {}) });
    return result;
  }

  private async checkAndMark(sheet?: string): Promise<SheetResult> {
    const result = await this.check(sheet);
    await this.mark(result);
    return result;
  }

  /** The sheet's marks become those of this result. */
  private async mark(result: SheetResult): Promise<void> {
    try {
      await this.port.highlight(result.sheet, marksFor(result.findings, this.lang));
    } catch (e) {
      // A protected sheet is checked but cannot be marked: the findings are in the pane.
      if (!(e instanceof PortError && e.kind === "protected")) throw e;
      this.set({ notice: { kind: "not-marked", sheet: result.sheet } });
    }
  }

  /** 检查本表 */
  checkActiveSheet(): Promise<SheetResult | undefined> {
    return this.run("check", () => this.checkAndMark());
  }

  /**
   * 检查整个工作簿: every visible sheet (hidden ones are the user's business, and the add-in's own
   * report sheets are not tables), with progress, then a summary per sheet. A sheet that cannot be
   * read says why in the summary; the others are checked all the same.
   */
  checkWorkbook(): Promise<WorkbookSummary[] | undefined> {
    return this.run("check-workbook", async () => {
      const summary = await this.checkEverySheet(true);
      this.set({ workbookRun: this.state.workbookRun + 1 });
      return summary;
    });
  }

  /**
   * Check and mark every visible sheet. The pane then shows `show` (the sheet it showed, after a
   * profile switch), else the active sheet, else what it showed before.
   */
  private async checkEverySheet(progress: boolean, show?: string): Promise<WorkbookSummary[]> {
    const sheets = (await this.port.sheets()).filter((s) => s.visible && !s.report);
    const active = await this.port.activeSheetName();
    const summary: WorkbookSummary[] = [];
    const checked = new Map<string, { result: SheetResult; gaps?: ReadGap[] }>();
    for (const [i, { name }] of sheets.entries()) {
      if (progress) this.set({ busy: { task: "check-workbook", done: i, total: sheets.length } });
      let grid: SheetGrid;
      try {
        grid = await this.port.readSheet(name);
      } catch (e) {
        summary.push({ sheet: name, template: null, errors: 0, warnings: 0, infos: 0, evaluations: [], failure: sessionError(e) });
        continue;
      }
      const result = this.checkGrid(grid);
      // A protected sheet is checked, not marked; another failure to mark is said on its line.
      let failure: SessionError | undefined;
      await this.port.highlight(name, marksFor(result.findings, this.lang)).catch((e) => {
        if (!(e instanceof PortError && e.kind === "protected")) failure = sessionError(e);
      });
      const gaps = grid.readGaps?.length ? [...grid.readGaps] : undefined;
      checked.set(name, { result, gaps });
      summary.push({ ...summaryLine(result, gaps), ...(failure ? { failure } : {}) });
    }
    const shown = (show !== undefined ? checked.get(show) : undefined) ?? checked.get(active);
    this.set({
      ...(progress ? { busy: { task: "check-workbook" as const, done: sheets.length, total: sheets.length } } : {}),
      workbook: summary,
      result: shown?.result ?? this.state.result,
      readGaps: shown ? shown.gaps : this.state.readGaps,
    });
    return summary;
  }

  /** Open one sheet's findings from the workbook summary: the sheet is shown, at its first finding. */
  openSheet(sheet: string): Promise<SheetResult | undefined> {
    return this.run("check", async () => {
      const result = await this.checkAndMark(sheet);
      await this.port.selectCell(sheet, result.findings[0]?.cell ?? "A1");
      return result;
    });
  }

  /**
   * Write fixes planned from a fresh check of the sheet last checked: the sheet may have changed
   * since (nothing the user typed in between is overwritten on the strength of an old reading),
   * and it is shown, so that the user sees what is written.
   */
  private async write(plan: (fresh: SheetResult) => Fix[] | "gone"): Promise<void> {
    const previous = this.state.result;
    if (!previous) return;
    // The fresh check only reads; the sheet is marked again after the write (or now, when nothing is written).
    const result = await this.check(previous.sheet);
    const fixes = plan(result);
    if (fixes === "gone" || fixes.length === 0) {
      await this.mark(result);
      this.set({ notice: fixes === "gone" ? { kind: "finding-gone" } : { kind: "nothing-to-fix" } });
      return;
    }
    await this.port.selectCell(result.sheet, fixes[0].cell);
    // Marks are conditional formats and never touch what is written: they stay until the sheet is marked again.
    await this.port.applyFixes(result.sheet, fixes);
    // One entry per written fix, so that an undo takes back its own (nothing known fixed if the check after fails).
    const fixed: Finding[] = [];
    this.fixedByFix.push(fixed);
    const after = await this.checkAndMark(result.sheet);
    const before = new Set(result.findings.map((f) => `${f.code}@${f.cell}`));
    const remaining = after.findings.filter((f) => f.severity !== "info");
    const added = remaining.filter((f) => !before.has(`${f.code}@${f.cell}`)).length;
    const still = new Set(after.findings.map((f) => `${f.code}@${f.cell}`));
    fixed.push(...result.findings.filter((f) => f.severity !== "info" && !still.has(`${f.code}@${f.cell}`)));
    this.set({ notice: { kind: "fixed", count: fixes.length, remaining: remaining.length, added } });
  }

  /** 全部修复 */
  fixAll(): Promise<void> {
    return this.run("fix", () => this.write((fresh) => planFixes(fresh.findings)));
  }

  /** 修复 on one finding (with the writes it carries along), if the fresh check still finds it. */
  fixOne(finding: Finding): Promise<void> {
    return this.run("fix", () =>
      this.write((fresh) => {
        const same = fresh.findings.find((f) => f.code === finding.code && f.cell === finding.cell);
        return same ? planFixes([same]) : "gone";
      }),
    );
  }

  /** 插入正确等级和合计 */
  insertTotalsAndGrade(): Promise<void> {
    return this.run("fix", () => this.write((fresh) => fresh.liveTotals));
  }

  /** 撤销上次修复: cells the user changed since the fix are left as they are, and named. */
  undo(): Promise<void> {
    return this.run("undo", async () => {
      const { sheet, left, moved } = await this.port.undoLastFix();
      this.fixedByFix.pop();
      await this.checkAndMark(sheet);
      this.set({ notice: moved ? { kind: "undo-moved", sheet } : { kind: "undone", sheet, left } });
    });
  }

  /** 清除标记 */
  clearMarks(): Promise<void> {
    return this.run("clear", async () => {
      const { skipped } = await this.port.clearHighlights();
      this.set({ notice: { kind: "cleared", skipped } });
    });
  }

  /**
   * 生成核对报告 in the pane's language: every visible sheet checked afresh, with what this session
   * fixed (never over a sheet of the user's called 核对报告).
   */
  writeReport(lang: Lang): Promise<void> {
    return this.run("report", async () => {
      const visible = (await this.port.sheets()).filter((s) => s.visible && !s.report);
      const sheets: ReportSheet[] = [];
      for (const { name } of visible) {
        try {
          sheets.push({ sheet: name, result: this.checkGrid(await this.port.readSheet(name)) });
        } catch (e) {
          const { kind, message } = sessionError(e);
          sheets.push({ sheet: name, failure: format(STRINGS[lang].errors[kind], { message, sheet: name }) });
        }
      }
      const report = buildReport({ lang, date: new Date(), sheets, fixed: this.fixedByFix.flat() });
      const sheet = await this.port.writeReport(report);
      this.set({ notice: { kind: "report", sheet } });
    });
  }

  /**
   * The profile picker: the sheet is checked again under the new profile at once; the choice is
   * stored in the document's settings, and a failure to save it is said (the choice holds for now).
   */
  setProfile(id: ProfileId | null): Promise<void> {
    return this.run("profile", async () => {
      this.set({ profile: id });
      // Every sheet in the workbook list is judged by the new bands, not only the one shown.
      if (this.state.workbook) await this.checkEverySheet(false, this.state.result?.sheet);
      else if (this.state.result) await this.checkAndMark(this.state.result.sheet);
      await this.port.saveProfile(id);
    });
  }

  /** Clicking a finding selects its cell. */
  async select(finding: Finding): Promise<void> {
    try {
      await this.port.selectCell(finding.sheet, finding.cell);
    } catch (e) {
      this.set({ error: { sheet: finding.sheet, ...sessionError(e) } });
    }
  }

  dismiss(): void {
    this.set({ error: undefined, notice: undefined });
  }
}

/** A sheet's line in the workbook list. */
function summaryLine(result: SheetResult, gaps: ReadGap[] | undefined): WorkbookSummary {
  const count = (s: Finding["severity"]) => result.findings.filter((f) => f.severity === s).length;
  return {
    sheet: result.sheet,
    template: result.template,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    evaluations: result.evaluations,
    ...(gaps ? { gaps } : {}),
  };
}

function sessionError(e: unknown): SessionError {
  return e instanceof PortError
    ? { kind: e.kind, message: e.message, ...(e.sheet !== undefined ? { sheet: e.sheet } : {}) }
    : { kind: "unexpected", message: e instanceof Error ? e.message : String(e) };
}
