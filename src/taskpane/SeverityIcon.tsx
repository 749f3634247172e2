import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { Severity } from "../engine";

const useStyles = makeStyles({
  icon: { display: "inline-flex", flexShrink: 0, fontSize: "16px", lineHeight: tokens.lineHeightBase300, alignItems: "center", height: tokens.lineHeightBase300 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

const ICON = { error: <ErrorCircleRegular />, warning: <WarningRegular />, info: <InfoRegular /> };

/**
 * A severity as a shape as well as a colour (a cross, a triangle, an i), so that colour is never
 * the only signal; named for screen readers when no word beside it says it (`label`).
 */
export function SeverityIcon({ severity, label }: { severity: Severity; label?: string }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.icon, styles[severity])} {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true })}>
      {ICON[severity]}
    </span>
  );
}
