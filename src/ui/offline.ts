import { useSyncExternalStore } from 'react';
import { BASE } from '../engine/paths.ts';
import { SW_FILE } from '../sw/messages.ts';

/**
 * Registers the service worker (src/sw/service-worker.ts, docs/decisions/0007-offline.md)
 * once the page has loaded and is idle, then loads the offline status line and
 * update prompt (./offline-ui.tsx). This part is in the app chunk, so it is kept
 * to a few lines; the rest loads only where a worker was registered.
 */
type OfflineUi = typeof import('./offline-ui.tsx');

let ui: OfflineUi | undefined;
const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** The offline UI once loaded; undefined before (and in the prerendered HTML, so hydration matches). */
export const useOfflineUi = (): OfflineUi | undefined =>
  useSyncExternalStore(
    subscribe,
    () => ui,
    () => undefined,
  );

/** Production builds only (the dev server has no dist/sw.js); called once by src/boot.tsx. */
export function registerServiceWorker(): void {
  const sw = import.meta.env.PROD ? navigator.serviceWorker : undefined;
  if (!sw) return;
  const start = () =>
    sw
      // Its scope is the base path: the worker serves this app's pages, not the rest of the site.
      .register(`${BASE}${SW_FILE}`, { scope: BASE })
      .then(async (registration) => {
        if (!registration) return; // Playwright's serviceWorkers: 'block' makes register() resolve to nothing
        ui = await import('./offline-ui.tsx');
        ui.watch(sw, registration);
        listeners.forEach((l) => l());
      })
      .catch(() => {}); // no worker (private mode, disabled): the app works online as before
  // After the load event and an idle moment: registering and precaching never compete with the page.
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 1000));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
