import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { ItemState } from '../engine/model.ts';
import type { Ticks } from '../engine/session.ts';
import type { SummaryFinding } from '../engine/summary.ts';

/**
 * What outlives a page and the URL cannot hold: checklist marks, the
 * person's notes, the findings of a log they started from, and the place
 * each tree was left at. Notes and findings stay in this browser: they are
 * never put in a URL. The URL stays the only record of where the
 * person is now; `recent` only offers "continue where you left off".
 */
export interface RecentSession {
  step: string;
  trail: string;
  title: string;
  at: number;
}

export interface SavedData {
  /** tree id → step id → item id → mark */
  ticks: Record<string, Record<string, Ticks>>;
  /** tree id → last step opened */
  recent: Record<string, RecentSession>;
  /** tree id → step id → the person's note */
  notes: Record<string, Record<string, string>>;
  /** tree id → what the analyzer found in the log the session started from */
  findings: Record<string, SummaryFinding[]>;
}

/** Longest note kept, in characters (a note is for a ticket, not for a log: paste logs into the analyzer). */
export const MAX_NOTE_LENGTH = 4000;
const MAX_FINDINGS = 20;

interface SavedState extends SavedData {
  /** Set when saved data could not be read and was reset (not persisted). */
  storageReset: boolean;
  setTick: (tree: string, step: string, item: string, mark: ItemState | undefined) => void;
  remember: (tree: string, recent: Omit<RecentSession, 'at'>) => void;
  setNote: (tree: string, step: string, note: string) => void;
  /** Starts a tree's session from the analyzer: its findings go into the ticket summary. */
  setFindings: (tree: string, findings: SummaryFinding[]) => void;
  forgetTree: (tree: string) => void;
  dismissStorageReset: () => void;
}

export const STORAGE_KEY = 'troubleshooter';
export const STORAGE_VERSION = 1;

const empty = (): SavedData => ({ ticks: {}, recent: {}, notes: {}, findings: {} });
let resetOnLoad = false;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps only well-formed entries of saved data from an unknown source. */
export function sanitize(input: unknown): SavedData {
  const out = empty();
  if (!isRecord(input)) return out;
  if (isRecord(input.ticks)) {
    for (const [tree, steps] of Object.entries(input.ticks)) {
      if (!isRecord(steps)) continue;
      for (const [step, items] of Object.entries(steps)) {
        if (!isRecord(items)) continue;
        for (const [item, mark] of Object.entries(items)) {
          if (mark === 'ok' || mark === 'bad') ((out.ticks[tree] ??= {})[step] ??= {})[item] = mark;
        }
      }
    }
  }
  if (isRecord(input.recent)) {
    for (const [tree, r] of Object.entries(input.recent)) {
      if (isRecord(r) && typeof r.step === 'string' && typeof r.trail === 'string' && typeof r.title === 'string' && typeof r.at === 'number') {
        out.recent[tree] = { step: r.step, trail: r.trail, title: r.title, at: r.at };
      }
    }
  }
  if (isRecord(input.notes)) {
    for (const [tree, steps] of Object.entries(input.notes)) {
      if (!isRecord(steps)) continue;
      for (const [step, note] of Object.entries(steps)) {
        if (typeof note === 'string' && note !== '') (out.notes[tree] ??= {})[step] = note.slice(0, MAX_NOTE_LENGTH);
      }
    }
  }
  if (isRecord(input.findings)) {
    for (const [tree, list] of Object.entries(input.findings)) {
      if (!Array.isArray(list)) continue;
      const kept = list.flatMap((f) => (isFinding(f) ? [cleanFinding(f)] : [])).slice(0, MAX_FINDINGS);
      if (kept.length > 0) out.findings[tree] = kept;
    }
  }
  return out;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;

function isFinding(f: unknown): f is SummaryFinding {
  return isRecord(f) && isString(f.platform) && isString(f.code) && Array.isArray(f.ids) && f.ids.every(isString);
}

function cleanFinding(f: SummaryFinding): SummaryFinding {
  const out: SummaryFinding = { platform: f.platform, code: f.code, ids: f.ids.slice(0, 10) };
  if (isString(f.subCode)) out.subCode = f.subCode;
  if (typeof f.http === 'number' && Number.isInteger(f.http)) out.http = f.http;
  if (isString(f.title)) out.title = f.title;
  return out;
}

/** localStorage that survives a corrupt or unavailable store instead of throwing. */
const safeStorage: StateStorage = {
  getItem(name) {
    if (typeof localStorage === 'undefined') return null; // prerendering at build time
    try {
      const raw = localStorage.getItem(name);
      if (raw !== null) JSON.parse(raw);
      return raw;
    } catch {
      resetOnLoad = true;
      try {
        localStorage.removeItem(name);
      } catch {
        /* storage unavailable: keep going without it */
      }
      return null;
    }
  },
  setItem(name, value) {
    try {
      localStorage.setItem(name, value);
    } catch {
      /* full or unavailable: progress is just not kept */
    }
  },
  removeItem(name) {
    try {
      localStorage.removeItem(name);
    } catch {
      /* unavailable */
    }
  },
};

export const useSaved = create<SavedState>()(
  persist(
    (set) => ({
      ...empty(),
      storageReset: false,
      setTick: (tree, step, item, mark) =>
        set((s) => {
          const { [item]: _old, ...items } = s.ticks[tree]?.[step] ?? {};
          if (mark) items[item] = mark;
          return { ticks: { ...s.ticks, [tree]: { ...s.ticks[tree], [step]: items } } };
        }),
      remember: (tree, recent) => set((s) => ({ recent: { ...s.recent, [tree]: { ...recent, at: Date.now() } } })),
      setNote: (tree, step, note) =>
        set((s) => {
          const { [step]: _old, ...steps } = s.notes[tree] ?? {};
          if (note !== '') steps[step] = note.slice(0, MAX_NOTE_LENGTH);
          return { notes: { ...s.notes, [tree]: steps } };
        }),
      setFindings: (tree, findings) => set((s) => ({ findings: { ...s.findings, [tree]: findings.slice(0, MAX_FINDINGS).map(cleanFinding) } })),
      forgetTree: (tree) =>
        set((s) => {
          const { [tree]: _t, ...ticks } = s.ticks;
          const { [tree]: _r, ...recent } = s.recent;
          const { [tree]: _n, ...notes } = s.notes;
          const { [tree]: _f, ...findings } = s.findings;
          return { ticks, recent, notes, findings };
        }),
      dismissStorageReset: () => set({ storageReset: false }),
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: createJSONStorage(() => safeStorage),
      partialize: (s): SavedData => ({ ticks: s.ticks, recent: s.recent, notes: s.notes, findings: s.findings }),
      // Version 0 never shipped; anything older or unknown is sanitized to what is still valid.
      migrate: (persisted) => sanitize(persisted),
      merge: (persisted, current) => {
        const clean = sanitize(persisted);
        const looksCorrupt = persisted !== undefined && persisted !== null && !isRecord(persisted);
        return { ...current, ...clean, storageReset: resetOnLoad || looksCorrupt };
      },
    },
  ),
);
