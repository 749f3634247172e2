import type { ReactElement } from "react";
import { Body1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: { fontSize: "32px", flexShrink: 0, color: tokens.colorNeutralForeground3 },
  success: { color: tokens.colorStatusSuccessForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
});

/** A state with nothing to list (before a check, not a table, no findings): an icon and a sentence. */
export function EmptyState({ icon, text, tone = "neutral" }: { icon: ReactElement; text: string; tone?: "neutral" | "success" | "warning" }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <span className={mergeClasses(styles.icon, tone !== "neutral" && styles[tone])} aria-hidden="true">
        {icon}
      </span>
      <Body1>{text}</Body1>
    </div>
  );
}
