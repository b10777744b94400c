import { findCode, findVariant } from '../codes.ts';
import type { FactValues } from '../facts.ts';
import type { CodeEntry, CodeIndex } from '../model.ts';
import type { SummaryFinding } from '../summary.ts';
import type { ClientPlatform, Finding, FindingPlatform } from './types.ts';

/**
 * The join between what the analyzer found and the code tables: which entry
 * a finding's code (and sub-code) is, which step fixes it, and what of it
 * goes into the ticket summary and the case's facts. The analyze page only
 * draws the result.
 */

/** The first step of each platform's tree: where a finding with no entry of its own starts. */
export const ENTRY_STEPS: Readonly<Record<FindingPlatform, string>> = {
  aliyun: 'aliyun-openapi-error/read-envelope',
  top: 'top-api-error/start',
  easemob: 'easemob-rest-error/read-status',
  mpaas: 'mpaas-system-busy/symptom',
  'mpaas-ios': 'mpaas-system-busy/symptom',
  'mpaas-android': 'mpaas-system-busy/symptom',
};

export interface JoinedFinding {
  /** The table's entry for the code, if it has one. */
  entry?: CodeEntry;
  /** The entry for the sub-code (TOP), if it has one. */
  subEntry?: CodeEntry;
  /** The variant of the entry that fits the finding's message (Easemob's `error_description`). */
  variant?: NonNullable<CodeEntry['variants']>[number];
  /** `tree-id/step-id` of the step to go to: the code's, the sub-code's, or the platform's first step. */
  step?: string;
  /**
   * An Alibaba Cloud code outside the table (another product's: SMS, DNS, STS…):
   * still an OpenAPI error, with where to look it up — the body's `Recommend`
   * link, else the error center's search for the code.
   */
  outside?: { lookup: string; fromBody: boolean };
}

/** The error center's search for a code: the address a `Recommend` field gives, built from the code. */
export function errorCenterSearch(code: string): string {
  return `https://error-center.aliyun.com/status/search?Keyword=${encodeURIComponent(code)}`;
}

export function joinFinding(index: CodeIndex, f: Finding): JoinedFinding {
  const entry = findCode(index, f.platform, f.code);
  const subEntry = f.subCode ? findCode(index, f.platform, f.subCode) : undefined;
  const description = f.fields.find((x) => x.name === 'error_description' || x.name === 'Message')?.value;
  const variant = entry ? findVariant(entry, description) : undefined;
  const out: JoinedFinding = {};
  if (entry) out.entry = entry;
  if (subEntry) out.subEntry = subEntry;
  if (variant) out.variant = variant;
  const step = entry?.step ?? subEntry?.step ?? (f.success ? undefined : ENTRY_STEPS[f.platform]);
  if (step) out.step = step;
  if (!entry && f.platform === 'aliyun' && !f.success) {
    const recommend = f.fields.find((x) => x.name === 'Recommend' && /^https:\/\/[a-z0-9.-]+\.aliyun\.com\//.test(x.value))?.value;
    out.outside = recommend ? { lookup: recommend, fromBody: true } : { lookup: errorCenterSearch(f.code), fromBody: false };
  }
  return out;
}

/**
 * What the ticket summary keeps of a log's findings when a session starts
 * from one of them: the one followed first, then the other errors; codes,
 * titles and trace / request ids only, never the log's lines.
 *
 * Returns the list for any finding of one analysis, each finding joined to
 * the code tables once: a page of 50 cards over 500 findings asks for all 50
 * lists at every render (25,000 joins, a 160-ms task on a 2-core machine,
 * when each call joined afresh).
 */
export function summaryFindingsFor(index: CodeIndex, findings: Finding[]): (chosen: Finding) => SummaryFinding[] {
  const joined = new Map<Finding, SummaryFinding>();
  const summary = (f: Finding) => {
    let out = joined.get(f);
    if (!out) joined.set(f, (out = summaryOf(index, f)));
    return out;
  };
  return (chosen) => [summary(chosen), ...findings.filter((f) => f !== chosen && !f.success).map(summary)];
}

function summaryOf(index: CodeIndex, f: Finding): SummaryFinding {
  const ids = f.fields.filter((x) => /trace|request/i.test(x.name)).map((x) => `${x.name}: ${x.value}`);
  for (const id of f.ids) if (!ids.some((x) => x.endsWith(`: ${id}`))) ids.push(id);
  const out: SummaryFinding = { platform: f.platform, code: f.code, ids: ids.slice(0, 5) };
  const title = findCode(index, f.platform, f.code)?.title;
  if (title) out.title = title;
  if (f.subCode) out.subCode = f.subCode;
  if (f.http) out.http = f.http;
  return out;
}

/** The client platform a finding shows: its code table's, or the one its reader saw in the log (Finding.client). */
function findingClient(f: Finding): ClientPlatform | undefined {
  if (f.platform === 'mpaas-ios') return 'ios';
  if (f.platform === 'mpaas-android') return 'android';
  return f.client;
}

/** What a finding tells about the ticket, as facts of the case it starts (each marked as from the log). */
export function findingFacts(f: Finding): FactValues {
  const facts: FactValues = {};
  const put = (key: keyof FactValues, value: string | undefined) => {
    if (value) facts[key] = { value, source: 'log' };
  };
  put('platform', findingClient(f));
  put('code', f.code);
  put('subCode', f.subCode);
  put('http', f.http ? String(f.http) : undefined);
  put('traceId', f.fields.find((x) => /^(?:mgw-traceid|RequestId|request_id)$/.test(x.name))?.value ?? f.ids[0]);
  put('api', f.fields.find((x) => x.name === 'operationType')?.value);
  return facts;
}
