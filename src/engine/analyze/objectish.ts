/**
 * The tolerant normaliser: turns the object-ish notations people paste into
 * key/value pairs with offsets, whatever printed them — JSON (whole, cut
 * short or copied out of the middle), Node's util.inspect and devtools
 * (unquoted keys, single quotes), PHP print_r / var_dump (also as fragments)
 * and Laravel dump (`+"Code": …`), Python repr (`u'Code': u'…'`), Go structs
 * (`Code:"Forbidden.RAM"`), `key=value` and `"key" = value;` log forms, SDK
 * exception text (`Code: … Message: …`) and full-width colons (`错误码：…`).
 * Every platform's loose reader reads the same records.
 *
 * One pass over the text: each separator (`:`, `：`, `=`, `=>`) looks back a
 * bounded distance for its key and forward a bounded distance for its value,
 * and only keys some reader uses are kept, so the work is linear in the input.
 */

/** How the pair was written, for the finding's reason. */
export type Notation = 'json' | 'node-inspect' | 'php-print_r' | 'php-var_dump' | 'python-repr' | 'go-struct' | 'key-value' | 'full-width';

export interface Pair {
  /** The key as written (quotes and brackets removed). */
  key: string;
  /** The key lower-cased without `-`, `_` or spaces: `result-status` → `resultstatus`. */
  norm: string;
  value: string;
  /** The value opens an object or array (`error_response: {`): it has no text of its own. */
  object: boolean;
  start: number;
  end: number;
  notation: Notation;
}

/** A run of pairs close together, with no key twice: one printed object or one log entry. */
export interface Rec {
  pairs: Pair[];
  start: number;
  end: number;
  get(...norms: string[]): Pair | undefined;
  /** The notation most of its pairs were written in. */
  notation: Notation;
}

/** Keys some reader uses, normalised (see Pair.norm). Others are skipped without being kept. */
const KEYS = new Set([
  'code',
  'errorcode',
  'errcode',
  'msg',
  'message',
  'errormessage',
  'errmsg',
  'subcode',
  'submsg',
  'requestid',
  'hostid',
  'recommend',
  // Not `status` alone: it is on every line of many JSON logs, and the HTTP status has other names too.
  'statuscode',
  'httpstatus',
  'httpcode',
  'error',
  'errordescription',
  'exception',
  'timestamp',
  'duration',
  'resultstatus',
  'operationtype',
  'memo',
  'tips',
  'mgwtraceid',
  'errorresponse',
  'errorrsp',
  'args',
  'retcode',
  '错误码',
  '错误信息',
  '请求id',
  '错误代码',
  '返回码',
]);
const FIRST_CHARS = new Set([...KEYS].map((k) => k.charCodeAt(0)));
/** Whether a key may start with this character (a quick no for most words in a log, before any string is made). */
const firstOk = (c: number) => FIRST_CHARS.has(c >= 65 && c <= 90 ? c | 0x20 : c);
/** Keys whose bare value is the rest of the line (a message), not one word. */
const MESSAGE_KEYS = new Set(['msg', 'message', 'errormessage', 'errmsg', 'submsg', 'errordescription', '错误信息']);
/** Two-word keys SDKs print: `Status Code: 404`, `Error Code: …`, `Request ID: …`, `HTTP Status: 400`. */
const FIRST_WORDS = new Set(['status', 'error', 'request', 'http', 'sub']);

const MAX_KEY = 48;
const MAX_VALUE = 2000;
const MAX_BARE = 400;
/** Pairs further apart than this start a new record. */
const MAX_GAP = 400;

function normKey(key: string): string {
  return key.length > 24 ? '' : key.toLowerCase().replace(/[-_ ]/g, '');
}

const isKeyChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || (c >= 0x4e00 && c <= 0x9fff);
const isBlank = (c: number) => c === 32 || c === 9;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

interface KeyAt {
  key: string;
  start: number;
  quoted: '"' | "'" | '' | '[';
}

/** The key that ends just before `sep` (spaces skipped), or undefined. */
function keyBefore(text: string, sep: number, lower: number): KeyAt | undefined {
  let j = sep - 1;
  for (let k = 0; k < 4 && j >= lower && isBlank(text.charCodeAt(j)); k++) j--;
  if (j < lower) return undefined;
  const c = text[j];
  if (c === '"' || c === "'") {
    const stop = Math.max(lower, j - MAX_KEY);
    let o = j - 1;
    while (o >= stop && text[o] !== c && text[o] !== '\n') o--;
    if (o < stop || text[o] !== c || !firstOk(text.charCodeAt(o + 1))) return undefined;
    const key = text.slice(o + 1, j);
    if (!key || key.length > MAX_KEY) return undefined;
    return { key, start: o - (o > 0 && (text[o - 1] === 'u' || text[o - 1] === '+') ? 1 : 0), quoted: c };
  }
  if (c === ']') {
    // print_r `[code]`, var_dump `["code"]`, a protected property `["errorCode":protected]`.
    const stop = Math.max(lower, j - MAX_KEY);
    let o = j - 1;
    while (o >= stop && text[o] !== '[' && text[o] !== '\n') o--;
    if (o < stop || text[o] !== '[') return undefined;
    let key = text.slice(o + 1, j);
    const colon = key.indexOf(':');
    if (colon > 0) key = key.slice(0, colon);
    if (key.startsWith('"') && key.endsWith('"') && key.length >= 2) key = key.slice(1, -1);
    return key ? { key, start: o, quoted: '[' } : undefined;
  }
  const end = j + 1;
  const stop = Math.max(lower, end - MAX_KEY);
  while (j >= stop && isKeyChar(text.charCodeAt(j))) j--;
  const start = j + 1;
  if (start === end || (!firstOk(text.charCodeAt(start)) && text.charCodeAt(start) !== 46)) return undefined;
  // A word glued to something before it (`abc.code:` is a key too, `x=code:` is not a new key's start).
  let key = text.slice(start, end);
  // `Status Code`, `Request ID`: one word more, when the two make a key.
  if (j >= stop + 1 && text[j] === ' ') {
    let w = j - 1;
    while (w >= stop && isLetter(text.charCodeAt(w))) w--;
    const word = text.slice(w + 1, j);
    if (FIRST_WORDS.has(word.toLowerCase()) && KEYS.has(normKey(`${word}${key}`))) return { key: `${word} ${key}`, start: w + 1, quoted: '' };
  }
  if (key.startsWith('.')) key = key.slice(1);
  return key ? { key, start, quoted: '' } : undefined;
}

interface ValueAt {
  value: string;
  end: number;
  object: boolean;
  quote: '"' | "'" | '';
  varDump: boolean;
}

/** A quoted string from `open` (on the quote): at most one line break inside (a hard wrap), escapes kept out. */
function quotedAt(text: string, open: number): { value: string; end: number } | undefined {
  const q = text[open];
  const limit = Math.min(text.length, open + MAX_VALUE);
  let breaks = 0;
  let out = '';
  let from = open + 1;
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\\') {
      out += text.slice(from, i);
      const n = text[i + 1];
      out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
      i++;
      from = i + 1;
      continue;
    }
    if (c === '\n' && ++breaks > 1) return undefined;
    if (c === q) return { value: (out + text.slice(from, i)).replace(/\r?\n[ \t]*/g, ''), end: i + 1 };
  }
  return undefined;
}

function valueAfter(text: string, from: number, norm: string, sep: string): ValueAt | undefined {
  let p = from;
  const limit = Math.min(text.length, from + MAX_BARE);
  let newlines = 0;
  while (p < limit && (isBlank(text.charCodeAt(p)) || (text[p] === '\n' && newlines++ < 1) || text[p] === '\r')) p++;
  // A dump kept in source code as `//` comments: the value's line starts with the comment mark too.
  if (newlines > 0 && text.startsWith('//', p)) {
    p += 2;
    while (p < limit && isBlank(text.charCodeAt(p))) p++;
  }
  if (p >= limit) return undefined;
  let varDump = false;
  // var_dump: `string(24) "…"`, `int(7)`.
  if (text.startsWith('string(', p)) {
    const close = text.indexOf(')', p);
    if (close === -1 || close - p > 16) return undefined;
    p = close + 1;
    while (p < limit && isBlank(text.charCodeAt(p))) p++;
    varDump = true;
  } else if (text.startsWith('int(', p) || text.startsWith('float(', p)) {
    const open = text.indexOf('(', p);
    const close = text.indexOf(')', open);
    if (close === -1 || close - open > 24) return undefined;
    return { value: text.slice(open + 1, close), end: close + 1, object: false, quote: '', varDump: true };
  }
  // Python 2 `u'…'`, `b'…'`.
  if ((text[p] === 'u' || text[p] === 'b') && (text[p + 1] === "'" || text[p + 1] === '"')) p++;
  // Markdown bold around a value: `"**SDK.CanNotResolveEndpoint**"`.
  const c = text[p];
  if (c === '"' || c === "'") {
    const q = quotedAt(text, p);
    if (!q) return { value: bareUntilLineEnd(text, p + 1, limit), end: Math.min(limit, lineEnd(text, p, limit)), object: false, quote: c, varDump };
    return { value: stripMarks(q.value), end: q.end, object: false, quote: c, varDump };
  }
  if (c === '{' || c === '(') return { value: '', end: p + 1, object: true, quote: '', varDump };
  if (c === '[') {
    // Node prints a one-element array `[ 'AccessDenied' ]`; anything else opens a list.
    let k = p + 1;
    while (k < limit && isBlank(text.charCodeAt(k))) k++;
    if (text[k] === "'" || text[k] === '"') {
      const q = quotedAt(text, k);
      if (q) return { value: stripMarks(q.value), end: q.end, object: false, quote: text[k] as "'", varDump };
    }
    return { value: '', end: p + 1, object: true, quote: '', varDump };
  }
  if (text.startsWith('Array', p) || text.startsWith('stdClass Object', p) || text.startsWith('array(', p))
    return { value: '', end: p + 1, object: true, quote: '', varDump };
  if (sep === '=>' || MESSAGE_KEYS.has(norm)) {
    // The rest of the line; print_r on one line ends a value at the next ` [key] =>`.
    let e = p;
    const stop = lineEnd(text, p, limit);
    while (e < stop && !(sep === '=>' && text[e] === ' ' && text[e + 1] === '[') && !(text[e] === ' ' && text[e + 1] === ')' && sep === '=>')) e++;
    let value = text.slice(p, e).trim();
    if (sep !== '=>') {
      // A message ends before the SDK's next field on the same line.
      const cut = value.search(/ (?:RequestId|RequestID|request id|Request ID|requestid)[:=]/);
      if (cut > 0) {
        value = value.slice(0, cut);
        e = p + cut; // the request id is read as a pair of its own
      }
      value = value.replace(/[,;]$/, '').trim();
    }
    return { value: stripMarks(value), end: e, object: false, quote: '', varDump };
  }
  let e = p;
  while (e < limit) {
    const ch = text.charCodeAt(e);
    // Stops: space, tab, line end, , ; } ] ) " ' ` < ，
    if (
      ch === 32 ||
      ch === 9 ||
      ch === 10 ||
      ch === 13 ||
      ch === 44 ||
      ch === 59 ||
      ch === 125 ||
      ch === 93 ||
      ch === 41 ||
      ch === 34 ||
      ch === 39 ||
      ch === 96 ||
      ch === 60 ||
      ch === 0xff0c ||
      ch === 0x3002
    )
      break;
    // `Error: RequestId: …`: a word ending in a colon and a space is the next key: this key has no value.
    if (ch === 58 && (text.charCodeAt(e + 1) === 32 || text.charCodeAt(e + 1) === 9)) return undefined;
    e++;
  }
  if (e === p) return undefined;
  return { value: stripMarks(text.slice(p, e)), end: e, object: false, quote: '', varDump };
}

/** The end of the line from `from`, looking no further than `limit` (an indexOf would read to the end of a text without line breaks, each time). */
function lineEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && text.charCodeAt(i) !== 10) i++;
  return i;
}

function bareUntilLineEnd(text: string, from: number, limit: number): string {
  return text.slice(from, lineEnd(text, from, limit)).trim();
}

function stripMarks(v: string): string {
  let s = v.trim();
  while (s.startsWith('**') && s.endsWith('**') && s.length > 4) s = s.slice(2, -2).trim();
  if (s.startsWith('`') && s.endsWith('`') && s.length > 2) s = s.slice(1, -1);
  return s;
}

function notationOf(k: KeyAt, sep: string, v: ValueAt, text: string): Notation {
  if (sep === '：') return 'full-width';
  if (sep === '=>') return v.varDump || text[k.start + 1] === '"' ? 'php-var_dump' : 'php-print_r';
  if (sep === '=') return 'key-value';
  if (text[k.start] === 'u' && k.quoted === "'") return 'python-repr';
  if (k.quoted === "'") return 'python-repr';
  if (k.quoted === '"') return 'json';
  if (v.quote === "'") return 'node-inspect';
  if (v.quote === '"') return 'go-struct';
  return 'key-value';
}

/**
 * A record needs one of the PRIMARY keys below, and each of those keys holds
 * `code`, `error`, `result` or `错误` (`errorCode`, `Result Status`,
 * `错误代码`…): text far from all four can hold no record, so readPairs reads
 * only around them. One quick literal search replaces the per-separator work
 * on most lines of a log.
 *
 * How far before an anchor a record's first pairs are looked for (then back
 * to the line's start, within SNAP). In the public corpus the primary key is
 * at most ~320 characters after its record's first pair.
 */
const ANCHOR_BACK = 1024;
const SNAP = 256;
/** How far after a pair (or an anchor) the next pair of the same record may start its separator. */
const ANCHOR_AHEAD = MAX_GAP + MAX_KEY + 8;

/** Every interesting key/value pair in `text`, in order. */
function readPairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  const n = text.length;
  // A literal, not a shared one: its lastIndex is this call's.
  const anchors = /code|error|result|错误/gi;
  /** The next anchor at or after `from` (n when none), searched again only once passed. */
  let anchor = -1;
  const nextAnchor = (from: number): number => {
    if (anchor !== n && anchor < from) {
      anchors.lastIndex = from;
      anchor = anchors.exec(text)?.index ?? n;
    }
    return anchor;
  };
  /** Separators up to here are read (the text near an anchor, and past the last pair while its record may go on). */
  let readTo = -1;
  let lower = 0;
  // The next `:`, `=` and `：` at or after a position, each found with indexOf (much quicker than a
  // loop over every character) and looked for again only once passed.
  const cursors = [-2, -2, -2];
  const seps = [':', '=', '：'];
  const nextSep = (from: number): number => {
    let best = n;
    for (let c = 0; c < 3; c++) {
      if (cursors[c]! !== -1 && cursors[c]! < from) cursors[c] = text.indexOf(seps[c]!, from);
      const at = cursors[c]!;
      if (at !== -1 && at < best) best = at;
    }
    return best;
  };
  for (let i = nextSep(0); i < n; i = nextSep(i + 1)) {
    // Far from every anchor: on to the next anchor's neighbourhood.
    if (i > readTo) {
      const a = nextAnchor(i - ANCHOR_AHEAD);
      if (a === n) break;
      if (a - ANCHOR_BACK > i) {
        let start = a - ANCHOR_BACK;
        for (let k = start, stop = Math.max(0, start - SNAP); k > stop; k--) {
          if (text.charCodeAt(k - 1) === 10) {
            start = k;
            break;
          }
        }
        start = Math.max(start, i);
        lower = Math.max(lower, start);
        readTo = a + ANCHOR_AHEAD;
        i = nextSep(start) - 1;
        continue;
      }
      readTo = a + ANCHOR_AHEAD;
    }
    const ch = text.charCodeAt(i);
    let sep: string;
    if (ch === 58) sep = ':';
    else if (ch === 0xff1a) sep = '：';
    else if (ch === 61) sep = text.charCodeAt(i + 1) === 62 ? '=>' : '=';
    else continue;
    // `::`, `==`, `:=`, URLs' `://`: not a separator.
    const next = text.charCodeAt(i + sep.length);
    if (next === 58 || next === 61 || (ch === 58 && next === 47 && text.charCodeAt(i + 2) === 47)) {
      i += 1;
      continue;
    }
    // A key ends in a letter, a quote or a bracket: most separators in a log (times, `12:01:00`) are rejected here.
    let b = i - 1;
    while (b > lower && isBlank(text.charCodeAt(b))) b--;
    const before = text.charCodeAt(b);
    if (!(isLetter(before) || before === 34 || before === 39 || before === 93 || (before >= 0x4e00 && before <= 0x9fff))) continue;
    const k = keyBefore(text, i, lower);
    if (!k) continue;
    const norm = normKey(k.key);
    if (!KEYS.has(norm)) continue;
    const v = valueAfter(text, i + sep.length, norm, sep);
    if (!v) continue;
    pairs.push({ key: k.key, norm, value: v.value, object: v.object, start: k.start, end: v.end, notation: notationOf(k, sep, v, text) });
    readTo = Math.max(readTo, v.end + ANCHOR_AHEAD);
    // Go on after the value, except into a message that itself holds an envelope (an SDK error quoted inside another).
    const nested = !v.object && v.value.length > 20 && (v.value.includes('Code:') || v.value.includes('"Code"') || v.value.includes('ErrorCode'));
    if (!v.object && !nested) i = Math.max(i, v.end - 1);
    lower = nested ? i + 1 : Math.max(lower, i + 1);
  }
  return pairs;
}

/** Keys one of which a record must have to be worth reading (the code's, by platform). */
const PRIMARY = new Set(['code', 'errorcode', 'errcode', 'error', 'resultstatus', '错误码', '错误代码']);

/** Pairs grouped into records: a new one starts at a key already seen, after an object closes and a line ends, or after a gap. */
export function readRecords(text: string): Rec[] {
  const recs: Rec[] = [];
  let cur: Pair[] = [];
  const flush = () => {
    if (cur.some((p) => PRIMARY.has(p.norm))) recs.push(new Record(cur));
    cur = [];
  };
  for (const p of readPairs(text)) {
    const last = cur[cur.length - 1];
    if (last && (p.start - last.end > MAX_GAP || cur.some((q) => q.norm === p.norm) || closesBetween(text, last.end, p.start))) flush();
    cur.push(p);
  }
  flush();
  return recs;
}

/** Whether an object closes and a new line starts between two pairs: the next pair is another entry's. */
function closesBetween(text: string, from: number, to: number): boolean {
  let closed = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 125 || c === 41) closed = true;
    else if (c === 10 && closed) return true;
  }
  return false;
}

/** Notations, most telling first. */
const NOTATION_RANK: readonly Notation[] = ['php-var_dump', 'php-print_r', 'python-repr', 'node-inspect', 'go-struct', 'json', 'full-width', 'key-value'];

class Record implements Rec {
  readonly start: number;
  readonly end: number;
  readonly notation: Notation;
  constructor(readonly pairs: Pair[]) {
    this.start = pairs[0]!.start;
    this.end = pairs[pairs.length - 1]!.end;
    // The most telling notation among its pairs: `code: 15` alone could be anything, `msg: '…'` says Node.
    let best = NOTATION_RANK.length;
    for (const p of pairs) best = Math.min(best, NOTATION_RANK.indexOf(p.notation));
    this.notation = NOTATION_RANK[best] ?? pairs[0]!.notation;
  }
  get(...norms: string[]): Pair | undefined {
    for (const n of norms) {
      const p = this.pairs.find((x) => x.norm === n);
      if (p) return p;
    }
    return undefined;
  }
}
