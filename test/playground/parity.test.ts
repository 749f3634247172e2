/**
 * The playground agrees with the command line: every workbook of the corpus (test/corpus, copied
 * from ../shared/corpus) and of examples/ is checked through `selfeval check --format json`
 * (ExcelJS) and through the playground's path — the workbook opened as Excel holds it, read by the
 * real Office adapter over the fake Excel — and the findings must be the same, sheet by sheet.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { checkSheet, toContractFinding } from "../../src/engine";
import { openWorkbook } from "../../src/playground/loadWorkbook";
import { cli } from "../support/workbooks";

const ROOT = path.join(__dirname, "..", "..");

function workbooks(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...workbooks(p));
    else if (name.endsWith(".xlsx")) out.push(p);
  }
  return out;
}

const FILES = [...workbooks(path.join(ROOT, "test", "corpus")), ...workbooks(path.join(ROOT, "examples"))];

interface SheetFindings {
  sheet: string;
  template: string | null;
  profile: string;
  findings: ReturnType<typeof toContractFinding>[];
}

test("the corpus and the examples are all there", () => {
  expect(FILES.filter((f) => f.includes(`${path.sep}corpus${path.sep}`)).length).toBe(11);
  expect(FILES.filter((f) => f.includes(`${path.sep}examples${path.sep}`)).length).toBeGreaterThan(0);
});

test.each(FILES.map((f) => [path.relative(ROOT, f), f]))("%s: the command line and the playground find the same", async (_name, file) => {
  const { code, stdout } = await cli("check", "--format", "json", file);
  expect(code).not.toBe(2);
  const viaCli: SheetFindings[] = JSON.parse(stdout).files[0].sheets;

  const data = readFileSync(file);
  const { session } = await openWorkbook(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  const viaPlayground: SheetFindings[] = [];
  // Every sheet, hidden ones too (the command line checks them all).
  for (const { name } of await session.port.sheets()) {
    const result = checkSheet(await session.port.readSheet(name));
    viaPlayground.push({ sheet: result.sheet, template: result.template, profile: result.profile, findings: result.findings.map(toContractFinding) });
  }
  expect(viaPlayground).toEqual(viaCli);
}, 60000);
