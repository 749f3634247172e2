/**
 * `selfeval check` as contract.md states it: text and JSON output, folders, --profile, exit codes,
 * and bad input (missing, non-xlsx, corrupt, password-protected files, error values, zero budgets,
 * numbers stored as text, a 50,000-row sheet) with clear zh-CN messages and no stack trace.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { P, withCell } from "../fixtures/sheetSpec";
import { ledger, nationalProject, staffList } from "../fixtures/others";
import { procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { yunnanConsistent, yunnanProject } from "../fixtures/yunnan";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;
let mixed: string;
let clean: string;

beforeAll(async () => {
  dir = tempDir();
  mixed = await writeWorkbook(path.join(dir, "mixed.xlsx"), [sichuanProject(procurement), sichuanProject(smartHall), staffList()]);
  clean = await writeWorkbook(path.join(dir, "clean.xlsx"), [nationalProject(), ledger()]);
});

describe("output", () => {
  test("text: a zh-CN report grouped by file and sheet, with the arithmetic", async () => {
    const r = await cli("check", mixed);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`文件：${mixed}`);
    expect(r.stdout).toContain("工作表「智慧化信息化管理系统建设」");
    expect(r.stdout).toContain("执行率得分应为 4.36（10 × 43.62%），表中为 5");
    expect(r.stdout).toContain("工作表「评价人员」：未识别为绩效自评表");
    expect(r.stdout).toContain("合计：1 个文件，3 张工作表，3 个错误，0 个警告");
  });

  test("json: exactly one document in the contract's shape; rates as fractions", async () => {
    const bad = await writeWorkbook(path.join(dir, "rate.xlsx"), [withCell(sichuanProject(smartHall), "H9", P(0.45))]);
    const r = await cli("check", bad, "--format", "json");
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["files", "summary"]);
    expect(doc.summary).toEqual({ files: 1, sheets: 1, errors: 3, warnings: 0 });
    const sheet = doc.files[0].sheets[0];
    expect(sheet).toMatchObject({ sheet: "智慧化信息化管理系统建设", template: "project-sichuan", profile: "sichuan" });
    const rate = sheet.findings.find((f: { code: string }) => f.code === "EXEC_RATE_MISMATCH");
    expect(rate).toEqual({
      code: "EXEC_RATE_MISMATCH",
      severity: "error",
      sheet: "智慧化信息化管理系统建设",
      cell: "H9",
      stated: 0.45,
      expected: 0.4362,
      message: "“总额”执行率应为 43.62%（172.66 ÷ 395.84），表中为 45.00%",
      fix: { cell: "H9", formula: "=IF(F9<=0,0,G9/F9)", result: expect.closeTo(0.43619, 4), description: expect.any(String) },
    });
    for (const f of sheet.findings) expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(["cell", "code", "expected", "message", "severity", "sheet", "stated"]));
  });

  test("a sheet that is not a self-evaluation table: template null, no findings", async () => {
    const r = await cli("check", clean, "--format", "json");
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].sheets.map((s: { template: string | null; findings: unknown[] }) => [s.template, s.findings.length])).toEqual([
      ["project-national", 0],
      [null, 0],
    ]);
    expect(r.code).toBe(0);
  });

  test("warnings only → exit 0", async () => {
    const warn = await writeWorkbook(path.join(dir, "warn.xlsx"), [withCell(nationalProject(), "I14", null)]);
    const r = await cli("check", warn, "--format", "json");
    expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
    expect(r.code).toBe(0);
  });
});

describe("inputs and options", () => {
  test("a folder means every .xlsx under it (nested; lock files and other files skipped)", async () => {
    const folder = path.join(dir, "folder");
    mkdirSync(path.join(folder, "sub"), { recursive: true });
    await writeWorkbook(path.join(folder, "a.xlsx"), [nationalProject()]);
    await writeWorkbook(path.join(folder, "sub", "b.xlsx"), [sichuanProject(procurement)]);
    writeFileSync(path.join(folder, "~$a.xlsx"), "lock");
    writeFileSync(path.join(folder, "notes.txt"), "说明");
    const r = await cli("check", folder, "--format", "json");
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { file: string }) => path.relative(folder, f.file))).toEqual(["a.xlsx", path.join("sub", "b.xlsx")]);
    expect(r.code).toBe(1);
  });

  test("--profile applies to every sheet and changes the grade verdict as its bands say", async () => {
    // Two indicators scored lower (with reasons): total 93.42 — 优 nationally, 良 under Lincang's 95/85/60.
    let spec = withCell(withCell(withCell(nationalProject(), "F18", "75%"), "H18", 12.5), "I18", "宣传覆盖不足");
    spec = withCell(withCell(withCell(spec, "F19", "部分达成年度指标"), "H19", 7), "I19", "机制尚未覆盖县区");
    spec = withCell(withCell(spec, "H21", 93.42), "B23", "自评得分为93.42分，自评等级为优");
    const file = await writeWorkbook(path.join(dir, "bands.xlsx"), [spec]);
    const national = JSON.parse((await cli("check", file, "--format", "json")).stdout);
    expect(national.files[0].sheets[0].findings).toEqual([]);
    const lincang = JSON.parse((await cli("check", file, "--format", "json", "--profile", "yunnan-lincang-2022")).stdout);
    expect(lincang.files[0].sheets[0].profile).toBe("yunnan-lincang-2022");
    expect(lincang.files[0].sheets[0].findings.map((f: { code: string; expected: string }) => [f.code, f.expected])).toEqual([
      ["GRADE_MISMATCH", "良"],
      ["GRADE_MISMATCH", "良"],
    ]);
  });

  test.each([
    [["check"], "请给出要检查的 .xlsx 文件或文件夹"],
    [["lint", "a.xlsx"], "未知命令“lint”"],
    [["check", "a.xlsx", "--profile", "beijing"], "未知的评分标准“beijing”"],
    [["check", "a.xlsx", "--format", "xml"], "未知的输出格式“xml”"],
    [["check", "a.xlsx", "--colour"], "未知选项 --colour"],
  ])("bad usage %j → exit 2 with a zh-CN message and the usage", async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("用法：selfeval check");
    expect(r.stdout).toBe("");
  });
});

describe("bad input: a clear message, exit 2, the other files still checked, never a stack trace", () => {
  test.each([
    ["a missing path", (d: string) => path.join(d, "不存在.xlsx"), "找不到文件"],
    ["a text file named .xlsx", (d: string) => (writeFileSync(path.join(d, "text.xlsx"), "项目,得分\n"), path.join(d, "text.xlsx")), "不是 .xlsx 工作簿"],
    ["a corrupt workbook", (d: string) => (writeFileSync(path.join(d, "corrupt.xlsx"), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])), path.join(d, "corrupt.xlsx")), "已损坏"],
    [
      "a password-protected workbook (an encrypted OLE container)",
      (d: string) => (writeFileSync(path.join(d, "secret.xlsx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])), path.join(d, "secret.xlsx")),
      "设置了打开密码",
    ],
    ["an empty file", (d: string) => (writeFileSync(path.join(d, "empty.xlsx"), ""), path.join(d, "empty.xlsx")), "是空文件"],
  ])("%s", async (_name, make, message) => {
    const bad = make(dir);
    const r = await cli("check", bad, clean, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { file: string; error?: string }) => [f.file, !!f.error])).toEqual([
      [bad, true],
      [clean, false],
    ]);
    expect(doc.files[1].sheets[0].template).toBe("project-national");
  });

  test("error values, zero and empty budgets, numbers stored as text", async () => {
    const spec = withCell(withCell(withCell(nationalProject(), "I6", { v: { error: "#DIV/0!" } }), "E6", "150"), "F6", "141.30");
    const zero = withCell(withCell(withCell(withCell(yunnanProject(yunnanConsistent), "E6", 0), "F6", 0), "G6", "—"), "H6", 0);
    const file = await writeWorkbook(path.join(dir, "values.xlsx"), [spec, { ...zero, name: "零预算" }]);
    const r = await cli("check", file, "--format", "json");
    const [first, second] = JSON.parse(r.stdout).files[0].sheets;
    expect(first.findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toEqual([["UNREADABLE_VALUE", "I6"]]);
    // Budget 0: no rate to check, and the execution score 0 fits 10 × 0…
    // …which drops the total to 88: the top field, the 优 grade and 合计 are all reported.
    expect(second.findings.map((f: { code: string }) => f.code)).toEqual(["HEADER_SCORE_MISMATCH", "GRADE_MISMATCH", "TOTAL_MISMATCH"]);
  });

  test("a 50,000-row sheet is read and checked (the table below the data is found)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("大表");
    ws.addRow(["序号", "摘要", "金额"]);
    for (let i = 1; i <= 50000; i++) ws.addRow([i, `第${i}笔支出`, (i % 97) + 0.5]);
    const file = path.join(dir, "big.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli("check", file, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].sheets[0]).toMatchObject({ sheet: "大表", template: null, findings: [] });
  }, 120000);
});

describe("--fix", () => {
  test("writes a copy, leaves the input untouched, lists what has no safe automatic fix", async () => {
    const before = readFileSync(mixed);
    const out = path.join(dir, "fixed.xlsx");
    const r = await cli("check", mixed, "--fix", out);
    expect(r.code).toBe(1);
    expect(readFileSync(mixed).equals(before)).toBe(true);
    expect(r.stdout).toContain(`已写出修复后的副本：${out}（写入 2 个单元格）`);
    expect(r.stdout).toContain("以下 1 项没有安全的自动修复，需人工处理：");
    expect(r.stdout).toContain("结论中写“自评总分100分”");
    const again = JSON.parse((await cli("check", out, "--format", "json")).stdout);
    const codes = again.files[0].sheets.flatMap((s: { findings: { code: string }[] }) => s.findings.map((f) => f.code));
    expect(codes).not.toContain("EXEC_SCORE_MISMATCH");
    expect(codes).not.toContain("TOTAL_MISMATCH");
  });
  test("refuses several inputs and refuses to overwrite the input", async () => {
    expect((await cli("check", mixed, clean, "--fix", path.join(dir, "x.xlsx"))).code).toBe(2);
    const same = await cli("check", mixed, "--fix", mixed);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("不能是输入文件本身");
  });
});

describe("installed command", () => {
  test("`npx selfeval` runs the compiled CLI with the contract's exit codes", () => {
    execFileSync("npm", ["run", "build:node"], { cwd: ROOT, stdio: "pipe" });
    const r = spawnSync("npx", ["selfeval", "check", mixed, "--format", "json"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 1, sheets: 3, errors: 3 });
    const missing = spawnSync("node", ["bin/selfeval.js", "check", path.join(dir, "nope.xlsx")], { cwd: ROOT, encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
  }, 120000);
});
