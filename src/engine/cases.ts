import { FACT_KEYS, MAX_FACT_LENGTH, type Facts, type FactKey, type FactSource } from './facts.ts';
import type { Brand, ItemState } from './model.ts';
import type { SummaryFinding } from './summary.ts';

/**
 * Cases: one ticket's work. A support engineer works many tickets a day in
 * one browser; everything the app keeps for a person — notes, checklist
 * marks, the findings of a pasted log, the facts of the ticket, where each
 * guide was left — belongs to one case, so nothing written for ticket A turns
 * up in ticket B. Pure functions over plain data: the store
 * (src/store/cases.ts) calls them and persists the result.
 *
 * Every record carries the time it was last changed, so two tabs that change
 * the same case are merged field by field (mergeCases), and a deleted case
 * leaves a dated tombstone that the other tab respects.
 */

export type CaseId = Brand<string, 'CaseId'>;

/** Where a guide was left: the step, the trail that led there, and its title (for lists). */
export interface CasePosition {
  tree: string;
  step: string;
  trail: string;
  /** The facts the guide was given (`platform:ios,code:7003`), so resuming replays the same path. */
  facts?: string;
  title: string;
  at: number;
}

export interface CaseNote {
  /** The person's note; '' once cleared (kept, dated, so a merge does not bring it back). */
  text: string;
  at: number;
}

export interface CaseTicks {
  marks: Record<string, ItemState>;
  at: number;
}

export interface Case {
  id: CaseId;
  /** The ticket's reference as the person types it (`ZD-48213`); '' when none. */
  ticket: string;
  ticketAt: number;
  createdAt: number;
  /** The last change to anything in the case. */
  updatedAt: number;
  /** When it was closed; absent while open. `statusAt` dates the last close or reopen. */
  closedAt?: number;
  statusAt: number;
  /** Tree id → where that guide was left. */
  positions: Record<string, CasePosition>;
  /** `tree/step` → note. */
  notes: Record<string, CaseNote>;
  /** `tree/step` → checklist marks. */
  ticks: Record<string, CaseTicks>;
  /** What the analyzer found in the log the case started from (codes, titles, ids — never the log). */
  findings: SummaryFinding[];
  findingsAt: number;
  facts: Facts;
}

export interface CasesData {
  cases: Record<string, Case>;
  /** Case id → when it was deleted: a tombstone, so another tab's copy is not merged back in. */
  deleted: Record<string, number>;
  /** Days a closed case is kept before it is removed. */
  retentionDays: number;
}

const DEFAULT_RETENTION_DAYS = 30;
export const RETENTION_CHOICES = [1, 7, 30, 90, 365] as const;
/** Longest note kept, in characters (a note is for a ticket, not for a log: paste logs into the analyzer). */
export const MAX_NOTE_LENGTH = 4000;
const MAX_TICKET_LENGTH = 80;
export const MAX_FINDINGS = 20;
/** The most open cases kept (storage stays bounded whatever happens). */
const MAX_OPEN_CASES = 200;

/** Ids of trees and steps (`mpaas-system-busy`), case ids (`c` + base-36), `tree/step` keys: nothing else is accepted as a key. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
export const CASE_ID = /^c[0-9a-z]{6,32}$/;
export const STEP_KEY = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}\/[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;
export const ITEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,20}$/;

export const emptyCases = (): CasesData => ({ cases: {}, deleted: {}, retentionDays: DEFAULT_RETENTION_DAYS });

export const stepKey = (tree: string, step: string) => `${tree}/${step}`;

/** A new, empty case. */
export function newCase(id: CaseId, now: number, init: { ticket?: string; facts?: Facts; findings?: SummaryFinding[] } = {}): Case {
  return {
    id,
    ticket: cleanTicket(init.ticket ?? ''),
    ticketAt: now,
    createdAt: now,
    updatedAt: now,
    statusAt: now,
    positions: {},
    notes: {},
    ticks: {},
    findings: (init.findings ?? []).slice(0, MAX_FINDINGS),
    findingsAt: now,
    facts: init.facts ?? {},
  };
}

export const cleanTicket = (ticket: string) =>
  ticket
    .replace(/[\u0000-\u001f\u007f]/g, ' ') // eslint-disable-line no-control-regex -- control characters are what this removes
    .trim()
    .slice(0, MAX_TICKET_LENGTH);

/** True when the case holds nothing a person wrote or found (a guide merely walked). */
export function isEmptyCase(c: Case): boolean {
  return (
    c.ticket === '' &&
    Object.values(c.notes).every((n) => n.text === '') &&
    Object.values(c.ticks).every((t) => Object.keys(t.marks).length === 0) &&
    c.findings.length === 0 &&
    Object.values(c.facts).every((f) => !f || f.value === '')
  );
}

const touch = (c: Case, now: number): Case => ({ ...c, updatedAt: Math.max(c.updatedAt, now) });

export function setTicket(c: Case, ticket: string, now: number): Case {
  return touch({ ...c, ticket: cleanTicket(ticket), ticketAt: now }, now);
}

export function setNote(c: Case, tree: string, step: string, text: string, now: number): Case {
  return touch({ ...c, notes: { ...c.notes, [stepKey(tree, step)]: { text: text.slice(0, MAX_NOTE_LENGTH), at: now } } }, now);
}

export function setMark(c: Case, tree: string, step: string, item: string, mark: ItemState | undefined, now: number): Case {
  const key = stepKey(tree, step);
  const { [item]: _old, ...marks } = c.ticks[key]?.marks ?? {};
  if (mark) marks[item] = mark;
  return touch({ ...c, ticks: { ...c.ticks, [key]: { marks, at: now } } }, now);
}

/** Records where a guide is now (not a change a person made: `updatedAt` moves, the case stays "empty"). */
export function setPosition(c: Case, position: Omit<CasePosition, 'at'>, now: number): Case {
  const old = c.positions[position.tree];
  if (old && old.step === position.step && old.trail === position.trail && old.facts === position.facts && old.title === position.title) return c;
  return touch({ ...c, positions: { ...c.positions, [position.tree]: { ...position, at: now } } }, now);
}

export function setFindings(c: Case, findings: SummaryFinding[], now: number): Case {
  return touch({ ...c, findings: findings.slice(0, MAX_FINDINGS), findingsAt: now }, now);
}

/** Sets a fact; an empty value clears it (kept as a dated '' so a merge does not bring the old value back). */
export function setFact(c: Case, key: FactKey, value: string, source: FactSource, now: number): Case {
  const v = value
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, MAX_FACT_LENGTH);
  return touch({ ...c, facts: { ...c.facts, [key]: { value: v, source, at: now } } }, now);
}

/** Facts with a value (cleared ones left out). */
export function knownFacts(facts: Facts): Partial<Record<FactKey, string>> {
  const out: Partial<Record<FactKey, string>> = {};
  for (const k of FACT_KEYS) if (facts[k]?.value) out[k] = facts[k]!.value;
  return out;
}

export function closeCase(c: Case, now: number): Case {
  return touch({ ...c, closedAt: now, statusAt: now }, now);
}

export function reopenCase(c: Case, now: number): Case {
  const { closedAt: _closed, ...rest } = c;
  return touch({ ...rest, statusAt: now }, now);
}

/** The guide the case was last in, and where. */
export function lastPosition(c: Case): CasePosition | undefined {
  let last: CasePosition | undefined;
  for (const p of Object.values(c.positions)) if (!last || p.at > last.at) last = p;
  return last;
}

/** Removes a case, leaving a tombstone. */
export function deleteCase(data: CasesData, id: string, now: number): CasesData {
  const { [id]: _gone, ...cases } = data.cases;
  return { ...data, cases, deleted: { ...data.deleted, [id]: now } };
}

/** Tombstones are kept long enough for any open tab to see them. */
const TOMBSTONE_DAYS = 60;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Keeps storage bounded: closed cases past the retention, old tombstones,
 * and — past MAX_OPEN_CASES — the open cases changed longest ago, empty ones
 * first, are removed.
 */
export function prune(data: CasesData, now: number): CasesData {
  const keepClosedUntil = now - data.retentionDays * DAY;
  const deleted: Record<string, number> = {};
  for (const [id, at] of Object.entries(data.deleted)) if (at > now - TOMBSTONE_DAYS * DAY) deleted[id] = at;
  const cases: Record<string, Case> = {};
  const open: Case[] = [];
  for (const c of Object.values(data.cases)) {
    if (c.closedAt !== undefined) {
      if (c.closedAt >= keepClosedUntil) cases[c.id] = c;
      else deleted[c.id] = now;
    } else open.push(c);
  }
  open.sort((x, y) => Number(isEmptyCase(y)) - Number(isEmptyCase(x)) || x.updatedAt - y.updatedAt);
  const drop = Math.max(0, open.length - MAX_OPEN_CASES);
  open.forEach((c, i) => {
    if (i < drop) deleted[c.id] = now;
    else cases[c.id] = c;
  });
  return { ...data, cases, deleted };
}
