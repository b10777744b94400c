import { FACT_KEYS, isFactSource, MAX_FACT_LENGTH, type Facts, type FactKey } from './facts.ts';
import type { SummaryFinding } from './summary.ts';
import {
  CASE_ID,
  cleanTicket,
  ID,
  ITEM_ID,
  MAX_FINDINGS,
  STEP_KEY,
  emptyCases,
  MAX_NOTE_LENGTH,
  newCase,
  RETENTION_CHOICES,
  type Case,
  type CaseId,
  type CasesData,
} from './cases.ts';

/**
 * Reading what storage (or a case file) holds for the cases
 * (src/engine/cases.ts), entry by entry: needed only when there is something
 * saved to read, so it is a module of its own (a first visit never loads it).
 */

/** Notes or marks kept per case, at most. */
const MAX_ENTRIES_PER_CASE = 500;
// ——— reading what storage (or a file) holds ———

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 8.64e15;
const isShortString = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;

/** Counts what a read dropped, so the page can say so (and keep a copy aside). */
export interface ReadReport {
  dropped: number;
}

/**
 * Builds a case from unknown data (storage written by another build, an
 * extension, an imported file), keeping only well-formed parts: only keys
 * that match the id patterns (so `__proto__` is never a key), only values
 * of the right type and size. Undefined when it is not a case at all.
 */
export function readCase(input: unknown, report: ReadReport): Case | undefined {
  if (!isRecord(input) || typeof input.id !== 'string' || !CASE_ID.test(input.id) || !isTime(input.createdAt)) {
    report.dropped++;
    return undefined;
  }
  const now = isTime(input.updatedAt) ? input.updatedAt : input.createdAt;
  const c = newCase(input.id as CaseId, input.createdAt);
  c.updatedAt = now;
  if (isShortString(input.ticket, 1000)) c.ticket = cleanTicket(input.ticket);
  c.ticketAt = isTime(input.ticketAt) ? input.ticketAt : c.createdAt;
  c.statusAt = isTime(input.statusAt) ? input.statusAt : c.createdAt;
  if (isTime(input.closedAt)) c.closedAt = input.closedAt;
  c.positions = readMap(
    input.positions,
    ID,
    (p, key) => {
      if (
        !isRecord(p) ||
        p.tree !== key ||
        typeof p.step !== 'string' ||
        !ID.test(p.step) ||
        !isShortString(p.trail, 4000) ||
        !isShortString(p.title) ||
        !isTime(p.at)
      )
        return undefined;
      return { tree: key, step: p.step, trail: p.trail, ...(isShortString(p.facts, 1000) && p.facts ? { facts: p.facts } : {}), title: p.title, at: p.at };
    },
    report,
  );
  c.notes = readMap(
    input.notes,
    STEP_KEY,
    (n) => (isRecord(n) && typeof n.text === 'string' && isTime(n.at) ? { text: n.text.slice(0, MAX_NOTE_LENGTH), at: n.at } : undefined),
    report,
  );
  c.ticks = readMap(
    input.ticks,
    STEP_KEY,
    (t) => {
      if (!isRecord(t) || !isTime(t.at)) return undefined;
      const marks = readMap(t.marks, ITEM_ID, (m) => (m === 'ok' || m === 'bad' ? m : undefined), report);
      return { marks, at: t.at };
    },
    report,
  );
  if (Array.isArray(input.findings)) {
    c.findings = input.findings.slice(0, MAX_FINDINGS).flatMap((f) => {
      const clean = readFinding(f);
      if (!clean) report.dropped++;
      return clean ? [clean] : [];
    });
  }
  c.findingsAt = isTime(input.findingsAt) ? input.findingsAt : c.createdAt;
  c.facts = readFacts(input.facts, report);
  return c;
}

/** A map with keys matching `key` and values `value` accepts; anything else is dropped and counted. */
function readMap<T>(input: unknown, key: RegExp, value: (v: unknown, key: string) => T | undefined, report: ReadReport): Record<string, T> {
  const out: Record<string, T> = {};
  if (input === undefined) return out;
  if (!isRecord(input)) {
    report.dropped++;
    return out;
  }
  let n = 0;
  for (const [k, v] of Object.entries(input)) {
    const clean = key.test(k) && n < MAX_ENTRIES_PER_CASE ? value(v, k) : undefined;
    if (clean === undefined) report.dropped++;
    else {
      out[k] = clean;
      n++;
    }
  }
  return out;
}

export function readFinding(f: unknown): SummaryFinding | undefined {
  if (!isRecord(f) || !isShortString(f.platform) || !isShortString(f.code) || !Array.isArray(f.ids) || !f.ids.every((x) => isShortString(x))) return undefined;
  const out: SummaryFinding = { platform: f.platform, code: f.code, ids: (f.ids as string[]).slice(0, 10) };
  if (isShortString(f.subCode)) out.subCode = f.subCode;
  if (typeof f.http === 'number' && Number.isInteger(f.http)) out.http = f.http;
  if (isShortString(f.title)) out.title = f.title;
  return out;
}

function readFacts(input: unknown, report: ReadReport): Facts {
  const out: Facts = {};
  if (input === undefined) return out;
  if (!isRecord(input)) {
    report.dropped++;
    return out;
  }
  for (const [k, v] of Object.entries(input)) {
    if ((FACT_KEYS as readonly string[]).includes(k) && isRecord(v) && isShortString(v.value, MAX_FACT_LENGTH) && isFactSource(v.source) && isTime(v.at)) {
      out[k as FactKey] = { value: v.value, source: v.source, at: v.at };
    } else report.dropped++;
  }
  return out;
}

/** All cases from unknown data (see readCase). */
export function readCasesData(input: unknown, report: ReadReport): CasesData {
  const out = emptyCases();
  if (!isRecord(input)) {
    report.dropped++;
    return out;
  }
  if (isRecord(input.cases)) {
    for (const [id, raw] of Object.entries(input.cases)) {
      const c = CASE_ID.test(id) ? readCase(raw, report) : undefined;
      if (c && c.id === id) out.cases[id] = c;
      else if (c === undefined && !CASE_ID.test(id)) report.dropped++;
    }
  } else if (input.cases !== undefined) report.dropped++;
  if (isRecord(input.deleted)) {
    for (const [id, at] of Object.entries(input.deleted)) {
      if (CASE_ID.test(id) && isTime(at)) out.deleted[id] = at;
      else report.dropped++;
    }
  }
  if (typeof input.retentionDays === 'number' && (RETENTION_CHOICES as readonly number[]).includes(input.retentionDays))
    out.retentionDays = input.retentionDays;
  return out;
}
