/**
 * Forms of other provinces and offices (docs/forms.md): each fixture's clean sheet is recognised and
 * gives no error and no value-changing fix; each faulty variant gives exactly its expected findings
 * (sheet + code + cell + severity) and no other error. Failures here are what the engine still misreads.
 */
import { checkSheet, Finding, Fix, planFixes } from "../../src/engine";
import { parseA1 } from "../../src/engine/grid";
import { FORM_FIXTURES, FormFixture } from "../fixtures/forms";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";

const key = (f: { code: string; cell: string; severity: string }, sheet: string) => `${sheet}!${f.cell} ${f.code} (${f.severity})`;

/** The value a cell shows, as a number where it reads as one ("99.3 分", "86.19%", 0.8619 with a % format). */
function shown(spec: SheetSpec, address: string): number | string | null {
  const { row, col } = parseA1(address);
  const cell = toGrid(spec).cell(row, col);
  const v = cell?.value;
  if (v === null || v === undefined || typeof v === "boolean" || typeof v === "object") return null;
  if (typeof v === "number") return v;
  const m = /^\s*(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(%|％)?\s*分?\s*$/.exec(v);
  if (!m) return v;
  const n = Number(m[1].replace(/,/g, ""));
  return m[2] ? n / 100 : n;
}

/** A planned write that would leave the shown value as it is (a formula giving the same number or text). */
function keepsValue(spec: SheetSpec, fix: Fix): boolean {
  if (fix.result === undefined) return false;
  const now = shown(spec, fix.cell);
  if (typeof fix.result === "number") return typeof now === "number" && Math.abs(now - fix.result) <= 0.005;
  return String(now ?? "").replace(/\s+/g, "") === String(fix.result).replace(/\s+/g, "");
}

function errorsOf(findings: Finding[]) {
  return findings.filter((f) => f.severity === "error");
}

const templates = FORM_FIXTURES.filter((fx) => !fx.notATemplate);

describe.each(FORM_FIXTURES.filter((fx) => fx.notATemplate).map((fx) => [fx.id, fx] as [string, FormFixture]))("%s (not a template)", (_id, fx) => {
  test(`${fx.title}: ${fx.notATemplate}`, () => {
    for (const spec of [fx.clean, ...fx.variants.map((v) => v.sheet)]) {
      const r = checkSheet(toGrid(spec));
      expect(r.template).toBeNull();
      expect(r.findings).toEqual([]);
    }
  });
});

describe.each(templates.map((fx) => [fx.id, fx] as [string, FormFixture]))("%s", (_id, fx) => {
  const clean = checkSheet(toGrid(fx.clean));

  test(`clean sheet of ${fx.province} ${fx.title} is recognised as a self-evaluation table`, () => {
    expect(clean.template).not.toBeNull();
  });

  test("clean sheet gives no error finding", () => {
    expect(errorsOf(clean.findings).map((f) => `${key(f, f.sheet)}: ${f.message}`)).toEqual([]);
  });

  test("clean sheet: no planned fix and no live total would change a value", () => {
    const writes = [...planFixes(clean.findings), ...clean.liveTotals];
    const changing = writes.filter((w) => !keepsValue(fx.clean, w)).map((w) => `${w.cell}: ${JSON.stringify(shown(fx.clean, w.cell))} → ${w.formula ?? w.value} (${w.result})`);
    expect(changing).toEqual([]);
  });

  if (fx.variants.length) {
    test.each(fx.variants.map((v) => [v.name, v] as const))("variant %s: exactly the expected findings, no other error", (_name, variant) => {
      const r = checkSheet(toGrid(variant.sheet));
      const sheet = variant.sheet.name;
      const got = r.findings.map((f) => key(f, f.sheet));
      const expected = variant.findings.map((f) => key(f, sheet));
      const missing = expected.filter((e) => !got.includes(e));
      const unexpectedErrors = errorsOf(r.findings)
        .filter((f) => !expected.includes(key(f, f.sheet)))
        .map((f) => `${key(f, f.sheet)}: ${f.message}`);
      expect({ missing, unexpectedErrors }).toEqual({ missing: [], unexpectedErrors: [] });
    });
  }
});

test("every fixture names its source and has at least one faulty variant", () => {
  for (const fx of FORM_FIXTURES) {
    expect(fx.source.length).toBeGreaterThan(10);
    expect(fx.variants.length).toBeGreaterThan(0);
    for (const v of fx.variants) expect(v.findings.length).toBeGreaterThan(0);
  }
  expect(new Set(FORM_FIXTURES.map((fx) => fx.id)).size).toBe(FORM_FIXTURES.length);
});
