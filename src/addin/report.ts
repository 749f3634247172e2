/**
 * The 核对报告 as a document: what the add-in found, worded for the unit that filled in the
 * sheets, in the pane's language. Pure: built from the engine's results (findings, evaluations,
 * profiles) and what the add-in fixed in this session; the Excel adapter (src/excel/report.ts) lays
 * it out and writes it.
 */
import { codeName, Finding, Grade, messageOf, PROFILES, ProfileId, Severity, SheetResult, valueText } from "../engine";
import { bandsText, format, Lang, STRINGS } from "./i18n";

/** A date as Excel keeps it: days since 1899-12-30, shown through `format`. */
export interface ReportDate {
  serial: number;
  format: string;
}

export interface ReportFact {
  label: string;
  value: string | ReportDate;
}

/** Where a finding's row links to: the cell on its sheet. */
export interface ReportLink {
  sheet: string;
  cell: string;
}

export type FindingStatus = "fixed" | "fixable" | "manual" | "note";

export interface ReportFindingRow {
  sheet: string;
  /** The cell's address as shown; "" for a sheet that could not be read. */
  cell: string;
  link?: ReportLink;
  severity?: Severity;
  severityText: string;
  problem: string;
  explanation: string;
  /** 表中 and 应为, formatted as the pane shows them (amounts with their unit, rates as percentages). */
  stated: string;
  expected: string;
  status?: FindingStatus;
  statusText: string;
}

export interface ReportEvaluationRow {
  sheet: string;
  project: string;
  /** "95 · 优": the stated total and grade; "—" where the sheet states none. */
  stated: string;
  recomputed: string;
  /** undefined when there is nothing to compare. */
  agrees?: boolean;
  agreementText: string;
}

export interface ReportDocument {
  /** The sheet's name (numbered by the adapter when taken by a sheet of the user's). */
  sheetName: string;
  heading: string;
  facts: ReportFact[];
  evaluations: { title: string; header: string[]; rows: ReportEvaluationRow[] };
  findings: { title: string; header: string[]; rows: ReportFindingRow[] };
}

/** One checked sheet: its result, or why it could not be read. */
export type ReportSheet = { sheet: string; result: SheetResult } | { sheet: string; failure: string };

export interface ReportInput {
  lang: Lang;
  /** The day of the check (the report's date). */
  date: Date;
  /** The sheets checked, in tab order. */
  sheets: readonly ReportSheet[];
  /** Findings the add-in fixed in this session, as they were before the fix. */
  fixed: readonly Finding[];
}


/** Projects listed by name in the facts; more are counted. */
const LISTED_PROJECTS = 8;

const WORDS = {
  zh: {
    heading: "绩效自评表核对报告",
    unit: "单位",
    project: "项目",
    date: "核对日期",
    dateFormat: 'yyyy"年"m"月"d"日"',
    profile: "评分标准",
    overall: "核对结果",
    unstated: "表中未写明",
    moreProjects: "等 {n} 个项目",
    source: "依据：",
    sheetsChecked: "共检查 {n} 张工作表",
    withErrors: "{n} 张有错误",
    warningsOnly: "{n} 张只有警告",
    clean: "{n} 张未发现问题",
    notTables: "{n} 张不是自评表",
    unreadable: "{n} 张无法读取",
    fixedCount: "本次已修复 {n} 处",
    evaluationsTitle: "各表总分与等级",
    evaluationsHeader: ["工作表", "项目", "表中总分与等级", "重算总分与等级", "结果"],
    findingsTitle: "问题清单",
    findingsHeader: ["工作表", "单元格", "级别", "问题", "说明", "表中", "应为", "状态"],
    agree: "一致",
    disagree: "不符",
    notJudged: "无法判断",
    status: { fixed: "已修复", fixable: "可自动修复", manual: "需手工修改", note: "提示" } as Record<FindingStatus, string>,
    listSeparator: "；",
    clauseSeparator: "，",
    nameSeparator: "、",
  },
  en: {
    heading: "Self-evaluation check report",
    unit: "Unit",
    project: "Project",
    date: "Date checked",
    dateFormat: "yyyy-mm-dd",
    profile: "Scoring rules",
    overall: "Result",
    unstated: "not stated in the sheet",
    moreProjects: "and {n} more",
    source: "Source: ",
    sheetsChecked: "{n} {n|sheet|sheets} checked",
    withErrors: "{n} with errors",
    warningsOnly: "{n} with warnings only",
    clean: "{n} without problems",
    notTables: "{n} not {n|a self-evaluation table|self-evaluation tables}",
    unreadable: "{n} could not be read",
    fixedCount: "{n} fixed in this session",
    evaluationsTitle: "Totals and grades",
    evaluationsHeader: ["Sheet", "Project", "Stated total and grade", "Recomputed total and grade", "Result"],
    findingsTitle: "Problems",
    findingsHeader: ["Sheet", "Cell", "Severity", "Problem", "Explanation", "Stated", "Expected", "Status"],
    agree: "Agree",
    disagree: "Disagree",
    notJudged: "Not judged",
    status: { fixed: "Fixed", fixable: "Can be fixed automatically", manual: "Needs a manual edit", note: "Note" } as Record<FindingStatus, string>,
    listSeparator: "; ",
    clauseSeparator: ", ",
    nameSeparator: ", ",
  },
} satisfies Record<Lang, unknown>;

const fill = (template: string, n: number) => format(template, { n });

/** Days since 1899-12-30 of the local calendar day: what Excel stores for a date typed in that day. */
export function excelDate(date: Date): number {
  return (Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Codes that state the total or the grade: one of them on an evaluation's cells means they disagree. */
const TOTAL_CODES = new Set<Finding["code"]>(["TOTAL_MISMATCH", "HEADER_SCORE_MISMATCH", "GRADE_MISMATCH"]);

function evaluationRows(result: SheetResult, lang: Lang): ReportEvaluationRow[] {
  const w = WORDS[lang];
  const scoreAndGrade = (total: number | undefined, grade: Grade | undefined) =>
    total === undefined && grade === undefined ? "—" : `${total === undefined ? "—" : String(total)} · ${grade === undefined ? "—" : STRINGS[lang].grades[grade]}`;
  return result.evaluations.map((e, i) => {
    // evaluations[i] summarises units[i]: the engine's own judgement of its total and grade decides.
    const bounds = result.units[i]?.bounds;
    const wrong = distinct(
      result.findings
        .filter((f) => TOTAL_CODES.has(f.code) && bounds !== undefined && f.at.row >= bounds.top && f.at.row <= bounds.bottom && f.at.col >= bounds.left && f.at.col <= bounds.right)
        .map((f) => codeName(f.code, lang)),
    );
    const disagrees = wrong.length > 0;
    const judged = disagrees || (e.recomputedTotal !== undefined && (e.statedTotal !== undefined || e.statedGrade !== undefined));
    return {
      sheet: result.sheet,
      project: e.project ?? w.unstated,
      stated: scoreAndGrade(e.statedTotal, e.statedGrade),
      recomputed: scoreAndGrade(e.recomputedTotal, e.expectedGrade),
      ...(judged ? { agrees: !disagrees } : {}),
      // Which statement disagrees (the total shown may agree while the header's score does not); the
      // Chinese names say 不符 themselves (合计不符).
      agreementText: !judged ? w.notJudged : disagrees ? (lang === "zh" ? wrong.join(w.nameSeparator) : `${w.disagree}: ${wrong.join(w.nameSeparator)}`) : w.agree,
    };
  });
}

function statusOf(f: Finding, fixed: boolean): FindingStatus {
  if (fixed) return "fixed";
  if (f.severity === "info") return "note";
  return f.fix ? "fixable" : "manual";
}

function findingRow(f: Finding, lang: Lang, fixed: boolean): ReportFindingRow {
  const status = statusOf(f, fixed);
  // A note asks for nothing: it has no 表中 / 应为.
  const note = status === "note";
  return {
    sheet: f.sheet,
    cell: f.cell,
    link: { sheet: f.sheet, cell: f.cell },
    severity: f.severity,
    severityText: STRINGS[lang].severity[f.severity],
    problem: codeName(f.code, lang),
    explanation: messageOf(f, lang),
    stated: note ? "" : valueText(f, "stated", lang),
    expected: note ? "" : valueText(f, "expected", lang),
    status,
    statusText: WORDS[lang].status[status],
  };
}

const findingKey = (f: Pick<Finding, "sheet" | "code" | "cell">) => `${f.sheet}\u0000${f.code}\u0000${f.cell}`;

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}

/** The report of one check of the workbook. */
export function buildReport({ lang, date, sheets, fixed }: ReportInput): ReportDocument {
  const w = WORDS[lang];
  const results = sheets.flatMap((s) => ("result" in s ? [s.result] : []));
  const tables = results.filter((r) => r.template !== null);

  const current = new Set(results.flatMap((r) => r.findings.map(findingKey)));
  const checkedNames = new Set(results.map((r) => r.sheet));
  // A fix counts while the sheet is still there and the problem has not come back.
  const stillFixed = new Map<string, Finding>();
  for (const f of fixed) if (checkedNames.has(f.sheet) && !current.has(findingKey(f))) stillFixed.set(findingKey(f), f);

  const findingRows: ReportFindingRow[] = [];
  for (const s of sheets) {
    if (!("result" in s)) {
      const words = STRINGS[lang];
      findingRows.push({ sheet: s.sheet, cell: "", severityText: "", problem: words.sheetUnreadable, explanation: s.failure, stated: "", expected: "", statusText: "" });
      continue;
    }
    const rows = [
      ...s.result.findings.map((f) => ({ f, fixed: false })),
      ...[...stillFixed.values()].filter((f) => f.sheet === s.sheet).map((f) => ({ f, fixed: true })),
    ].sort((a, b) => a.f.at.row - b.f.at.row || a.f.at.col - b.f.at.col);
    for (const { f, fixed: wasFixed } of rows) findingRows.push(findingRow(f, lang, wasFixed));
  }
  if (findingRows.length === 0) findingRows.push({ sheet: "", cell: "", severityText: "", problem: STRINGS[lang].reportEmpty, explanation: "", stated: "", expected: "", statusText: "" });

  const evaluations = tables.flatMap((r) => r.evaluations);
  const units = distinct(evaluations.map((e) => e.organisation));
  const projects = distinct(evaluations.map((e) => e.project));
  const listedProjects =
    projects.length > LISTED_PROJECTS ? `${projects.slice(0, LISTED_PROJECTS).join(w.listSeparator)} ${fill(w.moreProjects, projects.length - LISTED_PROJECTS)}` : projects.join(w.listSeparator);

  const count = (r: SheetResult, s: Severity) => r.findings.some((f) => f.severity === s);
  const withErrors = results.filter((r) => count(r, "error")).length;
  const warningsOnly = results.filter((r) => !count(r, "error") && count(r, "warning")).length;
  const clean = tables.filter((r) => !count(r, "error") && !count(r, "warning")).length;
  const notTables = results.filter((r) => r.template === null && !count(r, "error") && !count(r, "warning")).length;
  const unreadable = sheets.length - results.length;
  const clauses = [
    [w.withErrors, withErrors],
    [w.warningsOnly, warningsOnly],
    [w.clean, clean],
    [w.notTables, notTables],
    [w.unreadable, unreadable],
  ]
    .filter(([, n]) => (n as number) > 0)
    .map(([t, n]) => fill(t as string, n as number));
  const overall = `${fill(w.sheetsChecked, sheets.length)}${clauses.length ? `${lang === "zh" ? "：" : ": "}${clauses.join(w.clauseSeparator)}` : ""}${
    stillFixed.size ? `${w.listSeparator}${fill(w.fixedCount, stillFixed.size)}` : ""
  }`;

  const profiles = distinct(tables.map((r) => r.profile)) as ProfileId[];
  const facts: ReportFact[] = [
    { label: w.unit, value: units.length ? units.join(w.listSeparator) : w.unstated },
    { label: w.project, value: projects.length ? listedProjects : w.unstated },
    { label: w.date, value: { serial: excelDate(date), format: w.dateFormat } },
    ...profiles.map((id) => ({ label: w.profile, value: `${PROFILES[id].name[lang]}${lang === "zh" ? "：" : ": "}${bandsText(PROFILES[id], lang)}\n${w.source}${PROFILES[id].source[lang]}` })),
    { label: w.overall, value: overall },
  ];

  return {
    sheetName: STRINGS[lang].reportSheet,
    heading: w.heading,
    facts,
    evaluations: { title: w.evaluationsTitle, header: w.evaluationsHeader, rows: tables.flatMap((r) => evaluationRows(r, lang)) },
    findings: { title: w.findingsTitle, header: w.findingsHeader, rows: findingRows },
  };
}
