/**
 * Every href in the app is built here, next to the pattern it matches,
 * so URLs (which live in tickets forever) change in one place only.
 */
export const paths = {
  home: { pattern: '/', href: () => '/' },
  tree: { pattern: '/t/:treeId', href: (treeId: string) => `/t/${enc(treeId)}` },
  step: {
    pattern: '/t/:treeId/:stepId',
    href: (treeId: string, stepId: string, trail?: string) =>
      `/t/${enc(treeId)}/${enc(stepId)}${trail ? `?trail=${enc(trail)}` : ''}`,
  },
  codes: {
    pattern: '/codes',
    href: (query?: { q?: string; platform?: string }) => {
      const params = new URLSearchParams();
      if (query?.q) params.set('q', query.q);
      if (query?.platform) params.set('platform', query.platform);
      const s = params.toString();
      return `/codes${s ? `?${s}` : ''}`;
    },
  },
  code: { pattern: '/codes/:platform/:code', href: (platform: string, code: string) => `/codes/${enc(platform)}/${enc(code)}` },
  analyze: { pattern: '/analyze', href: () => '/analyze' },
  /** The whole tree as a graph; `step` and `trail` highlight a session's path on it. */
  map: {
    pattern: '/map/:treeId',
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

/**
 * A path taken from the current address, made safe to put back into a link:
 * one leading `/`, and `\` read as `/` as browsers do. `//evil.example/` in
 * the address bar is a path of this app, but written into an href it is a
 * link to another site; this keeps every link the app builds same-origin.
 */
export function sameOriginPath(pathname: string): string {
  let i = 0;
  while (i < pathname.length && (pathname[i] === '/' || pathname[i] === '\\')) i++;
  return `/${pathname.slice(i).replaceAll('\\', '/')}`;
}
