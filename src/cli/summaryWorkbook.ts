/**
 * --summary 汇总.xlsx: the reviewer's table (复核、抽查). 汇总 — one row per evaluation checked;
 * 问题清单 — one row per finding; 统计 — counts by problem, stated vs recomputed grade, and how far
 * stated totals exceed recomputed ones. Frozen headers, filters, widths, number formats and print
 * setup that Excel, WPS and LibreOffice all read (src/xlsx/writeTable.ts).
 */
import { EvaluationSummary, Finding, FindingCode, Grade, PROFILES, TEMPLATE_NAMES, TemplateId } from "../engine";
import { STRINGS } from "../addin/i18n";
import { TableCell, TableSheet, TableValue, writeTableWorkbook } from "../xlsx/writeTable";
import type { FileOutcome } from "./checkFile";

/** What the summary keeps of a file: no grids, no models — findings and evaluation lines only. */
export type SummaryRecord = Pick<FileOutcome, "file" | "error" | "sheets">;

const CODE_NAMES = STRINGS.zh.codes;
const SEVERITY: Record<Finding["severity"], string> = { error: "错误", warning: "警告", info: "提示" };
const GRADES: Grade[] = ["优", "良", "中", "差"];

/** The main problems of a sheet in a few words: the most frequent kinds, errors first. */
export function mainProblems(findings: readonly Finding[], limit = 3): string {
  const counts = new Map<FindingCode, { n: number; error: boolean }>();
  for (const f of findings) {
    if (f.severity === "info") continue;
    const c = counts.get(f.code) ?? { n: 0, error: false };
    c.n++;
    c.error ||= f.severity === "error";
    counts.set(f.code, c);
  }
  const sorted = [...counts].sort((a, b) => Number(b[1].error) - Number(a[1].error) || b[1].n - a[1].n);
  const words = sorted.slice(0, limit).map(([code, c]) => (c.n > 1 ? `${CODE_NAMES[code]}×${c.n}` : CODE_NAMES[code]));
  return words.join("、") + (sorted.length > limit ? " 等" : "");
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function summaryWorkbook(records: readonly SummaryRecord[]): Promise<Buffer> {
  // 汇总
  const evaluations: { file: string; sheet: string; e: EvaluationSummary }[] = [];
  const overview: TableValue[][] = [["文件", "工作表", "填报单位/主管部门", "项目名称", "表式", "评分标准", "表中总分", "重算总分", "表中等级", "应为等级", "错误", "警告", "主要问题"]];
  for (const r of records) {
    if (r.error) {
      overview.push([r.file, null, null, null, null, null, null, null, null, null, null, null, `无法检查：${r.error}`]);
      continue;
    }
    for (const s of r.sheets) {
      if (!s.template) continue;
      const problems = mainProblems(s.findings);
      const list = s.evaluations.length ? s.evaluations : [undefined];
      for (const e of list) {
        if (e) evaluations.push({ file: r.file, sheet: s.sheet, e });
        overview.push([
          r.file,
          s.sheet,
          e?.organisation,
          e?.project,
          TEMPLATE_NAMES[(e?.template ?? s.template) as TemplateId]?.zh ?? s.template,
          PROFILES[s.profile].name.zh,
          e?.statedTotal,
          e?.recomputedTotal,
          e?.statedGrade,
          e?.expectedGrade,
          e ? e.errors : s.findings.filter((f) => f.severity === "error").length,
          e ? e.warnings : s.findings.filter((f) => f.severity === "warning").length,
          problems || "未发现问题",
        ]);
      }
    }
  }

  // 问题清单 (rates are fractions, contract.md: shown as percentages)
  const issues: (TableValue | TableCell)[][] = [["文件", "工作表", "单元格", "级别", "问题", "表中", "应为", "说明（含算式）", "可自动修复"]];
  for (const r of records) {
    for (const s of r.sheets) {
      for (const f of s.findings) {
        const rate = f.code === "EXEC_RATE_MISMATCH";
        const value = (v: string | number | null): TableValue | TableCell => (rate && typeof v === "number" ? { v, style: "percent" } : v);
        issues.push([r.file, s.sheet, f.cell, SEVERITY[f.severity], CODE_NAMES[f.code] ?? f.code, value(f.stated), value(f.expected), f.message, f.fix ? "是" : "否"]);
      }
    }
  }

  // 统计
  const stats: (TableValue | TableCell)[][] = [];
  const title = (t: string) => stats.push([{ v: t, style: "title" }]);
  const header = (cells: string[]) => stats.push(cells.map((v) => ({ v, style: "header" as const })));
  const all = records.flatMap((r) => r.sheets.flatMap((s) => s.findings));
  title("概况");
  stats.push(["文件", records.length]);
  stats.push(["无法检查的文件", records.filter((r) => r.error).length]);
  stats.push(["已检查的自评表（工作表）", records.reduce((n, r) => n + r.sheets.filter((s) => s.template).length, 0)]);
  stats.push(["自评（表式）", evaluations.length]);
  stats.push(["错误", all.filter((f) => f.severity === "error").length]);
  stats.push(["警告", all.filter((f) => f.severity === "warning").length]);
  stats.push([]);

  title("按问题统计");
  header(["问题", "代码", "错误", "警告", "提示", "合计", "涉及文件"]);
  const byCode = new Map<FindingCode, { error: number; warning: number; info: number; files: Set<string> }>();
  for (const r of records) {
    for (const s of r.sheets) {
      for (const f of s.findings) {
        const c = byCode.get(f.code) ?? { error: 0, warning: 0, info: 0, files: new Set<string>() };
        c[f.severity]++;
        c.files.add(r.file);
        byCode.set(f.code, c);
      }
    }
  }
  const codeRows = [...byCode].sort((a, b) => b[1].error + b[1].warning + b[1].info - (a[1].error + a[1].warning + a[1].info));
  for (const [code, c] of codeRows) stats.push([CODE_NAMES[code] ?? code, code, c.error, c.warning, c.info, c.error + c.warning + c.info, c.files.size]);
  if (codeRows.length === 0) stats.push(["未发现问题"]);
  stats.push([]);

  title("等级分布（行：表中等级；列：按重算总分应为的等级）");
  const columns = [...GRADES, "无法重算"];
  header(["表中等级 \\ 应为", ...columns, "合计"]);
  const statedKeys = [...GRADES, "未填"];
  const matrix = new Map<string, Map<string, number>>(statedKeys.map((k) => [k, new Map(columns.map((c) => [c, 0]))]));
  for (const { e } of evaluations) {
    const line = matrix.get(e.statedGrade ?? "未填")!;
    const expected = e.expectedGrade ?? "无法重算";
    line.set(expected, (line.get(expected) ?? 0) + 1);
  }
  for (const k of statedKeys) {
    const values = columns.map((c) => matrix.get(k)!.get(c) ?? 0);
    stats.push([k, ...values, values.reduce((a, b) => a + b, 0)]);
  }
  const colTotals = columns.map((c) => statedKeys.reduce((n, k) => n + (matrix.get(k)!.get(c) ?? 0), 0));
  stats.push(["合计", ...colTotals, colTotals.reduce((a, b) => a + b, 0)].map((v) => ({ v, style: "bold" as const })));
  stats.push([]);

  title("表中总分高于重算总分");
  const over = evaluations
    .filter(({ e }) => e.statedTotal !== undefined && e.recomputedTotal !== undefined && e.statedTotal - e.recomputedTotal > 0.005)
    .map((x) => ({ ...x, by: round2(x.e.statedTotal! - x.e.recomputedTotal!) }));
  const largest = over.reduce<(typeof over)[number] | undefined>((m, x) => (!m || x.by > m.by ? x : m), undefined);
  stats.push(["份数", over.length]);
  stats.push(["平均高出（分）", over.length ? { v: round2(over.reduce((n, x) => n + x.by, 0) / over.length), style: "number2" } : null]);
  stats.push(["最多高出（分）", largest ? { v: largest.by, style: "number2" } : null]);
  stats.push(["最多高出的文件", largest ? `${largest.file} · ${largest.sheet}` : null]);

  const sheets: TableSheet[] = [
    {
      name: "汇总",
      header: true,
      orientation: "landscape",
      rows: overview,
      columns: [
        { width: 34 },
        { width: 20 },
        { width: 24 },
        { width: 30 },
        { width: 24 },
        { width: 16 },
        { width: 10, style: "number2" },
        { width: 10, style: "number2" },
        { width: 9 },
        { width: 9 },
        { width: 7, style: "integer" },
        { width: 7, style: "integer" },
        { width: 40 },
      ],
    },
    {
      name: "问题清单",
      header: true,
      orientation: "landscape",
      rows: issues,
      columns: [{ width: 34 }, { width: 20 }, { width: 8 }, { width: 6 }, { width: 16 }, { width: 11 }, { width: 11 }, { width: 70 }, { width: 10 }],
    },
    { name: "统计", header: false, orientation: "portrait", rows: stats, columns: [{ width: 26 }, { width: 16 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 12 }] },
  ];
  return writeTableWorkbook(sheets, STRINGS.zh.appName);
}
