import { ALIYUN_CODES, ALIYUN_MESSAGES, EASEMOB_ERRORS, MPAAS_CODES, TOP_CODES, TOP_MESSAGES } from './known.ts';
import { readRecords, type Rec } from './objectish.ts';
import { elements, lineAround, wholeLine, xmlText } from './text.ts';
import type { Field, Hit } from './types.ts';

/**
 * Readers for what people paste rather than what a server sent: the records
 * of the object-ish normaliser (objectish.ts) read per platform, envelope
 * fragments, log forms and prose. Each decides by the whole shape — field
 * names, code ranges, the hosts and names around it — and says how sure it
 * is: `loose` for a recognised shape without its whole envelope, `prose` for
 * a code named in a person's words.
 */

/** Text around a span that says which platform it came from. */
const ALIYUN_NAMED =
  /aliyun|alicloud|alibaba ?cloud|alibabacloud|阿里云|x-oss-|x-acs-|ali-oss|\bacs:[a-z]|popgw|dysmsapi|com\.aliyuncs|\boss-cn-|\boss: service returned error/i;
/** Other clouds whose SDKs print the same `Code=…, Message=…, RequestId=…` shape (AWS, Tencent Cloud, Huawei Cloud). */
const OTHER_CLOUD_NAMED = /amazonaws|\bAWS|arn:aws|botocore|boto3|BotoServer|TencentCloud|tencentcloud|腾讯云|\bqcloud|huaweicloud|华为云/;
const TOP_NAMED = /taobao|淘宝|alidayu|阿里大于|天猫|tmall|topapi|top-api|百川|qimen|奇门|tbsandbox/i;
const TOP_WORD = /\bTOP\b/;
const NOT_TOP = /alipay|支付宝|youzan|有赞|京东|jd\.com|pinduoduo|拼多多|aliexpress|wechat|weixin|微信/i;
/** Where prose may name an mPaaS code: the gateway's names (MPAAS_NAMED), and Security Guard's and the offline packages' (for 607 and 608 only). */
const MPAAS_PROSE =
  /\bmgw\b|mgw\.htm|getUnionResource|operationType|operation-type|mpaas|APMobileNetwork|mgs-gw|alipay\.client|mobilegw|移动网关|RpcException|SecException|无线保镖|离线包/gi;
const MPAAS_NAMED =
  /\bmgw\b|mgw\.htm|getUnionResource|operationType|operation-type|mpaas|APMobileNetwork|mgs-gw|alipay\.client|mobilegw|移动网关|RpcException/i;
const EASEMOB_NAMED = /easemob|环信|usergrid/i;

/** An Alibaba Cloud code: `Forbidden.RAM`, `isv.BUSINESS_LIMIT_CONTROL`, `SDK.InvalidRegionId`. */
export const ALIYUN_CODE = /^(?:[A-Z][A-Za-z0-9_]*|isv|isp|SDK)(?:\.[A-Za-z0-9_]+)*$/;
const ALIYUN_DOTTED = /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*/;
const ALIYUN_ISV = /^isv\.[A-Z][A-Z0-9_]+$/;
/** What the second part of an Alibaba Cloud code says (InvalidResourceType.NotSupported): enough to tell it from a class name. */
const ALIYUN_SUFFIXES = new Set([
  'NotFound',
  'NotSupported',
  'NotOnSale',
  'Malformed',
  'Expired',
  'Format',
  'Empty',
  'NotExist',
  'Unsupported',
  'ValueNotSupported',
  'RAM',
  'User',
  'Api',
  'Duplicate',
  'Mismatch',
  'Missing',
  'Denied',
  'NotAllowed',
  'NotPurchase',
  'InstanceNotFound',
  'Blank',
  'LengthExceed',
  'SizeExceed',
  'BytesExceed',
  'NeedSsl',
  'Role',
  'Invalid',
  'Illegal',
  'Insufficient',
]);

const TOP_SUB = /^is[pv]\.[a-z0-9][a-z0-9-]*(?::\S+)?$/;
const TOP_REQUEST_ID = /^[a-z0-9]{8,16}$/;

function around(text: string, start: number, end: number, reach = 600): string {
  return text.slice(Math.max(0, start - reach), Math.min(text.length, end + reach));
}

const NOTATION_NAMES: Record<string, string> = {
  json: 'JSON',
  'node-inspect': 'Node util.inspect',
  'php-print_r': 'PHP print_r',
  'php-var_dump': 'PHP var_dump',
  'python-repr': 'Python repr',
  'go-struct': 'Go / devtools (unquoted keys)',
  'key-value': 'key-value text',
  'full-width': 'key-value text (full-width colons)',
};

function httpOf(rec: Rec): number | undefined {
  for (const p of [rec.get('statuscode'), rec.get('httpstatus'), rec.get('httpcode')]) {
    const n = p ? Number(p.value) : NaN;
    if (Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

function fieldsOf(rec: Rec, names: [string, string][]): Field[] {
  const out: Field[] = [];
  for (const [norm, name] of names) {
    const p = rec.get(norm);
    if (p && !p.object && p.value) out.push({ name, value: p.value.slice(0, 400) });
  }
  return out;
}

function aliyunRecord(text: string, rec: Rec): Hit | undefined {
  const codeP = rec.get('errorcode', 'code', 'errcode', '错误码', '错误代码');
  if (!codeP || codeP.object) return undefined;
  const code = codeP.value.trim();
  if (!code || /^-?\d+$/.test(code) || code.length > 80) return undefined;
  const ctx = around(text, rec.start, rec.end);
  const named = ALIYUN_NAMED.test(ctx);
  if (OTHER_CLOUD_NAMED.test(ctx) && !named) return undefined;
  const id = rec.get('requestid', 'hostid', 'recommend', '请求id');
  const capital = codeP.key === 'Code' || codeP.key === 'ErrorCode' || codeP.key === 'errorCode' || codeP.key === '错误码';
  const shaped = ALIYUN_CODE.test(code);
  // A code with a space (`Illegal app`) only inside the whole envelope.
  const spaced = !shaped && /^[A-Za-z][A-Za-z0-9 _.]{1,60}$/.test(code) && capital && rec.get('hostid') !== undefined;
  if (!shaped && !spaced) return undefined;
  const ok = (id && (capital || named)) || named || ALIYUN_DOTTED.test(code) || ALIYUN_ISV.test(code) || code.startsWith('SDK.');
  if (!ok) return undefined;
  const http = httpOf(rec);
  return {
    platform: 'aliyun',
    code,
    ...(http ? { http } : {}),
    format: `Alibaba Cloud error printed as ${NOTATION_NAMES[rec.notation]}`,
    confidence: id && capital ? 'envelope' : 'loose',
    fields: fieldsOf(rec, [
      ['message', 'Message'],
      ['errormessage', 'Message'],
      ['requestid', 'RequestId'],
      ['hostid', 'HostId'],
      ['recommend', 'Recommend'],
    ]),
    start: rec.start,
    end: rec.end,
  };
}

function topRecord(text: string, rec: Rec): Hit | undefined {
  const codeP = rec.get('code');
  if (!codeP || codeP.object || codeP.key !== 'code') return undefined;
  const code = codeP.value.trim();
  const ctx = around(text, rec.start, rec.end);
  if (NOT_TOP.test(ctx)) return undefined;
  const wrapper = rec.pairs.find((p) => p.object && (p.norm === 'errorresponse' || p.norm === 'errorrsp') && p.start < codeP.start);
  const msg = rec.get('msg')?.value;
  const sub = rec.get('subcode')?.value;
  const rid = rec.get('requestid')?.value;
  const known = TOP_CODES.has(code);
  const expected = TOP_MESSAGES[code];
  const msgFits = msg !== undefined && expected !== undefined && msg.toLowerCase().startsWith(expected.toLowerCase());
  const subFits = sub !== undefined && TOP_SUB.test(sub);
  const named = TOP_NAMED.test(ctx) || TOP_WORD.test(ctx);
  const ok = (wrapper && (known || subFits || named)) || msgFits || (known && subFits && rid !== undefined && TOP_REQUEST_ID.test(rid));
  if (!ok || !/^\d{1,5}$/.test(code)) return undefined;
  return {
    platform: 'top',
    code,
    ...(sub && sub !== '' ? { subCode: sub } : {}),
    format: wrapper
      ? `TOP error_response printed as ${NOTATION_NAMES[rec.notation]}`
      : `TOP error fields (code, msg) printed as ${NOTATION_NAMES[rec.notation]}, without the error_response wrapper`,
    confidence: wrapper ? 'envelope' : 'loose',
    fields: fieldsOf(rec, [
      ['msg', 'msg'],
      ['submsg', 'sub_msg'],
      ['requestid', 'request_id'],
    ]),
    start: wrapper?.start ?? rec.start,
    end: rec.end,
  };
}

function easemobRecord(text: string, rec: Rec): Hit | undefined {
  const errorP = rec.get('error');
  if (!errorP || errorP.object || !/^[a-z][a-z_]{2,60}$/.test(errorP.value)) return undefined;
  const exception = rec.get('exception')?.value;
  const description = rec.get('errordescription')?.value;
  const markers = ['exception', 'timestamp', 'duration'].filter((k) => rec.get(k)).length;
  const named = EASEMOB_NAMED.test(around(text, rec.start, rec.end)) || (exception !== undefined && EASEMOB_NAMED.test(exception));
  if (!(named || (description !== undefined && markers >= 2)) || !EASEMOB_ERRORS.has(errorP.value)) return undefined;
  return {
    platform: 'easemob',
    code: errorP.value,
    format: `Easemob REST error fields printed as ${NOTATION_NAMES[rec.notation]}`,
    confidence: 'loose',
    fields: fieldsOf(rec, [
      ['errordescription', 'error_description'],
      ['exception', 'exception'],
    ]),
    start: rec.start,
    end: rec.end,
  };
}

function mpaasRecord(text: string, rec: Rec): Hit | undefined {
  const p = rec.get('resultstatus');
  if (!p || p.object || !MPAAS_CODES.has(p.value.trim())) return undefined;
  if (!MPAAS_NAMED.test(around(text, rec.start, rec.end, 400))) return undefined;
  const code = p.value.trim();
  const fields: Field[] = [];
  const op =
    rec.get('operationtype')?.value ?? /\b([a-z][A-Za-z0-9_]*\.[a-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*)\b/.exec(lineAround(text, rec.start, 400).line)?.[1];
  if (op) fields.push({ name: 'operationType', value: op });
  fields.push(
    ...fieldsOf(rec, [
      ['mgwtraceid', 'mgw-traceid'],
      ['memo', 'memo'],
      ['tips', 'tips'],
    ]),
  );
  return {
    platform: 'mpaas',
    code,
    ...(code === '1000' ? { success: true } : {}),
    format: `mPaaS result-status written as ${NOTATION_NAMES[rec.notation]}`,
    confidence: 'loose',
    fields,
    start: rec.start,
    end: rec.end,
  };
}

/** Every platform's reader of the normaliser's records. */
export function looseRecords(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const rec of readRecords(text)) {
    for (const read of [aliyunRecord, topRecord, easemobRecord, mpaasRecord]) {
      const hit = read(text, rec);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

/**
 * The MGS gateway's server-side digest logs (mPaaS docs, "gateway logs"):
 * `gateway-page-digest.log` lines `(/mgw.htm,response,Y,61 ms,<operationType>,-,<appId>,<workspace>,<result code>,…)`
 * and the SPI digest `(<operationType>,<app>,<version>,36ms,Y,<result code>,<traceId>)`.
 */
export function mpaasDigest(text: string): Hit[] {
  const hits: Hit[] = [];
  let readUntil = -1;
  for (const m of text.matchAll(/\(\/mgw\.htm,|\d ?ms,[YN],/g)) {
    if (m.index < readUntil) continue;
    const { start, end, line } = lineAround(text, m.index, 1000);
    readUntil = end;
    const open = line.lastIndexOf('(', m.index - start);
    if (open === -1) continue;
    const close = line.indexOf(')', open);
    const fields = line
      .slice(open + 1, close === -1 ? undefined : close)
      .split(',')
      .map((f) => f.trim());
    let code: string | undefined;
    let op: string | undefined;
    let trace: string | undefined;
    let kind: string;
    if (fields[0] === '/mgw.htm' && fields.length >= 9) {
      code = fields[8];
      op = fields[4];
      trace = fields.find((f) => /^[0-9a-f]{24,40}$/.test(f));
      kind = 'gateway-page-digest.log';
    } else if (fields.length >= 6 && /^\d+ ?ms$/.test(fields[3] ?? '') && /^[YN]$/.test(fields[4] ?? '')) {
      code = fields[5];
      op = fields[0];
      trace = fields[6];
      kind = 'SPI digest log';
    } else continue;
    if (!code || !MPAAS_CODES.has(code)) continue;
    const out: Field[] = [];
    if (op && op !== '-') out.push({ name: 'operationType', value: op });
    if (trace) out.push({ name: 'mgw-traceid', value: trace });
    hits.push({
      platform: 'mpaas',
      code,
      ...(code === '1000' ? { success: true } : {}),
      format: `mPaaS gateway ${kind} line`,
      confidence: 'envelope',
      fields: out,
      start,
      end,
    });
  }
  return hits;
}

/** iOS `NSError` descriptions from the mPaaS frameworks: `Error Domain=nebulaappmanager_error_domain Code=10008 "app not exist"`. */
export function mpaasNsError(text: string): Hit[] {
  const hits: Hit[] = [];
  let readUntil = -1;
  for (const m of text.matchAll(/Error Domain=([A-Za-z0-9_.]{1,80}) Code=(-?\d{1,6})/g)) {
    if (m.index < readUntil) continue;
    const domain = m[1]!;
    const n = m[2]!;
    const { start, end, line } = lineAround(text, m.index, 1000);
    readUntil = end;
    const fields: Field[] = [{ name: 'domain', value: domain }];
    const desc = /Code=-?\d{1,6} "([^"\n]{1,200})"/.exec(line)?.[1];
    if (desc) fields.push({ name: 'message', value: desc });
    if (/nebula|NBApp|H5App|appmanager/i.test(domain) && (n === '10008' || /app ?not ?exist|AppNotExist/i.test(line))) {
      hits.push({ platform: 'mpaas', code: 'AppNotExist', format: 'mPaaS container NSError (iOS)', confidence: 'envelope', client: 'ios', fields, start, end });
    } else if (/DTRpc|APMobileNetwork|mPaaS|mpaas/i.test(domain) || (/rpc/i.test(domain) && MPAAS_NAMED.test(around(text, start, end, 400)))) {
      const code = Number(n);
      if (MPAAS_CODES.has(n))
        hits.push({ platform: 'mpaas', code: n, format: 'mPaaS gateway code in an iOS NSError', confidence: 'envelope', client: 'ios', fields, start, end });
      else if (code >= 0 && code < 1000)
        hits.push({ platform: 'mpaas-ios', code: n, format: 'mPaaS iOS RPC NSError', confidence: 'envelope', client: 'ios', fields, start, end });
    }
  }
  return hits;
}

/** The troubleshooting links Alibaba Cloud puts in `Recommend`, pasted alone: the code is their query. */
export function aliyunLinks(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(
    /(?:api\.aliyun\.com\/troubleshoot\?q=|error-center\.aliyun\.com\/status\/search\?Keyword=|next\.api\.aliyun\.com\/troubleshoot\?q=)([A-Za-z][A-Za-z0-9_.]{1,80})/g,
  )) {
    const code = m[1]!;
    if (!ALIYUN_CODE.test(code)) continue;
    const end = m.index + m[0].length;
    const rid = /requestId=([0-9A-Fa-f-]{8,64})/.exec(text.slice(end, end + 200))?.[1];
    hits.push({
      platform: 'aliyun',
      code,
      format: 'Alibaba Cloud troubleshooting link',
      confidence: 'loose',
      fields: rid ? [{ name: 'RequestId', value: rid }] : [],
      start: m.index,
      end,
    });
  }
  return hits;
}

/**
 * Pieces of XML envelopes: an Alibaba Cloud `<Code>` cut off before its
 * `<RequestId>` (next to an OSS or aliyuncs.com header), a TOP `</error_rsp>`
 * whose opening was not copied.
 */
export function xmlFragments(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const el of elements(text, ['Code'], 200)) {
    const code = el.inner.trim();
    if (!ALIYUN_CODE.test(code) || /^\d+$/.test(code)) continue;
    const ctx = around(text, el.start, el.end);
    if (!ALIYUN_NAMED.test(ctx) || OTHER_CLOUD_NAMED.test(ctx)) continue;
    const message = xmlText(text.slice(el.end, el.end + 2000), 'Message');
    hits.push({
      platform: 'aliyun',
      code,
      format: 'Alibaba Cloud error response (XML, cut short)',
      confidence: 'loose',
      fields: message ? [{ name: 'Message', value: message }] : [],
      start: el.start,
      end: el.end,
    });
  }
  for (const tag of ['error_rsp', 'error_response']) {
    const closeTag = `</${tag}>`;
    // Each look back stops at the previous closing tag, so the text is read once however many there are.
    let prev = 0;
    for (let at = text.indexOf(closeTag); at !== -1; prev = at + closeTag.length, at = text.indexOf(closeTag, prev)) {
      const from = Math.max(prev, at - 8000);
      const before = text.slice(from, at);
      if (before.includes(`<${tag}>`) || before.includes(`<${tag} `)) continue;
      const codeAt = before.lastIndexOf('<code>');
      if (codeAt === -1) continue;
      const piece = before.slice(codeAt);
      const code = xmlText(piece, 'code');
      if (!code || !/^\d{1,5}$/.test(code)) continue;
      const msg = xmlText(piece, 'msg');
      const sub = xmlText(piece, 'sub_code');
      hits.push({
        platform: 'top',
        code,
        ...(sub ? { subCode: sub } : {}),
        format: `TOP ${tag} (XML, opening not copied)`,
        confidence: 'loose',
        fields: msg ? [{ name: 'msg', value: msg }] : [],
        start: from + codeAt,
        end: at + closeTag.length,
      });
    }
  }
  return hits;
}

/** Alibaba Cloud Node SDKs name the error after its code: `FCInvalidArgumentError: … requestid: …`, `UnauthorizedError: … acs:log:…`, ali-oss `SignatureDoesNotMatchError: …`. */
export function aliyunErrorNames(text: string): Hit[] {
  const hits: Hit[] = [];
  let readUntil = -1;
  // Each `Error: ` found with indexOf, then the name before it read backwards: the hand-written form of
  // /\b(FC)?([A-Z][A-Za-z]{2,40})Error: /, which a regex engine would try at every capital of the text.
  // (`Error:` then a space: V8 finds `Error:` many times quicker than `Error: `.)
  for (let at = text.indexOf('Error:'); at !== -1; at = text.indexOf('Error:', at + 6)) {
    if (text.charCodeAt(at + 6) !== 32) continue;
    let w = at;
    while (w > at - 43 && w > 0 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
    // The name starts a word (nothing of a word before it) and is 3 to 41 letters long.
    if (w > 0 && /\w/.test(text[w - 1]!)) continue;
    const word = text.slice(w, at);
    const fc = word.startsWith('FC') && /^[A-Z][A-Za-z]{2,40}$/.test(word.slice(2));
    const name = fc ? word.slice(2) : word;
    if (!fc && !/^[A-Z][A-Za-z]{2,40}$/.test(name)) continue;
    if (w < readUntil) continue;
    const { start, end, line } = lineAround(text, w, 600);
    readUntil = end;
    // The OSS SDK for JavaScript (ali-oss) does the same with OSS's codes (`SignatureDoesNotMatchError: …` in a
    // browser's console): taken when the code is in the table and the text around names the SDK or the cloud.
    const oss = !fc && ALIYUN_CODES.has(name) && ALIYUN_NAMED.test(around(text, start, end, 300));
    if (!(fc && /requestid:/i.test(line)) && !/\bacs:[a-z]+:/.test(line) && !oss) continue;
    const rid = /requestid:[ \t]{0,4}([0-9A-Fa-f-]{8,64})/i.exec(line)?.[1];
    hits.push({
      platform: 'aliyun',
      code: name,
      format: oss ? 'Alibaba Cloud OSS SDK error name' : 'Alibaba Cloud Node SDK error name',
      confidence: 'loose',
      fields: rid ? [{ name: 'RequestId', value: rid }] : [],
      start,
      end,
    });
  }
  return hits;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** TOP codes by their message, lower-cased. */
const TOP_BY_MESSAGE = new Map(Object.entries(TOP_MESSAGES).map(([code, msg]) => [msg.toLowerCase(), code]));

/**
 * A person's own words: `getUnionResource 返回 7003`, `TOP 接口报
 * isv.invalid-parameter`, `15 Remote service error`, `报 SignatureDoesNotMatch`.
 * Offered only when the code is in a platform's table and the context names
 * that platform, or the code is unique to it (its shape or its table).
 */
export function proseMentions(text: string): Hit[] {
  const hits: Hit[] = [];
  // Whether the text near an offset names a platform, decided once per block of the text (not per
  // candidate), so text made of nothing but candidates stays cheap.
  const memo = new Map<string, boolean>();
  const near = (pattern: RegExp, id: string, at: number): boolean => {
    const block = at >> 8;
    const key = `${id}${block}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = pattern.test(text.slice(Math.max(0, (block << 8) - 300), (block << 8) + 556));
      memo.set(key, v);
    }
    return v;
  };
  const hit = (platform: Hit['platform'], code: string, start: number, end: number, why: string): void => {
    hits.push({ platform, code, format: why, confidence: 'prose', fields: [], start, end });
  };
  // Alibaba Cloud: a code of its table, an SDK client code, an SMS `isv.UPPER_CASE` code, a dotted code.
  // The names of ALIYUN_CODES without a dot are spelled out (the engine builds no pattern at run time; known.test.ts checks the list).
  // Read line by line, and only the lines where a quick search finds what every such code holds (a dot
  // before a capital, `SDK.`, `isv.`, or a part of one of the names): most lines of a log have none.
  const codes: { code: string; at: number }[] = [];
  const anchors = /\.[A-Z]|SDK\.|isv\.|Signature|Account|ServiceUnavailable/g;
  for (let a = anchors.exec(text); a !== null; a = anchors.exec(text)) {
    const { start, end } = wholeLine(text, a.index);
    anchors.lastIndex = end;
    for (const m of text
      .slice(start, end)
      .matchAll(
        /\b(?:SDK|isv)\.[A-Za-z][A-Za-z0-9_]{1,60}|\b[A-Z][A-Za-z0-9]{2,60}\.[A-Z][A-Za-z0-9]{1,60}\b|\b(?:SignatureNonceUsed|SignatureDoesNotMatch|AccountNotSupport|AccountProhibited|AccountInDebt|AccountDisabled|ServiceUnavailable)\b/g,
      )) {
      codes.push({ code: m[0], at: start + m.index });
    }
  }
  for (const { code, at } of codes) {
    const dot = code.indexOf('.');
    const suffix = dot === -1 ? '' : code.slice(dot + 1);
    const unique = ALIYUN_CODES.has(code) || code.startsWith('SDK.') || ALIYUN_ISV.test(code);
    const shaped = dot > 0 && !code.startsWith('isv.') && !code.startsWith('SDK.');
    if (!unique && !shaped) continue;
    const named = near(ALIYUN_NAMED, 'a', at);
    if (!named && near(OTHER_CLOUD_NAMED, 'w', at)) continue;
    if (shaped && !unique && !(ALIYUN_SUFFIXES.has(suffix) || (named && /^[A-Z][a-z]/.test(suffix)))) continue;
    // A quoted value is a field of some object, not a person's words: the object's shape decides.
    const q = text[at - 1];
    if (shaped && !unique && (q === '"' || q === "'")) continue;
    hit('aliyun', code, at, at + code.length, 'Alibaba Cloud code named in the text');
  }
  // TOP: a sub-code in TOP's shape where the text names TOP.
  const topNamed = (at: number) => !near(NOT_TOP, 'n', at) && (near(TOP_NAMED, 't', at) || near(TOP_WORD, 'T', at));
  for (const m of text.matchAll(/\bis[pv]\.[a-z][a-z0-9-]{2,60}/g)) {
    if (!topNamed(m.index)) continue;
    hit('top', m[0], m.index, m.index + m[0].length, 'TOP sub-code named in the text');
  }
  // Messages, in one pass over the text (spelled out: the engine builds no pattern at run time; known.test.ts checks
  // both lists): the Message of an Alibaba Cloud code in the table pasted without its code (ALIYUN_MESSAGES), and
  // TOP's messages (TOP_MESSAGES) — a code next to its msg, or a msg alone.
  for (const m of text.matchAll(
    /\b(?:(?:cannot find product according to your specified domain|specified api is not found,please check your url and method|your request is denied as lack of ssl protect|specified access key is not found|specified time stamp or date value is not well formatted|specified time stamp or date value is expired|specified signature nonce was used already|specified signature is not matched with our calculation|request was denied due to user flow control|request was denied due to api flow control|your account is not support|your account is prohibited|your account is in debt|your account is not enabled|the specified appkey is not authorized|the specified expiretime can not before now\(\+3seconds\)|the request has failed due to a temporary failure of the server|the request processing has failed due to some unknown error|the request processing is timeout)|(?:upload fail|user call limited|session call limited|partner call limited|app call limited|app call exceeds limited frequency|http action not allowed|service currently unavailable|insufficient isv permissions|insufficient user permissions|insufficient partner permissions|remote service error|missing method|invalid method|invalid format|missing signature|invalid signature|missing session|invalid session|missing app key|invalid app key|missing timestamp|invalid timestamp|missing version|invalid version|unsupported version|invalid arguments|forbidden request|parameter error)\b)/gi,
  )) {
    const msg = m[0].toLowerCase();
    const aliyun = ALIYUN_MESSAGES[msg];
    if (aliyun !== undefined) {
      if (!near(ALIYUN_NAMED, 'a', m.index) && near(OTHER_CLOUD_NAMED, 'w', m.index)) continue;
      hit('aliyun', aliyun, m.index, m.index + m[0].length, 'Alibaba Cloud error message in the text');
      continue;
    }
    const code = TOP_BY_MESSAGE.get(msg);
    if (code === undefined || near(NOT_TOP, 'n', m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const num = /(\d{1,3})\D{0,8}$/.exec(before);
    const withCode = num?.[1] === code;
    if (withCode || msg.split(' ').length >= 3 || topNamed(m.index)) {
      const start = withCode ? m.index - before.length + num.index : m.index;
      hit('top', code, start, m.index + m[0].length, withCode ? 'TOP code and its message in the text' : 'TOP error message in the text');
    }
  }
  // mPaaS: a gateway code on a line that names the gateway (`getUnionResource 返回 7003`), and a Security Guard
  // code (607, 608) on a line that names mPaaS, Security Guard or its offline packages (`更新离线包本地报错为：607`);
  // each such line read once.
  let readUntil = -1;
  for (const m of text.matchAll(MPAAS_PROSE)) {
    if (m.index < readUntil) continue;
    const { start, end, line } = lineAround(text, m.index, 200);
    readUntil = end;
    const gateway = MPAAS_NAMED.test(line);
    for (const n of line.matchAll(/(?<![\w.:/-])(\d{3,4})(?![\w:./-])/g)) {
      const code = n[1]!;
      const at = start + n.index;
      if (code.length === 4 && gateway && MPAAS_CODES.has(code) && code !== '1000') hit('mpaas', code, at, at + 4, 'mPaaS gateway code named in the text');
      else if (code === '607' || code === '608') hit('mpaas', code, at, at + 3, 'mPaaS Security Guard code named in the text');
    }
  }
  return hits;
}
