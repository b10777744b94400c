import { aliyunJson, aliyunSdk, aliyunXml } from './aliyun.ts';
import { mpaasContainer, mpaasResponseBlocks, mpaasRpcExceptions } from './mpaas.ts';
import { LineIndex, withScanBudget } from './text.ts';
import { easemobBodies, topEnvelopes } from './top-easemob.ts';
import { aliyunErrorNames, aliyunLinks, looseRecords, mpaasDigest, mpaasNsError, proseMentions, xmlFragments } from './loose.ts';
import { CONFIDENCE_ORDER, type AnalyzeResult, type EvidenceLine, type Finding, type FindingPlatform, type Hit, type Unclaimed } from './types.ts';

export type { AnalyzeResult, Finding, FindingPlatform, Hit } from './types.ts';

/** Lines of evidence kept per finding, and characters per line. */
const MAX_EVIDENCE_LINES = 8;
const MAX_EVIDENCE_CHARS = 300;
const MAX_IDS = 10;
const MAX_UNCLAIMED = 20;
/**
 * Distinct findings returned. A log can hold tens of thousands of distinct codes
 * (a generated or corrupted one); past this, the rest are counted, not listed,
 * so handing the result to the page and drawing it stays quick.
 */
export const MAX_FINDINGS = 500;
/** Fields whose values are ids worth collecting over every occurrence. */
const ID_FIELDS = new Set(['mgw-traceid', 'RequestId', 'request_id']);

/**
 * Reads any text (one line or a whole log) and returns what it recognises:
 * every mPaaS, Alibaba Cloud, TOP and Easemob error envelope, grouped by
 * platform, code, sub-code and HTTP status, with counts, line numbers,
 * evidence and the fields worth showing. Pure and synchronous: the UI runs
 * it in a Web Worker for large input.
 */
export function analyze(text: string): AnalyzeResult {
  return withScanBudget(SCAN_BUDGET_PER_CHAR * text.length + SCAN_BUDGET_BASE, () => read(text));
}

/** Bracket-scan budget: a small multiple of the input (see withScanBudget in text.ts). */
const SCAN_BUDGET_PER_CHAR = 16;
const SCAN_BUDGET_BASE = 1 << 20;

/** A reader: what it reads, for which platform (`any`: several), and the hits it finds. */
export interface Reader {
  id: string;
  platform: FindingPlatform | 'any';
  read(text: string): Hit[];
}

/**
 * Every reader, most specific shape first: where two read the same text for
 * the same platform, the one listed first wins a tie. Prose mentions come
 * last and give way to any other hit they overlap.
 */
const READERS: readonly Reader[] = [
  { id: 'mpaas-response-headers', platform: 'mpaas', read: mpaasResponseBlocks },
  { id: 'mpaas-rpc-exception', platform: 'any', read: mpaasRpcExceptions },
  { id: 'mpaas-container', platform: 'any', read: mpaasContainer },
  { id: 'mpaas-digest-log', platform: 'mpaas', read: mpaasDigest },
  { id: 'mpaas-nserror', platform: 'any', read: mpaasNsError },
  { id: 'aliyun-sdk', platform: 'aliyun', read: aliyunSdk },
  { id: 'aliyun-xml', platform: 'aliyun', read: aliyunXml },
  { id: 'aliyun-json', platform: 'aliyun', read: aliyunJson },
  { id: 'top-envelope', platform: 'top', read: topEnvelopes },
  { id: 'easemob-body', platform: 'easemob', read: (text) => easemobBodies(text).hits },
  { id: 'loose-records', platform: 'any', read: looseRecords },
  { id: 'xml-fragments', platform: 'any', read: xmlFragments },
  { id: 'aliyun-links', platform: 'aliyun', read: aliyunLinks },
  { id: 'aliyun-error-names', platform: 'aliyun', read: aliyunErrorNames },
  { id: 'prose', platform: 'any', read: proseMentions },
];

const rank = (h: Hit): number => CONFIDENCE_ORDER.indexOf(h.confidence ?? 'envelope');

function read(text: string): AnalyzeResult {
  const lines = new LineIndex(text);
  const ordered: Hit[][] = READERS.map((r) => r.read(text));

  // Sorted by where they start (stable, so the more specific shape wins a tie),
  // then swept once: per platform, a hit that starts before the end of the
  // last one kept is the same error read twice.
  const all = ordered.flat().sort((a, b) => a.start - b.start);
  // Where two overlap, the surer one (an envelope over a loose form) is kept.
  const lastKept = new Map<string, number>();
  const kept: (Hit | undefined)[] = [];
  for (const hit of all) {
    const at = lastKept.get(hit.platform);
    const last = at === undefined ? undefined : kept[at];
    if (last && hit.start < last.end) {
      if (rank(hit) < rank(last)) kept[at!] = { ...hit, end: Math.max(hit.end, last.end) };
      continue;
    }
    lastKept.set(hit.platform, kept.length);
    kept.push(hit);
  }
  // A prose mention inside any other hit (of any platform) is that hit's text, not a mention.
  const spans = kept.filter((h): h is Hit => h !== undefined && h.confidence !== 'prose');
  let si = 0;
  let reach = -1;
  const claimed = kept.filter((h): h is Hit => {
    if (h === undefined) return false;
    if (h.confidence !== 'prose') return true;
    while (si < spans.length && spans[si]!.start <= h.start) reach = Math.max(reach, spans[si++]!.end);
    return h.start >= reach;
  });

  const byKey = new Map<string, Finding>();
  for (const hit of claimed) {
    const key = [hit.platform, hit.code, hit.subCode ?? '', hit.http ?? ''].join('|');
    const first = lines.lineOf(hit.start);
    const last = lines.lineOf(Math.max(hit.start, hit.end - 1));
    const ids = hit.fields.filter((f) => ID_FIELDS.has(f.name)).map((f) => f.value);
    const existing = byKey.get(key);
    if (existing) {
      existing.count++;
      if (rank(hit) < CONFIDENCE_ORDER.indexOf(existing.confidence)) {
        existing.confidence = hit.confidence ?? 'envelope';
        existing.format = hit.format;
        if (hit.client) existing.client = hit.client;
        else delete existing.client;
      }
      existing.lastLine = last;
      for (const id of ids) if (!existing.ids.includes(id) && existing.ids.length < MAX_IDS) existing.ids.push(id);
      continue;
    }
    byKey.set(key, {
      key,
      platform: hit.platform,
      code: hit.code,
      ...(hit.subCode !== undefined ? { subCode: hit.subCode } : {}),
      ...(hit.http !== undefined ? { http: hit.http } : {}),
      success: hit.success === true,
      format: hit.format,
      confidence: hit.confidence ?? 'envelope',
      ...(hit.client ? { client: hit.client } : {}),
      count: 1,
      firstLine: first,
      lastLine: last,
      evidence: evidence(lines, first, last),
      fields: hit.fields,
      ids,
    });
  }

  const unclaimed: Unclaimed[] = easemobBodies(text)
    .unclaimed.filter((u) => !claimed.some((h) => h.start <= u.start && u.start < h.end))
    .slice(0, MAX_UNCLAIMED)
    .map((u) => {
      const line = lines.lineOf(u.start);
      return { line, text: clip(lines.lineText(line)), reason: u.reason };
    });
  // Errors first, surer ones first (an envelope above a prose mention), in the order they first appear; successes after them.
  const sorted = [...byKey.values()].sort(
    (a, b) =>
      Number(a.success) - Number(b.success) || CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence) || a.firstLine - b.firstLine,
  );
  const findings = sorted.slice(0, MAX_FINDINGS);
  const rest = sorted.slice(MAX_FINDINGS);
  return {
    findings,
    unclaimed,
    lines: lines.count,
    chars: text.length,
    ...(rest.length > 0 ? { omitted: { findings: rest.length, hits: rest.reduce((n, f) => n + f.count, 0) } } : {}),
  };
}

function evidence(lines: LineIndex, first: number, last: number): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  for (let l = first; l <= last && out.length < MAX_EVIDENCE_LINES; l++) {
    const t = lines.lineText(l);
    if (t.trim()) out.push({ line: l, text: clip(t) });
  }
  return out;
}

function clip(s: string): string {
  return s.length > MAX_EVIDENCE_CHARS ? `${s.slice(0, MAX_EVIDENCE_CHARS)}…` : s;
}
