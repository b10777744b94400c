/**
 * Masks secrets in text a person is about to share (a ticket summary, a
 * note, a value from a pasted log): request signatures, AccessKey ids and
 * secrets, access tokens and session keys, passwords, phone numbers and
 * e-mail addresses, in the shapes the analyzer reads — query strings and
 * form bodies (`sign=…`), JSON (`"access_token":"…"`), TOP's `args` pairs
 * (`{"key":"sign","value":"…"}`), XML (`<AccessKeySecret>…</AccessKeySecret>`),
 * the Xcode console's dictionaries (`sign = …;`), HTTP headers
 * (`Authorization: Bearer …`) and free text.
 *
 * Every pattern is bounded (no nested quantifiers, capped repeats), so
 * masking is linear in the input, like the analyzer.
 */

export const SECRET_KINDS = ['signature', 'accessKeyId', 'accessKeySecret', 'token', 'sessionKey', 'password', 'phone', 'email'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export interface Redacted {
  text: string;
  /** How many values of each kind were masked (kinds with none are absent). */
  masked: Partial<Record<SecretKind, number>>;
}

/** What a masked value is replaced with: says what was there, shows none of it. */
export const maskFor = (kind: SecretKind) => `[masked ${kind}]`;

/**
 * Parameter names whose value is a secret, by kind (compared without case,
 * `_` and `-`). Names are whole: `sign_method`, `SignatureNonce` and
 * `InvalidAccessKeyId.NotFound` are not matched.
 */
const KEYS: Record<string, SecretKind> = {
  sign: 'signature',
  signature: 'signature',
  accesskeyid: 'accessKeyId',
  accesskey: 'accessKeyId',
  accesskeysecret: 'accessKeySecret',
  accesssecret: 'accessKeySecret',
  secretkey: 'accessKeySecret',
  secret: 'accessKeySecret',
  appsecret: 'accessKeySecret',
  clientsecret: 'accessKeySecret',
  accesstoken: 'token',
  refreshtoken: 'token',
  token: 'token',
  authorization: 'token',
  securitytoken: 'token',
  session: 'sessionKey',
  sessionkey: 'sessionKey',
  sessionid: 'sessionKey',
  password: 'password',
  newpassword: 'password',
  oldpassword: 'password',
  passwd: 'password',
  pwd: 'password',
};

/** Name endings that mark a secret whatever comes before (`ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `x-auth-token`). */
const SUFFIXES: [string, SecretKind][] = [
  ['accesskeysecret', 'accessKeySecret'],
  ['accesskeyid', 'accessKeyId'],
  ['secret', 'accessKeySecret'],
  ['password', 'password'],
  ['token', 'token'],
];

const norm = (name: string) => name.replace(/[-_]/g, '').toLowerCase();

/** The kind of secret a parameter name holds, if any. */
export function secretKindOf(name: string): SecretKind | undefined {
  const n = norm(name);
  return Object.hasOwn(KEYS, n) ? KEYS[n] : SUFFIXES.find(([suffix]) => n.endsWith(suffix))?.[1];
}

/** A name, optionally quoted, then `=`, `:`, ` = ` or `":"`; the value is read by hand after it. */
const KEY_VALUE = /(?<![A-Za-z0-9_.-])(["']?)([A-Za-z][A-Za-z0-9_-]{1,30})\1[ \t]{0,4}[:=][ \t]{0,4}/g;
/** `<Name>value</Name>` (XML bodies). */
const XML_ELEMENT = /<([A-Za-z][A-Za-z0-9_-]{1,30})>([^<]{1,4096})<\/\1>/g;
/** TOP `args`: `{"key":"sign","value":"…"}` — the name and the value are two JSON members. */
const NAME_VALUE_PAIR = /"key"[ \t]{0,4}:[ \t]{0,4}"([A-Za-z][A-Za-z0-9_-]{1,30})"[ \t]{0,4},[ \t]{0,4}"value"[ \t]{0,4}:[ \t]{0,4}"((?:[^"\\\n]|\\.){0,4096})"/g;
/** `Bearer <token>` / `Basic <credentials>` anywhere (headers, curl commands). */
const AUTH_SCHEME = /\b(Bearer|Basic)[ \t]{1,4}([A-Za-z0-9._~+/=-]{8,4096})/g;
/** Alibaba Cloud AccessKey ids start with `LTAI`. */
const ALIYUN_AK_ID = /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,28}(?![A-Za-z0-9])/g;
/**
 * An Alibaba Cloud AccessKey secret written on its own, in a note ("the secret is …"):
 * 30 letters and digits with upper case, lower case and a digit. Trace ids (hex, lower
 * case), request ids (UUIDs) and TOP request ids do not have that shape.
 */
const ALIYUN_AK_SECRET = /(?<![A-Za-z0-9+/=_-])(?=[a-z0-9]{0,29}[A-Z])(?=[A-Z0-9]{0,29}[a-z])(?=[A-Za-z]{0,29}[0-9])[A-Za-z0-9]{30}(?![A-Za-z0-9+/=_-])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
/** Mainland China mobile numbers (optionally +86), and international numbers written with a `+`. */
const PHONE = /(?<![A-Za-z0-9+])(?:(?:\+|00)86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![A-Za-z0-9])|(?<![A-Za-z0-9+])\+[1-9][0-9]{0,2}[ -]?[0-9]{2,4}(?:[ -]?[0-9]{2,4}){1,4}(?![A-Za-z0-9])/g;

/** Values that carry no secret even under a secret's name. */
const HARMLESS = /^(?:|null|true|false|undefined|nil|\(null\)|\*+|\[masked [A-Za-z]+\])$/i;

interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

/** Masks every secret in `text`, and counts what it masked. */
export function redact(text: string): Redacted {
  const spans: Span[] = [];
  const add = (start: number, end: number, kind: SecretKind) => {
    if (end > start && !HARMLESS.test(text.slice(start, end))) spans.push({ start, end, kind });
  };

  for (const m of text.matchAll(KEY_VALUE)) {
    const kind = secretKindOf(m[2]!);
    if (!kind) continue;
    const { start, end } = readValue(text, m.index + m[0].length, norm(m[2]!) === 'authorization');
    add(start, end, kind);
  }
  for (const m of text.matchAll(XML_ELEMENT)) {
    const kind = secretKindOf(m[1]!);
    if (kind) add(m.index + m[1]!.length + 2, m.index + m[1]!.length + 2 + m[2]!.length, kind);
  }
  for (const m of text.matchAll(NAME_VALUE_PAIR)) {
    const kind = secretKindOf(m[1]!);
    if (kind) add(m.index + m[0].length - 1 - m[2]!.length, m.index + m[0].length - 1, kind);
  }
  for (const m of text.matchAll(AUTH_SCHEME)) add(m.index + m[0].length - m[2]!.length, m.index + m[0].length, 'token');
  for (const m of text.matchAll(ALIYUN_AK_ID)) add(m.index, m.index + m[0].length, 'accessKeyId');
  for (const m of text.matchAll(ALIYUN_AK_SECRET)) add(m.index, m.index + m[0].length, 'accessKeySecret');
  for (const m of text.matchAll(EMAIL)) add(m.index, m.index + m[0].length, 'email');
  for (const m of text.matchAll(PHONE)) add(m.index, m.index + m[0].length, 'phone');

  return apply(text, spans);
}

/**
 * Where the value after `name=` / `"name":` ends: at its closing quote when
 * quoted, else at the first delimiter of the formats above.
 */
function readValue(text: string, from: number, authorization: boolean): { start: number; end: number } {
  const quote = text[from];
  if (quote === '"' || quote === "'") {
    let i = from + 1;
    const limit = Math.min(text.length, i + 4096);
    while (i < limit && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    return { start: from + 1, end: Math.min(i, text.length) };
  }
  let start = from;
  // `Authorization: Bearer <token>`: keep the scheme, mask the credentials.
  if (authorization) {
    const scheme = /^(?:Bearer|Basic|Token|APPCODE)[ \t]{1,4}/i.exec(text.slice(from, from + 16));
    if (scheme) start += scheme[0].length;
  }
  let i = start;
  const limit = Math.min(text.length, start + 4096);
  while (i < limit && !/[\s&,;"'<>{}()[\]]/.test(text[i]!)) i++;
  return { start, end: i };
}

/** Replaces the spans (overlaps merged, the first kind kept) and counts them. */
function apply(text: string, spans: Span[]): Redacted {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const masked: Redacted['masked'] = {};
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // inside a span already masked
    out += text.slice(at, span.start) + maskFor(span.kind);
    masked[span.kind] = (masked[span.kind] ?? 0) + 1;
    at = span.end;
  }
  return { text: out + text.slice(at), masked };
}

/** Adds two tallies of masked values. */
export function addMasked(a: Redacted['masked'], b: Redacted['masked']): Redacted['masked'] {
  const out = { ...a };
  for (const kind of SECRET_KINDS) if (b[kind]) out[kind] = (out[kind] ?? 0) + b[kind];
  return out;
}
