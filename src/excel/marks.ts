/**
 * Marks as conditional formats the add-in owns (ExcelApi 1.6): a rule per severity whose format
 * fills the marked cells. A conditional format is drawn over a cell without changing the cell's
 * own fill, so removing it leaves every cell exactly as it was — no fill, solid, patterned, a theme
 * colour with a tint, a gradient (which the API cannot even set), the user's own conditional
 * formats, and a fill the user set after the mark. Excel moves the rule with inserted rows and
 * columns, and it does not care about the sheet's name. The add-in recognises its rules by their
 * formula (a constant TRUE that names the product), so nothing has to be remembered between pane
 * reloads, and a failure half-way never leaves a mark that cannot be found again.
 *
 * Explanations are cell notes (ExcelApi 1.18), never over a note of the user's or on a cell with a
 * threaded comment. Each note ends with a signature and a checksum of its text: 清除标记 removes a
 * note only while its text is still exactly what the add-in wrote.
 */
import { parseA1 } from "../engine";
import { ClearOutcome, Mark, PortError } from "../addin/port";
import { byBudget, bytesOf, HostLimits, inSequence, isNull, loadProtection, OfficeHost, run, supports } from "./host";

/** Fill colours of the marks: Excel's own "Bad" red and "Neutral" amber. */
export const MARK_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

const PRODUCT = "自评表核对";

/** The rule of the add-in's conditional format for a severity: always true, and recognisable. */
export function markRule(severity: "error" | "warning"): string {
  return `=ISTEXT("${PRODUCT}·${severity === "error" ? "错误" : "警告"}")`;
}

export function isMarkRule(formula: string): boolean {
  return formula.includes(`"${PRODUCT}·`);
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell an edited note from the one the add-in wrote. */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

const SIGNED = new RegExp(`^([\\s\\S]*)\\n—— ${PRODUCT} ([0-9a-f]{8})$`);

export function noteText(message: string): string {
  return `${message}\n—— ${PRODUCT} ${checksum(message)}`;
}

/** A note the add-in wrote and nobody changed since. */
export function isUntouchedMarkNote(content: string | undefined): boolean {
  const m = SIGNED.exec(content ?? "");
  return !!m && checksum(m[1]) === m[2];
}

/** Cell lists short enough for one getRanges address (long lists fail, #5198). */
function chunks(cells: string[], maxChars = 2000): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const c of cells) {
    if (current.length && length + c.length + 1 > maxChars) {
      out.push(current.join(","));
      current = [];
      length = 0;
    }
    current.push(c);
    length += c.length + 1;
  }
  if (current.length) out.push(current.join(","));
  return out;
}

const plainCell = (address: string) => {
  const cell = (address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address).replace(/\$/g, "").split(":")[0];
  const { row, col } = parseA1(cell);
  return `${row},${col}`;
};

interface SheetMarks {
  name: string;
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  formats: Excel.ConditionalFormatCollection;
  notes?: Excel.NoteCollection;
}

const notesOf = (ws: Excel.Worksheet) => ws.notes;

/** Queue the loads that find a sheet's marks (its conditional formats, its notes). */
function loadMarks(host: OfficeHost, context: Excel.RequestContext, name: string, withNotes: boolean): SheetMarks {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  const protection = loadProtection(ws);
  const formats = ws.getRange().conditionalFormats;
  formats.load("items/id,items/type");
  const notes = withNotes && supports(host, "1.18") ? notesOf(ws) : undefined;
  notes?.load("items/content");
  ws.load("name");
  return { name, ws, protection, formats, notes };
}

/** After the loads have synced: load the formulas of the custom rules, to tell the add-in's apart. */
function loadRules(sheet: SheetMarks): { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] {
  return sheet.formats.items
    .filter((cf) => cf.type === "Custom")
    .map((cf) => {
      const rule = cf.custom.rule;
      rule.load("formula");
      return { cf, rule };
    });
}

/** Queue the removal of the add-in's rules and untouched notes. */
function removeMarks(sheet: SheetMarks, rules: { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[]): void {
  for (const { cf, rule } of rules) if (isMarkRule(rule.formula)) cf.delete();
  for (const note of sheet.notes?.items ?? []) if (isUntouchedMarkNote(note.content)) note.delete();
}

export function highlight(host: OfficeHost, limits: HostLimits, sheet: string, marks: Mark[]): Promise<void> {
  const withNotes = supports(host, "1.18");
  return run(host, "write-failed", sheet, async (context) => {
    const found = loadMarks(host, context, sheet, withNotes);
    const noted = withNotes ? marks.filter((m) => m.note) : [];
    const existing = noted.map((m) => {
      const note = found.ws.notes.getItemOrNullObject(m.cell);
      note.load("content");
      return note;
    });
    const comments = noted.length && supports(host, "1.10") ? found.ws.comments : undefined;
    comments?.load("items/id");
    await context.sync();
    if (isNull(found.ws)) throw new PortError("no-sheet", `no sheet ${sheet}`, sheet);
    // A protected sheet refuses conditional formats: it is checked, not marked.
    if (found.protection.protected) throw new PortError("protected", `sheet ${sheet} is protected`, sheet);

    const rules = loadRules(found);
    const places = comments?.items.map((c) => {
      const place = c.getLocation();
      place.load("address");
      return place;
    }) ?? [];
    if (rules.length || places.length) await context.sync();

    removeMarks(found, rules);
    const commented = new Set(places.map((p) => plainCell(p.address)));
    // What to add, each with the size it adds to a request: sent in requests under the payload limit.
    const adds: { bytes: number; queue: () => void }[] = [];
    noted.forEach((m, i) => {
      const note = existing[i];
      // Never over a note somebody wrote (ours was just removed), nor on a threaded comment.
      if (!isNull(note) && !isUntouchedMarkNote(note.content)) return;
      if (commented.has(plainCell(m.cell))) return;
      const text = noteText(m.note!);
      adds.push({ bytes: bytesOf(text), queue: () => found.ws.notes.add(m.cell, text) });
    });
    // Errors last: a new conditional format goes on top, so errors win over warnings.
    for (const severity of ["warning", "error"] as const) {
      const cells = marks.filter((m) => (m.severity === "error" ? "error" : "warning") === severity).map((m) => m.cell);
      for (const address of chunks(cells)) {
        adds.push({
          bytes: bytesOf(address) + 300,
          queue: () => {
            const cf = found.ws.getRanges(address).conditionalFormats.add("Custom");
            cf.custom.rule.formula = markRule(severity);
            cf.custom.format.fill.color = MARK_FILL[severity];
          },
        });
      }
    }
    const groups = byBudget(adds, (a) => a.bytes, limits.maxRequestBytes);
    // The removals go with the first group (or alone, when nothing is to be marked).
    await inSequence(groups.length ? groups : [[]], async (group) => {
      for (const a of group) a.queue();
      await context.sync();
    });
  });
}

/** Remove the marks of one sheet or of every sheet; protected sheets keep theirs (reported). */
export function clearHighlights(host: OfficeHost, sheet?: string): Promise<ClearOutcome> {
  return run(host, "write-failed", sheet, async (context) => {
    let names = sheet === undefined ? undefined : [sheet];
    if (!names) {
      const all = context.workbook.worksheets;
      all.load("items/name");
      await context.sync();
      names = all.items.map((s) => s.name);
    }
    const sheets = names.map((name) => loadMarks(host, context, name, true));
    await context.sync();
    const present = sheets.filter((s) => !isNull(s.ws));
    const rules = present.map(loadRules);
    if (rules.some((r) => r.length)) await context.sync();
    const skipped: string[] = [];
    present.forEach((s, i) => {
      const ours = rules[i].filter(({ rule }) => isMarkRule(rule.formula));
      const notes = (s.notes?.items ?? []).filter((n) => isUntouchedMarkNote(n.content));
      if (!ours.length && !notes.length) return;
      if (s.protection.protected) skipped.push(s.name);
      else removeMarks(s, ours);
    });
    await context.sync();
    return { skipped };
  });
}
