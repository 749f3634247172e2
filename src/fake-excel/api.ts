/**
 * A strict in-memory implementation of the Excel JavaScript API subset the Office adapter uses.
 * Strict like Office: reading a property that was not loaded and synced throws; *OrNullObject
 * results are known only after a sync; writes are queued and applied in order at sync, and a failing
 * operation stops the batch with the earlier operations applied (a batch is not a transaction).
 * It counts syncs and request/response bytes, fails a response above the payload limit, and gives
 * null values past 5,000,000 cells, as Excel on the web does.
 */
import { parseA1 } from "../engine/grid";
import { Fill, NO_FILL, SheetModel, WorkbookModel } from "./model";

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set supported (e.g. "1.18"; "1.9" to test run-time gating). */
  excelApi?: string;
  displayLanguage?: string;
  /** Excel on the web answers at most 5 MB per request. */
  maxResponseBytes?: number;
  /** Ranges larger than this give null values (Excel on the web). */
  maxCellsWithValues?: number;
  /** Each sync takes this long (the playground's ?delay=, to watch progress as on a slow connection). */
  syncDelayMs?: number;
  /** Tests: make the operation that matches fail at sync (the batch stops there). */
  failWhen?: ((operation: unknown) => boolean) | null;
}

export interface FakeStats {
  runs: number;
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  /** Largest single response, in bytes. */
  largestResponse: number;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

interface Op {
  describe: unknown;
  run: () => unknown;
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

class Ctx {
  ops: Op[] = [];
  syncCount = 0;
  readonly workbook: FakeWorkbook;
  constructor(
    readonly model: WorkbookModel,
    readonly stats: FakeStats,
    readonly options: Required<FakeOfficeOptions>,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(describe: unknown, run: () => unknown): void {
    this.ops.push({ describe, run });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.stats.syncs++;
    if (this.options.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.syncDelayMs));
    this.stats.requestBytes += utf8(JSON.stringify(ops.map((o) => o.describe)));
    let response = 0;
    try {
      for (const op of ops) {
        if (this.options.failWhen?.(op.describe)) throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
        const out = op.run();
        if (out !== undefined) response += utf8(JSON.stringify(out));
        if (response > this.options.maxResponseBytes) {
          throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
        }
      }
    } finally {
      this.syncCount++;
      this.stats.responseBytes += response;
      this.stats.largestResponse = Math.max(this.stats.largestResponse, response);
      this.model.changed();
    }
  }
}

/** Base of every proxy: properties readable only after load + sync. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Ctx) {}

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

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue({ load: list }, () => this.applyLoad(list));
    return this;
  }

  /** Runs at sync; returns what goes over the wire. */
  applyLoad(list: string[]): unknown {
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
      const v = loader();
      this.store(p, v);
      out[p] = v;
    }
    for (const [head, rest] of nested) out[head] = this.loadNested(head, rest);
    return out;
  }

  protected loadNested(head: string, _rest: string[]): unknown {
    throw new FakeOfficeError("InvalidArgument", `Cannot load '${head}/…' here.`);
  }
}

/** Objects that may be null (…OrNullObject): isNullObject is known after the next sync. */
abstract class MaybeNull extends ClientObject {
  private readonly createdAt: number;
  constructor(
    ctx: Ctx,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    this.createdAt = ctx.syncCount;
  }
  protected abstract exists(): boolean;

  get isNullObject(): boolean {
    if (this.ctx.syncCount <= this.createdAt) {
      throw new FakeOfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available before context.sync().");
    }
    return this.nullable && !this.exists();
  }

  /** Fail (at sync) when an object that must exist does not. */
  protected mustExist(): void {
    if (!this.exists()) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
  }

  override applyLoad(list: string[]): unknown {
    if (!this.exists()) {
      if (this.nullable) return {};
      this.mustExist();
    }
    return super.applyLoad(list);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: Ctx) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

class FakeWorksheetCollection extends ClientObject {
  private itemsLoaded: FakeWorksheet[] | undefined;
  protected loaders() {
    return {};
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  protected override loadNested(head: string, rest: string[]): unknown {
    if (head !== "items") return super.loadNested(head, rest);
    this.itemsLoaded = this.ctx.model.sheets.map((s) => {
      const name = s.name;
      const ws = new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), false);
      return ws;
    });
    return this.itemsLoaded.map((ws) => ws.applyLoad(rest));
  }
  getActiveWorksheet(): FakeWorksheet {
    const model = this.ctx.model;
    return new FakeWorksheet(this.ctx, () => model.sheets[model.active], false);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), true);
  }
  add(name?: string): FakeWorksheet {
    const model = this.ctx.model;
    let created: SheetModel | undefined;
    this.ctx.queue({ method: "worksheets.add", name }, () => {
      let n = name;
      for (let i = model.sheets.length + 1; !n || model.sheet(n); i++) n = `Sheet${i}`;
      created = model.addSheet(n);
      return undefined;
    });
    return new FakeWorksheet(this.ctx, () => created, false);
  }
}

class FakeWorksheet extends MaybeNull {
  readonly protection: FakeProtection;
  readonly notes: FakeNoteCollection;
  constructor(
    ctx: Ctx,
    readonly resolve: () => SheetModel | undefined,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.protection = new FakeProtection(ctx, this);
    this.notes = new FakeNoteCollection(ctx, this);
  }
  protected exists() {
    return !!this.resolve();
  }
  sheetModel(): SheetModel {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested worksheet doesn't exist.");
    return s;
  }
  protected loaders() {
    return { name: () => this.sheetModel().name };
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.queue({ set: "name", value }, () => {
      this.ctx.model.renameSheet(this.sheetModel().name, value);
      return undefined;
    });
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, this, () => (this.resolve() ? this.ctx.model.usedRange(this.sheetModel().name) : undefined), true);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      if (address === undefined) {
        const used = this.ctx.model.usedRange(this.sheetModel().name);
        return used ?? { top: 0, left: 0, bottom: 0, right: 0 };
      }
      return parseRange(address);
    }, false);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }), false);
  }
  activate(): void {
    this.ctx.queue({ method: "activate" }, () => {
      this.ctx.model.active = this.ctx.model.sheets.indexOf(this.sheetModel());
      return undefined;
    });
  }
  delete(): void {
    this.ctx.queue({ method: "delete" }, () => {
      const s = this.resolve();
      if (s) this.ctx.model.deleteSheet(s.name);
      return undefined;
    });
  }
}

class FakeProtection extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected loaders() {
    return { protected: () => this.ws.sheetModel().protected };
  }
  /** The protection of a null worksheet loads nothing (as Office: its properties stay unset). */
  override applyLoad(list: string[]): unknown {
    return this.ws.resolve() ? super.applyLoad(list) : {};
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

function parseRange(address: string): Bounds {
  const plain = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = plain.split(":");
  const s = parseA1(a);
  const e = parseA1(b ?? a);
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

class FakeRange extends MaybeNull {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: Ctx,
    readonly ws: FakeWorksheet,
    readonly bounds: () => Bounds | undefined,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.format = new FakeRangeFormat(ctx, this);
  }
  protected exists() {
    return this.ws.resolve() !== undefined && this.bounds() !== undefined;
  }
  private b(): Bounds {
    this.mustExist();
    return this.bounds()!;
  }
  private sheetName(): string {
    return this.ws.sheetModel().name;
  }
  /** Calls f for every cell, row by row; null when the range is past Excel on the web's cell limit. */
  private grid<T>(f: (r: number, c: number) => T): T[][] | null {
    const b = this.b();
    if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > this.ctx.options.maxCellsWithValues) return null;
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  protected loaders() {
    const model = this.ctx.model;
    return {
      address: () => {
        const b = this.b();
        return model.address(this.sheetName(), b.top, b.left, b.bottom, b.right);
      },
      rowIndex: () => this.b().top,
      columnIndex: () => this.b().left,
      rowCount: () => this.b().bottom - this.b().top + 1,
      columnCount: () => this.b().right - this.b().left + 1,
      values: () => this.grid((r, c) => model.value(this.sheetName(), r, c)),
      formulas: () => this.grid((r, c) => model.formula(this.sheetName(), r, c)),
      numberFormat: () => this.grid((r, c) => model.format(this.sheetName(), r, c)),
    };
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  /** Queue a 2-D write that must match the range's shape; a protected sheet refuses it at sync. */
  private write(prop: string, data: unknown[][], apply: (r: number, c: number, v: unknown) => void): void {
    this.ctx.queue({ set: prop, data }, () => {
      const b = this.b();
      if (this.ws.sheetModel().protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (data.length !== rows || data.some((row) => row.length !== cols)) {
        throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) apply(b.top + r, b.left + c, data[r][c]);
      return undefined;
    });
  }
  set values(data: unknown[][]) {
    this.write("values", data, (r, c, v) => this.ctx.model.setValueAsText(this.sheetName(), r, c, v));
  }
  set formulas(data: unknown[][]) {
    this.write("formulas", data, (r, c, v) => this.ctx.model.setInput(this.sheetName(), r, c, v));
  }
  set numberFormat(data: unknown[][]) {
    this.write("numberFormat", data, (r, c, v) => this.ctx.model.setFormat(this.sheetName(), r, c, String(v)));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }
  select(): void {
    this.ctx.queue({ method: "select" }, () => {
      const b = this.b();
      this.ctx.model.selection = { sheet: this.sheetName(), address: this.ctx.model.address(this.sheetName(), b.top, b.left, b.bottom, b.right) };
      return undefined;
    });
  }
  clear(): void {
    this.ctx.queue({ method: "clear" }, () => {
      const b = this.b();
      const s = this.ws.sheetModel();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          this.ctx.model.setInput(s.name, r, c, "");
          this.ctx.model.setFormat(s.name, r, c, "General");
          this.ctx.model.setFill(s.name, r, c, NO_FILL);
        }
      }
      return undefined;
    });
  }
  cellsOf(): { sheet: string; cells: [number, number][] } {
    const b = this.b();
    const cells: [number, number][] = [];
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) cells.push([r, c]);
    return { sheet: this.sheetName(), cells };
  }
}

class FakeRangeAreas extends MaybeNull {
  private areasLoaded: { items: FakeRange[] } | undefined;
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx, true);
  }
  private merged(): Bounds[] {
    if (!this.range.ws.resolve() || !this.range.bounds()) return [];
    const b = this.range.bounds()!;
    return this.range.ws
      .sheetModel()
      .merges.filter((m) => m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left)
      .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  }
  protected exists() {
    return this.merged().length > 0;
  }
  protected loaders() {
    return {};
  }
  get areas(): { items: FakeRange[] } {
    if (!this.areasLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'areas' is not available.");
    return this.areasLoaded;
  }
  protected override loadNested(head: string, rest: string[]): unknown {
    if (head !== "areas") return super.loadNested(head, rest);
    const props = rest.map((r) => r.replace(/^items\//, ""));
    const items = this.merged().map((m) => new FakeRange(this.ctx, this.range.ws, () => m, false));
    this.areasLoaded = { items };
    return items.map((r) => r.applyLoad(props));
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeFont;
  constructor(
    private readonly ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeFont(ctx, range);
  }
  autofitColumns(): void {
    this.ctx.queue({ method: "autofitColumns" }, () => undefined);
  }
}

/** Only bold is written (the report header); reading it is not supported. */
class FakeFont {
  constructor(
    private readonly ctx: Ctx,
    private readonly range: FakeRange,
  ) {}
  set bold(v: boolean) {
    this.ctx.queue({ set: "font.bold", v }, () => {
      const { sheet, cells } = this.range.cellsOf();
      const s = this.ctx.model.sheet(sheet)!;
      for (const [r, c] of cells) {
        if (v) s.bold.add(`${r},${c}`);
        else s.bold.delete(`${r},${c}`);
      }
      return undefined;
    });
  }
  get bold(): boolean {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'bold' is not available.");
  }
}

type FillProp = keyof Fill;

class FakeRangeFill extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  /** A range's fill property is its cells' value when they agree, else null (as Excel). */
  private uniform(prop: FillProp): unknown {
    const { sheet, cells } = this.range.cellsOf();
    const values = cells.map(([r, c]) => this.ctx.model.fill(sheet, r, c)[prop]);
    return values.every((v) => v === values[0]) ? values[0] : null;
  }
  protected loaders() {
    return {
      color: () => this.uniform("color"),
      pattern: () => this.uniform("pattern"),
      patternColor: () => this.uniform("patternColor"),
      tintAndShade: () => this.uniform("tintAndShade"),
      patternTintAndShade: () => this.uniform("patternTintAndShade"),
    };
  }
  private set(prop: FillProp, value: string | number): void {
    this.ctx.queue({ set: `fill.${prop}`, value }, () => {
      const { sheet, cells } = this.range.cellsOf();
      if (this.ctx.model.sheet(sheet)!.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      for (const [r, c] of cells) {
        const f = this.ctx.model.fill(sheet, r, c);
        (f as unknown as Record<string, unknown>)[prop] = value;
        // Giving a colour to a cell without fill makes it a solid fill, as in Excel.
        if (prop === "color" && f.pattern === "None") f.pattern = "Solid";
        this.ctx.model.setFill(sheet, r, c, f);
      }
      return undefined;
    });
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", v);
  }
  get pattern(): string {
    return this.read("pattern");
  }
  set pattern(v: string) {
    this.set("pattern", v);
  }
  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(v: string) {
    this.set("patternColor", v);
  }
  get tintAndShade(): number {
    return this.read("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.set("tintAndShade", v);
  }
  get patternTintAndShade(): number {
    return this.read("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.set("patternTintAndShade", v);
  }
  clear(): void {
    this.ctx.queue({ method: "fill.clear" }, () => {
      const { sheet, cells } = this.range.cellsOf();
      if (this.ctx.model.sheet(sheet)!.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      for (const [r, c] of cells) this.ctx.model.setFill(sheet, r, c, NO_FILL);
      return undefined;
    });
  }
}

class FakeNoteCollection {
  constructor(
    private readonly ctx: Ctx,
    private readonly ws: FakeWorksheet,
  ) {}
  private key(address: string): string {
    const { row, col } = parseA1(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address);
    return `${row},${col}`;
  }
  add(address: string, content: string): FakeNote {
    const k = this.key(address);
    this.ctx.queue({ method: "notes.add", address, content }, () => {
      const s = this.ws.sheetModel();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      if (s.notes.has(k)) throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
      s.notes.set(k, content);
      return undefined;
    });
    return new FakeNote(this.ctx, this.ws, k, false);
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, this.key(address), true);
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, this.key(address), false);
  }
}

class FakeNote extends MaybeNull {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(ctx, nullable);
  }
  protected exists() {
    return !!this.ws.resolve()?.notes.has(this.key);
  }
  protected loaders() {
    return { content: () => this.ws.sheetModel().notes.get(this.key) };
  }
  get content(): string {
    return this.read("content");
  }
  set content(v: string) {
    this.ctx.queue({ set: "note.content", v }, () => {
      this.mustExist();
      this.ws.sheetModel().notes.set(this.key, v);
      return undefined;
    });
  }
  delete(): void {
    this.ctx.queue({ method: "note.delete" }, () => {
      this.mustExist();
      this.ws.sheetModel().notes.delete(this.key);
      return undefined;
    });
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface FakeOffice {
  Excel: { run: <T>(batch: (context: never) => Promise<T>) => Promise<T> };
  Office: {
    context: {
      displayLanguage: string;
      requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
      document: { settings: { get(name: string): unknown; set(name: string, value: unknown): void; remove(name: string): void; saveAsync(cb?: (r: { status: string }) => void): void } };
    };
  };
  stats: FakeStats;
  resetStats(): void;
  /** Tests: fail the operation that matches, from the next sync on (null to stop). */
  failWhen(predicate: ((operation: unknown) => boolean) | null): void;
  model: WorkbookModel;
}

export function createFakeOffice(model: WorkbookModel, options: FakeOfficeOptions = {}): FakeOffice {
  const opts: Required<FakeOfficeOptions> = {
    excelApi: options.excelApi ?? "1.18",
    displayLanguage: options.displayLanguage ?? "zh-CN",
    maxResponseBytes: options.maxResponseBytes ?? 5_000_000,
    maxCellsWithValues: options.maxCellsWithValues ?? 5_000_000,
    failWhen: options.failWhen ?? null,
    syncDelayMs: options.syncDelayMs ?? 0,
  };
  const stats: FakeStats = { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, largestResponse: 0 };
  const fake: FakeOffice = {
    model,
    stats,
    resetStats() {
      Object.assign(stats, { runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, largestResponse: 0 });
    },
    failWhen(predicate) {
      opts.failWhen = predicate;
    },
    Excel: {
      async run<T>(batch: (context: never) => Promise<T>): Promise<T> {
        stats.runs++;
        const ctx = new Ctx(model, stats, opts);
        const out = await batch(ctx as never);
        if (ctx.ops.length) throw new FakeOfficeError("UnsyncedOperations", `${ctx.ops.length} queued operation(s) were never synced.`);
        return out;
      },
    },
    Office: {
      context: {
        displayLanguage: opts.displayLanguage,
        requirements: {
          isSetSupported(name: string, minVersion?: string | number) {
            if (name !== "ExcelApi") return name === "SharedRuntime";
            return compareVersions(opts.excelApi, String(minVersion ?? "1.1")) >= 0;
          },
        },
        document: {
          settings: {
            get: (name: string) => (model.settings.has(name) ? structuredClone(model.settings.get(name)) : null),
            set: (name: string, value: unknown) => void model.settings.set(name, structuredClone(value)),
            remove: (name: string) => void model.settings.delete(name),
            saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }),
          },
        },
      },
    },
  };
  return fake;
}
