/**
 * One sheet through the add-in's user flow; every step returns the problems it saw (empty = the step passes).
 */
import { a1, checkSheet, Finding, parseA1, planFixes, SheetResult } from "../../src/engine";
import { BookSnap, cliResult, Corpus, diffSheet, expectedOf, ids, insideTables, open, planCells, snapBook, written } from "./harness";

export interface StepReport {
  problems: string[];
  notes: string[];
}
export interface FlowReport {
  step1: StepReport;
  step2: StepReport;
  step3: StepReport;
  step4: StepReport;
  step4undo: StepReport;
  step5: StepReport;
}
const rep = (): StepReport => ({ problems: [], notes: [] });
const short = (v: unknown) => (typeof v === "string" && v.length > 120 ? `${v.slice(0, 117)}…` : JSON.stringify(v));

const ANNOUNCED = /手工/;

/** Differences from `base` on every sheet; `allow` cells are skipped on `sheet`. Recalculated formula values are notes, not problems, when `recalcOk`. */
function compareBook(base: BookSnap, now: BookSnap, sheet: string, r: StepReport, opts: { skip?: Set<string>; fields?: Parameters<typeof diffSheet>[2]; recalcOk?: boolean; label: string; noCf?: boolean; stale?: Set<string> }) {
  for (const [name, a] of base) {
    const b = now.get(name);
    if (!b) {
      r.problems.push(`${opts.label}: sheet ${name} is gone`);
      continue;
    }
    let diffs = diffSheet(a, b, opts.fields);
    if (name === sheet && opts.skip) diffs = diffs.filter((d) => !opts.skip!.has(d.cell));
    if (opts.noCf && name === sheet) diffs = diffs.filter((d) => d.field !== "cf");
    for (const d of diffs) {
      const where = name === sheet ? d.cell : `${name}!${d.cell}`;
      // A formula written back by undo is calculated (Excel does the same): a stale saved result cannot come back, nor its finding's note and mark.
      const inherent = name === sheet && opts.stale?.size && ((opts.stale.has(d.cell) && ["value", "type", "note"].includes(d.field)) || d.field === "cf");
      if (inherent) r.notes.push(`${opts.label}: [host-inherent] ${where} ${d.field} ${short(d.before)} → ${short(d.after)}`);
      else if (d.recalculated && opts.recalcOk) r.notes.push(`${opts.label}: ${where} ${d.field} recalculated (${d.recalculated}) ${short(d.before)} → ${short(d.after)}`);
      else r.problems.push(`${opts.label}: ${where} ${d.field}${d.recalculated ? ` (${d.recalculated})` : ""} ${short(d.before)} → ${short(d.after)}`);
    }
  }
  for (const name of now.keys()) if (!base.has(name)) r.problems.push(`${opts.label}: new sheet ${name}`);
}

/** The same findings, but for those on a cell whose stale saved result was recalculated (host-inherent). */
function sameFindings(a: readonly Finding[], b: readonly Finding[], stale: Set<string>): boolean {
  const keep = (fs: readonly Finding[]) => ids(fs.filter((f) => !stale.has(f.cell)), true).join();
  return keep(a) === keep(b);
}

const errorKeys = (fs: readonly Finding[]) => new Set(fs.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`));

/** After a write: what the written cells were, whether they stay in the tables and the plan, what else moved. */
function judgeWrite(label: string, r: StepReport, before: SheetResult, after: SheetResult | undefined, S1: BookSnap, S2: BookSnap, sheet: string, plannedCells: string[], announced: boolean) {
  const w = written(S1.get(sheet)!, S2.get(sheet)!);
  r.notes.push(`${label}: wrote ${w.join(" ")}`);
  const outside = insideTables(before, w);
  if (outside.length) r.problems.push(`${label}: written outside the recognised tables: ${outside.join(" ")}`);
  const unplanned = w.filter((c) => !plannedCells.includes(c));
  if (unplanned.length) r.problems.push(`${label}: written but not in the plan: ${unplanned.join(" ")}`);
  // Nothing else moves: not-written cells keep value (formula results may recalculate), formula, format; every cell keeps its fill; other sheets untouched.
  compareBook(S1, S2, sheet, r, { skip: new Set(w), fields: ["input", "value", "type", "format", "fill", "comment"], recalcOk: true, label, noCf: true });
  const fillDiffs = diffSheet(S1.get(sheet)!, S2.get(sheet)!, ["fill"]).filter((d) => w.includes(d.cell));
  for (const d of fillDiffs) r.problems.push(`${label}: written cell ${d.cell} lost its fill ${short(d.before)} → ${short(d.after)}`);
  if (!after) {
    r.problems.push(`${label}: no check after the write`);
    return;
  }
  const had = errorKeys(before.findings);
  const added = [...errorKeys(after.findings)].filter((k) => !had.has(k)).filter((k) => !(announced && /^(CONCLUSION_SCORE_MISMATCH|GRADE_MISMATCH)@/.test(k)));
  if (added.length) r.problems.push(`${label}: new errors after the write: ${added.join(" ")}`);
}

export async function runFlow(c: Corpus, file: string, sheet: string, prep?: (model: import("../../src/fake-excel").WorkbookModel) => void): Promise<FlowReport> {
  const out: FlowReport = { step1: rep(), step2: rep(), step3: rep(), step4: rep(), step4undo: rep(), step5: rep() };
  const { model, session } = await open(c, file, sheet);
  prep?.(model);
  const S0 = snapBook(model);

  /* ---- step 1: check ---- */
  const s1 = out.step1;
  await session.checkActiveSheet();
  const st = session.getState();
  if (st.error) s1.problems.push(`check error: ${JSON.stringify(st.error)}`);
  const r = st.result!;
  if (r.sheet !== sheet) s1.problems.push(`checked ${r.sheet}, not ${sheet}`);
  const engine = checkSheet(model.toGrid(sheet));
  const cli = await cliResult(c, file, sheet);
  if (ids(r.findings, true).join() !== ids(engine.findings, true).join()) s1.problems.push(`session ≠ engine on the model's grid: ${ids(r.findings, true)} vs ${ids(engine.findings, true)}`);
  if (ids(r.findings, true).join() !== ids(cli.findings, true).join()) s1.problems.push(`session ≠ CLI reading: ${ids(r.findings, true)} vs ${ids(cli.findings, true)}`);
  const exp = expectedOf(c)[file][sheet];
  const want = exp.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`).sort();
  const got = ids(r.findings);
  if (!exp.template) {
    if (r.findings.length) s1.problems.push(`look-alike gives findings: ${ids(r.findings, true)}`);
  } else if (!exp.findings.length) {
    const errs = got.filter((x) => x.endsWith(":error"));
    if (errs.length) s1.problems.push(`clean sheet gives errors: ${errs}`);
    if (got.length > errs.length) s1.notes.push(`clean sheet: extra warnings ${got.filter((x) => !x.endsWith(":error"))}`);
  } else {
    const missing = want.filter((x) => !got.includes(x));
    const extra = got.filter((x) => !want.includes(x));
    if (missing.length) s1.problems.push(`missing: ${missing}`);
    if (extra.length) s1.problems.push(`extra: ${extra}`);
  }
  const S1 = snapBook(model);
  const stale = new Set([...S1.get(sheet)!.cells].filter(([, x]) => x.stale).map(([k]) => { const [rr, cc] = k.split(",").map(Number); return a1(rr, cc); }));
  // The check only marks: nothing but conditional formats and notes changes.
  compareBook(S0, S1, sheet, s1, { fields: ["input", "value", "type", "format", "fill", "comment"], label: "check", noCf: true });
  // The file's own notes stay.
  for (const [k, cs] of S0.get(sheet)!.cells) if (cs.note !== undefined && S1.get(sheet)!.cells.get(k)!.note !== cs.note) s1.problems.push(`check replaced the file's note at ${k}: ${short(cs.note)} → ${short(S1.get(sheet)!.cells.get(k)!.note)}`);
  const marked = r.findings.filter((f) => f.severity !== "info").length;
  if (marked && S1.get(sheet)!.cf === S0.get(sheet)!.cf) s1.problems.push("findings but no mark");

  /* ---- step 2: 全部修复 ---- */
  const plan = planFixes(r.findings);
  const announced = plan.some((f) => ANNOUNCED.test(f.description));
  const s2 = out.step2;
  await session.fixAll();
  const after = session.getState();
  if (after.error) s2.problems.push(`fix error: ${JSON.stringify(after.error)}`);
  const S2 = snapBook(model);
  if (!plan.length) {
    if (after.notice?.kind !== "nothing-to-fix") s2.problems.push(`nothing to fix, notice ${JSON.stringify(after.notice)}`);
    compareBook(S1, S2, sheet, s2, { label: "fix (nothing to fix)" });
  } else {
    if (after.notice?.kind !== "fixed") s2.problems.push(`notice ${JSON.stringify(after.notice)}`);
    const left = planFixes(after.result!.findings);
    if (left.length) s2.problems.push(`fixable findings left: ${left.map((f) => `${f.cell} ${f.formula ?? f.value}`).join("; ")}`);
    judgeWrite("fix", s2, r, after.result, S1, S2, sheet, planCells(plan), announced);
    // The file's notes stay on cells that were not written.
    for (const [k, cs] of S0.get(sheet)!.cells) if (cs.note !== undefined && S2.get(sheet)!.cells.get(k)?.note !== cs.note) s2.problems.push(`the file's note at ${k} is gone or changed after the fix`);
  }

  /* ---- step 3: undo ---- */
  const s3 = out.step3;
  if (plan.length) {
    await session.undo();
    const u = session.getState();
    if (u.error) s3.problems.push(`undo error: ${JSON.stringify(u.error)}`);
    if (u.notice?.kind !== "undone" || u.notice.left.length) s3.problems.push(`notice ${JSON.stringify(u.notice)}`);
    compareBook(S1, snapBook(model), sheet, s3, { label: "undo", recalcOk: false, stale });
    if (!sameFindings(u.result!.findings, r.findings, stale)) s3.problems.push(`findings after undo ${ids(u.result!.findings, true)} ≠ before ${ids(r.findings, true)}`);
    if (u.canUndo) s3.problems.push("canUndo still true");
  } else s3.notes.push("nothing to fix: no undo");

  /* ---- step 4: 插入正确等级和合计 → undo ---- */
  const s4 = out.step4;
  const s4u = out.step4undo;
  const base4 = snapBook(model);
  const r4 = session.getState().result!;
  const live = r4.liveTotals;
  await session.insertTotalsAndGrade();
  const a4 = session.getState();
  if (a4.error) s4.problems.push(`insert error: ${JSON.stringify(a4.error)}`);
  const S4 = snapBook(model);
  if (!live.length) {
    if (a4.notice?.kind !== "nothing-to-fix") s4.problems.push(`nothing to insert, notice ${JSON.stringify(a4.notice)}`);
    compareBook(base4, S4, sheet, s4, { label: "insert (nothing)" });
    s4u.notes.push("nothing inserted: no undo");
  } else {
    if (a4.notice?.kind !== "fixed") s4.problems.push(`notice ${JSON.stringify(a4.notice)}`);
    judgeWrite("insert", s4, r4, a4.result, base4, S4, sheet, planCells(live), live.some((f) => ANNOUNCED.test(f.description)));
    await session.undo();
    const u = session.getState();
    if (u.error) s4u.problems.push(`undo error: ${JSON.stringify(u.error)}`);
    if (u.notice?.kind !== "undone" || u.notice.left.length) s4u.problems.push(`notice ${JSON.stringify(u.notice)}`);
    compareBook(S1, snapBook(model), sheet, s4u, { label: "undo insert", recalcOk: false, stale });
    if (!sameFindings(u.result!.findings, r.findings, stale)) s4u.problems.push(`findings after undo ${ids(u.result!.findings, true)} ≠ before ${ids(r.findings, true)}`);
  }

  /* ---- step 5: the undo guard ---- */
  const s5 = out.step5;
  const base5 = snapBook(model);
  const plan5 = planFixes(session.getState().result!.findings);
  if (!plan5.length) {
    s5.notes.push("nothing to fix: no guard to test");
    return out;
  }
  await session.fixAll();
  const S5 = snapBook(model);
  const w5 = written(base5.get(sheet)!, S5.get(sheet)!);
  if (!w5.length) {
    s5.problems.push("fix wrote nothing");
    return out;
  }
  const target = w5[0];
  const { row, col } = parseA1(target);
  const typed = 12.34;
  model.setInput(sheet, row, col, typed);
  const userInput = model.input(sheet, row, col);
  const userValue = model.value(sheet, row, col);
  await session.undo();
  const u5 = session.getState();
  if (u5.error) s5.problems.push(`undo error: ${JSON.stringify(u5.error)}`);
  if (u5.notice?.kind !== "undone" || JSON.stringify(u5.notice.left) !== JSON.stringify([target])) s5.problems.push(`user not told of ${target}: notice ${JSON.stringify(u5.notice)}`);
  if (model.input(sheet, row, col) !== userInput || model.value(sheet, row, col) !== userValue) s5.problems.push(`${target}: the user's ${short(userInput)} became ${short(model.input(sheet, row, col))}`);
  compareBook(base5, snapBook(model), sheet, s5, { skip: new Set([target]), fields: ["input", "value", "type", "format", "fill", "comment"], recalcOk: true, label: "guarded undo", noCf: true });
  return out;
}

/** Fix one score finding (with its carried 合计 / 小计 / grade), then undo. */
export async function runFixOne(c: Corpus, file: string, sheet: string, cell: string, code: string): Promise<StepReport & { undo: StepReport }> {
  const out = { ...rep(), undo: rep() };
  const { model, session } = await open(c, file, sheet);
  await session.checkActiveSheet();
  const r = session.getState().result!;
  const f = r.findings.find((x) => x.cell === cell && x.code === code);
  if (!f) {
    out.problems.push(`no ${code}@${cell}: ${ids(r.findings)}`);
    return out;
  }
  const plan = planFixes([f]);
  const S1 = snapBook(model);
  const stale = new Set([...S1.get(sheet)!.cells].filter(([, x]) => x.stale).map(([k]) => { const [rr, cc] = k.split(",").map(Number); return a1(rr, cc); }));
  await session.fixOne(f);
  const a = session.getState();
  if (a.error) out.problems.push(`fix error ${JSON.stringify(a.error)}`);
  if (a.notice?.kind !== "fixed") out.problems.push(`notice ${JSON.stringify(a.notice)}`);
  const S2 = snapBook(model);
  if (a.result!.findings.some((x) => x.code === code && x.cell === cell)) out.problems.push(`${code}@${cell} still there`);
  judgeWrite("fix one", out, r, a.result, S1, S2, sheet, planCells(plan), plan.some((x) => ANNOUNCED.test(x.description)));
  // The fixed score's totals follow: no total/header/grade finding that was not there before.
  out.notes.push(`plan: ${plan.map((p) => `${p.cell}${p.also?.length ? ` +${p.also.map((x) => x.cell).join("+")}` : ""}`).join(", ")}`);
  await session.undo();
  const u = session.getState();
  if (u.notice?.kind !== "undone" || u.notice.left.length) out.undo.problems.push(`notice ${JSON.stringify(u.notice)}`);
  compareBook(S1, snapBook(model), sheet, out.undo, { label: "undo one", recalcOk: false, stale });
  return out;
}

/**
 * 全部修复, then the user inserts rows above (or a column left of) the table, then 撤销上次修复: what undo did, and
 * the cells (at their new addresses) whose content or format is not as it was before the fix.
 */
export async function runShiftedUndo(c: Corpus, file: string, sheet: string, shift: { rows?: number; cols?: number; rename?: string }) {
  const { model, session } = await open(c, file, sheet);
  await session.checkActiveSheet();
  const base = snapBook(model).get(sheet)!;
  await session.fixAll();
  const wrote = written(base, snapBook(model).get(sheet)!);
  if (shift.rows) model.insertRows(sheet, 0, shift.rows);
  if (shift.cols) model.insertColumns(sheet, 0, shift.cols);
  const name = shift.rename ?? sheet;
  if (shift.rename) model.renameSheet(sheet, shift.rename);
  await session.undo();
  const st = session.getState();
  const dr = shift.rows ?? 0;
  const dc = shift.cols ?? 0;
  const now = snapBook(model).get(name)!;
  const moved = new Map([...base.cells].map(([k, v]) => {
    const [r, cc] = k.split(",").map(Number);
    return [`${r + dr},${cc + dc}`, v];
  }));
  const notRestored = [...new Set(diffSheet({ ...base, cells: moved }, { ...now, cells: new Map([...now.cells].filter(([k]) => { const [r, cc] = k.split(",").map(Number); return r >= dr && cc >= dc; })) }, ["input", "format", "type"]).filter((d) => d.cell !== "*").map((d) => d.cell))].sort();
  const newAddress = (cell: string) => { const { row, col } = parseA1(cell); return a1(row + dr, col + dc); };
  // Only the written cells: others keep their content anyway, and their formulas' references legitimately moved.
  const moved2 = wrote.map(newAddress);
  return { wrote: moved2, notice: st.notice, error: st.error, notRestored: notRestored.filter((x) => moved2.includes(x)) };
}
