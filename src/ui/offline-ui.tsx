import { useSyncExternalStore } from 'react';
import { SKIP_WAITING } from '../sw/messages.ts';
import { useMessages } from './i18n/use-messages.ts';

/**
 * The offline status line and the update prompt (docs/decisions/0007-offline.md).
 * Its own chunk, loaded by ./offline.ts once a service worker is registered:
 * pages without one (and the first paint) never load it.
 */
interface OfflineState {
  /** A worker controls the page: it activated only once everything was precached. */
  ready: boolean;
  offline: boolean;
  /** A new version is installed and waiting (or another tab already switched to it). */
  update: boolean;
}

let state: OfflineState = { ready: false, offline: false, update: false };
const listeners = new Set<() => void>();
const set = (patch: Partial<OfflineState>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
const useOfflineState = () => useSyncExternalStore(subscribe, () => state);

/** How often an open tab asks the server for a new worker (one small request for sw.js, revalidated: `Cache-Control: no-cache`). */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

let registration: ServiceWorkerRegistration | undefined;
let accepted = false;

/** Follows the worker and the network from now on (called once, right after registration). */
export function watch(sw: ServiceWorkerContainer, reg: ServiceWorkerRegistration): void {
  registration = reg;
  let controlled = !!sw.controller;
  const network = () => set({ offline: !navigator.onLine });
  set({ ready: controlled, offline: !navigator.onLine });
  addEventListener('online', network);
  addEventListener('offline', network);
  sw.addEventListener('controllerchange', () => {
    if (accepted) return location.reload();
    // The first install claims the page: now available offline. A later change means another tab
    // accepted an update and this page still runs the old code: offer the reload here too.
    set({ ready: true, update: controlled });
    controlled = true;
  });
  // A worker that finishes installing while another controls the page is a new version.
  const track = (w: ServiceWorker | null) => {
    const check = () => w?.state === 'installed' && sw.controller && set({ update: true });
    check();
    w?.addEventListener('statechange', check);
  };
  track(reg.waiting);
  track(reg.installing);
  reg.addEventListener('updatefound', () => track(reg.installing));
  // The browser looks for a new worker on every page load; a long-open tab also looks when it
  // comes back into view, back online, and every UPDATE_CHECK_MS while it is in view.
  const look = () => document.visibilityState === 'visible' && navigator.onLine && reg.update().catch(() => {});
  document.addEventListener('visibilitychange', look);
  addEventListener('online', look);
  setInterval(look, UPDATE_CHECK_MS);
}

/** The update prompt's button: the waiting worker takes over, then the page reloads under it. */
function applyUpdate(): void {
  const waiting = registration?.waiting;
  if (!waiting) return location.reload(); // another tab already switched
  accepted = true;
  waiting.postMessage({ type: SKIP_WAITING });
}

/** "A newer version of the guides is available — reload", at the top of the page; Reload keeps the URL (the step, its trail) and the case (in storage). */
export function UpdatePrompt() {
  const { update } = useOfflineState();
  const m = useMessages();
  if (!update) return null;
  return (
    <div className="notice update-prompt" role="status">
      <p>{m.updateAvailable}</p>
      <button type="button" className="button button--small" onClick={applyUpdate}>
        {m.reload}
      </button>
    </div>
  );
}

/** "Available offline" or "Offline — showing the saved copy", in the footer (an aria-live region). */
export function OfflineStatus() {
  const { ready, offline } = useOfflineState();
  const m = useMessages();
  if (!ready) return null;
  return (
    <p className={`offline-status${offline ? ' offline-status--offline' : ''}`} role="status">
      <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        {offline ? <path d="M2 2l12 12M5.5 5.6A3.5 3.5 0 0 0 4.5 12H12m1.9-1.4A3 3 0 0 0 11 6.1a4.5 4.5 0 0 0-4.6-2.9" /> : <path d="M3.5 8.5l3 3 6-7" />}
      </svg>
      {offline ? m.offlineSaved : m.offlineReady}
    </p>
  );
}
