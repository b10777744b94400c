/**
 * Masks secrets and personal data in text a person is about to share (a
 * ticket summary, a note, a printed page, an exported case, a finding's
 * excerpt from a pasted log), in the shapes people write them:
 *
 * - `name = value` in every notation: query strings and form bodies
 *   (`sign=…`), JSON and escaped JSON (`"access_token":"…"`,
 *   `\"access_token\":\"…\"`), YAML and properties (`spring.datasource.password=…`),
 *   aligned assignments, a value on the next line, command-line flags
 *   (`--password …`), percent-encoded forms (`%26password%3D…`), HTTP
 *   headers and cookies, Chinese labels with full-width punctuation
 *   (`密钥：…`, `手机号：…`);
 * - XML elements, Android string resources and TOP's `args` pairs;
 * - secrets passed to SDK clients in code (`new DefaultTaobaoClient(url, key, "…")`,
 *   a session key as the last argument of `execute(…)`);
 * - values recognisable on their own: AccessKey ids (`LTAI…`, `STS.…`),
 *   STS tokens (`CAIS…`), JWTs, DingTalk robot secrets (`SEC…`), PEM private
 *   keys, passwords in URLs (`mysql://user:pass@host`), e-mail addresses,
 *   phone numbers (mainland mobiles and landlines, international), Chinese
 *   national ID numbers (checksum-verified) and IMEIs.
 *
 * It keeps what support needs: trace ids, request ids, error codes, app keys,
 * and ordinary sentences that merely mention a token or a password
 * ("token: expired yesterday"). Everything is read by hand or with bounded,
 * unambiguous patterns (checked by src/engine/regex-safety.test.ts), so
 * masking is linear in the input.
 */

export const SECRET_KINDS = [
  'signature',
  'accessKeyId',
  'accessKeySecret',
  'token',
  'sessionKey',
  'password',
  'privateKey',
  'apiKey',
  'cookie',
  'phone',
  'email',
  'idNumber',
  'deviceId',
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export interface Redacted {
  text: string;
  /** How many values of each kind were masked (kinds with none are absent). */
  masked: Partial<Record<SecretKind, number>>;
}

/** What a masked value is replaced with: says what was there, shows none of it. */
export const maskFor = (kind: SecretKind) => `[masked ${kind}]`;

/**
 * Parameter names whose value is a secret, by kind, compared after
 * normalising (see normName: the last dotted part, without `-`, `_` and case).
 * Names are whole: `sign_method`, `SignatureNonce`, `token_type` and
 * `InvalidAccessKeyId.NotFound` are not matched.
 */
const KEYS: Record<string, SecretKind> = {
  sign: 'signature',
  signature: 'signature',
  signatureprovided: 'signature',
  accesskeyid: 'accessKeyId',
  accesskey: 'accessKeyId',
  ak: 'accessKeyId',
  akid: 'accessKeyId',
  accesskeysecret: 'accessKeySecret',
  accesssecret: 'accessKeySecret',
  secretkey: 'accessKeySecret',
  secret: 'accessKeySecret',
  sk: 'accessKeySecret',
  aksct: 'accessKeySecret',
  appsecret: 'accessKeySecret',
  appsercet: 'accessKeySecret',
  clientsecret: 'accessKeySecret',
  consumersecret: 'accessKeySecret',
  accesstoken: 'token',
  refreshtoken: 'token',
  token: 'token',
  authorization: 'token',
  proxyauthorization: 'token',
  securitytoken: 'token',
  jwt: 'token',
  session: 'sessionKey',
  sessionkey: 'sessionKey',
  sessionid: 'sessionKey',
  topsession: 'sessionKey',
  jsessionid: 'cookie',
  cookie1: 'cookie',
  cookie2: 'cookie',
  tbtoken: 'cookie',
  sid: 'cookie',
  ptkey: 'cookie',
  cookie: 'cookie',
  setcookie: 'cookie',
  password: 'password',
  newpassword: 'password',
  oldpassword: 'password',
  passwd: 'password',
  passphrase: 'password',
  pwd: 'password',
  pass: 'password',
  privatekey: 'privateKey',
  appprivatekey: 'privateKey',
  merchantprivatekey: 'privateKey',
  rsaprivatekey: 'privateKey',
  apikey: 'apiKey',
  xapikey: 'apiKey',
  imei: 'deviceId',
  meid: 'deviceId',
  deviceid: 'deviceId',
  phone: 'phone',
  phonenumber: 'phone',
  phonenumbers: 'phone',
  mobile: 'phone',
  mobilephone: 'phone',
  cellphone: 'phone',
  telephone: 'phone',
  tel: 'phone',
};

/** Name endings that mark a secret whatever comes before (`ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `x-auth-token`, `X-Ca-Signature`), longest first. */
const SUFFIXES: [string, SecretKind][] = [
  ['secretaccesskey', 'accessKeySecret'],
  ['accesskeysecret', 'accessKeySecret'],
  ['accesskeyid', 'accessKeyId'],
  ['privatekey', 'privateKey'],
  ['secretkey', 'accessKeySecret'],
  ['accesskey', 'accessKeyId'],
  ['sessionkey', 'sessionKey'],
  ['signature', 'signature'],
  ['authcode', 'token'],
  ['password', 'password'],
  ['private', 'privateKey'],
  ['passwd', 'password'],
  ['secret', 'accessKeySecret'],
  ['session', 'sessionKey'],
  ['apikey', 'apiKey'],
  ['token', 'token'],
  ['pwd', 'password'],
  ['sid', 'sessionKey'],
];

/** Chinese labels, simplified and traditional (and the end of longer ones: 联系手机, 访问密钥), by kind. */
const CJK_LABELS: [string, SecretKind][] = [
  ['密钥', 'accessKeySecret'],
  ['秘钥', 'accessKeySecret'],
  ['密鑰', 'accessKeySecret'],
  ['祕鑰', 'accessKeySecret'],
  ['私钥', 'privateKey'],
  ['私鑰', 'privateKey'],
  ['密码', 'password'],
  ['密碼', 'password'],
  ['口令', 'password'],
  ['提取码', 'password'],
  ['令牌', 'token'],
  ['手机', 'phone'],
  ['手機', 'phone'],
  ['手机号', 'phone'],
  ['手机号码', 'phone'],
  ['电话', 'phone'],
  ['電話', 'phone'],
  ['电话号码', 'phone'],
  ['联系方式', 'phone'],
  ['身份证', 'idNumber'],
  ['身份證', 'idNumber'],
  ['身份证号', 'idNumber'],
  ['身份证号码', 'idNumber'],
];

/** `spring.datasource.password` → `password`; `--app-secret` → `appsecret`; `X-Ca-Signature` → `xcasignature`. */
function normName(name: string): string {
  const last = name.slice(name.lastIndexOf('.') + 1);
  return last.replace(/[-_\\]/g, '').toLowerCase();
}

/** The kind of secret a parameter name holds, if any. */
function secretKindOf(name: string): SecretKind | undefined {
  const n = normName(name);
  if (n === '') return undefined;
  return Object.hasOwn(KEYS, n) ? KEYS[n] : SUFFIXES.find(([suffix]) => n.endsWith(suffix))?.[1];
}

function cjkLabelKind(label: string): SecretKind | undefined {
  let best: [string, SecretKind] | undefined;
  for (const entry of CJK_LABELS) if (label.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** Values that carry no secret even under a secret's name: empty, null, booleans, yes/no, masks. */
const HARMLESS =
  /^(?:|null|none|nil|true|false|undefined|\(null\)|yes|no|on|off|redacted|\[masked [A-Za-z]+\]|\[已遮盖(?:：[^\]]{1,12})?\]|\[redacted\]|changeme|-)$/i;
/** Placeholders written in docs and templates instead of a value: `${DB_PASS}`, `<token>`, `your-key`, `$TOKEN`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`. */
const PLACEHOLDER =
  /^(?:\$\{|\$\(|\{\{|\{[A-Za-z_]{1,40}\}$|<[^<>\n]{1,60}>$|%[A-Za-z_]{1,40}%$|[Yy]our|YOUR|\$[A-Za-z_]{2,40}$|process\.env|os\.environ|System\.getenv|getenv|env\(|[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}$)/;
/** A value that shows only its beginning (`xoxe.xoxp-1-...`) or stands for one (`***`, `xxx`): a template, not a secret. */
const ELIDED = /^.{0,15}(?:\.\.\.|…)$|^\.\.\.|\*\*\*|xxx|XXX|\{\{|\}\}/;
/** Words that make a value a template (`example`, `secret_value`, `dummy-token`, `<key>_here`). */
const PLACEHOLDER_WORD = /^(?:[A-Za-z]{0,20}[_ -])?(?:example|sample|placeholder|dummy|value|here)(?:[_ -][A-Za-z]{0,20}){0,3}$/i;

/**
 * Whether `value`, found under a secret's name, is a real value rather than
 * nothing, a template or the name of the thing (`"session"`). Deliberately
 * generous: a short or silly password ("test", "123", "minioadmin") is still
 * a password, and masking a dummy value costs the reader nothing.
 */
function isValue(value: string): boolean {
  if (HARMLESS.test(value) || PLACEHOLDER.test(value) || ELIDED.test(value)) return false;
  if (/^[A-Za-z_-]{1,40}$/.test(value) && Object.hasOwn(KEYS, normName(value))) return false;
  if (/^[A-Za-z _-]{1,60}$/.test(value) && PLACEHOLDER_WORD.test(value)) return false;
  return true;
}

/**
 * A value that is a secret by its look alone, under any name (`key=…`,
 * `mimi=…`): 24 to 200 characters of letters, digits and base64 signs, with
 * upper case, lower case and at least three digits, and not hex or a UUID
 * (trace and request ids are).
 */
function looksRandom(value: string): boolean {
  if (value.length < 24 || value.length > 4096 || !/^[A-Za-z0-9+/=_-]+$/.test(value) || isIdentifier(value)) return false;
  if (/^[0-9a-fA-F-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && digits >= 3;
}
/**
 * A CamelCase name, not a random string: most of it is capitalised words of
 * four letters or more (`AliyunOpenapiClientV2Exception` has 28 of its 30
 * characters in such words; a random key of that length has almost none).
 */
function isIdentifier(value: string): boolean {
  let inWords = 0;
  for (const w of value.matchAll(/[A-Z][a-z]{3,}/g)) inWords += w[0].length;
  return inWords >= value.length * 0.6;
}

/** Names whose values are ids, hashes or versions however random they look. */
const ID_NAME = /(?:id|ids|nonce|etag|hash|md5|sha1|sha256|checksum|digest|version|uuid|guid|url|uri|path|file|name|code|type|host|trace)$/i;

export interface Span {
  start: number;
  end: number;
  kind: SecretKind;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isNameChar = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_.\\-]$/.test(c);
const isCjk = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';
/** Where an unquoted value ends after an ASCII separator. */
const VALUE_END = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '&',
  ',',
  ';',
  '"',
  "'",
  '`',
  '<',
  '>',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '\\',
  '，',
  '；',
  '。',
  '、',
  '）',
  '（',
  '|',
  '#',
]);
/** After a Chinese label or a full-width separator, a value runs to a space, a Chinese character or full-width punctuation. */
const isWideValueEnd = (c: string) =>
  c === ' ' ||
  c === '\t' ||
  c === '\n' ||
  c === '\r' ||
  c === '`' ||
  c === '"' ||
  c === "'" ||
  isCjk(c) ||
  (c >= '\u3000' && c <= '\u303f') ||
  (c >= '\uff00' && c <= '\uffef');
const MAX_VALUE = 4096;
/** How far a name may stand from its `=` (aligned assignments), and how long a name may be. */
const MAX_ALIGN = 40;
const MAX_NAME = 64;

/** Masks every secret in `text`, and counts what it masked. */
export function redact(text: string, mask: (kind: SecretKind) => string = maskFor): Redacted {
  return apply(text, secretSpans(text), mask);
}

/** Where the secrets in `text` are (overlapping, unsorted): what `redact` masks. */
function secretSpans(text: string): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, kind: SecretKind) => {
    if (end > start) spans.push({ start, end, kind });
  };
  const addValue = (start: number, end: number, kind: SecretKind) => {
    if (end > start && isValue(text.slice(start, end))) spans.push({ start, end, kind });
  };
  keyValues(text, addValue, add);
  labelsWithoutSeparator(text, addValue);
  cliFlags(text, addValue);
  pairs(text, addValue);
  codeCalls(text, addValue);
  pemKeys(text, add);
  standalone(text, add);
  inContext(text, add);
  return spans;
}

type Add = (start: number, end: number, kind: SecretKind) => void;

/**
 * `name = value` in every notation. Found from the separator (`=`, `:`, `：`,
 * `＝`, `%3D`, and the Chinese 是 / 为 after a label) backwards: the name just
 * before it (over alignment spaces and a closing quote), then the value.
 */
function keyValues(text: string, addValue: Add, add: Add): void {
  let maskedUntil = -1;
  for (const sep of text.matchAll(/[=:：＝是为為]|%3[Dd]/g)) {
    const at = sep.index;
    if (at < maskedUntil) continue;
    const s = sep[0];
    const cjkSep = s === '是' || s === '为' || s === '為';
    const key = nameBefore(text, at, !cjkSep);
    const from = at + s.length;
    if (!key) {
      // Any name, if the value looks like a key (`key="ToCynx5Se4e2PtoZxEhW7lUJcOX15c54"`).
      if (cjkSep || s === '：' || s === '＝') continue;
      const name = asciiNameBefore(text, at);
      const span = readValue(text, from, { percent: s.startsWith('%'), prose: false, wide: false });
      if (span && span !== 'nested' && !ID_NAME.test(name) && looksRandom(text.slice(span.start, span.end))) {
        add(span.start, span.end, 'accessKeySecret');
        maskedUntil = span.end;
      }
      continue;
    }
    const n = cjkSep ? '' : normName(key.name);
    if (n === 'authorization' || n === 'proxyauthorization') {
      const span = authorizationValue(text, from);
      if (span) {
        add(span.start, span.end, 'token');
        maskedUntil = span.end;
      }
      continue;
    }
    if (n === 'cookie' || n === 'setcookie') {
      maskedUntil = cookieValues(text, from, addValue);
      continue;
    }
    const wide = key.cjk || s === '：' || s === '＝' || cjkSep;
    const span = readValue(text, from, { percent: s.startsWith('%'), prose: s === ':' || s === '：', wide });
    // `app_secret 为1234567890abc` names a value; `cookie是http-only的` describes one: after an English name, 是 / 为 need a value with a digit.
    if (cjkSep && !key.cjk && span && span !== 'nested' && !/\d/.test(text.slice(span.start, span.end))) continue;
    if (span === 'nested') {
      maskedUntil = nestedValue(text, from, key.kind, addValue);
      continue;
    }
    if (!span) continue;
    // `账号：admin/123456` is a user name and its password.
    if (key.account) {
      const slash = text.indexOf('/', span.start);
      if (slash !== -1 && slash < span.end) addValue(slash + 1, span.end, 'password');
    } else addValue(span.start, span.end, key.kind);
    maskedUntil = span.end;
  }
}

/** The name (letters, digits, `_`, `.`, `-`) just before a separator, over spaces and a closing quote; '' if none. */
function asciiNameBefore(text: string, at: number): string {
  let j = at - 1;
  while (j >= 0 && at - j <= MAX_ALIGN && isSpace(text[j])) j--;
  if (text[j] === '"' || text[j] === "'") j--;
  let k = j;
  while (k >= 0 && j - k < MAX_NAME && isNameChar(text[k])) k--;
  return text.slice(k + 1, j + 1);
}

/** The secret name that ends just before the separator at `at`, read backwards, if it is one. */
function nameBefore(text: string, at: number, ascii: boolean): { name: string; kind: SecretKind; cjk?: boolean; account?: boolean } | undefined {
  let j = at - 1;
  const low = Math.max(0, at - MAX_ALIGN);
  while (j >= low && isSpace(text[j])) j--;
  // A closing quote, possibly escaped (`\"name\":`), or Markdown bold (`**密码**：`).
  if (text[j] === '"' || text[j] === "'" || text[j] === '`') {
    j--;
    if (text[j] === '\\') j--;
  } else if (text[j] === '*' && text[j - 1] === '*') j -= 2;
  const end = j + 1;
  if (isCjk(text[j])) {
    let k = j;
    while (k >= 0 && end - k <= 8 && isCjk(text[k])) k--;
    const label = text.slice(k + 1, end);
    if (/(?:账号|账户|帳號|帐号)(?:密码)?$/.test(label)) return { name: label, kind: 'password', cjk: true, account: true };
    const kind = cjkLabelKind(label);
    return kind ? { name: label, kind, cjk: true } : undefined;
  }
  if (!ascii && !isNameChar(text[j])) return undefined;
  let k = j;
  while (k >= 0 && end - k <= MAX_NAME && isNameChar(text[k])) k--;
  if (k >= 0 && end - k > MAX_NAME) return undefined;
  let name = text.slice(k + 1, end);
  // A percent-encoded query string: `%26password%3D` reads back as `26password`.
  if (text[k] === '%' && /^(?:2[6Ff]|3[Ff])/.test(name)) name = name.slice(2);
  if (!name || !/[A-Za-z]/.test(name)) return undefined;
  let kind = secretKindOf(name);
  // Two words: `AccessKey Secret：`, `Client Secret:`, `Device ID =`, `API Key:`, `Secret Access Key`.
  if (isSpace(text[k]) && isNameChar(text[k - 1])) {
    let m = k - 1;
    while (m >= 0 && k - m <= 24 && isNameChar(text[m])) m--;
    const first = text.slice(m + 1, k);
    let two = secretKindOf(first + name);
    if (!two && isSpace(text[m]) && isNameChar(text[m - 1])) {
      let o = m - 1;
      while (o >= 0 && m - o <= 24 && isNameChar(text[o])) o--;
      two = secretKindOf(text.slice(o + 1, m) + first + name);
    }
    if (two && (!kind || /^(?:id|key|secret)$/i.test(name))) kind = two;
  }
  return kind ? { name, kind } : undefined;
}

/**
 * The value after a separator: quoted (`"…"`, `'…'`, `` `…` ``, with
 * backslash escapes; `\"…\"` in escaped JSON), else up to a delimiter; on
 * the next line when the separator ends its line and a quote starts the next
 * (`String token =⏎ "…"`), or `'nested'` when an indented block follows
 * (YAML). Undefined when the value is words of a sentence ("token: expired
 * yesterday", "密码：已重置") or starts another notation (`${VAR}`, `#` comment).
 */
function readValue(
  text: string,
  from: number,
  opts: { percent: boolean; prose: boolean; wide: boolean },
): { start: number; end: number } | 'nested' | undefined {
  let i = from;
  const spaceEnd = Math.min(text.length, from + MAX_ALIGN);
  while (i < spaceEnd && isSpace(text[i])) i++;
  // "类似 `…`" / "如 …": a word of prose before the value in Chinese docs.
  if (opts.wide && /^(?:类似|例如|如)[ \t]{0,2}[`"']/.test(text.slice(i, i + 5))) {
    i += text[i + 1] === '似' || text[i + 1] === '如' ? 2 : 1;
    while (isSpace(text[i])) i++;
  }
  if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n') || i >= text.length) {
    let k = i + (text[i] === '\r' ? 2 : 1);
    const indentEnd = Math.min(text.length, k + MAX_ALIGN);
    while (k < indentEnd && isSpace(text[k])) k++;
    if (text[k] === '"' || text[k] === "'") i = k;
    else return k > i + 1 && k < text.length ? 'nested' : undefined;
  }
  let quote = text[i];
  let qlen = 1;
  if (quote === '\\' && text[i + 1] === '"') {
    quote = '\\"';
    qlen = 2;
  }
  if (quote === '"' || quote === "'" || quote === '`' || quote === '\\"') {
    const start = i + qlen;
    const limit = Math.min(text.length, start + MAX_VALUE);
    let k = start;
    while (k < limit && text[k] !== '\n') {
      if (quote === '\\"' ? text[k] === '\\' && text[k + 1] === '"' : text[k] === quote) break;
      k += text[k] === '\\' && quote !== '\\"' ? 2 : 1;
    }
    return { start, end: Math.min(k, text.length) };
  }
  const start = i;
  const first = text[start];
  if (
    first === undefined ||
    first === '#' ||
    text.startsWith('${', start) ||
    text.startsWith('{{', start) ||
    (!opts.wide && (isCjk(first) || first.charCodeAt(0) > 0x7e))
  )
    return undefined;
  const limit = Math.min(text.length, start + MAX_VALUE);
  let k = start;
  if (opts.wide) while (k < limit && !isWideValueEnd(text[k]!)) k++;
  else while (k < limit && !VALUE_END.has(text[k]!) && !(opts.percent && text[k] === '%' && /^%2[6Cc]/.test(text.slice(k, k + 3)))) k++;
  // A trailing full stop or comma ends the sentence, not the value.
  while (k > start && /[.,:;。，]/.test(text[k - 1]!)) k--;
  const value = text.slice(start, k);
  if (opts.prose && isSentence(value, text, k)) return undefined;
  return { start, end: k };
}

/**
 * A value that is the start of a sentence, not a secret: letters only (or
 * Chinese only), followed by more words or another label — "expired
 * yesterday", "reset by the user", "alicloud: API call failed", "已重置".
 */
function isSentence(value: string, text: string, end: number): boolean {
  if (/^[\u4e00-\u9fff，。、]{1,40}$/.test(value)) return true;
  if (!/^[A-Za-z]{1,20}$/.test(value)) return false;
  return text[end] === ':' || (isSpace(text[end]) && /^[ \t]{1,4}[A-Za-z]/.test(text.slice(end, end + 6)));
}

/** `password:⏎    secure: abc` (YAML): the values of the indented block under a secret's name. Returns where the block ends. */
function nestedValue(text: string, from: number, kind: SecretKind, addValue: Add): number {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  let indent = 0;
  while (isSpace(text[lineStart + indent])) indent++;
  let at = text.indexOf('\n', from);
  while (at !== -1 && at < text.length) {
    const next = at + 1;
    let k = next;
    while (isSpace(text[k])) k++;
    if (k - next <= indent || text[k] === '\n' || k >= text.length) break;
    const lineEnd = text.indexOf('\n', k);
    const line = text.slice(k, lineEnd === -1 ? text.length : lineEnd);
    const colon = line.indexOf(': ');
    if (colon > 0) {
      const span = readValue(text, k + colon + 1, { percent: false, prose: false, wide: false });
      if (span && span !== 'nested') addValue(span.start, span.end, kind);
    }
    at = lineEnd;
  }
  return at === -1 ? text.length : at;
}

/** `Authorization: <scheme> <credentials>`: the credentials, up to the end of the line or a quote (the scheme is kept). */
function authorizationValue(text: string, from: number): { start: number; end: number } | undefined {
  let i = from;
  while (i < text.length && i - from < MAX_ALIGN && isSpace(text[i])) i++;
  if (text[i] === '"' || text[i] === "'") i++;
  const scheme = /^(?:Bearer|Basic|Token|APPCODE|acs|Digest|OAuth|HMAC-SHA256|SDK-HMAC-SHA256|AWS4-HMAC-SHA256|Key)[ \t]{1,4}/i.exec(text.slice(i, i + 24));
  const start = scheme ? i + scheme[0].length : i;
  let end = start;
  const limit = Math.min(text.length, start + MAX_VALUE);
  while (end < limit && text[end] !== '\n' && text[end] !== '\r' && text[end] !== '"' && text[end] !== "'") end++;
  while (end > start && isSpace(text[end - 1])) end--;
  const value = text.slice(start, end);
  // "Authorization: missing from the request" is a sentence about the header, not a credential;
  // `acs AccessKeyId:Signature`, `Bearer <token>` and `Bearer {token}` are templates.
  if (!scheme && /^[A-Za-z]{1,20}[ \t]{1,4}[A-Za-z]/.test(value)) return undefined;
  if (/^[A-Za-z]{1,30}:[A-Za-z]{1,30}$/.test(value) || PLACEHOLDER.test(value) || ELIDED.test(value) || HARMLESS.test(value)) return undefined;
  return { start, end };
}

/** `Cookie: a=1; b=2` / `Set-Cookie: …`: every value on the line; returns where the line ends. */
function cookieValues(text: string, from: number, addValue: Add): number {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd === -1 || lineEnd - from > MAX_VALUE) lineEnd = Math.min(text.length, from + MAX_VALUE);
  let i = from;
  while (i < lineEnd) {
    const eq = text.indexOf('=', i);
    if (eq === -1 || eq >= lineEnd) break;
    let end = eq + 1;
    while (end < lineEnd && text[end] !== ';' && text[end] !== '"' && text[end] !== "'") end++;
    addValue(eq + 1, end, 'cookie');
    i = end + 1;
  }
  return lineEnd;
}

/**
 * A label and its value with only spaces between: `密码 admin123`,
 * `**密码** 112233` (Markdown), and an HTTP header listed as `X-Signature abc…`
 * at the start of a line.
 */
function labelsWithoutSeparator(text: string, addValue: Add): void {
  for (const m of text.matchAll(/(?:密码|密碼|口令|密钥|秘钥|密鑰|令牌|提取码)(?:\*\*)?[ \t]{1,4}/g)) {
    const kind = cjkLabelKind(m[0].replace(/[* \t]/g, ''))!;
    const span = readValue(text, m.index + m[0].length, { percent: false, prose: false, wide: true });
    if (span && span !== 'nested' && /^[!-~]/.test(text[span.start]!)) addValue(span.start, span.end, kind);
  }
  for (const m of text.matchAll(/^[ \t]{0,12}((?:X-[A-Za-z0-9-]{1,40})|Authorization)[ \t]{1,8}(?=[!-~]{8})/gm)) {
    const kind = secretKindOf(m[1]!);
    if (!kind) continue;
    const span = readValue(text, m.index + m[0].length, { percent: false, prose: false, wide: false });
    if (span && span !== 'nested') addValue(span.start, span.end, kind);
  }
}

/** `--password hunter2`, `--app-secret abc` (the `=` form is a key-value). */
function cliFlags(text: string, addValue: Add): void {
  for (const m of text.matchAll(/(?<![A-Za-z0-9-])--([A-Za-z][A-Za-z0-9-]{1,40})[ \t]{1,4}/g)) {
    const kind = secretKindOf(m[1]!);
    if (!kind) continue;
    const from = m.index + m[0].length;
    if (text[from] === '-') continue;
    const span = readValue(text, from, { percent: false, prose: false, wide: false });
    if (span && span !== 'nested') addValue(span.start, span.end, kind);
  }
}

/**
 * Names and values that stand apart: `<AccessKeySecret>…</AccessKeySecret>`,
 * `<string name="app_secret">…</string>`, TOP `{"key":"sign","value":"…"}`,
 * and code passing both as strings (`put("client_secret", "…")`).
 */
function pairs(text: string, addValue: Add): void {
  for (const m of text.matchAll(/<([A-Za-z][A-Za-z0-9_-]{1,30})>([^<]{1,4096})<\/([A-Za-z][A-Za-z0-9_-]{1,30})>/g)) {
    if (m[1] !== m[3]) continue;
    const kind = secretKindOf(m[1]!);
    if (kind) addValue(m.index + m[1]!.length + 2, m.index + m[1]!.length + 2 + m[2]!.length, kind);
  }
  for (const m of text.matchAll(
    /<(?:string|item|entry|add|property)[ \t]{1,4}(?:name|key)="([A-Za-z][A-Za-z0-9_.-]{1,40})"[ \t]{0,4}(?:value="([^"\n]{1,4096})"[ \t]{0,4}\/?>|>([^<\n]{1,4096})<)/g,
  )) {
    const kind = secretKindOf(m[1]!);
    if (!kind) continue;
    const value = m[2] ?? m[3]!;
    // The value is the last thing the pattern read: `value="…"` then `/>`, or `>…<`.
    const at = m[0].lastIndexOf(value) + m.index;
    addValue(at, at + value.length, kind);
  }
  for (const m of text.matchAll(/"key"[ \t]{0,4}:[ \t]{0,4}"([A-Za-z][A-Za-z0-9_-]{1,30})"[ \t]{0,4},[ \t]{0,4}"value"[ \t]{0,4}:[ \t]{0,4}(?=")/g)) {
    const kind = secretKindOf(m[1]!);
    const span = kind && readValue(text, m.index + m[0].length, { percent: false, prose: false, wide: false });
    if (kind && span && span !== 'nested') addValue(span.start, span.end, kind);
  }
  for (const m of text.matchAll(/\([ \t]{0,4}(["'])([A-Za-z][A-Za-z0-9_.-]{1,40})["'][ \t]{0,4},[ \t]{0,4}(?=["'])/g)) {
    const kind = secretKindOf(m[2]!);
    const span = kind && readValue(text, m.index + m[0].length, { percent: false, prose: false, wide: false });
    if (kind && span && span !== 'nested') addValue(span.start, span.end, kind);
  }
  // MySQL's command line: `mysql -u root -p030817` (the password joined to -p).
  for (const m of text.matchAll(/\bmysql(?:dump|admin)?\b/g)) {
    const lineEnd = text.indexOf('\n', m.index);
    const line = text.slice(m.index, lineEnd === -1 ? Math.min(text.length, m.index + 400) : Math.min(lineEnd, m.index + 400));
    const p = / -p([^\s'"]{1,200})/.exec(line);
    if (p) addValue(m.index + p.index + 3, m.index + p.index + 3 + p[1]!.length, 'password');
  }
  // MySQL: `identified by '…'`, `password('…')`.
  for (const m of text.matchAll(/\b(?:identified by|password\()[ \t]{0,4}'([^'\n]{1,200})'/gi))
    addValue(m.index + m[0].length - 1 - m[1]!.length, m.index + m[0].length - 1, 'password');
  // A cookie as a server sets it: `name=value; Domain=…` / `;Path=/`.
  for (const m of text.matchAll(
    /(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]{0,40}=([^;\s"'\\]{1,4096});[ \t]{0,2}(?:Domain|Path|Expires|Max-Age|HttpOnly|Secure)\b/gi,
  )) {
    addValue(m.index + m[0].indexOf('=') + 1, m.index + m[0].indexOf('=') + 1 + m[1]!.length, 'cookie');
  }
}

/**
 * Secrets handed to SDK clients as string literals: the TOP app secret
 * (`new DefaultTaobaoClient(url, appKey, "secret")`), Alibaba Cloud's
 * (`AcsClient(ak, secret, region)`, `DefaultProfile.getProfile(region, ak,
 * secret)`), Alipay's private key, and a TOP session key as the last
 * argument of `execute(req, "…")`.
 */
const CALLS: { callee: string; args: (count: number) => number[]; kind: SecretKind }[] = [
  { callee: 'DefaultTaobaoClient(', args: () => [2], kind: 'accessKeySecret' },
  { callee: 'AutoRetryTaobaoClient(', args: () => [2], kind: 'accessKeySecret' },
  { callee: 'TopClient(', args: () => [1, 2], kind: 'accessKeySecret' },
  { callee: 'AcsClient(', args: () => [1], kind: 'accessKeySecret' },
  { callee: 'getProfile(', args: () => [2], kind: 'accessKeySecret' },
  { callee: 'DefaultAlipayClient(', args: () => [2], kind: 'privateKey' },
  { callee: '.execute(', args: (n) => (n >= 2 ? [n - 1] : []), kind: 'sessionKey' },
];

function codeCalls(text: string, addValue: Add): void {
  for (const call of CALLS) {
    for (let at = text.indexOf(call.callee); at !== -1; at = text.indexOf(call.callee, at + 1)) {
      const args = callArgs(text, at + call.callee.length);
      for (const index of call.args(args.length)) {
        const arg = args[index];
        if (arg?.literal) addValue(arg.start, arg.end, call.kind);
      }
    }
  }
}

/** The arguments of a call whose `(` is just before `from`: each one's span, and whether it is one string literal. */
function callArgs(text: string, from: number): { start: number; end: number; literal: boolean }[] {
  const args: { start: number; end: number; literal: boolean }[] = [];
  const limit = Math.min(text.length, from + 1200);
  let depth = 0;
  let argStart = from;
  let literal: { start: number; end: number } | undefined;
  let other = false;
  const finish = (end: number) => {
    args.push(literal && !other ? { ...literal, literal: true } : { start: argStart, end, literal: false });
    literal = undefined;
    other = false;
  };
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < limit && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      if (depth === 0) {
        if (literal) other = true;
        else literal = { start: i + 1, end: k };
      }
      i = k;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        if (c === ')' && (literal || text.slice(argStart, i).trim())) finish(i);
        return args;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      finish(i);
      argStart = i + 1;
    } else if (depth === 0 && !isSpace(c) && c !== '\n' && c !== '\r') other = true;
  }
  return args;
}

/** PEM private keys: the base64 body between BEGIN and END (or to where the text stops). */
function pemKeys(text: string, add: Add): void {
  for (const m of text.matchAll(/-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('-----END', start);
    const stop = end === -1 ? Math.min(text.length, start + 8192) : end;
    let s = start;
    while (s < stop && /\s/.test(text[s]!)) s++;
    let e = stop;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    add(s, e, 'privateKey');
  }
}

const FILE_EXTENSION = /\.(?:png|jpe?g|gif|svg|webp|ico|js|mjs|css|json|xml|txt|log|html?|md|so|dylib|dll|a|jar|aar|zip|gz|pdf)$/i;

/** Values recognisable on their own, wherever they stand. */
const STANDALONE: { re: RegExp; kind: SecretKind; group?: number; check?: (value: string, text: string, at: number) => boolean }[] = [
  /** `Bearer <token>` / `Basic <credentials>` anywhere (headers, curl commands). */
  { re: /\b(?:Bearer|Basic)[ \t]{1,4}([A-Za-z0-9._~+/=-]{8,4096})/g, kind: 'token', group: 1 },
  /** The access key in a signed header written without its name: `SDK-HMAC-SHA256 Access=…, …`. */
  { re: /(?:HMAC-SHA256|AWS4-HMAC-SHA256)[ \t]{1,4}(?:Access|Credential)=([A-Za-z0-9/_-]{8,200})/g, kind: 'accessKeyId', group: 1 },
  /** Alibaba Cloud AccessKey ids start with `LTAI`; STS temporary ones with `STS.`; AWS ones with `AKIA` / `ASIA`. */
  { re: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,28}(?![A-Za-z0-9])/g, kind: 'accessKeyId' },
  { re: /(?<![A-Za-z0-9])STS\.[A-Za-z0-9]{16,40}(?![A-Za-z0-9])/g, kind: 'accessKeyId' },
  { re: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, kind: 'accessKeyId' },
  /** STS security tokens: `CAIS` and a long base64 run. */
  { re: /(?<![A-Za-z0-9+/])CAIS[A-Za-z0-9+/=]{40,4096}/g, kind: 'token' },
  /** Easemob user and app tokens (`YWMt…`). */
  { re: /(?<![A-Za-z0-9_-])YWMt[A-Za-z0-9_-]{20,4096}/g, kind: 'token' },
  /** JWTs: three base64url parts, the second JSON (`eyJ`). */
  { re: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{0,4096}/g, kind: 'token' },
  /** DingTalk robot signing secrets. */
  { re: /(?<![A-Za-z0-9])SEC[0-9a-f]{64}(?![A-Za-z0-9])/g, kind: 'accessKeySecret' },
  /** A private key's DER body in base64 (PKCS#1 / PKCS#8 start with `MII`), without its PEM lines. */
  { re: /(?<![A-Za-z0-9+/])MII[A-Za-z0-9+/]{100,8192}={0,2}/g, kind: 'privateKey' },
  /**
   * An AccessKey secret written on its own ("the secret is …"): 30 (Alibaba
   * Cloud) or 40 (AWS-style, may hold `/` and `+`) characters with upper case,
   * lower case and a digit. Trace ids (hex), request ids (UUIDs) and TOP
   * request ids do not have that shape.
   */
  {
    re: /(?<![A-Za-z0-9+/_.-])(?=[a-z0-9]{0,29}[A-Z])(?=[A-Z0-9]{0,29}[a-z])(?=[A-Za-z]{0,29}[0-9])[A-Za-z0-9]{30}(?![A-Za-z0-9+/=_-])/g,
    kind: 'accessKeySecret',
    check: (v) => !isIdentifier(v),
  },
  {
    re: /(?<![A-Za-z0-9+/_.-])(?=[a-z0-9+/]{0,39}[A-Z])(?=[A-Z0-9+/]{0,39}[a-z])(?=[A-Za-z+/]{0,39}[0-9])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=_-])/g,
    kind: 'accessKeySecret',
    check: (v) => !isIdentifier(v),
  },
  /**
   * A long base64 value in quotes, with `+` or `/` and both cases and a digit:
   * a key or a signature wherever it is assigned (`key = process.env.X || "…"`).
   */
  {
    re: /(?<=["'])[A-Za-z0-9+/]{40,4096}={0,2}(?=["'])/g,
    kind: 'accessKeySecret',
    check: (v) => /[+/]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v),
  },
  /** The password of a URL's userinfo: `mysql://user:pass@host`, `redis://:pass@host`. */
  { re: /[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/:@]{0,64}:([^\s/@]{1,128})@/g, kind: 'password', group: 1 },
  {
    re: /(?<![A-Za-z0-9._%+:/\u4e00-\u9fff-])[A-Za-z0-9._%+\u4e00-\u9fff-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
    kind: 'email',
    // `git@github.com:org/repo.git` is an address of a repository; `icon@2x.png` is a file.
    check: (v, text, at) => text[at + v.length] !== ':' && !FILE_EXTENSION.test(v),
  },
  /** Mainland China mobile numbers, optionally with +86 / 0086, in the groupings people use. */
  {
    re: /(?<![A-Za-z0-9+])(?:(?:\+|00)86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![A-Za-z0-9])/g,
    kind: 'phone',
    // `15000000000 bytes` is a size, not a number to call.
    check: (v, text, at) =>
      !/^[ \t]?(?:bytes?|B|KB|MB|GB|ms|ns|us|s|rows?|records?|次|字节|毫秒)(?![A-Za-z])/u.test(text.slice(at + v.length, at + v.length + 9)),
  },
  /** Mainland landlines: an area code of 3-4 digits starting with 0 (in brackets or not), then 7-8 digits in groups, an extension perhaps. */
  { re: /(?<![A-Za-z0-9+-])(?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2})[ -]{0,2}[1-9][0-9]{2,3}[ -]?[0-9]{4}(?:-[0-9]{1,6})?(?![A-Za-z0-9-])/g, kind: 'phone' },
  /** International numbers written with a `+` and a country code (7 to 15 digits in groups). */
  {
    re: /(?<![A-Za-z0-9+])\+[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,7}(?![A-Za-z0-9])/g,
    kind: 'phone',
    check: (v) => {
      const digits = v.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
  },
  /** North American numbers without the `+`: `1-408-598-6122`, `(408) 598-6122`. */
  { re: /(?<![A-Za-z0-9+-])(?:1[ .-])?(?:\([2-9][0-9]{2}\)[ ]?|[2-9][0-9]{2}[ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![A-Za-z0-9-])/g, kind: 'phone' },
  /** Chinese national ID numbers (18 digits, the last may be X), checked with their MOD 11-2 check digit. */
  {
    re: /(?<![A-Za-z0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![A-Za-z0-9])/g,
    kind: 'idNumber',
    check: (v) => idChecksumOk(v),
  },
];

/** The ISO 7064 MOD 11-2 check digit of an 18-digit Chinese ID number. */
function idChecksumOk(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}

function standalone(text: string, add: Add): void {
  for (const { re, kind, group, check } of STANDALONE) {
    for (const m of text.matchAll(re)) {
      const value = group ? m[group]! : m[0];
      const start = group ? m.index + m[0].lastIndexOf(value) : m.index;
      if (check && !check(value, text, start)) continue;
      add(start, start + value.length, kind);
    }
  }
}

/**
 * Numbers that are personal only next to a word that says so: an IMEI
 * (`IMEI … 860955027785041`), an ID number of either generation near 身份证 /
 * "ID card", a landline written without its area code near 电话 / "tel".
 */
const CONTEXT: { context: RegExp; re: RegExp; kind: SecretKind }[] = [
  { context: /IMEI|MEID|设备号|机身码|串号|Device ID/i, re: /(?<![0-9A-Za-z])[0-9]{14,17}(?![0-9A-Za-z])/g, kind: 'deviceId' },
  { context: /身份证|身份證|id ?card|idcard|identity card/i, re: /(?<![0-9A-Za-z])[1-9][0-9]{13}(?:[0-9]{3}[0-9Xx]|[0-9])(?![0-9A-Za-z])/g, kind: 'idNumber' },
  { context: /座机|电话|電話|传真|\btel\b|phone|fax/i, re: /(?<![0-9A-Za-z-])[2-9][0-9]{6,7}(?![0-9A-Za-z-])/g, kind: 'phone' },
];
/** How far before a number its word may stand. */
const CONTEXT_REACH = 200;

function inContext(text: string, add: Add): void {
  for (const { context, re, kind } of CONTEXT) {
    if (!context.test(text)) continue;
    for (const m of text.matchAll(re)) {
      if (context.test(text.slice(Math.max(0, m.index - CONTEXT_REACH), m.index))) add(m.index, m.index + m[0].length, kind);
    }
  }
}

/** Replaces the spans (overlaps merged, the earliest and then the longest kept) and counts them. */
function apply(text: string, spans: Span[], mask: (kind: SecretKind) => string): Redacted {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const masked: Redacted['masked'] = {};
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) {
      // Overlapping a masked value: the rest of this one goes too, without being counted again.
      at = Math.max(at, span.end);
      continue;
    }
    out += text.slice(at, span.start) + mask(span.kind);
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

/** True when the text holds something `redact` would mask (a secret or personal data). */
export function hasSecrets(text: string): boolean {
  return Object.keys(redact(text).masked).length > 0;
}
