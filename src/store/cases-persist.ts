import type { StoreApi, UseBoundStore } from 'zustand';
import { emptyCases, prune, type CasesData } from '../engine/cases.ts';
import { newCaseId, rememberedActive, type CasesState, type StorageState } from './cases.ts';

/**
 * How the cases are kept in localStorage (docs/decisions/0010-cases.md):
 * written a moment after each change, merged with another tab's writes
 * field by field, never wiped when unreadable (the raw text is kept aside
 * for the person to download), and kept in memory — with a notice — when
 * storage is full or blocked. zustand's `persist` does not do the merging or
 * the keeping aside, so this is written out.
 */

const STORAGE_KEY = 'troubleshooter';
/** Where unreadable saved data is kept aside (one copy, the latest), so nothing is wiped. */
const KEPT_ASIDE_KEY = 'troubleshooter:kept-aside';
const STORAGE_VERSION = 2;
/** How long after a change the cases are written (typing a note writes once, not on every key). */
const SAVE_DELAY_MS = 250;

function get(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function put(key: string, value: string): boolean {
  try {
    window.localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export interface Loaded {
  data: CasesData;
  storage: StorageState;
  /** The raw text, when it could not be read whole (to keep aside). */
  unreadable?: string;
}

/** The name of the case that holds what the first version kept, in the page's language (set before the app loads). */
const beforeCasesName = () => (typeof document !== 'undefined' && document.documentElement.lang.startsWith('zh') ? '启用案例之前的记录' : 'Before cases');

/**
 * Reads saved cases. Version 1 (notes and marks per guide, before cases)
 * becomes one case named "Before cases". Anything unreadable — not JSON, an
 * unknown shape, entries dropped as malformed — is reported, to be kept aside.
 */
async function loadCases(raw: string | null, now: number): Promise<Loaded> {
  const empty: Loaded = { data: emptyCases(), storage: 'ok' };
  if (raw === null) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ...empty, unreadable: raw };
  }
  const envelope = typeof parsed === 'object' && parsed !== null ? (parsed as { state?: unknown; version?: unknown }) : undefined;
  const version = envelope?.version;
  const report = { dropped: 0 };
  if (typeof version === 'number' && version > STORAGE_VERSION) return { ...empty, storage: 'newer' };
  if (version === 1 || version === 0) {
    // Only a browser that used the first version needs this: its own chunk.
    const { migrateV1 } = await import('../engine/cases-migrate.ts');
    const before = migrateV1(envelope!.state, newCaseId(), now, beforeCasesName(), report);
    const data = emptyCases();
    if (before) data.cases[before.id] = before;
    return { data, storage: 'ok', ...(report.dropped > 0 ? { unreadable: raw } : {}) };
  }
  if (version !== STORAGE_VERSION) return { ...empty, unreadable: raw };
  // The entry-by-entry reader loads only when something was saved (a first visit never needs it).
  const { readCasesData } = await import('../engine/cases-storage.ts');
  const data = readCasesData(envelope!.state, report);
  return { data, storage: 'ok', ...(report.dropped > 0 ? { unreadable: raw } : {}) };
}

const serialize = (d: CasesData) => JSON.stringify({ state: { cases: d.cases, deleted: d.deleted, retentionDays: d.retentionDays }, version: STORAGE_VERSION });

/** Reads storage into the store, then keeps writing it and merging other tabs' writes. */
export async function persist(store: UseBoundStore<StoreApi<CasesState>>): Promise<void> {
  const loaded = await loadCases(get(STORAGE_KEY), Date.now());
  if (loaded.unreadable !== undefined) put(KEPT_ASIDE_KEY, loaded.unreadable);
  const data = prune(loaded.data, Date.now());
  const before = store.getState();
  // Cases started before storage was read are kept (merging is its own chunk: most pages have none).
  const merged = Object.keys(before.cases).length === 0 ? data : (await import('../engine/cases-merge.ts')).mergeCases(data, before);
  const remembered = rememberedActive();
  const active = before.active ?? (remembered && merged.cases[remembered] ? remembered : undefined);
  store.setState({
    cases: merged.cases,
    deleted: merged.deleted,
    retentionDays: data.retentionDays,
    storage: loaded.storage,
    keptAside: loaded.unreadable !== undefined,
    active,
    ready: true,
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What was last written or read, so a tab does not write back what another tab just wrote. */
  let last: string | undefined = get(STORAGE_KEY) ?? undefined;
  const save = () => {
    timer = undefined;
    const s = store.getState();
    if (s.storage === 'newer') return;
    const pruned = prune(s, Date.now());
    // Closed cases past the retention (just changed, perhaps) leave this page too.
    if (Object.keys(pruned.cases).length !== Object.keys(s.cases).length) store.setState({ cases: pruned.cases, deleted: pruned.deleted });
    const text = serialize(pruned);
    if (text === last) return;
    const ok = put(STORAGE_KEY, text);
    if (ok) last = text;
    if ((s.storage === 'ok') !== ok) store.setState({ storage: ok ? 'ok' : 'failed' });
  };
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  store.subscribe((s, prev) => {
    if (s.cases === prev.cases && s.deleted === prev.deleted && s.retentionDays === prev.retentionDays) return;
    timer ??= setTimeout(save, SAVE_DELAY_MS);
  });
  if (Object.keys(before.cases).length > 0) timer ??= setTimeout(save, SAVE_DELAY_MS);
  window.addEventListener('pagehide', flush);
  // Another tab changed the cases: merge its copy into this one, field by field (the newer change wins).
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY || e.storageArea !== window.localStorage || e.newValue === null) return;
    const text = e.newValue;
    void Promise.all([loadCases(text, Date.now()), import('../engine/cases-merge.ts')]).then(([incoming, { mergeCases }]) => {
      if (incoming.storage === 'newer') return;
      const s = store.getState();
      const next = mergeCases(s, incoming.data);
      // Nothing of this tab's is missing from the other tab's copy: do not write the same back.
      last = serialize(next) === serialize(incoming.data) ? serialize(next) : text;
      store.setState({
        cases: next.cases,
        deleted: next.deleted,
        retentionDays: incoming.data.retentionDays,
        active: s.active && next.cases[s.active] ? s.active : undefined,
      });
    });
  });
}

/** The text kept aside, for the "download what could not be read" link. */
export const keptAsideText = (): string | null => get(KEPT_ASIDE_KEY);
