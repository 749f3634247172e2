/**
 * Red-team probe helpers: run the engine on a sheet, and compare with what domain.md says a
 * correct check gives. Clean sheets: no error, no fix that would change a stated value. Faulty
 * sheets: the faults' findings at the contract's cells, nothing else new compared with the clean
 * sheet the fault was injected into.
 */
import { checkSheet, Finding, Fix, Grid, SheetResult } from "../../src/engine";
import type { ProfileId } from "../../src/engine";
import { parseA1 } from "../../src/engine/grid";
import { readNumber } from "../../src/engine/values";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";

export const sig = (f: Finding) => `${f.code}@${f.cell} ${f.severity}`;
export const line = (f: Finding) => `${sig(f)} — ${f.message}`;

export function run(sheet: SheetSpec | Grid, profile?: ProfileId): { result: SheetResult; grid: Grid } {
  const grid = "rows" in sheet ? toGrid(sheet) : sheet;
  return { result: checkSheet(grid, profile ? { profile } : {}), grid };
}

/** Fixes (a finding's own, the writes it carries, and 插入正确等级和合计) whose result differs from what the cell holds. */
export function valueChangingFixes(grid: Grid, result: SheetResult): string[] {
  const out: string[] = [];
  const all: Fix[] = [];
  const add = (f: Fix) => {
    all.push(f);
    for (const a of f.also ?? []) add(a);
  };
  for (const f of result.findings) if (f.fix) add(f.fix);
  for (const f of result.liveTotals) add(f);
  for (const f of all) {
    if (f.result === undefined && f.value === undefined) continue;
    const want = f.result ?? f.value;
    const { row, col } = parseA1(f.cell);
    const cell = grid.cell(row, col);
    const now = readNumber(cell);
    if (typeof want === "number") {
      if (now.kind === "number") {
        // Compare as the cell shows it: a rate shown as percentage points, a fraction with a % format.
        const shown = now.value;
        const ok = Math.abs(shown - want) <= 0.0051 || Math.abs(shown / 100 - want) <= 0.0001 || Math.abs(shown - want * 100) <= 0.0051;
        if (!ok) out.push(`${f.cell}: ${shown} → ${want} (${f.formula ?? f.value}) ${f.description}`);
      } else if (now.kind === "empty") {
        // writing into an empty cell changes nothing the user stated
      } else out.push(`${f.cell}: unreadable → ${want} (${f.formula ?? f.value})`);
    } else if (typeof want === "string") {
      const text = cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
      if (text.replace(/\s/g, "") !== want.replace(/\s/g, "")) out.push(`${f.cell}: "${text}" → "${want}" ${f.description}`);
    }
  }
  return out;
}

/** What a correct check must not report on a clean sheet. */
export function cleanVerdict(sheet: SheetSpec | Grid, profile?: ProfileId) {
  const { result, grid } = run(sheet, profile);
  return {
    recognised: result.template !== null,
    errors: result.findings.filter((f) => f.severity === "error").map(line),
    wrongFixes: valueChangingFixes(grid, result),
  };
}

export const CLEAN = { recognised: true, errors: [], wrongFixes: [] };

/**
 * Findings the fault adds over its clean base (by code+cell+severity; info notes ignored), and
 * findings of the base that disappeared.
 */
export function faultDelta(base: SheetSpec | Grid, faulty: SheetSpec | Grid, profile?: ProfileId) {
  const b = run(base, profile).result.findings.filter((f) => f.severity !== "info").map(sig);
  const got = run(faulty, profile).result;
  const f = got.findings.filter((x) => x.severity !== "info");
  return { added: f.filter((x) => !b.includes(sig(x))).map(sig).sort(), lost: b.filter((s) => !f.some((x) => sig(x) === s)).sort() };
}

export const only = (...sigs: string[]) => ({ added: sigs.slice().sort(), lost: [] });

/** All findings, for a look-alike that must give none. */
export function nothingOn(sheet: SheetSpec | Grid) {
  const { result } = run(sheet);
  return { template: result.template, findings: result.findings.map(line) };
}
