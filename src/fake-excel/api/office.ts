/**
 * The fake's globals: Excel.run (with its RunOptions) and Office.context (display language,
 * requirement sets, the document's settings). Settings behave as in Office: each add-in instance
 * works on its own copy, saveAsync writes it to the document (and can fail: 5001 on the web, #761),
 * and the whole store is limited in size (about 2 MB in all, #621; errors from about 1 MB, #3957).
 */
import { WorkbookModel } from "../model";
import { compareVersions, Ctx, FakeOfficeError, FakeOfficeOptions, FakeStats, ResolvedOptions, utf8 } from "./core";
import { FakeWorkbook } from "./workbook";

export interface SaveResult {
  status: "succeeded" | "failed";
  error?: { code: number; message: string };
}

export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (r: SaveResult) => void): void;
}

export interface FakeOffice {
  Excel: {
    run<T>(batch: (context: never) => Promise<T>): Promise<T>;
    run<T>(options: { delayForCellEdit?: boolean }, batch: (context: never) => Promise<T>): Promise<T>;
  };
  Office: {
    context: {
      displayLanguage: string;
      requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
      document: { settings: FakeSettings };
    };
  };
  stats: FakeStats;
  resetStats(): void;
  /** Tests: fail the operation that matches, from the next sync on (null to stop). */
  failWhen(predicate: ((operation: unknown) => boolean) | null): void;
  /** Tests: the next n calls of saveAsync fail as Excel on the web sometimes does (5001). */
  failSaves(n: number): void;
  model: WorkbookModel;
}

export function createFakeOffice(model: WorkbookModel, options: FakeOfficeOptions = {}): FakeOffice {
  const opts: ResolvedOptions = {
    excelApi: options.excelApi ?? "1.18",
    displayLanguage: options.displayLanguage ?? "zh-CN",
    platform: options.platform ?? "web",
    maxResponseBytes: options.maxResponseBytes ?? 5_000_000,
    maxRequestBytes: options.maxRequestBytes ?? 5_000_000,
    maxCellsPerRead: options.maxCellsPerRead ?? 5_000_000,
    maxMergedAreas: options.maxMergedAreas ?? 512,
    maxSettingsBytes: options.maxSettingsBytes ?? 1_000_000,
    failWhen: options.failWhen ?? null,
    syncDelayMs: options.syncDelayMs ?? 0,
  };
  const stats: FakeStats = { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, largestResponse: 0, largestRequest: 0 };
  // This instance's working copy of the document's settings.
  const working = new Map<string, unknown>([...model.settings].map(([k, v]) => [k, structuredClone(v)]));
  let saveFailures = 0;
  const settings: FakeSettings = {
    get: (name) => (working.has(name) ? structuredClone(working.get(name)) : null),
    set: (name, value) => {
      const next = new Map(working).set(name, value);
      const size = utf8(JSON.stringify(Object.fromEntries(next)));
      if (size > opts.maxSettingsBytes) throw new FakeOfficeError("InvalidArgument", `The settings are too large (${size} bytes).`);
      working.set(name, structuredClone(value));
    },
    remove: (name) => void working.delete(name),
    saveAsync: (callback) => {
      const fail = saveFailures > 0;
      if (fail) saveFailures--;
      else {
        model.settings.clear();
        for (const [k, v] of working) model.settings.set(k, structuredClone(v));
      }
      // Office answers asynchronously.
      setTimeout(() => callback?.(fail ? { status: "failed", error: { code: 5001, message: "An internal error has occurred." } } : { status: "succeeded" }), 0);
    },
  };
  const supportsCellEditDelay = compareVersions(opts.excelApi, "1.11") >= 0;
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (context: never) => Promise<T>;
    const runOptions = (typeof a === "function" ? {} : a) as { delayForCellEdit?: boolean };
    stats.runs++;
    const ctx = new Ctx(model, stats, opts, !!runOptions.delayForCellEdit && supportsCellEditDelay);
    const context = { workbook: new FakeWorkbook(ctx), application: undefined as unknown, sync: () => ctx.sync() };
    context.application = context.workbook.application;
    (context.workbook as unknown as { context: unknown }).context = context;
    const out = await batch(context as never);
    if (ctx.pending) throw new FakeOfficeError("UnsyncedOperations", `${ctx.pending} queued operation(s) were never synced.`);
    return out;
  }
  return {
    model,
    stats,
    resetStats() {
      Object.assign(stats, { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, largestResponse: 0, largestRequest: 0 });
    },
    failWhen(predicate) {
      opts.failWhen = predicate;
    },
    failSaves(n) {
      saveFailures = n;
    },
    Excel: { run } as FakeOffice["Excel"],
    Office: {
      context: {
        displayLanguage: opts.displayLanguage,
        requirements: {
          isSetSupported(name: string, minVersion?: string | number) {
            if (name === "SharedRuntime") return true;
            if (name !== "ExcelApi") return false;
            return compareVersions(opts.excelApi, String(minVersion ?? "1.1")) >= 0;
          },
        },
        document: { settings },
      },
    },
  };
}
