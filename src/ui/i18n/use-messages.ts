import type { Lang } from '../../engine/model.ts';
import { en, type Messages } from './en.ts';

/** The language the app shows, outside React (route loaders). English only until the zh catalogue lands. */
export function currentLang(): Lang {
  return 'en';
}

/** The language the app shows. */
export function useLang(): Lang {
  return currentLang();
}

/** The UI strings for the current language. */
export function useMessages(): Messages {
  return en;
}
