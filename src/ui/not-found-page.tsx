import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Tree } from '../engine/model.ts';
import { paths } from '../engine/paths.ts';
import { clipForDisplay } from '../engine/strings.ts';
import { useLang, useToolMessages } from './i18n/use-messages.ts';
import { treeSummaries } from './tree-summaries.ts';
import { useDocumentTitle } from './use-document-title.ts';

function TreeList() {
  const m = useToolMessages();
  const trees = treeSummaries(useLang());
  return (
    <nav aria-label={m.guidesHeading}>
      <h2>{m.goHome}</h2>
      <ul className="plain-list">
        {trees.map((t) => (
          <li key={t.id}>
            <Link to={paths.tree.href(t.id)}>{t.title}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Any URL the app does not know. */
export function NotFoundPage() {
  const m = useToolMessages();
  useDocumentTitle(`${m.notFoundTitle} · ${m.appName}`);
  return (
    <div className="page narrow not-found">
      <h1>{m.notFoundTitle}</h1>
      <p>{m.pageNotFound}</p>
      <TreeList />
    </div>
  );
}

export function TreeNotFound({ treeId }: { treeId: string }) {
  const m = useToolMessages();
  useDocumentTitle(`${m.notFoundTitle} · ${m.appName}`);
  return (
    <div className="page narrow not-found">
      <h1>{m.notFoundTitle}</h1>
      <p>{m.treeNotFound(clipForDisplay(treeId, 80))}</p>
      <TreeList />
    </div>
  );
}

/** An unknown step of a known tree: offers the start and a search of the tree's steps. */
export function StepNotFound({ tree, stepId }: { tree: Tree; stepId: string }) {
  const m = useToolMessages();
  const [query, setQuery] = useState('');
  const inputId = useId();
  useDocumentTitle(`${m.notFoundTitle} · ${tree.title}`);
  const q = query.trim().toLowerCase();
  const matches = q
    ? Object.values(tree.steps).filter((s) => s.title.toLowerCase().includes(q) || s.id.includes(q) || s.codes.some((c) => c.toLowerCase().includes(q)))
    : [];
  return (
    <div className="page narrow not-found">
      <h1>{m.notFoundTitle}</h1>
      <p>{m.stepNotFound(clipForDisplay(stepId, 80))}</p>
      <p>
        <Link className="button" to={paths.tree.href(tree.id)}>
          {m.startOfTree(tree.title)}
        </Link>
      </p>
      <search className="step-search">
        <label htmlFor={inputId}>{m.findStep}</label>
        <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        {q && (
          <ul className="plain-list" aria-live="polite">
            {matches.length === 0 && <li>{m.noMatch}</li>}
            {matches.slice(0, 20).map((s) => (
              <li key={s.id}>
                <Link to={paths.step.href(tree.id, s.id)}>{s.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </search>
    </div>
  );
}
