/**
 * The playground: the sample workbook in a spreadsheet grid, the real task pane beside it, both on
 * the in-memory Excel of src/fake-excel (formulas evaluated by HyperFormula). Drop an .xlsx on the
 * page (or pick one) to check your own.
 */
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { Lang, STRINGS } from "../addin/i18n";
import type { Session } from "../addin/session";
import type { WorkbookModel } from "../fake-excel";
import { App } from "../taskpane/App";
import { LoadError } from "./loadWorkbook";
import { SheetGrid } from "./SheetGrid";

const WORDS = {
  zh: {
    title: "自评表核对 · 体验页",
    intro: "左边是示例工作簿（也可以把自己的 .xlsx 拖到页面上），右边是加载项的核对面板：点击“检查本表”试试。",
    open: "打开 .xlsx…",
    sheets: "工作表",
    rowHeader: "行号",
    drop: "松开鼠标即可载入工作簿",
    loading: "正在载入工作簿…",
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
    intro: "On the left, the sample workbook (or drop your own .xlsx on the page); on the right, the add-in's pane: try “Check this sheet”.",
    open: "Open .xlsx…",
    sheets: "Sheets",
    rowHeader: "Row",
    drop: "Drop to load the workbook",
    loading: "Loading the workbook…",
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
  page: { display: "grid", gridTemplateRows: "auto 1fr", height: "100vh", background: tokens.colorNeutralBackground2 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL, padding: "8px 16px", background: "#107C41", color: "#FFFFFF" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, fontSize: tokens.fontSizeBase300, flex: "1 1 320px" },
  body: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 440px", minHeight: 0 },
  sheet: { padding: "8px 12px", minWidth: 0, overflow: "hidden" },
  pane: { borderLeft: `1px solid ${tokens.colorNeutralStroke1}`, overflowY: "auto", background: tokens.colorNeutralBackground1 },
  dropping: { outline: "4px dashed #107C41", outlineOffset: "-8px" },
  error: { color: "#FFFFFF", background: "#A4262C", padding: "2px 8px", borderRadius: "4px" },
});

export interface Loaded {
  model: WorkbookModel;
  session: Session;
}

export function Playground({ initial, lang, open }: { initial: Loaded; lang: Lang; open: (file: File) => Promise<Loaded> }) {
  const styles = useStyles();
  const words = WORDS[lang];
  const [loaded, setLoaded] = useState(initial);
  // A new workbook starts a new grid and a new pane (their state belongs to the old one).
  const [generation, setGeneration] = useState(0);
  const [dropping, setDropping] = useState(false);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const load = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setLoading(true);
    // Let the page say so before a large workbook takes the thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      setLoaded(await open(file));
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(e instanceof LoadError ? words.failed[e.kind] : words.failed.other);
    } finally {
      setLoading(false);
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
          <input ref={input} type="file" accept=".xlsx" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void load(e.target.files?.[0])} data-testid="file-input" />
          <Button appearance="secondary" onClick={() => input.current?.click()}>
            {words.open}
          </Button>
        </header>
        <div className={styles.body}>
          <section className={styles.sheet} aria-label={words.sheets}>
            <SheetGrid key={generation} model={loaded.model} label={words.sheets} rowHeader={words.rowHeader} />
          </section>
          <aside className={styles.pane} aria-label={STRINGS[lang].appName}>
            <App key={generation} session={loaded.session} lang={lang} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
