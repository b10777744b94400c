import { LANG_STORAGE_KEY, type Lang } from '../../engine/model.ts';

const isLang = (v: unknown): v is Lang => v === 'en' || v === 'zh';

/**
 * The language to show, decided once per page load:
 * `?lang=zh|en` in the URL (and then remembered), else the remembered choice,
 * else the browser's languages (any `zh*` first → Chinese), else English.
 * At build time (prerendering, no window) it is English.
 */
export function detectLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  const forced = new URLSearchParams(window.location.search).get('lang');
  if (isLang(forced)) {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, forced);
    } catch {
      /* storage unavailable: the URL still decides */
    }
    return forced;
  }
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    /* unavailable */
  }
  return pickLang(null, saved, navigator.languages ?? [navigator.language]);
}

/**
 * The language rule, the one place it is written (the app's `detectLang` and
 * the inline head script, src/head-script.ts, both call it): `?lang=`, else
 * the saved choice, else the first of the browser's languages that is
 * Chinese or English, else English.
 */
export function pickLang(query: string | null, saved: string | null, browser: readonly string[]): Lang {
  if (isLang(query)) return query;
  if (isLang(saved)) return saved;
  for (const l of browser) {
    if (/^zh\b/i.test(l)) return 'zh';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** The value for `<html lang>`. */
export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

/**
 * The same page in the other language: the URL with `?lang=` set (a full load, so content and UI switch together).
 * The path is made same-origin: `//evil.example/` in the address must not become a link to evil.example.
 */
export function hrefInLang(lang: Lang, location: { pathname: string; search: string; hash: string }): string {
  const params = new URLSearchParams(location.search);
  params.set('lang', lang);
  return `${sameOriginPath(location.pathname)}?${params.toString()}${location.hash}`;
}

/**
 * A path taken from the current address, made safe to put back into a link:
 * one leading `/`, and `\\` read as `/` as browsers do. `//evil.example/` in
 * the address bar is a path of this app, but written into an href it is a
 * link to another site; this keeps every link the app builds same-origin.
 * (Here rather than in src/engine/paths.ts: this module is on the first
 * paint's path and the paths module is not.)
 */
function sameOriginPath(pathname: string): string {
  let i = 0;
  while (i < pathname.length && (pathname[i] === '/' || pathname[i] === '\\')) i++;
  return `/${pathname.slice(i).replaceAll('\\', '/')}`;
}
