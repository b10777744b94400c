/**
 * The second build the deploy tests need (scripts/build-next.ts writes it,
 * `npm run build:next`): the same app with one content change, as the next
 * deploy would be, allowed to be embedded by the e2e help-desk page.
 * Shared by the script and the specs (e2e/update.spec.ts, e2e/embed.spec.ts).
 */
import { hasAnswers, type Tree } from '../src/engine/model.ts';

/** Beside dist/; its generated nginx part goes to dist-next-nginx/. */
export const NEXT_OUT = 'dist-next';

/** The guide whose step the next build retitles. */
export const UPDATED_TREE = 'mpaas-system-busy';

/** The step the next build retitles: the one the start step's first answer leads to (so the test's URL has a trail). */
export function updatedStep(tree: Tree): { step: string; from: string; answer: string } {
  const start = tree.steps[tree.start]!;
  if (!hasAnswers(start)) throw new Error(`${tree.id}: its start step has no answers`);
  const answer = start.answers[0]!;
  return { step: answer.next, from: start.id, answer: answer.id };
}

/** The step's English title in the next build. */
export const revisedTitle = (title: string) => `${title} (revised)`;

/**
 * Ports of the deploy tests, after the two nginx servers of the smoke runs
 * (E2E_NGINX_PORT, default 4391, and the one after): nginx serving the next
 * build, then the help-desk page. The desk's origin is built into the next
 * build's EMBED_ORIGINS, so both sides must read the same variable.
 */
export function deployPorts(env: NodeJS.ProcessEnv = process.env): { app: number; desk: number } {
  const first = Number(env.E2E_NGINX_PORT ?? 4391);
  return { app: first + 2, desk: first + 3 };
}

/** The allowed desk's origin. The same port under the name `localhost` is another origin, which the build does not allow. */
export const deskOrigin = (env: NodeJS.ProcessEnv = process.env) => `http://127.0.0.1:${deployPorts(env).desk}`;
export const strangerOrigin = (env: NodeJS.ProcessEnv = process.env) => `http://localhost:${deployPorts(env).desk}`;
