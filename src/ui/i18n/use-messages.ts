import type { Lang } from '../../engine/model.ts';
import type { Messages } from './en.ts';
import type { ToolMessages } from './tools.en.ts';
import { detectLang } from './lang.ts';

let lang: Lang | undefined;
let messages: Messages | undefined;

/** The language the app shows, outside React (route loaders). Decided once per page load. */
export function currentLang(): Lang {
  lang ??= detectLang();
  return lang;
}

/**
 * Loads the UI strings of the current language before the app renders. Each
 * catalogue is its own chunk (modulepreloaded by the inline head script), so a
 * page carries only its own language.
 */
export async function loadMessages(): Promise<void> {
  try {
    messages = currentLang() === 'zh' ? (await import('./zh.ts')).zh : (await import('./en.ts')).en;
  } catch (e) {
    if (currentLang() === 'en') throw e;
    messages = (await import('./en.ts')).en; // the Chinese chunk failed (offline, new deploy): English still reads
  }
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
  if (!messages) throw new Error('UI strings used before loadMessages() resolved (src/boot.tsx awaits it)');
  return messages;
}

let tools: ToolMessages | undefined;

/** Loads the strings of the home search, code reference and analyzer (route loaders await it). */
export async function loadToolMessages(): Promise<void> {
  if (tools) return;
  try {
    tools = currentLang() === 'zh' ? (await import('./tools.zh.ts')).toolsZh : (await import('./tools.en.ts')).toolsEn;
  } catch (e) {
    if (currentLang() === 'en') throw e;
    tools = (await import('./tools.en.ts')).toolsEn;
  }
}

/** The UI strings plus the tools' strings, on pages whose loader awaited loadToolMessages(). */
export function useToolMessages(): Messages & ToolMessages {
  if (!tools) throw new Error('tool strings used before loadToolMessages() resolved (await it in the route loader)');
  return { ...useMessages(), ...tools };
}
