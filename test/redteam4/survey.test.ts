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

const runF = process.env.FIXSURVEY ? test : test.skip;
runF("fix survey", async () => {
  const { execFileSync } = await import("child_process");
  const ExcelJS = (await import("exceljs")).default;
  const { dumpCells, diffCells, tmpDir } = await import("./harness");
  const rows: unknown[] = [];
  const files = ["01_hebei_langfang_projects.xlsx", "03_central_ministry.xlsx", "06_hubei_student_aid.xlsx", "07_inner_mongolia_yuan.xlsx"] as const;
  const only = process.env.ONLY?.split(",");
  for (const v of VARIANTS.filter((x) => !only || only.includes(x.id)))
    for (const file of files) {
      const buf = await buildVariant(file, v);
      const src = `${tmpDir()}/fx-${v.id}-${file}`;
      const out = `${tmpDir()}/fxo-${v.id}-${file}`;
      fs.writeFileSync(src, buf);
      fs.rmSync(out, { force: true });
      let stdout = "";
      try {
        stdout = execFileSync(process.execPath, ["bin/selfeval.js", "check", src, "--fix", out, "--format", "json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      } catch (e) {
        stdout = (e as { stdout: string }).stdout;
      }
      if (!fs.existsSync(out)) {
        rows.push({ v: v.id, file, noCopy: true });
        continue;
      }
      const sheets = JSON.parse(stdout).files[0].sheets as { sheet: string; findings: { cell: string; fix?: { cell: string } }[] }[];
      const fixedCells = new Set(sheets.flatMap((s) => s.findings.filter((f) => f.fix).map((f) => `${s.sheet}!${f.fix!.cell}`)));
      const diff = diffCells(await dumpCells(buf, `fxa-${v.id}-${file}`), await dumpCells(fs.readFileSync(out), `fxb-${v.id}-${file}`)).filter(
        (d) => !fixedCells.has(d.split(":")[0]),
      );
      let exceljsIn = "ok";
      let exceljsOut = "ok";
      try {
        await new ExcelJS.Workbook().xlsx.load(buf as unknown as ArrayBuffer);
      } catch (e) {
        exceljsIn = String(e).slice(0, 80);
      }
      try {
        await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
      } catch (e) {
        exceljsOut = String(e).slice(0, 80);
      }
      rows.push({ v: v.id, file, fixed: [...fixedCells], otherChanged: diff.slice(0, 5), exceljsIn, exceljsOut });
    }
  fs.writeFileSync("/tmp/redteam4-fix.json", JSON.stringify(rows, null, 1));
}, 900000);

const runM = process.env.MSGSCAN ? test : test.skip;
runM("message scan", async () => {
  const out: string[] = [];
  for (const v of VARIANTS)
    for (const file of BASELINES) {
      const o = await checkBuffer(await buildVariant(file, v), `m-${v.id}-${file}`);
      for (const s of o.sheets)
        for (const f of s.findings)
          if (/_x[0-9A-Fa-f]{4}_|\r|\u200b|[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]|\u00a0/.test(f.message)) out.push(`${v.id} ${file} ${s.sheet}!${f.cell} ${JSON.stringify(f.message)}`);
    }
  fs.writeFileSync("/tmp/redteam4-msgs.txt", out.join("\n"));
}, 600000);
