/**
 * One file's work, the same in a worker thread and in the main thread: read (converting .xls/.et),
 * check every sheet, and write the fixed and the marked copies asked for. The outcome is plain data
 * (it crosses the thread boundary) holding only what is reported: findings and evaluation lines.
 */
import * as path from "path";
import { checkSheet, EvaluationSummary, Finding, planFixes, ProfileId, writableBounds } from "../engine";
import { ZipPackageEditor } from "../xlsx/zipEditor";
import { applyFixes, isMacroEnabled } from "../xlsx/fix";
import { PackageError } from "../xlsx/limits";
import { markPackage } from "../xlsx/mark";
import { readXlsx } from "../xlsx/readXlsx";
import { convertToXlsx } from "./convert";
import { InputError, readInputFile, writeOutput } from "./files";

export interface Job {
  index: number;
  file: string;
  /** Already known not to be readable (found so while listing a folder). */
  refused?: string;
  profile?: ProfileId;
  fixOutput?: string;
  markOutput?: string;
  /** Why the planned outputs may not be written (decided before the run). */
  fixRefused?: string;
  markRefused?: string;
  force: boolean;
}

export interface SheetOutcome {
  sheet: string;
  template: string | null;
  profile: ProfileId;
  findings: Finding[];
  evaluations: EvaluationSummary[];
}

export interface FixReport {
  output: string;
  written: number;
  skipped: { sheet: string; cell: string; reason: string }[];
  remaining: Finding[];
  macrosRemoved?: boolean;
  /** Why the copy was not written (the findings are still reported). */
  error?: string;
}

export interface MarkReport {
  output: string;
  marked: number;
  reportSheet?: string;
  error?: string;
}

export interface FileOutcome {
  index: number;
  file: string;
  sheets: SheetOutcome[];
  error?: string;
  /** Read through LibreOffice from this format. */
  convertedFrom?: "xls" | "et";
  fix?: FixReport;
  mark?: MarkReport;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** The file's .xlsx bytes (converted when it is an .xls/.et). */
async function workbookBytes(file: string): Promise<{ data: Buffer; convertedFrom?: "xls" | "et" }> {
  const raw = await readInputFile(file);
  if (raw.length === 0) throw new InputError(`“${file}”是空文件`);
  const ext = path.extname(file).slice(1).toLowerCase();
  if (startsWith(raw, ZIP)) return { data: raw };
  if (startsWith(raw, CFB)) {
    if (ext === "xls" || ext === "et") return { data: await convertToXlsx(file, raw, ext), convertedFrom: ext };
    throw new InputError(`“${file}”设置了打开密码，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再检查`);
  }
  if (ext === "xls" || ext === "et") throw new InputError(`“${file}”不是 .${ext} 工作簿`);
  throw new InputError(`“${file}”不是 .xlsx 工作簿`);
}

function describe(file: string, e: unknown): string {
  if (e instanceof InputError) return e.message;
  if (e instanceof PackageError) return e.kind === "limit" ? `“${file}”${e.message}` : `“${file}”已损坏或不是有效的 .xlsx 工作簿（${e.message}）`;
  // Never a stack trace: what happened, in one line.
  return `处理“${file}”时出错：${String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200)}`;
}

/** Checks that a written package reads again with the same sheets (else it is not written). */
async function verified(data: Buffer, sheetsBefore: string[], extra: string[] = []): Promise<Buffer> {
  const again = await readXlsx(data);
  const names = again.grids.map((g) => g.sheetName);
  const expected = [...sheetsBefore, ...extra];
  if (names.join("\u0000") !== expected.join("\u0000")) throw new PackageError("写出的副本重新读取时工作表不一致，已放弃写出");
  return data;
}

export async function runJob(job: Job, inputIds: Set<string>): Promise<FileOutcome> {
  const outcome: FileOutcome = { index: job.index, file: job.file, sheets: [] };
  if (job.refused) return { ...outcome, error: job.refused };
  let data: Buffer;
  let grids;
  try {
    const bytes = await workbookBytes(job.file);
    data = bytes.data;
    if (bytes.convertedFrom) outcome.convertedFrom = bytes.convertedFrom;
    grids = (await readXlsx(data)).grids;
  } catch (e) {
    return { ...outcome, error: describe(job.file, e) };
  }
  const results = grids.map((g) => checkSheet(g, { profile: job.profile }));
  outcome.sheets = results.map((r) => ({ sheet: r.sheet, template: r.template, profile: r.profile, findings: r.findings, evaluations: r.evaluations }));
  const sheetNames = grids.map((g) => g.sheetName);

  if (job.fixOutput !== undefined) {
    const remaining = results.flatMap((r) => r.findings.filter((f) => !f.fix));
    const report: FixReport = { output: job.fixOutput, written: 0, skipped: [], remaining };
    outcome.fix = report;
    if (job.fixRefused) report.error = job.fixRefused;
    else {
      try {
        const pkg = new ZipPackageEditor(data);
        const writes = results.flatMap((r) => planFixes(r.findings).map((f) => ({ sheet: r.sheet, ...f })));
        const bounds = new Map(results.map((r) => [r.sheet, writableBounds(r)]));
        const dropMacros = /\.xlsx$/i.test(job.fixOutput) && isMacroEnabled(pkg);
        const fixed = applyFixes(pkg, writes, bounds, { dropMacros });
        report.written = fixed.written.length;
        report.skipped = fixed.skipped.map((s) => ({ sheet: s.write.sheet, cell: s.write.cell, reason: s.reason }));
        if (fixed.macrosRemoved) report.macrosRemoved = true;
        await writeOutput(job.fixOutput, await verified(pkg.finish(), sheetNames), inputIds, job.force);
      } catch (e) {
        report.error = e instanceof InputError ? e.message : `修复后的副本未写出：${describe(job.file, e)}`;
      }
    }
  }

  if (job.markOutput !== undefined) {
    const report: MarkReport = { output: job.markOutput, marked: 0 };
    outcome.mark = report;
    if (job.markRefused) report.error = job.markRefused;
    else {
      try {
        const pkg = new ZipPackageEditor(data);
        const marked = markPackage(pkg, results, new Date());
        report.marked = marked.marked;
        report.reportSheet = marked.reportSheet;
        await writeOutput(job.markOutput, await verified(pkg.finish(), sheetNames, [marked.reportSheet]), inputIds, job.force);
      } catch (e) {
        report.error = e instanceof InputError ? e.message : `标记副本未写出：${describe(job.file, e)}`;
      }
    }
  }
  return outcome;
}
