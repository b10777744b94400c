/**
 * What the service worker precaches (docs/decisions/0007-offline.md): every
 * file of the build, except the worker itself and the prerendered pages
 * (dist/t/…/index.html). Offline, a page load gets the app shell
 * (/index.html), which renders any URL of the app on the client, so the
 * step pages would only add bytes. Pure functions, unit-tested in
 * precache-manifest.test.ts; scripts/build-sw.ts reads dist/ and writes dist/sw.js.
 */
import { createHash } from 'node:crypto';

export interface BuiltFile {
  /** Path inside dist/, with forward slashes: "assets/boot-abc.js", "index.html". */
  path: string;
  body: Uint8Array;
}

export interface PrecacheEntry {
  /** The URL path the page requests, under the base path: "/assets/boot-abc.js", "/troubleshooter/assets/boot-abc.js". */
  url: string;
  /** SHA-256 of the body, hex: the worker checks every download against it. */
  sha256: string;
  bytes: number;
}

/** The app shell, served for page loads offline. */
const SHELL_PATH = 'index.html';
export const SW_PATH = 'sw.js';

/** Whether a built file is precached. */
export function isPrecached(path: string): boolean {
  if (path === SW_PATH) return false;
  // Prerendered pages (dist/t/<tree>/<step>/index.html, any other *.html): the shell stands in for them offline.
  if (path.endsWith('.html') && path !== SHELL_PATH) return false;
  if (path.endsWith('.map')) return false;
  if (path.split('/').some((part) => part.startsWith('.'))) return false;
  return true;
}

/** `base` is the path the build is served under (`/`, `/troubleshooter/`): the URLs the worker fetches carry it. */
export function precacheEntries(files: readonly BuiltFile[], base = '/'): PrecacheEntry[] {
  const entries = files
    .filter((f) => isPrecached(f.path))
    .map((f) => ({ url: `${base}${f.path}`, sha256: sha256Hex(f.body), bytes: f.body.length }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  if (!entries.some((e) => e.url === `${base}${SHELL_PATH}`))
    throw new Error(`dist/${SHELL_PATH} is missing: the service worker needs it as the offline app shell`);
  return entries;
}

/**
 * The worker's version: a hash of every precached file and of the worker's own
 * code, so any change to either gives a new cache name and an update prompt.
 */
export function precacheVersion(entries: readonly PrecacheEntry[], workerCode: string): string {
  const hash = createHash('sha256');
  for (const e of entries) hash.update(`${e.url} ${e.sha256}\n`);
  hash.update(workerCode);
  return hash.digest('hex').slice(0, 12);
}

function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}
