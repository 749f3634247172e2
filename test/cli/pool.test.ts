/**
 * The worker pool when a worker dies holding files it has not started: each worker is handed its
 * next file before the current one ends, so a worker that runs out of memory takes back files it
 * never ran. Those must be checked by its replacement, once each, and reported in input order.
 * Runs the compiled pool (worker threads run compiled code, as installed).
 */
import ExcelJS from "exceljs";
import * as path from "path";
import type { FileOutcome, Job } from "../../src/cli/checkFile";
import { runJob } from "../../src/cli/checkFile";
import type { checkAll as CheckAll } from "../../src/cli/pool";
import { buildingOperation, procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { compiledCli } from "../support/compiledCli";
import { tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(120000);

let checkAll: typeof CheckAll;
let big: string;
let small: string[];

beforeAll(async () => {
  checkAll = ((await import(path.join(path.dirname(compiledCli()), "pool.js"))) as { checkAll: typeof CheckAll }).checkAll;
  const dir = tempDir();
  small = [
    await writeWorkbook(path.join(dir, "智慧大厅.xlsx"), [sichuanProject(smartHall)]),
    await writeWorkbook(path.join(dir, "采购.xlsx"), [sichuanProject(procurement)]),
    await writeWorkbook(path.join(dir, "大楼运行.xlsx"), [sichuanProject(buildingOperation)]),
  ];
  // A long list that needs far more than the workers' heap below (the small forms need a fraction of it).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("明细");
  for (let r = 1; r <= 60000; r++) ws.addRow([`支出明细${r}`, r, r * 2]);
  big = path.join(dir, "明细.xlsx");
  await wb.xlsx.writeFile(big);
});

/** Runs the pool over `files` with a small heap per worker; the outcomes in the order reported. */
async function pooled(files: string[], workers: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const jobs: Job[] = files.map((file, index) => ({ index, file, force: false }));
  await checkAll(jobs, { workers, inputIds: new Set(), timeoutMs: 60000, heapMb: 32, onOutcome: (o) => void outcomes.push(o) });
  return outcomes;
}

const findingsOf = (o: FileOutcome) => o.sheets.map((s) => s.findings.map((f) => `${f.code}@${f.cell}`));

test.each([1, 2])("a worker out of memory (%i worker(s)): its file is reported, the files it held are checked by another", async (workers) => {
  const files = [small[0], big, small[1], small[2], small[0]];
  const outcomes = await pooled(files, workers);
  expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
  expect(outcomes[1].error).toMatch(/^“.*明细\.xlsx”处理时超出内存上限（32 MB），已中止$/);
  for (const i of [0, 2, 3, 4]) {
    const alone = await runJob({ index: i, file: files[i], force: false }, new Set());
    expect(outcomes[i].error).toBeUndefined();
    expect(findingsOf(outcomes[i])).toEqual(findingsOf(alone));
    expect(outcomes[i].sheets).toHaveLength(1);
  }
  // The small forms are not all clean: the comparison above compares findings, not two empty lists.
  expect(outcomes.flatMap(findingsOf).flat().length).toBeGreaterThan(0);
});
