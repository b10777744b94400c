import { loaders } from 'virtual:content';
import type { Lang, Tree } from '../engine/model.ts';

const cache = new Map<string, Promise<Tree>>();

/**
 * The compiled tree, loaded once per language as its own chunk.
 * @returns undefined when no tree has this id.
 */
export function loadTree(id: string, lang: Lang): Promise<Tree> | undefined {
  const byLang = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  const loader = byLang?.[lang] ?? byLang?.en;
  if (!loader) return undefined;
  const key = `${id}/${lang}`;
  let promise = cache.get(key);
  if (!promise) {
    promise = loader().then((m) => m.default);
    // A failed load (offline, new deploy) may be retried on the next render.
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}
