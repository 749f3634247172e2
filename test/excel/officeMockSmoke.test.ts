/**
 * One smoke test per adapter entry point with Microsoft's office-addin-mock: the adapter's calls
 * fit the object model that mock describes. (The strict behaviour — loads, syncs, limits — is
 * tested against our own fake in officeAdapter.test.ts; this mock does not enforce them.)
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeAdapter, OfficeHost } from "../../src/excel/officeAdapter";
import { buildReport } from "../../src/addin/report";

// Mock data is loosely typed on purpose: office-addin-mock adds and reads properties freely.
/* eslint-disable @typescript-eslint/no-explicit-any */
function range(values: unknown[][], extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    values,
    valueTypes: values.map((r) => r.map((v) => (typeof v === "number" ? "Double" : v === "" ? "Empty" : "String"))),
    formulas: values,
    numberFormat: values.map((r) => r.map(() => "General")),
    rowIndex: 0,
    columnIndex: 0,
    rowCount: values.length,
    columnCount: values[0]?.length ?? 0,
    isNullObject: false,
    format: { fill: { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0, clear(this: Record<string, any>) { this.cleared = true; } }, font: {}, autofitColumns() {} },
    select(this: Record<string, any>) { this.selected = true; },
    ...extra,
  };
}

/** "1.18" → 18: requirement sets compare by their minor version. */
const minor = (v: string) => Number(v.split(".")[1] ?? 0);

function host(data: Record<string, unknown>, excelApi = "1.18"): { mock: OfficeMockObject & Record<string, any>; adapter: OfficeAdapter } {
  const settings = new Map<string, unknown>();
  // Excel.run(batch) or Excel.run(options, batch).
  const run = async function (this: { context: unknown }, a: unknown, b?: (c: unknown) => Promise<unknown>) {
    return (typeof a === "function" ? (a as (c: unknown) => Promise<unknown>) : b!)(this.context);
  };
  const mock = new OfficeMockObject({ ...data, run }) as OfficeMockObject & Record<string, any>;
  const office = {
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: (_n: string, v?: string | number) => minor(String(v ?? "1.1")) <= minor(excelApi) },
      document: { settings: { get: (k: string) => settings.get(k) ?? null, set: (k: string, v: unknown) => settings.set(k, v), saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }) } },
    },
  };
  (globalThis as { Office?: unknown }).Office = office;
  return { mock, adapter: new OfficeAdapter({ Excel: mock as unknown as OfficeHost["Excel"], Office: office }) };
}

/**
 * office-addin-mock cannot mock collections: the sheet's conditional formats are a plain stub
 * (returned by a function, so the mock leaves it alone) that records what the adapter adds.
 */
function conditionalFormats() {
  const added: Record<string, any>[] = [];
  return {
    added,
    items: [] as unknown[],
    load() {},
    add(type: string) {
      const cf = { type, custom: { rule: { formula: "" }, format: { fill: { color: "" } } } };
      added.push(cf);
      return cf;
    },
  };
}

const sheet = (r: Record<string, any>, extra: Record<string, unknown> = {}): Record<string, any> => ({
  name: "自评表",
  id: "{sheet-1}",
  isNullObject: false,
  used: r,
  cell: range([["5"]]),
  protection: { protected: false },
  getUsedRangeOrNullObject() { return this.used; },
  getRangeByIndexes() { return this.used; },
  getRange(address?: string) { return address === undefined ? { conditionalFormats: this.formats } : this.cell; },
  getRanges() { return { conditionalFormats: this.formats }; },
  activate(this: Record<string, any>) { this.active = true; },
  ...extra,
});

describe("office-addin-mock smoke tests", () => {
  test("readSheet", async () => {
    const used = range([["合计", 98]], { getMergedAreasOrNullObject() { return { isNullObject: true }; } });
    const { adapter } = host({ context: { workbook: { application: { calculationMode: "Automatic" }, worksheets: { active: sheet(used), getActiveWorksheet() { return this.active; } } } } }, "1.9");
    const grid = await adapter.readSheet();
    expect(grid.sheetName).toBe("自评表");
    expect(grid.cell(0, 1)?.value).toBe(98);
  });

  test("activeSheetName", async () => {
    const { adapter } = host({ context: { workbook: { worksheets: { active: { name: "项目表" }, getActiveWorksheet() { return this.active; } } } } });
    expect(await adapter.activeSheetName()).toBe("项目表");
  });

  test("highlight and clearHighlights", async () => {
    const formats = conditionalFormats();
    const ws = sheet(range([[1]]), { formats: undefined });
    const { mock, adapter } = host({ context: { workbook: { worksheets: { ws, getItem() { return this.ws; }, getItemOrNullObject() { return this.ws; } } } } }, "1.9");
    mock.context.workbook.worksheets.ws.formats = formats;
    await adapter.highlight("自评表", [{ cell: "A1", severity: "error" }]);
    expect(formats.added.map((cf) => [cf.type, cf.custom.format.fill.color])).toEqual([["Custom", "#FFC7CE"]]);
    await expect(adapter.clearHighlights("自评表")).resolves.toEqual({ skipped: [] });
  });

  test("applyFixes and undoLastFix", async () => {
    const ws = sheet(range([[1]]));
    const { mock, adapter } = host({ context: { workbook: { application: { calculationMode: "Automatic" }, worksheets: { ws, getItemOrNullObject() { return this.ws; } } } } }, "1.9");
    await adapter.applyFixes("自评表", [{ cell: "J9", formula: "=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))", description: "" }]);
    expect(mock.context.workbook.worksheets.ws.cell.formulas).toEqual([["=I9*MIN(1,MAX(0,IF(F9<=0,0,G9/F9)))"]]);
    expect(await adapter.undoLastFix()).toEqual({ sheet: "自评表", left: [] });
    // The text "5" goes back as text.
    expect(mock.context.workbook.worksheets.ws.cell.formulas).toEqual([["'5"]]);
  });

  test("selectCell", async () => {
    const ws = sheet(range([[1]]));
    const { mock, adapter } = host({ context: { workbook: { worksheets: { ws, getItem() { return this.ws; } } } } });
    await adapter.selectCell("自评表", "B2");
    expect(mock.context.workbook.worksheets.ws.cell.selected).toBe(true);
    expect(mock.context.workbook.worksheets.ws.active).toBe(true);
  });

  test("writeReport", async () => {
    const cells = range([[""]], {
      merge(this: Record<string, any>) { this.merged = true; },
      format: { fill: {}, font: {} },
    });
    const report = sheet(cells, {
      pageLayout: {
        setPrintArea(this: Record<string, any>) { this.printArea = true; },
        setPrintTitleRows(this: Record<string, any>, rows: string) { this.titleRows = rows; },
      },
    });
    const { mock, adapter } = host({
      context: {
        workbook: {
          worksheets: {
            report,
            getItemOrNullObject() { return { isNullObject: true }; },
            add() { return this.report; },
          },
        },
      },
    }, "1.9");
    // No sheets yet (the mock cannot load a collection's items: the stub answers the load).
    mock.context.workbook.worksheets.load = () => undefined;
    mock.context.workbook.worksheets.items = [];
    mock.context.workbook.context = mock.context;
    const document = buildReport({ lang: "zh", date: new Date(2026, 2, 15), sheets: [{ sheet: "自评表", failure: "无法读取" }], fixed: [] });
    expect(await adapter.writeReport(document)).toBe("核对报告");
    const written = mock.context.workbook.worksheets.report;
    expect(written.used.values[0][0]).toBe("绩效自评表核对报告");
    expect(written.used.merged).toBe(true);
    expect(written.used.format.rowHeight).toBeGreaterThan(15);
    expect(written.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printArea: true, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(written.pageLayout.titleRows).toMatch(/^\$\d+:\$\d+$/);
  });
});
