/**
 * Files checked by worker threads, results handed on in input order. At most a window of files is
 * dispatched ahead of the first unreported one, so memory holds a few outcomes, not the folder's;
 * each worker holds two, so it starts its next file without waiting for the main thread.
 * A worker that runs out of its heap or exceeds the time limit takes down only its file: that file
 * is reported, the files it held but had not started go to its replacement, and the run goes on.
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

/** Jobs handed to a worker at once: while it runs one, the next is already waiting in its queue. */
const QUEUED_PER_WORKER = 2;

/** A worker and the jobs it holds, in the order it runs them (the first is running). */
interface Slot {
  worker: Worker;
  held: Job[];
  timer?: NodeJS.Timeout;
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
  /** Jobs taken back from a worker that ended before running them, to be handed out again first. */
  const retaken: Job[] = [];
  let nextToDispatch = 0;
  let nextToReport = 0;
  let reporting = Promise.resolve();

  await new Promise<void>((resolveAll, rejectAll) => {
    const slots = new Set<Slot>();
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
          // Resolved once the workers are gone, so that nothing of the run outlives it.
          const ending = [...slots].map((s) => s.worker.terminate());
          slots.clear();
          await Promise.all(ending);
          resolveAll();
        }
      }, rejectAll);
    };
    // The running job's clock starts when it starts: when handed to an idle worker, or when the one before it ends.
    const startClock = (slot: Slot) => {
      clearTimeout(slot.timer);
      slot.timer = undefined;
      const running = slot.held[0];
      if (!running) return;
      slot.timer = setTimeout(() => {
        retire(slot, `“{file}”处理超过 ${options.timeoutMs / 1000} 秒，已中止`);
      }, options.timeoutMs);
    };
    /** Ends a worker: its running job is reported with `why`, the jobs it had not started go to another. */
    const retire = (slot: Slot, why?: string) => {
      if (!slots.delete(slot)) return;
      clearTimeout(slot.timer);
      const [running, ...waiting] = slot.held;
      slot.held = [];
      void slot.worker.terminate();
      retaken.push(...waiting);
      retaken.sort((a, b) => a.index - b.index);
      if (nextToDispatch < jobs.length || retaken.length) spawn();
      if (running && why) finish({ index: running.index, file: running.file, sheets: [], error: why.replace("{file}", running.file) });
      pump();
    };
    const spawn = () => {
      const slot: Slot = { worker: startWorker(ids, options.heapMb), held: [] };
      slots.add(slot);
      slot.worker.on("message", (o: FileOutcome) => {
        if (!slots.has(slot)) return; // a late answer from a worker already ended (its file was reported)
        slot.held.shift();
        startClock(slot);
        finish(o);
        pump();
      });
      slot.worker.on("error", (e: Error & { code?: string }) =>
        retire(slot, e.code === "ERR_WORKER_OUT_OF_MEMORY" ? `“{file}”处理时超出内存上限（${options.heapMb} MB），已中止` : `处理“{file}”时出错：${String(e.message).split("\n")[0]}`),
      );
      slot.worker.on("exit", () => retire(slot, "处理“{file}”时工作线程意外退出"));
    };
    const nextJob = (): Job | undefined => {
      if (retaken.length) return retaken.shift();
      if (nextToDispatch < jobs.length && nextToDispatch - nextToReport < window) return jobs[nextToDispatch++];
      return undefined;
    };
    const pump = () => {
      for (let handed = true; handed; ) {
        handed = false;
        for (const slot of slots) {
          if (slot.held.length >= QUEUED_PER_WORKER) continue;
          const job = nextJob();
          if (!job) return;
          slot.held.push(job);
          if (slot.held.length === 1) startClock(slot);
          slot.worker.postMessage(job);
          handed = true;
        }
      }
    };
    for (let i = 0; i < workers; i++) spawn();
    pump();
  });
}
