/** The readable zh-CN report of `selfeval check --format text`, one file at a time (streamed). */
import { Finding, PROFILES, TEMPLATE_NAMES, TemplateId } from "../engine";
import { headline } from "../xlsx/headline";
import type { FileOutcome } from "./checkFile";

const MARK: Record<Finding["severity"], string> = { error: "✗ 错误", warning: "! 警告", info: "i 提示" };

export function fileReport(f: FileOutcome): string {
  const lines: string[] = [`文件：${f.file}`];
  if (f.error) {
    lines.push(`  无法检查：${f.error}`, "");
    return lines.join("\n") + "\n";
  }
  if (f.convertedFrom) lines.push(`  （.${f.convertedFrom} 文件，经 LibreOffice 转换为 .xlsx 后检查）`);
  for (const s of f.sheets) {
    if (!s.template) {
      lines.push(`  工作表「${s.sheet}」：未识别为绩效自评表，未检查`);
      continue;
    }
    lines.push(`  工作表「${s.sheet}」 表式：${TEMPLATE_NAMES[s.template as TemplateId].zh}  标准：${PROFILES[s.profile].name.zh}`);
    for (const e of s.evaluations) for (const l of headline(e)) lines.push(`    ${l}`);
    if (s.findings.length === 0) lines.push("    未发现问题");
    for (const x of s.findings) {
      lines.push(`    ${MARK[x.severity]} ${x.cell.padEnd(5)} ${x.message}`);
      if (x.fix) lines.push(`          可自动修复：${x.fix.description}`);
    }
  }
  if (f.fix) {
    const fix = f.fix;
    if (fix.error) lines.push(`  未写出修复后的副本：${fix.error}`);
    else {
      const xlsx = f.convertedFrom ? `（由 .${f.convertedFrom} 转为 .xlsx）` : "";
      const macros = fix.macrosRemoved ? "（另存为 .xlsx，宏已去掉；要保留宏请用 .xlsm 作输出名）" : "";
      lines.push(`  已写出修复后的副本：${fix.output}${xlsx}${macros}（写入 ${fix.written} 个单元格）`);
      for (const s of fix.skipped) lines.push(`    未写入 ${s.sheet}!${s.cell}：${s.reason}`);
    }
    if (fix.remaining.length) {
      lines.push(`  以下 ${fix.remaining.length} 项没有安全的自动修复，需人工处理：`);
      for (const x of fix.remaining) lines.push(`    ${x.sheet}!${x.cell} ${x.message}`);
    }
  }
  if (f.mark) {
    if (f.mark.error) lines.push(`  未写出标记副本：${f.mark.error}`);
    else {
      const xlsx = f.convertedFrom ? `（由 .${f.convertedFrom} 转为 .xlsx）` : "";
      lines.push(`  已写出标记副本：${f.mark.output}${xlsx}（标记 ${f.mark.marked} 个单元格，问题清单在“${f.mark.reportSheet}”工作表）`);
    }
  }
  lines.push("");
  return lines.join("\n") + "\n";
}

export function totalsLine(t: { files: number; sheets: number; errors: number; warnings: number }): string {
  return `合计：${t.files} 个文件，${t.sheets} 张工作表，${t.errors} 个错误，${t.warnings} 个警告\n`;
}
