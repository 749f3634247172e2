/**
 * Notes (ExcelApi 1.18) and threaded comments (1.10, also a worksheet's own collection). A cell
 * holds at most one note; a cell with a threaded comment refuses a note (office-host.md, inferred);
 * Excel on the web refuses loading a note's visible/height/width (#6198).
 */
import { parseA1 } from "../../engine/grid";
import { key } from "../model";
import { ClientObject, Ctx, FakeOfficeError, MaybeNull } from "./core";
import { FakeRange } from "./range";
import type { FakeWorksheet } from "./workbook";

function cellKey(address: string | FakeRange): string {
  if (address instanceof FakeRange) {
    const b = address.b();
    return key(b.top, b.left);
  }
  const plain = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const { row, col } = parseA1(plain.split(":")[0]);
  return key(row, col);
}

function locationOf(ctx: Ctx, ws: FakeWorksheet, k: () => string | undefined): FakeRange {
  return new FakeRange(ctx, ws, () => {
    const at = k();
    if (at === undefined) return undefined;
    const [top, left] = at.split(",").map(Number);
    return { top, left, bottom: top, right: left };
  }, false);
}

export class FakeNoteCollection extends ClientObject {
  private itemsLoaded: FakeNote[] | undefined;
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected loaders() {
    return {};
  }
  get items(): FakeNote[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  protected override loadNested(head: string, rest: string[]) {
    if (head !== "items") return super.loadNested(head, rest);
    this.ctx.requireApi("1.18", "notes");
    if (!this.ws.resolve()) return { wire: null, commit: () => undefined };
    const items = [...this.ws.sheetModel().notes.keys()].map((k) => new FakeNote(this.ctx, this.ws, () => k, false));
    const loads = items.map((n) => n.applyLoad(rest));
    return {
      wire: loads.map((l) => l.wire),
      commit: () => {
        for (const l of loads) l.commit();
        for (const n of items) n.settle(true);
        this.itemsLoaded = items;
      },
    };
  }
  add(cellAddress: string | FakeRange, content: string): FakeNote {
    let at: string | undefined;
    this.ctx.queue({ method: "notes.add", cellAddress: String(cellAddress instanceof FakeRange ? "range" : cellAddress), content }, () => {
      this.ctx.requireApi("1.18", "notes.add");
      const s = this.ws.sheetModel();
      const k = cellKey(cellAddress);
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      if (s.notes.has(k)) throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
      if (s.comments.has(k)) throw new FakeOfficeError("InvalidOperation", "A cell with a threaded comment cannot take a note.");
      s.notes.set(k, content);
      at = k;
    });
    return new FakeNote(this.ctx, this.ws, () => at, false);
  }
  /** The note of a cell, by its address. */
  getItem(address: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, () => cellKey(address), false);
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, () => cellKey(address), true);
  }
}

export class FakeNote extends MaybeNull {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
    private readonly at: () => string | undefined,
    nullable: boolean,
  ) {
    super(ctx, nullable);
  }
  protected exists() {
    const k = this.at();
    return k !== undefined && !!this.ws.resolve()?.notes.has(k);
  }
  protected loaders() {
    const web = () => {
      if (this.ctx.options.platform === "web") throw new FakeOfficeError("InvalidArgument", "This property cannot be loaded on Excel on the web.");
      return undefined;
    };
    return {
      content: () => {
        this.ctx.requireApi("1.18", "notes");
        return this.ws.sheetModel().notes.get(this.at()!);
      },
      visible: web,
      height: web,
      width: web,
    };
  }
  get content(): string {
    return this.read("content");
  }
  set content(v: string) {
    this.ctx.queue({ set: "note.content", v }, () => {
      this.mustExist();
      if (this.ws.sheetModel().protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      this.ws.sheetModel().notes.set(this.at()!, v);
    });
  }
  getLocation(): FakeRange {
    return locationOf(this.ctx, this.ws, this.at);
  }
  delete(): void {
    this.ctx.queue({ method: "note.delete" }, () => {
      this.mustExist();
      if (this.ws.sheetModel().protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      this.ws.sheetModel().notes.delete(this.at()!);
    });
  }
}

export class FakeCommentCollection extends ClientObject {
  private itemsLoaded: FakeComment[] | undefined;
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected loaders() {
    return {};
  }
  get items(): FakeComment[] {
    if (!this.itemsLoaded) throw new FakeOfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }
  protected override loadNested(head: string, rest: string[]) {
    if (head !== "items") return super.loadNested(head, rest);
    this.ctx.requireApi("1.10", "Worksheet.comments");
    if (!this.ws.resolve()) return { wire: null, commit: () => undefined };
    const items = [...this.ws.sheetModel().comments.keys()].map((k) => new FakeComment(this.ctx, this.ws, () => k));
    const loads = items.map((c) => c.applyLoad(rest));
    return {
      wire: loads.map((l) => l.wire),
      commit: () => {
        for (const l of loads) l.commit();
        this.itemsLoaded = items;
      },
    };
  }
  add(cellAddress: string, content: string): FakeComment {
    const k = cellKey(cellAddress);
    this.ctx.queue({ method: "comments.add", cellAddress, content }, () => {
      this.ctx.requireApi("1.10", "comments.add");
      const s = this.ws.sheetModel();
      if (s.comments.has(k)) throw new FakeOfficeError("InvalidArgument", "The cell already has a comment.");
      s.comments.set(k, content);
    });
    return new FakeComment(this.ctx, this.ws, () => k);
  }
}

export class FakeComment extends ClientObject {
  constructor(
    ctx: Ctx,
    private readonly ws: FakeWorksheet,
    private readonly at: () => string,
  ) {
    super(ctx);
  }
  protected loaders() {
    return {
      id: () => `${this.ws.sheetModel().id}:${this.at()}`,
      content: () => this.ws.sheetModel().comments.get(this.at()),
    };
  }
  get id(): string {
    return this.read("id");
  }
  get content(): string {
    return this.read("content");
  }
  getLocation(): FakeRange {
    return locationOf(this.ctx, this.ws, this.at);
  }
}
