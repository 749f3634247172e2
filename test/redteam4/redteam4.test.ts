/**
 * Red team 4: real-world file quirks. Each corpus workbook (ExcelJS-written) is re-saved as a real producer would
 * save the SAME content; the CLI's reader + checkSheet must give the baseline's findings, which equal
 * expected.json. `[was a defect]` tests fail today and assert what a correct check gives; `[ok]` tests pass.
 * The CLI tests need `npm run build:node` (done in beforeAll when dist/ is missing).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import {
  BASELINES,
  CORPUS,
  PROBES,
  VARIANTS,
  buildProbe,
  buildVariant,
  checkBuffer,
  expectedSummary,
  malformedParts,
  summary,
  tmpDir,
} from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const CLI = path.join(ROOT, "bin/selfeval.js");

/** variant · file pairs that fail today (see README). */
const DEFECTS = new Set<string>([
  "probe literal-percent-escaped",
  "probe literal-percent-escaped-06",
  "cli docx-renamed",
  "cli xlsb-renamed",
  "cli bom-fix",
  "cli literal-percent-escaped-fix",
]);
const label = (k: string, text: string) => `${DEFECTS.has(k) ? "[was a defect]" : "[ok]"} ${text}`;

/** Variants whose behaviour is a documented limitation with a clear message (asserted separately). */
const LIMITED = new Set(["no-cached-values", "utf16-parts"]);

describe("RT4-V variants: same content, other producer → same findings as the baseline and expected.json", () => {
  for (const v of VARIANTS.filter((x) => !LIMITED.has(x.id)))
    for (const file of BASELINES) {
      const k = `${v.id} ${file}`;
      test(label(k, `${v.id} (${v.producer}: ${v.quirk}) · ${file}`), async () => {
        const buf = await buildVariant(file, v);
        expect(await malformedParts(buf)).toEqual([]);
        const o = await checkBuffer(buf, `${v.id}-${file}`);
        expect(o.error).toBeUndefined();
        expect(summary(o)).toEqual(expectedSummary(file));
      });
    }
});

describe("RT4-L limitations with a clear zh-CN message", () => {
  const noCache = VARIANTS.find((v) => v.id === "no-cached-values")!;
  for (const file of BASELINES)
    test(label(`no-cached ${file}`, `no-cached-values (openpyxl / SDK, formulas without <v>) · ${file}: every uncomputed formula is named, no crash`), async () => {
      const buf = await buildVariant(file, noCache);
      const o = await checkBuffer(buf, `nc-${file}`);
      expect(o.ok).toBe(true);
      const zip = await JSZip.loadAsync(buf);
      const formulaCells: string[] = [];
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const xml = await zip.files[name].async("string");
        for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>/g)) formulaCells.push(m[1]);
      }
      const warned = new Set(o.sheets.flatMap((s) => s.findings.filter((f) => f.code === "UNREADABLE_VALUE").map((f) => f.cell)));
      // formulas on template sheets must each be named (look-alike sheets give nothing at all)
      const templateFormulas = formulaCells.filter((c) => warned.has(c));
      expect(templateFormulas.length).toBeGreaterThan(0);
      for (const s of o.sheets)
        for (const f of s.findings.filter((x) => x.code === "UNREADABLE_VALUE"))
          expect(f.message).toMatch(/没有计算结果/);
    });
  const utf16 = VARIANTS.find((v) => v.id === "utf16-parts")!;
  test(label("utf16", "utf16-parts (.NET XmlWriter): a clear zh-CN message naming UTF-16, no crash"), async () => {
    const o = await checkBuffer(await buildVariant(BASELINES[0], utf16), "u16.xlsx");
    expect(o.ok).toBe(false);
    expect(o.error).toMatch(/UTF-16/);
  });
});

describe("RT4-P targeted probes: one quirk in a cell that matters", () => {
  for (const pr of PROBES.filter((p) => !p.id.startsWith("date-late")))
    test(label(`probe ${pr.id}`, `${pr.id} (${pr.producer}: ${pr.quirk})`), async () => {
      const buf = await buildProbe(pr);
      expect(await malformedParts(buf)).toEqual([]);
      const o = await checkBuffer(buf, `${pr.id}.xlsx`);
      expect(o.error).toBeUndefined();
      const base = summary(await checkBuffer(fs.readFileSync(path.join(CORPUS, pr.file)), `pb-${pr.file}`));
      expect(summary(o)).toEqual(pr.expect ? pr.expect(base) : base);
    });

  test(label("probe date-late", "a missed date target reads the same typed as text, as a 1900 serial, a 1904 serial (date1904) and with the zh builtin format 31"), async () => {
    const outs: Record<string, string>[] = [];
    for (const id of ["date-late-text", "date-late-1900", "date-late-1904", "date-late-builtin-zh"])
      outs.push(summary(await checkBuffer(await buildProbe(PROBES.find((p) => p.id === id)!), `${id}.xlsx`)));
    for (const o of outs.slice(1)) expect(o).toEqual(outs[0]);
  });
});

// ---------------- the command line ----------------

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: tmpDir() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function write(name: string, data: Buffer | string): string {
  const p = path.join(tmpDir(), name);
  fs.writeFileSync(p, data);
  return p;
}
async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [k, v] of Object.entries(files)) z.file(k, v);
  return z.generateAsync({ type: "nodebuffer" });
}
const CT = (override: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${override}</Types>`;
const RELS = (target: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

describe("RT4-C command line: unreadable files and --fix on quirky files", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, "dist/node/cli/main.js")))
      execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.node.json"], { cwd: ROOT });
  }, 300000);

  const unreadable: [string, string, () => Promise<Buffer | string>][] = [
    ["cfb", "password-protected / legacy .xls (compound file)", async () => Buffer.concat([Buffer.from("D0CF11E0A1B11AE1", "hex"), Buffer.alloc(1536)])],
    ["html", "HTML table saved as .xlsx (web exports)", async () => "<html><body><table><tr><td>项目支出绩效自评表</td></tr></table></body></html>"],
    ["empty", "empty file", async () => Buffer.alloc(0)],
    ["truncated", "truncated download", async () => fs.readFileSync(path.join(CORPUS, BASELINES[0])).subarray(0, 6000)],
    ["ods-renamed", "LibreOffice .ods renamed .xlsx", async () => zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" })],
    [
      "docx-renamed",
      "Word .docx renamed .xlsx",
      async () =>
        zipOf({
          "[Content_Types].xml": CT('<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
          "_rels/.rels": RELS("word/document.xml"),
          "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
        }),
    ],
    [
      "xlsb-renamed",
      "Excel binary workbook (.xlsb) renamed .xlsx",
      async () =>
        zipOf({
          "[Content_Types].xml": CT('<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'),
          "_rels/.rels": RELS("xl/workbook.bin"),
          "xl/workbook.bin": "\u0083\u0001\u0000",
        }),
    ],
  ];
  for (const [id, what, make] of unreadable)
    test(label(`cli ${id}`, `${what}: exit 2 and a zh-CN message naming the file`), async () => {
      const f = write(`${id}.xlsx`, await make());
      const r = cli(["check", f, "--format", "json"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${id}\\.xlsx`));
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    });

  test(label("cli folder", "a folder with unreadable files still checks the good one and exits 2"), async () => {
    const dir = path.join(tmpDir(), "folder");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "a-empty.xlsx"), Buffer.alloc(0));
    fs.copyFileSync(path.join(CORPUS, BASELINES[0]), path.join(dir, "b-good.xlsx"));
    const r = cli(["check", dir, "--format", "json"]);
    expect(r.status).toBe(2);
    const good = JSON.parse(r.stdout).files.find((f: { file: string }) => f.file.endsWith("b-good.xlsx"));
    expect(good.sheets).toHaveLength(3);
  });

  test(label("cli zip64", "zip64 + streamed (data descriptors) package, as .NET / POI stream it: read like the baseline"), () => {
    const r = cli(["check", path.join(__dirname, "fixtures/zip64-streamed_01.xlsx"), "--format", "json"]);
    const got: Record<string, string> = {};
    for (const s of JSON.parse(r.stdout).files[0].sheets)
      got[s.sheet] = `${s.template ? "T" : "-"} ${s.findings
        .filter((f: { severity: string }) => f.severity !== "info")
        .map((f: { code: string; cell: string; severity: string }) => `${f.code}@${f.cell}/${f.severity}`)
        .sort()
        .join(" ")}`;
    expect(got).toEqual(expectedSummary(BASELINES[0]));
  });

  /** --fix on a quirky copy: a copy is written, and checking it again gives none of the fixed findings. */
  async function fixRoundTrip(name: string, buf: Buffer): Promise<{ fixed: string[]; after: string[]; status: number | null; stderr: string }> {
    const src = write(name, buf);
    const out = path.join(tmpDir(), `fixed-${name}`);
    fs.rmSync(out, { force: true });
    const r = cli(["check", src, "--fix", out, "--format", "json"]);
    const before = JSON.parse(r.stdout).files[0].sheets as { sheet: string; findings: { code: string; cell: string; fix?: unknown }[] }[];
    const fixed = before.flatMap((s) => s.findings.filter((f) => f.fix).map((f) => `${s.sheet}!${f.cell} ${f.code}`));
    if (!fs.existsSync(out)) return { fixed, after: ["<no copy written>"], status: r.status, stderr: r.stderr };
    const again = JSON.parse(cli(["check", out, "--format", "json"]).stdout).files[0].sheets as typeof before;
    const after = again.flatMap((s) => s.findings.map((f) => `${s.sheet}!${f.cell} ${f.code}`));
    return { fixed, after, status: r.status, stderr: r.stderr };
  }

  for (const id of ["shared-formulas", "prefixed-x", "strict-ooxml", "wps-inline", "no-r-attrs", "renamed-parts", "excel365-noise", "wps-numbers-as-text", "zip-data-descriptors", "pretty-printed", "excel-notes", "empty-strings"])
    for (const file of [BASELINES[0], "07_inner_mongolia_yuan.xlsx", "06_hubei_student_aid.xlsx"] as const)
      test(label(`cli fix ${id}`, `--fix on ${id} · ${file}: copy written, fixed findings gone`), async () => {
        const v = VARIANTS.find((x) => x.id === id)!;
        const r = await fixRoundTrip(`${id}-${file}`, await buildVariant(file, v));
        expect(r.after).not.toContain("<no copy written>");
        expect(r.fixed.length).toBeGreaterThan(0);
        for (const f of r.fixed) expect(r.after).not.toContain(f);
      });

  test(label("cli bom-fix", "--fix on a package whose XML parts start with a UTF-8 BOM: the copy is written (the check itself reads the file)"), async () => {
    const v = VARIANTS.find((x) => x.id === "bom")!;
    const r = await fixRoundTrip("bom-01.xlsx", await buildVariant(BASELINES[0], v));
    expect(r.stderr).not.toMatch(/已损坏/);
    expect(r.after).not.toContain("<no copy written>");
    for (const f of r.fixed) expect(r.after).not.toContain(f);
  });

  test(label("cli literal-percent-escaped-fix", "--fix never writes a fraction into a 0.00\\% cell that shows 92.14% (Excel would then show 0.92%)"), async () => {
    const pr = PROBES.find((p) => p.id === "literal-percent-escaped")!;
    const src = write("lpe.xlsx", await buildProbe(pr));
    const out = path.join(tmpDir(), "fixed-lpe.xlsx");
    fs.rmSync(out, { force: true });
    cli(["check", src, "--fix", out]);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheet = await zip.files["xl/worksheets/sheet1.xml"].async("string");
    const h7 = /<c r="H7"[^>]*>([\s\S]*?)<\/c>/.exec(sheet)![1];
    // either left alone (92.14) or a formula giving percentage points
    expect(h7).not.toMatch(/<v>0\.92/);
  });

  test(label("cli shared-master", "--fix refuses to overwrite a shared-formula master, and says so in zh-CN"), async () => {
    const pr = PROBES.find((p) => p.id === "shared-master-is-fixed")!;
    const src = write("smf.xlsx", await buildProbe(pr));
    const out = path.join(tmpDir(), "fixed-smf.xlsx");
    fs.rmSync(out, { force: true });
    const r = cli(["check", src, "--fix", out]);
    expect(r.stdout).toMatch(/未写入 学生资助项目!G26：该单元格是共享公式的首格/);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheet = await zip.files["xl/worksheets/sheet1.xml"].async("string");
    expect(sheet).toMatch(/<c r="H26"[^>]*><f t="shared" si="0"\/>/);
    expect(sheet).toMatch(/<f t="shared" ref="G26:H26" si="0">/);
  });
});
