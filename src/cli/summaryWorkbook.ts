/**
 * --summary 汇总.xlsx: the reviewer's table (复核、抽查). 汇总 — one row per evaluation checked;
 * 问题清单 — one row per finding; 统计 — counts by problem, stated vs recomputed grade, and how far
 * stated totals exceed recomputed ones. Written with ExcelJS (a new workbook, nothing to preserve):
 * frozen headers, filters, widths, number formats and print setup that Excel, WPS and LibreOffice
 * all read.
 */
import ExcelJS from "exceljs";
import { EvaluationSummary, Finding, FindingCode, Grade, PROFILES, TEMPLATE_NAMES, TemplateId } from "../engine";
import { STRINGS } from "../addin/i18n";
import { columnName } from "../engine/grid";
import { insertBeforeClose, PackageEditor, toBytes } from "../xlsx/editor";
import type { FileOutcome } from "./checkFile";

/** What the summary keeps of a file: no grids, no models — findings and evaluation lines only. */
export type SummaryRecord = Pick<FileOutcome, "file" | "error" | "sheets">;

const CODE_NAMES = STRINGS.zh.codes;
const SEVERITY: Record<Finding["severity"], string> = { error: "错误", warning: "警告", info: "提示" };
const GRADES: Grade[] = ["优", "良", "中", "差"];
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const MAX_TEXT = 32000;

const text = (s: string | undefined) => (s === undefined ? null : s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);

function setup(ws: ExcelJS.Worksheet, columns: { header: string; width: number; numFmt?: string }[], rows: number) {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: "middle", wrapText: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns.length } };
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
}

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
  const wb = new ExcelJS.Workbook();
  wb.creator = STRINGS.zh.appName;
  wb.created = new Date();

  // 汇总
  const overview = wb.addWorksheet("汇总");
  const evaluations: { file: string; sheet: string; e: EvaluationSummary }[] = [];
  const overviewRows: unknown[][] = [];
  for (const r of records) {
    if (r.error) {
      overviewRows.push([r.file, null, null, null, null, null, null, null, null, null, null, null, text(`无法检查：${r.error}`)]);
      continue;
    }
    for (const s of r.sheets) {
      if (!s.template) continue;
      const problems = mainProblems(s.findings);
      const list = s.evaluations.length ? s.evaluations : [undefined];
      for (const e of list) {
        if (e) evaluations.push({ file: r.file, sheet: s.sheet, e });
        overviewRows.push([
          text(r.file),
          text(s.sheet),
          text(e?.organisation),
          text(e?.project),
          TEMPLATE_NAMES[(e?.template ?? s.template) as TemplateId]?.zh ?? s.template,
          PROFILES[s.profile].name.zh,
          e?.statedTotal ?? null,
          e?.recomputedTotal ?? null,
          e?.statedGrade ?? null,
          e?.expectedGrade ?? null,
          e ? e.errors : s.findings.filter((f) => f.severity === "error").length,
          e ? e.warnings : s.findings.filter((f) => f.severity === "warning").length,
          problems || "未发现问题",
        ]);
      }
    }
  }
  setup(
    overview,
    [
      { header: "文件", width: 34 },
      { header: "工作表", width: 20 },
      { header: "填报单位/主管部门", width: 24 },
      { header: "项目名称", width: 30 },
      { header: "表式", width: 24 },
      { header: "评分标准", width: 16 },
      { header: "表中总分", width: 10, numFmt: "0.00" },
      { header: "重算总分", width: 10, numFmt: "0.00" },
      { header: "表中等级", width: 9 },
      { header: "应为等级", width: 9 },
      { header: "错误", width: 7, numFmt: "0" },
      { header: "警告", width: 7, numFmt: "0" },
      { header: "主要问题", width: 40 },
    ],
    overviewRows.length,
  );
  overview.addRows(overviewRows);

  // 问题清单
  const issues = wb.addWorksheet("问题清单");
  const issueRows: unknown[][] = [];
  const ratesAt: number[] = [];
  for (const r of records) {
    for (const s of r.sheets) {
      for (const f of s.findings) {
        if (f.code === "EXEC_RATE_MISMATCH") ratesAt.push(issueRows.length + 2);
        issueRows.push([
          text(r.file),
          text(s.sheet),
          f.cell,
          SEVERITY[f.severity],
          CODE_NAMES[f.code] ?? f.code,
          typeof f.stated === "string" ? text(f.stated) : f.stated,
          typeof f.expected === "string" ? text(f.expected) : f.expected,
          text(f.message),
          f.fix ? "是" : "否",
        ]);
      }
    }
  }
  setup(
    issues,
    [
      { header: "文件", width: 34 },
      { header: "工作表", width: 20 },
      { header: "单元格", width: 8 },
      { header: "级别", width: 6 },
      { header: "问题", width: 16 },
      { header: "表中", width: 11 },
      { header: "应为", width: 11 },
      { header: "说明（含算式）", width: 70 },
      { header: "可自动修复", width: 10 },
    ],
    issueRows.length,
  );
  issues.addRows(issueRows);
  // Rates are fractions (contract.md): shown as percentages.
  for (const row of ratesAt) for (const col of [6, 7]) if (typeof issues.getCell(row, col).value === "number") issues.getCell(row, col).numFmt = "0.00%";

  // 统计
  const stats = wb.addWorksheet("统计");
  stats.columns = [{ width: 26 }, { width: 16 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 12 }];
  const title = (row: number, value: string) => {
    const c = stats.getCell(row, 1);
    c.value = value;
    c.font = { bold: true, size: 12 };
  };
  const header = (row: number, values: string[]) => {
    values.forEach((v, i) => {
      const c = stats.getCell(row, i + 1);
      c.value = v;
      c.font = { bold: true };
      c.fill = HEADER_FILL;
    });
  };
  let row = 1;
  const files = records.length;
  const unreadable = records.filter((r) => r.error).length;
  const checkedSheets = records.reduce((n, r) => n + r.sheets.filter((s) => s.template).length, 0);
  const all = records.flatMap((r) => r.sheets.flatMap((s) => s.findings));
  title(row++, "概况");
  for (const [label, value] of [
    ["文件", files],
    ["无法检查的文件", unreadable],
    ["已检查的自评表（工作表）", checkedSheets],
    ["自评（表式）", evaluations.length],
    ["错误", all.filter((f) => f.severity === "error").length],
    ["警告", all.filter((f) => f.severity === "warning").length],
  ] as [string, number][]) {
    stats.getCell(row, 1).value = label;
    stats.getCell(row, 2).value = value;
    row++;
  }
  row++;

  title(row++, "按问题统计");
  header(row++, ["问题", "代码", "错误", "警告", "提示", "合计", "涉及文件"]);
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
  for (const [code, c] of codeRows) {
    [CODE_NAMES[code] ?? code, code, c.error, c.warning, c.info, c.error + c.warning + c.info, c.files.size].forEach((v, i) => (stats.getCell(row, i + 1).value = v));
    row++;
  }
  if (codeRows.length === 0) stats.getCell(row++, 1).value = "未发现问题";
  row++;

  title(row++, "等级分布（行：表中等级；列：按重算总分应为的等级）");
  const columns = [...GRADES, "无法重算"] as const;
  header(row++, ["表中等级 \\ 应为", ...columns, "合计"]);
  const statedKeys = [...GRADES, "未填"] as const;
  const matrix = new Map<string, Map<string, number>>(statedKeys.map((k) => [k, new Map(columns.map((c) => [c, 0]))]));
  for (const { e } of evaluations) {
    const stated = e.statedGrade ?? "未填";
    const expected = e.expectedGrade ?? "无法重算";
    const line = matrix.get(stated)!;
    line.set(expected, (line.get(expected) ?? 0) + 1);
  }
  for (const k of statedKeys) {
    const line = matrix.get(k)!;
    const values = columns.map((c) => line.get(c) ?? 0);
    [k, ...values, values.reduce((a, b) => a + b, 0)].forEach((v, i) => (stats.getCell(row, i + 1).value = v));
    row++;
  }
  const colTotals = columns.map((c) => statedKeys.reduce((n, k) => n + (matrix.get(k)!.get(c) ?? 0), 0));
  ["合计", ...colTotals, colTotals.reduce((a, b) => a + b, 0)].forEach((v, i) => {
    const c = stats.getCell(row, i + 1);
    c.value = v;
    c.font = { bold: true };
  });
  row += 2;

  title(row++, "表中总分高于重算总分");
  const over = evaluations
    .filter(({ e }) => e.statedTotal !== undefined && e.recomputedTotal !== undefined && e.statedTotal - e.recomputedTotal > 0.005)
    .map((x) => ({ ...x, by: round2(x.e.statedTotal! - x.e.recomputedTotal!) }));
  const largest = over.reduce<(typeof over)[number] | undefined>((m, x) => (!m || x.by > m.by ? x : m), undefined);
  for (const [label, value, fmt] of [
    ["份数", over.length, "0"],
    ["平均高出（分）", over.length ? round2(over.reduce((n, x) => n + x.by, 0) / over.length) : null, "0.00"],
    ["最多高出（分）", largest?.by ?? null, "0.00"],
    ["最多高出的文件", largest ? `${largest.file} · ${largest.sheet}` : null, "@"],
  ] as [string, string | number | null, string][]) {
    stats.getCell(row, 1).value = label;
    const c = stats.getCell(row, 2);
    c.value = value;
    c.numFmt = fmt;
    row++;
  }
  stats.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };

  const filters = [overview, issues].map((ws, sheetIndex) => ({ sheetIndex, sheet: ws.name, columns: ws.columnCount, rows: ws.rowCount }));
  return withFilterNames(Buffer.from(await wb.xlsx.writeBuffer()), filters);
}

/**
 * The hidden _xlnm._FilterDatabase name Excel writes with every filter: without it LibreOffice drops
 * the filter (ExcelJS writes only the <autoFilter> element).
 */
function withFilterNames(data: Buffer, filters: { sheetIndex: number; sheet: string; columns: number; rows: number }[]): Buffer {
  const pkg = new PackageEditor(data);
  const part = pkg.map.workbookPart;
  const names = filters
    .map((f) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${f.sheetIndex}" hidden="1">'${f.sheet}'!$A$1:$${columnName(f.columns - 1)}$${Math.max(1, f.rows)}</definedName>`)
    .join("");
  const xml = pkg.text(part)!;
  pkg.set(part, /<definedNames\b/.test(xml) ? insertBeforeClose(xml, "definedNames", toBytes(names)) : insertAfterSheets(xml, toBytes(`<definedNames>${names}</definedNames>`)));
  return pkg.finish();
}

function insertAfterSheets(xml: string, text: string): string {
  const at = xml.indexOf("</sheets>");
  if (at < 0) throw new Error("workbook.xml without </sheets>");
  return xml.slice(0, at + "</sheets>".length) + text + xml.slice(at + "</sheets>".length);
}
