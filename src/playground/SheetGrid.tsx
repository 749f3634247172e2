/**
 * The playground's spreadsheet: the fake workbook's active sheet as a grid, with its merges, fills
 * and conditional formats (the add-in's marks show here), values shown through their number
 * formats as Excel shows them, notes and the selected cell. Clicking a cell selects it. Where the
 * sheet sets them (the 核对报告 sheet does), column widths, row heights, bold, wrapped and aligned
 * text are drawn as set, and a link to a cell jumps to it.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { a1, columnName } from "../engine";
import type { WorkbookModel } from "../fake-excel";
import { displayValue } from "./displayValue";
import { LinkTarget, sheetLook } from "./sheetLook";

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
  root: { display: "flex", flexDirection: "column", flex: "1 1 auto", minHeight: 0 },
  scroller: { overflow: "auto", flex: "1 1 auto", minHeight: 0, border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: "12px", tableLayout: "fixed" },
  head: { position: "sticky", top: 0, background: tokens.colorNeutralBackground3, zIndex: 1, fontWeight: "normal", minWidth: "72px", border: `1px solid ${tokens.colorNeutralStroke2}` },
  rowHead: { background: tokens.colorNeutralBackground3, fontWeight: "normal", padding: "0 4px", border: `1px solid ${tokens.colorNeutralStroke2}`, position: "sticky", left: 0 },
  // The corner stays with the row numbers when the sheet scrolls sideways.
  corner: { left: 0, zIndex: 2 },
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
  // A sheet that sets its column widths is drawn at those widths.
  sized: { maxWidth: "none", overflow: "hidden" },
  noWrap: { whiteSpace: "pre", overflowWrap: "normal" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  link: { color: "#0563C1", textDecoration: "underline", cursor: "pointer" },
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

/** Points (Excel's unit for widths, heights and font sizes) → CSS pixels. */
const px = (points: number) => `${Math.round((points * 4) / 3)}px`;
const TEXT_ALIGN: Record<string, "left" | "center" | "right" | "justify"> = { Left: "left", Center: "center", Right: "right", Justify: "justify", Distributed: "justify", CenterAcrossSelection: "center" };
const VERTICAL_ALIGN: Record<string, "top" | "middle" | "bottom"> = { Top: "top", Center: "middle", Bottom: "bottom" };

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
  const scrollerRef = useRef<HTMLDivElement>(null);
  const sheet = model.sheets[model.active];
  const selection = model.selection;
  useEffect(() => {
    const cell = selectedRef.current;
    const box = scrollerRef.current;
    if (!cell || !box) return;
    // Into view below the column letters and right of the row numbers (both sticky); a cell wider
    // than the view (a merged row) shows its left edge.
    const c = cell.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const head = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const rowHead = box.querySelector("tbody th")?.getBoundingClientRect().width ?? 0;
    const left = c.left - b.left + box.scrollLeft - rowHead;
    const right = c.right - b.left + box.scrollLeft;
    if (left < box.scrollLeft || right - left > box.clientWidth - rowHead) box.scrollLeft = left;
    else if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth;
    const top = c.top - b.top + box.scrollTop - head;
    const bottom = c.bottom - b.top + box.scrollTop;
    if (top < box.scrollTop || bottom - top > box.clientHeight - head) box.scrollTop = top;
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
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
  // A link to a cell shows that sheet with the cell selected, as Excel does; a web link opens a new tab.
  const follow = (target: LinkTarget) => {
    if ("url" in target) return;
    const name = target.sheet ?? sheet.name;
    const index = model.sheets.findIndex((s) => s.name === name && s.visibility === "Visible");
    if (index < 0) return;
    model.active = index;
    model.selection = { sheet: name, address: `${name}!${target.address}` };
    model.changed();
  };
  const look = sheetLook(model, sheet);
  const widths = Array.from({ length: cols }, (_, c) => look.columnWidth(c));
  const sized = widths.some((w) => w !== undefined);

  return (
    <div className={styles.root}>
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
      <div ref={scrollerRef} className={styles.scroller} tabIndex={0} role="region" aria-label={sheet.name} data-testid="sheet-grid">
        <table className={styles.table} style={sized ? { width: "max-content" } : undefined}>
          <caption className={styles.caption}>{sheet.name}</caption>
          {sized && (
            <colgroup>
              <col style={{ width: "40px" }} />
              {widths.map((w, c) => (
                <col key={c} style={{ width: px(w ?? 48) }} />
              ))}
            </colgroup>
          )}
          <thead>
            <tr>
              <th className={`${styles.head} ${styles.corner}`} scope="col" aria-label={rowHeader} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={look.rowHeight(r) !== undefined ? { height: px(look.rowHeight(r)!) } : undefined}>
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
                  const cellLook = look.cell(r, c);
                  const link = cell ? look.link(r, c) : undefined;
                  const text = cell ? displayValue(cell.value, cell.numFmt) : "";
                  const classes = [
                    styles.cell,
                    typeof cell?.value === "number" ? styles.number : "",
                    isSelected ? styles.selected : "",
                    sized ? styles.sized : "",
                    look.wrapKnown && !cellLook.wrap ? styles.noWrap : "",
                    cellLook.bold ? styles.bold : "",
                  ];
                  const style: React.CSSProperties = {
                    ...(fill ? { background: cssFill(model, sheet.name, r, c, fill) } : {}),
                    ...(cellLook.horizontal && TEXT_ALIGN[cellLook.horizontal] ? { textAlign: TEXT_ALIGN[cellLook.horizontal] } : {}),
                    ...(cellLook.vertical && VERTICAL_ALIGN[cellLook.vertical] ? { verticalAlign: VERTICAL_ALIGN[cellLook.vertical] } : {}),
                    ...(cellLook.fontSize ? { fontSize: px(cellLook.fontSize) } : {}),
                  };
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
                      colSpan={merge ? merge.right - merge.left + 1 : undefined}
                      className={classes.join(" ")}
                      style={style}
                      title={note}
                      data-cell={address}
                      data-fill={fill}
                      data-formula={cell?.formula}
                      aria-current={isSelected || undefined}
                      onClick={() => select(address)}
                    >
                      {link && !("url" in link) ? (
                        <a
                          className={styles.link}
                          href={`#${link.sheet ?? sheet.name}!${link.address}`}
                          data-link={`${link.sheet ?? sheet.name}!${link.address}`}
                          onClick={(e) => {
                            e.preventDefault();
                            e.stopPropagation();
                            follow(link);
                          }}
                        >
                          {text}
                        </a>
                      ) : link ? (
                        <a className={styles.link} href={link.url} target="_blank" rel="noopener noreferrer">
                          {text}
                        </a>
                      ) : (
                        text
                      )}
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
