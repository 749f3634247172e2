/**
 * .xls and .et inputs through LibreOffice (built at test time by LibreOffice itself from an .xlsx),
 * the message naming the package to install when soffice is missing, and parallel checking: worker
 * threads give the same results, in input order, as one thread.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { nationalProject } from "../fixtures/others";
import { procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { sofficePath } from "../support/libreoffice";
import { runCli } from "../support/compiledCli";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(240000);

const describeWithLibreOffice = sofficePath() ? describe : describe.skip;

describeWithLibreOffice(".xls and .et", () => {
  let dir: string;
  let xlsx: string;
  let xls: string;
  let et: string;
  beforeAll(async () => {
    dir = tempDir();
    xlsx = await writeWorkbook(path.join(dir, "单位.xlsx"), [sichuanProject(smartHall)]);
    const profile = mkdtempSync(path.join(tmpdir(), "lo-xls-"));
    execFileSync(sofficePath()!, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xls", "--outdir", path.join(dir, "xls"), xlsx], { stdio: "pipe", timeout: 120000 });
    xls = path.join(dir, "xls", "单位.xls");
    expect(existsSync(xls)).toBe(true);
    et = path.join(dir, "xls", "单位WPS.et");
    copyFileSync(xls, et);
  });

  test("an .xls gives the findings its .xlsx gives, and says it was converted", async () => {
    const a = JSON.parse((await cli("check", xlsx, "--format", "json")).stdout).files[0].sheets[0].findings as { message: string }[];
    const r = await cli("check", xls);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("（.xls 文件，经 LibreOffice 转换为 .xlsx 后检查）");
    expect(a.length).toBeGreaterThan(0);
    for (const f of a) expect(r.stdout).toContain(f.message);
  });

  test("an .et (WPS) is read the same way; a folder takes .xls and .et", async () => {
    const r = JSON.parse((await cli("check", path.join(dir, "xls"), "--format", "json")).stdout);
    expect(r.files.map((f: { file: string }) => path.basename(f.file))).toEqual(["单位.xls", "单位WPS.et"]);
    expect(r.files[1].sheets[0].findings.map((f: { code: string }) => f.code)).toContain("EXEC_SCORE_MISMATCH");
  });

  test("fixes and marks are written to .xlsx copies, and the report says so", async () => {
    const out = path.join(dir, "out");
    const r = await cli("check", xls, "--fix", path.join(out, "fixed"), "--mark", path.join(out, "marked"));
    expect(r.stdout).toContain(`已写出修复后的副本：${path.join(out, "fixed", "单位.xlsx")}（由 .xls 转为 .xlsx）`);
    expect(r.stdout).toContain(`已写出标记副本：${path.join(out, "marked", "单位.xlsx")}（由 .xls 转为 .xlsx）`);
    const fixed = (await readXlsx(readFileSync(path.join(out, "fixed", "单位.xlsx")))).grids;
    expect(fixed[0].cell(8, 9)?.formula).toMatch(/^=.*MIN/);
  });

  test("without LibreOffice: a clear message naming the package to install", async () => {
    const saved = process.env.SELFEVAL_SOFFICE;
    process.env.SELFEVAL_SOFFICE = path.join(dir, "没有这个程序");
    try {
      const missing = await cli("check", xls, xlsx, "--format", "json");
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toMatch(/^selfeval：“.*单位\.xls”是 \.xls 格式，读取它需要 LibreOffice，但本机没有安装：.*apt-get install libreoffice-calc-nogui/);
      expect(JSON.parse(missing.stdout).files[1].sheets).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.SELFEVAL_SOFFICE;
      else process.env.SELFEVAL_SOFFICE = saved;
    }
  });
});

describe("text report and progress", () => {
  test("each sheet has a headline before its findings: unit, project, stated vs recomputed total and grade, counts", async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, "单位.xlsx"), [sichuanProject(smartHall)]);
    const r = await cli("check", file);
    const lines = r.stdout.split("\n");
    const at = lines.findIndex((l) => l.includes("工作表「智慧化信息化管理系统建设」"));
    expect(lines[at + 1]).toBe("    单位：广元市政务服务和公共资源交易中心部门  项目：市政务服务大厅智慧化信息化管理系统建设");
    expect(lines[at + 2]).toBe("    总分 表中 100 / 应为 95；等级 表中 — / 应为 优；2 个错误，0 个警告");
    expect(lines[at + 3]).toMatch(/^ {4}✗ 错误 J9 /);
    // Lines stay short: a fix's description goes on its own line.
    expect(lines[at + 4]).toMatch(/^ {10}可自动修复：/);
  });

  test("progress is reported per file (the CLI shows it on stderr when that is a terminal)", async () => {
    const dir = tempDir();
    for (let i = 0; i < 3; i++) await writeWorkbook(path.join(dir, `${i}.xlsx`), [nationalProject()]);
    const calls: string[] = [];
    const { main } = await import("../../src/cli/main");
    await main(["check", dir, "--jobs", "1"], { stdout: () => undefined, stderr: () => undefined, progress: (d, t) => calls.push(`文件 ${d}/${t}`) });
    expect(calls).toEqual(["文件 1/3", "文件 2/3", "文件 3/3"]);
  });
});

describe("parallel checking", () => {
  test("worker threads give the results one thread gives, in input order", async () => {
    const dir = tempDir();
    const folder = path.join(dir, "收表");
    mkdirSync(folder);
    const specs = [sichuanProject(smartHall), sichuanProject(procurement), nationalProject()];
    for (let i = 0; i < 12; i++) await writeWorkbook(path.join(folder, `${String(i).padStart(2, "0")} 单位.xlsx`), [specs[i % 3]]);
    const one = await runCli(["check", folder, "--format", "json", "--jobs", "1"]);
    const two = await runCli(["check", folder, "--format", "json", "--jobs", "2"]);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const files = JSON.parse(two.stdout).files.map((f: { file: string }) => path.basename(f.file));
    expect(files).toEqual([...files].sort());
    const text = await runCli(["check", folder, "--jobs", "2"]);
    expect(text.stdout.indexOf("00 单位.xlsx")).toBeLessThan(text.stdout.indexOf("11 单位.xlsx"));
    expect(text.stderr).toBe(""); // no progress when stderr is not a terminal
  });
});
