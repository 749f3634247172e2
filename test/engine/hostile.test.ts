/**
 * Hostile sheets: the engine's work follows the cells that hold something (never the sheet's
 * extent), text of any length is read in linear time, and sheet text never becomes formula code —
 * every planned formula parses and refers only to cells of its own sheet, whatever the labels say.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { checkSheet, Fix, MemoryGrid, planFixes } from "../../src/engine";
import { Cell } from "../../src/engine/grid";
import { stringLiteral } from "../../src/engine/rules/formulas";
import { findCell, mapText, offset, SheetSpec, toGrid, withCell } from "../fixtures/sheetSpec";
import { networkMaintenance, procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { cityOfficeFunds, yunnanProject } from "../fixtures/yunnan";
import { wuhua } from "../fixtures/others";

const brief = (spec: SheetSpec | MemoryGrid) => {
  const r = checkSheet(spec instanceof MemoryGrid ? spec : toGrid(spec));
  return r.findings.map((f) => `${f.code}@${f.cell}`);
};

/** The same grid with one more value far away (the sheet's extent grows to XFD1048576). */
function withFarValue(spec: SheetSpec, value: Cell["value"]): MemoryGrid {
  const grid = toGrid(spec);
  const rows: (Cell | undefined)[][] = [];
  for (const r of grid.occupiedRows()) for (const c of grid.occupiedCols(r)) (rows[r] ??= [])[c] = grid.cell(r, c);
  (rows[1048575] ??= [])[16383] = { value };
  return new MemoryGrid(spec.name, rows, [...grid.merges]);
}

describe("work grows with the cells that hold something", () => {
  test.each([
    ["a note", "备注"],
    ["a number", 1],
    ["a label", "合计"],
  ])("one value at XFD1048576 (%s) beside a real table: the same findings, checked in the time the table takes", (_what, value) => {
    const spec = sichuanProject(smartHall);
    const far = withFarValue(spec, value);
    expect(far.rowCount).toBe(1048576);
    expect(far.colCount).toBe(16384);
    expect(brief(far)).toEqual(brief(spec));
  });

  test("a merge over a whole column does not make every cell an entry", () => {
    const spec = sichuanProject(procurement);
    const grid = toGrid({ ...spec, merges: [...(spec.merges ?? []), "Z1:Z1048576"] });
    expect(brief(grid)).toEqual(brief(spec));
  });
});

describe("text of any length", () => {
  const longest = (unit: string) => unit.repeat(Math.ceil(32767 / unit.length)).slice(0, 32767);
  const texts = ["（" + longest("1"), longest("等级为优"), longest("自评得分9"), longest(" 1"), longest("1,"), longest("中")];
  test.each(texts.map((t) => [t.slice(0, 6), t] as const))("a 32,767-character cell (%s…) in every label position: the check still completes", (_start, text) => {
    const spec = sichuanProject(smartHall);
    const conclusion = findCell(spec, "评价结论");
    let s = spec;
    for (const cell of ["A1", conclusion, offset(conclusion, 0, 1), "D16", "K16", "B30"]) s = withCell(s, cell, text);
    expect(() => checkSheet(toGrid(s))).not.toThrow();
  });
});

describe("sheet text never becomes formula code", () => {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  afterAll(() => hf.destroy());

  /** Outside its string literals, a formula refers only to cells of its own sheet (no sheet or workbook names). */
  function codeOf(formula: string): string {
    return formula.replace(/"[^"]*"/g, '""');
  }
  function assertSafe(write: Fix) {
    if (write.formula === undefined) return;
    expect([write.formula, hf.validateFormula(write.formula)]).toEqual([write.formula, true]);
    const code = codeOf(write.formula);
    expect(code).not.toMatch(/[![\]|']/);
    // Every name in the code is a function or a cell reference of this sheet.
    for (const name of code.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []) expect(name).toMatch(/^(\$?[A-Z]{1,3}\$?\d+|IF|MIN|MAX|SUM|ROUND|ABS|VALUE|CHAR|SUBSTITUTE)$/);
  }

  test("string literals: a quote as CHAR(34), long text in pieces of at most 255 characters", () => {
    expect(stringLiteral('☑优"')).toBe('("☑优"&CHAR(34))');
    expect(stringLiteral('"')).toBe("CHAR(34)");
    expect(stringLiteral("")).toBe('""');
    expect(hf.validateFormula(`=${stringLiteral('a"b""c')}`)).toBe(true);
    const long = stringLiteral("优".repeat(600));
    expect(long.startsWith('("')).toBe(true);
    const pieces = long.slice(1, -1).split("&");
    expect(pieces.join("").replace(/"/g, "")).toBe("优".repeat(600));
    for (const piece of pieces) expect(piece.length - 2).toBeLessThanOrEqual(255);
    expect(hf.validateFormula(`=${long}`)).toBe(true);
  });

  const hostile = fc.oneof(
    fc.constantFrom('"&cmd|\' /C calc\'!A0&"', "=1+1", "+A1", '"', "''", "&", "|", "!", "[Book1.xlsx]Sheet1!A1", "=HYPERLINK(\"x\")", "#REF!", "Sheet2!B3"),
    fc.string({ unit: fc.constantFrom('"', "'", "&", "|", "!", "=", "(", ")", "优", "良", "☑", "□", "1", " ", "%", "（", "）"), maxLength: 40 }),
    fc.constantFrom("x".repeat(300), '"'.repeat(260)),
  );

  const bases: SheetSpec[] = [sichuanProject(smartHall), sichuanProject(networkMaintenance), yunnanProject(cityOfficeFunds), wuhua()];

  test("hostile text in labels, the grade's band note and sentences: every planned formula parses and stays on its sheet", () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), hostile, fc.double({ min: 0, max: 1, noNaN: true }), (base, text, p) => {
        // Every label has a chance of carrying the text; the grade line carries it in its band note.
        let i = 0;
        let spec = mapText(base, (t) => (++i % 5 === Math.floor(p * 5) ? `${t}${text}` : t));
        const grade = (() => {
          try {
            return findCell(spec, /☑|■|√/);
          } catch {
            return undefined;
          }
        })();
        if (grade) spec = withCell(spec, grade, `□优 ☑良 □中 □差（90分以上${text}为优）`);
        const r = checkSheet(toGrid(spec));
        for (const w of [...planFixes(r.findings), ...r.liveTotals]) assertSafe(w);
      }),
      { numRuns: 150 },
    );
  });
});
