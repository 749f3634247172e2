/**
 * Builds the third red-team set (free-text readings) with the second corpus's kit: the modules assert their arithmetic,
 * then the .xlsx files, expected.json and the generated part of README.md are written.
 * Run: npx tsc -p test/redteam3/tsconfig.json && node dist/redteam3/test/redteam3/build/build.js
 */
import { writeFileSync, readFileSync } from "fs";
import * as path from "path";
import { WorkbookModule, workbookBytes } from "../../corpus2/build/lib";
import { mergeReadme } from "../../corpus2/build/build";
import { modules } from "./workbooks";
import { T } from "./texts";

export async function buildAll(): Promise<{ files: Map<string, Buffer>; expected: string; readme: string; mods: WorkbookModule[] }> {
  const mods = modules();
  const files = new Map<string, Buffer>();
  const expected: Record<string, Record<string, { template: boolean; findings: unknown[] }>> = {};
  const parts: string[] = [];
  let sheets = 0;
  let clean = 0;
  for (const mod of mods) {
    files.set(mod.file, await workbookBytes(mod));
    expected[mod.file] = {};
    parts.push(`### ${mod.file}\n\n${mod.title}\n`);
    for (const { sheet, expect } of mod.sheets) {
      sheets++;
      if (expect.findings.length === 0) clean++;
      expected[mod.file][sheet.name] = { template: expect.template, findings: expect.findings.map(({ code, cell, severity, note }) => ({ code, cell, severity, note })) };
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
  return { files, expected: JSON.stringify(expected, null, 2) + "\n", readme, mods };
}

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "../../../../../test/redteam3");
  const { files, expected, readme } = await buildAll();
  for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
  writeFileSync(path.join(dir, "expected.json"), expected);
  const readmePath = path.join(dir, "README.md");
  let current = "";
  try {
    current = readFileSync(readmePath, "utf8");
  } catch {
    current = "";
  }
  writeFileSync(readmePath, mergeReadme(current, readme));
  console.log(`wrote ${files.size} workbooks to ${dir}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
