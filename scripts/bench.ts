/**
 * npm run bench — measured, not asserted:
 *   1. engine time for a 60-row table            (target ≤ 5 ms)
 *   2. engine time for a 10,000-indicator sheet  (target ≤ 150 ms)
 *   3. CLI time against a bare ExcelJS load of the same files, in one run, as a ratio (target ≤ 1.10)
 *   4. the Office adapter on the strict fake: syncs and payload bytes for reading a 60-row and a
 *      10,000-row sheet and for writing a full fix
 * Medians of repeated runs after a warm-up; runs of the two sides of (3) are interleaved.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { checkSheet, planFixes } from "../src/engine";
import { OfficeAdapter, OfficeHost } from "../src/excel/officeAdapter";
import { createFakeOffice, WorkbookModel } from "../src/fake-excel";
import { main } from "../src/cli/main";
import { addToWorkbook, SheetSpec, toGrid } from "../test/fixtures/sheetSpec";
import { SichuanIndicator, sichuanProject } from "../test/fixtures/sichuan";

function table(indicators: number, withFaults: boolean): SheetSpec {
  const l2 = ["数量指标", "质量指标", "时效指标", "成本指标"];
  const items: SichuanIndicator[] = [];
  const weight = 90 / indicators;
  for (let i = 0; i < indicators; i++) {
    const l1 = i < indicators * 0.7 ? "产出指标" : i < indicators * 0.9 ? "效益指标" : "满意度指标";
    const fault = withFaults && i % 50 === 7;
    items.push({
      l1,
      l2: l1 === "产出指标" ? l2[Math.floor(i / 7) % 4] : l1 === "效益指标" ? "社会效益指标" : "服务对象满意度指标",
      name: `指标${i + 1}`,
      dir: i % 5 === 0 ? "≤" : "≥",
      target: 90 + (i % 10),
      unit: i % 3 === 0 ? "%" : "个",
      actual: 1,
      weight: Math.round(weight * 1e6) / 1e6,
      score: fault ? Math.round((weight + 0.5) * 1e6) / 1e6 : Math.round(weight * 1e6) / 1e6,
    });
  }
  return sichuanProject({
    sheet: `指标${indicators}`,
    project: `压力测试项目（${indicators} 项指标）`,
    budget: { initial: 300, adjusted: 395.84, executed: 172.66, rate: 0.4362, weight: 10, score: 5, reason: "按合同分期支付" },
    indicators: items,
    total: { weight: 100, score: 95 },
    conclusion: "该项目自评总分95分。",
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => void, runs: number): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

async function timeAsync(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function run() {
  const small = table(41, true);
  const large = table(10000, true);
  const smallGrid = toGrid(small);
  const largeGrid = toGrid(large);
  const smallRows = small.rows.length;
  const largeItems = checkSheet(largeGrid).units[0].indicators!.items.length;

  time(() => checkSheet(smallGrid), 50);
  const smallMs = time(() => checkSheet(smallGrid), 300);
  time(() => checkSheet(largeGrid), 3);
  // 21 runs: single runs on a shared VM vary by ±50 % (garbage collection, neighbours); the median holds.
  const largeMs = time(() => checkSheet(largeGrid), 21);

  const dir = mkdtempSync(path.join(tmpdir(), "selfeval-bench-"));
  const files: string[] = [];
  for (const spec of [small, large]) {
    const wb = new ExcelJS.Workbook();
    addToWorkbook(wb, spec);
    const file = path.join(dir, `${spec.name}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  const bare = async () => {
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    }
  };
  const cli = async () => main(["check", ...files, "--format", "json"], quiet);
  await bare();
  await cli();
  const bareTimes: number[] = [];
  const cliTimes: number[] = [];
  for (let i = 0; i < 7; i++) {
    bareTimes.push(await timeAsync(bare));
    cliTimes.push(await timeAsync(cli));
  }
  const bareMs = median(bareTimes);
  const cliMs = median(cliTimes);
  const ratio = cliMs / bareMs;

  const line = (label: string, value: string, target: string, ok: boolean) => console.log(`${label.padEnd(46)} ${value.padStart(12)}   target ${target.padEnd(8)} ${ok ? "ok" : "MISSED"}`);
  console.log(`selfeval bench — node ${process.version}, ${new Date().toISOString()}`);
  line(`engine, ${smallRows}-row table (median of 300)`, `${smallMs.toFixed(2)} ms`, "≤ 5 ms", smallMs <= 5);
  line(`engine, ${largeItems}-indicator sheet (median of 21)`, `${largeMs.toFixed(1)} ms`, "≤ 150 ms", largeMs <= 150);
  line("bare ExcelJS load of both files (median of 7)", `${bareMs.toFixed(0)} ms`, "", true);
  line("selfeval check of both files (median of 7)", `${cliMs.toFixed(0)} ms`, "", true);
  line("CLI ÷ bare load", ratio.toFixed(3), "≤ 1.10", ratio <= 1.1);

  // The Office adapter against the strict fake: what crosses the wire.
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  for (const spec of [small, large]) {
    const model = new WorkbookModel();
    model.addGrid(toGrid(spec));
    const fake = createFakeOffice(model);
    (globalThis as { Office?: unknown }).Office = fake.Office;
    const adapter = new OfficeAdapter(fake as unknown as OfficeHost);
    const grid = await adapter.readSheet();
    const read = { ...fake.stats };
    fake.resetStats();
    const fixes = planFixes(checkSheet(grid).findings);
    await adapter.applyFixes(spec.name, fixes);
    const write = { ...fake.stats };
    console.log(
      `adapter, ${spec.rows.length}-row sheet: read ${read.syncs} syncs, request ${kb(read.requestBytes)}, response ${kb(read.responseBytes)} (largest ${kb(read.largestResponse)}); ` +
        `full fix (${fixes.length} cells) ${write.syncs} syncs, request ${kb(write.requestBytes)}, response ${kb(write.responseBytes)}`,
    );
  }
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
