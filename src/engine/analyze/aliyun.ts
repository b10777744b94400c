import { elements, jsonObjectAt, lineAround, linesAfter, xmlText } from './text.ts';
import { ALIYUN_CODE } from './loose.ts';
import type { Field, Hit } from './types.ts';

/**
 * Alibaba Cloud OpenAPI (POP) errors. Every product answers with the same
 * envelope: `Code`, `Message`, `RequestId`, `HostId`, `Recommend` (a
 * troubleshooting URL), as JSON or XML; SDKs print it inside their own
 * exception text, where the API's code is the inner one (EXTRA-SOURCES; seed
 * 002 for Mobile Push's codes).
 */

/** An Alibaba Cloud error code: `Throttling.User`, `InvalidAccessKeyId.NotFound`, `SDK.InvalidRegionId`, `isv.BUSINESS_LIMIT_CONTROL`. */
const CODE = ALIYUN_CODE;
const REQUEST_ID = /request[ _-]?id[ \t]{0,4}(?:["'][ \t]{0,4})?[:=][ \t]{0,4}["']?([0-9A-Za-z][0-9A-Za-z-]{7,80})/i;

function envelopeFields(get: (k: string) => string | undefined): Field[] {
  const fields: Field[] = [];
  for (const name of ['Message', 'RequestId', 'HostId', 'Recommend']) {
    const v = get(name);
    if (v) fields.push({ name, value: v });
  }
  return fields;
}

function httpFrom(s: string | undefined): number | undefined {
  const n = s ? Number(s) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

export function aliyunJson(text: string): Hit[] {
  const hits: Hit[] = [];
  const re = /"Code"\s*:\s*"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const obj = jsonObjectAt(text, m.index);
    if (!obj) continue;
    const { start: open, end: close, body, get } = obj;
    // The shape of the whole envelope, not one word: a Code with the request's id or host.
    if (!/"(RequestId|HostId)"\s*:/.test(body)) continue;
    const code = get('Code');
    if (!code || !CODE.test(code)) continue;
    const http = httpFrom(get('HttpCode') ?? get('StatusCode'));
    hits.push({
      platform: 'aliyun',
      code,
      ...(http ? { http } : {}),
      format: 'Alibaba Cloud error response (JSON)',
      fields: envelopeFields(get),
      start: open,
      end: close,
    });
    re.lastIndex = close;
  }
  return hits;
}

export function aliyunXml(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const el of elements(text, ['Error'])) {
    const xml = el.inner;
    if (!/<(RequestId|HostId)>/.test(xml)) continue;
    const code = xmlText(xml, 'Code');
    if (!code || !CODE.test(code)) continue;
    hits.push({
      platform: 'aliyun',
      code,
      format: 'Alibaba Cloud error response (XML)',
      fields: envelopeFields((k) => xmlText(xml, k)),
      start: el.start,
      end: el.end,
    });
  }
  return hits;
}

interface SdkShape {
  name: string;
  /** Finds the start of one exception; group 1 may hold the code. */
  start: RegExp;
  /** Reads the code from the block when the start did not. */
  code?: RegExp;
  /** Reads the message: group 1 of a pattern, or a function for what a pattern cannot say without backtracking. */
  message?: RegExp | ((block: string) => string | undefined);
  http?: RegExp;
  /** What the text around the start must show too, where the start alone is a shape other services share. */
  context?: RegExp;
}

/** How each SDK prints the envelope (EXTRA-SOURCES: Python, Go, Tea, Java/.NET, PHP). */
const SDK_SHAPES: SdkShape[] = [
  {
    name: 'Python SDK ServerException',
    start: /HTTP Status:\s*(\d{3})\s+Error:\s*([A-Z][\w.]*)/g,
    message: pythonMessage,
  },
  {
    name: 'Go SDK error',
    start: /SDK\.ServerError\b/g,
    code: /ErrorCode:\s*([A-Z][\w.]*)/,
    message: /\bMessage:\s*(.+)/,
    http: /(?:HttpStatus|StatusCode):\s*(\d{3})/,
  },
  {
    name: 'Tea SDK error',
    start: /\b(?:SDKError|TeaException|TeaError)\b/g,
    code: /(?:^|\n|\s)Code:\s*([A-Z][\w.]*)/,
    message: teaMessage,
    http: /StatusCode:\s*(\d{3})/,
  },
  {
    name: 'Java/.NET SDK exception',
    start: /(?:com\.aliyuncs|Aliyun\.Acs\.Core|aliyunsdkcore\.acs_exception)\.exceptions?\.(?:Client|Server)Exception[ \t]{0,4}:[ \t]{0,4}([A-Z][\w.]*)/gi,
    message: /Exception[ \t]{0,4}:[ \t]{0,4}[\w.]+[ \t]{0,4}:?[ \t]{0,4}(.+)/,
  },
  { name: 'Java SDK exception', start: /\bErrCode:\s*([A-Z][\w.]*)/g, message: /ErrMsg:\s*(.+)/ },
  {
    name: 'PHP SDK exception',
    start: /\[(?:"?errorCode"?(?::protected)?)\]\s*=>\s*(?:string\(\d+\)\s*)?"?([A-Z][\w.]*)/g,
    message: /\[(?:"?errorMessage"?(?::protected)?)\]\s*=>\s*(?:string\(\d+\)\s*)?"?([^"\n]+)/,
    context: /ServerException|ClientException|AlibabaCloud|aliyun|requestId/i,
  },
];

/** A Python SDK's `HTTP Status: 400 Error:<Code> <message> RequestID: <id>` line: the message alone. */
function pythonMessage(block: string): string | undefined {
  const error = block.indexOf('Error:');
  if (error === -1) return undefined;
  const lineEnd = block.indexOf('\n', error);
  const line = block.slice(error + 6, lineEnd === -1 ? undefined : lineEnd).trimStart();
  const afterCode = line.search(/[ \t]/);
  const rid = line.indexOf('RequestID:');
  return afterCode === -1 || rid <= afterCode ? undefined : line.slice(afterCode, rid).trim() || undefined;
}

/** A Tea SDK's `Message: code: 400, <message> request id: <id>` line: the message alone. */
function teaMessage(block: string): string | undefined {
  const m = /\bMessage:[ \t]{0,4}/.exec(block);
  if (!m) return undefined;
  const from = m.index + m[0].length;
  const lineEnd = block.indexOf('\n', from);
  let line = block.slice(from, lineEnd === -1 ? undefined : lineEnd).trim();
  const code = /^code:[ \t]{0,4}\d{3},[ \t]{0,4}/.exec(line);
  if (code) line = line.slice(code[0].length);
  const rid = line.indexOf(' request id:');
  return (rid === -1 ? line : line.slice(0, rid)).trim() || undefined;
}

export function aliyunSdk(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const shape of SDK_SHAPES) {
    // A start inside a block already read is the same exception (and re-reading it would make
    // text that repeats a start over and over cost quadratic time).
    let readUntil = -1;
    for (const m of text.matchAll(shape.start)) {
      if (m.index < readUntil) continue;
      const blockStart = lineAround(text, m.index, 1200).start;
      // The block: this line and the next few, as SDKs print one field a line.
      const blockEnd = linesAfter(text, m.index + 1, 8, 1200);
      const block = text.slice(m.index, blockEnd);
      const groups = m.slice(1).filter((g): g is string => g !== undefined);
      if (shape.context && !shape.context.test(text.slice(Math.max(0, m.index - 600), m.index + 600))) continue;
      const code = shape.code ? shape.code.exec(block)?.[1] : groups[groups.length - 1];
      if (!code || !CODE.test(code)) continue;
      const http = httpFrom(shape.http?.exec(block)?.[1] ?? (shape.name.startsWith('Python') ? groups[0] : undefined));
      const fields: Field[] = [];
      const message = (typeof shape.message === 'function' ? shape.message(block) : shape.message?.exec(block)?.[1])?.trim();
      if (message) fields.push({ name: 'Message', value: message.slice(0, 400) });
      const requestId = REQUEST_ID.exec(block)?.[1];
      if (requestId) fields.push({ name: 'RequestId', value: requestId });
      const recommend = /Recommend:\s*(https?:\/\/\S+)/.exec(block)?.[1];
      if (recommend) fields.push({ name: 'Recommend', value: recommend });
      // The whole block is claimed, so the JSON body a Tea SDK prints under `Data:` is not counted twice.
      hits.push({
        platform: 'aliyun',
        code,
        ...(http ? { http } : {}),
        format: `Alibaba Cloud error in a ${shape.name}`,
        fields,
        start: blockStart,
        end: blockEnd,
      });
      readUntil = blockEnd;
    }
  }
  return hits;
}
