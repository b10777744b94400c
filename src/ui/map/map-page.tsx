import { useMemo } from 'react';
import { Link, useLoaderData, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { bestLayout } from '../../engine/layout/index.ts';
import type { StepId, Tree } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { mapStepHref, sessionPath } from '../../engine/session-path.ts';
import { decodeTrail } from '../../engine/trail.ts';
import { Notice } from '../components/notices.tsx';
import { currentLang, loadToolMessages, useToolMessages } from '../i18n/use-messages.ts';
import { MapView } from './map-view.tsx';
import { StepList } from './step-list.tsx';
import { loadTree } from '../tree-data.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { TreeNotFound } from '../not-found-page.tsx';

/** The tree and the tools' strings; null for an unknown tree. */
export async function mapLoader({ params }: LoaderFunctionArgs): Promise<Tree | null> {
  const [tree] = await Promise.all([loadTree(params.treeId ?? '', currentLang()) ?? null, loadToolMessages()]);
  return tree;
}

/** `/map/:treeId?step=…&trail=…`: the whole tree as a graph and as a list, with a session's path marked. */
export function MapPage() {
  const { treeId = '' } = useParams();
  const tree = useLoaderData<typeof mapLoader>();
  if (!tree) return <TreeNotFound treeId={treeId} />;
  // Another guide's map starts afresh (zoom, scroll), not where this one was.
  return <TreeMap key={tree.id} tree={tree} />;
}

const LIST_ID = 'map-list-title';

function TreeMap({ tree }: { tree: Tree }) {
  const m = useToolMessages();
  const [params] = useSearchParams();
  const stepParam = params.get('step');
  const trail = params.get('trail');
  // A bad or unknown step or trail never hides the map: it is shown without (part of) the path, with a notice.
  const at = useMemo(() => (stepParam ? decodeTrail(tree, stepParam, trail) : undefined), [tree, stepParam, trail]);
  const session = at?.ok ? at.session : undefined;
  const path = useMemo(() => (session ? sessionPath(tree, session) : undefined), [tree, session]);
  // Laid out once per tree (both directions are tried; see bestLayout).
  const layout = useMemo(() => bestLayout(tree), [tree]);
  const hrefFor = (id: StepId) => mapStepHref(tree, session, id);
  useDocumentTitle(`${m.mapTitle(tree.title)} · ${m.appName}`);

  const notice =
    at && !at.ok
      ? m.mapStepUnknown((stepParam ?? '').slice(0, 80))
      : at?.trailDropped === 'invalid'
        ? m.mapTrailInvalid
        : at?.trailDropped === 'stale'
          ? m.mapTrailStale
          : undefined;
  const current = path ? tree.steps[path.current] : undefined;

  return (
    <div className="page map-page">
      {notice && <Notice tone="warn">{notice}</Notice>}
      <h1>{m.mapTitle(tree.title)}</h1>
      <p className="lead">{m.mapLead}</p>
      <p className="map-where">
        {current ? (
          <>
            <span>{m.mapYourStep(current.title)}</span>{' '}
            <Link className="button button--quiet button--small" to={hrefFor(current.id)}>
              {m.mapBackToStep}
            </Link>
          </>
        ) : (
          <Link className="button button--quiet button--small" to={paths.tree.href(tree.id)}>
            {m.mapStartGuide}
          </Link>
        )}
      </p>
      <MapView tree={tree} layout={layout} path={path} hrefFor={hrefFor} listId={LIST_ID} />
      <StepList tree={tree} layout={layout} path={path} hrefFor={hrefFor} id={LIST_ID} />
    </div>
  );
}
