import { Button, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  BookSearchRegular,
  CalculatorRegular,
  DocumentBulletListRegular,
  EraserRegular,
  TableSearchRegular,
  WrenchRegular,
} from "@fluentui/react-icons";
import type { Session, SessionState } from "../addin/session";
import type { Lang, Strings } from "../addin/i18n";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingVerticalS },
  primary: { gridColumn: "1 / -1" },
  button: { justifyContent: "flex-start", textAlign: "start" },
});

/**
 * The commands. Busy or unavailable buttons stay focusable (aria-disabled): a button that
 * becomes disabled under the keyboard focus would drop the focus to the page.
 */
export function Actions({ session, state, strings, lang }: { session: Session; state: SessionState; strings: Strings; lang: Lang }) {
  const styles = useStyles();
  const busy = !!state.busy;
  // Unavailable until a check has found something a fix can write.
  const nothingToFix = !state.result?.findings.some((f) => f.fix);
  const noLiveTotals = !state.result?.liveTotals.length;
  return (
    <div role="group" aria-label={strings.actions} className={styles.root}>
      <Button appearance="primary" className={styles.primary} icon={<TableSearchRegular />} disabledFocusable={busy} onClick={() => void session.checkActiveSheet()}>
        {strings.checkSheet}
      </Button>
      <Button className={styles.button} icon={<BookSearchRegular />} disabledFocusable={busy} onClick={() => void session.checkWorkbook()}>
        {strings.checkWorkbook}
      </Button>
      <Button className={styles.button} icon={<WrenchRegular />} disabledFocusable={busy || nothingToFix} onClick={() => void session.fixAll()}>
        {strings.fixAll}
      </Button>
      <Button className={styles.button} icon={<CalculatorRegular />} disabledFocusable={busy || noLiveTotals} onClick={() => void session.insertTotalsAndGrade()}>
        {strings.insertTotals}
      </Button>
      <Button className={styles.button} icon={<ArrowUndoRegular />} disabledFocusable={busy || !state.canUndo} onClick={() => void session.undo()}>
        {strings.undo}
      </Button>
      <Button className={styles.button} icon={<EraserRegular />} disabledFocusable={busy} onClick={() => void session.clearMarks()}>
        {strings.clearMarks}
      </Button>
      <Button className={styles.button} icon={<DocumentBulletListRegular />} disabledFocusable={busy} onClick={() => void session.writeReport(lang)}>
        {strings.report}
      </Button>
    </div>
  );
}
