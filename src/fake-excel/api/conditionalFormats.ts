/**
 * Conditional formats (ExcelApi 1.6): drawn over cells without touching their own fill; they move
 * and grow with inserted rows and columns (the model does that), and deleting one leaves the cells
 * exactly as they look without it. A new format goes to the top of the sheet's priority order.
 * Protected sheets refuse adding or deleting them.
 */
import { Bounds, ConditionalFormatModel, intersects } from "../model";
import { ClientObject, Ctx, FakeOfficeError, MaybeNull } from "./core";
import type { FakeWorksheet } from "./workbook";

const TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
let nextId = 1;

function assertUnprotected(ws: FakeWorksheet): void {
  if (ws.sheetModel().protected) throw new FakeOfficeError("AccessDenied", "Conditional formats cannot be changed on a protected sheet.");
}

export class FakeConditionalFormatCollection extends ClientObject {
  private itemsLoaded: FakeConditionalFormat[] | undefined;
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
    private readonly areas: () => Bounds[],
  ) {
    super(ctx);
  }
  private touching(): ConditionalFormatModel[] {
    this.ctx.requireApi("1.6", "conditionalFormats");
    const areas = this.areas();
    return this.ws.sheetModel().conditionalFormats.filter((cf) => cf.areas.some((a) => areas.some((b) => intersects(a, b))));
  }
  protected loaders() {
    return {};
  }
  get items(): FakeConditionalFormat[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  protected override loadNested(head: string, rest: string[]) {
    if (head !== "items") return super.loadNested(head, rest);
    // Through a null worksheet nothing loads (Office's null objects): items stay unset.
    if (!this.ws.resolve()) return { wire: null, commit: () => undefined };
    const items = this.touching().map((model) => new FakeConditionalFormat(this.ctx, this.ws, () => (this.ws.sheetModel().conditionalFormats.includes(model) ? model : undefined), false));
    const loads = items.map((cf) => cf.applyLoad(rest));
    return {
      wire: loads.map((l) => l.wire),
      commit: () => {
        for (const l of loads) l.commit();
        for (const cf of items) cf.settle(true);
        this.itemsLoaded = items;
      },
    };
  }
  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatModel | undefined;
    this.ctx.queue({ method: "conditionalFormats.add", type }, () => {
      this.ctx.requireApi("1.6", "conditionalFormats.add");
      if (!TYPES.includes(type)) throw new FakeOfficeError("InvalidArgument", `Unknown conditional format type ${type}.`);
      assertUnprotected(this.ws);
      created = { id: `{CF${String(nextId++).padStart(6, "0")}}`, type, areas: this.areas().map((a) => ({ ...a })), stopIfTrue: false };
      this.ws.sheetModel().conditionalFormats.unshift(created);
    });
    return new FakeConditionalFormat(this.ctx, this.ws, () => (created && this.ws.sheetModel().conditionalFormats.includes(created) ? created : undefined), false);
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, this.ws, () => this.ws.resolve()?.conditionalFormats.find((cf) => cf.id === id), false);
  }
  /** ExcelApi 1.14. */
  getItemOrNullObject(id: string): FakeConditionalFormat {
    this.ctx.queue({ method: "conditionalFormats.getItemOrNullObject", id }, () => this.ctx.requireApi("1.14", "ConditionalFormatCollection.getItemOrNullObject"));
    return new FakeConditionalFormat(this.ctx, this.ws, () => this.ws.resolve()?.conditionalFormats.find((cf) => cf.id === id), true);
  }
  clearAll(): void {
    this.ctx.queue({ method: "conditionalFormats.clearAll" }, () => {
      assertUnprotected(this.ws);
      const gone = new Set(this.touching());
      const s = this.ws.sheetModel();
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

export class FakeConditionalFormat extends MaybeNull {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
    readonly resolve: () => ConditionalFormatModel | undefined,
    nullable: boolean,
  ) {
    super(ctx, nullable);
  }
  protected exists() {
    return !!this.ws.resolve() && !!this.resolve();
  }
  cf(): ConditionalFormatModel {
    const cf = this.resolve();
    if (!cf) throw new FakeOfficeError("ItemNotFound", "The conditional format does not exist.");
    return cf;
  }
  protected loaders() {
    return {
      id: () => this.cf().id,
      type: () => this.cf().type,
      priority: () => this.ws.sheetModel().conditionalFormats.indexOf(this.cf()),
      stopIfTrue: () => this.cf().stopIfTrue,
    };
  }
  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  set priority(p: number) {
    this.ctx.queue({ set: "cf.priority", p }, () => {
      assertUnprotected(this.ws);
      const list = this.ws.sheetModel().conditionalFormats;
      const cf = this.cf();
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.ctx.queue({ set: "cf.stopIfTrue", v }, () => {
      assertUnprotected(this.ws);
      this.cf().stopIfTrue = v;
    });
  }
  /** The custom rule and format; using it on a format of another type fails at sync. */
  get custom(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.ctx, this, false);
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.ctx, this, true);
  }
  delete(): void {
    this.ctx.queue({ method: "cf.delete" }, () => {
      assertUnprotected(this.ws);
      const s = this.ws.sheetModel();
      const cf = this.cf();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
  assertUnprotected(): void {
    assertUnprotected(this.ws);
  }
}

export class FakeCustomConditionalFormat extends MaybeNull {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;
  constructor(
    ctx: Ctx,
    readonly owner: FakeConditionalFormat,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.rule = new FakeConditionalFormatRule(ctx, this);
    this.format = new FakeConditionalRangeFormat(ctx, this);
  }
  protected exists() {
    return this.owner.resolve()?.type === "Custom";
  }
  protected loaders() {
    return {};
  }
  /** The conditional format, which must be a custom one. */
  model(): ConditionalFormatModel {
    const cf = this.owner.cf();
    if (cf.type !== "Custom") throw new FakeOfficeError("InvalidOperation", `A ${cf.type} conditional format has no custom rule.`);
    return cf;
  }
}

export class FakeConditionalFormatRule extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly custom: FakeCustomConditionalFormat,
  ) {
    super(ctx);
  }
  protected loaders() {
    return { formula: () => this.custom.model().formula ?? "" };
  }
  get formula(): string {
    return this.read("formula");
  }
  /** An invalid formula is refused as Excel refuses it. */
  set formula(formula: string) {
    this.ctx.queue({ set: "cf.rule.formula", formula }, () => {
      this.custom.owner.assertUnprotected();
      if (!formula.startsWith("=") || !this.ctx.model.hf.validateFormula(formula)) throw new FakeOfficeError("InvalidArgument", `The formula ${formula} is not valid.`);
      this.custom.model().formula = formula;
    });
  }
}

export class FakeConditionalRangeFormat {
  readonly fill: { color: string };
  readonly font: { color: string };
  constructor(ctx: Ctx, custom: FakeCustomConditionalFormat) {
    const setter = (prop: "fill" | "fontColor") => (color: string) =>
      ctx.queue({ set: `cf.format.${prop}`, color }, () => {
        custom.owner.assertUnprotected();
        if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw new FakeOfficeError("InvalidArgument", `${color} is not a colour.`);
        custom.model()[prop] = color.toUpperCase();
      });
    const fill = setter("fill");
    const font = setter("fontColor");
    this.fill = {
      set color(c: string) {
        fill(c);
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "Reading a conditional format's fill is not modelled.");
      },
    };
    this.font = {
      set color(c: string) {
        font(c);
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "Reading a conditional format's font is not modelled.");
      },
    };
  }
}
