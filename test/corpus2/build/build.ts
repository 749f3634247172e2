/**
 * Builds the second corpus: every workbook module asserts its arithmetic while it builds, then the .xlsx files,
 * expected.json and the per-sheet part of README.md are written next to this folder.
 * Run: npx tsc -p test/corpus2/tsconfig.json && node dist/corpus2/test/corpus2/build/build.js
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { WorkbookModule, workbookBytes } from "./lib";
import { modules } from "./modules";

export interface BuiltCorpus {
  files: Map<string, Buffer>;
  expected: string;
  readme: string;
  mods: WorkbookModule[];
}

/** The workbooks' bytes and expected.json of a set built on this kit (corpus 2, corpus 3, red-team 3). */
export async function corpusOutputs(mods: WorkbookModule[]): Promise<{ files: Map<string, Buffer>; expected: string }> {
  const files = new Map<string, Buffer>();
  const expected: Record<string, Record<string, { template: boolean; findings: unknown[] }>> = {};
  for (const mod of mods) {
    files.set(mod.file, await workbookBytes(mod));
    expected[mod.file] = {};
    for (const { sheet, expect } of mod.sheets) {
      expected[mod.file][sheet.name] = {
        template: expect.template,
        findings: expect.findings.map(({ code, cell, severity, note }) => ({ code, cell, severity, note })),
      };
    }
  }
  return { files, expected: JSON.stringify(expected, null, 2) + "\n" };
}

/** A blind corpus from its modules: the outputs, and README.md's generated part (counts, then each sheet's faults). */
export async function buildCorpus(mods: WorkbookModule[]): Promise<BuiltCorpus> {
  const parts: string[] = [];
  const counts = new Map<string, number>();
  let sheets = 0;
  let templates = 0;
  let clean = 0;
  for (const mod of mods) {
    parts.push(`### ${mod.file}\n\n${mod.title}\n`);
    for (const { sheet, expect } of mod.sheets) {
      sheets++;
      if (expect.template) templates++;
      if (expect.template && expect.findings.length === 0) clean++;
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
  return { ...(await corpusOutputs(mods)), readme, mods };
}

export function buildAll(): Promise<BuiltCorpus> {
  return buildCorpus(modules());
}

/** The README is hand-written above the marker and generated below it. */
export function mergeReadme(current: string, generated: string): string {
  const marker = "<!-- generated summary -->";
  const head = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : current + "\n";
  return head + generated;
}

/** Builds a set and writes it into its folder (the workbooks, expected.json, README.md's generated part). */
export async function writeCorpus(dir: string, build: () => Promise<BuiltCorpus>): Promise<void> {
  const { files, expected, readme } = await build();
  for (const [name, bytes] of files) writeFileSync(path.join(dir, name), bytes);
  writeFileSync(path.join(dir, "expected.json"), expected);
  const readmePath = path.join(dir, "README.md");
  const current = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";
  writeFileSync(readmePath, mergeReadme(current, readme));
  console.log(`wrote ${files.size} workbooks to ${dir}`);
}

/** The command-line entry of a set's build script. */
export function runBuild(dir: string, build: () => Promise<BuiltCorpus>): void {
  writeCorpus(dir, build).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

if (require.main === module) runBuild(path.resolve(__dirname, "../../../../../test/corpus2"), buildAll);
