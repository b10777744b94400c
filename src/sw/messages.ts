/**
 * What the page and the service worker (src/sw/service-worker.ts) say to each
 * other, and the one path both must agree on. Shared by both sides, so this
 * file uses no DOM or worker types.
 */

/** The page asks the waiting worker to take over (the person clicked "Reload" in the update prompt). */
export const SKIP_WAITING = 'SKIP_WAITING';

/** The page asks the active worker which version it serves; it answers `{ version }` on the port it was given. */
export const GET_VERSION = 'GET_VERSION';

/** The built worker's file, at the top of the build (scripts/build-sw.ts writes it, src/ui/offline.ts registers it under the base path). */
export const SW_FILE = 'sw.js';

export type PageToWorker = { type: typeof SKIP_WAITING } | { type: typeof GET_VERSION };
