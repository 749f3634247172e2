/**
 * The playground: the sample workbook in a spreadsheet grid, the real task pane beside it, both on
 * the in-browser Excel of src/fake-excel (formulas evaluated by HyperFormula). Drop an .xlsx on the
 * page (or pick one) to check your own; take the fixed workbook, the report or a marked copy away.
 *
 * The page (its words, the guide) paints from the first bundle; the workbook part (ExcelJS,
 * HyperFormula, the downloads) arrives in a chunk of its own and the sample opens when it has.
 */
import { Button, FluentProvider, makeStyles, Spinner, tokens, webLightTheme } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { Lang, STRINGS } from "../addin/i18n";
import { App } from "../taskpane/App";
import { LoadError } from "./loadError";
import { SheetGrid } from "./SheetGrid";
import type { Loaded } from "./workbench";

/** The lazily loaded part (workbench.ts). */
export type Workbench = typeof import("./workbench");

export const WORDS = {
  zh: {
    title: "自评表核对 · 体验页",
    intro: "不装 Excel 也能试用：左边是工作簿，右边是加载项的核对面板。",
    guideTitle: "四步上手",
    guide: [
      ["打开工作簿", "左边已打开示例工作簿；点“打开 .xlsx…”或把自己的 .xlsx 拖到页面上。"],
      ["检查本表", "在右边的面板中点“检查本表”：有问题的单元格标红（错误）或标黄（警告）。"],
      ["阅读问题", "每条问题说明哪里不对、应为多少和算式；点一条即可选中它的单元格。"],
      ["修复并下载", "点“修复”或“全部修复”写入正确的公式，再下载修复后的工作簿、核对报告或标记副本。"],
    ] as [string, string][],
    open: "打开 .xlsx…",
    sheets: "工作表",
    rowHeader: "行号",
    drop: "松开鼠标即可载入工作簿",
    loading: "正在载入工作簿…",
    preparing: "正在载入示例工作簿和核对面板…",
    downloads: "下载",
    fixed: "修复后的工作簿",
    report: "核对报告",
    marked: "标记副本（WPS / Excel 2016）",
    fixedTitle: "原文件，只写入面板修复过的单元格",
    reportTitle: "面板“生成核对报告”写出的核对报告，单独成一个工作簿",
    markedTitle: "原文件，有问题的单元格标红或标黄并加批注，另加“核对报告”工作表；供不能使用加载项的 WPS 和 Excel 2016/2019 用户",
    nothingFixed: "还没有修复任何单元格：先在面板中点“修复”或“全部修复”。",
    noReport: "还没有核对报告：先在面板中点“生成核对报告”。",
    downloaded: (name: string) => `已下载“${name}”。`,
    downloadFailed: "无法生成下载文件。",
    names: { fixed: "（已修复）", report: "（核对报告）", marked: "（标记）" },
    failed: {
      "not-xlsx": "这不是 Excel 工作簿（.xlsx）。",
      encrypted: "这个工作簿设置了打开密码，或是旧版 .xls：请在 Excel 中取消密码或另存为 .xlsx。",
      corrupt: "这个 .xlsx 文件已损坏，无法读取。",
      "no-sheets": "这个工作簿里没有工作表。",
      other: "无法读取这个文件。",
    },
  },
  en: {
    title: "SelfEval Check · Playground",
    intro: "Try it without Excel: the workbook on the left, the add-in's pane on the right.",
    guideTitle: "Four steps",
    guide: [
      ["Open a workbook", "The sample is open on the left; click “Open .xlsx…” or drop your own .xlsx on the page."],
      ["Check this sheet", "Click “Check this sheet” in the pane: cells with problems turn red (errors) or amber (warnings)."],
      ["Read the findings", "Each finding says what is wrong, what the value should be and the arithmetic; click one to select its cell."],
      ["Fix and download", "Click “Fix” or “Fix all” to write the correct formulas, then download the fixed workbook, the report or a marked copy."],
    ] as [string, string][],
    open: "Open .xlsx…",
    sheets: "Sheets",
    rowHeader: "Row",
    drop: "Drop to load the workbook",
    loading: "Loading the workbook…",
    preparing: "Loading the sample workbook and the pane…",
    downloads: "Download",
    fixed: "Fixed workbook",
    report: "Check report",
    marked: "Marked copy (WPS / Excel 2016)",
    fixedTitle: "Your file, with only the cells the pane fixed written into it",
    reportTitle: "The report the pane's “Create check report” wrote, in a workbook of its own",
    markedTitle: "Your file with problem cells red or amber and a comment on each, plus a report sheet: for WPS and Excel 2016/2019, which cannot run the add-in",
    nothingFixed: "Nothing has been fixed yet: click “Fix” or “Fix all” in the pane first.",
    noReport: "There is no report yet: click “Create check report” in the pane first.",
    downloaded: (name: string) => `Downloaded “${name}”.`,
    downloadFailed: "The download could not be made.",
    names: { fixed: " (fixed)", report: " (report)", marked: " (marked)" },
    failed: {
      "not-xlsx": "This is not an Excel workbook (.xlsx).",
      encrypted: "This workbook has an open password, or is an old .xls: remove the password or save it as .xlsx in Excel.",
      corrupt: "This .xlsx file is damaged and cannot be read.",
      "no-sheets": "This workbook has no worksheets.",
      other: "This file could not be read.",
    },
  },
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", background: tokens.colorNeutralBackground2 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalL, rowGap: "4px", padding: "8px 16px", background: "#107C41", color: "#FFFFFF" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  intro: { margin: 0, fontSize: tokens.fontSizeBase300, flex: "1 1 320px" },
  guide: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))",
    gap: "4px 16px",
    margin: 0,
    padding: "8px 16px",
    listStyle: "none",
    counterReset: "step",
    background: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  guideTitle: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
  step: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "8px" },
  stepNumber: {
    gridRow: "1 / span 2",
    width: "22px",
    height: "22px",
    borderRadius: "50%",
    background: "#107C41",
    color: "#FFFFFF",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontWeight: tokens.fontWeightSemibold,
  },
  stepName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  stepText: { color: tokens.colorNeutralForeground2 },
  downloads: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 8px", padding: "6px 16px", background: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  downloadsLabel: { fontWeight: tokens.fontWeightSemibold, marginRight: "4px" },
  downloadNote: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  body: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 440px", flex: "1 1 auto", minHeight: 0 },
  sheet: { display: "flex", flexDirection: "column", padding: "8px 12px", minWidth: 0, minHeight: 0, overflow: "hidden" },
  pane: { borderLeft: `1px solid ${tokens.colorNeutralStroke1}`, overflowY: "auto", background: tokens.colorNeutralBackground1 },
  waiting: { padding: "24px" },
  dropping: { outline: "4px dashed #107C41", outlineOffset: "-8px" },
  error: { color: "#FFFFFF", background: "#A4262C", padding: "2px 8px", borderRadius: "4px" },
});

type DownloadKind = "fixed" | "report" | "marked";

/** "自评表示例.xlsx" → "自评表示例（已修复）.xlsx" (the report is always .xlsx; the fixed copy keeps the file's type). */
export function downloadName(fileName: string, kind: DownloadKind, lang: Lang): string {
  const dot = fileName.lastIndexOf(".");
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = kind === "report" || dot <= 0 ? ".xlsx" : fileName.slice(dot);
  return `${base}${WORDS[lang].names[kind]}${ext}`;
}

function save(bytes: Uint8Array, name: string) {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface PlaygroundProps {
  lang: Lang;
  /** The workbook part, on its way. */
  workbench: Promise<Workbench>;
  /** The sample's bytes, on their way. */
  sample: Promise<{ data: ArrayBuffer; fileName: string }>;
  syncDelayMs?: number;
  /** Each workbook opened (the browser tests look at it). */
  onLoaded?: (loaded: Loaded) => void;
}

export function Playground({ lang, workbench, sample, syncDelayMs = 0, onLoaded }: PlaygroundProps) {
  const styles = useStyles();
  const words = WORDS[lang];
  const [bench, setBench] = useState<Workbench>();
  const [loaded, setLoaded] = useState<Loaded>();
  // A new workbook starts a new grid and a new pane (their state belongs to the old one).
  const [generation, setGeneration] = useState(0);
  const [dropping, setDropping] = useState(false);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState<string>();
  const [reportSheet, setReportSheet] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const displayLanguage = lang === "en" ? "en-US" : "zh-CN";

  const show = (next: Loaded) => {
    setLoaded(next);
    setGeneration((g) => g + 1);
    setReportSheet(undefined);
    setStatus(undefined);
    onLoaded?.(next);
  };

  const failed = (e: unknown) => setError(e instanceof LoadError ? words.failed[e.kind] : words.failed.other);

  useEffect(() => {
    let live = true;
    Promise.all([workbench, sample])
      .then(async ([w, s]) => {
        const first = await w.open(s.data, s.fileName, { displayLanguage, syncDelayMs });
        if (!live) return;
        setBench(w);
        show(first);
      })
      .catch((e: unknown) => live && failed(e));
    return () => {
      live = false;
    };
    // The sample opens once, when the page starts.
  }, []);

  // The report sheet the pane writes is the one the report download takes.
  useEffect(() => {
    if (!loaded) return;
    return loaded.session.subscribe((state) => {
      if (state.notice?.kind === "report") setReportSheet(state.notice.sheet);
    });
  }, [loaded]);

  const load = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setLoading(true);
    // Let the page say so before a large workbook takes the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const w = bench ?? (await workbench);
      show(await w.open(await file.arrayBuffer(), file.name, { displayLanguage, syncDelayMs }));
    } catch (e) {
      failed(e);
    } finally {
      setLoading(false);
    }
  };

  const download = async (kind: DownloadKind) => {
    if (!bench || !loaded) return;
    setError(undefined);
    const { model, original, session } = loaded;
    const profile = session.getState().profile ?? undefined;
    try {
      let bytes: Uint8Array | undefined;
      if (kind === "fixed") {
        bytes = (await bench.fixedWorkbook(model, original, profile))?.bytes;
        if (!bytes) return setStatus(words.nothingFixed);
      } else if (kind === "report") {
        if (!reportSheet || !model.sheet(reportSheet)) return setStatus(words.noReport);
        bytes = await bench.reportWorkbook(model, reportSheet);
      } else bytes = (await bench.markedWorkbook(original, profile)).bytes;
      const name = downloadName(original.fileName, kind, lang);
      save(bytes, name);
      setStatus(words.downloaded(name));
    } catch {
      setError(words.downloadFailed);
    }
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <div
        className={`${styles.page} ${dropping ? styles.dropping : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDropping(false);
          void load(e.dataTransfer.files[0]);
        }}
      >
        <header className={styles.header}>
          <h1 className={styles.title}>{words.title}</h1>
          <p className={styles.intro} aria-live="polite">
            {loading ? words.loading : dropping ? words.drop : words.intro}
          </p>
          {error && (
            <span role="alert" className={styles.error}>
              {error}
            </span>
          )}
          <input ref={input} type="file" accept=".xlsx,.xlsm" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void load(e.target.files?.[0])} data-testid="file-input" />
          <Button appearance="secondary" icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
            {words.open}
          </Button>
        </header>
        <section aria-labelledby="guide-title" data-testid="guide">
          <h2 id="guide-title" className={styles.guideTitle}>
            {words.guideTitle}
          </h2>
          <ol className={styles.guide}>
            {words.guide.map(([name, text], i) => (
              <li key={name} className={styles.step}>
                <span className={styles.stepNumber} aria-hidden="true">
                  {i + 1}
                </span>
                <span className={styles.stepName}>{name}</span>
                <span className={styles.stepText}>{text}</span>
              </li>
            ))}
          </ol>
        </section>
        <div className={styles.downloads} role="group" aria-label={words.downloads} data-testid="downloads">
          <span className={styles.downloadsLabel} aria-hidden="true">
            {words.downloads}
          </span>
          {(["fixed", "report", "marked"] as const).map((kind) => (
            <Button key={kind} size="small" icon={<ArrowDownloadRegular />} disabled={!loaded} title={words[`${kind}Title`]} onClick={() => void download(kind)} data-download={kind}>
              {words[kind]}
            </Button>
          ))}
          <span className={styles.downloadNote} role="status" data-testid="download-status">
            {status}
          </span>
        </div>
        <div className={styles.body}>
          <section className={styles.sheet} aria-label={words.sheets}>
            {loaded ? (
              <SheetGrid key={generation} model={loaded.model} label={words.sheets} rowHeader={words.rowHeader} />
            ) : (
              <div className={styles.waiting}>{!error && <Spinner size="small" labelPosition="after" label={words.preparing} data-testid="preparing" />}</div>
            )}
          </section>
          <aside className={styles.pane} aria-label={STRINGS[lang].appName}>
            {loaded && <App key={generation} session={loaded.session} lang={lang} />}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
