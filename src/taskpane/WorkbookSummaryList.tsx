import { Button, Caption1, makeStyles, mergeClasses, shorthands, Text, tokens, useId } from "@fluentui/react-components";
import { OpenRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { Session, WorkbookSummary } from "../addin/session";
import { format, Lang, Strings } from "../addin/i18n";
import { TEMPLATE_NAMES } from "../engine";
import { errorText, gapTexts } from "./words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: {
    listStyleType: "none",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground2 },
  errors: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** 检查整个工作簿: one line per sheet with its template and counts, and 查看 to open its findings. */
export function WorkbookSummaryList({
  session,
  sheets,
  current,
  busy,
  strings,
  lang,
}: {
  session: Session;
  sheets: WorkbookSummary[];
  current?: string;
  busy: boolean;
  strings: Strings;
  lang: Lang;
}) {
  const styles = useStyles();
  const headingId = useId("workbook-heading");
  // A new summary is what the user asked for: bring it into view and put the focus on it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: "start" });
  }, [sheets]);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {strings.workbookSummary}
      </h2>
      <ul className={styles.list}>
        {sheets.map((s) => (
          <li key={s.sheet} className={mergeClasses(styles.item, s.sheet === current && styles.current)} aria-current={s.sheet === current ? "true" : undefined}>
            <span className={styles.text}>
              <Text weight="semibold">{s.sheet}</Text>
              {!s.failure && <Caption1 className={styles.detail}>{s.template ? TEMPLATE_NAMES[s.template][lang] : strings.notATable}</Caption1>}
              {s.template && <Caption1 className={s.errors > 0 ? styles.errors : styles.detail}>{format(strings.summary, { errors: s.errors, warnings: s.warnings, infos: s.infos })}</Caption1>}
              {/* A sheet that could not be read (or marked) says why; the others were checked. */}
              {s.failure && <Caption1 className={styles.errors}>{errorText(s.failure, strings, s.sheet)}</Caption1>}
              {gapTexts(s.gaps, s.sheet, strings).map(({ gap, text }) => (
                <Caption1 key={gap} className={styles.detail}>
                  {text}
                </Caption1>
              ))}
            </span>
            <Button
              size="small"
              icon={<OpenRegular />}
              aria-label={format(strings.openSheetNamed, { sheet: s.sheet })}
              disabledFocusable={busy}
              onClick={() => void session.openSheet(s.sheet)}
            >
              {strings.openSheet}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
