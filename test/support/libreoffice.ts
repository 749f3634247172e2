/**
 * LibreOffice headless as the real spreadsheet engine: converting an .xlsx to .xlsx recalculates
 * every formula and caches the results, which ExcelJS then reads back.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

export function sofficePath(): string | undefined {
  for (const p of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]) if (existsSync(p)) return p;
  return undefined;
}

/** A fresh profile that recalculates on load (otherwise LibreOffice keeps stale cached results). */
function profileDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  const item = (p: string, name: string, value: string) =>
    `<item oor:path="${p}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
  writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", "0")}
${item("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", "0")}
</oor:items>
`,
  );
  return dir;
}

let profile: string | undefined;

/** Recalculate `input` in LibreOffice; returns the path of the recalculated copy. */
export function recalculate(input: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  profile ??= profileDir();
  const outDir = mkdtempSync(path.join(tmpdir(), "lo-out-"));
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, input], {
    stdio: "pipe",
    timeout: 120000,
  });
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, ".xlsx"));
  if (!existsSync(out)) throw new Error(`LibreOffice produced no output for ${input}`);
  return out;
}

/** Print `input` (every sheet) to a PDF with LibreOffice; returns the PDF's path. */
export function printToPdf(input: string): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
  profile ??= profileDir();
  const outDir = mkdtempSync(path.join(tmpdir(), "lo-pdf-"));
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, input], { stdio: "pipe", timeout: 120000 });
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, ".pdf"));
  if (!existsSync(out)) throw new Error(`LibreOffice produced no PDF for ${input}`);
  return out;
}
