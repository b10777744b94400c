declare module 'virtual:content' {
  import type { Lang, Tree, TreeSummary } from '../engine/model.ts';
  /** Tree summaries per language, for the home page (small; in the main bundle). */
  export const summaries: Partial<Record<Lang, TreeSummary[]>>;
  /** One lazy loader per tree and language; each tree is its own chunk. */
  export const loaders: Record<string, Partial<Record<Lang, () => Promise<{ default: Tree }>>>>;
}
