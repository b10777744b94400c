import { create } from 'zustand';
import {
  closeCase,
  deleteCase,
  emptyCases,
  newCase,
  reopenCase,
  setFact,
  setFindings,
  setMark,
  setNote,
  setPosition,
  setTicket,
  type Case,
  type CaseId,
  type CasePosition,
  type CasesData,
} from '../engine/cases.ts';
import { datedFacts, type FactKey, type FactSource, type FactValues } from '../engine/facts.ts';
import type { ItemState } from '../engine/model.ts';
import type { SummaryFinding } from '../engine/summary.ts';

/**
 * The cases this browser keeps (src/engine/cases.ts), and which one this tab
 * is working on. All cases live in localStorage, shared by every tab and
 * merged when another tab changes them; the open case is per tab
 * (sessionStorage), so two tabs can work two tickets.
 *
 * The store is created empty; reading storage, writing it and hearing other
 * tabs is src/store/cases-persist.ts, loaded once the page is live (it is
 * not needed to draw the first step). Until it has read storage, `ready` is
 * false and the pages show no case rather than a wrong one.
 */

/** Whether storage is keeping the cases: yes; no, because it failed (full, blocked); no, because a newer version of the app wrote it. */
export type StorageState = 'ok' | 'failed' | 'newer';

export interface CasesState extends CasesData {
  /** True once the saved cases have been read. */
  ready: boolean;
  /** This tab's case. */
  active: CaseId | undefined;
  storage: StorageState;
  /** Set when saved data could not be read whole: the raw text was kept aside, for the person to download. */
  keptAside: boolean;
  /** Starts a new case and makes it this tab's. */
  startCase: (init?: { ticket?: string; facts?: FactValues; findings?: SummaryFinding[] }) => CaseId;
  /** Makes a case this tab's (reopening it if it was closed). */
  activate: (id: CaseId) => void;
  /** This tab's case, started if there is none. */
  ensureActive: () => CaseId;
  setTicket: (id: CaseId, ticket: string) => void;
  setNote: (id: CaseId, tree: string, step: string, text: string) => void;
  setMark: (id: CaseId, tree: string, step: string, item: string, mark: ItemState | undefined) => void;
  setPosition: (id: CaseId, position: Omit<CasePosition, 'at'>) => void;
  setFindings: (id: CaseId, findings: SummaryFinding[]) => void;
  setFact: (id: CaseId, key: FactKey, value: string, source: FactSource) => void;
  close: (id: CaseId) => void;
  reopen: (id: CaseId) => void;
  remove: (id: CaseId) => void;
  removeAll: () => void;
  setRetention: (days: number) => void;
  /** Adds a case read from a file (with a new id if this browser has one with its id). */
  importCase: (c: Case) => CaseId;
  dismissKeptAside: () => void;
}

const now = () => Date.now();
const ACTIVE_KEY = 'troubleshooter:active-case';

/** A new case id: `c` and random base-36 (the pattern storage accepts). */
export function newCaseId(): CaseId {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return `c${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('')}` as CaseId;
}

/** Remembers this tab's case for a reload (sessionStorage may be blocked: then only this page knows it). */
function rememberActive(id: CaseId) {
  try {
    window.sessionStorage.setItem(ACTIVE_KEY, id);
  } catch {
    /* kept in memory */
  }
}

/** This tab's case as the last page left it, if storage allows. */
export function rememberedActive(): CaseId | undefined {
  try {
    return (window.sessionStorage.getItem(ACTIVE_KEY) as CaseId | null) ?? undefined;
  } catch {
    return undefined;
  }
}

export const useCases = create<CasesState>()((set, get) => {
  const update = (id: CaseId, fn: (c: Case, t: number) => Case) =>
    set((s) => {
      const c = s.cases[id];
      return c ? { cases: { ...s.cases, [id]: fn(c, now()) } } : {};
    });
  const makeActive = (id: CaseId) => {
    rememberActive(id);
    set({ active: id });
  };
  return {
    ...emptyCases(),
    ready: false,
    active: undefined,
    storage: 'ok',
    keptAside: false,
    startCase: (init = {}) => {
      const id = newCaseId();
      const t = now();
      set((s) => ({ cases: { ...s.cases, [id]: newCase(id, t, { ...init, facts: datedFacts(init.facts ?? {}, t) }) } }));
      makeActive(id);
      return id;
    },
    activate: (id) => {
      const c = get().cases[id];
      if (!c) return;
      if (c.closedAt !== undefined) update(id, reopenCase);
      makeActive(id);
    },
    ensureActive: () => {
      const { active, cases } = get();
      return active && cases[active] ? active : get().startCase();
    },
    setTicket: (id, ticket) => update(id, (c, t) => setTicket(c, ticket, t)),
    setNote: (id, tree, step, text) => update(id, (c, t) => setNote(c, tree, step, text, t)),
    setMark: (id, tree, step, item, mark) => update(id, (c, t) => setMark(c, tree, step, item, mark, t)),
    setPosition: (id, position) => update(id, (c, t) => setPosition(c, position, t)),
    setFindings: (id, findings) => update(id, (c, t) => setFindings(c, findings, t)),
    setFact: (id, key, value, source) => update(id, (c, t) => setFact(c, key, value, source, t)),
    close: (id) => update(id, closeCase),
    reopen: (id) => update(id, reopenCase),
    remove: (id) => set((s) => ({ ...deleteCase(s, id, now()), active: s.active === id ? undefined : s.active })),
    removeAll: () =>
      set((s) => {
        let d: CasesData = s;
        for (const id of Object.keys(s.cases)) d = deleteCase(d, id, now());
        return { cases: d.cases, deleted: d.deleted, active: undefined };
      }),
    setRetention: (days) => set({ retentionDays: days }),
    importCase: (c) => {
      const id = get().cases[c.id] || get().deleted[c.id] ? newCaseId() : c.id;
      const t = now();
      const { closedAt: _closed, ...open } = c;
      set((s) => ({ cases: { ...s.cases, [id]: { ...open, id, updatedAt: t, statusAt: t } } }));
      makeActive(id);
      return id;
    },
    dismissKeptAside: () => set({ keptAside: false }),
  };
});

/** Open cases, most recently changed first. */
export function openCases(s: Pick<CasesData, 'cases'>): Case[] {
  return Object.values(s.cases)
    .filter((c) => c.closedAt === undefined)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

let persisting: Promise<void> | undefined;

/**
 * Reads the saved cases and keeps them saved from now on (once per page;
 * the layout calls it when the page is live). Resolves when `ready`. If the
 * code for it cannot be loaded (offline, a deploy in between), the page still
 * gets its case, kept in memory with the "not saving" notice: the ticket and
 * note boxes wait for `ready`.
 */
export function startPersisting(): Promise<void> {
  persisting ??= import('./cases-persist.ts').then((p) => p.persist(useCases)).catch(() => useCases.setState({ ready: true, storage: 'failed' }));
  return persisting;
}
