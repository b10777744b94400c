import { compileCodeIndex } from '../src/content/compile-codes.ts';
import { compileTree } from '../src/content/compile.ts';
import { loadContent } from '../src/content/load.ts';
import { coveringWalks } from '../src/engine/graph.ts';
import type { CodeIndex, Lang, Step, Tree } from '../src/engine/model.ts';

/** The trees the app serves, compiled from content/ exactly as the build does. */
export function trees(lang: Lang = 'en'): Tree[] {
  const { trees, errors, sources } = loadContent(process.cwd());
  if (errors.length) throw new Error(`content/ has errors; run npm run content:check`);
  return trees.map((t) => compileTree(t.tree!, lang, sources));
}

export function tree(id: string): Tree {
  const t = trees().find((x) => x.id === id);
  if (!t) throw new Error(`no tree ${id}`);
  return t;
}

export interface Hop {
  step: Step;
  answer?: string;
  /** Answered by facts the walk already knows (the step passes by itself): nothing to click. */
  auto?: boolean;
}

/**
 * Walks from the start to an outcome that together visit every step of the
 * tree: walking each one in the browser exercises every branch.
 */
export function coveringPaths(t: Tree): Hop[][] {
  return coveringWalks(t).map((walk) =>
    walk.map((p) => ({ step: t.steps[p.step]!, ...(p.answer ? { answer: p.answer } : {}), ...(p.auto ? { auto: true } : {}) })),
  );
}

/** The code tables the app serves, compiled as the build does. */
export function codeIndex(lang: Lang = 'en'): CodeIndex {
  const { codes, errors, sources } = loadContent(process.cwd());
  if (errors.length) throw new Error(`content/ has errors; run npm run content:check`);
  return compileCodeIndex(
    codes.map((c) => c.table!),
    lang,
    sources,
  );
}

/** Ids of the trees written in a language (a tree without it falls back to English). */
export function treesIn(lang: Lang): string[] {
  const { trees } = loadContent(process.cwd());
  return trees.filter((t) => (t.tree!.languages as string[]).includes(lang)).map((t) => t.tree!.id);
}

/**
 * A long list cut into slices of `size`, one test each (10 for tests that run
 * axe on every page: a scan takes 5–9 s on a busy 2-core machine): a test that opens
 * many pages stays well inside its timeout on a busy 2-core machine, and
 * the two workers share the load.
 */
export function slices<T>(list: T[], size = 20): { label: string; items: T[] }[] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => ({
    label: `${i * size + 1}–${Math.min(list.length, (i + 1) * size)} of ${list.length}`,
    items: list.slice(i * size, (i + 1) * size),
  }));
}
