import { useEffect, useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { authorLoaders } from 'virtual:content/author';
import { hasAnswers, type Tree } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { answer, knownAt, openAnswers, values, type Session } from '../../engine/session.ts';
import { sessionHref } from '../../engine/trail.ts';
import { useLang } from '../i18n/use-messages.ts';
import { AUTHOR_KEY, authorWanted } from './flag.ts';
import { authorMessages } from './messages.ts';
import './author.css';

type Table = Awaited<ReturnType<NonNullable<(typeof authorLoaders)[string]>>>['default'];

/** The tree's side table (file positions, conditions as written); loaded again with new content on the dev server (a new tree object). */
function useTable(tree: Tree): Table | undefined {
  const [table, setTable] = useState<{ tree: Tree; table: Table }>();
  useEffect(() => {
    let live = true;
    void authorLoaders[tree.id]?.().then((m) => live && setTable({ tree, table: m.default }));
    return () => {
      live = false;
    };
  }, [tree]);
  return table?.tree.id === tree.id ? table.table : undefined;
}

/**
 * For people who write the guides: the current step as the file says it (id,
 * kind, sources, codes, the facts it asks, sets, clears and tests), where it
 * is in its file, and a "try" link per answer, closed ones included.
 * `?author=1` shows it (src/ui/author/flag.ts); on the dev server a toggle
 * does too. A lazy chunk with its side table: no page carries it otherwise.
 */
export default function AuthorView({ tree, session }: { tree: Tree; session: Session }) {
  const { search } = useLocation();
  const m = authorMessages(useLang());
  const [on, setOn] = useState(() => authorWanted(search));
  const toggle = (next: boolean) => {
    try {
      sessionStorage.setItem(AUTHOR_KEY, next ? '1' : '0');
    } catch {
      /* storage blocked: the view follows the URL only */
    }
    setOn(next);
  };
  if (!on) {
    // Only the dev server offers the toggle; a build shows the view on `?author=1` only.
    return import.meta.env.DEV ? (
      <p className="author-toggle">
        <button type="button" className="button button--quiet" onClick={() => toggle(true)}>
          {m.show}
        </button>
      </p>
    ) : null;
  }
  return <Panel tree={tree} session={session} onHide={() => toggle(false)} />;
}

function Panel({ tree, session, onHide }: { tree: Tree; session: Session; onHide: () => void }) {
  const m = authorMessages(useLang());
  const id = useId();
  const table = useTable(tree);
  const step = tree.steps[session.visits[session.visits.length - 1]!.step]!;
  const known = values(knownAt(tree, session));
  const open = new Set(openAnswers(step, known).map((a) => a.id));
  const place = table?.steps[step.id];
  const where = table && place ? `${table.file}:${place.line}` : undefined;
  const list = (items: readonly string[] | undefined) => (items?.length ? items.join(', ') : m.none);
  const knownList = Object.entries(known).map(([k, v]) => `${k}=${v}`);
  const [unfolded, setUnfolded] = useState(() => window.matchMedia('(min-width: 48rem)').matches);

  return (
    <aside className="author" aria-labelledby={`${id}-title`}>
      <div className="author__head">
        <h2 id={`${id}-title`}>{m.title}</h2>
        <button type="button" className="button button--quiet" onClick={onHide}>
          {m.hide}
        </button>
      </div>
      {/* Folded on a phone, where it would push the step below the first screen; open on a wider screen. */}
      <details className="author__body" open={unfolded} onToggle={(e) => setUnfolded(e.currentTarget.open)}>
        <summary>{m.details(step.id)}</summary>
        <dl className="author__facts">
          <dt>{m.step}</dt>
          <dd>
            <code>{step.id}</code>
          </dd>
          <dt>{m.kind}</dt>
          <dd>
            <code>{step.kind === 'outcome' ? `outcome (${step.result})` : step.kind}</code>
          </dd>
          <dt>{m.file}</dt>
          <dd>{where ? <FilePlace where={where} path={table?.path && place ? `${table.path}:${place.line}:${place.col}` : undefined} /> : m.loading}</dd>
          <dt>{m.sources}</dt>
          <dd>
            {step.sources.map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <code>{s}</code>
                {tree.sources[s]?.title && <span className="muted"> ({tree.sources[s].title})</span>}
              </span>
            ))}
          </dd>
          <dt>{m.codes}</dt>
          <dd>{step.codes.length ? <code>{step.codes.join(', ')}</code> : m.none}</dd>
          <dt>{m.asks}</dt>
          <dd>{step.asks?.length ? <code>{list(step.asks)}</code> : m.none}</dd>
          <dt>{m.known}</dt>
          <dd>{knownList.length ? <code>{knownList.join(', ')}</code> : m.none}</dd>
        </dl>
        {hasAnswers(step) && step.answers.length > 0 && (
          <>
            <h3>{m.answers}</h3>
            <ul className="author__answers">
              {step.answers.map((a) => {
                const next = answer(tree, session, a.id);
                const href = next ? sessionHref(tree, next) : paths.step.href(tree.id, a.next);
                const written = place?.answers.find((x) => x.id === a.id);
                const sets = Object.entries(a.sets ?? {}).map(([k, v]) => `${k}=${v}`);
                return (
                  <li key={a.id}>
                    <Link to={href}>{m.tryFrom(a.label, a.next)}</Link>
                    <span className="author__detail">
                      <code>{a.id}</code>
                      {written && table && <span className="muted"> · {`${table.file}:${written.line}`}</span>}
                    </span>
                    <dl className="author__facts author__facts--answer">
                      <dt>{m.next}</dt>
                      <dd>
                        <code>{a.next}</code>
                      </dd>
                      {sets.length > 0 && (
                        <>
                          <dt>{m.sets}</dt>
                          <dd>
                            <code>{sets.join(', ')}</code>
                          </dd>
                        </>
                      )}
                      {a.clears && (
                        <>
                          <dt>{m.clears}</dt>
                          <dd>
                            <code>{list(a.clears)}</code>
                          </dd>
                        </>
                      )}
                      {written?.if && (
                        <>
                          <dt>{m.if}</dt>
                          <dd>
                            <code>{written.if}</code>
                          </dd>
                        </>
                      )}
                      {a.when && (
                        <>
                          <dt>{m.when}</dt>
                          <dd>
                            <code>{a.when}</code>
                          </dd>
                        </>
                      )}
                    </dl>
                    {!open.has(a.id) && <p className="author__closed">{m.closed}</p>}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </details>
    </aside>
  );
}

/** `content/trees/x.yaml:41`, to copy; on the dev server, a button that opens it in the editor (Vite's `/__open-in-editor`). */
function FilePlace({ where, path }: { where: string; path: string | undefined }) {
  const m = authorMessages(useLang());
  const [status, setStatus] = useState('');
  const copy = () =>
    navigator.clipboard.writeText(where).then(
      () => setStatus(m.copied),
      () => setStatus(m.copyFailed),
    );
  const openInEditor = () =>
    fetch(`${import.meta.env.BASE_URL}__open-in-editor?file=${encodeURIComponent(path!)}`).then(
      (r) => setStatus(r.ok ? '' : m.openFailed),
      () => setStatus(m.openFailed),
    );
  return (
    <span className="author__file">
      <code>{where}</code>
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        {m.copyFile}
      </button>
      {import.meta.env.DEV && path && (
        <button type="button" className="button button--quiet" onClick={() => void openInEditor()}>
          {m.openInEditor}
        </button>
      )}
      <span role="status" className="muted small">
        {status}
      </span>
    </span>
  );
}
