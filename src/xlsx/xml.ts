/**
 * One XML tokenizer for the package parts, shared by the reader and the writers. It reports each
 * token's exact span, so that a writer can replace one element and keep every other byte as it was,
 * and it works on a buffer that grows (a sheet inflated in chunks). Markup is ASCII, so the same
 * code serves text decoded as UTF-8 (reading) and as latin1 (editing: one char per byte).
 *
 * Only what OOXML parts use: elements, attributes (either quote), text, CDATA, comments, processing
 * instructions. A DOCTYPE is refused (OOXML has none; it is how entity-expansion attacks start).
 */
import { PackageError } from "./limits";

export enum Tok {
  Open = 1,
  Close = 2,
  /** A self-closing element `<x/>`. */
  Empty = 3,
  Text = 4,
  CData = 5,
  /** Comment or processing instruction. */
  Other = 6,
}

export class XmlScanner {
  kind: Tok = Tok.Other;
  /** Span of the token in `s`. */
  start = 0;
  end = 0;
  /** Qualified name (open, close, empty). */
  name = "";
  /** Name without its namespace prefix. */
  local = "";
  /** Span of the attribute text of an open or empty tag. */
  attrStart = 0;
  attrEnd = 0;

  constructor(
    public s: string,
    public pos = 0,
  ) {}

  /** Append more text (a streamed part); drops what has been consumed. */
  feed(more: string) {
    this.s = this.pos > 0 ? this.s.slice(this.pos) + more : this.s + more;
    this.pos = 0;
  }

  /**
   * Next token. Returns false when the buffer holds no complete token: at the end of a final
   * buffer, or (not final) when more text must arrive. Text before an incomplete tag is returned
   * as far as it goes, so a long text never makes the buffer grow.
   */
  next(final = true): boolean {
    const s = this.s;
    const at = this.pos;
    if (at >= s.length) return false;
    if (s.charCodeAt(at) !== 60 /* < */) {
      let lt = s.indexOf("<", at);
      if (lt < 0) lt = s.length;
      this.kind = Tok.Text;
      this.start = at;
      this.end = lt;
      this.pos = lt;
      return true;
    }
    const c1 = s.charCodeAt(at + 1);
    if (c1 === 33 /* ! */) {
      if (s.startsWith("<!--", at)) return this.until(at, "-->", Tok.Other, final);
      if (s.startsWith("<![CDATA[", at)) return this.until(at, "]]>", Tok.CData, final);
      if (at + 9 > s.length && !final) return false;
      throw new PackageError("XML 中含有 DTD 或无法识别的声明");
    }
    if (c1 === 63 /* ? */) return this.until(at, "?>", Tok.Other, final);
    // A tag: find its '>' outside quoted attribute values.
    let p = at + 1;
    let quote = 0;
    for (;;) {
      if (p >= s.length) {
        if (final) throw new PackageError("XML 不完整（标签未结束）");
        return false;
      }
      const c = s.charCodeAt(p);
      if (quote) {
        const q = s.indexOf(quote === 34 ? '"' : "'", p);
        if (q < 0) {
          if (final) throw new PackageError("XML 不完整（属性值未结束）");
          return false;
        }
        p = q + 1;
        quote = 0;
        continue;
      }
      if (c === 62 /* > */) break;
      if (c === 34 || c === 39) quote = c;
      p++;
    }
    const closing = c1 === 47; /* / */
    const nameFrom = closing ? at + 2 : at + 1;
    let n = nameFrom;
    while (n < p) {
      const c = s.charCodeAt(n);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
      n++;
    }
    this.name = s.slice(nameFrom, n);
    if (this.name === "") throw new PackageError("XML 有误（空的标签名）");
    const colon = this.name.indexOf(":");
    this.local = colon < 0 ? this.name : this.name.slice(colon + 1);
    this.start = at;
    this.end = p + 1;
    this.pos = p + 1;
    if (closing) {
      this.kind = Tok.Close;
    } else if (s.charCodeAt(p - 1) === 47) {
      this.kind = Tok.Empty;
      this.attrStart = n;
      this.attrEnd = p - 1;
    } else {
      this.kind = Tok.Open;
      this.attrStart = n;
      this.attrEnd = p;
    }
    return true;
  }

  private until(at: number, terminator: string, kind: Tok, final: boolean): boolean {
    const e = this.s.indexOf(terminator, at + 2);
    if (e < 0) {
      if (final) throw new PackageError("XML 不完整（注释或 CDATA 未结束）");
      return false;
    }
    this.kind = kind;
    this.start = at;
    this.end = e + terminator.length;
    this.pos = this.end;
    return true;
  }

  /** The text of a Text token (entities decoded) or a CDATA token (as is). */
  text(): string {
    if (this.kind === Tok.CData) return this.s.slice(this.start + 9, this.end - 3);
    return decodeXml(this.s.slice(this.start, this.end));
  }

  /** Attributes of the current open/empty tag, by qualified name; values decoded. */
  attrs(): Map<string, string> {
    return parseAttrs(this.s, this.attrStart, this.attrEnd);
  }

  /** One attribute's decoded value, by local name (prefix ignored), without building the map. */
  attr(local: string): string | undefined {
    for (const [name, value] of parseAttrs(this.s, this.attrStart, this.attrEnd)) {
      const colon = name.indexOf(":");
      if ((colon < 0 ? name : name.slice(colon + 1)) === local && !name.startsWith("xmlns")) return value;
    }
    return undefined;
  }
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export interface AttrSpan {
  name: string;
  /** Span of the whole `name="value"`. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export function attrSpans(s: string, from: number, to: number): AttrSpan[] {
  const out: AttrSpan[] = [];
  const text = s.slice(from, to);
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(text); m; m = ATTR_RE.exec(text)) {
    const value = m[2] ?? m[3];
    const valueStart = from + m.index + m[0].length - 1 - value.length;
    out.push({ name: m[1], start: from + m.index, end: from + m.index + m[0].length, valueStart, valueEnd: valueStart + value.length });
  }
  return out;
}


export function parseAttrs(s: string, from: number, to: number): Map<string, string> {
  // Hand-rolled (no regex, no span objects): this runs once per cell of every sheet read.
  const out = new Map<string, string>();
  let p = from;
  while (p < to) {
    let c = s.charCodeAt(p);
    while (p < to && (c === 32 || c === 9 || c === 10 || c === 13)) c = s.charCodeAt(++p);
    if (p >= to) break;
    const nameStart = p;
    while (p < to && c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13) c = s.charCodeAt(++p);
    const name = s.slice(nameStart, p);
    while (p < to && c !== 61) c = s.charCodeAt(++p);
    p++;
    c = s.charCodeAt(p);
    while (p < to && (c === 32 || c === 9 || c === 10 || c === 13)) c = s.charCodeAt(++p);
    if (c !== 34 && c !== 39) break;
    const end = s.indexOf(c === 34 ? '"' : "'", p + 1);
    if (end < 0 || end > to) break;
    out.set(name, decodeXml(s.slice(p + 1, end)));
    p = end + 1;
  }
  return out;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text that Excel's XML cannot hold (control characters) written as OOXML's _xHHHH_ escapes. */
export function escapeOoxmlText(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return escapeXml(s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F_${m.slice(1)}`).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`));
}

/** OOXML's _xHHHH_ escapes in string items (shared strings, rich text runs). */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Checks that a whole part is well-formed: every element closed in order, one root. Used on every
 * part a writer changed, before the package is written.
 */
export function assertWellFormed(text: string, part: string): void {
  // A byte order mark may open a part (XML allows it): as a character when decoded, as three bytes in the editor's latin1.
  const s = text.replace(/^(\uFEFF|\xEF\xBB\xBF)/, "");
  const x = new XmlScanner(s);
  const stack: string[] = [];
  let roots = 0;
  try {
    while (x.next(true)) {
      if (x.kind === Tok.Open) {
        if (stack.length === 0) roots++;
        stack.push(x.name);
      } else if (x.kind === Tok.Empty) {
        if (stack.length === 0) roots++;
      } else if (x.kind === Tok.Close) {
        if (stack.pop() !== x.name) throw new PackageError(`</${x.name}> 与开始标签不匹配`);
      } else if (x.kind === Tok.Text && stack.length === 0 && s.slice(x.start, x.end).trim() !== "") {
        throw new PackageError("根元素之外有文字");
      }
      if (x.kind === Tok.Open || x.kind === Tok.Empty) attrsWellFormed(s, x.attrStart, x.attrEnd);
    }
  } catch (e) {
    throw new PackageError(`写出的部件 ${part} 不是格式正确的 XML：${(e as Error).message}`);
  }
  if (stack.length || roots !== 1) throw new PackageError(`写出的部件 ${part} 不是格式正确的 XML`);
}

function attrsWellFormed(s: string, from: number, to: number) {
  const rest = s.slice(from, to).replace(ATTR_RE, "").trim();
  if (rest !== "") throw new PackageError(`属性写法有误：${rest.slice(0, 20)}`);
  const names = attrSpans(s, from, to).map((a) => a.name);
  if (new Set(names).size !== names.length) throw new PackageError("同一属性出现两次");
  for (const a of attrSpans(s, from, to)) if (/[<]/.test(s.slice(a.valueStart, a.valueEnd))) throw new PackageError("属性值中有 <");
}
