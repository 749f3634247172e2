/**
 * Builds the third red-team set (free-text readings) with the second corpus's kit: the modules assert their arithmetic,
 * then the .xlsx files, expected.json and the generated part of README.md are written.
 * Run: npx tsc -p test/redteam3/tsconfig.json && node dist/redteam3/test/redteam3/build/build.js
 */
import * as path from "path";
import { BuiltCorpus, corpusOutputs, runBuild } from "../../corpus2/build/build";
import { modules } from "./workbooks";
import { T } from "./texts";

export async function buildAll(): Promise<BuiltCorpus> {
  const mods = modules();
  const parts: string[] = [];
  let sheets = 0;
  let clean = 0;
  for (const mod of mods) {
    parts.push(`### ${mod.file}\n\n${mod.title}\n`);
    for (const { sheet, expect } of mod.sheets) {
      sheets++;
      if (expect.findings.length === 0) clean++;
      const lines = [`- **${sheet.name}**: ${expect.about}`];
      if (expect.findings.length === 0) lines.push("  - must give no error (clean)");
      for (const f of expect.findings) lines.push(`  - \`${f.code}\` @ ${f.cell} (${f.severity}) — ${f.note}`);
      parts.push(lines.join("\n") + "\n");
    }
  }
  const texts = Object.values(T);
  const table = [
    "| id | text | source | cell | reads as the result | why |",
    "| --- | --- | --- | --- | --- | --- |",
    ...texts.map((t) => {
      const r = t.scores.length || t.grades.length ? [...t.scores.map((s) => `${s}分`), ...t.grades].join(" ") : "nothing";
      return `| ${t.id} | ${t.text.replace(/\n/g, "⏎").replace(/\|/g, "｜")} | ${t.source} | ${t.cell} | ${r} | ${t.why} |`;
    }),
  ].join("\n");
  const summary = `${mods.length} workbooks, ${sheets} sheets (${clean} clean, ${sheets - clean} with one injected finding each); ${texts.length} texts.`;
  const readme = `<!-- generated summary -->\n${summary}\n\n## Texts\n\n${table}\n\n## Files, sheets and injected findings\n\n${parts.join("\n")}`;
  return { ...(await corpusOutputs(mods)), readme, mods };
}

if (require.main === module) runBuild(path.resolve(__dirname, "../../../../../test/redteam3"), buildAll);
