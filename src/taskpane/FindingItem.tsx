import { useState, type KeyboardEvent } from "react";
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens, useId } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, WrenchRegular } from "@fluentui/react-icons";
import { format, Lang, Strings } from "../addin/i18n";
import { codeName, Finding, Fix, fixDescriptionOf, messageOf, valueText } from "../engine";
import { quoted } from "../engine/format";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
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
    // A ring a keyboard user sees: 2 px, solid, Fluent's focus stroke, drawn inside the card (never clipped by the pane's edge).
    ":focus": { outlineStyle: "none" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `calc(${tokens.strokeWidthThick} * -1)` },
  },
  head: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  name: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  // Words wrap between words; a long Chinese label may break anywhere rather than run past the card.
  message: { margin: 0, overflowWrap: "anywhere" },
  values: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  value: { whiteSpace: "nowrap" },
  fix: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  // The description beside the button while it has room for a dozen characters a line, else below it.
  fixLine: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: "100%" },
  fixButton: { flexShrink: 0, whiteSpace: "nowrap" },
  fixText: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", minWidth: 0 },
  fixDescription: { flex: "1 1 12em" },
  disclosure: { whiteSpace: "nowrap", paddingLeft: 0 },
  formulas: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0, maxWidth: "100%" },
  // A formula has no word boundaries worth keeping: it breaks anywhere rather than widen the pane.
  formula: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all", color: tokens.colorNeutralForeground1 },
});

/** 表中：3,182.68 万元 — the label may go on a line of its own in a narrow card; the figure and its unit never break. */
function Labelled({ label, value, strings, className }: { label: string; value: string; strings: Strings; className: string }) {
  const [before, after] = format(strings.labelled, { label, value: "\u0001" }).split("\u0001");
  return (
    <span>
      {before}
      <span className={className}>{value}</span>
      {after}
    </span>
  );
}

/** What a fix writes, cell by cell (the writes it carries along included). */
function writesOf(fix: Fix): Fix[] {
  return [fix, ...(fix.also ?? []).flatMap(writesOf)];
}

/**
 * One finding, words first: what is wrong and what the value should be, with the arithmetic; 表中 /
 * 应为 as the engine formats them; the fix in words, and the formula it writes behind 查看公式.
 * The row selects the cell; the buttons sit beside it, not inside, so that no control is nested
 * in another.
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
  const formulasId = useId("formulas");
  const [formulasShown, setFormulasShown] = useState(false);
  const { fix } = finding;
  const note = finding.severity === "info";
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault(); // Space would scroll the pane.
    onSelect(finding);
  };
  const writes = fix ? writesOf(fix) : [];
  return (
    <li className={mergeClasses(styles.item, styles[finding.severity])} data-code={finding.code} data-cell={finding.cell} data-severity={finding.severity}>
      <div role="button" tabIndex={0} className={styles.row} onClick={() => onSelect(finding)} onKeyDown={onKeyDown}>
        <span className={styles.head}>
          <span className={styles.name}>
            <SeverityIcon severity={finding.severity} label={strings.severity[finding.severity]} />
            <Text weight="semibold">{codeName(finding.code, lang)}</Text>
          </span>
          <span className={styles.cell}>{finding.cell}</span>
        </span>
        <Text as="p" className={styles.message}>
          {messageOf(finding, lang)}
        </Text>
        {/* A note judges nothing: it has no 表中 / 应为. */}
        {!note && (finding.stated !== null || finding.expected !== null) && (
          <Caption1 className={styles.values}>
            {finding.stated !== null && <Labelled label={strings.stated} value={valueText(finding, "stated", lang)} strings={strings} className={styles.value} />}
            {finding.expected !== null && <Labelled label={strings.expected} value={valueText(finding, "expected", lang)} strings={strings} className={styles.value} />}
          </Caption1>
        )}
      </div>
      <div className={styles.fix}>
        {fix ? (
          <>
            <span className={styles.fixLine}>
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
              <Caption1 id={fixDescriptionId} className={mergeClasses(styles.fixText, styles.fixDescription)}>
                {fixDescriptionOf(fix, lang)}
              </Caption1>
            </span>
            {writes.some((w) => w.formula) && (
            <Button
              className={styles.disclosure}
              size="small"
              appearance="transparent"
              icon={formulasShown ? <ChevronDownRegular /> : <ChevronRightRegular />}
              aria-expanded={formulasShown}
              aria-controls={formulasId}
              onClick={() => setFormulasShown(!formulasShown)}
            >
              {strings.showFormula}
            </Button>
            )}
            {formulasShown && (
              <div id={formulasId} className={styles.formulas}>
                {writes.map((w) => (
                  <div key={w.cell}>
                    <Caption1 as="span" className={styles.fixText}>
                      {w.formula ? format(strings.formulaFor, { cell: w.cell }) : format(strings.valueFor, { cell: w.cell, value: quoted(String(w.value ?? ""), lang) })}
                    </Caption1>{" "}
                    {w.formula && <code className={styles.formula}>{w.formula}</code>}
                  </div>
                ))}
              </div>
            )}
          </>
        ) : (
          <Caption1 className={styles.fixText}>{note ? strings.noteOnly : strings.noFix}</Caption1>
        )}
      </div>
    </li>
  );
}
