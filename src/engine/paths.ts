/**
 * Every href in the app is built here, next to the pattern it matches, and
 * every hand-read URL is matched here (`matchRoute`), so URLs (which live in
 * tickets forever) change in one place only.
 */

/** The routes of a guide: its first step, one of its steps (the inline head script preloads the guide's tree on them). */
export const GUIDE_ROUTES = {
  tree: '/t/:treeId',
  step: '/t/:treeId/:stepId',
} as const;

/** The app's routes (react-router patterns, src/ui/routes.tsx); `matchRoute` reads a path against them. */
export const ROUTES = {
  home: '/',
  ...GUIDE_ROUTES,
  codes: '/codes',
  code: '/codes/:platform/:code',
  analyze: '/analyze',
  cases: '/cases',
  map: '/map/:treeId',
} as const;

type RouteName = keyof typeof ROUTES;
type Params<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? Record<N, string> & Params<Rest>
  : P extends `${string}:${infer N}`
    ? Record<N, string>
    : Record<never, string>;
/** A matched route: its name and its parameters, decoded (`{ name: 'step', params: { treeId, stepId } }`). */
export type Route = { [K in RouteName]: { name: K; params: Params<(typeof ROUTES)[K]> } }[RouteName];

/**
 * The route a router path (`/t/a/b`, no base path: see `routePath`) opens, as
 * the router matches it: whole segments, one trailing slash allowed, each
 * parameter non-empty and percent-decoded. Undefined for any other path (the
 * not-found page), or one that cannot be decoded.
 */
export function matchRoute(path: string): Route | undefined {
  return matchPath(path, ROUTES) as Route | undefined;
}

/**
 * `matchRoute` against some of the routes only (`GUIDE_ROUTES`): the inline
 * head script (src/head-script.ts) carries this function and the few patterns
 * it needs, not the whole table. Free of imports for that reason.
 */
export function matchPath<N extends string>(path: string, routes: Record<N, string>): { name: N; params: Record<string, string> } | undefined {
  const parts = (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  for (const name in routes) {
    const pattern = routes[name].split('/');
    const params: Record<string, string> = {};
    try {
      if (
        pattern.length === parts.length &&
        pattern.every((p, i) => (p[0] === ':' ? parts[i] && (params[p.slice(1)] = decodeURIComponent(parts[i]!)) : p === parts[i]))
      )
        return { name, params };
    } catch {
      return undefined; // a malformed %-escape
    }
  }
  return undefined;
}

export const paths = {
  home: { pattern: ROUTES.home, href: () => '/' },
  tree: { pattern: ROUTES.tree, href: (treeId: string) => `/t/${enc(treeId)}` },
  /**
   * One step; `facts` (`platform:ios,code:7003`, src/engine/fact-link.ts) are what was known
   * before the first step, `trail` the answers that led here (src/engine/trail.ts).
   */
  step: {
    pattern: ROUTES.step,
    href: (treeId: string, stepId: string, trail?: string, facts?: string) => {
      const query = [facts ? `f=${encFact(facts)}` : '', trail ? `trail=${enc(trail)}` : ''].filter(Boolean).join('&');
      return `/t/${enc(treeId)}/${enc(stepId)}${query ? `?${query}` : ''}`;
    },
  },
  codes: {
    pattern: ROUTES.codes,
    href: (query?: { q?: string; platform?: string }) => {
      const params = new URLSearchParams();
      if (query?.q) params.set('q', query.q);
      if (query?.platform) params.set('platform', query.platform);
      const s = params.toString();
      return `/codes${s ? `?${s}` : ''}`;
    },
  },
  code: { pattern: ROUTES.code, href: (platform: string, code: string) => `/codes/${enc(platform)}/${enc(code)}` },
  analyze: { pattern: ROUTES.analyze, href: () => '/analyze' },
  /** The cases (tickets) this browser keeps. */
  cases: { pattern: ROUTES.cases, href: () => '/cases' },
  /** The whole tree as a graph; `step` and `trail` highlight a session's path on it. */
  map: {
    pattern: ROUTES.map,
    href: (treeId: string, at?: { step: string; trail?: string }) => {
      const params = new URLSearchParams();
      if (at?.step) params.set('step', at.step);
      if (at?.trail) params.set('trail', at.trail);
      const s = params.toString();
      return `/map/${enc(treeId)}${s ? `?${s}` : ''}`;
    },
  },
} as const;

const enc = encodeURIComponent;
/** Facts stay readable in a link: their `:` and `,` need no escaping in a query. */
const encFact = (facts: string) => enc(facts).replace(/%3A/g, ':').replace(/%2C/g, ',');

/**
 * The path the build is served under (`/`, or `/troubleshooter/` for
 * `BASE_PATH=/troubleshooter/ npm run build`): Vite's `base`. The hrefs above
 * are the router's, without it; the router adds it (its `basename`), and so
 * must anything that leaves the router: a plain `<a href>`, a share link.
 * Outside a Vite build (unit tests, build scripts) it is `/`. Typed here rather
 * than through Vite's client types: the engine is also checked for Node and workers.
 */
export const BASE: string = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';

/**
 * The router's `basename`; undefined at the site root. With its trailing slash,
 * so that the home link is `/troubleshooter/`, inside the service worker's scope.
 */
export const ROUTER_BASENAME: string | undefined = BASE === '/' ? undefined : BASE;

/** A router href (`/t/a/b?trail=…`) as a path on the site: `/troubleshooter/t/a/b?trail=…`. */
export function sitePath(href: string, base: string = BASE): string {
  return `${base}${href.startsWith('/') ? href.slice(1) : href}`;
}

/** A router href as a full URL to paste into a ticket. */
export function siteUrl(href: string, origin: string, base: string = BASE): string {
  return `${origin}${sitePath(href, base)}`;
}

/** The router's path of a site path (`/troubleshooter/t/a` → `/t/a`); undefined for a path outside the base. */
export function routePath(pathname: string, base: string = BASE): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
}
