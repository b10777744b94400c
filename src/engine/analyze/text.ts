/** Offsets of the start of every line, to turn an offset into a line number fast. */
export class LineIndex {
  private readonly starts: Uint32Array;
  constructor(readonly text: string) {
    // Counted first, then filled: a typed array of the right size, not an array grown a push at a time (3x quicker on a 10 MB log).
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
    this.starts = new Uint32Array(n);
    let k = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1;
  }
  get count(): number {
    return this.text.length === 0 ? 0 : this.text.endsWith('\n') ? this.starts.length - 1 : this.starts.length;
  }
  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }
  lineEnd(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line)).replace(/\r$/, '');
  }
}

/** The longest span the analyzer looks at for one envelope (a JSON body, an XML document). */
export const MAX_ENVELOPE = 64 * 1024;

/**
 * Characters the bracket scans below may still read in this analyze() call.
 * Each scan is bounded by MAX_ENVELOPE, but text built of unclosed openings
 * (`{"Code":"{"Code":"…`) starts a scan at every one of them: the budget
 * keeps the total linear in the input. A real log spends a small multiple of
 * its length (each envelope is scanned by a few recognisers); only
 * pathological text runs out, and then its remaining envelopes go unread
 * rather than the page hanging.
 */
let scanBudget = Infinity;

/** Runs `read` with a scan budget of `chars` characters (analyze() sets it from the input's length). */
export function withScanBudget<T>(chars: number, read: () => T): T {
  const saved = scanBudget;
  scanBudget = chars;
  try {
    return read();
  } finally {
    scanBudget = saved;
  }
}

/**
 * The offset just past the bracket that closes the one at `open`, skipping
 * brackets inside double-quoted strings; -1 if it does not close within
 * MAX_ENVELOPE characters.
 */
export function matchBracket(text: string, open: number): number {
  const o = text[open];
  const c = o === '{' ? '}' : o === '[' ? ']' : o === '(' ? ')' : '';
  if (!c) return -1;
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, open + MAX_ENVELOPE, open + scanBudget);
  let i = open;
  for (; i < limit; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === o) depth++;
    else if (ch === c && --depth === 0) break;
  }
  scanBudget -= i - open + 1;
  return i < limit ? i + 1 : -1;
}

/**
 * The start of the innermost `{` that encloses `offset`, looking back at most
 * `reach` characters. Quoted strings cannot be told apart walking backwards,
 * so a brace inside a string can mislead it: callers confirm the result by
 * matching it forward with matchBracket.
 */
export function enclosingBrace(text: string, offset: number, reach = 4096): number {
  let depth = 0;
  const stop = Math.max(0, offset - reach, offset - scanBudget);
  let i = offset;
  for (; i >= stop; i--) {
    const ch = text[i];
    if (ch === '}') depth++;
    else if (ch === '{') {
      if (depth === 0) break;
      depth--;
    }
  }
  scanBudget -= offset - i + 1;
  return i >= stop ? i : -1;
}

/** An XML element found by elements(): its tag, where it starts and ends, and its inner text. */
export interface ElementAt {
  tag: string;
  start: number;
  end: number;
  inner: string;
}

/**
 * Every `<tag>…</tag>` in the text with at most `max` characters inside,
 * each ending at the first closing tag after it (what a lazy regex would
 * match). Found with indexOf and a closing position that only moves
 * forward, so the work is linear in the text even when openings never close.
 */
export function elements(text: string, tags: string[], max = 8000): ElementAt[] {
  const out: ElementAt[] = [];
  for (const tag of tags) {
    const openTag = `<${tag}>`;
    const closeTag = `</${tag}>`;
    let close = -1;
    let from = 0;
    for (let open = text.indexOf(openTag, from); open !== -1; open = text.indexOf(openTag, from)) {
      const inner = open + openTag.length;
      if (close < inner) close = text.indexOf(closeTag, inner);
      if (close === -1) break;
      if (close - inner <= max) {
        out.push({ tag, start: open, end: close + closeTag.length, inner: text.slice(inner, close) });
        from = close + closeTag.length;
      } else from = inner;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The end of the `lines`-th line after `from` (or of the text), reading at most `reach` characters. */
export function linesAfter(text: string, from: number, lines: number, reach: number): number {
  const limit = Math.min(text.length, from + reach);
  let seen = 0;
  for (let i = from; i < limit; i++) if (text.charCodeAt(i) === 10 && ++seen === lines) return i;
  return limit;
}

/**
 * The line around offset `at`, clipped to `reach` characters on each side:
 * a recogniser reads the line it matched on, and clipping keeps that linear
 * when one huge line holds many matches.
 */
export function lineAround(text: string, at: number, reach = 2000): { start: number; end: number; line: string } {
  const low = Math.max(0, at - reach);
  let start = at;
  while (start > low && text.charCodeAt(start - 1) !== 10) start--;
  const high = Math.min(text.length, at + reach);
  let end = at;
  while (end < high && text.charCodeAt(end) !== 10) end++;
  return { start, end, line: text.slice(start, end) };
}

/**
 * The whole line around offset `at`, not clipped: for a reader that reads
 * each line at most once (it goes on from the line's end), so however long
 * the lines, the text is read a bounded number of times.
 */
export function wholeLine(text: string, at: number): { start: number; end: number } {
  const end = text.indexOf('\n', at);
  return { start: at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1, end: end === -1 ? text.length : end };
}

/** JSON.parse that returns undefined instead of throwing. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The text of the first `<tag>…</tag>` in `xml` (CDATA unwrapped, entities decoded), if any. */
export function xmlText(xml: string, tag: string): string | undefined {
  const open = xml.indexOf(`<${tag}>`);
  if (open === -1) return undefined;
  const from = open + tag.length + 2;
  const close = xml.indexOf(`</${tag}>`, from);
  if (close === -1) return undefined;
  let raw = xml.slice(from, close);
  if (raw.startsWith('<![CDATA[') && raw.endsWith(']]>')) raw = raw.slice(9, -3);
  return decodeEntities(raw.trim());
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : all;
  });
}

/** Percent-decodes UTF-8 (`%E9%AA%8C…`); the input unchanged when it is not valid. */
export function percentDecode(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

/** A string value, or a number/boolean written as one; anything else is undefined. */
export function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A JSON object found around a key, with a reader for its top-level string fields. */
export interface JsonObjectAt {
  start: number;
  end: number;
  body: string;
  /** A field as a string (numbers and booleans too); read leniently when the object is not valid JSON. */
  get(key: string): string | undefined;
}

/** The JSON object that encloses offset `at` (a key's position), if it closes after it. */
export function jsonObjectAt(text: string, at: number): JsonObjectAt | undefined {
  const start = enclosingBrace(text, at);
  if (start === -1) return undefined;
  const end = matchBracket(text, start);
  if (end === -1 || end < at) return undefined;
  const body = text.slice(start, end);
  const parsed = tryJson(body) as Record<string, unknown> | undefined;
  const get = (k: string): string | undefined => (parsed && typeof parsed === 'object' ? scalar(parsed[k]) : looseJsonField(body, k));
  return { start, end, body, get };
}

/**
 * The value of the first `"key": "…"` or `"key": 123` in text that is not
 * valid JSON (a body cut short, a log line around it): read by hand, so the
 * key needs no escaping into a pattern and the scan is linear.
 */
export function looseJsonField(body: string, key: string): string | undefined {
  const needle = `"${key}"`;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + 1)) {
    let i = skipSpace(body, at + needle.length);
    if (body[i] !== ':') continue;
    i = skipSpace(body, i + 1);
    if (body[i] === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      if (j >= body.length) return undefined;
      const raw = body.slice(i + 1, j);
      return raw.includes('\\') ? ((tryJson(`"${raw}"`) as string | undefined) ?? raw) : raw;
    }
    let j = i + (body[i] === '-' ? 1 : 0);
    while (j < body.length && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) j++;
    if (j > i + (body[i] === '-' ? 1 : 0)) return body.slice(i, j);
  }
  return undefined;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

/**
 * Where `needle` next occurs from `from`, within `reach` characters and before
 * the end of the line; -1 if it does not. The hand-written form of
 * `[^\n]{0,reach}?needle`, which a regex engine rescans from every start.
 */
export function indexOnLine(text: string, needle: string, from: number, reach: number): number {
  // Search a window, not the rest of the text: a needle that never comes would make every call read to the end.
  const window = text.slice(from, from + reach + needle.length);
  const at = window.indexOf(needle);
  if (at === -1) return -1;
  const nl = window.indexOf('\n');
  return nl !== -1 && nl < at ? -1 : from + at;
}
