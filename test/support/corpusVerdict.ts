/**
 * The verdict a corpus folder is judged by (xlsx files + expected.json): each workbook read by the CLI's
 * reader and checked by the engine — every expected finding at its cell with its severity, no error that
 * is not expected, and nothing at all on sheets that are not self-evaluation tables.
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { checkSheet, Finding, SheetResult } from "../../src/engine";
import { readWorkbook } from "../../src/cli/readWorkbook";

interface Expected {
  template: boolean;
  findings: { code: string; cell: string; severity: string; note: string }[];
}

/** The corpus's .xlsx files, sorted. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort();
}

/** Registers the corpus's tests: one per sheet listed in expected.json. */
/** A generated set's check that its committed workbooks and expected.json are what its generator builds, byte for byte. */
export function testRebuild(dir: string, buildAll: () => Promise<{ files: Map<string, Buffer>; expected: string }>): void {
  test("the committed workbooks and expected.json are what the generator builds, byte for byte", async () => {
    const built = await buildAll();
    expect([...built.files.keys()].sort()).toEqual(corpusFiles(dir));
    for (const [name, bytes] of built.files) expect(Buffer.compare(bytes, readFileSync(path.join(dir, name)))).toBe(0);
    expect(built.expected).toBe(readFileSync(path.join(dir, "expected.json"), "utf8"));
  });
}

export function describeCorpus(dir: string): void {
  const expected: Record<string, Record<string, Expected>> = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8"));
  const files = corpusFiles(dir);

  const results = new Map<string, Promise<SheetResult[]>>();
  const checked = (file: string): Promise<SheetResult[]> => {
    if (!results.has(file)) results.set(file, readWorkbook(path.join(dir, file)).then(({ grids }) => grids.map((g) => checkSheet(g))));
    return results.get(file)!;
  };

  const key = (f: { code: string; cell: string }) => `${f.code}@${f.cell}`;
  const line = (f: Finding) => `${key(f)} ${f.severity} — ${f.message}`;

  test("every corpus workbook is listed in expected.json", () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  describe.each(files)("%s", (file) => {
    test.each(Object.keys(expected[file]))("%s", async (sheet) => {
      const want = expected[file][sheet];
      const result = (await checked(file)).find((r) => r.sheet === sheet);
      expect(result).toBeDefined();
      const got = result!.findings;
      if (!want.template) {
        expect(got.map(line)).toEqual([]);
        expect(result!.template).toBeNull();
        return;
      }
      expect(result!.template).not.toBeNull();
      // Every expected finding, at its cell, with its severity.
      const found = want.findings.map((w) => {
        const f = got.find((g) => key(g) === key(w));
        return f ? `${key(w)} ${f.severity}` : `${key(w)} missing — ${w.note}`;
      });
      expect(found).toEqual(want.findings.map((w) => `${key(w)} ${w.severity}`));
      // No error finding that is not expected.
      const extraErrors = got.filter((g) => g.severity === "error" && !want.findings.some((w) => key(w) === key(g)));
      expect(extraErrors.map(line)).toEqual([]);
    });
  });
}
