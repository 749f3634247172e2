/**
 * How a cell shows its value in the playground's grid, as Excel (zh-CN) draws it from the number
 * format: General, decimals, thousands separators, percentages, literal text ("分", 元), sections
 * for negative numbers, zero and text, colours and locale tags ignored, and dates and times from
 * their serial numbers. Excel's built-in short date (numFmtId 14, stored as "mm-dd-yy") shows in
 * the zh-CN form yyyy/m/d.
 */
import type { CellValue } from "../engine";
import { isCellError } from "../engine";
import { formatCodes } from "../engine/values";

export function displayValue(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = splitSections(numFmt && numFmt !== "General" ? (numFmt === "mm-dd-yy" ? "yyyy/m/d" : numFmt) : "General");
  if (typeof value === "string") {
    const text = sections[3] ?? sections.find((s) => /@/.test(formatCodes(s)));
    return text ? renderLiteral(text, value) : value;
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length > 2) section = sections[2];
  section = section.replace(/\[(Red|Black|Blue|Green|White|Yellow|Cyan|Magenta|Color\s*\d+|[<>=]+[-\d.]+)\]/gi, "").replace(/\[\$([^\]-]*)(-[0-9A-Fa-f]+)?\]/g, (_m, symbol: string) => (symbol ? `"${symbol}"` : ""));
  section = section.replace(/\[DBNum\d\]/gi, "");
  if (/^\s*General\s*$/i.test(section) || section.trim() === "") return general(v);
  if (isDateFormat(section)) return renderDate(section, v);
  return renderNumber(section, v);
}

/** Split on ";" outside quotes and escapes. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === "\\" && !quoted) {
      current += ch + (fmt[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}


/** Excel's General: up to 11 characters, then fewer decimals, then scientific notation. */
function general(v: number): string {
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = v.toExponential(5).split("e");
    const e = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const integerDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - integerDigits - (v < 0 ? 1 : 0));
  return String(Number(v.toFixed(decimals)));
}

/** Text of a section with its placeholders filled: "@" is the text; literals kept; _x is a space; *x fill is dropped. */
function renderLiteral(section: string, text: string): string {
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") out += section[++i] ?? "";
    else if (ch === "_") {
      out += " ";
      i++;
    } else if (ch === "*") i++;
    else if (ch === "@") out += text;
    else out += ch;
  }
  return out;
}

function isDateFormat(section: string): boolean {
  return /[ymdhs]/i.test(formatCodes(section).replace(/\[[^\]]*\]/g, "").replace(/E[+-]/gi, ""));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function renderDate(section: string, serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const d = new Date(ms);
  const parts = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes(), s: d.getUTCSeconds(), w: d.getUTCDay() };
  const ampm = /AM\/PM|A\/P|上午\/下午/i.test(formatCodes(section));
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = "";
  let lastWasHour = false;
  for (let i = 0; i < section.length; i++) {
    const rest = section.slice(i);
    const run = (/^([yYmMdDhHsS])\1*/.exec(rest) ?? [""])[0];
    if (section[i] === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
      continue;
    }
    if (section[i] === "\\") {
      out += section[++i] ?? "";
      continue;
    }
    const marker = /^(AM\/PM|A\/P|上午\/下午)/i.exec(rest);
    if (marker) {
      const pm = parts.h >= 12;
      out += marker[1] === "上午/下午" ? (pm ? "下午" : "上午") : marker[1].length === 3 ? (pm ? "P" : "A") : pm ? "PM" : "AM";
      i += marker[1].length - 1;
      continue;
    }
    if (!run) {
      if (section[i] !== "[" && section[i] !== "]") out += section[i];
      continue;
    }
    const c = run[0].toLowerCase();
    const n = run.length;
    // "m" right after hours or right before seconds is minutes.
    const minutes = c === "m" && (lastWasHour || /^m+[^ymdhs"]*s/i.test(rest));
    if (c === "y") out += n <= 2 ? pad(parts.y % 100) : String(parts.y);
    else if (minutes) out += n >= 2 ? pad(parts.min) : String(parts.min);
    else if (c === "m") out += n >= 4 ? MONTHS[parts.m - 1] : n === 3 ? MONTHS[parts.m - 1].slice(0, 3) : n === 2 ? pad(parts.m) : String(parts.m);
    else if (c === "d") out += n >= 4 ? DAYS[parts.w] : n === 3 ? DAYS[parts.w].slice(0, 3) : n === 2 ? pad(parts.d) : String(parts.d);
    else if (c === "h") {
      const h = ampm ? parts.h % 12 || 12 : parts.h;
      out += n >= 2 ? pad(h) : String(h);
    } else if (c === "s") out += n >= 2 ? pad(parts.s) : String(parts.s);
    lastWasHour = c === "h";
    i += n - 1;
  }
  return out;
}

/** A number section: the first run of digit placeholders is the number; the rest is literal. */
function renderNumber(section: string, value: number): string {
  // Literals resolved, placeholders kept: walk once, marking where the number goes.
  let literalBefore = "";
  let literalAfter = "";
  let placeholder = "";
  let percent = 0;
  // Where the walk is: before the number's placeholders, in them, or after them.
  const at = { state: "before" as "before" | "number" | "after" };
  const emit = (s: string) => {
    if (at.state === "before") literalBefore += s;
    else {
      at.state = "after";
      literalAfter += s;
    }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      emit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") emit(section[++i] ?? "");
    else if (ch === "_") {
      emit(" ");
      i++;
    } else if (ch === "*") i++;
    else if (ch === "%") {
      percent++;
      emit("%");
    } else if (/[0#?.,]/.test(ch) && at.state !== "after") {
      at.state = "number";
      placeholder += ch;
    } else if (/[eE]/.test(ch) && at.state === "number" && /[+-]/.test(section[i + 1] ?? "")) {
      placeholder += section.slice(i, i + 2);
      i++;
      while (/[0#]/.test(section[i + 1] ?? "")) placeholder += section[++i];
    } else emit(ch);
  }
  const v = value * 100 ** percent;
  if (!placeholder) return `${literalBefore}${literalAfter}`;
  const exponent = /[eE][+-]/.exec(placeholder);
  const [intPart, decPart = ""] = placeholder.replace(/[eE][+-].*$/, "").split(".");
  const decimals = decPart.replace(/[^0#?]/g, "").length;
  const minDecimals = (/^0*/.exec(decPart.replace(/[^0#?]/g, "")) ?? [""])[0].length;
  const minInt = intPart.replace(/[^0]/g, "").length;
  const thousands = /[0#?],[0#?]/.test(intPart);
  let text: string;
  if (exponent) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    const mantissa = Math.abs(v) / 10 ** e;
    const expDigits = placeholder.slice(exponent.index + 2).length;
    text = `${mantissa.toFixed(decimals)}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(expDigits, "0")}`;
  } else {
    let [i, d = ""] = Math.abs(v).toFixed(decimals).split(".");
    if (decimals > minDecimals) d = d.replace(new RegExp(`0{0,${decimals - minDecimals}}$`), "");
    i = i.replace(/^0+/, "");
    if (i.length < minInt) i = i.padStart(minInt, "0");
    if (thousands) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    text = d ? `${i}.${d}` : i;
  }
  // The minus sign goes in front of everything (-¥1.00), unless the number shows as zero.
  const sign = v < 0 && /[1-9]/.test(text.replace(/E.*$/, "")) ? "-" : "";
  return `${sign}${literalBefore}${text}${literalAfter}`;
}
