/**
 * Files checked by worker threads, results handed on in input order. At most a window of files is
 * dispatched ahead of the first unreported one, so memory holds a few outcomes, not the folder's.
 * A worker that runs out of its heap or exceeds the time limit takes down only its file: that file
 * is reported, the worker is replaced and the run goes on.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import { FileOutcome, Job, runJob } from "./checkFile";

export interface PoolOptions {
  workers: number;
  inputIds: Set<string>;
  /** Per file, worker threads only (the main thread cannot be interrupted). */
  timeoutMs: number;
  /** Heap limit per worker thread. */
  heapMb: number;
  onOutcome: (o: FileOutcome) => void | Promise<void>;
}

/** The worker's entry: compiled JavaScript, or (from the TypeScript sources, in tests) transpiled on load. */
function startWorker(inputIds: string[], heapMb: number): Worker {
  const options = { workerData: { inputIds }, env: process.env, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 }, stdout: false, stderr: false };
  if (path.extname(__filename) === ".js") return new Worker(path.join(__dirname, "worker.js"), options);
  const ts = require.resolve("typescript");
  const entry = path.join(__dirname, "worker.ts");
  const hook = `
    const ts = require(${JSON.stringify(ts)});
    const fs = require("fs");
    require.extensions[".ts"] = (m, filename) => m._compile(ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, filename);
    require(${JSON.stringify(entry)});`;
  return new Worker(hook, { ...options, eval: true });
}

export async function checkAll(jobs: Job[], options: PoolOptions): Promise<void> {
  const workers = Math.max(1, Math.min(options.workers, jobs.length));
  if (workers <= 1 && jobs.length <= 1) {
    for (const job of jobs) await options.onOutcome(await runJob(job, options.inputIds));
    return;
  }
  const ids = [...options.inputIds];
  const window = workers * 4;
  const done = new Map<number, FileOutcome>();
  let nextToDispatch = 0;
  let nextToReport = 0;
  let reporting = Promise.resolve();

  await new Promise<void>((resolveAll, rejectAll) => {
    const idle: Worker[] = [];
    const live = new Set<Worker>();
    const finish = (o: FileOutcome) => {
      done.set(o.index, o);
      reporting = reporting.then(async () => {
        while (done.has(nextToReport)) {
          const next = done.get(nextToReport)!;
          done.delete(nextToReport);
          nextToReport++;
          await options.onOutcome(next);
        }
        pump();
        if (nextToReport === jobs.length) {
          for (const w of live) void w.terminate();
          resolveAll();
        }
      }, rejectAll);
    };
    const spawn = () => {
      const w = startWorker(ids, options.heapMb);
      live.add(w);
      let current: Job | undefined;
      let timer: NodeJS.Timeout | undefined;
      const run = (job: Job) => {
        current = job;
        timer = setTimeout(() => {
          const j = current!;
          current = undefined;
          retire(w);
          finish({ index: j.index, file: j.file, sheets: [], error: `“${j.file}”处理超过 ${options.timeoutMs / 1000} 秒，已中止` });
        }, options.timeoutMs);
        w.postMessage(job);
      };
      (w as Worker & { run: (j: Job) => void }).run = run;
      w.on("message", (o: FileOutcome) => {
        clearTimeout(timer);
        current = undefined;
        idle.push(w);
        finish(o);
      });
      const fail = (why: string) => {
        clearTimeout(timer);
        const j = current;
        current = undefined;
        retire(w);
        if (j) finish({ index: j.index, file: j.file, sheets: [], error: why.replace("{file}", j.file) });
      };
      w.on("error", (e: Error & { code?: string }) =>
        fail(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `“{file}”处理时超出内存上限（${options.heapMb} MB），已中止` : `处理“{file}”时出错：${String(e.message).split("\n")[0]}`),
      );
      w.on("exit", () => fail("处理“{file}”时工作线程意外退出"));
      return w;
    };
    const retire = (w: Worker) => {
      if (!live.delete(w)) return;
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
      void w.terminate();
      if (nextToDispatch < jobs.length) idle.push(spawn());
      pump();
    };
    const pump = () => {
      while (idle.length && nextToDispatch < jobs.length && nextToDispatch - nextToReport < window) {
        const w = idle.shift()! as Worker & { run: (j: Job) => void };
        w.run(jobs[nextToDispatch++]);
      }
    };
    for (let i = 0; i < workers; i++) idle.push(spawn());
    pump();
  });
}
