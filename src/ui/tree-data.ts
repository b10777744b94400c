import { loaders } from 'virtual:content';
import { CONTENT_UPDATE_EVENT, type Lang, type Tree } from '../engine/model.ts';

const cache = new Map<string, Promise<Tree>>();
// Dev server: content/ changed, load the trees again (nothing of this is in a build).
if (import.meta.hot) window.addEventListener(CONTENT_UPDATE_EVENT, () => cache.clear());

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
