import { compileTree } from '../src/content/compile.ts';
import { loadContent } from '../src/content/load.ts';
import { pathsToOutcomes } from '../src/engine/graph.ts';
import type { Step, Tree } from '../src/engine/model.ts';

/** The trees the app serves, compiled from content/ exactly as the build does. */
export function trees(): Tree[] {
  const { trees, errors } = loadContent(process.cwd());
  if (errors.length) throw new Error(`content/ has errors; run npm run content:check`);
  return trees.map((t) => compileTree(t.tree!, 'en'));
}

export function tree(id: string): Tree {
  const t = trees().find((x) => x.id === id);
  if (!t) throw new Error(`no tree ${id}`);
  return t;
}

export interface Hop {
  step: Step;
  answer?: string;
}

/**
 * One path per outcome (the shortest that reaches it): together they walk
 * every branch of the tree to its end.
 */
export function onePathPerOutcome(t: Tree): Hop[][] {
  const best = new Map<string, Hop[]>();
  for (const path of pathsToOutcomes(t)) {
    const end = path[path.length - 1]!.step;
    if (!best.has(end) || best.get(end)!.length > path.length) {
      best.set(
        end,
        path.map((p) => ({ step: t.steps[p.step]!, ...(p.answer ? { answer: p.answer } : {}) })),
      );
    }
  }
  return [...best.values()];
}
