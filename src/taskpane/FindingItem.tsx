import type { KeyboardEvent } from "react";
import { Button, Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, Text, tokens, useId } from "@fluentui/react-components";
import { WrenchRegular } from "@fluentui/react-icons";
import { format, Lang, Strings } from "../addin/i18n";
import type { Finding, FindingCode } from "../engine";

/** Codes whose stated/expected are fractions (rates, achievement ratios), shown as percentages. */
const RATIO_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(["EXEC_RATE_MISMATCH", "TARGET_EXCEEDED"]);

function shown(value: number | string, code: FindingCode): string {
  if (typeof value === "string") return value;
  return RATIO_CODES.has(code) ? `${(value * 100).toFixed(2)}%` : String(value);
}

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  warning: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  head: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  message: { margin: 0 },
  values: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  fix: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  fixButton: { flexShrink: 0 },
  fixText: { display: "flex", flexDirection: "column", minWidth: 0, color: tokens.colorNeutralForeground2 },
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

/**
 * One finding. The row (what, where, the arithmetic) selects the cell; the 修复 button sits beside
 * it, not inside, so that fixing never also selects and no control is nested in another.
 */
export function FindingItem({
  finding,
  strings,
  lang,
  busy,
  onSelect,
  onFix,
}: {
  finding: Finding;
  strings: Strings;
  lang: Lang;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onFix: (f: Finding) => void;
}) {
  const styles = useStyles();
  const fixDescriptionId = useId("fix-description");
  const { fix } = finding;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault(); // Space would scroll the pane.
    onSelect(finding);
  };
  // Messages and fix descriptions come from the engine in zh-CN whatever the display language.
  const zhText = lang === "zh" ? undefined : "zh-CN";
  return (
    <li className={mergeClasses(styles.item, styles[finding.severity])} data-code={finding.code} data-cell={finding.cell} data-severity={finding.severity}>
      <div role="button" tabIndex={0} className={styles.row} onClick={() => onSelect(finding)} onKeyDown={onKeyDown}>
        <span className={styles.head}>
          <Text weight="semibold">{strings.codes[finding.code]}</Text>
          <span className={styles.cell}>{finding.cell}</span>
        </span>
        <Text as="p" className={styles.message} lang={zhText}>
          {finding.message}
        </Text>
        {(finding.stated !== null || finding.expected !== null) && (
          <Caption1 className={styles.values}>
            {finding.stated !== null && <span>{format(strings.labelled, { label: strings.stated, value: shown(finding.stated, finding.code) })}</span>}
            {finding.expected !== null && <span>{format(strings.labelled, { label: strings.expected, value: shown(finding.expected, finding.code) })}</span>}
          </Caption1>
        )}
      </div>
      <div className={styles.fix}>
        {fix ? (
          <>
            <Button
              className={styles.fixButton}
              size="small"
              icon={<WrenchRegular />}
              aria-label={format(strings.fixCell, { cell: finding.cell })}
              aria-describedby={fixDescriptionId}
              disabledFocusable={busy}
              onClick={() => onFix(finding)}
            >
              {strings.fix}
            </Button>
            <span id={fixDescriptionId} className={styles.fixText}>
              <Caption1 lang={zhText}>{fix.description}</Caption1>
              <Caption1>
                {strings.fixHint} <code className={styles.formula}>{fix.formula ?? String(fix.value ?? "")}</code>
              </Caption1>
            </span>
          </>
        ) : (
          <Caption1 className={styles.fixText}>{strings.noFix}</Caption1>
        )}
      </div>
    </li>
  );
}
