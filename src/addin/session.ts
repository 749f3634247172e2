/**
 * What the add-in does, independent of how it is shown: check a sheet or the workbook, mark the
 * cells, fix, undo, report. The ribbon command and the task pane share one session (shared
 * runtime), so the pane shows what the ribbon's 检查本表 found.
 */
import { checkSheet, Finding, Fix, planFixes, ProfileId, SheetResult } from "../engine";
import { STRINGS, Strings } from "./i18n";
import { Mark, PortError, ReportRow, WorkbookPort } from "./port";

const REPORT_SHEETS = Object.values(STRINGS).map((s) => s.reportSheet);

export type Task = "check" | "check-workbook" | "fix" | "undo" | "clear" | "report" | "profile";

export interface WorkbookSummary {
  sheet: string;
  template: SheetResult["template"];
  errors: number;
  warnings: number;
  infos: number;
}

export type Notice =
  | { kind: "fixed"; count: number; remaining: number; /** findings that were not there before the fix */ added: number }
  | { kind: "finding-gone" }
  | { kind: "undone"; sheet: string }
  | { kind: "cleared" }
  | { kind: "report"; sheet: string }
  | { kind: "nothing-to-fix" }
  | { kind: "not-marked"; sheet: string };

export interface SessionState {
  busy?: { task: Task; done?: number; total?: number };
  /** The last check of one sheet (the active one, or the one a finding was opened on). */
  result?: SheetResult;
  workbook?: WorkbookSummary[];
  /** The user's profile choice for this workbook; null means "as the template suggests". */
  profile: ProfileId | null;
  error?: { kind: PortError["kind"] | "unexpected"; message: string; sheet?: string };
  notice?: Notice;
  canUndo: boolean;
}

type Listener = (s: SessionState) => void;

const worst = (a: Mark["severity"], b: Mark["severity"]) => (a === "error" || b === "error" ? "error" : a === "warning" || b === "warning" ? "warning" : "info");

/** One mark per cell, at the worst severity of its findings, with their messages as the note. */
export function marksFor(findings: readonly Finding[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const m = byCell.get(f.cell);
    if (!m) byCell.set(f.cell, { cell: f.cell, severity: f.severity, note: f.message });
    else {
      m.severity = worst(m.severity, f.severity);
      m.note = `${m.note}\n${f.message}`;
    }
  }
  return [...byCell.values()];
}

export class Session {
  private state: SessionState;
  private readonly listeners = new Set<Listener>();

  constructor(readonly port: WorkbookPort) {
    this.state = { profile: port.loadProfile(), canUndo: port.canUndo() };
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
      const error =
        e instanceof PortError
          ? { kind: e.kind, message: e.message, sheet: e.sheet }
          : { kind: "unexpected" as const, message: e instanceof Error ? e.message : String(e) };
      this.set({ busy: undefined, error });
      return undefined;
    }
  }

  private async check(sheet?: string): Promise<SheetResult> {
    const grid = await this.port.readSheet(sheet);
    const result = checkSheet(grid, { profile: this.state.profile ?? undefined });
    this.set({ result });
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
      await this.port.highlight(result.sheet, marksFor(result.findings));
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

  /** 检查整个工作簿: every sheet, with progress, then a summary per sheet. */
  checkWorkbook(): Promise<WorkbookSummary[] | undefined> {
    return this.run("check-workbook", async () => {
      const names = await this.port.sheetNames();
      const active = await this.port.activeSheetName();
      const summary: WorkbookSummary[] = [];
      let activeResult: SheetResult | undefined;
      for (const [i, name] of names.entries()) {
        this.set({ busy: { task: "check-workbook", done: i, total: names.length } });
        // The report sheet lists findings; it is not a sheet to check.
        if (REPORT_SHEETS.includes(name)) continue;
        const grid = await this.port.readSheet(name);
        const result = checkSheet(grid, { profile: this.state.profile ?? undefined });
        await this.port.highlight(name, marksFor(result.findings)).catch((e) => {
          if (!(e instanceof PortError && e.kind === "protected")) throw e;
        });
        if (name === active) activeResult = result;
        const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
        summary.push({ sheet: name, template: result.template, errors: count("error"), warnings: count("warning"), infos: count("info") });
      }
      this.set({ busy: { task: "check-workbook", done: names.length, total: names.length }, workbook: summary, result: activeResult ?? this.state.result });
      return summary;
    });
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
    // Marks are about to come off anyway: the fresh check only reads (and marks when nothing is written).
    const result = await this.check(previous.sheet);
    const fixes = plan(result);
    if (fixes === "gone" || fixes.length === 0) {
      await this.mark(result);
      this.set({ notice: fixes === "gone" ? { kind: "finding-gone" } : { kind: "nothing-to-fix" } });
      return;
    }
    await this.port.selectCell(result.sheet, fixes[0].cell);
    // Marks come off first, so that the undo snapshot holds the sheet's own fills; if the write
    // fails (a protected sheet), they go back on.
    await this.port.clearHighlights(result.sheet);
    try {
      await this.port.applyFixes(result.sheet, fixes);
    } catch (e) {
      await this.port.highlight(result.sheet, marksFor(result.findings)).catch(() => undefined);
      throw e;
    }
    const after = await this.checkAndMark(result.sheet);
    const before = new Set(result.findings.map((f) => `${f.code}@${f.cell}`));
    const remaining = after.findings.filter((f) => f.severity !== "info");
    const added = remaining.filter((f) => !before.has(`${f.code}@${f.cell}`)).length;
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

  /** 撤销上次修复 */
  undo(): Promise<void> {
    return this.run("undo", async () => {
      const sheet = await this.port.undoLastFix();
      await this.port.clearHighlights(sheet);
      await this.checkAndMark(sheet);
      this.set({ notice: { kind: "undone", sheet } });
    });
  }

  /** 清除标记 */
  clearMarks(): Promise<void> {
    return this.run("clear", async () => {
      await this.port.clearHighlights();
      this.set({ notice: { kind: "cleared" } });
    });
  }

  /** 生成核对报告, worded in the display language. */
  writeReport(words: Pick<Strings, "reportSheet" | "reportHeader" | "severity" | "codes" | "reportEmpty">): Promise<void> {
    return this.run("report", async () => {
      const names = await this.port.sheetNames();
      const rows: ReportRow[] = [];
      for (const name of names) {
        // Earlier reports (in either language) are not self-evaluation tables.
        if (name === words.reportSheet || REPORT_SHEETS.includes(name)) continue;
        const result = checkSheet(await this.port.readSheet(name), { profile: this.state.profile ?? undefined });
        for (const f of result.findings) {
          rows.push({ sheet: name, cell: f.cell, severity: words.severity[f.severity], problem: words.codes[f.code], message: f.message, fixable: !!f.fix });
        }
      }
      if (rows.length === 0) rows.push({ sheet: "", cell: "", severity: "", problem: words.reportEmpty, message: "", fixable: false });
      const sheet = await this.port.writeReport(words.reportSheet, words.reportHeader, rows);
      this.set({ notice: { kind: "report", sheet } });
    });
  }

  /** The profile picker: stored in the document's settings, then the sheet is checked again. */
  setProfile(id: ProfileId | null): Promise<void> {
    return this.run("profile", async () => {
      await this.port.saveProfile(id);
      this.set({ profile: id });
      if (this.state.result) await this.checkAndMark(this.state.result.sheet);
    });
  }

  /** Clicking a finding selects its cell. */
  async select(finding: Finding): Promise<void> {
    try {
      await this.port.selectCell(finding.sheet, finding.cell);
    } catch (e) {
      this.set({ error: { kind: e instanceof PortError ? e.kind : "unexpected", message: (e as Error).message, sheet: e instanceof PortError ? e.sheet : finding.sheet } });
    }
  }

  dismiss(): void {
    this.set({ error: undefined, notice: undefined });
  }
}
