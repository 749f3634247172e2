/**
 * Outputs: --fix for many inputs into a folder, never over an existing file without --force, never
 * over an input (also through a symlink or a hard link), written through a temporary file; a write
 * that fails is reported while the findings are still printed; .xlsm fixed to .xlsx is a valid .xlsx.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { nationalProject } from "../fixtures/others";
import { procurement, sichuanProject, smartHall } from "../fixtures/sichuan";
import { recalculate, sofficePath } from "../support/libreoffice";
import { partsOf } from "../support/packages";
import { cli, tempDir, writeWorkbook } from "../support/workbooks";

let dir: string;
let a: string;
let b: string;
let clean: string;

beforeAll(async () => {
  dir = tempDir();
  mkdirSync(path.join(dir, "in", "sub"), { recursive: true });
  a = await writeWorkbook(path.join(dir, "in", "甲单位.xlsx"), [sichuanProject(smartHall)]);
  b = await writeWorkbook(path.join(dir, "in", "sub", "乙单位.xlsx"), [sichuanProject(procurement)]);
  clean = await writeWorkbook(path.join(dir, "in", "丙单位.xlsx"), [nationalProject()]);
});

test("--fix <folder> for a folder: copies with the inputs' names and subfolders; inputs untouched", async () => {
  const before = [a, b, clean].map((f) => readFileSync(f));
  const out = path.join(dir, "fixed");
  const r = await cli("check", path.join(dir, "in"), "--fix", out);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  expect([a, b, clean].map((f) => readFileSync(f).equals(before.shift()!))).toEqual([true, true, true]);
  expect(readdirSync(out).sort()).toEqual(["sub", "丙单位.xlsx", "甲单位.xlsx"].sort());
  expect(existsSync(path.join(out, "sub", "乙单位.xlsx"))).toBe(true);
  expect(r.stdout).toContain(`已写出修复后的副本：${path.join(out, "甲单位.xlsx")}（写入 2 个单元格）`);
  const again = JSON.parse((await cli("check", out, "--format", "json")).stdout);
  const codes = again.files.flatMap((f: { sheets: { findings: { code: string }[] }[] }) => f.sheets.flatMap((s) => s.findings.map((x) => x.code)));
  expect(codes).not.toContain("EXEC_SCORE_MISMATCH");
  expect(codes).not.toContain("TOTAL_MISMATCH");
  // No temporary files left behind.
  expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("an existing output is not replaced without --force; with --force it is", async () => {
  const target = path.join(dir, "已存在.xlsx");
  writeFileSync(target, "另一单位的工作簿");
  const r = await cli("check", a, "--fix", target);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`输出文件“${target}”已存在，未覆盖（确需覆盖请加 --force）`);
  expect(r.stdout).toContain("执行率得分应为"); // the findings are still reported
  expect(readFileSync(target, "utf8")).toBe("另一单位的工作簿");
  const forced = await cli("check", a, "--fix", target, "--force");
  expect(forced.stderr).toBe("");
  expect((await readXlsx(readFileSync(target))).grids[0].sheetName).toBe("智慧化信息化管理系统建设");
});

test.each([
  ["the input itself", (input: string) => input],
  ["a symlink to the input", (input: string) => (symlinkSync(input, path.join(dir, "link.xlsx")), path.join(dir, "link.xlsx"))],
  ["a hard link to the input", (input: string) => (linkSync(input, path.join(dir, "hard.xlsx")), path.join(dir, "hard.xlsx"))],
])("an output that is %s is refused, even with --force", async (_name, make) => {
  const input = await writeWorkbook(path.join(dir, `输入-${Math.random()}.xlsx`), [sichuanProject(smartHall)]);
  const before = readFileSync(input);
  const target = make(input);
  for (const extra of [[], ["--force"]]) {
    const r = await cli("check", input, "--fix", target, ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不能是输入文件本身");
    expect(readFileSync(input).equals(before)).toBe(true);
  }
  const marked = await cli("check", input, "--summary", target.replace(/\.xlsx$/, "") + ".xlsx", "--force");
  expect(marked.code).toBe(2);
  expect(marked.stderr).toContain("不能是输入文件本身");
});

test("an output folder inside the input folder is not read as input", async () => {
  const folder = path.join(dir, "nested");
  mkdirSync(folder);
  await writeWorkbook(path.join(folder, "单位.xlsx"), [sichuanProject(smartHall)]);
  const out = path.join(folder, "标记");
  await cli("check", folder, "--mark", out);
  const second = JSON.parse((await cli("check", folder, "--mark", out, "--force", "--format", "json")).stdout);
  expect(second.files.map((f: { file: string }) => path.relative(folder, f.file))).toEqual(["单位.xlsx"]);
});

test("an output that cannot be written is reported as such; the findings are still printed", async () => {
  const blocker = path.join(dir, "是文件");
  writeFileSync(blocker, "x");
  const r = await cli("check", a, "--fix", path.join(blocker, "out.xlsx"));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/写出“.*out\.xlsx”失败（(ENOTDIR|EEXIST)）/);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stdout).toContain("执行率得分应为 4.36");
  expect(r.stdout).toContain("未写出修复后的副本");
});

describe(".xlsm", () => {
  let xlsm: string;
  beforeAll(async () => {
    const plain = await writeWorkbook(path.join(dir, "plain.xlsx"), [sichuanProject(smartHall)]);
    const zip = await JSZip.loadAsync(readFileSync(plain));
    const ct = (await zip.file("[Content_Types].xml")!.async("string"))
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    zip.file("[Content_Types].xml", ct);
    zip.file("xl/vbaProject.bin", Buffer.from("not really VBA, but a part to drop"));
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    xlsm = path.join(dir, "宏.xlsm");
    writeFileSync(xlsm, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  });

  test("is read and checked like an .xlsx (also from a folder)", async () => {
    const r = JSON.parse((await cli("check", xlsm, "--format", "json")).stdout);
    expect(r.files[0].sheets[0].findings.map((f: { code: string }) => f.code)).toContain("EXEC_SCORE_MISMATCH");
  });

  test("fixed to .xlsx: a valid .xlsx without the macros, and the report says so", async () => {
    const out = path.join(dir, "宏-已修复.xlsx");
    const r = await cli("check", xlsm, "--fix", out);
    expect(r.stdout).toContain("宏已去掉");
    const parts = partsOf(out);
    expect([...parts.keys()].some((p) => /vbaProject/i.test(p))).toBe(false);
    const ct = parts.get("[Content_Types].xml")!.toString();
    expect(ct).not.toContain("macroEnabled");
    expect(ct).toContain("spreadsheetml.sheet.main+xml");
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("vbaProject");
    if (sofficePath()) expect((await readXlsx(readFileSync(recalculate(out)))).grids[0].sheetName).toBe("智慧化信息化管理系统建设");
  }, 120000);

  test("fixed into a folder: keeps .xlsm and its macros", async () => {
    const folder = path.join(dir, "宏输出");
    await cli("check", xlsm, "--fix", folder);
    const parts = partsOf(path.join(folder, "宏.xlsm"));
    expect(parts.get("xl/vbaProject.bin")!.toString()).toBe("not really VBA, but a part to drop");
  });
});

test("--version and --help (with examples)", async () => {
  const v = await cli("--version");
  expect(v.stdout).toMatch(/^selfeval \d+\.\d+\.\d+\n$/);
  const h = await cli("--help");
  expect(h.code).toBe(0);
  expect(h.stdout).toContain("示例：");
  expect(h.stdout).toContain("--summary 汇总.xlsx");
  expect(h.stdout).toContain("--mark");
});
