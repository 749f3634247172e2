/**
 * RuleTester, after ESLint's: one rule run on small recognised sheets, with the sheets it must
 * accept (`valid`) and those it must report, with exactly these findings (`invalid`). Cells are
 * found by label on the spec (findCell/offset), so a row that moves does not break the test.
 */
import { Finding, Fix, ProfileId } from "../../src/engine";
import { checkSheetWith } from "../../src/engine/check";
import { Rule } from "../../src/engine/rules";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";

export interface ValidCase {
  name: string;
  sheet: SheetSpec;
  profile?: ProfileId;
}

export interface ExpectedFinding {
  code: Finding["code"];
  cell: string;
  severity?: Finding["severity"];
  stated?: Finding["stated"];
  expected?: Finding["expected"];
  /** The message, or a part of it. */
  message?: string | RegExp;
  /** What the fix writes (the fields given), or null for no fix. */
  fix?: Partial<Omit<Fix, "also">> | null;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/** The findings of one rule alone (its own codes; the planner plans their fixes as in checkSheet). */
export function runRule(rule: Rule, sheet: SheetSpec, profile?: ProfileId): Finding[] {
  return checkSheetWith([rule], toGrid(sheet), { profile }).findings;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.name}`, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
      expect(runRule(rule, c.sheet, c.profile).map((f) => `${f.code}@${f.cell}: ${f.message}`)).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
      const got = runRule(rule, c.sheet, c.profile);
      expect(got.map((f) => `${f.code}@${f.cell}`)).toEqual(c.findings.map((f) => `${f.code}@${f.cell}`));
      c.findings.forEach((want, i) => {
        const f = got[i];
        if (want.severity !== undefined) expect(f.severity).toBe(want.severity);
        if (want.stated !== undefined) expect(f.stated).toEqual(want.stated);
        if (want.expected !== undefined) expect(f.expected).toEqual(want.expected);
        if (typeof want.message === "string") expect(f.message).toContain(want.message);
        else if (want.message) expect(f.message).toMatch(want.message);
        if (want.fix === null) expect(f.fix).toBeUndefined();
        else if (want.fix) expect(f.fix).toMatchObject(want.fix);
      });
    });
  });
}
