/**
 * The service worker: makes every page work offline after one visit
 * (docs/decisions/0007-offline.md).
 *
 * - install: downloads the precache list that scripts/build-sw.ts injected
 *   (every file of the build except the prerendered step pages) into a cache
 *   named after the build's version, checking each body against its SHA-256.
 *   Hashed files (/assets/) already in an older version's cache are copied,
 *   not downloaded again.
 * - activate: deletes older versions' caches, turns on navigation preload,
 *   and claims the open pages (the first install; an update only activates
 *   when the person accepts it, see SKIP_WAITING).
 * - fetch: precached files come from the cache; page loads go to the network
 *   first and fall back, offline or after NAVIGATION_TIMEOUT_MS, to the
 *   cached app shell, which renders any URL of the app on the client.
 *
 * Built into dist/sw.js by scripts/build-sw.ts (type-checked with the
 * WebWorker library: tsconfig.worker.json).
 */
import { GET_VERSION, type PageToWorker, SKIP_WAITING } from './messages.ts';

declare const self: ServiceWorkerGlobalScope;

/** Injected at build time by scripts/build-sw.ts. */
declare const __SW_VERSION__: string;
declare const __SW_PRECACHE__: readonly { url: string; sha256: string }[];
/** The path the build is served under (`/`, `/troubleshooter/`): the worker's scope; every URL above starts with it. */
declare const __SW_BASE__: string;

const CACHE_PREFIX = 'troubleshooter-';
const CACHE = `${CACHE_PREFIX}${__SW_VERSION__}`;
/** The app shell: index.html, which boots the app on any URL (it is always in the precache list). */
const SHELL = `${__SW_BASE__}index.html`;
/** A page load waits this long for the network before the cached shell is shown. */
const NAVIGATION_TIMEOUT_MS = 3000;
/** Files whose URL changes when their content does: safe to copy from an older version's cache. */
const ASSETS = `${__SW_BASE__}assets/`;
const isImmutable = (url: string) => url.startsWith(ASSETS);

const precached = new Map(__SW_PRECACHE__.map((e) => [e.url, e.sha256]));

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      // Starts the page's request while the worker boots, so network-first page loads cost no extra time.
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data as PageToWorker | undefined;
  if (data?.type === SKIP_WAITING) void self.skipWaiting();
  else if (data?.type === GET_VERSION) event.ports[0]?.postMessage({ version: __SW_VERSION__ });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    const network = fromNetwork(event);
    event.waitUntil(network.then(noop, noop)); // let a navigation preload settle even when the cache answered
    event.respondWith(navigate(network));
    return;
  }
  if (precached.has(url.pathname)) event.respondWith(fromPrecache(url.pathname, request));
  // Anything else goes to the network, as if there were no worker.
});

/** Fills this version's cache; any failure fails the install (the browser tries again later). */
async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE);
  await Promise.all(
    [...precached].map(async ([url, sha256]) => {
      if (await cache.match(url)) return; // an interrupted install of this version got it already
      if (isImmutable(url)) {
        for (const name of older) {
          const copy = await (await caches.open(name)).match(url);
          if (copy) return cache.put(url, copy);
        }
      }
      // Unhashed files (the shell) must be this build's copy, not one from the HTTP cache.
      const response = await fetch(url, { cache: isImmutable(url) ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      const body = await response.arrayBuffer();
      // A deploy in the middle of the install would mix two versions: refuse it.
      if ((await sha256Hex(body)) !== sha256) throw new Error(`precache: ${url} is not the file this worker was built with`);
      await cache.put(url, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
    }),
  );
}

function fromNetwork(event: FetchEvent): Promise<Response> {
  return (async () => ((await event.preloadResponse) as Response | undefined) ?? fetch(event.request))();
}

/** Network first; offline, after a timeout or on a server error, the cached app shell. */
async function navigate(network: Promise<Response>): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, NAVIGATION_TIMEOUT_MS)));
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.status < 500) return response;
  } catch {
    /* offline */
  } finally {
    clearTimeout(timer);
  }
  const shell = await (await caches.open(CACHE)).match(SHELL);
  return shell ?? network; // no shell (evicted storage): the browser shows its own offline page
}

async function fromPrecache(path: string, request: Request): Promise<Response> {
  const hit = await (await caches.open(CACHE)).match(path);
  return hit ?? fetch(request);
}

async function sha256Hex(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function noop(): void {}
