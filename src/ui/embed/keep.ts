/** Keeping `?embed=1` in the URL while navigating (used by ./embed.ts, loaded only when embedded; see ./flag.ts). */
import { hasEmbedFlag } from './flag.ts';

/** A router location with `embed=1` added to its query (once). */
export function withEmbed<T extends string | { pathname?: string; search?: string; hash?: string }>(to: T): T {
  const add = (search: string) => (hasEmbedFlag(search) ? search : `${search ? `${search}&` : '?'}embed=1`);
  if (typeof to !== 'string') return { ...(to as object), search: add(to.search ?? '') } as T;
  const hash = to.indexOf('#');
  const path = hash < 0 ? to : to.slice(0, hash);
  const query = path.indexOf('?');
  return `${query < 0 ? path : path.slice(0, query)}${add(query < 0 ? '' : path.slice(query))}${hash < 0 ? '' : to.slice(hash)}` as T;
}

/** Every navigation of the app (links, redirects, `navigate()`) keeps `embed=1` in the URL. */
export function keepEmbedded(router: { navigate: (to: never, opts?: never) => Promise<void> }): void {
  const go = router.navigate.bind(router) as (to: unknown, opts?: unknown) => Promise<void>;
  router.navigate = ((to: unknown, opts?: unknown) =>
    go(typeof to === 'string' || (to && typeof to === 'object') ? withEmbed(to as string) : to, opts)) as typeof router.navigate;
}
