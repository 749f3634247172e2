/** A worker thread of the pool: runs jobs one at a time and posts each outcome back. */
import { parentPort, workerData } from "worker_threads";
import { Job, runJob } from "./checkFile";

const inputIds = new Set<string>((workerData as { inputIds: string[] }).inputIds);

parentPort!.on("message", (job: Job) => {
  runJob(job, inputIds).then(
    (outcome) => parentPort!.postMessage(outcome),
    (e: Error) => parentPort!.postMessage({ index: job.index, file: job.file, sheets: [], error: `处理“${job.file}”时出错：${String(e?.message ?? e).split("\n")[0]}` }),
  );
});
