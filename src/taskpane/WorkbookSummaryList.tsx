import { Body1, Button, Caption1, makeStyles, mergeClasses, shorthands, Text, tokens, useId } from "@fluentui/react-components";
import { CheckmarkCircleRegular, DismissCircleRegular, OpenRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import type { Session, WorkbookSummary } from "../addin/session";
import { format, Lang, Strings } from "../addin/i18n";
import { TEMPLATE_NAMES } from "../engine";
import { SeverityIcon } from "./SeverityIcon";
import { Comparison, countsText, errorText, evaluationLines, gapTexts, overallText } from "./words";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  overall: { margin: 0 },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  top: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  open: { flexShrink: 0, whiteSpace: "nowrap" },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground2 },
  line: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  errors: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  verdict: { whiteSpace: "nowrap", display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, verticalAlign: "bottom" },
  agrees: { color: tokens.colorStatusSuccessForeground1, display: "inline-flex", flexShrink: 0 },
  differs: { color: tokens.colorStatusDangerForeground1, display: "inline-flex", flexShrink: 0 },
  evaluation: { display: "flex", flexDirection: "column", paddingTop: tokens.spacingVerticalXXS },
});

/** 总分：表中 100，应为 95 ✗ 不符 — the verdict as an icon and a word, never as a colour alone. */
function ComparisonLine({ comparison, strings }: { comparison: Comparison; strings: Strings }) {
  const styles = useStyles();
  return (
    <Caption1 className={mergeClasses(styles.line, styles.detail)}>
      <span>
        {comparison.text}
        {comparison.agrees !== undefined && (
          <>
            {" · "}
            {/* The icon stays with its word when the line wraps. */}
            <span className={styles.verdict}>
              {comparison.agrees ? strings.agrees : strings.differs}
              <span className={comparison.agrees ? styles.agrees : styles.differs} aria-hidden="true">
                {comparison.agrees ? <CheckmarkCircleRegular /> : <DismissCircleRegular />}
              </span>
            </span>
          </>
        )}
      </span>
    </Caption1>
  );
}

/** A sheet's counts, with the icon of the worst severity (✓ when nothing was found). */
function CountsLine({ sheet, strings }: { sheet: WorkbookSummary; strings: Strings }) {
  const styles = useStyles();
  const worst = sheet.errors ? "error" : sheet.warnings ? "warning" : sheet.infos ? "info" : undefined;
  return (
    <Caption1 className={mergeClasses(styles.line, sheet.errors > 0 ? styles.errors : styles.detail)}>
      {worst ? (
        <SeverityIcon severity={worst} />
      ) : (
        <span className={styles.agrees} aria-hidden="true">
          <CheckmarkCircleRegular />
        </span>
      )}
      <span>{countsText(sheet, strings)}</span>
    </Caption1>
  );
}

/**
 * 检查整个工作簿: an overall line, then one entry per sheet with its template, counts, and per
 * evaluation the stated and recomputed total and grade; 查看 opens its findings. The entries follow
 * every later check of their sheet (a fix, an undo, a profile switch).
 */
export function WorkbookSummaryList({
  session,
  sheets,
  run,
  current,
  busy,
  strings,
  lang,
}: {
  session: Session;
  sheets: WorkbookSummary[];
  /** The run of 检查整个工作簿 these lines come from: a new run is brought into view, a refresh is not. */
  run: number;
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
  }, [run]);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {strings.workbookSummary}
      </h2>
      <Body1 as="p" className={styles.overall} data-testid="workbook-overall">
        {overallText(sheets, strings)}
      </Body1>
      <ul className={styles.list}>
        {sheets.map((s) => (
          <li key={s.sheet} className={mergeClasses(styles.item, s.sheet === current && styles.current)} aria-current={s.sheet === current ? "true" : undefined} data-sheet={s.sheet}>
            <span className={styles.top}>
              <Text weight="semibold" className={styles.name}>
                {s.sheet}
              </Text>
              <Button
                className={styles.open}
                size="small"
                icon={<OpenRegular />}
                aria-label={format(strings.openSheetNamed, { sheet: s.sheet })}
                disabledFocusable={busy}
                onClick={() => void session.openSheet(s.sheet)}
              >
                {strings.openSheet}
              </Button>
            </span>
            <span className={styles.text}>
              {!s.failure && <Caption1 className={styles.detail}>{s.template ? TEMPLATE_NAMES[s.template][lang] : strings.notATable}</Caption1>}
              {s.template && <CountsLine sheet={s} strings={strings} />}
              {s.evaluations.map((e, i) => {
                const { total, grade } = evaluationLines(e, strings);
                if (!total && !grade) return null;
                return (
                  <span key={i} className={styles.evaluation}>
                    {e.project && <Caption1 className={styles.detail}>{format(strings.evaluationOf, { name: e.project })}</Caption1>}
                    {total && <ComparisonLine comparison={total} strings={strings} />}
                    {grade && <ComparisonLine comparison={grade} strings={strings} />}
                  </span>
                );
              })}
              {/* A sheet that could not be read (or marked) says why; the others were checked. */}
              {s.failure && <Caption1 className={styles.errors}>{errorText(s.failure, strings, s.sheet)}</Caption1>}
              {gapTexts(s.gaps, s.sheet, strings).map(({ gap, text }) => (
                <Caption1 key={gap} className={styles.detail}>
                  {text}
                </Caption1>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
