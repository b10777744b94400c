import { Link } from 'react-router';
import type { TreeLayout } from '../../engine/layout/index.ts';
import { hasAnswers, type StepId, type Tree } from '../../engine/model.ts';
import type { SessionPath } from '../../engine/session-path.ts';
import { useToolMessages } from '../i18n/use-messages.ts';
import { jumpTo, kindClass } from './map-view.tsx';

/** The id of a step's entry in the list, for in-page links. */
const listEntryId = (id: string) => `map-step-${id}`;

/**
 * The map as a list, for screen readers and anyone who prefers reading: every
 * step in the map's reading order, numbered, with its kind, whether the
 * session passed it, and where each answer leads. An answer's target links to
 * that step's entry (follow a path down the list); a step's title opens it.
 */
export function StepList({
  tree,
  layout,
  path,
  hrefFor,
  id,
}: {
  tree: Tree;
  layout: TreeLayout;
  path: SessionPath | undefined;
  hrefFor: (id: StepId) => string;
  id: string;
}) {
  const m = useToolMessages();
  const number = new Map(layout.steps.map((s, i) => [s.id, i + 1]));
  const titleOf = (to: StepId) => m.mapStepRef(number.get(to) ?? 0, tree.steps[to]?.title ?? to);
  const back = new Set(layout.edges.filter((e) => e.back).map((e) => `${e.from}>${e.to}`));
  return (
    <section className="map-list" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1}>
        {m.mapListTitle}
      </h2>
      <p className="muted">{m.mapListLead}</p>
      <ol className="map-list__steps">
        {layout.steps.map((placed) => {
          const step = tree.steps[placed.id]!;
          const isCurrent = path?.current === step.id;
          const onPath = path?.visited.has(step.id) ?? false;
          const given = path?.answered.get(step.id) ?? [];
          return (
            <li
              key={step.id}
              id={listEntryId(step.id)}
              tabIndex={-1}
              className="map-list__step"
              data-on-path={onPath ? 'true' : undefined}
              data-current={isCurrent ? 'true' : undefined}
            >
              <h3 className="map-list__title">
                <Link to={hrefFor(step.id)} aria-current={isCurrent ? 'step' : undefined}>
                  {step.title}
                </Link>
              </h3>
              <p className="map-list__meta">
                <span className={`badge badge--${kindClass(step)}`}>{step.kind === 'outcome' ? m.result[step.result] : m.kind[step.kind]}</span>
                {onPath && <span className="map-list__path">{isCurrent ? m.mapYouAreHere : m.mapLegendOnPath}</span>}
              </p>
              {hasAnswers(step) ? (
                <>
                  <p className="map-list__leads">{m.mapLeadsTo}</p>
                  <ul className="map-list__answers">
                    {step.answers.map((a) => {
                      return (
                        <li key={a.id} className={given.includes(a.id) ? 'map-list__given' : undefined}>
                          <span className="map-list__answer">{a.label}</span>
                          <span aria-hidden="true"> → </span>
                          <span className="visually-hidden">: </span>
                          <a href={`#${listEntryId(a.next)}`} onClick={(e) => jumpTo(e, listEntryId(a.next))}>
                            {titleOf(a.next)}
                          </a>
                          {back.has(`${step.id}>${a.next}`) && <span className="map-list__note"> ({m.mapGoesBack})</span>}
                          {given.includes(a.id) && <span className="map-list__note map-list__note--given"> ({m.mapYourAnswer})</span>}
                        </li>
                      );
                    })}
                  </ul>
                </>
              ) : (
                <p className="map-list__leads">{m.mapEnds}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
