/**
 * What the add-in does, independent of how it is shown: check a sheet or the workbook, mark the
 * cells, fix, undo, report. The ribbon command and the task pane share one session (shared
 * runtime), so the pane shows what the ribbon's 检查本表 found.
 */
import { checkSheet, Finding, Fix, planFixes, ProfileId, SheetResult } from "../engine";
import { STRINGS } from "./i18n";
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
  | { kind: "fixed"; count: number; remaining: number }
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

  private async checkAndMark(sheet?: string): Promise<SheetResult> {
    const grid = await this.port.readSheet(sheet);
    const result = checkSheet(grid, { profile: this.state.profile ?? undefined });
    this.set({ result });
    try {
      await this.port.highlight(grid.sheetName, marksFor(result.findings));
    } catch (e) {
      // A protected sheet is checked but cannot be marked: the findings are in the pane.
      if (!(e instanceof PortError && e.kind === "protected")) throw e;
      this.set({ notice: { kind: "not-marked", sheet: grid.sheetName } });
    }
    return result;
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

  /** Open one sheet's findings from the workbook summary. */
  openSheet(sheet: string): Promise<SheetResult | undefined> {
    return this.run("check", () => this.checkAndMark(sheet));
  }

  private async write(fixes: Fix[]): Promise<void> {
    const result = this.state.result;
    if (!result) return;
    if (fixes.length === 0) {
      this.set({ notice: { kind: "nothing-to-fix" } });
      return;
    }
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
    this.set({ notice: { kind: "fixed", count: fixes.length, remaining: after.findings.filter((f) => f.severity !== "info").length } });
  }

  /** 全部修复 */
  fixAll(): Promise<void> {
    return this.run("fix", () => this.write(planFixes(this.state.result?.findings ?? [])));
  }

  /** 修复 on one finding (with the writes it carries along). */
  fixOne(finding: Finding): Promise<void> {
    return this.run("fix", () => this.write(planFixes([finding])));
  }

  /** 插入正确等级和合计 */
  insertTotalsAndGrade(): Promise<void> {
    return this.run("fix", () => this.write(this.state.result?.liveTotals ?? []));
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

  /** 生成核对报告 */
  writeReport(title: string, header: string[]): Promise<void> {
    return this.run("report", async () => {
      const names = await this.port.sheetNames();
      const rows: ReportRow[] = [];
      for (const name of names) {
        // Earlier reports (in either language) are not self-evaluation tables.
        if (name === title || REPORT_SHEETS.includes(name)) continue;
        const result = checkSheet(await this.port.readSheet(name), { profile: this.state.profile ?? undefined });
        for (const f of result.findings) rows.push({ sheet: name, cell: f.cell, severity: f.severity, code: f.code, message: f.message, fixable: !!f.fix });
      }
      const sheet = await this.port.writeReport(title, header, rows);
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
