import { FluentProvider, makeStyles, Theme, tokens, webLightTheme } from "@fluentui/react-components";
import { DocumentSearchRegular } from "@fluentui/react-icons";
import type { Session } from "../addin/session";
import { Lang, STRINGS } from "../addin/i18n";
import { Actions } from "./Actions";
import { EmptyState } from "./EmptyState";
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
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface AppProps {
  session: Session;
  lang: Lang;
  theme?: Theme;
}

/** The task pane: commands, status, the findings of the last check, the workbook summary, the scoring rules. */
export function App({ session, lang, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const state = useSessionState(session);
  const strings = STRINGS[lang];
  const busy = !!state.busy;
  return (
    <FluentProvider theme={theme} lang={lang === "zh" ? "zh-CN" : "en"} className={styles.provider}>
      <main className={styles.pane}>
        <header>
          <h1 className={styles.title}>{strings.appName}</h1>
        </header>
        <Actions session={session} state={state} strings={strings} lang={lang} />
        <StatusArea session={session} state={state} strings={strings} />
        {/* The workbook summary comes first: one line per sheet, above one sheet's long list. */}
        {state.workbook && (
          <WorkbookSummaryList session={session} sheets={state.workbook} current={state.result?.sheet} busy={busy} strings={strings} lang={lang} />
        )}
        {state.result ? (
          <ResultView session={session} result={state.result} busy={busy} strings={strings} lang={lang} />
        ) : (
          !busy && !state.workbook && <EmptyState icon={<DocumentSearchRegular />} text={strings.emptyIntro} />
        )}
        <ProfilePicker session={session} state={state} strings={strings} lang={lang} />
      </main>
    </FluentProvider>
  );
}
