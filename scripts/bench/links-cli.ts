/**
 * Share-link lengths, for `npm run bench`: for every tree, the longest
 * session link a person can make by walking from the start to an outcome
 * without repeating a step, with every checklist item on the way marked (the
 * longest trail form). Prints one JSON line: per tree, the path+query length
 * in characters, the number of steps, the number of paths looked at and the
 * link itself.
 */
import { compileTree } from '../../src/content/compile.ts';
import { loadContent } from '../../src/content/load.ts';
import { pathsToOutcomes } from '../../src/engine/graph.ts';
import { paths } from '../../src/engine/paths.ts';
import { answer, startSession, type Session } from '../../src/engine/session.ts';
import { encodeTrail } from '../../src/engine/trail.ts';

const { trees, errors } = loadContent(process.cwd());
if (errors.length) throw new Error('content/ has errors; run npm run content:check');

const out = trees.map(({ tree: raw }) => {
  const tree = compileTree(raw!, 'en');
  const all = pathsToOutcomes(tree, 100_000);
  let worst = { link: '', steps: 0 };
  for (const path of all) {
    let session: Session = startSession(tree);
    for (const hop of path.slice(0, -1)) {
      const step = tree.steps[hop.step]!;
      // Every item marked: the longest way a checklist answer can be written.
      const ticks = step.kind === 'checklist' ? Object.fromEntries(step.items.map((i) => [i.id, 'bad' as const])) : undefined;
      session = answer(tree, session, hop.answer!, ticks)!;
    }
    const last = path[path.length - 1]!.step;
    const link = paths.step.href(tree.id, last, encodeTrail(tree, session));
    if (link.length > worst.link.length) worst = { link, steps: path.length };
  }
  // The search stops at 100,000 paths on a tree whose re-test steps lead back into it; the bound
  // below holds for any path that visits each step at most once: every step's longest segment, summed.
  const bound =
    paths.step.href(tree.id, '', '').length +
    Math.max(...Object.keys(tree.steps).map((id) => id.length)) +
    '?trail='.length +
    Object.values(tree.steps).reduce((sum, step) => {
      if (step.kind === 'outcome') return sum;
      const marks = step.kind === 'checklist' ? step.items.length + 1 : 0;
      return sum + Math.max(...step.answers.map((a) => a.id.length)) + marks + 1;
    }, 0);
  return { tree: tree.id, paths: all.length, capped: all.length >= 100_000, steps: worst.steps, length: worst.link.length, bound, link: worst.link };
});
console.log(JSON.stringify(out));
