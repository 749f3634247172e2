/**
 * Fix safety end to end: check → 全部修复 (planFixes) → recalculate with a real formula engine → check →
 * 插入正确等级和合计 (liveTotals of the fresh check, as the pane plans it) → recalculate → check → plan again.
 * Text cells stay text in the recalculation (as typed-in text stays text in Excel: SUM skips it, arithmetic
 * on "10分" fails), unlike test/support/recalc.ts, which lets HyperFormula parse "97.59%" or "1,234" typed as text.
 */
import { HyperFormula } from "hyperformula";
import { Cell, CellValue, checkSheet, Finding, Fix, Grid, isCellError, MemoryGrid, parseA1, planFixes, ProfileId, SheetResult } from "../../src/engine";
import { readNumber, cellText } from "../../src/engine/values";
import { SheetSpec, toGrid } from "../fixtures/sheetSpec";

const key = (f: Finding) => `${f.code}@${f.cell}`;
export const sig = (f: Finding) => `${f.code}@${f.cell} ${f.severity}`;

const REF = /(\$?)([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
const colOf = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Cells whose formulas depend (directly or through others) on the written cells. */
function reachedBy(rows: (Cell | undefined)[][], written: { row: number; col: number }[]): Set<string> {
  const hit = new Set(written.map((w) => `${w.row},${w.col}`));
  const formulas: { key: string; refs: [number, number, number, number][] }[] = [];
  rows.forEach((r, ri) =>
    r.forEach((c, ci) => {
      if (!c?.formula) return;
      const body = c.formula.replace(/"[^"]*"/g, "");
      const refs: [number, number, number, number][] = [];
      for (const m of body.matchAll(REF)) {
        const r1 = Number(m[3]) - 1;
        const c1 = colOf(m[2]);
        refs.push(m[4] ? [r1, c1, Number(m[5]) - 1, colOf(m[4])] : [r1, c1, r1, c1]);
      }
      formulas.push({ key: `${ri},${ci}`, refs });
    }),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of formulas) {
      if (hit.has(f.key)) continue;
      const [fr, fc] = f.key.split(",").map(Number);
      void fr; void fc;
      if (f.refs.some(([a, b, c, d]) => [...hit].some((k) => { const [r, col] = k.split(",").map(Number); return r >= a && r <= c && col >= b && col <= d; }))) {
        hit.add(f.key);
        grew = true;
      }
    }
  }
  return hit;
}

function raw(cell: Cell | undefined, strict: boolean, recalculate = true): string | number | boolean | null {
  if (!cell) return null;
  if (cell.formula && recalculate) return cell.formula;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (isCellError(v)) return v.error;
  if (typeof v === "string") return strict || v.startsWith("=") || v.startsWith("'") ? `'${v}` : v;
  return v;
}

/** Apply writes and recalculate every formula with HyperFormula; text stays text when `strict`. */
export function recalc(grid: Grid, fixes: readonly Fix[], strict = true): MemoryGrid {
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (Cell | undefined)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (cell) row[c] = { ...cell };
    }
    rows.push(row);
  }
  // The sheet's own formulas that no write reaches keep their cached results (HyperFormula's text
  // coercion differs from Excel's, e.g. "1,234.00" in arithmetic): only what a write changes is recalculated.
  const live = reachedBy(rows, fixes.map((f) => parseA1(f.cell)));
  for (const fix of fixes) {
    const { row, col } = parseA1(fix.cell);
    while (rows.length <= row) rows.push([]);
    const old = rows[row][col];
    const numFmt = fix.numFmt ?? (fix.formula && old?.numFmt === "@" ? "General" : old?.numFmt);
    rows[row][col] = { value: fix.value ?? null, ...(fix.formula ? { formula: fix.formula } : {}), ...(numFmt ? { numFmt } : {}) };
  }
  const width = Math.max(grid.colCount, ...rows.map((r) => r.length));
  const data = rows.map((r, ri) => Array.from({ length: width }, (_, c) => raw(r[c], strict, live.has(`${ri},${c}`))));
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const cell = rows[r][c];
      if (!cell?.formula || !live.has(`${r},${c}`)) continue;
      const v = hf.getCellValue({ sheet: 0, row: r, col: c });
      let value: CellValue;
      if (v === null || v === undefined) value = null;
      else if (typeof v === "object" && "value" in v) value = { error: String((v as { value: string }).value) };
      else value = v as CellValue;
      cell.value = value;
    }
  }
  hf.destroy();
  return new MemoryGrid(grid.sheetName, rows, [...grid.merges]);
}

/** What a cell shows, for comparing before and after: a number (a %-format fraction as points), or its text. */
export function shown(cell: Cell | undefined): number | string {
  const r = readNumber(cell);
  if (r.kind === "number") return Math.round((r.form.percentFormat ? r.value * 100 : r.value) * 1e6) / 1e6;
  return cellText(cell).replace(/\s/g, "");
}

export interface EndToEnd {
  before: SheetResult;
  afterFix: SheetResult;
  after: SheetResult;
  fixed: MemoryGrid;
  final: MemoryGrid;
  writes: Fix[];
  /** Findings that had a fix and are still there at the end. */
  returned: string[];
  /** Errors at the end that were not there before. */
  newErrors: string[];
  /** Warnings at the end that were not there before. */
  newWarnings: string[];
  /** Formulas that refer outside the sheet, do not parse, or give an error value. */
  badFormulas: string[];
  /** Written cells whose shown value changed: cell: before → after (own finding or not). */
  changed: { cell: string; from: number | string; to: number | string; ownFinding: boolean }[];
  /** A second round (全部修复 + 插入) on the final sheet would write something new. */
  secondPass: string[];
}

const hfCheck = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });

export function endToEnd(sheet: SheetSpec | Grid, profile?: ProfileId): EndToEnd {
  const grid = isGrid(sheet) ? sheet : toGrid(sheet);
  const before = checkSheet(grid, profile ? { profile } : {});
  const p = before.profile;
  const fixes = planFixes(before.findings);
  const fixed = recalc(grid, fixes);
  const afterFix = checkSheet(fixed, { profile: p });
  const live = afterFix.liveTotals;
  const final = recalc(fixed, live);
  const after = checkSheet(final, { profile: p });
  const writes = [...fixes, ...live];
  const fixedKeys = new Set(before.findings.filter((f) => f.fix).map(key));
  const beforeKeys = new Set(before.findings.map(key));
  const returned = after.findings.filter((f) => fixedKeys.has(key(f))).map((f) => `${sig(f)} — ${f.message}`);
  const newErrors = after.findings.filter((f) => f.severity === "error" && !beforeKeys.has(key(f))).map((f) => `${sig(f)} — ${f.message}`);
  const newWarnings = after.findings.filter((f) => f.severity === "warning" && !beforeKeys.has(key(f))).map((f) => `${sig(f)} — ${f.message}`);
  const badFormulas: string[] = [];
  for (const w of writes) {
    if (!w.formula) continue;
    if (/!|\[|\]/.test(w.formula.replace(/"[^"]*"/g, ""))) badFormulas.push(`${w.cell}: refers outside the sheet: ${w.formula}`);
    if (!hfCheck.validateFormula(w.formula)) badFormulas.push(`${w.cell}: does not parse: ${w.formula}`);
    const { row, col } = parseA1(w.cell);
    const v = final.cell(row, col)?.value;
    if (isCellError(v ?? null)) badFormulas.push(`${w.cell}: gives ${(v as { error: string }).error}: ${w.formula}`);
  }
  const own = new Set(before.findings.map((f) => f.cell));
  const changed: EndToEnd["changed"] = [];
  const seen = new Set<string>();
  for (const w of writes) {
    if (seen.has(w.cell)) continue;
    seen.add(w.cell);
    const { row, col } = parseA1(w.cell);
    const from = shown(grid.cell(row, col));
    const to = shown(final.cell(row, col));
    const same = typeof from === "number" && typeof to === "number" ? Math.abs(from - to) <= 0.0051 : from === to || from === "";
    if (!same) changed.push({ cell: w.cell, from, to, ownFinding: own.has(w.cell) });
  }
  const again = [...planFixes(after.findings), ...after.liveTotals].filter((fx) => {
    const { row, col } = parseA1(fx.cell);
    return final.cell(row, col)?.formula !== fx.formula;
  });
  const secondPass = again.map((x) => `${x.cell} ${x.formula ?? x.value}`);
  return { before, afterFix, after, fixed, final, writes, returned, newErrors, newWarnings, badFormulas, changed, secondPass };
}

/** The verdict of a fix round on a clean sheet: nothing may change. */
export function cleanFixVerdict(sheet: SheetSpec | Grid, profile?: ProfileId) {
  const e = endToEnd(sheet, profile);
  return {
    errors: e.before.findings.filter((f) => f.severity === "error").map((f) => `${sig(f)} — ${f.message}`),
    changed: e.changed.map((c) => `${c.cell}: ${c.from} → ${c.to}`),
    newErrors: e.newErrors,
    badFormulas: e.badFormulas,
    secondPass: e.secondPass,
  };
}
export const CLEAN_FIX = { errors: [], changed: [], newErrors: [], badFormulas: [], secondPass: [] };

/**
 * The verdict of a fix round on a faulty sheet: fixed findings gone, nothing new, formulas sound, idempotent.
 * A conclusion sentence cannot be fixed automatically: when a score fix changes the total and the fix says
 * so ("结论文字需手工修改"), the sentence's new finding is announced, not new.
 */
export function faultyFixVerdict(sheet: SheetSpec | Grid, profile?: ProfileId) {
  const e = endToEnd(sheet, profile);
  const announced = e.writes.some((w) => /结论文字需手工修改/.test(w.description)) || e.before.findings.some((f) => f.fix && /结论文字需手工修改/.test(f.fix.description));
  const sentence = (x: string) => /^CONCLUSION_SCORE_MISMATCH|^GRADE_MISMATCH.*结论中写/.test(x);
  return { returned: e.returned, newErrors: e.newErrors.filter((x) => !(announced && sentence(x))), badFormulas: e.badFormulas, secondPass: e.secondPass };
}
export const FIXED = { returned: [], newErrors: [], badFormulas: [], secondPass: [] };

function isGrid(s: SheetSpec | Grid): s is Grid {
  return typeof (s as Grid).cell === "function";
}

/**
 * The same round through LibreOffice: the workbook written by ExcelJS, fixes patched in as the CLI does
 * (patchWorkbook), recalculated by LibreOffice headless, read back; then 插入正确等级和合计 the same way.
 */
export async function endToEndLibreOffice(specs: SheetSpec[], profile?: ProfileId): Promise<Record<string, { before: SheetResult; after: SheetResult; final: Grid; returned: string[]; newErrors: string[]; changed: string[]; secondPass: string[] }>> {
  const { writeWorkbook, tempDir } = await import("../support/workbooks");
  const { readWorkbook } = await import("../../src/cli/readWorkbook");
  const { ZipPackageEditor } = await import("../../src/xlsx/zipEditor");
  const { applyFixes } = await import("../../src/xlsx/fix");
  const { writableBounds } = await import("../../src/engine");
  // Fixes patched into the package as the CLI does (src/cli/checkFile.ts).
  const patchWorkbook = async (buffer: Buffer, writes: (Fix & { sheet: string })[], results: SheetResult[]) => {
    const pkg = new ZipPackageEditor(buffer);
    applyFixes(pkg, writes, new Map(results.map((r) => [r.sheet, writableBounds(r)])), { dropMacros: false });
    return { buffer: pkg.finish() };
  };
  const { recalculate } = await import("../support/libreoffice");
  const { writeFileSync } = await import("fs");
  const path = await import("path");
  const dir = tempDir("rt2-lo-");
  const original = await writeWorkbook(path.join(dir, "自评表.xlsx"), specs);
  const read0 = await readWorkbook(original);
  const before = new Map(read0.grids.map((g) => [g.sheetName, checkSheet(g, profile ? { profile } : {})]));
  const writes1 = [...before.values()].flatMap((r) => planFixes(r.findings).map((f) => ({ sheet: r.sheet, ...f })));
  const p1 = await patchWorkbook(read0.buffer, writes1, [...before.values()]);
  const f1 = path.join(dir, "fixed.xlsx");
  writeFileSync(f1, p1.buffer);
  const r1 = recalculate(f1);
  const read1 = await readWorkbook(r1);
  const mid = new Map(read1.grids.map((g) => [g.sheetName, checkSheet(g, { profile: before.get(g.sheetName)!.profile })]));
  const writes2 = [...mid.values()].flatMap((r) => r.liveTotals.map((f) => ({ sheet: r.sheet, ...f })));
  const p2 = await patchWorkbook(read1.buffer, writes2, [...mid.values()]);
  const f2 = path.join(dir, "live.xlsx");
  writeFileSync(f2, p2.buffer);
  const r2 = recalculate(f2);
  const read2 = await readWorkbook(r2);
  const out: Record<string, { before: SheetResult; after: SheetResult; final: Grid; returned: string[]; newErrors: string[]; changed: string[]; secondPass: string[] }> = {};
  for (const g of read2.grids) {
    const b = before.get(g.sheetName)!;
    const after = checkSheet(g, { profile: b.profile });
    const fixedKeys = new Set(b.findings.filter((f) => f.fix).map(key));
    const beforeKeys = new Set(b.findings.map(key));
    const g0 = read0.grids.find((x) => x.sheetName === g.sheetName)!;
    const written = [...writes1, ...writes2].filter((w) => w.sheet === g.sheetName);
    const changed: string[] = [];
    const own = new Set(b.findings.map((f) => f.cell));
    for (const w of new Set(written.map((x) => x.cell))) {
      const { row, col } = parseA1(w);
      const from = shown(g0.cell(row, col));
      const to = shown(g.cell(row, col));
      const same = typeof from === "number" && typeof to === "number" ? Math.abs(from - to) <= 0.0051 : from === to || from === "";
      if (!same) changed.push(`${w}: ${from} → ${to}${own.has(w) ? "" : " (no finding)"}`);
    }
    const again = [...planFixes(after.findings), ...after.liveTotals].filter((fx) => {
      const { row, col } = parseA1(fx.cell);
      return (g.cell(row, col)?.formula ?? "").replace(/^=?/, "=").replace(/\s/g, "") !== (fx.formula ?? "").replace(/\s/g, "");
    });
    out[g.sheetName] = {
      before: b,
      after,
      final: g,
      returned: after.findings.filter((f) => fixedKeys.has(key(f))).map((f) => `${sig(f)} — ${f.message}`),
      newErrors: after.findings.filter((f) => f.severity === "error" && !beforeKeys.has(key(f))).map((f) => `${sig(f)} — ${f.message}`),
      changed,
      secondPass: again.map((x) => `${x.cell} ${x.formula ?? x.value}`),
    };
  }
  return out;
}
