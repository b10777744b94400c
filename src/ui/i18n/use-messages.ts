import type { Lang } from '../../engine/model.ts';
import { en, type Messages } from './en.ts';

/** The language the app shows. English only until the zh catalogue lands. */
export function useLang(): Lang {
  return 'en';
}

/** The UI strings for the current language. */
export function useMessages(): Messages {
  return en;
}
