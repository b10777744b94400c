declare module 'virtual:content' {
  import type { CodeIndex, Lang, Tree, TreeSummary } from '../engine/model.ts';
  /** Tree summaries per language, for the home page (small; in the main bundle). */
  export const summaries: Partial<Record<Lang, TreeSummary[]>>;
  /** One lazy loader per tree and language; each tree is its own chunk. */
  export const loaders: Record<string, Partial<Record<Lang, () => Promise<{ default: Tree }>>>>;
  /** The code tables, one lazy chunk per language. */
  export const codeLoaders: Partial<Record<Lang, () => Promise<{ default: CodeIndex }>>>;
  /** The home search index (guides, steps, codes), one lazy chunk per language. */
  export const searchLoaders: Partial<Record<Lang, () => Promise<{ default: import('../engine/search.ts').SearchIndex }>>>;
}
