import { Navigate, useLoaderData, useLocation, useParams } from 'react-router';
import { entryFacts } from '../../engine/fact-link.ts';
import { startSession } from '../../engine/session.ts';
import { sessionHref } from '../../engine/trail.ts';
import { NotFound, type NavState, type stepLoader } from './step-page.tsx';

/**
 * `/t/:treeId` opens the tree's first step (its loader is `stepLoader`);
 * with facts (`?platform=ios&code=7003`, from a ticket system, the analyzer
 * or a code page), the first step those facts do not answer.
 */
export function TreeStartPage() {
  const { treeId = '' } = useParams();
  const tree = useLoaderData<typeof stepLoader>();
  const { state, search } = useLocation();
  if (!tree) return <NotFound tree={treeId} />;
  const nav = (state ?? {}) as NavState;
  const read = entryFacts(tree, new URLSearchParams(search), nav.factSource ?? 'link');
  const session = startSession(tree, read.given);
  // The state goes along: a guide started from the home page starts a case on its first step.
  const next: NavState = {
    ...nav,
    ...(read.dropped.length ? { factsDropped: read.dropped } : {}),
    ...(Object.keys(read.other).length ? { otherFacts: read.other } : {}),
  };
  return <Navigate replace to={sessionHref(tree, session)} state={next} />;
}
