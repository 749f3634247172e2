/** Ranges, multi-area ranges, merged areas, and a range's format (fill, font). */
import { a1 } from "../../engine/grid";
import { applyTint, Bounds, CellLayout, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, Fill, Hyperlink, intersects, key, NO_FILL, SheetModel } from "../model";
import { cellCount, ClientObject, Ctx, FakeOfficeError, MaybeNull } from "./core";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import type { FakeWorksheet } from "./workbook";

export class FakeRange extends MaybeNull {
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
  /** Through a missing …OrNullObject worksheet nothing loads (Office's null objects propagate). */
  override applyLoad(list: string[]) {
    if (this.ws.nullable && !this.ws.resolve()) return { wire: {}, commit: () => undefined };
    return super.applyLoad(list);
  }
  b(): Bounds {
    this.mustExist();
    return this.bounds()!;
  }
  sheetName(): string {
    return this.ws.sheetModel().name;
  }
  /** Calls f for every cell, row by row; reading past the cell limit fails (RangeExceedsLimit). */
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const b = this.b();
    if (cellCount(b) > this.ctx.options.maxCellsPerRead) {
      throw new FakeOfficeError("RangeExceedsLimit", "The number of cells in the range has exceeded the maximum supported number.");
    }
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
      valueTypes: () => this.grid((r, c) => model.valueType(this.sheetName(), r, c)),
      formulas: () => this.grid((r, c) => model.formula(this.sheetName(), r, c)),
      numberFormat: () => this.grid((r, c) => model.format(this.sheetName(), r, c)),
      hyperlink: () => {
        this.ctx.requireApi("1.7", "Range.hyperlink");
        const b = this.b();
        return { ...(this.ws.sheetModel().hyperlinks.get(key(b.top, b.left)) ?? {}) };
      },
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
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  private checkShape(data: unknown[][]): Bounds {
    const b = this.b();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    return b;
  }
  /** Values and formulas are parsed like typing; a locked cell of a protected sheet refuses them. */
  private writeContents(prop: string, data: unknown[][]): void {
    this.ctx.queue({ set: prop, data }, () => {
      const b = this.checkShape(data);
      const sheet = this.sheetName();
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          if (this.ctx.model.isLocked(sheet, r, c)) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        }
      }
      this.ctx.model.write(sheet, b.top, b.left, data.map((row) => row.map((typed) => ({ typed }))));
    });
  }
  set values(data: unknown[][]) {
    this.writeContents("values", data);
  }
  set formulas(data: unknown[][]) {
    this.writeContents("formulas", data);
  }
  set numberFormat(data: unknown[][]) {
    this.ctx.queue({ set: "numberFormat", data }, () => {
      const b = this.checkShape(data);
      assertMayFormat(this.ws);
      data.forEach((row, i) => row.forEach((v, j) => this.ctx.model.setFormat(this.sheetName(), b.top + i, b.left + j, String(v))));
    });
  }
  /** Merged areas whose top-left cell lies in this range (#3611); fails past 512 areas (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.ctx, this);
  }
  /** Conditional formats that touch this range (ExcelApi 1.6). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, this.ws, () => [this.b()]);
  }
  select(): void {
    this.ctx.queue({ method: "select" }, () => {
      const b = this.b();
      if (this.ws.sheetModel().visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cells of a hidden worksheet cannot be selected.");
      this.ctx.model.selection = { sheet: this.sheetName(), address: this.ctx.model.address(this.sheetName(), b.top, b.left, b.bottom, b.right) };
    });
  }
  /** Range.clear(): contents, formats, fills, notes and conditional formats of these cells. */
  clear(): void {
    this.ctx.queue({ method: "clear" }, () => {
      const b = this.b();
      const s = this.ws.sheetModel();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      const model = this.ctx.model;
      const used = model.usedRange(s.name);
      if (used && intersects(used, b)) {
        const top = Math.max(b.top, used.top);
        const left = Math.max(b.left, used.left);
        const bottom = Math.min(b.bottom, used.bottom);
        const right = Math.min(b.right, used.right);
        model.write(s.name, top, left, Array.from({ length: bottom - top + 1 }, () => Array.from({ length: right - left + 1 }, () => ({ exact: { value: null } }))));
      }
      const within = (k: string) => {
        const [r, c] = k.split(",").map(Number);
        return r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
      };
      // Clearing all takes formats (wrap, alignment, font) and hyperlinks too; column widths and row heights stay.
      for (const m of [s.formats, s.fills, s.notes, s.hyperlinks, s.layout]) for (const k of [...m.keys()]) if (within(k)) m.delete(k);
      for (const k of [...s.bold]) if (within(k)) s.bold.delete(k);
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !cf.areas.every((a) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right));
      s.merges = s.merges.filter((m) => !(m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right));
    });
  }
  /**
   * The hyperlink of the range's cells (ExcelApi 1.7). A link needs a target (a URL or a place in
   * the workbook); its text, when given, becomes the top-left cell's text (as text, never parsed).
   */
  set hyperlink(link: Hyperlink) {
    this.ctx.queue({ set: "hyperlink", link }, () => {
      this.ctx.requireApi("1.7", "Range.hyperlink");
      const fields = ["address", "documentReference", "screenTip", "textToDisplay"] as const;
      if (!link || typeof link !== "object" || Object.keys(link).some((k) => !(fields as readonly string[]).includes(k)) || fields.some((f) => link[f] !== undefined && typeof link[f] !== "string")) {
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      if (!link.address && !link.documentReference) throw new FakeOfficeError("InvalidArgument", "A hyperlink needs an address or a document reference.");
      const b = this.b();
      const sheet = this.sheetName();
      if (this.ctx.model.isLocked(sheet, b.top, b.left)) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      const { cells } = this.cellsOf();
      const s = this.ws.sheetModel();
      for (const [r, c] of cells) s.hyperlinks.set(key(r, c), { ...link });
      if (link.textToDisplay !== undefined) this.ctx.model.write(sheet, b.top, b.left, [[{ exact: { value: link.textToDisplay } }]]);
    });
  }
  get hyperlink(): Hyperlink {
    return this.read("hyperlink");
  }
  /**
   * Merge the range into one cell, or (across) each of its rows into one (ExcelApi 1.2). The top-left
   * value stays. A merge that cuts through an existing merged area fails, as Excel refuses to
   * change part of a merged cell (inferred); one wholly inside the new area is absorbed.
   */
  merge(across = false): void {
    this.ctx.queue({ method: "merge", across }, () => {
      this.ctx.requireApi("1.2", "Range.merge");
      const b = this.b();
      const s = this.ws.sheetModel();
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      const areas = across ? Array.from({ length: b.bottom - b.top + 1 }, (_, i) => ({ ...b, top: b.top + i, bottom: b.top + i })) : [b];
      for (const area of areas) {
        if (area.left === area.right && area.top === area.bottom) continue;
        const inside = (m: Bounds) => m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right;
        if (s.merges.some((m) => intersects(m, area) && !inside(m))) throw new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
        s.merges = s.merges.filter((m) => !inside(m));
        s.merges.push({ ...area });
      }
    });
  }
  cellsOf(): { sheet: string; cells: [number, number][] } {
    const b = this.b();
    if (cellCount(b) > this.ctx.options.maxCellsPerRead) throw new FakeOfficeError("RangeExceedsLimit", "The number of cells in the range has exceeded the maximum supported number.");
    const cells: [number, number][] = [];
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) cells.push([r, c]);
    return { sheet: this.sheetName(), cells };
  }
}

/** Formatting a protected sheet needs its "Format cells" permission. */
export function assertMayFormat(ws: FakeWorksheet): void {
  const s = ws.sheetModel();
  if (s.protected && !s.allowFormatCells) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
}

/** Several rectangular areas (Worksheet.getRanges): their address, and conditional formats over all of them. */
export class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: Ctx,
    readonly ws: FakeWorksheet,
    readonly areas: () => Bounds[],
  ) {
    super(ctx);
  }
  protected loaders() {
    return {
      address: () => this.areas().map((b) => `${this.ws.sheetModel().name}!${a1(b.top, b.left)}${b.top === b.bottom && b.left === b.right ? "" : `:${a1(b.bottom, b.right)}`}`).join(","),
      areaCount: () => this.areas().length,
    };
  }
  get address(): string {
    return this.read("address");
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, this.ws, this.areas);
  }
}

export class FakeMergedAreas extends MaybeNull {
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
    // Only areas whose top-left cell is inside the range are returned (#3611).
    return this.range.ws
      .sheetModel()
      .merges.filter((m) => m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right)
      .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  }
  protected exists() {
    return this.merged().length > 0;
  }
  protected loaders() {
    return {
      areaCount: () => this.merged().length,
    };
  }
  override applyLoad(list: string[]) {
    this.ctx.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    // Excel refuses a range with more than 512 merged areas (office-host.md "Reading").
    if (this.merged().length > this.ctx.options.maxMergedAreas) {
      throw new FakeOfficeError("GeneralException", `The range holds more than ${this.ctx.options.maxMergedAreas} merged areas.`);
    }
    return super.applyLoad(list);
  }
  get areas(): { items: FakeRange[] } {
    if (!this.areasLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'areas' is not available.");
    return this.areasLoaded;
  }
  protected override loadNested(head: string, rest: string[]) {
    if (head !== "areas") return super.loadNested(head, rest);
    const props = rest.map((r) => r.replace(/^items\//, ""));
    const items = this.merged().map((m) => new FakeRange(this.ctx, this.range.ws, () => m, false));
    const loads = items.map((r) => r.applyLoad(props));
    return {
      wire: loads.map((l) => l.wire),
      commit: () => {
        for (const l of loads) l.commit();
        for (const r of items) r.settle(true);
        this.areasLoaded = { items };
      },
    };
  }
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
/** Excel's limits: a row is at most 409 points high; a column at most 255 characters wide (about 1,450 points at the default font). */
const MAX_ROW_HEIGHT = 409;
const MAX_COLUMN_WIDTH = 255 * (DEFAULT_COLUMN_WIDTH / 8.43);

/**
 * A range's format: fill, font, wrap and alignment (1.1), column widths and row heights in points
 * (1.2). Each reads as its cells' common value, or null where they differ (as Excel).
 */
export class FakeRangeFormat extends ClientObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeFont;
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeFont(ctx, range);
  }
  private uniform<T>(values: T[]): T | null {
    return values.every((v) => v === values[0]) ? values[0] : null;
  }
  private layoutOf(prop: keyof CellLayout, fallback: unknown): unknown {
    const { sheet, cells } = this.range.cellsOf();
    const s = this.ctx.model.sheet(sheet)!;
    return this.uniform(cells.map(([r, c]) => s.layout.get(key(r, c))?.[prop] ?? fallback));
  }
  protected loaders() {
    return {
      wrapText: () => this.layoutOf("wrapText", false),
      horizontalAlignment: () => this.layoutOf("horizontalAlignment", "General"),
      verticalAlignment: () => this.layoutOf("verticalAlignment", "Bottom"),
      columnWidth: () => {
        this.ctx.requireApi("1.2", "RangeFormat.columnWidth");
        const b = this.range.b();
        const s = this.range.ws.sheetModel();
        return this.uniform(Array.from({ length: b.right - b.left + 1 }, (_, i) => s.columnWidths.get(b.left + i) ?? DEFAULT_COLUMN_WIDTH));
      },
      rowHeight: () => {
        this.ctx.requireApi("1.2", "RangeFormat.rowHeight");
        const b = this.range.b();
        const s = this.range.ws.sheetModel();
        return this.uniform(Array.from({ length: b.bottom - b.top + 1 }, (_, i) => s.rowHeights.get(b.top + i) ?? DEFAULT_ROW_HEIGHT));
      },
    };
  }
  private setLayout(prop: keyof CellLayout, value: unknown, valid: (v: unknown) => boolean): void {
    this.ctx.queue({ set: `format.${prop}`, value }, () => {
      if (!valid(value)) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${prop} = ${String(value)}`);
      assertMayFormat(this.range.ws);
      const { sheet, cells } = this.range.cellsOf();
      const s = this.ctx.model.sheet(sheet)!;
      for (const [r, c] of cells) s.layout.set(key(r, c), { ...s.layout.get(key(r, c)), [prop]: value });
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.setLayout("wrapText", v, (x) => typeof x === "boolean");
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.setLayout("horizontalAlignment", v, (x) => HORIZONTAL.includes(x as string));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.setLayout("verticalAlignment", v, (x) => VERTICAL.includes(x as string));
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  /** Every column of the range gets this width (points). */
  set columnWidth(v: number) {
    this.setSize("columnWidth", v, MAX_COLUMN_WIDTH, (s, b) => {
      for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  /** Every row of the range gets this height (points): Excel no longer fits these rows to their text. */
  set rowHeight(v: number) {
    this.setSize("rowHeight", v, MAX_ROW_HEIGHT, (s, b) => {
      for (let r = b.top; r <= b.bottom; r++) s.rowHeights.set(r, v);
    });
  }
  /** A width or height in points (ExcelApi 1.2), from 0 to Excel's limit. */
  private setSize(prop: "columnWidth" | "rowHeight", v: number, max: number, apply: (s: SheetModel, b: Bounds) => void): void {
    this.ctx.queue({ set: `format.${prop}`, v }, () => {
      this.ctx.requireApi("1.2", `RangeFormat.${prop}`);
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > max) throw new FakeOfficeError("InvalidArgument", `Invalid ${prop} ${String(v)}.`);
      assertMayFormat(this.range.ws);
      apply(this.range.ws.sheetModel(), this.range.b());
    });
  }
  autofitColumns(): void {
    this.ctx.queue({ method: "autofitColumns" }, () => {
      this.ctx.requireApi("1.2", "RangeFormat.autofitColumns");
      assertMayFormat(this.range.ws);
    });
  }
  /**
   * Rows fit their text again (1.2): their set heights are dropped. Excel measures wrapped text in
   * cells of their own only; a merged cell's text is not measured, so a row of merged cells fitted
   * this way shows one line (the fake keeps no measure: a fitted row simply has no set height).
   */
  autofitRows(): void {
    this.ctx.queue({ method: "autofitRows" }, () => {
      this.ctx.requireApi("1.2", "RangeFormat.autofitRows");
      assertMayFormat(this.range.ws);
      const b = this.range.b();
      const s = this.range.ws.sheetModel();
      for (let r = b.top; r <= b.bottom; r++) s.rowHeights.delete(r);
    });
  }
}

/** Only bold and size are written (the report's headings); reading them is not supported. */
export class FakeFont {
  constructor(
    private readonly ctx: Ctx,
    private readonly range: FakeRange,
  ) {}
  set bold(v: boolean) {
    this.ctx.queue({ set: "font.bold", v }, () => {
      assertMayFormat(this.range.ws);
      const { sheet, cells } = this.range.cellsOf();
      const s = this.ctx.model.sheet(sheet)!;
      for (const [r, c] of cells) {
        if (v) s.bold.add(key(r, c));
        else s.bold.delete(key(r, c));
      }
    });
  }
  get bold(): boolean {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'bold' is not available.");
  }
  /** Points, 1 to 409 as Excel allows. */
  set size(v: number) {
    this.ctx.queue({ set: "font.size", v }, () => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 1 || v > 409) throw new FakeOfficeError("InvalidArgument", `Invalid font size ${String(v)}.`);
      assertMayFormat(this.range.ws);
      const { sheet, cells } = this.range.cellsOf();
      const s = this.ctx.model.sheet(sheet)!;
      for (const [r, c] of cells) s.layout.set(key(r, c), { ...s.layout.get(key(r, c)), fontSize: v });
    });
  }
  get size(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'size' is not available.");
  }
}

type FillProp = keyof Fill;
const GRADIENTS = ["LinearGradient", "RectangularGradient"];

/**
 * A range's own fill, read as Excel reports it: No Fill reads color "#FFFFFF" with pattern and
 * tintAndShade null (#4900, #6218), so it looks like white; a theme colour reads as the colour drawn,
 * with its tint beside it (writing both back tints twice); gradients cannot be set (UnsupportedFillType).
 */
export class FakeRangeFill extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  /** One cell's fill as the API reports it. */
  private reported(f: Fill): Record<FillProp, string | number | null> {
    if (f.pattern === "None") return { color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };
    return { color: applyTint(f.color, f.tintAndShade), pattern: f.pattern, patternColor: f.patternColor, tintAndShade: f.tintAndShade, patternTintAndShade: f.patternTintAndShade };
  }
  /** A range's fill property is its cells' value when they agree, else null (as Excel). */
  private uniform(prop: FillProp): unknown {
    const { sheet, cells } = this.range.cellsOf();
    const values = cells.map(([r, c]) => this.reported(this.ctx.model.fill(sheet, r, c))[prop]);
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
  private set(prop: FillProp, value: string | number | null): void {
    this.ctx.queue({ set: `fill.${prop}`, value }, () => {
      assertMayFormat(this.range.ws);
      if (prop === "pattern" && typeof value === "string" && GRADIENTS.includes(value)) {
        throw new FakeOfficeError("UnsupportedFillType", "Gradient fills cannot be set through the API.");
      }
      const { sheet, cells } = this.range.cellsOf();
      for (const [r, c] of cells) {
        const f = this.ctx.model.fill(sheet, r, c);
        // Writing pattern null changes nothing (what reads as "no pattern" is not a way to clear); "None" clears.
        if (prop === "pattern" && value === null) continue;
        if (prop === "pattern" && value === "None") {
          this.ctx.model.setFill(sheet, r, c, NO_FILL);
          continue;
        }
        (f as unknown as Record<string, unknown>)[prop] = value ?? (prop === "tintAndShade" || prop === "patternTintAndShade" ? 0 : f[prop]);
        // Giving a colour to a cell without fill makes it a solid fill (solid white hides the gridlines).
        if (f.pattern === "None") f.pattern = "Solid";
        this.ctx.model.setFill(sheet, r, c, f);
      }
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
      assertMayFormat(this.range.ws);
      const { sheet, cells } = this.range.cellsOf();
      for (const [r, c] of cells) this.ctx.model.setFill(sheet, r, c, NO_FILL);
    });
  }
}
