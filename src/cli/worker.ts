/**
 * A worker thread of the pool: runs its jobs one at a time, in the order they came, and posts each
 * outcome back. The pool hands it the next job before this one ends, so it never waits for the
 * main thread between files.
 */
import { parentPort, workerData } from "worker_threads";
import { FileOutcome, Job, runJob } from "./checkFile";

const inputIds = new Set<string>((workerData as { inputIds: string[] }).inputIds);
const queue: Job[] = [];
let running = false;

async function runQueued(): Promise<void> {
  running = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    let outcome: FileOutcome;
    try {
      outcome = await runJob(job, inputIds);
    } catch (e) {
      outcome = { index: job.index, file: job.file, sheets: [], error: `处理“${job.file}”时出错：${String((e as Error)?.message ?? e).split("\n")[0]}` };
    }
    parentPort!.postMessage(outcome);
  }
  running = false;
}

parentPort!.on("message", (job: Job) => {
  queue.push(job);
  if (!running) void runQueued();
});
