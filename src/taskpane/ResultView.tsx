import { useEffect, useRef } from "react";
import { Body1, Caption1, makeStyles, tokens, useId } from "@fluentui/react-components";
import { CheckmarkCircleRegular, TableDismissRegular } from "@fluentui/react-icons";
import type { Session } from "../addin/session";
import { format, Lang, Strings } from "../addin/i18n";
import { Finding, FindingSection, PROFILES, Severity, SheetResult, TEMPLATE_NAMES } from "../engine";
import { EmptyState } from "./EmptyState";
import { FindingItem } from "./FindingItem";
import { SeverityIcon } from "./SeverityIcon";
import { countsOf, countsText } from "./words";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Sections in the order they appear in a table; a Record so that a new section cannot be forgotten. */
const SECTION_RANK: Record<FindingSection, number> = { budget: 0, indicators: 1, weights: 2, totals: 3, statements: 4 };
const SECTIONS = (Object.keys(SECTION_RANK) as FindingSection[]).sort((a, b) => SECTION_RANK[a] - SECTION_RANK[b]);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  meta: { display: "flex", flexDirection: "column", color: tokens.colorNeutralForeground3 },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groupHeading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  sectionHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
});

/** The last check of one sheet: not a table, no findings, or the findings by severity and section. */
export function ResultView({ session, result, busy, strings, lang }: { session: Session; result: SheetResult; busy: boolean; strings: Strings; lang: Lang }) {
  const styles = useStyles();
  const headingId = useId("result-heading");
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A finding fixed from its own button leaves the list, and the focus with it: put the focus on the results.
  const focusAfterFix = useRef(false);
  useEffect(() => {
    if (busy || !focusAfterFix.current) return;
    focusAfterFix.current = false;
    if (!document.activeElement || document.activeElement === document.body) headingRef.current?.focus();
  }, [busy, result]);
  const fix = (f: Finding) => {
    focusAfterFix.current = true;
    void session.fixOne(f);
  };
  const select = (f: Finding) => void session.select(f);
  const marked = result.findings.some((f) => f.severity !== "info");
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div>
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
          {format(strings.resultsFor, { sheet: result.sheet })}
        </h2>
        {result.template !== null && (
          <Caption1 className={styles.meta}>
            <span>{format(strings.labelled, { label: strings.template, value: TEMPLATE_NAMES[result.template][lang] })}</span>
            <span>{format(strings.labelled, { label: strings.profile, value: PROFILES[result.profile].name[lang] })}</span>
          </Caption1>
        )}
      </div>
      {result.template === null ? (
        <EmptyState icon={<TableDismissRegular />} text={strings.notTemplate} tone="warning" />
      ) : result.findings.length === 0 ? (
        <EmptyState icon={<CheckmarkCircleRegular />} text={strings.noFindings} tone="success" />
      ) : (
        <>
          <Body1 as="p" className={styles.summary}>
            {countsText(countsOf(result.findings), strings)}
          </Body1>
          {marked && !session.port.capabilities().notes && <Caption1>{strings.notesUnavailable}</Caption1>}
          {SEVERITIES.map((severity) => {
            const findings = result.findings.filter((f) => f.severity === severity);
            if (findings.length === 0) return null;
            return (
              <div key={severity} className={styles.group}>
                <h3 className={styles.groupHeading}>
                  <SeverityIcon severity={severity} />
                  {format(strings.groupCount, { label: strings.severity[severity], count: findings.length })}
                </h3>
                {SECTIONS.map((section) => {
                  const inSection = findings.filter((f) => f.section === section);
                  if (inSection.length === 0) return null;
                  return (
                    <div key={section} className={styles.group}>
                      <h4 className={styles.sectionHeading}>{strings.sections[section]}</h4>
                      <ul className={styles.list}>
                        {inSection.map((f) => (
                          <FindingItem key={`${f.cell}|${f.code}|${f.message}`} finding={f} strings={strings} lang={lang} busy={busy} onSelect={select} onFix={fix} />
                        ))}
                      </ul>
                    </div>
                  );
                })}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
