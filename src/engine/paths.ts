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
  /** The cases (tickets) this browser keeps. */
  cases: { pattern: '/cases', href: () => '/cases' },
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

