/**
 * .xls and .et (WPS) workbooks read through LibreOffice headless: the bytes already read are
 * converted to .xlsx in a private temporary folder with a profile of its own (parallel conversions
 * never share one), without a shell, under a time limit after which the whole process group is
 * killed. The npm `xlsx` 0.18 package (frozen, CVE-2023-30533, CVE-2024-22363) is not used.
 */
import { spawn } from "child_process";
import { existsSync, promises as fs } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { InputError } from "./files";

export const CONVERT_TIMEOUT_MS = 120_000;
export const INSTALL_HINT = "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-calc-nogui；其他系统：libreoffice.org），或在 Excel/WPS 中另存为 .xlsx";

/** The soffice binary: $SELFEVAL_SOFFICE when set (none if it does not exist), then PATH, then the usual install places. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SELFEVAL_SOFFICE) return existsSync(env.SELFEVAL_SOFFICE) ? env.SELFEVAL_SOFFICE : undefined;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  for (const p of ["/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"]) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Convert an .xls/.et workbook (its bytes) to .xlsx bytes. */
export async function convertToXlsx(file: string, data: Buffer, kind: "xls" | "et", timeoutMs = CONVERT_TIMEOUT_MS): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new InputError(`“${file}”是 .${kind} 格式，读取它需要 LibreOffice，但本机没有安装：${INSTALL_HINT}`);
  const work = await fs.mkdtemp(path.join(tmpdir(), "selfeval-convert-"));
  try {
    const profile = path.join(work, "profile");
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    await fs.mkdir(inDir);
    await fs.mkdir(outDir);
    // LibreOffice detects the format from the content; a plain name keeps odd file names out of its arguments.
    const input = path.join(inDir, `workbook.${kind}`);
    await fs.writeFile(input, data);
    const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, input];
    const outcome = await new Promise<"done" | "timeout" | Error>((resolve) => {
      const child = spawn(soffice, args, { stdio: "ignore", detached: true, env: { ...process.env, HOME: work } });
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
        resolve("timeout");
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        resolve(e);
      });
      child.on("exit", () => {
        clearTimeout(timer);
        resolve("done");
      });
    });
    if (outcome === "timeout") throw new InputError(`“${file}”用 LibreOffice 转换超过 ${timeoutMs / 1000} 秒，已中止`);
    if (outcome instanceof Error) throw new InputError(`无法启动 LibreOffice 转换“${file}”（${(outcome as NodeJS.ErrnoException).code ?? outcome.message}）：${INSTALL_HINT}`);
    const out = path.join(outDir, "workbook.xlsx");
    // LibreOffice exits 0 even when it could not load the file: the output's existence is the answer.
    if (!existsSync(out)) throw new InputError(`LibreOffice 无法读取“${file}”（文件已损坏、设置了密码，或不是 .${kind} 工作簿）`);
    return await fs.readFile(out);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
