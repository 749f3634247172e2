/**
 * selfeval check <file.xlsx|folder>... [--profile id] [--format text|json] [--fix out.xlsx]
 * A thin shell around the engine (contract.md "Command line").
 */
import { promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { checkSheet, Finding, isProfileId, planFixes, PROFILE_IDS, ProfileId, toContractFinding } from "../engine";
import { patchWorkbook } from "./patchWorkbook";
import { readWorkbook, UnreadableFileError } from "./readWorkbook";
import { FileReport, textReport } from "./report";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `用法：selfeval check <文件.xlsx|文件夹>... [--profile ${PROFILE_IDS.join("|")}] [--format text|json] [--fix 输出.xlsx]

  检查预算绩效自评表：重新计算执行率、指标得分、合计与等级，列出与表中不符之处。
  --profile   指定评分标准（默认按识别出的表式自动选择）
  --format    输出格式：text（默认，中文报告）或 json
  --fix       （仅限一个输入文件）写出修复后的副本：可自动修复的问题改为实时公式
退出码：0 未发现错误；1 发现错误；2 用法有误或有文件无法读取。
`;

class UsageError extends Error {}

async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.push(input); // reported as unreadable when read
      continue;
    }
    if (!stat.isDirectory()) {
      out.push(input);
      continue;
    }
    const found: string[] = [];
    const walk = async (dir: string) => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) found.push(p);
      }
    };
    await walk(input);
    out.push(...found.sort());
  }
  return out;
}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        profile: { type: "string" },
        format: { type: "string", default: "text" },
        fix: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    throw new UsageError(unknown ? `未知选项 ${unknown[1]}` : `参数有误：${msg}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true as const };
  const [command, ...inputs] = positionals;
  if (command !== "check") throw new UsageError(command ? `未知命令“${command}”，目前只有 check` : "缺少命令 check");
  if (inputs.length === 0) throw new UsageError("请给出要检查的 .xlsx 文件或文件夹");
  if (values.profile !== undefined && !isProfileId(values.profile)) {
    throw new UsageError(`未知的评分标准“${values.profile}”，可选：${PROFILE_IDS.join("、")}`);
  }
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`未知的输出格式“${values.format}”，可选 text 或 json`);
  return { help: false as const, inputs, profile: values.profile as ProfileId | undefined, format: values.format as "text" | "json", fix: values.fix };
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`selfeval：${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  const files = await expandInputs(args.inputs);
  if (args.fix !== undefined) {
    if (files.length !== 1) {
      io.stderr(`selfeval：--fix 只能用于一个输入文件（现在是 ${files.length} 个）\n`);
      return 2;
    }
    if (path.resolve(args.fix) === path.resolve(files[0])) {
      io.stderr("selfeval：--fix 的输出文件不能是输入文件本身（原表保持不动）\n");
      return 2;
    }
  }
  if (files.length === 0) {
    io.stderr("selfeval：所给文件夹中没有 .xlsx 文件\n");
    return 2;
  }

  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of files) {
    try {
      const { grids, buffer } = await readWorkbook(file);
      const sheets = grids.map((g) => checkSheet(g, { profile: args.profile }));
      const report: FileReport = { file, sheets };
      if (args.fix !== undefined) {
        const findings = sheets.flatMap((s) => s.findings);
        const writes = sheets.flatMap((s) => planFixes(s.findings).map((f) => ({ sheet: s.sheet, ...f })));
        const outcome = await patchWorkbook(buffer, writes);
        await fs.writeFile(args.fix, outcome.buffer);
        const remaining: Finding[] = findings.filter((f) => !f.fix);
        report.fix = {
          output: args.fix,
          written: outcome.written.length,
          skipped: outcome.skipped.map((s) => ({ sheet: s.write.sheet, cell: s.write.cell, reason: s.reason })),
          remaining,
        };
      }
      reports.push(report);
    } catch (e) {
      // Never a stack trace: say what happened in one line.
      const message = e instanceof UnreadableFileError ? e.message : `处理“${file}”时出错：${(e as Error).message}`;
      unreadable = true;
      io.stderr(`selfeval：${message}\n`);
      reports.push({ file, sheets: [], error: message });
    }
  }

  const all = reports.flatMap((r) => r.sheets.flatMap((s) => s.findings));
  const errors = all.filter((f) => f.severity === "error").length;
  const warnings = all.filter((f) => f.severity === "warning").length;
  if (args.format === "json") {
    const doc = {
      files: reports.map((r) => ({
        file: r.file,
        ...(r.error ? { error: r.error } : {}),
        sheets: r.sheets.map((s) => ({ sheet: s.sheet, template: s.template, profile: s.profile, findings: s.findings.map(toContractFinding) })),
        ...(r.fix
          ? { fixed: { output: r.fix.output, written: r.fix.written, skipped: r.fix.skipped, remaining: r.fix.remaining.length } }
          : {}),
      })),
      summary: { files: reports.length, sheets: reports.reduce((n, r) => n + r.sheets.length, 0), errors, warnings },
    };
    io.stdout(JSON.stringify(doc) + "\n");
  } else {
    io.stdout(textReport(reports));
  }
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

/** Entry point for bin/selfeval.js. */
export function run(): void {
  main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: Error) => {
      process.stderr.write(`selfeval：内部错误：${e.message}\n`);
      process.exitCode = 2;
    });
}
