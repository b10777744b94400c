import { trimStartChars } from '../strings.ts';
import { indexOnLine, lineAround, matchBracket, percentDecode } from './text.ts';
import type { Field, Hit } from './types.ts';

/**
 * mPaaS Mobile Gateway, as the client logs it.
 *
 * - iOS (Xcode console): the response headers are an NSDictionary description,
 *   `… APMobileNetwork alipay.client.getUnionResource resp:{ "mgw-traceid" = …;
 *   "result-status" = 7014; memo = "%E9…"; tips = "…"; }` (seed 000).
 *   `result-status` is the gateway result code; 1000 is success.
 * - Android (logcat): `RpcException: [7001]`-style text, often with the tags
 *   `DynamicRelease` or `mynet_RpcInvoker` (EXTRA-SOURCES, help 191181). Codes
 *   of 1000 and up are gateway codes; below 1000 they are the Android client's
 *   own RPC codes (seed 001), and 100-599 outside those are HTTP statuses.
 * - The container: `AppNotExist` (iOS `Code=10008 "AppNotExist"`, H5
 *   `err=[10008]AppNotExist`), and Security Guard's `SecException ErrorCode = 607`.
 * - iOS RPC errors by name: `kDTRpcNetworkError` and the rest (seed 001).
 */

/**
 * `key = value;` pairs of an NSDictionary description, keys quoted or bare,
 * values quoted (with backslash escapes) or bare up to the `;`. Read by hand
 * in one pass: a pattern with optional spaces around the key, the `=` and a
 * bare value let three parts match the same spaces, which took minutes on a
 * value of thousands of spaces. A part that does not read as a pair is
 * skipped up to its `;`.
 */
export function parseNsDictionary(body: string): Map<string, string> {
  const out = new Map<string, string>();
  const n = body.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const isKeyChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.-]/.test(c);
  /** A quoted string starting at `i` (on the quote): its text and the offset after it, or undefined if unclosed. */
  const quoted = (i: number): { text: string; end: number } | undefined => {
    let j = i + 1;
    while (j < n && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
    return j < n ? { text: body.slice(i + 1, j), end: j + 1 } : undefined;
  };
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(body[i]) || body[i] === ';')) i++;
    if (i >= n) break;
    let key: string | undefined;
    if (body[i] === '"') {
      const q = quoted(i);
      if (!q) break;
      key = q.text;
      i = q.end;
    } else {
      const s = i;
      while (i < n && isKeyChar(body[i])) i++;
      if (i > s) key = body.slice(s, i);
    }
    while (i < n && isSpace(body[i])) i++;
    if (key === undefined || body[i] !== '=') {
      // Not a pair: skip this part.
      const semi = body.indexOf(';', i + 1);
      if (semi === -1) break;
      i = semi + 1;
      continue;
    }
    i++;
    while (i < n && isSpace(body[i])) i++;
    let value: string;
    if (body[i] === '"') {
      const q = quoted(i);
      if (!q) break;
      value = q.text;
      i = q.end;
      while (i < n && body[i] !== ';') i++;
    } else {
      const s = i;
      const semi = body.indexOf(';', i);
      i = semi === -1 ? n : semi;
      value = body.slice(s, i).trimEnd();
    }
    const lower = key.toLowerCase();
    if (!out.has(lower) || out.get(lower) === '') out.set(lower, value);
    i++;
  }
  return out;
}

/** An RPC operation type: dotted lower-case words such as `alipay.client.getUnionResource`. */
const OPERATION_TYPE = /\b([a-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*){2,})\b/g;

function lastOperationType(prefix: string): string | undefined {
  let found: string | undefined;
  for (const m of prefix.matchAll(OPERATION_TYPE)) found = m[1];
  return found;
}

/** How much of a response block cut off before its closing brace is read. */
const MAX_CUT = 4096;

export function mpaasResponseBlocks(text: string): Hit[] {
  const hits: Hit[] = [];
  const re = /resp(?:onse)?\s*[:=]\s*\{/g;
  // The next `result-status` at or after a position, searched again only once passed: a block without
  // one is skipped without reading it (text of nothing but `resp:{ ` read 4 KB at every one of them).
  const statusRe = /result-status/gi;
  let status = -1;
  const nextStatus = (from: number): number => {
    if (status !== Infinity && status < from) {
      statusRe.lastIndex = from;
      status = statusRe.exec(text)?.index ?? Infinity;
    }
    return status;
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const open = m.index + m[0].length - 1;
    let close = matchBracket(text, open);
    // A copy cut off before the closing brace: read what is there (up to the next blank line or 4 KB).
    const cut = close === -1;
    if (cut) {
      const blank = text.slice(open, open + MAX_CUT).indexOf('\n\n');
      close = Math.min(text.length, open + MAX_CUT, blank === -1 ? Infinity : open + blank);
    }
    const bodyEnd = cut ? close : close - 1;
    if (nextStatus(open) + 'result-status'.length > bodyEnd) continue;
    const body = text.slice(open + 1, bodyEnd);
    const dict = parseNsDictionary(body);
    const status = dict.get('result-status')?.trim();
    if (!status || !/^\d+$/.test(status)) continue;
    const lineStart = lineAround(text, m.index).start;
    const fields: Field[] = [];
    const op = dict.get('operation-type') ?? lastOperationType(text.slice(lineStart, m.index));
    if (op) fields.push({ name: 'operationType', value: op });
    for (const name of ['mgw-traceid', 'memo', 'tips', 'x-mgs-encryption', 'server-time']) {
      const value = dict.get(name);
      if (value === undefined || value === '') continue;
      const decoded = percentDecode(value);
      fields.push(decoded !== value ? { name, value, decoded } : { name, value });
    }
    hits.push({
      platform: 'mpaas',
      code: status,
      ...(status === '1000' ? { success: true } : {}),
      format: cut ? 'mPaaS response headers (Xcode console, cut short)' : 'mPaaS response headers (Xcode console)',
      client: 'ios',
      ...(cut ? { confidence: 'loose' as const } : {}),
      fields,
      start: lineStart,
      end: close,
    });
    re.lastIndex = close;
  }
  return hits;
}

export function mpaasRpcExceptions(text: string): Hit[] {
  const hits: Hit[] = [];
  const re = /RpcException\b/gi;
  const codeAt = /[ \t]{0,4}(?:code[ \t]{0,4}[:=][ \t]{0,4})?(\d{1,4})/iy;
  const zhCodeAt = /[ \t]{0,4}[:：][ \t]{0,4}(\d{1,4})/y;
  let found: RegExpExecArray | null;
  while ((found = re.exec(text)) !== null) {
    // `[code]` within 160 characters on the same line, read by hand (a `[^\n[]{0,160}` pattern rescans).
    let open = found.index + found[0].length;
    const stop = Math.min(text.length, open + 160);
    while (open < stop && text[open] !== '[' && text[open] !== '\n') open++;
    let c: RegExpExecArray | null = null;
    if (text[open] === '[') {
      codeAt.lastIndex = open + 1;
      c = codeAt.exec(text);
    } else {
      // The Chinese comments and docs: `抛出 RpcException，错误码：9`.
      const zh = indexOnLine(text, '错误码', found.index + found[0].length, 40);
      if (zh !== -1) {
        zhCodeAt.lastIndex = zh + 3;
        c = zhCodeAt.exec(text);
      }
    }
    if (!c) continue;
    const m = { index: found.index, 1: c[1]!, 0: text.slice(found.index, c.index + c[0].length) };
    const n = Number(m[1]);
    const { start: lineStart, end: lineEnd, line } = lineAround(text, m.index);
    // The rest of the line is this exception's (its message); go on after it.
    re.lastIndex = Math.max(re.lastIndex, lineEnd);
    const fields: Field[] = [];
    const op = lastOperationType(line);
    if (op) fields.push({ name: 'operationType', value: op });
    const tag = /\b(DynamicRelease|mynet_RpcInvoker|RpcInvoker)\b/.exec(line)?.[1];
    if (tag) fields.push({ name: 'tag', value: tag });
    // The message: the rest of the line after the code and its closing bracket.
    const msg = trimStartChars(line.slice(m.index + m[0].length - lineStart, m.index + m[0].length - lineStart + 300), ' \t]:,-').trim();
    if (msg && msg !== op) fields.push({ name: 'message', value: msg.slice(0, 300) });
    hits.push({
      platform: n >= 1000 ? 'mpaas' : 'mpaas-android',
      code: String(n),
      format: n >= 1000 ? 'mPaaS gateway code in an Android RpcException' : 'mPaaS Android client RpcException',
      client: 'android',
      fields,
      start: lineStart,
      end: lineEnd,
    });
  }
  return hits;
}

export function mpaasContainer(text: string): Hit[] {
  const hits: Hit[] = [];
  const lineOf = (i: number) => {
    const { start, end, line } = lineAround(text, i);
    return { s: start, e: end, line };
  };
  // One hit per line: a second mention on a line already read is the same error (analyze() would
  // drop it), and skipping it keeps a huge line of repeats linear.
  let readUntil = -1;
  for (const m of text.matchAll(/\bAppNotExist\b/g)) {
    if (m.index < readUntil) continue;
    const { s, e, line } = lineOf(m.index);
    readUntil = e;
    const fields: Field[] = [];
    const nebula = /Code=(\d+)|err=\[(\d+)\]/.exec(line);
    if (nebula) fields.push({ name: 'error code', value: nebula[1] ?? nebula[2]! });
    const appId = /\bapp_?id\b["']?\s*[=:]\s*["']?([A-Za-z0-9_]+)/i.exec(line);
    if (appId) fields.push({ name: 'appId', value: appId[1]! });
    hits.push({ platform: 'mpaas', code: 'AppNotExist', format: 'mPaaS container log (offline package)', fields, start: s, end: e });
  }
  readUntil = -1;
  const secCode = /ErrorCode[ \t]{0,4}[=:][ \t]{0,4}(\d{3,5})/y;
  for (const m of text.matchAll(/SecException\b/g)) {
    if (m.index < readUntil) continue;
    const at = indexOnLine(text, 'ErrorCode', m.index + m[0].length, 120);
    if (at === -1) continue;
    secCode.lastIndex = at;
    const code = secCode.exec(text)?.[1];
    if (!code) continue;
    const { s, e } = lineOf(m.index);
    readUntil = e;
    hits.push({ platform: 'mpaas', code, format: 'Security Guard (无线保镖) exception in the client log', fields: [], start: s, end: e });
  }
  readUntil = -1;
  for (const m of text.matchAll(/\b[kK]DTRpc[A-Z][A-Za-z]+\b/g)) {
    if (m.index < readUntil) continue;
    const { s, e } = lineOf(m.index);
    readUntil = e;
    hits.push({ platform: 'mpaas-ios', code: m[0], format: 'mPaaS iOS RPC error', client: 'ios', fields: [], start: s, end: e });
  }
  return hits;
}
