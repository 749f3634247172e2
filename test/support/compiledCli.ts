/**
 * The CLI compiled to JavaScript in a private folder (worker threads run compiled code), run as a
 * child process the way `npx selfeval` runs it: exit code, output, and the process's peak memory.
 */
import { execFileSync, spawn } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
let built: string | undefined;

export function compiledCli(): string {
  if (!built) {
    const out = mkdtempSync(path.join(tmpdir(), "selfeval-build-"));
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.node.json"), "--outDir", out], { stdio: "pipe" });
    built = path.join(out, "cli", "main.js");
  }
  return built;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the whole process (all threads), MB. */
  maxRssMb: number;
  ms: number;
}

/** Run `selfeval` with these arguments; killed after `timeoutMs`. */
export function runCli(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const main = compiledCli();
  // Report the peak RSS on fd 3 after main() resolves, without touching stdout/stderr.
  const script = `const m = require(${JSON.stringify(main)});
    m.main(process.argv.slice(1), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }).then((code) => {
      require("fs").writeSync(3, String(process.resourceUsage().maxRSS));
      process.exitCode = code;
    });`;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", script, ...args], { stdio: ["ignore", "pipe", "pipe", "pipe"], env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    let rss = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.stdio[3]!.on("data", (d) => (rss += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, maxRssMb: Number(rss) / 1024, ms: Date.now() - started });
    });
  });
}
