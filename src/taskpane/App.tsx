import { useEffect, useState } from "react";
import { Button, FluentProvider, makeStyles, Theme, tokens, webLightTheme } from "@fluentui/react-components";
import { DocumentSearchRegular, LocalLanguageRegular } from "@fluentui/react-icons";
import type { Session } from "../addin/session";
import { Lang, STRINGS } from "../addin/i18n";
import { Actions } from "./Actions";
import { EmptyState } from "./EmptyState";
import { storedLang, storeLang } from "./language";
import { ProfilePicker } from "./ProfilePicker";
import { ResultView } from "./ResultView";
import { StatusArea } from "./StatusArea";
import { useSessionState } from "./useSessionState";
import { WorkbookSummaryList } from "./WorkbookSummaryList";

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    minWidth: 0,
    boxSizing: "border-box",
  },
  // At 150 % zoom the switch goes below the title rather than past the pane's edge.
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  language: { flexShrink: 0, whiteSpace: "nowrap", minWidth: 0 },
});

export interface AppProps {
  session: Session;
  /** Office's display language; the user's choice in the pane (kept in the browser) wins over it. */
  lang: Lang;
  theme?: Theme;
}

/** The task pane: commands, status, the current sheet's findings, the workbook summary, the scoring rules. */
export function App({ session, lang: displayLang, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const state = useSessionState(session);
  const [lang, setLang] = useState<Lang>(() => storedLang() ?? displayLang);
  // Pop-ups open inside the pane's main landmark (and its FluentProvider), not at the end of the body.
  const [main, setMain] = useState<HTMLElement | null>(null);
  const strings = STRINGS[lang];
  const busy = !!state.busy;
  // Cell notes are written in the pane's language.
  useEffect(() => void session.setLanguage(lang), [session, lang]);
  const switchLanguage = () => {
    storeLang(strings.otherLang);
    setLang(strings.otherLang);
  };
  return (
    <FluentProvider theme={theme} lang={lang === "zh" ? "zh-CN" : "en"} className={styles.provider}>
      <main className={styles.pane} ref={setMain}>
        <header className={styles.header}>
          <h1 className={styles.title}>{strings.appName}</h1>
          <Button
            className={styles.language}
            size="small"
            appearance="subtle"
            icon={<LocalLanguageRegular />}
            lang={strings.otherLang === "zh" ? "zh-CN" : "en"}
            aria-label={strings.switchLanguage}
            onClick={switchLanguage}
            data-testid="language-switch"
          >
            {strings.otherLanguage}
          </Button>
        </header>
        <Actions session={session} state={state} strings={strings} lang={lang} menuMount={main ?? undefined} />
        <StatusArea session={session} state={state} strings={strings} />
        {/* The current sheet first, then the workbook's list, then the rules they were judged by. */}
        {state.result ? (
          <ResultView session={session} result={state.result} busy={busy} strings={strings} lang={lang} />
        ) : (
          !busy && !state.workbook && <EmptyState icon={<DocumentSearchRegular />} text={strings.emptyIntro} />
        )}
        {state.workbook && (
          <WorkbookSummaryList session={session} sheets={state.workbook} run={state.workbookRun} current={state.result?.sheet} busy={busy} strings={strings} lang={lang} />
        )}
        <ProfilePicker session={session} state={state} strings={strings} lang={lang} />
      </main>
    </FluentProvider>
  );
}
