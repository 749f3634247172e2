/** The workbook, the application (calculation), the worksheets and their protection. */
import { Bounds, MAX_COLUMNS, PageLayoutModel, SheetModel } from "../model";
import { ClientObject, Ctx, FakeOfficeError, MaybeNull, parseRange, WHOLE_SHEET } from "./core";
import { FakeCommentCollection, FakeNoteCollection } from "./annotations";
import { FakeRange, FakeRangeAreas } from "./range";

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(readonly context: Ctx) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
  }
}

/** Application.calculationMode (ExcelApi 1.8) and calculate (1.1). */
export class FakeApplication extends ClientObject {
  protected loaders() {
    return {
      calculationMode: () => {
        this.ctx.requireApi("1.8", "Application.calculationMode");
        return this.ctx.model.calculationMode;
      },
    };
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  set calculationMode(mode: string) {
    this.ctx.queue({ set: "calculationMode", mode }, () => {
      this.ctx.requireApi("1.8", "Application.calculationMode");
      if (mode !== "Automatic" && mode !== "Manual") throw new FakeOfficeError("InvalidArgument", `Unsupported calculation mode ${mode}.`);
      this.ctx.model.setCalculationMode(mode);
    });
  }
  calculate(type: string): void {
    this.ctx.queue({ method: "calculate", type }, () => {
      if (type !== "Recalculate" && type !== "Full" && type !== "FullRebuild") throw new FakeOfficeError("InvalidArgument", `Unknown calculation type ${type}.`);
      this.ctx.model.calculate(type);
    });
  }
}

export class FakeWorksheetCollection extends ClientObject {
  private itemsLoaded: FakeWorksheet[] | undefined;
  protected loaders() {
    return {};
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  protected override loadNested(head: string, rest: string[]) {
    if (head !== "items") return super.loadNested(head, rest);
    const items = this.ctx.model.sheets.map((s) => {
      const id = s.id;
      return new FakeWorksheet(this.ctx, () => this.ctx.model.sheets.find((x) => x.id === id), false);
    });
    const loads = items.map((ws) => ws.applyLoad(rest));
    return {
      wire: loads.map((l) => l.wire),
      commit: () => {
        for (const l of loads) l.commit();
        for (const ws of items) ws.settle(true);
        this.itemsLoaded = items;
      },
    };
  }
  getActiveWorksheet(): FakeWorksheet {
    const model = this.ctx.model;
    // Resolved once (at the next sync): the proxy stays on that sheet even if another is activated later.
    let id: string | undefined;
    return new FakeWorksheet(this.ctx, () => {
      id ??= model.sheets[model.active]?.id;
      return model.sheets.find((s) => s.id === id);
    }, false);
  }
  /** By name or by id, as Excel's getItem(key). */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheetByKey(key), false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheetByKey(key), true);
  }
  add(name?: string): FakeWorksheet {
    const model = this.ctx.model;
    let created: SheetModel | undefined;
    this.ctx.queue({ method: "worksheets.add", name }, () => {
      let n = name;
      for (let i = model.sheets.length + 1; !n || model.sheet(n); i++) {
        if (name && model.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
        n = `Sheet${i}`;
      }
      created = model.addSheet(n);
    });
    return new FakeWorksheet(this.ctx, () => created && model.sheets.find((s) => s === created), false);
  }
}

export class FakeWorksheet extends MaybeNull {
  readonly protection: FakeProtection;
  constructor(
    ctx: Ctx,
    readonly resolve: () => SheetModel | undefined,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.protection = new FakeProtection(ctx, this);
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
    return {
      name: () => this.sheetModel().name,
      id: () => this.sheetModel().id,
      visibility: () => this.sheetModel().visibility,
      position: () => this.ctx.model.sheets.indexOf(this.sheetModel()),
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.queue({ set: "name", value }, () => this.ctx.model.renameSheet(this.sheetModel().name, value));
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** Printing: orientation, paper, print area, title rows, zoom (ExcelApi 1.9). */
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.ctx, this);
  }
  /** Notes (ExcelApi 1.18). */
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, this);
  }
  /** Threaded comments of this sheet (ExcelApi 1.10). */
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.ctx, this);
  }
  /** valuesOnly (1.1 for the argument since 1.4 OrNullObject): without it, formatting-only cells count too. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => (this.resolve() ? this.ctx.model.usedRange(this.sheetModel().name, valuesOnly) : undefined), true);
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => (this.resolve() ? this.ctx.model.usedRange(this.sheetModel().name, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } : undefined), false);
  }
  /** The whole sheet when no address is given. */
  getRange(address?: string): FakeRange {
    const bounds = address === undefined ? WHOLE_SHEET : parseRange(address);
    return new FakeRange(this.ctx, this, () => bounds, false);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const bounds: Bounds = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    return new FakeRange(this.ctx, this, () => bounds, false);
  }
  /** Several areas ("A1:B2, D5") as one RangeAreas (ExcelApi 1.9); long address lists fail (#5198, about 8,200 characters). */
  getRanges(address: string): FakeRangeAreas {
    const areas = address.split(/[,;]/).map((a) => a.trim()).filter(Boolean);
    this.ctx.queue({ method: "getRanges", address }, () => {
      this.ctx.requireApi("1.9", "Worksheet.getRanges");
      if (address.length > 8000) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    });
    return new FakeRangeAreas(this.ctx, this, () => areas.map(parseRange));
  }
  /** Activating a hidden sheet fails (office-host.md "Reading"). */
  activate(): void {
    this.ctx.queue({ method: "activate" }, () => {
      const s = this.sheetModel();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.ctx.model.active = this.ctx.model.sheets.indexOf(s);
    });
  }
  delete(): void {
    this.ctx.queue({ method: "delete" }, () => {
      const s = this.resolve();
      if (s) this.ctx.model.deleteSheet(s.name);
    });
  }
}

export class FakeProtection extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected loaders() {
    return {
      protected: () => this.ws.sheetModel().protected,
      options: () => ({ allowFormatCells: this.ws.sheetModel().allowFormatCells }),
    };
  }
  /** The protection of a null worksheet loads nothing (as Office: its properties stay unset). */
  override applyLoad(list: string[]) {
    return this.ws.resolve() ? super.applyLoad(list) : { wire: {}, commit: () => undefined };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): { allowFormatCells: boolean } {
    return this.read("options");
  }
}

const PAPER_SIZES = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5", "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14", "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65", "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS", "FanfoldStdGerman", "FanfoldLegalGerman"];

/**
 * Worksheet.pageLayout (ExcelApi 1.9), as Excel validates it: the orientation and paper are
 * enumerations; zoom is a scale of 10–400 % or whole numbers of pages across and down; print title
 * rows must be whole rows ("The range must span the entire row to be valid"); the print area and
 * the title rows must lie on this sheet.
 */
export class FakePageLayout extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  private layout(): PageLayoutModel {
    this.ctx.requireApi("1.9", "Worksheet.pageLayout");
    return this.ws.sheetModel().pageLayout;
  }
  protected loaders() {
    return {
      orientation: () => this.layout().orientation,
      paperSize: () => this.layout().paperSize,
      zoom: () => ({ ...this.layout().zoom }),
      printGridlines: () => this.layout().printGridlines,
    };
  }
  private change(what: string, value: unknown, apply: (layout: PageLayoutModel) => void): void {
    this.ctx.queue({ set: `pageLayout.${what}`, value }, () => {
      const layout = this.layout();
      if (this.ws.sheetModel().protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      apply(layout);
    });
  }
  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(v: string) {
    this.change("orientation", v, (l) => {
      if (v !== "Portrait" && v !== "Landscape") throw new FakeOfficeError("InvalidArgument", `Invalid orientation ${String(v)}.`);
      l.orientation = v;
    });
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(v: string) {
    this.change("paperSize", v, (l) => {
      if (!PAPER_SIZES.includes(v)) throw new FakeOfficeError("InvalidArgument", `Invalid paper size ${String(v)}.`);
      l.paperSize = v;
    });
  }
  get printGridlines(): boolean {
    return this.read("printGridlines");
  }
  set printGridlines(v: boolean) {
    this.change("printGridlines", v, (l) => {
      if (typeof v !== "boolean") throw new FakeOfficeError("InvalidArgument", `Invalid printGridlines ${String(v)}.`);
      l.printGridlines = v;
    });
  }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this.read("zoom");
  }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.change("zoom", v, (l) => {
      const pages = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0);
      const fit = v?.horizontalFitToPages !== undefined || v?.verticalFitToPages !== undefined;
      const validScale = v?.scale === undefined || (typeof v.scale === "number" && v.scale >= 10 && v.scale <= 400);
      if (!v || typeof v !== "object" || !validScale || !pages(v.horizontalFitToPages) || !pages(v.verticalFitToPages) || (!fit && v.scale === undefined)) {
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      // Fitting to pages replaces the percentage (which then reads null), and the other way round.
      l.zoom = fit ? { horizontalFitToPages: v.horizontalFitToPages ?? 0, verticalFitToPages: v.verticalFitToPages ?? 0 } : { scale: v.scale };
    });
  }
  /** A range of this sheet, or an address on it. */
  private boundsOf(target: FakeRange | FakeRangeAreas | string): Bounds[] {
    if (typeof target === "string") return target.split(",").map((a) => parseRange(a.trim()));
    if (target.ws.sheetModel() !== this.ws.sheetModel()) throw new FakeOfficeError("InvalidArgument", "The range must be on this worksheet.");
    return target instanceof FakeRange ? [target.b()] : target.areas();
  }
  setPrintArea(printArea: FakeRange | FakeRangeAreas | string): void {
    this.change("printArea", typeof printArea === "string" ? printArea : "range", (l) => {
      l.printArea = this.boundsOf(printArea);
    });
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    this.change("printTitleRows", typeof rows === "string" ? rows : "range", (l) => {
      const bounds = this.boundsOf(rows);
      if (bounds.length !== 1 || bounds[0].left !== 0 || bounds[0].right !== MAX_COLUMNS - 1) throw new FakeOfficeError("InvalidArgument", "The range must span the entire row to be valid.");
      l.printTitleRows = { top: bounds[0].top, bottom: bounds[0].bottom };
    });
  }
}
