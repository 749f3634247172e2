/** The readable zh-CN report of `selfeval check --format text`. */
import { Finding, PROFILES, SheetResult, TEMPLATE_NAMES } from "../engine";

export interface FileReport {
  file: string;
  sheets: SheetResult[];
  error?: string;
  fix?: { output: string; written: number; skipped: { cell: string; sheet: string; reason: string }[]; remaining: Finding[] };
}

const MARK: Record<Finding["severity"], string> = { error: "✗ 错误", warning: "! 警告", info: "i 提示" };

export function textReport(files: FileReport[]): string {
  const lines: string[] = [];
  let sheets = 0;
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    lines.push(`文件：${f.file}`);
    if (f.error) {
      lines.push(`  无法检查：${f.error}`);
      lines.push("");
      continue;
    }
    for (const s of f.sheets) {
      sheets++;
      if (!s.template) {
        lines.push(`  工作表「${s.sheet}」：未识别为绩效自评表，未检查`);
        continue;
      }
      const profile = PROFILES[s.profile];
      lines.push(`  工作表「${s.sheet}」 表式：${TEMPLATE_NAMES[s.template].zh}  标准：${profile.name.zh}`);
      if (s.findings.length === 0) lines.push("    未发现问题");
      for (const x of s.findings) {
        if (x.severity === "error") errors++;
        if (x.severity === "warning") warnings++;
        const fix = x.fix ? `  〔可自动修复：${x.fix.description}〕` : "";
        lines.push(`    ${MARK[x.severity]} ${x.cell.padEnd(5)} ${x.message}${fix}`);
      }
    }
    if (f.fix) {
      lines.push(`  已写出修复后的副本：${f.fix.output}（写入 ${f.fix.written} 个单元格）`);
      for (const s of f.fix.skipped) lines.push(`    未写入 ${s.sheet}!${s.cell}：${s.reason}`);
      if (f.fix.remaining.length) {
        lines.push(`  以下 ${f.fix.remaining.length} 项没有安全的自动修复，需人工处理：`);
        for (const x of f.fix.remaining) lines.push(`    ${x.sheet}!${x.cell} ${x.message}`);
      }
    }
    lines.push("");
  }
  lines.push(`合计：${files.length} 个文件，${sheets} 张工作表，${errors} 个错误，${warnings} 个警告`);
  return lines.join("\n") + "\n";
}
