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
} as const;

const enc = encodeURIComponent;
