/**
 * The inline script in every built page's `<head>`: it runs before the first
 * paint, before any file of the app has arrived. src/content/vite-plugin.ts
 * bundles and minifies it at build time, puts in `__HEAD_CHUNKS__` and
 * inlines it; its hash goes in the page's Content-Security-Policy
 * (src/content/csp.ts, and the nginx headers of scripts/nginx-site.ts).
 *
 * - Picks the language by the app's rule (src/ui/i18n/lang.ts) and sets
 *   `<html lang>` at once; on a prerendered (English) page shown in Chinese it
 *   hides the English markup (`data-lang-pending`) until the Chinese is swapped
 *   in (docs/decisions/0006): no flash of the wrong language.
 * - In a help desk's frame (`?embed=1`) it marks `<html data-embed>`, so a
 *   prerendered page never flashes the site header there (src/ui/embed/flag.ts).
 * - Starts the download of the reader's UI strings and, on a guide's page
 *   (the route read by src/engine/paths.ts), of its tree: they download in
 *   parallel with the app instead of after it has booted.
 *
 * Everything it imports is bundled into it: keep those imports small.
 */
import { LANG_STORAGE_KEY, LANGS } from './engine/model.ts';
import { BASE, GUIDE_ROUTES, matchPath, routePath } from './engine/paths.ts';
import { hasEmbedFlag } from './ui/embed/flag.ts';
import { htmlLang, pickLang } from './ui/i18n/lang.ts';

/**
 * The chunks to preload, per tree id, and under `''` the UI strings: for each
 * language (in the order of `LANGS`) a file's name in `assets/`, without `.js`.
 * Put in by the build.
 */
declare const __HEAD_CHUNKS__: Record<string, (string | null)[]>;

const chunks = __HEAD_CHUNKS__;
const root = document.documentElement;
let saved: string | null = null;
try {
  saved = localStorage.getItem(LANG_STORAGE_KEY);
} catch {
  /* storage blocked: the URL and the browser decide */
}
const lang = pickLang(new URLSearchParams(location.search).get('lang'), saved, navigator.languages || [navigator.language]);
root.lang = htmlLang(lang);
if (lang !== 'en') root.setAttribute('data-lang-pending', '');
if (hasEmbedFlag(location.search)) root.setAttribute('data-embed', '');

const preload = (name: string | null | undefined) => {
  if (!name) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = `${BASE}assets/${name}.js`;
  document.head.appendChild(link);
};
const at = LANGS.indexOf(lang);
preload(chunks['']?.[at]);
// A guide's first step, or one of its steps.
const route = matchPath(routePath(location.pathname) ?? '', GUIDE_ROUTES);
const tree = route && Object.prototype.hasOwnProperty.call(chunks, route.params.treeId!) ? chunks[route.params.treeId!]! : undefined;
preload(tree && (tree[at] || tree[0]));
