import type { Lang } from '../../engine/model.ts';
import { en, type Messages } from './en.ts';
import { detectLang } from './lang.ts';

let lang: Lang | undefined;
let messages: Messages = en;

/** The language the app shows, outside React (route loaders). Decided once per page load. */
export function currentLang(): Lang {
  lang ??= detectLang();
  return lang;
}

/**
 * Loads the UI strings of the current language before the app renders: the
 * English catalogue is in the main bundle, the Chinese one is its own chunk,
 * so a page only carries its own language.
 */
export async function loadMessages(): Promise<void> {
  if (currentLang() === 'zh') messages = (await import('./zh.ts')).zh;
}

/** Build time only (scripts/prerender.ts): render the next pages in this language with these strings. */
export function setLangForPrerender(next: Lang, strings: Messages): void {
  lang = next;
  messages = strings;
}

/** The language the app shows. */
export function useLang(): Lang {
  return currentLang();
}

/** The UI strings for the current language. */
export function useMessages(): Messages {
  return messages;
}
