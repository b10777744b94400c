import { aliyunJson, aliyunSdk, aliyunXml } from './aliyun.ts';
import { mpaasContainer, mpaasResponseBlocks, mpaasRpcExceptions } from './mpaas.ts';
import { LineIndex, withScanBudget } from './text.ts';
import { easemobBodies, topEnvelopes } from './top-easemob.ts';
import type { AnalyzeResult, EvidenceLine, Finding, Hit, Unclaimed } from './types.ts';

export type { AnalyzeResult, EvidenceLine, Field, Finding, FindingPlatform, Hit, Unclaimed } from './types.ts';

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

function read(text: string): AnalyzeResult {
  const lines = new LineIndex(text);
  // Most specific shapes first.
  const ordered: Hit[][] = [
    mpaasResponseBlocks(text),
    mpaasRpcExceptions(text),
    mpaasContainer(text),
    aliyunSdk(text),
    aliyunXml(text),
    aliyunJson(text),
    topEnvelopes(text),
  ];
  const easemob = easemobBodies(text);
  ordered.push(easemob.hits);

  // Sorted by where they start (stable, so the more specific shape wins a tie),
  // then swept once: per platform, a hit that starts before the end of the
  // last one kept is the same error read twice.
  const all = ordered.flat().sort((a, b) => a.start - b.start);
  const claimedUntil = new Map<string, number>();
  const claimed: Hit[] = [];
  for (const hit of all) {
    if (hit.start < (claimedUntil.get(hit.platform) ?? -1)) continue;
    claimed.push(hit);
    claimedUntil.set(hit.platform, hit.end);
  }

  const byKey = new Map<string, Finding>();
  for (const hit of claimed) {
    const key = [hit.platform, hit.code, hit.subCode ?? '', hit.http ?? ''].join('|');
    const first = lines.lineOf(hit.start);
    const last = lines.lineOf(Math.max(hit.start, hit.end - 1));
    const ids = hit.fields.filter((f) => ID_FIELDS.has(f.name)).map((f) => f.value);
    const existing = byKey.get(key);
    if (existing) {
      existing.count++;
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
      count: 1,
      firstLine: first,
      lastLine: last,
      evidence: evidence(lines, first, last),
      fields: hit.fields,
      ids,
    });
  }

  const unclaimed: Unclaimed[] = easemob.unclaimed.slice(0, MAX_UNCLAIMED).map((u) => {
    const line = lines.lineOf(u.start);
    return { line, text: clip(lines.lineText(line)), reason: u.reason };
  });
  // Errors first, in the order they first appear; successes after them.
  const sorted = [...byKey.values()].sort((a, b) => Number(a.success) - Number(b.success) || a.firstLine - b.firstLine);
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
