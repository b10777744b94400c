declare module 'virtual:content/summaries' {
  import type { Lang, TreeSummary } from '../engine/model.ts';
  /** Tree summaries per language, for the pages that list the guides (home, not found). */
  export const summaries: Partial<Record<Lang, TreeSummary[]>>;
}

declare module 'virtual:content' {
  import type { CodeIndex, Lang, Tree } from '../engine/model.ts';
  /** One lazy loader per tree and language; each tree is its own chunk. */
  export const loaders: Record<string, Partial<Record<Lang, () => Promise<{ default: Tree }>>>>;
  /** The code tables, one lazy chunk per language. */
  export const codeLoaders: Partial<Record<Lang, () => Promise<{ default: CodeIndex }>>>;
  /** The home search index (guides, steps, codes), one lazy chunk per language. */
  export const searchLoaders: Partial<Record<Lang, () => Promise<{ default: import('../engine/search.ts').SearchData }>>>;
}

declare module 'virtual:content/author' {
  /** Per tree, the author view's side table: where each step is in its file (src/content/author-table.ts). */
  export const authorLoaders: Record<string, () => Promise<{ default: import('./author-table.ts').AuthorTable }>>;
}
