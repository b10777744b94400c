/**
 * Facts: what is known about a ticket, by name. One vocabulary for the
 * case a support engineer works (what goes into the ticket summary and what
 * an escalation asks for) and for the guides (what a tree may ask, set or
 * branch on): a fact learned from a pasted log, a code page or a link is the
 * same value wherever it is read.
 */

export const FACT_KEYS = [
  /** The client: `ios` or `android`. */
  'platform',
  /** Where the service runs: `public` cloud or `apsara` (Apsara Stack, private cloud). */
  'cloud',
  /** The error code as the platform writes it (`7014`, `InvalidTimeStamp.Expired`, `27`, `invalid_grant`). */
  'code',
  /** TOP's `sub_code` and the like. */
  'subCode',
  /** The HTTP status of the failed call. */
  'http',
  /** The id that lets the vendor find the call: mgw-traceid, RequestId, request_id. */
  'traceId',
  /** The API or RPC called: an operationType, a TOP `method`, an OpenAPI action. */
  'api',
  /** The app's id at the vendor: mPaaS app id / workspace, TOP app_key, Easemob AppKey (org#app). */
  'appId',
  /** The app's own version, and the SDK's. */
  'appVersion',
  'sdkVersion',
  /** When the error happened, with its time zone (`2026-12-02 10:30 +08:00`). */
  'occurredAt',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** Where a fact came from: shown next to it ("iOS — from your log"). */
export const FACT_SOURCES = ['answer', 'log', 'link', 'code-page', 'typed'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];

export interface Fact {
  value: string;
  source: FactSource;
  /** When it was learned (ms since the epoch), to merge two tabs' changes. */
  at: number;
}

export type Facts = Partial<Record<FactKey, Fact>>;

export const isFactKey = (k: unknown): k is FactKey => typeof k === 'string' && (FACT_KEYS as readonly string[]).includes(k);
export const isFactSource = (s: unknown): s is FactSource => typeof s === 'string' && (FACT_SOURCES as readonly string[]).includes(s);

/** The longest fact value kept (a trace id, a version, a time — never a log). */
export const MAX_FACT_LENGTH = 200;

/**
 * A fact's value as typed or read, cleaned: trimmed, control characters
 * removed, capped. Undefined when nothing is left.
 */
export function cleanFactValue(value: string): string | undefined {
  const v = value
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, MAX_FACT_LENGTH);
  return v === '' ? undefined : v;
}

/** Facts as a link or a finding hands them over, before they are dated into a case. */
export type FactValues = Partial<Record<FactKey, { value: string; source: FactSource }>>;

/** Dates handed-over facts: `at` is when the case learned them. */
export function datedFacts(values: FactValues, at: number): Facts {
  const out: Facts = {};
  for (const k of FACT_KEYS) {
    const v = values[k];
    const clean = v && cleanFactValue(v.value);
    if (v && clean) out[k] = { value: clean, source: v.source, at };
  }
  return out;
}
