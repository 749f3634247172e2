/**
 * The playground's spreadsheet: the fake workbook's active sheet as a grid, with its merges, fills
 * and conditional formats (the add-in's marks show here), values shown through their number
 * formats as Excel shows them, notes and the selected cell. Clicking a cell selects it.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { a1, columnName } from "../engine";
import type { WorkbookModel } from "../fake-excel";
import { displayValue } from "./displayValue";

/** Rows drawn at most (a dropped workbook can be large; the add-in still reads all of it). */
const MAX_ROWS = 1500;

const useStyles = makeStyles({
  tabs: { display: "flex", gap: "2px", flexWrap: "wrap", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, marginBottom: "4px" },
  tab: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: "none",
    background: tokens.colorNeutralBackground3,
    padding: "4px 10px",
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  active: { background: tokens.colorNeutralBackground1, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  scroller: { overflow: "auto", maxHeight: "calc(100vh - 150px)", border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: "12px", tableLayout: "fixed" },
  head: { position: "sticky", top: 0, background: tokens.colorNeutralBackground3, zIndex: 1, fontWeight: "normal", minWidth: "72px", border: `1px solid ${tokens.colorNeutralStroke2}` },
  rowHead: { background: tokens.colorNeutralBackground3, fontWeight: "normal", padding: "0 4px", border: `1px solid ${tokens.colorNeutralStroke2}`, position: "sticky", left: 0 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "180px",
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    cursor: "cell",
    position: "relative",
    color: "#1b1b1b",
  },
  number: { textAlign: "right" },
  selected: { outline: "2px solid #107C41", outlineOffset: "-2px" },
  note: {
    position: "absolute",
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderLeft: "6px solid transparent",
    borderTop: "6px solid #C50F1F",
  },
  caption: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)" },
});

/** A gradient fill (which the API cannot set, but files have) drawn as one; any other fill as its colour. */
function cssFill(model: WorkbookModel, sheet: string, r: number, c: number, drawn: string): string {
  const own = model.fill(sheet, r, c);
  return /Gradient$/.test(own.pattern) && drawn === own.color ? `linear-gradient(90deg, ${own.color}, ${own.patternColor})` : drawn;
}

function useModelVersion(model: WorkbookModel): number {
  const version = useRef(0);
  return useSyncExternalStore(
    (onChange) =>
      model.onChange(() => {
        version.current++;
        onChange();
      }),
    () => version.current,
  );
}

export function SheetGrid({ model, label, rowHeader }: { model: WorkbookModel; label: string; rowHeader: string }) {
  const styles = useStyles();
  useModelVersion(model);
  const selectedRef = useRef<HTMLTableCellElement>(null);
  const sheet = model.sheets[model.active];
  const selection = model.selection;
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selection?.sheet, selection?.address]);
  if (!sheet) return null;

  const grid = model.toGrid(sheet.name);
  const rows = Math.min(grid.rowCount, MAX_ROWS);
  const cols = grid.colCount;
  const selectedAddress = selection?.sheet === sheet.name ? selection.address.replace(/^.*!/, "") : undefined;
  const covered = new Set<string>();
  for (const m of grid.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);

  // Hidden sheets have no tab, as in Excel.
  const tabs = model.sheets.map((s, i) => ({ s, i })).filter(({ s }) => s.visibility === "Visible");
  const activate = (i: number) => {
    model.active = i;
    model.changed();
  };
  const onTabKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const n = tabs.length;
    const at = tabs.findIndex(({ i }) => i === model.active);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1 + n, Home: 0, End: n - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const list = e.currentTarget;
    activate(tabs[next % n].i);
    // The newly active tab takes the focus once it has rendered.
    requestAnimationFrame(() => list.querySelector<HTMLButtonElement>("[role=tab][tabindex='0']")?.focus());
  };

  const select = (address: string) => {
    model.selection = { sheet: sheet.name, address: `${sheet.name}!${address}` };
    model.changed();
  };

  return (
    <div>
      {/* One Tab stop for the sheet tabs; arrow keys, Home and End move between them (the ARIA tabs pattern). */}
      <div className={styles.tabs} role="tablist" aria-label={label} onKeyDown={onTabKey}>
        {tabs.map(({ s, i }) => (
          <button
            key={s.name}
            role="tab"
            aria-selected={i === model.active}
            tabIndex={i === model.active ? 0 : -1}
            className={`${styles.tab} ${i === model.active ? styles.active : ""}`}
            onClick={() => activate(i)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={sheet.name} data-testid="sheet-grid">
        <table className={styles.table}>
          <caption className={styles.caption}>{sheet.name}</caption>
          <thead>
            <tr>
              <th className={styles.head} scope="col" aria-label={rowHeader} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  if (covered.has(`${r},${c}`)) return null;
                  const merge = grid.mergeAt(r, c);
                  const cell = grid.cell(r, c);
                  const address = a1(r, c);
                  // What Excel draws: a conditional format (the add-in's marks) over the cell's own fill.
                  const fill = model.displayedFill(sheet.name, r, c);
                  const note = sheet.notes.get(`${r},${c}`);
                  const isSelected = selectedAddress === address;
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
                      colSpan={merge ? merge.right - merge.left + 1 : undefined}
                      className={`${styles.cell} ${typeof cell?.value === "number" ? styles.number : ""} ${isSelected ? styles.selected : ""}`}
                      style={fill ? { background: cssFill(model, sheet.name, r, c, fill) } : undefined}
                      title={note}
                      data-cell={address}
                      data-fill={fill}
                      data-formula={cell?.formula}
                      aria-current={isSelected || undefined}
                      onClick={() => select(address)}
                    >
                      {cell ? displayValue(cell.value, cell.numFmt) : ""}
                      {note ? <span className={styles.note} aria-hidden="true" /> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
