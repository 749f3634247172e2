import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowUndoRegular, DismissRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { Session, SessionState } from "../addin/session";
import type { Strings } from "../addin/i18n";
import { announcement, busyText, errorText, gapTexts, noticeIntent, noticeText } from "./words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** What is happening now (spinner or progress), what went wrong, what was done; all announced politely. */
export function StatusArea({ session, state, strings }: { session: Session; state: SessionState; strings: Strings }) {
  const styles = useStyles();
  const { busy, error, notice } = state;
  // The bar goes away with the button that closed it: the focus moves to the pane's main heading
  // (the results, else the workbook summary), not to the page.
  const rootRef = useRef<HTMLDivElement>(null);
  const dismiss = () => {
    session.dismiss();
    const next = rootRef.current?.parentElement?.querySelector<HTMLElement>("h2[tabindex='-1']");
    (next ?? rootRef.current?.parentElement?.querySelector<HTMLElement>("button"))?.focus();
  };
  return (
    <div className={styles.root} ref={rootRef}>
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {announcement(state, strings)}
      </div>
      {busy &&
        (busy.task === "check-workbook" ? (
          <Field label={busyText(busy, strings)}>
            {/* Indeterminate until the sheets are counted. */}
            <ProgressBar value={busy.total ? busy.done : undefined} max={busy.total || undefined} />
          </Field>
        ) : (
          <Spinner size="small" labelPosition="after" label={busyText(busy, strings)} />
        ))}
      {error && (
        <StatusBar intent="error" text={errorText(error, strings, state.result?.sheet)} dismiss={strings.dismiss} onDismiss={dismiss} />
      )}
      {gapTexts(state.readGaps, state.result?.sheet, strings).map(({ gap, text }) => (
        <MessageBar key={gap} intent={gap === "merges" ? "warning" : "info"} layout="multiline">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      ))}
      {notice && (
        <StatusBar
          intent={noticeIntent(notice)}
          text={noticeText(notice, strings)}
          dismiss={strings.dismiss}
          onDismiss={dismiss}
          // Undo is right where the fix is reported (in a narrow pane 撤销上次修复 is in the ⋯ menu).
          action={notice.kind === "fixed" && state.canUndo ? { label: strings.undoThisFix, run: () => void session.undo() } : undefined}
        />
      )}
    </div>
  );
}

function StatusBar({
  intent,
  text,
  dismiss,
  onDismiss,
  action,
}: {
  intent: "error" | "success" | "info" | "warning";
  text: string;
  dismiss: string;
  onDismiss: () => void;
  action?: { label: string; run: () => void };
}) {
  const bodyId = useId("status-body");
  return (
    // The bar has no title, so its body names it (the default label points at a title).
    <MessageBar intent={intent} layout="multiline" aria-labelledby={bodyId}>
      <MessageBarBody id={bodyId}>{text}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={dismiss} onClick={onDismiss} />}>
        {action && (
          <Button size="small" icon={<ArrowUndoRegular />} onClick={action.run} style={{ whiteSpace: "nowrap" }}>
            {action.label}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
