/**
 * Builds the third corpus with the second corpus's kit (../../corpus2/build/lib.ts): every workbook module asserts
 * its arithmetic while it builds, then the .xlsx files, expected.json and the generated part of README.md are written.
 * Run: npx tsc -p test/corpus3/tsconfig.json && node dist/corpus3/test/corpus3/build/build.js
 */
import { writeFileSync, readFileSync } from "fs";
import * as path from "path";
import { WorkbookModule, workbookBytes } from "../../corpus2/build/lib";
import { mergeReadme } from "../../corpus2/build/build";
import { modules } from "./modules";

export async function buildAll(): Promise<{ files: Map<string, Buffer>; expected: string; readme: string; mods: WorkbookModule[] }> {
  const mods = modules();
  const files = new Map<string, Buffer>();
  const expected: Record<string, Record<string, { template: boolean; findings: unknown[] }>> = {};
  const parts: string[] = [];
  const counts = new Map<string, number>();
  let sheets = 0;
  let templates = 0;
  let clean = 0;
  for (const mod of mods) {
    files.set(mod.file, await workbookBytes(mod));
    expected[mod.file] = {};
    parts.push(`### ${mod.file}\n\n${mod.title}\n`);
    for (const { sheet, expect } of mod.sheets) {
      sheets++;
      if (expect.template) templates++;
      if (expect.template && expect.findings.length === 0) clean++;
      expected[mod.file][sheet.name] = {
        template: expect.template,
        findings: expect.findings.map(({ code, cell, severity, note }) => ({ code, cell, severity, note })),
      };
      for (const f of expect.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
      const lines = [`- **${sheet.name}** (${expect.template ? "template" : "not a template"}): ${expect.about}`];
      if (!expect.template) lines.push("  - must give no finding");
      else if (expect.findings.length === 0) lines.push("  - nothing injected: must give no error (clean)");
      for (const f of expect.findings) lines.push(`  - \`${f.code}\` @ ${f.cell} (${f.severity}) — ${f.note}`);
      parts.push(lines.join("\n") + "\n");
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const tally = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c} ${n}`).join(", ");
  const summary =
    `${mods.length} workbooks, ${sheets} sheets: ${templates} self-evaluation sheets (${clean} clean, the rest with injected faults) and ` +
    `${sheets - templates} look-alike sheets that are not templates. ${total} injected findings: ${tally}.`;
  const readme = `<!-- generated summary -->\n${summary}\n\n## Files, sheets and injected findings\n\n${parts.join("\n")}`;
  return { files, expected: JSON.stringify(expected, null, 2) + "\n", readme, mods };
}

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "../../../../../test/corpus3");
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
