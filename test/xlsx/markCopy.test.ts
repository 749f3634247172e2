/**
 * The marked copy in the browser (for the playground's download): the same marks as `--mark`, made
 * with JSZip; its module graph type-checks without Node's types (no Buffer, fs or zlib).
 */
import ExcelJS from "exceljs";
import * as ts from "typescript";
import { readFileSync } from "fs";
import * as path from "path";
import { checkSheet } from "../../src/engine";
import { markedCopy } from "../../src/xlsx/markCopy";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { worksheetToGrid } from "../../src/xlsx/worksheetToGrid";
import { changedParts, partsOf } from "../support/packages";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "自评表示例.xlsx");

test("its module graph (and the fixed copy's, and the date formats') uses no Node API", () => {
  const root = path.join(__dirname, "..", "..");
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config;
  const options = ts.convertCompilerOptionsFromJson({ ...config.compilerOptions, lib: ["ES2022", "DOM"], types: [], noEmit: true }, root).options;
  // The playground's other browser modules of the package layer too: its fixed copy and the date formats given to ExcelJS.
  const program = ts.createProgram(["markCopy.ts", "fixCopy.ts", "builtinFormats.ts"].map((f) => path.join(root, "src", "xlsx", f)), options);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(errors).toEqual([]);
  const files = program.getSourceFiles().map((f) => path.relative(root, f.fileName)).filter((f) => f.startsWith("src"));
  expect(files).toContain(path.join("src", "xlsx", "mark.ts"));
  expect(files).toContain(path.join("src", "xlsx", "fix.ts"));
  expect(files.some((f) => /zip\.ts$|zipEditor|cli/.test(f))).toBe(false);
}, 60000);

test("marks every disagreeing cell, adds 核对报告, keeps every other part's content", async () => {
  const data = readFileSync(SAMPLE);
  // What the playground has: ExcelJS grids, checked by the engine.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const results = wb.worksheets.map(worksheetToGrid).map((g) => checkSheet(g));
  const bytes = new Uint8Array(data);
  const copy = await markedCopy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), results, new Date(2026, 3, 8));
  const out = Buffer.from(copy.bytes);
  const errors = results.flatMap((r) => r.findings.filter((f) => f.severity !== "info").map((f) => `${r.sheet}!${f.cell}`));
  expect(copy.marked).toBe(new Set(errors).size);
  expect(copy.reportSheet).toBe("核对报告");

  const marked = new ExcelJS.Workbook();
  await marked.xlsx.load(copy.bytes as unknown as ArrayBuffer);
  for (const r of results) {
    for (const f of r.findings.filter((x) => x.severity === "error")) {
      const cell = marked.getWorksheet(r.sheet)!.getCell(f.cell);
      expect([f.cell, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([f.cell, "FFFFC7CE"]);
      expect((cell.note as ExcelJS.Comment).texts!.map((t) => t.text).join("")).toContain(f.message);
    }
  }
  // The sheets read as before, plus the report.
  const before = (await readXlsx(data)).grids;
  const after = (await readXlsx(out)).grids;
  expect(after.map((g) => g.sheetName)).toEqual([...before.map((g) => g.sheetName), "核对报告"]);
  // Content of parts the marks do not need is unchanged.
  const changed = changedParts(partsOf(data), partsOf(out));
  expect(changed).not.toContain("xl/sharedStrings.xml");
  expect(changed).not.toContain("docProps/core.xml");
  expect(changed.every((n) => /^(\[Content_Types\]\.xml|xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|worksheets\/|comments|drawings\/))/.test(n))).toBe(true);
});
