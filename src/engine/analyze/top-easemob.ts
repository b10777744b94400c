import { elements, enclosingBrace, lineAround, jsonObjectAt, looseJsonField, matchBracket, scalar, tryJson, xmlText } from './text.ts';
import { TOP_CODES } from './known.ts';
import type { Field, Hit } from './types.ts';

/**
 * Taobao Open Platform (seed 003): an error is `{"error_response": {code, msg,
 * sub_code, sub_msg, args, request_id}}` (the old format: `{"error_rsp":
 * {code, msg}}`), or the same as XML. A Java SDK that asked for JSON and got
 * XML throws `JSONException: A JSONObject text must begin with '{'`.
 */
export function topEnvelopes(text: string): Hit[] {
  const hits: Hit[] = [];
  const re = /"(error_response|error_rsp)"\s*:\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const inner = m.index + m[0].length - 1;
    const innerEnd = matchBracket(text, inner);
    if (innerEnd === -1) continue;
    const outer = enclosingBrace(text, m.index);
    const outerEnd = outer === -1 ? -1 : matchBracket(text, outer);
    const start = outer !== -1 && outerEnd >= innerEnd ? outer : m.index;
    const end = outer !== -1 && outerEnd >= innerEnd ? outerEnd : innerEnd;
    const body = text.slice(inner, innerEnd);
    const parsed = tryJson(body) as Record<string, unknown> | undefined;
    const get = (k: string): string | undefined => (parsed && typeof parsed === 'object' ? scalar(parsed[k]) : looseJsonField(body, k));
    const code = get('code');
    if (!code) continue;
    const subCode = get('sub_code');
    // Other open platforms wrap errors in `error_response` too (Youzan: code 40005): the code must be
    // TOP's, or the sub-code TOP-shaped, or the text around name TOP.
    if (
      !TOP_CODES.has(code) &&
      !(subCode && /^is[pv]\./.test(subCode)) &&
      !/taobao|淘宝|alidayu|阿里大于|tmall|天猫/i.test(text.slice(Math.max(0, start - 600), end + 600))
    ) {
      re.lastIndex = end;
      continue;
    }
    const fields: Field[] = [];
    for (const name of ['msg', 'sub_msg', 'request_id']) {
      const v = get(name);
      if (v) fields.push({ name, value: v });
    }
    const args = argsOf(parsed?.args);
    if (args) fields.push({ name: 'args', value: args });
    hits.push({
      platform: 'top',
      code,
      ...(subCode ? { subCode } : {}),
      format: m[1] === 'error_rsp' ? 'TOP error (old error_rsp format, JSON)' : 'TOP error_response (JSON)',
      fields,
      start,
      end,
    });
    re.lastIndex = end;
  }
  for (const x of elements(text, ['error_response', 'error_rsp'])) {
    const xml = x.inner;
    const code = xmlText(xml, 'code');
    if (!code) continue;
    const fields: Field[] = [];
    for (const name of ['msg', 'sub_msg', 'request_id']) {
      const v = xmlText(xml, name);
      if (v) fields.push({ name, value: v });
    }
    const subCode = xmlText(xml, 'sub_code');
    hits.push({ platform: 'top', code, ...(subCode ? { subCode } : {}), format: `TOP ${x.tag} (XML)`, fields, start: x.start, end: x.end });
  }
  // Asked for JSON, got XML: the SDK's JSON parser meets the XML's "<".
  for (const f of text.matchAll(/A JSONObject text must begin with '\{'[^\n]*/g)) {
    const around = text.slice(Math.max(0, f.index - 400), f.index + 600);
    if (!/com\.taobao\.api|taobao|<\?xml/i.test(around)) continue;
    const s = lineAround(text, f.index).start;
    hits.push({ platform: 'top', code: 'response-format-error', format: 'TOP SDK: asked for JSON, got XML', fields: [], start: s, end: f.index + f[0].length });
  }
  return hits;
}

/** `args.arg[]` as `key=value` pairs. */
function argsOf(args: unknown): string | undefined {
  const list = (args as { arg?: unknown } | undefined)?.arg;
  if (!Array.isArray(list)) return undefined;
  const pairs = list
    .map((a: unknown) => {
      const o = a as { key?: unknown; value?: unknown };
      return typeof o?.key === 'string' ? `${o.key}=${scalar(o.value) ?? ''}` : undefined;
    })
    .filter((p): p is string => p !== undefined);
  return pairs.length ? pairs.join(', ') : undefined;
}

const EASEMOB_MARKERS = ['"timestamp"', '"duration"', '"exception"'];
const HTTP_STATUS = /(?:HTTP\/\d(?:\.\d)?[ \t]{1,4}|status(?:[ _]?code)?["']?[ \t]{0,4}[:=][ \t]{0,4}["']?|\b)([1-5]\d\d)(?![0-9A-Za-z_])/i;

/**
 * Easemob REST (seed 004, EXTRA-SOURCES): a JSON body `{"error",
 * "error_description", "exception", "timestamp", "duration"}` with an HTTP
 * status. A bare `{"error", "error_description"}` is the OAuth shape many
 * services share; it is only claimed when the body or the text around it
 * says Easemob (its extra fields, its host, its exception classes).
 */
export function easemobBodies(text: string): { hits: Hit[]; unclaimed: { start: number; reason: string }[] } {
  const hits: Hit[] = [];
  const unclaimed: { start: number; reason: string }[] = [];
  const re = /"error"\s*:\s*"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const obj = jsonObjectAt(text, m.index);
    if (!obj) continue;
    const { start: open, end: close, body, get } = obj;
    const error = get('error');
    const description = get('error_description');
    if (error === undefined || (description === undefined && get('exception') === undefined)) continue;
    const around = text.slice(Math.max(0, open - 600), Math.min(text.length, close + 200));
    const markers = EASEMOB_MARKERS.filter((k) => body.includes(k)).length;
    const named = /easemob|环信|usergrid|a\d*\.easemob\.com/i.test(around);
    if (markers < 2 && !named) {
      unclaimed.push({
        start: open,
        reason:
          'an error body with "error" and "error_description", but nothing in it says which service sent it (Easemob bodies also carry timestamp, duration and exception)',
      });
      re.lastIndex = close;
      continue;
    }
    // The HTTP status: in the body, else on the line(s) just before it.
    const before = text.slice(Math.max(0, open - 300), open);
    const beforeLines = before.split('\n').slice(-3).join('\n');
    const statusText =
      get('statusCode') ?? get('status') ?? HTTP_STATUS.exec(beforeLines)?.[1] ?? HTTP_STATUS.exec(text.slice(close, close + 80).split('\n')[0] ?? '')?.[1];
    const http = statusText && /^[1-5]\d\d$/.test(statusText) ? Number(statusText) : undefined;
    const fields: Field[] = [];
    if (description) fields.push({ name: 'error_description', value: description });
    const exception = get('exception');
    if (exception) fields.push({ name: 'exception', value: exception });
    for (const name of ['timestamp', 'duration']) {
      const v = get(name);
      if (v) fields.push({ name, value: v });
    }
    hits.push({
      platform: 'easemob',
      code: error || (http ? String(http) : ''),
      ...(http ? { http } : {}),
      format: 'Easemob REST error body (JSON)',
      fields,
      start: open,
      end: close,
    });
    re.lastIndex = close;
  }
  return { hits: hits.filter((h) => h.code !== ''), unclaimed };
}
