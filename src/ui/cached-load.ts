import { CONTENT_UPDATE_EVENT } from '../engine/model.ts';

/**
 * Loads each key once and shares the promise; a failed load (offline, a new
 * deploy that removed the chunk) is forgotten, so the next call retries.
 */
export function cachedLoader<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  // Dev server: content/ changed, load it again (nothing of this is in a build).
  if (import.meta.hot) window.addEventListener(CONTENT_UPDATE_EVENT, () => cache.clear());
  return (key) => {
    let promise = cache.get(key);
    if (!promise) {
      promise = load(key);
      promise.catch(() => cache.delete(key));
      cache.set(key, promise);
    }
    return promise;
  };
}
