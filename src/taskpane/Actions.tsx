import type { ReactElement } from "react";
import {
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Toolbar,
  ToolbarButton,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  BookSearchRegular,
  CalculatorRegular,
  DocumentBulletListRegular,
  EraserRegular,
  MoreHorizontalRegular,
  TableSearchRegular,
  WrenchRegular,
} from "@fluentui/react-icons";
import type { Session, SessionState } from "../addin/session";
import type { Lang, Strings } from "../addin/i18n";

const useStyles = makeStyles({
  toolbar: { flexWrap: "nowrap", minWidth: 0, padding: 0, gap: tokens.spacingHorizontalXS },
  // A label on one line: Chinese never breaks between characters, English only between words (and here not at all).
  button: { whiteSpace: "nowrap", flexShrink: 0, wordBreak: "keep-all" },
  // At 1.5× zoom a 320 px pane is about 214 CSS px wide: 检查本表 keeps its words and drops its icon.
  primaryIcon: { "@media (max-width: 240px)": { display: "none" } },
  // The menu is never wider than the pane; at 150 % zoom a long English item wraps between words
  // (never inside one), a Chinese one keeps its characters together.
  menu: { maxWidth: "calc(100vw - 16px)" },
  menuItem: { wordBreak: "keep-all", overflowWrap: "normal" },
});

interface Command {
  id: string;
  label: string;
  icon: ReactElement;
  unavailable: boolean;
  run: () => void;
}

/** The commands in order of use: the first is always shown, the rest go into 更多操作 (⋯) when the pane is narrow. */
function commandsOf(session: Session, state: SessionState, strings: Strings, lang: Lang): Command[] {
  const busy = !!state.busy;
  // Unavailable until a check has found something a fix can write.
  const nothingToFix = !state.result?.findings.some((f) => f.fix);
  const noLiveTotals = !state.result?.liveTotals.length;
  return [
    { id: "check", label: strings.checkSheet, icon: <TableSearchRegular />, unavailable: busy, run: () => void session.checkActiveSheet() },
    { id: "fix-all", label: strings.fixAll, icon: <WrenchRegular />, unavailable: busy || nothingToFix, run: () => void session.fixAll() },
    { id: "undo", label: strings.undo, icon: <ArrowUndoRegular />, unavailable: busy || !state.canUndo, run: () => void session.undo() },
    { id: "check-workbook", label: strings.checkWorkbook, icon: <BookSearchRegular />, unavailable: busy, run: () => void session.checkWorkbook() },
    { id: "report", label: strings.report, icon: <DocumentBulletListRegular />, unavailable: busy, run: () => void session.writeReport(lang) },
    { id: "insert-totals", label: strings.insertTotals, icon: <CalculatorRegular />, unavailable: busy || noLiveTotals, run: () => void session.insertTotalsAndGrade() },
    { id: "clear", label: strings.clearMarks, icon: <EraserRegular />, unavailable: busy, run: () => void session.clearMarks() },
  ];
}

/**
 * The commands as one Fluent toolbar (one Tab stop, arrow keys between commands). Busy or
 * unavailable commands stay focusable (aria-disabled): a button that becomes disabled under the
 * keyboard focus would drop the focus to the page.
 */
export function Actions({ session, state, strings, lang, menuMount }: { session: Session; state: SessionState; strings: Strings; lang: Lang; menuMount?: HTMLElement }) {
  const styles = useStyles();
  const commands = commandsOf(session, state, strings, lang);
  const [primary, ...rest] = commands;
  return (
    // Remounted with the language: the labels' widths change and the overflow is measured again.
    <Overflow key={lang} padding={8}>
      <Toolbar aria-label={strings.actions} className={styles.toolbar}>
        <OverflowItem id={primary.id} pinned>
          <ToolbarButton
            appearance="primary"
            className={styles.button}
            icon={{ className: styles.primaryIcon, children: primary.icon }}
            disabledFocusable={primary.unavailable}
            onClick={primary.run}
          >
            {primary.label}
          </ToolbarButton>
        </OverflowItem>
        {rest.map((c, i) => (
          <OverflowItem key={c.id} id={c.id} priority={rest.length - i}>
            <ToolbarButton className={styles.button} icon={c.icon} disabledFocusable={c.unavailable} onClick={c.run} data-command={c.id}>
              {c.label}
            </ToolbarButton>
          </OverflowItem>
        ))}
        <OverflowMenu commands={rest} label={strings.moreActions} mountNode={menuMount} />
      </Toolbar>
    </Overflow>
  );
}

function OverflowMenu({ commands, label, mountNode }: { commands: Command[]; label: string; mountNode?: HTMLElement }) {
  const styles = useStyles();
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu mountNode={mountNode}>
      <MenuTrigger disableButtonEnhancement>
        <ToolbarButton ref={ref} icon={<MoreHorizontalRegular />} aria-label={label} title={label} data-command="more" />
      </MenuTrigger>
      <MenuPopover className={styles.menu}>
        <MenuList>
          {commands.map((c) => (
            <OverflowMenuItem key={c.id} command={c} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** A command in the menu only while its toolbar button is hidden: every command is reachable exactly once. */
function OverflowMenuItem({ command }: { command: Command }) {
  const styles = useStyles();
  const visible = useIsOverflowItemVisible(command.id);
  if (visible) return null;
  return (
    <MenuItem className={styles.menuItem} icon={command.icon} disabled={command.unavailable} onClick={command.run} data-command={command.id}>
      {command.label}
    </MenuItem>
  );
}
