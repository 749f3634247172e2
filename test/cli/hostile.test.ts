/**
 * Hostile files and paths, built here at test time and checked with the compiled CLI (worker
 * threads, as installed): a zip bomb, one merge over the whole sheet, a FIFO and a symlink to
 * /dev/zero in a folder, a 1,048,576 × 8 sheet, a stray cell at XFD1048576, missing parts. Each is
 * one line on stderr with exit 2, in bounded time and memory, while the good file beside them is
 * still checked.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, statSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { sichuanProject, smartHall } from "../fixtures/sichuan";
import { compiledCli, Run, runCli } from "../support/compiledCli";
import { tempDir, writeWorkbook } from "../support/workbooks";

jest.setTimeout(300000);

let dir: string;
let base: Buffer;

/** A zip with the given entries, each stored or as raw deflate data (sizes in the headers as claimed). */
function zipOf(entries: { name: string; data: Buffer; deflated?: boolean; size?: number }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const method = e.deflated ? 8 : 0;
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.deflated ? 0 : zlib.crc32(e.data), 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(e.deflated ? 0 : zlib.crc32(e.data), 16);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.data);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBytes, end]);
}

const deflated = (data: Buffer, name: string) => ({ name, data: zlib.deflateRawSync(data, { level: 9 }), deflated: true, size: data.length });

/** The base workbook's parts with some replaced or removed, and raw deflate data for others. */
async function variant(replace: Record<string, Buffer | string | null>, raw: { name: string; data: Buffer }[] = []): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const entries: { name: string; data: Buffer; deflated?: boolean }[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    if (name in replace) {
      const v = replace[name];
      if (v !== null) entries.push(deflated(Buffer.from(v), name));
    } else if (!raw.some((r) => r.name === name)) entries.push(deflated(await zip.file(name)!.async("nodebuffer"), name));
  }
  for (const r of raw) entries.push({ name: r.name, data: r.data, deflated: true });
  return zipOf(entries);
}

/** A sheet's XML around rows produced chunk by chunk, deflated as it is produced. */
function deflatedSheet(rows: number, cols: number): Buffer {
  // Deflated in pieces (each ends with a full flush, so the pieces concatenate into one stream).
  const out: Buffer[] = [];
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const letters = "ABCDEFGH";
  let buffer = head;
  const flush = () => {
    out.push(zlib.deflateRawSync(Buffer.from(buffer), { level: 1, finishFlush: zlib.constants.Z_FULL_FLUSH }));
    buffer = "";
  };
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${letters[c]}${r}"><v>${r + c}</v></c>`;
    buffer += row + "</row>";
    if (buffer.length > 4 << 20) flush();
  }
  buffer += "</sheetData></worksheet>";
  flush();
  out.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return Buffer.concat(out);
}

let good: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  compiledCli();
  dir = tempDir();
  const folder = path.join(dir, "收表");
  mkdirSync(folder);
  good = await writeWorkbook(path.join(folder, "00 正常.xlsx"), [sichuanProject(smartHall)]);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表").getCell("A1").value = "项目名称";
  base = Buffer.from(await wb.xlsx.writeBuffer());
  const sheet = (await JSZip.loadAsync(base)).file("xl/worksheets/sheet1.xml")!;
  const sheetXml = await sheet.async("string");

  // 1. A zip bomb: 4.3 MB of deflate data that would inflate to about 4.4 GB.
  const segment = zlib.deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const copies = Math.ceil((4.3 * 1e6) / segment.length);
  const bomb = Buffer.concat([...Array(copies).fill(segment), zlib.deflateRawSync(Buffer.alloc(0))]);
  files.bomb = path.join(folder, "01 压缩炸弹.xlsx");
  writeFileSync(files.bomb, await variant({}, [{ name: "xl/worksheets/sheet1.xml", data: bomb }]));

  // 2. One merge over the whole sheet (a workbook of a few KB).
  files.merge = path.join(folder, "02 整表合并.xlsx");
  writeFileSync(files.merge, await variant({ "xl/worksheets/sheet1.xml": sheetXml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>') }));

  // 3. A FIFO and 4. a symlink to /dev/zero, named like workbooks.
  files.fifo = path.join(folder, "03 管道.xlsx");
  execFileSync("mkfifo", [files.fifo]);
  files.zero = path.join(folder, "04 设备.xlsx");
  symlinkSync("/dev/zero", files.zero);

  // 5. A 1,048,576 × 8 sheet.
  files.huge = path.join(folder, "05 百万行.xlsx");
  writeFileSync(files.huge, await variant({}, [{ name: "xl/worksheets/sheet1.xml", data: deflatedSheet(1048576, 8) }]));

  // 6. One stray cell at XFD1048576 beside A1.
  files.stray = path.join(folder, "06 远处单元格.xlsx");
  writeFileSync(files.stray, await variant({ "xl/worksheets/sheet1.xml": sheetXml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>') }));

  // 7. No sharedStrings part (A1 refers to it), 8. no workbook.xml.
  files.noStrings = path.join(folder, "07 缺共享字符串.xlsx");
  writeFileSync(files.noStrings, await variant({ "xl/sharedStrings.xml": null }));
  files.noWorkbook = path.join(folder, "08 缺工作簿.xlsx");
  writeFileSync(files.noWorkbook, await variant({ "xl/workbook.xml": null }));

  // 9. Relationship targets written ./worksheets/… (must be read, not dropped).
  const rels = (await (await JSZip.loadAsync(base)).file("xl/_rels/workbook.xml.rels")!.async("string")).replace(/Target="worksheets\//g, 'Target="./worksheets/');
  files.dotTargets = path.join(folder, "09 点斜杠.xlsx");
  writeFileSync(files.dotTargets, await variant({ "xl/_rels/workbook.xml.rels": rels }));
}, 300000);

let run: Run;
beforeAll(async () => {
  run = await runCli(["check", path.join(dir, "收表"), "--format", "json", "--jobs", "2"], { timeoutMs: 240000 });
}, 300000);

test("the fixtures are what they claim", () => {
  expect(statSync(files.bomb).size).toBeGreaterThan(4e6);
  expect(statSync(files.bomb).size).toBeLessThan(5e6);
  expect(statSync(files.merge).size).toBeLessThan(8000); // a few KB
  expect(statSync(files.fifo).isFIFO()).toBe(true);
});

test("the run ends with exit 2, in bounded time and memory", () => {
  expect(run.code).toBe(2);
  expect(run.ms).toBeLessThan(180000);
  expect(run.maxRssMb).toBeLessThan(1500);
  console.log(`hostile folder: ${run.ms} ms, peak RSS ${run.maxRssMb.toFixed(0)} MB`);
});

test("each hostile file is one zh-CN line on stderr; never a stack trace", () => {
  const lines = run.stderr.trim().split("\n");
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|FATAL|heap/i);
  const about = (file: string) => lines.filter((l) => l.includes(path.basename(file)));
  expect(about(files.bomb)).toEqual([expect.stringMatching(/^selfeval：.*解压后超过 256 MB.*压缩炸弹/)]);
  expect(about(files.merge)).toEqual([expect.stringMatching(/合并单元格共超过 1,000,000 个/)]);
  expect(about(files.fifo)).toEqual([expect.stringMatching(/是管道（FIFO），不是普通文件，未读取/)]);
  expect(about(files.zero)).toEqual([expect.stringMatching(/是设备文件，不是普通文件，未读取/)]);
  expect(about(files.huge)).toEqual([expect.stringMatching(/非空单元格超过 1,000,000 个/)]);
  expect(about(files.stray)).toEqual([expect.stringMatching(/1,048,576 行 × 16,384 列，超出本工具的处理上限/)]);
  expect(about(files.noStrings)).toEqual([expect.stringMatching(/缺少共享字符串表/)]);
  expect(about(files.noWorkbook)).toEqual([expect.stringMatching(/缺少工作簿主部件/)]);
  expect(lines).toHaveLength(8);
});

test("the other files are still checked: the good one, and ./worksheets targets read", () => {
  const doc = JSON.parse(run.stdout);
  const byName = new Map(doc.files.map((f: { file: string }) => [path.basename(f.file), f]));
  expect(doc.files).toHaveLength(10);
  const ok = byName.get(path.basename(good)) as { sheets: { findings: { code: string }[] }[] };
  expect(ok.sheets[0].findings.map((f) => f.code)).toContain("EXEC_SCORE_MISMATCH");
  const dot = byName.get(path.basename(files.dotTargets)) as { error?: string; sheets: { sheet: string }[] };
  expect(dot.error).toBeUndefined();
  expect(dot.sheets.map((s) => s.sheet)).toEqual(["表"]);
});

test("a FIFO given by name does not hang", async () => {
  const r = await runCli(["check", files.fifo, good], { timeoutMs: 60000 });
  expect(r.code).toBe(2);
  expect(r.stderr.trim()).toMatch(/^selfeval：“.*03 管道\.xlsx”是管道（FIFO），不是普通文件，未读取$/);
  expect(r.stdout).toContain("执行率得分应为");
});
