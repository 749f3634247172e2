/**
 * selfeval check <file|folder>... [--profile id] [--format text|json] [--fix out] [--mark folder]
 *                [--summary 汇总.xlsx] [--force] [--jobs n]
 * A thin shell around the engine (contract.md "Command line"): lists the inputs, plans the outputs
 * (never over an input, never over an existing file without --force), has the files checked by
 * worker threads and reports them in input order as they come.
 */
import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { isProfileId, PROFILE_IDS, ProfileId, toContractFinding } from "../engine";
import { FileOutcome, Job } from "./checkFile";
import { expandInputs, identities, InputError, outputProblem, writeOutput } from "./files";
import { checkAll } from "./pool";
import { fileReport, totalsLine } from "./report";
import { SummaryRecord, summaryWorkbook } from "./summaryWorkbook";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Progress ("文件 37/500"), when stderr is a terminal. */
  progress?: (done: number, total: number) => void;
  /** Resolves when stdout can take more (a slow pipe must not make the report pile up in memory). */
  drained?: () => Promise<void>;
}

/** Time one file may take in a worker thread (reading, checking, writing its copies). */
export const FILE_TIMEOUT_MS = 300_000;
/** Heap of one worker thread: far above any real workbook within READ_LIMITS. */
export const WORKER_HEAP_MB = 1536;

const USAGE = `用法：selfeval check <文件或文件夹>... [选项]

  检查预算绩效自评表（.xlsx、.xlsm，以及经 LibreOffice 读取的 .xls、.et）：重新计算执行率、
  指标得分、合计与等级，列出与表中不符之处并给出算式。文件夹指其下（含子文件夹）所有工作簿。

选项：
  --profile <标准>     ${PROFILE_IDS.join(" | ")}（默认按识别出的表式自动选择）
  --format text|json   输出格式：text（默认，中文报告）或 json
  --fix <输出>         写出修复后的副本（可自动修复的问题改为实时公式）：一个输入文件时可给
                       文件名（输出.xlsx），多个输入时给文件夹（副本与原文件同名）
  --mark <文件夹>      写出标记副本：有问题的单元格标红（错误）或标黄（警告），批注写明算式，
                       另加“核对报告”工作表；供 WPS、Excel 2016/2019 等无加载项的用户使用
  --summary <汇总.xlsx> 写出汇总工作簿：汇总（每张表一行）、问题清单、统计
  --force              允许覆盖已存在的输出文件（输入文件在任何情况下都不会被覆盖）
  --jobs <n>           同时检查的文件数（默认 ${defaultJobs()}，即本机的处理器数）
  --version            显示版本
  -h, --help           显示本说明

示例：
  selfeval check 自评表.xlsx
  selfeval check 收表/ --summary 汇总.xlsx              # 财政局复核：一个文件夹，一张汇总表
  selfeval check 收表/ --mark 退回/ --summary 汇总.xlsx  # 标记副本退回各单位
  selfeval check 自评表.xls --fix 已修复.xlsx
  selfeval check 收表/ --format json > 结果.json

退出码：0 未发现错误；1 发现错误；2 用法有误，或有文件无法读取、输出无法写出（其余文件照常检查）。
`;

function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

class UsageError extends Error {}

function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name === "selfeval-check") return pkg.version ?? "?";
      } catch {
        // not ours; keep looking
      }
    }
    if (path.dirname(dir) === dir) return "?";
  }
}

interface Args {
  inputs: string[];
  profile?: ProfileId;
  format: "text" | "json";
  fix?: string;
  mark?: string;
  summary?: string;
  force: boolean;
  jobs: number;
}

function parse(argv: string[]): Args | "help" | "version" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: "string" },
        format: { type: "string", default: "text" },
        fix: { type: "string" },
        mark: { type: "string" },
        summary: { type: "string" },
        force: { type: "boolean", default: false },
        jobs: { type: "string" },
        version: { type: "boolean", short: "V" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
    throw new UsageError(unknown ? `未知选项 ${unknown[1]}` : missing ? `选项 ${missing[1].split(",").pop()!.trim()} 缺少取值` : `参数有误：${msg.split("\n")[0]}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.version) return "version";
  const [command, ...inputs] = positionals;
  if (command !== "check") throw new UsageError(command ? `未知命令“${command}”，目前只有 check` : "缺少命令 check");
  if (inputs.length === 0) throw new UsageError("请给出要检查的 .xlsx 文件或文件夹");
  if (values.profile !== undefined && !isProfileId(values.profile)) {
    throw new UsageError(`未知的评分标准“${values.profile}”，可选：${PROFILE_IDS.join("、")}`);
  }
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`未知的输出格式“${values.format}”，可选 text 或 json`);
  let jobs = defaultJobs();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs 应为 1 到 256 之间的整数（现在是“${values.jobs}”）`);
  }
  for (const [name, v] of [["fix", values.fix], ["mark", values.mark], ["summary", values.summary]] as const) {
    if (v === "") throw new UsageError(`--${name} 缺少输出路径`);
  }
  if (values.summary !== undefined && !/\.xlsx$/i.test(values.summary)) throw new UsageError(`--summary 的输出应是 .xlsx 文件（现在是“${values.summary}”）`);
  if (values.mark !== undefined && /\.(xlsx|xlsm)$/i.test(values.mark)) throw new UsageError(`--mark 应给出一个文件夹（标记副本与原文件同名），现在是“${values.mark}”`);
  return {
    inputs,
    profile: values.profile as ProfileId | undefined,
    format: values.format,
    fix: values.fix,
    mark: values.mark,
    summary: values.summary,
    force: values.force ?? false,
    jobs,
  };
}

/** Output path in `folder` for an input: its path below the folder it was found in, .xls/.et as .xlsx. */
function outputIn(folder: string, file: string, root: string | undefined): string {
  const rel = root ? path.relative(root, file) : path.basename(file);
  return path.join(folder, rel.replace(/\.(xls|et)$/i, ".xlsx"));
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: Args | "help" | "version";
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`selfeval：${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (args === "version") {
    io.stdout(`selfeval ${version()}\n`);
    return 0;
  }
  const a = args;
  const fail = (message: string) => {
    io.stderr(`selfeval：${message}\n`);
    return 2;
  };

  // Outputs first: their folders are never read as input.
  const inputStats = await Promise.all(a.inputs.map((p) => fs.stat(p).catch(() => undefined)));
  const fixToFile = a.fix !== undefined && /\.(xlsx|xlsm)$/i.test(a.fix);
  if (fixToFile && (a.inputs.length !== 1 || inputStats[0]?.isDirectory())) {
    return fail(`--fix ${a.fix} 只能用于一个输入文件；多个文件或文件夹请给出一个输出文件夹（--fix 输出文件夹/）`);
  }
  const folders = [!fixToFile ? a.fix : undefined, a.mark].filter((x): x is string => x !== undefined);
  if (a.fix !== undefined && a.mark !== undefined && !fixToFile && path.resolve(a.fix) === path.resolve(a.mark)) {
    return fail("--fix 与 --mark 不能写到同一个文件夹（两种副本同名）");
  }
  const skipDirs = new Set<string>();
  for (const folder of folders) {
    try {
      await fs.mkdir(folder, { recursive: true });
      skipDirs.add(await fs.realpath(folder));
    } catch (e) {
      return fail(`无法创建输出文件夹“${folder}”（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
  }

  const files = await expandInputs(a.inputs, skipDirs);
  if (files.length === 0) return fail("所给文件夹中没有工作簿文件（.xlsx、.xlsm、.xls、.et）");
  const inputIds = await identities(files.map((f) => f.path));

  if (a.summary !== undefined) {
    const problem = await outputProblem(a.summary, inputIds, a.force);
    if (problem) return fail(problem.replace("就是输入文件本身，已拒绝（原表保持不动）", "不能是输入文件本身（原表保持不动）"));
  }

  // Plan every output before any is written: duplicates, inputs and existing files are refused per file.
  const planned = new Set<string>();
  const jobs: Job[] = [];
  for (const [index, f] of files.entries()) {
    const job: Job = { index, file: f.path, refused: f.refused, profile: a.profile, force: a.force };
    for (const kind of ["fix", "mark"] as const) {
      const target = kind === "fix" ? (a.fix === undefined ? undefined : fixToFile ? a.fix : outputIn(a.fix, f.path, f.root)) : a.mark === undefined ? undefined : outputIn(a.mark, f.path, f.root);
      if (target === undefined || f.refused) continue;
      let problem: string | undefined;
      if (path.resolve(target) === path.resolve(f.path)) problem = `输出文件“${target}”不能是输入文件本身（原表保持不动）`;
      else if (planned.has(path.resolve(target).toLowerCase())) problem = `输出文件“${target}”与另一个输入的输出同名，未写出`;
      else problem = (await outputProblem(target, inputIds, a.force))?.replace("就是输入文件本身，已拒绝", "不能是输入文件本身");
      planned.add(path.resolve(target).toLowerCase());
      if (kind === "fix") {
        job.fixOutput = target;
        job.fixRefused = problem;
      } else {
        job.markOutput = target;
        job.markRefused = problem;
      }
    }
    jobs.push(job);
  }

  let failed = false;
  const totals = { files: 0, sheets: 0, errors: 0, warnings: 0 };
  const records: SummaryRecord[] = [];
  let first = true;
  if (a.format === "json") io.stdout('{"files":[');
  const onOutcome = async (o: FileOutcome) => {
    totals.files++;
    totals.sheets += o.sheets.length;
    for (const s of o.sheets) {
      for (const f of s.findings) {
        if (f.severity === "error") totals.errors++;
        else if (f.severity === "warning") totals.warnings++;
      }
    }
    for (const problem of [o.error, o.fix?.error, o.mark?.error]) {
      if (problem) {
        failed = true;
        io.stderr(`selfeval：${problem}\n`);
      }
    }
    if (a.summary !== undefined) records.push({ file: o.file, error: o.error, sheets: o.sheets });
    if (a.format === "json") {
      const entry = {
        file: o.file,
        ...(o.error ? { error: o.error } : {}),
        sheets: o.sheets.map((s) => ({ sheet: s.sheet, template: s.template, profile: s.profile, findings: s.findings.map(toContractFinding) })),
        ...(o.fix
          ? { fixed: { output: o.fix.output, written: o.fix.written, skipped: o.fix.skipped, remaining: o.fix.remaining.length, ...(o.fix.error ? { error: o.fix.error } : {}) } }
          : {}),
        ...(o.mark ? { marked: { output: o.mark.output, cells: o.mark.marked, ...(o.mark.error ? { error: o.mark.error } : {}) } } : {}),
      };
      io.stdout((first ? "" : ",") + JSON.stringify(entry));
    } else io.stdout(fileReport(o));
    first = false;
    io.progress?.(totals.files, jobs.length);
    if (io.drained) await io.drained();
  };
  await checkAll(jobs, { workers: a.jobs, inputIds, timeoutMs: FILE_TIMEOUT_MS, heapMb: WORKER_HEAP_MB, onOutcome });

  let summaryNote = "";
  if (a.summary !== undefined) {
    try {
      await writeOutput(a.summary, await summaryWorkbook(records), inputIds, a.force);
      summaryNote = `已写出汇总工作簿：${a.summary}\n`;
    } catch (e) {
      failed = true;
      io.stderr(`selfeval：${e instanceof InputError ? e.message : `写出汇总工作簿“${a.summary}”失败：${(e as Error).message}`}\n`);
    }
  }
  if (a.format === "json") io.stdout(`],"summary":${JSON.stringify(totals)}}\n`);
  else io.stdout(summaryNote + totalsLine(totals));
  if (failed) return 2;
  return totals.errors > 0 ? 1 : 0;
}

/** Entry point for bin/selfeval.js. */
export function run(): void {
  // A reader that stops early (`selfeval check … | head`) closes the pipe: end quietly, not with a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  const tty = process.stderr.isTTY;
  let shown = false;
  const io: Io = {
    stdout: (s) => {
      if (shown) {
        process.stderr.write("\r\x1b[K");
        shown = false;
      }
      process.stdout.write(s);
    },
    stderr: (s) => {
      if (shown) {
        process.stderr.write("\r\x1b[K");
        shown = false;
      }
      process.stderr.write(s);
    },
    progress: tty
      ? (done, total) => {
          if (total < 2) return;
          process.stderr.write(`\r文件 ${done}/${total}`);
          shown = done < total;
          if (!shown) process.stderr.write("\r\x1b[K");
        }
      : undefined,
    drained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once("drain", () => resolve())) : Promise.resolve()),
  };
  main(process.argv.slice(2), io)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: Error) => {
      process.stderr.write(`selfeval：内部错误：${String(e?.message ?? e).split("\n")[0]}\n`);
      process.exitCode = 2;
    });
}
