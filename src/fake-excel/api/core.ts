/**
 * The request context and the base of every proxy object of the fake Excel API. Strict as Office:
 * a property can be read only after it was loaded and a sync succeeded; a failed sync delivers none
 * of its batch's loaded results (operations before the failing one stay applied: a batch is not a
 * transaction); requests and responses have size limits; a batch fails while the user edits a cell
 * unless the run asked to wait (delayForCellEdit); APIs above the host's requirement set fail.
 */
import { parseA1 } from "../../engine/grid";
import { Bounds, MAX_COLUMNS, MAX_ROWS, ModelError, WorkbookModel } from "../model";

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set supported (e.g. "1.18"; "1.9" to test run-time gating). */
  excelApi?: string;
  displayLanguage?: string;
  /** Where Excel runs: Excel on the web refuses loading a note's visible/height/width (#6198). */
  platform?: "web" | "windows" | "mac";
  /** Excel on the web answers at most 5 MB per response. */
  maxResponseBytes?: number;
  /** …and takes at most 5 MB per request (RequestPayloadSizeLimitExceeded). */
  maxRequestBytes?: number;
  /** Reading more cells than this at once fails with RangeExceedsLimit. */
  maxCellsPerRead?: number;
  /** getMergedAreasOrNullObject fails on a range holding more merged areas than this (512). */
  maxMergedAreas?: number;
  /** Document settings: set() fails past this many bytes of JSON in all (#3957 reports ~1 MB). */
  maxSettingsBytes?: number;
  /** Each sync takes this long (the playground's ?delay=, to watch progress as on a slow connection). */
  syncDelayMs?: number;
  /** Tests: make the operation that matches fail at sync (the batch stops there). */
  failWhen?: ((operation: unknown) => boolean) | null;
}

export type ResolvedOptions = Required<FakeOfficeOptions>;

export interface FakeStats {
  runs: number;
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** Largest single response, in bytes. */
  largestResponse: number;
  /** Largest single request, in bytes. */
  largestRequest: number;
}

/** A RichApi error as Office reports it: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const utf8 = (s: string) => new TextEncoder().encode(s).length;

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Op {
  describe: unknown;
  /** Runs at sync, in order; returns what goes over the wire and what becomes readable if the sync succeeds. */
  run: () => { wire?: unknown; commit?: () => void } | void;
}

export class Ctx {
  private ops: Op[] = [];
  /** Proxies whose isNullObject is settled by the next sync. */
  private pendingNullChecks: MaybeNull[] = [];
  syncCount = 0;
  constructor(
    readonly model: WorkbookModel,
    readonly stats: FakeStats,
    readonly options: ResolvedOptions,
    /** Excel.run({ delayForCellEdit: true }) on a host that has it (ExcelApi 1.11). */
    readonly delayForCellEdit: boolean,
  ) {}

  get pending(): number {
    return this.ops.length;
  }

  queue(describe: unknown, run: Op["run"]): void {
    this.ops.push({ describe, run });
  }

  watchNull(o: MaybeNull): void {
    this.pendingNullChecks.push(o);
  }

  /** An API above the host's requirement set is not there. */
  requireApi(version: string, what: string): void {
    if (compareVersions(this.options.excelApi, version) < 0) {
      throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}; this host has ${this.options.excelApi}.`);
    }
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    const nullChecks = this.pendingNullChecks;
    this.ops = [];
    this.pendingNullChecks = [];
    this.stats.syncs++;
    this.syncCount++;
    if (this.options.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.syncDelayMs));
    if (this.model.cellEditing) {
      if (!this.delayForCellEdit) throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
      await this.model.whenNotEditing();
    }
    const request = utf8(JSON.stringify(ops.map((o) => o.describe)));
    this.stats.requestBytes += request;
    this.stats.largestRequest = Math.max(this.stats.largestRequest, request);
    if (request > this.options.maxRequestBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    let response = 0;
    const commits: (() => void)[] = [];
    try {
      for (const op of ops) {
        if (this.options.failWhen?.(op.describe)) throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
        let out;
        try {
          out = op.run();
        } catch (e) {
          throw e instanceof ModelError ? new FakeOfficeError(e.code, e.message) : e;
        }
        if (out?.wire !== undefined) response += utf8(JSON.stringify(out.wire));
        if (out?.commit) commits.push(out.commit);
        if (response > this.options.maxResponseBytes) {
          throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
        }
      }
      const settled = nullChecks.map((o) => [o, o.existsNow()] as const);
      // Only a batch that succeeded delivers what it loaded.
      for (const c of commits) c();
      for (const [o, exists] of settled) o.settle(exists);
    } finally {
      this.stats.responseBytes += response;
      this.stats.largestResponse = Math.max(this.stats.largestResponse, response);
      this.model.changed();
    }
  }
}

/** Base of every proxy: properties readable only after load + a successful sync. */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(readonly ctx: Ctx) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  protected store(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  /** Loadable scalar properties: name → how to read it from the model at sync. */
  protected abstract loaders(): Record<string, () => unknown>;

  load(props?: string | string[] | { $all?: boolean }): this {
    const list = typeof props === "object" && !Array.isArray(props) ? Object.keys(this.loaders()) : (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue({ load: list }, () => this.applyLoad(list));
    return this;
  }

  /** Runs at sync: reads from the model now, stores at commit. */
  applyLoad(list: string[]): { wire: unknown; commit: () => void } {
    const loaders = this.loaders();
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const p of list) {
      const slash = p.indexOf("/");
      if (slash > 0) {
        const head = p.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), p.slice(slash + 1)]);
        continue;
      }
      const loader = loaders[p];
      if (!loader) throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}'.`);
      out[p] = loader();
    }
    const commits: (() => void)[] = [];
    for (const [head, rest] of nested) {
      const r = this.loadNested(head, rest);
      out[head] = r.wire;
      commits.push(r.commit);
    }
    return {
      wire: out,
      commit: () => {
        for (const [p, v] of Object.entries(out)) if (!nested.has(p)) this.store(p, v);
        for (const c of commits) c();
      },
    };
  }

  protected loadNested(head: string, _rest: string[]): { wire: unknown; commit: () => void } {
    throw new FakeOfficeError("InvalidArgument", `Cannot load '${head}/…' here.`);
  }
}

/** Objects that may be null (…OrNullObject): isNullObject is known after the next successful sync. */
export abstract class MaybeNull extends ClientObject {
  private settled: boolean | undefined;
  constructor(
    ctx: Ctx,
    readonly nullable: boolean,
  ) {
    super(ctx);
    ctx.watchNull(this);
  }
  protected abstract exists(): boolean;

  existsNow(): boolean {
    return this.exists();
  }

  settle(exists: boolean): void {
    this.settled = exists;
  }

  get isNullObject(): boolean {
    if (this.settled === undefined) {
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available before a successful context.sync().");
    }
    return this.nullable && !this.settled;
  }

  /** Fail (at sync) when an object that must exist does not. */
  protected mustExist(): void {
    if (!this.exists()) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
  }

  override applyLoad(list: string[]): { wire: unknown; commit: () => void } {
    if (!this.exists()) {
      if (this.nullable) return { wire: {}, commit: () => undefined };
      this.mustExist();
    }
    return super.applyLoad(list);
  }
}

/** The whole sheet: what getRange() without an address means. */
export const WHOLE_SHEET: Bounds = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

/** "B3", "B3:D9", "Sheet!B3:D9", "3:3", "B:B" → bounds. */
export function parseRange(address: string): Bounds {
  const plain = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(/\$/g, "").trim();
  const [a, b = a] = plain.split(":");
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: MAX_COLUMNS - 1 };
  if (/^[A-Za-z]+$/.test(a) && /^[A-Za-z]+$/.test(b)) {
    const l = parseA1(`${a}1`).col;
    const r = parseA1(`${b}1`).col;
    return { top: 0, left: Math.min(l, r), bottom: MAX_ROWS - 1, right: Math.max(l, r) };
  }
  let s;
  let e;
  try {
    s = parseA1(a);
    e = parseA1(b);
  } catch {
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  }
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

export const cellCount = (b: Bounds) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
