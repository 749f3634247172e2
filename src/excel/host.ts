/**
 * How the adapter talks to Excel: one place for Excel.run (waiting while the user edits a cell),
 * for what the host supports, and for turning RichApi errors into the port's errors.
 */
import { PortError, PortErrorKind } from "../addin/port";

export interface DocumentSettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string | Office.AsyncResultStatus; error?: { code?: number; message?: string } }) => void): void;
}

/** What the adapter needs of the host: Excel.run and Office.context (the real ones, or a fake). */
export interface OfficeHost {
  Excel: {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  };
  Office: {
    context: {
      displayLanguage?: string;
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
      document?: { settings: DocumentSettingsStore };
    };
  };
}

/** How much to ask of Excel at once. */
export interface HostLimits {
  /** Largest response to ask for in one sync (Excel on the web answers at most 5 MB). */
  maxResponseBytes: number;
  /** Largest number of cells to read in one sync (5,000,000 everywhere). */
  maxCells: number;
  /** Estimated response bytes per cell read (value, value type, formula, number format; JSON). */
  bytesPerCell: number;
  /** Largest request to send in one sync when writing (Excel on the web takes at most 5 MB). */
  maxRequestBytes: number;
}

export const DEFAULT_LIMITS: HostLimits = { maxResponseBytes: 4_000_000, maxCells: 5_000_000, bytesPerCell: 120, maxRequestBytes: 1_000_000 };

/** The host from the globals office.js defines (only after Office.onReady: see startup.ts). */
export function globalHost(): OfficeHost {
  const g = globalThis as { Excel?: OfficeHost["Excel"]; Office?: OfficeHost["Office"] };
  return { Excel: g.Excel!, Office: g.Office! };
}

export function supports(host: OfficeHost, version: string): boolean {
  return host.Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** The RichApi error code (Excel.ErrorCodes), if the error has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The sheet's protection, loaded: read `.protected` after the next sync. */
export function loadProtection(ws: Excel.Worksheet): Excel.WorksheetProtection {
  const protection = ws.protection;
  protection.load("protected");
  return protection;
}

/** Only a literal true means missing (mocks that do not model null objects answer with other values). */
export const isNull = (o: { isNullObject: boolean }) => o.isNullObject === true;

/**
 * One Excel.run. While the user is editing a cell, Excel fails a batch unless the run asks to wait
 * (delayForCellEdit, ExcelApi 1.11): then the request waits until the edit ends. Without 1.11 the
 * failure becomes a "cell-edit" error that tells the user to finish the edit first.
 */
export async function run<T>(host: OfficeHost, failure: PortErrorKind, sheet: string | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return supports(host, "1.11") ? await host.Excel.run({ delayForCellEdit: true }, batch) : await host.Excel.run(batch);
  } catch (e) {
    throw asPortError(e, failure, sheet);
  }
}

export function asPortError(e: unknown, failure: PortErrorKind, sheet?: string): PortError {
  if (e instanceof PortError) return e;
  const code = errorCode(e);
  if (code === "InvalidOperationInCellEditMode") return new PortError("cell-edit", describe(e), sheet);
  if (code === "AccessDenied") return new PortError("protected", describe(e), sheet);
  return new PortError(failure, describe(e), sheet);
}

/** Split into groups whose estimated request stays under the budget. */
export function byBudget<T>(items: T[], size: (t: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const s = size(item);
    if (current.length && bytes + s > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += s;
  }
  if (current.length) groups.push(current);
  return groups;
}

export const bytesOf = (v: unknown) => new TextEncoder().encode(JSON.stringify(v) ?? "").length + 100;

/** Run one step per group, one after the other (each step ends with its own sync). */
export function inSequence<T>(groups: T[], step: (group: T) => Promise<void>): Promise<void> {
  return groups.reduce((chain, g) => chain.then(() => step(g)), Promise.resolve());
}
