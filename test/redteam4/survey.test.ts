/** SURVEY=1 npx jest test/redteam4/survey: writes the variant × file outcome table to /tmp/redteam4-survey.json. */
import * as fs from "fs";
import { BASELINES, VARIANTS, buildVariant, checkBuffer, diffCells, dumpCells, expectedSummary, summary } from "./harness";

const run = process.env.SURVEY ? test : test.skip;
run("survey", async () => {
  const rows: unknown[] = [];
  const only = process.env.ONLY?.split(",");
  for (const v of VARIANTS.filter((v) => !only || only.includes(v.id)))
    for (const file of BASELINES) {
      let outcome;
      try {
        const buf = await buildVariant(file, v);
        if (process.env.WRITE) {
          fs.mkdirSync(`${process.env.WRITE}/${v.id}`, { recursive: true });
          fs.writeFileSync(`${process.env.WRITE}/${v.id}/${file}`, buf);
        }
        outcome = await checkBuffer(buf, `${v.id}-${file}`);
        if (outcome.ok) {
          const base = await dumpCells(await buildVariant(file, VARIANTS[0]), `b-${file}`);
          const cells = diffCells(base, await dumpCells(buf, `${v.id}-${file}`));
          (outcome as { cells?: string[] }).cells = cells;
        }
      } catch (e) {
        outcome = { ok: false, error: "BUILD " + String(e), sheets: [] };
      }
      const got = summary(outcome);
      const exp = expectedSummary(file);
      const diff: Record<string, { got?: string; exp?: string }> = {};
      for (const s of new Set([...Object.keys(got), ...Object.keys(exp)])) if (got[s] !== exp[s]) diff[s] = { got: got[s], exp: exp[s] };
      rows.push({ v: v.id, file, ok: outcome.ok, error: outcome.error, pass: outcome.ok && Object.keys(diff).length === 0, diff, cells: (outcome as { cells?: string[] }).cells });
    }
  fs.writeFileSync("/tmp/redteam4-survey.json", JSON.stringify(rows, null, 1));
}, 600000);

const runP = process.env.PROBES ? test : test.skip;
runP("probes", async () => {
  const { PROBES, buildProbe, CORPUS } = await import("./harness");
  const rows: unknown[] = [];
  for (const pr of PROBES) {
    const buf = await buildProbe(pr);
    fs.mkdirSync("/tmp/rt4probes", { recursive: true });
    fs.writeFileSync(`/tmp/rt4probes/${pr.id}.xlsx`, buf);
    const base = summary(await checkBuffer(fs.readFileSync(`${CORPUS}/${pr.file}`), `pb-${pr.file}`));
    const o = await checkBuffer(buf, `${pr.id}.xlsx`);
    const got = summary(o);
    const exp = pr.expect ? pr.expect(base) : base;
    const diff: Record<string, unknown> = {};
    for (const s of new Set([...Object.keys(got), ...Object.keys(exp)])) if (got[s] !== exp[s]) diff[s] = { got: got[s], exp: exp[s] };
    rows.push({ id: pr.id, findings: o.sheets.map((s) => s.findings.map((f) => `${s.sheet}!${f.cell} ${f.code} ${f.severity} ${f.message}`)).flat(), ok: o.ok, error: o.error, pass: o.ok && Object.keys(diff).length === 0, diff, order: o.sheets.map((s) => s.sheet) });
  }
  fs.writeFileSync("/tmp/redteam4-probes.json", JSON.stringify(rows, null, 1));
}, 600000);
