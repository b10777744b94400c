import { lazy, useState } from 'react';
import { Link } from 'react-router';
import type { FactKey } from '../../engine/facts.ts';
import { hasAnswers, type Step, type Tree } from '../../engine/model.ts';
import { backTo, knownAt, wasAuto, type Session, type Ticks } from '../../engine/session.ts';
import { sessionHref } from '../../engine/trail.ts';
import { useMessages } from '../i18n/use-messages.ts';

/*
 * This module is loaded through step-extras-loader.ts (a plain link to a step
 * does without it), which reads its exports from the loaded module: hence
 * the `@public` tags, for the unused-export check.
 */

/** @public */
export { remainingChecks } from '../../engine/progress.ts';
/** @public */
export { decodeFacts } from '../../engine/fact-link.ts';

/** The author view (`?author=1`; a toggle on the dev server): its own chunk, with its stylesheet and file positions. @public */
export const AuthorView = lazy(() => import('../author/author-view.tsx'));

const count = (ticks: Ticks, mark: 'ok' | 'bad') => Object.values(ticks).filter((t) => t === mark).length;

/**
 * "Your path": each step so far with the answer given there, or the facts
 * that answered it by themselves (with where each came from and "change").
 * On a phone it is one line until opened.
 * @public
 */
export function PathPanel({ tree, session }: { tree: Tree; session: Session }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const visits = session.visits;
  // Facts already shown with their source on the path: later steps they pass name them briefly.
  const shownFacts = new Set<FactKey>();
  return (
    <nav aria-label={m.yourPath} className={open ? 'path path--open' : 'path'}>
      <h2 className="side__title">{m.yourPath}</h2>
      {/* On a phone the path is one line, so the question and its answers are on the first screen. */}
      <button type="button" className="path__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {m.yourPath}
        {m.labelColon}
        {m.earlierAnswers(visits.length - 1)} <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      <ol className="path__list">
        {visits.map((v, i) => {
          const s = tree.steps[v.step]!;
          const given = v.answer && hasAnswers(s) ? s.answers.find((a) => a.id === v.answer)?.label : undefined;
          const isCurrent = i === visits.length - 1;
          const auto = !isCurrent && wasAuto(tree, session, i);
          return (
            <li key={i} className={isCurrent ? 'path__current' : undefined}>
              {isCurrent ? <span aria-current="step">{s.title}</span> : <Link to={sessionHref(tree, backTo(session, i))}>{s.title}</Link>}
              {auto ? (
                <KnownFacts tree={tree} session={session} visit={i} step={s} shown={shownFacts} />
              ) : (
                given && (
                  <span className="path__answer">
                    {m.youAnswered(given)}
                    {v.ticks && ` · ${m.marksSummary(count(v.ticks, 'ok'), count(v.ticks, 'bad'))}`}
                  </span>
                )
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Where a fact that passed a step came from, and the link that reopens its question ("change"). */
function changeHref(tree: Tree, session: Session, visit: number, fact: FactKey): string {
  const known = knownAt(tree, session, visit)[fact];
  if (known?.visit !== undefined) return sessionHref(tree, backTo(session, known.visit));
  // A given fact: leave it out, and go back to the first step it passed.
  const { [fact]: _dropped, ...given } = session.given ?? {};
  const first = session.visits.findIndex((v, i) => i <= visit && wasAuto(tree, session, i) && !!tree.steps[v.step]?.asks?.includes(fact));
  const without: Session = { tree: session.tree, visits: session.visits, ...(Object.keys(given).length ? { given } : {}) };
  return sessionHref(tree, backTo(without, first >= 0 ? first : visit));
}

/**
 * On a step that passed by itself: the facts that answered it, where each
 * came from, and "change" to ask again. A fact named again further on is
 * named briefly (and not at all on a phone's one-line path).
 */
function KnownFacts({ tree, session, visit, step, shown }: { tree: Tree; session: Session; visit: number; step: Step; shown: Set<FactKey> }) {
  const m = useMessages();
  const known = knownAt(tree, session, visit);
  const asked = (step.asks ?? []).filter((k) => known[k] !== undefined);
  return (
    <span className="path__answer path__known">
      {asked.map((k) => {
        const f = known[k]!;
        const fact = tree.facts[k];
        const value = fact?.values?.[f.value] ?? f.value;
        if (shown.has(k)) {
          return (
            <span key={k} className="known-fact known-fact--again">
              {m.knownFactAgain(fact?.label ?? k, value)}
            </span>
          );
        }
        shown.add(k);
        return (
          <span key={k} className="known-fact">
            {m.knownFact(fact?.label ?? k, value, m.factFrom[f.source])}{' '}
            <Link to={changeHref(tree, session, visit, k)} className="known-fact__change" aria-label={m.changeFact(fact?.label ?? k)}>
              {m.change}
            </Link>
          </span>
        );
      })}
    </span>
  );
}
