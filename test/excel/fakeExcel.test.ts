/**
 * The fake Excel's own tests: every behaviour of ../shared/spec/office-host.md that it models,
 * asserted through the API the adapter uses. If one of these is wrong, an adapter bug can pass
 * every other test and still break in Excel.
 */
import { createFakeOffice, dateSerial, FakeOfficeOptions, NO_FILL, WorkbookModel } from "../../src/fake-excel";
import { MemoryGrid } from "../../src/engine";

type Context = Excel.RequestContext;

function setup(rows: (string | number | null)[][] = [], options: FakeOfficeOptions = {}) {
  const model = new WorkbookModel();
  model.addGrid(MemoryGrid.fromValues("表", rows));
  const fake = createFakeOffice(model, options);
  const run = <T>(batch: (context: Context) => Promise<T>) => fake.Excel.run(batch as never) as Promise<T>;
  return { model, fake, run, sheet: "表" };
}

const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => (e as { code?: string }).code ?? String(e));

describe("reading", () => {
  test("values as Excel gives them: errors as strings, dates as serial numbers, percentages as fractions, text as text", async () => {
    const { model, run, sheet } = setup([["100%", 5]]);
    model.setInput(sheet, 1, 0, "=1/0");
    model.setInput(sheet, 1, 1, "2024-01-05");
    model.setInput(sheet, 1, 2, "97.59%");
    const read = await run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRange("A1:C2");
      r.load("values,valueTypes,formulas,numberFormat");
      await context.sync();
      return { values: r.values, types: r.valueTypes, formulas: r.formulas, formats: r.numberFormat };
    });
    expect(read.values).toEqual([["100%", 5, ""], ["#DIV/0!", dateSerial(2024, 1, 5), 0.9759]]);
    expect(read.types).toEqual([["String", "Double", "Empty"], ["Error", "Double", "Double"]]);
    expect(read.formulas[1][0]).toBe("=1/0");
    expect(read.formats).toEqual([["General", "General", "General"], ["General", "yyyy/m/d", "0.00%"]]);
  });

  test("a property not loaded, or read before the sync, throws", async () => {
    const { run, sheet } = setup([[1]]);
    await expect(
      run(async (context) => {
        const r = context.workbook.worksheets.getItem(sheet).getRange("A1");
        r.load("values");
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a failed sync delivers none of its loads; operations before the failing one stay applied", async () => {
    const { model, run, sheet } = setup([[1, 2]]);
    let values: unknown;
    const outcome = await code(
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.getRange("A1").values = [[10]];
        const r = ws.getRange("A1:B1");
        r.load("values");
        ws.getRange("B1").formulas = [["=SUM("]]; // refused: the batch stops here
        ws.getRange("C1").values = [[30]];
        await context.sync().catch(() => undefined);
        try {
          values = r.values;
        } catch (e) {
          values = (e as { code: string }).code;
        }
      }),
    );
    expect(outcome).toBe("ok");
    expect(values).toBe("PropertyNotLoaded");
    expect(model.value(sheet, 0, 0)).toBe(10);
    expect(model.value(sheet, 0, 2)).toBe("");
  });

  test("an *OrNullObject is known only after a successful sync", async () => {
    const { run } = setup();
    const result = await run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("没有");
      let before = "";
      try {
        void ws.isNullObject;
      } catch (e) {
        before = (e as { code: string }).code;
      }
      await context.sync();
      return [before, ws.isNullObject];
    });
    expect(result).toEqual(["PropertyNotLoaded", true]);
  });

  test("merged areas: only those whose top-left cell is in the range (#3611), and more than 512 fail (ExcelApi 1.13)", async () => {
    const { model, run, sheet } = setup([["a"]]);
    model.sheet(sheet)!.merges = [{ top: 0, left: 0, bottom: 1, right: 1 }, ...Array.from({ length: 600 }, (_, i) => ({ top: 10 + i, left: 0, bottom: 10 + i, right: 1 }))];
    const areas = (address: string) =>
      run(async (context) => {
        const m = context.workbook.worksheets.getItem(sheet).getRange(address).getMergedAreasOrNullObject();
        m.load("areas/items/address");
        await context.sync();
        return m.isNullObject ? [] : m.areas.items.map((a) => a.address);
      });
    expect(await areas("B2:C3")).toEqual([]); // inside A1:B2, but its top-left is not in the range
    expect(await areas("A1:B5")).toEqual(["表!A1:B2"]);
    expect((await areas("A11:B522")).length).toBe(512);
    expect(await code(areas("A11:B523"))).toBe("GeneralException");
    const old = createFakeOffice(model, { excelApi: "1.12" });
    expect(
      await code(
        old.Excel.run(async (context: Context) => {
          const m = context.workbook.worksheets.getItem(sheet).getRange("A1:B5").getMergedAreasOrNullObject();
          m.load("areas/items/address");
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
  });

  test("payload limits: a response or a request above the limit fails; a read above 5,000,000 cells is RangeExceedsLimit", async () => {
    const { model, run, sheet } = setup([], { maxResponseBytes: 2000, maxRequestBytes: 2000, maxCellsPerRead: 100 });
    for (let r = 0; r < 10; r++) model.setInput(sheet, r, 0, "一段很长的说明文字".repeat(10));
    const load = (address: string) =>
      run(async (context) => {
        const r = context.workbook.worksheets.getItem(sheet).getRange(address);
        r.load("values");
        await context.sync();
      });
    expect(await code(load("A1:A2"))).toBe("ok");
    expect(await code(load("A1:A10"))).toBe("ResponsePayloadSizeLimitExceeded");
    expect(await code(load("B1:K11"))).toBe("RangeExceedsLimit");
    const big = await code(
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("C1").values = [["x".repeat(3000)]];
        await context.sync();
      }),
    );
    expect(big).toBe("RequestPayloadSizeLimitExceeded");
    expect(model.value(sheet, 0, 2)).toBe(""); // nothing of a refused request is applied
  });

  test("the used range counts formatting-only cells unless valuesOnly", async () => {
    const { model, run, sheet } = setup([["a", 1]]);
    model.setFormat(sheet, 199, 16383, "0.00"); // XFD200
    const used = (valuesOnly: boolean) =>
      run(async (context) => {
        const r = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(valuesOnly);
        r.load("address");
        await context.sync();
        return r.address;
      });
    expect(await used(false)).toBe("表!A1:XFD200");
    expect(await used(true)).toBe("表!A1:B1");
  });

  test("Manual calculation: what depends on a write keeps its old value until calculate()", async () => {
    const { model, run, sheet } = setup([[1, 2]]);
    model.setInput(sheet, 0, 2, "=A1+B1");
    model.calculationMode = "Manual";
    const c1 = () =>
      run(async (context) => {
        const r = context.workbook.worksheets.getItem(sheet).getRange("C1");
        r.load("values");
        const app = context.workbook.application;
        app.load("calculationMode");
        await context.sync();
        return [app.calculationMode, r.values[0][0]];
      });
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("A1").values = [[10]];
      await context.sync();
    });
    expect(await c1()).toEqual(["Manual", 3]);
    await run(async (context) => {
      context.workbook.application.calculate("Recalculate");
      await context.sync();
    });
    expect(await c1()).toEqual(["Manual", 12]);
  });

  test("a file's saved results are shown until what they depend on changes (or a full recalculation)", () => {
    const model = new WorkbookModel();
    model.addGrid(new MemoryGrid("表", [[{ value: 1 }, { value: 2 }, { value: 99, formula: "=A1+B1" }, { value: 7, formula: "=A1*7" }]]));
    expect([model.value("表", 0, 2), model.value("表", 0, 3)]).toEqual([99, 7]);
    model.setInput("表", 0, 1, 5);
    expect([model.value("表", 0, 2), model.value("表", 0, 3)]).toEqual([6, 7]);
    model.setInput("表", 0, 3, "=A1*8");
    model.addGrid(new MemoryGrid("表2", [[{ value: 50, formula: "=1+1" }]]));
    model.calculate("Full");
    expect(model.value("表2", 0, 0)).toBe(2);
  });

  test("hidden sheets are in the collection; activating or selecting on one fails", async () => {
    const { model, run } = setup([[1]]);
    model.addGrid(MemoryGrid.fromValues("隐藏", [[1]])).visibility = "Hidden";
    const listed = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      return sheets.items.map((s) => [s.name, s.visibility]);
    });
    expect(listed).toEqual([["表", "Visible"], ["隐藏", "Hidden"]]);
    const activate = await code(
      run(async (context) => {
        context.workbook.worksheets.getItem("隐藏").activate();
        await context.sync();
      }),
    );
    expect(activate).toBe("InvalidOperation");
    expect(model.active).toBe(0);
  });

  test("while the user edits a cell a batch fails, unless it asked to wait (delayForCellEdit, ExcelApi 1.11)", async () => {
    const { model, fake, sheet } = setup([[1]]);
    const batch = async (context: Context) => {
      context.workbook.worksheets.getItem(sheet).getRange("A1").values = [[2]];
      await context.sync();
    };
    model.startCellEdit();
    expect(await code(fake.Excel.run(batch as never))).toBe("InvalidOperationInCellEditMode");
    const waiting = fake.Excel.run({ delayForCellEdit: true }, batch as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(model.value(sheet, 0, 0)).toBe(1);
    model.endCellEdit();
    await waiting;
    expect(model.value(sheet, 0, 0)).toBe(2);
    // Below ExcelApi 1.11 the option does nothing.
    const old = createFakeOffice(model, { excelApi: "1.10" });
    model.startCellEdit();
    expect(await code(old.Excel.run({ delayForCellEdit: true }, batch as never))).toBe("InvalidOperationInCellEditMode");
    model.endCellEdit();
  });

  test("operations queued and never synced are an error (not silently dropped)", async () => {
    const { run, sheet } = setup([[1]]);
    expect(
      await code(
        run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange("A1").values = [[2]];
        }),
      ),
    ).toBe("UnsyncedOperations");
  });
});

describe("writing", () => {
  const write = (run: ReturnType<typeof setup>["run"], sheet: string, address: string, prop: "values" | "formulas" | "numberFormat", v: unknown) =>
    code(
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(address)[prop] = [[v]] as never;
        await context.sync();
      }),
    );

  test("values and formulas are parsed like typing; a ' prefix or a Text format keeps text as text", async () => {
    const { model, run, sheet } = setup();
    await write(run, sheet, "A1", "values", "97.59%");
    await write(run, sheet, "A2", "formulas", "1,318.75");
    await write(run, sheet, "A3", "values", "-");
    await write(run, sheet, "A4", "values", "'97.59%");
    await write(run, sheet, "A5", "values", "'=A1");
    await write(run, sheet, "A6", "values", "=A1*2");
    await write(run, sheet, "A7", "numberFormat", "@");
    await write(run, sheet, "A7", "formulas", "=A1*2");
    await write(run, sheet, "A8", "values", "-abc");
    const cell = (r: number) => [model.value(sheet, r, 0), model.valueType(sheet, r, 0), model.format(sheet, r, 0)];
    expect(cell(0)).toEqual([0.9759, "Double", "0.00%"]);
    expect(cell(1)).toEqual([1318.75, "Double", "#,##0.00"]);
    expect(cell(2)).toEqual(["-", "String", "General"]);
    expect(cell(3)).toEqual(["97.59%", "String", "General"]);
    expect(cell(4)).toEqual(["=A1", "String", "General"]);
    expect(cell(5)).toEqual([1.9518, "Double", "General"]);
    expect(cell(6)).toEqual(["=A1*2", "String", "@"]);
    expect(model.formula(sheet, 7, 0)).toBe("=-abc");
    expect(cell(7)[1]).toBe("Error");
  });

  test("an invalid formula is refused, failing the batch at that operation", async () => {
    const { model, run, sheet } = setup([[1]]);
    const outcome = await code(
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.getRange("B1").formulas = [["=A1+1"]];
        ws.getRange("C1").formulas = [["=SUM(A1"]];
        ws.getRange("D1").formulas = [["=A1+3"]];
        await context.sync();
      }),
    );
    expect(outcome).toBe("InvalidArgument");
    expect([model.value(sheet, 0, 1), model.value(sheet, 0, 2), model.value(sheet, 0, 3)]).toEqual([2, "", ""]);
  });

  test("a protected sheet: locked cells refuse writes, unlocked cells take them; formatting needs allowFormatCells", async () => {
    const { model, run, sheet } = setup([[1, 2]]);
    const s = model.sheet(sheet)!;
    s.protected = true;
    s.unlocked.add("0,1");
    expect(await write(run, sheet, "A1", "values", 5)).toBe("AccessDenied");
    expect(await write(run, sheet, "B1", "values", 5)).toBe("ok");
    expect(await write(run, sheet, "B1", "numberFormat", "0.00")).toBe("AccessDenied");
    s.allowFormatCells = true;
    expect(await write(run, sheet, "B1", "numberFormat", "0.00")).toBe("ok");
    expect([model.value(sheet, 0, 0), model.value(sheet, 0, 1)]).toEqual([1, 5]);
  });

  test("No Fill reads as white with pattern and tint null (#4900, #6218); writing that back paints solid white; clear() restores no fill", async () => {
    const { model, run, sheet } = setup([[1]]);
    const read = () =>
      run(async (context) => {
        const fill = context.workbook.worksheets.getItem(sheet).getRange("A1").format.fill;
        fill.load("color,pattern,tintAndShade");
        await context.sync();
        return [fill.color, fill.pattern, fill.tintAndShade];
      });
    const noFill = await read();
    expect(noFill).toEqual(["#FFFFFF", null, null]);
    await run(async (context) => {
      const fill = context.workbook.worksheets.getItem(sheet).getRange("A1").format.fill;
      fill.pattern = noFill[1] as never;
      fill.color = noFill[0] as string;
      await context.sync();
    });
    expect(model.fill(sheet, 0, 0)).toMatchObject({ pattern: "Solid", color: "#FFFFFF" });
    expect(await read()).toEqual(["#FFFFFF", "Solid", 0]);
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("A1").format.fill.clear();
      await context.sync();
    });
    expect(model.fill(sheet, 0, 0)).toEqual(NO_FILL);
  });

  test("gradients cannot be set (UnsupportedFillType); a theme colour's tint read and written back is applied twice", async () => {
    const { model, run, sheet } = setup([[1, 2]]);
    model.setFill(sheet, 0, 0, { color: "#4472C4", pattern: "LinearGradient", patternColor: "#FFFFFF", tintAndShade: 0, patternTintAndShade: 0 });
    model.setFill(sheet, 0, 1, { color: "#4472C4", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.6, patternTintAndShade: 0 });
    const read = (address: string) =>
      run(async (context) => {
        const fill = context.workbook.worksheets.getItem(sheet).getRange(address).format.fill;
        fill.load("color,pattern,tintAndShade");
        await context.sync();
        return { color: fill.color, pattern: fill.pattern, tintAndShade: fill.tintAndShade };
      });
    const gradient = await read("A1");
    expect(gradient.pattern).toBe("LinearGradient");
    expect(
      await code(
        run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange("A1").format.fill.pattern = "LinearGradient";
          await context.sync();
        }),
      ),
    ).toBe("UnsupportedFillType");
    const tinted = await read("B1");
    const drawn = model.displayedFill(sheet, 0, 1);
    expect(tinted.color).toBe(drawn);
    await run(async (context) => {
      const fill = context.workbook.worksheets.getItem(sheet).getRange("B1").format.fill;
      fill.color = tinted.color;
      fill.tintAndShade = tinted.tintAndShade;
      await context.sync();
    });
    expect(model.displayedFill(sheet, 0, 1)).not.toBe(drawn);
  });

  test("conditional formats (ExcelApi 1.6): on top, drawn over the cell's own fill without changing it, moved by inserted rows, gone without a trace", async () => {
    const { model, run, sheet } = setup([[1], [2], [3]]);
    const yellow = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 };
    model.setFill(sheet, 1, 0, yellow);
    model.sheet(sheet)!.conditionalFormats.push({ id: "user", type: "Custom", areas: [{ top: 0, left: 0, bottom: 2, right: 0 }], formula: "=TRUE", fill: "#00B050", stopIfTrue: false });
    const id = await run(async (context) => {
      const cf = context.workbook.worksheets.getItem(sheet).getRanges("A2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=ISTEXT("x")';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.load("id,priority");
      await context.sync();
      return [cf.id, cf.priority] as const;
    });
    expect(id[1]).toBe(0);
    expect(model.displayedFill(sheet, 1, 0)).toBe("#FFC7CE");
    expect(model.displayedFill(sheet, 0, 0)).toBe("#00B050");
    expect(model.fill(sheet, 1, 0)).toEqual(yellow);
    model.insertRows(sheet, 0, 2);
    expect(model.displayedFill(sheet, 3, 0)).toBe("#FFC7CE");
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.getItem(id[0]).delete();
      await context.sync();
    });
    expect(model.displayedFill(sheet, 3, 0)).toBe("#00B050");
    expect(model.fill(sheet, 3, 0)).toEqual(yellow);
    model.sheet(sheet)!.protected = true;
    expect(
      await code(
        run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange("A1").conditionalFormats.add("Custom");
          await context.sync();
        }),
      ),
    ).toBe("AccessDenied");
  });

  test("a custom rule with an invalid formula is refused", async () => {
    const { run, sheet } = setup([[1]]);
    const outcome = await code(
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange("A1").conditionalFormats.add("Custom").custom.rule.formula = "=ISTEXT(";
        await context.sync();
      }),
    );
    expect(outcome).toBe("InvalidArgument");
  });

  test("notes (ExcelApi 1.18): one per cell, refused on a cell with a threaded comment; the web refuses loading visible/height/width (#6198)", async () => {
    const { model, run, sheet } = setup([[1, 2]]);
    model.sheet(sheet)!.comments.set("0,1", "请核实");
    const add = (address: string) =>
      code(
        run(async (context) => {
          context.workbook.worksheets.getItem(sheet).notes.add(address, "说明");
          await context.sync();
        }),
      );
    expect(await add("A1")).toBe("ok");
    expect(await add("A1")).toBe("InvalidArgument");
    expect(await add("B1")).toBe("InvalidOperation");
    const visible = await code(
      run(async (context) => {
        const note = context.workbook.worksheets.getItem(sheet).notes.getItem("A1");
        note.load("visible");
        await context.sync();
      }),
    );
    expect(visible).toBe("InvalidArgument");
    const old = createFakeOffice(model, { excelApi: "1.17" });
    expect(
      await code(
        old.Excel.run(async (context: Context) => {
          context.workbook.worksheets.getItem(sheet).notes.add("C1", "说明");
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
  });

  test("worksheet.id stays when the sheet is renamed; getItem takes a name or an id", async () => {
    const { model, run, sheet } = setup([[1]]);
    const id = model.sheet(sheet)!.id;
    model.renameSheet(sheet, "改名后");
    const name = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(id);
      ws.load("name,id");
      await context.sync();
      return [ws.name, ws.id];
    });
    expect(name).toEqual(["改名后", id]);
  });
});

describe("document settings", () => {
  test("each add-in instance has its own copy until saveAsync; a save can fail (5001); the store has a size limit", async () => {
    const { model } = setup();
    const a = createFakeOffice(model, { maxSettingsBytes: 200 });
    const settings = a.Office.context.document.settings;
    settings.set("k", "v1");
    expect(createFakeOffice(model).Office.context.document.settings.get("k")).toBeNull();
    const save = () => new Promise<string>((resolve) => settings.saveAsync((r) => resolve(r.status)));
    expect(await save()).toBe("succeeded");
    expect(createFakeOffice(model).Office.context.document.settings.get("k")).toBe("v1");
    a.failSaves(1);
    settings.set("k", "v2");
    expect(await save()).toBe("failed");
    expect(createFakeOffice(model).Office.context.document.settings.get("k")).toBe("v1");
    expect(() => settings.set("big", "x".repeat(300))).toThrow(/too large/);
  });
});

describe("layout and printing (the report sheet)", () => {
  test("hyperlinks (ExcelApi 1.7): a document reference leads to its cell; the text to display is text; a link needs a target; clear() takes links", async () => {
    const { model, run, sheet } = setup([["x"]]);
    model.addGrid(MemoryGrid.fromValues("My sheet's", [["a"]]));
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.getRange("B2").hyperlink = { documentReference: "'My sheet''s'!C7", textToDisplay: "=1+1" };
      ws.getRange("B3").hyperlink = { documentReference: "表!A1" };
      ws.getRange("B4").hyperlink = { documentReference: "My sheet's!C7" };
      await context.sync();
    });
    expect(model.followHyperlink(sheet, 1, 1)).toEqual({ sheet: "My sheet's", row: 6, col: 2 });
    expect(model.value(sheet, 1, 1)).toBe("=1+1");
    expect(model.isFormula(sheet, 1, 1)).toBe(false);
    expect(model.followHyperlink(sheet, 2, 1)).toEqual({ sheet, row: 0, col: 0 });
    // A name with spaces or quotes must be quoted, as in a formula.
    expect(() => model.followHyperlink(sheet, 3, 1)).toThrow("Reference isn't valid.");
    const link = await run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRange("B2");
      r.load("hyperlink");
      await context.sync();
      return r.hyperlink;
    });
    expect(link).toEqual({ documentReference: "'My sheet''s'!C7", textToDisplay: "=1+1" });
    const set = (h: unknown) => run(async (context) => {
      (context.workbook.worksheets.getItem(sheet).getRange("B5") as unknown as { hyperlink: unknown }).hyperlink = h;
      await context.sync();
    });
    expect(await code(set({ textToDisplay: "J9" }))).toBe("InvalidArgument");
    expect(await code(set({ documentReference: 5 }))).toBe("InvalidArgument");
    expect(await code(setup([[1]], { excelApi: "1.6" }).run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1").hyperlink = { address: "https://example.org" };
      await context.sync();
    }))).toBe("ApiNotFound");
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange().clear();
      await context.sync();
    });
    expect(model.sheet(sheet)!.hyperlinks.size).toBe(0);
  });

  test("merge (ExcelApi 1.2): one area, or one per row across; a merge cutting through another merged area fails", async () => {
    const { model, run, sheet } = setup([["a", "b", "c"], ["d", "e", "f"]]);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.getRange("A1:C1").merge();
      ws.getRange("B3:D5").merge(true);
      await context.sync();
    });
    expect(model.sheet(sheet)!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 2, right: 3 },
      { top: 3, left: 1, bottom: 3, right: 3 },
      { top: 4, left: 1, bottom: 4, right: 3 },
    ]);
    expect(await code(run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("B1:B2").merge();
      await context.sync();
    }))).toBe("InvalidOperation");
    // A merge over a whole merged area absorbs it.
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("A1:D2").merge();
      await context.sync();
    });
    expect(model.sheet(sheet)!.merges[model.sheet(sheet)!.merges.length - 1]).toEqual({ top: 0, left: 0, bottom: 1, right: 3 });
    expect(model.sheet(sheet)!.merges).toHaveLength(4);
  });

  test("column widths and row heights (ExcelApi 1.2) in points, within Excel's limits; a range reads null where they differ; autofitRows drops set heights", async () => {
    const { model, run, sheet } = setup([["a"]]);
    const read = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.getRange("A:B").format.columnWidth = 80;
      ws.getRange("2:3").format.rowHeight = 45;
      const one = ws.getRange("A1:B1").format;
      const mixed = ws.getRange("B1:C3").format;
      one.load("columnWidth");
      mixed.load("columnWidth,rowHeight");
      await context.sync();
      return [one.columnWidth, mixed.columnWidth, mixed.rowHeight];
    });
    expect(read).toEqual([80, null, null]);
    expect(model.sheet(sheet)!.rowHeights.get(2)).toBe(45);
    const bad = (f: (r: Excel.Range) => void) => code(run(async (context) => {
      f(context.workbook.worksheets.getItem(sheet).getRange("A1"));
      await context.sync();
    }));
    expect(await bad((r) => (r.format.rowHeight = 410))).toBe("InvalidArgument");
    expect(await bad((r) => (r.format.rowHeight = -1))).toBe("InvalidArgument");
    expect(await bad((r) => (r.format.columnWidth = 2000))).toBe("InvalidArgument");
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("A1:A3").format.autofitRows();
      await context.sync();
    });
    expect(model.sheet(sheet)!.rowHeights.size).toBe(0);
    expect(model.sheet(sheet)!.columnWidths.get(0)).toBe(80);
    // Inserted rows move set heights with their rows.
    await run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange("5:5").format.rowHeight = 30;
      await context.sync();
    });
    model.insertRows(sheet, 0, 2);
    expect([...model.sheet(sheet)!.rowHeights]).toEqual([[6, 30]]);
  });

  test("wrap, alignment and font size: Excel's enumerations only; reads as the cells' common value", async () => {
    const { run, sheet } = setup([["a", "b"]]);
    const read = await run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRange("A1:B1");
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Left";
      context.workbook.worksheets.getItem(sheet).getRange("A1").format.verticalAlignment = "Top";
      r.format.font.size = 16;
      r.format.load("wrapText,horizontalAlignment,verticalAlignment");
      await context.sync();
      return [r.format.wrapText, r.format.horizontalAlignment, r.format.verticalAlignment];
    });
    expect(read).toEqual([true, "Left", null]);
    const bad = (f: (r: Excel.Range) => void) => code(run(async (context) => {
      f(context.workbook.worksheets.getItem(sheet).getRange("A1"));
      await context.sync();
    }));
    expect(await bad((r) => ((r.format as { horizontalAlignment: string }).horizontalAlignment = "left"))).toBe("InvalidArgument");
    expect(await bad((r) => ((r.format as { verticalAlignment: string }).verticalAlignment = "Middle"))).toBe("InvalidArgument");
    expect(await bad((r) => (r.format.font.size = 0))).toBe("InvalidArgument");
  });

  test("page layout (ExcelApi 1.9): orientation, paper, print area, whole title rows, zoom as a scale or pages across and down", async () => {
    const { model, run, sheet } = setup([["a"]]);
    expect(model.sheet(sheet)!.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 } });
    const read = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const page = ws.pageLayout;
      page.orientation = "Landscape";
      page.paperSize = "A4";
      page.printGridlines = true;
      page.setPrintArea(ws.getRange("A1:H40"));
      page.setPrintTitleRows("$12:$12");
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.load("orientation,paperSize,zoom");
      await context.sync();
      return [page.orientation, page.paperSize, page.zoom];
    });
    expect(read).toEqual(["Landscape", "A4", { horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    expect(model.sheet(sheet)!.pageLayout).toMatchObject({ printArea: [{ top: 0, left: 0, bottom: 39, right: 7 }], printTitleRows: { top: 11, bottom: 11 }, printGridlines: true });
    const bad = (f: (ws: Excel.Worksheet, context: Context) => void, options: FakeOfficeOptions = {}) => {
      const s = setup([["a"]], options);
      s.model.addGrid(MemoryGrid.fromValues("其他", [["b"]]));
      return code(s.run(async (context) => {
        f(context.workbook.worksheets.getItem("表"), context);
        await context.sync();
      }));
    };
    // "The range must span the entire row to be valid."
    expect(await bad((ws) => ws.pageLayout.setPrintTitleRows("A12:H12"))).toBe("InvalidArgument");
    expect(await bad((ws) => ws.pageLayout.setPrintTitleRows(ws.getRange("12:12")))).toBe("ok");
    expect(await bad((ws, context) => ws.pageLayout.setPrintArea(context.workbook.worksheets.getItem("其他").getRange("A1:B2")))).toBe("InvalidArgument");
    expect(await bad((ws) => ((ws.pageLayout as { orientation: string }).orientation = "landscape"))).toBe("InvalidArgument");
    expect(await bad((ws) => ((ws.pageLayout as { paperSize: string }).paperSize = "A4 landscape"))).toBe("InvalidArgument");
    expect(await bad((ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe("InvalidArgument");
    expect(await bad((ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 0.5 }))).toBe("InvalidArgument");
    expect(await bad((ws) => (ws.pageLayout.zoom = { scale: 90 }))).toBe("ok");
    expect(await bad((ws) => (ws.pageLayout.orientation = "Landscape"), { excelApi: "1.8" })).toBe("ApiNotFound");
  });
});
