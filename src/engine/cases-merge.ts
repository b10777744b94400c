import { FACT_KEYS, type Facts } from './facts.ts';
import type { Case, CasesData } from './cases.ts';

/**
 * Two copies of the cases — this tab's and another tab's — merged: every
 * record carries the time it last changed, and the newer change wins, field
 * by field. Loaded only when another tab writes (or the page started a case
 * before storage was read).
 */

const newer = <T extends { at: number }>(a: T | undefined, b: T | undefined): T | undefined => (!a ? b : !b ? a : b.at > a.at ? b : a);

function mergeRecords<T extends { at: number }>(a: Record<string, T>, b: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = newer(out[k], v)!;
  return out;
}

/** One case changed in two tabs: every part from whichever tab changed it last. */
export function mergeCase(a: Case, b: Case): Case {
  const ticket = b.ticketAt > a.ticketAt ? b : a;
  const status = b.statusAt > a.statusAt ? b : a;
  const findings = b.findingsAt > a.findingsAt ? b : a;
  const facts: Facts = { ...a.facts };
  for (const k of FACT_KEYS) {
    const f = newer(a.facts[k], b.facts[k]);
    if (f) facts[k] = f;
  }
  const merged: Case = {
    id: a.id,
    ticket: ticket.ticket,
    ticketAt: ticket.ticketAt,
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    statusAt: status.statusAt,
    positions: mergeRecords(a.positions, b.positions),
    notes: mergeRecords(a.notes, b.notes),
    ticks: mergeRecords(a.ticks, b.ticks),
    findings: findings.findings,
    findingsAt: findings.findingsAt,
    facts,
  };
  if (status.closedAt !== undefined) merged.closedAt = status.closedAt;
  return merged;
}

/** Two copies of all cases (this tab's and another tab's): the union, each case merged, deletions respected. */
export function mergeCases(a: CasesData, b: CasesData): CasesData {
  const deleted = { ...a.deleted };
  for (const [id, at] of Object.entries(b.deleted)) deleted[id] = Math.max(deleted[id] ?? 0, at);
  const cases: Record<string, Case> = {};
  for (const id of new Set([...Object.keys(a.cases), ...Object.keys(b.cases)])) {
    const x = a.cases[id];
    const y = b.cases[id];
    const c = x && y ? mergeCase(x, y) : (x ?? y)!;
    if (deleted[id] !== undefined && deleted[id]! >= c.updatedAt) continue;
    cases[id] = c;
  }
  return { cases, deleted, retentionDays: a.retentionDays };
}
