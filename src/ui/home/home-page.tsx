import { Link } from 'react-router';
import { paths } from '../../engine/paths.ts';
import { lastPosition } from '../../engine/cases.ts';
import { openCases, useCases } from '../../store/cases.ts';
import { startCaseState } from '../cases/case-entry.ts';
import { useLang, useToolMessages } from '../i18n/use-messages.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { HomeSearch } from './home-search.tsx';
import { treeSummaries } from '../tree-summaries.ts';

export function HomePage() {
  const m = useToolMessages();
  const lang = useLang();
  const trees = treeSummaries(lang);
  const cases = useCases((s) => s.cases);
  const activate = useCases((s) => s.activate);
  useDocumentTitle(m.appName);
  // Open cases that got somewhere in a guide, most recent first.
  const resumable = openCases({ cases }).flatMap((c) => {
    const at = lastPosition(c);
    const guide = at && trees.find((t) => t.id === at.tree);
    return at && guide ? [{ c, at, guide }] : [];
  });
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{m.homeTitle}</h1>
        <p className="lead">{m.homeLead}</p>
        <HomeSearch />
        <p className="way-in">
          <span>{m.pasteLogWayIn}</span>{' '}
          <Link className="button button--quiet" to={paths.analyze.href()}>
            {m.pasteLogCta}
          </Link>
        </p>
      </section>

      {resumable.length > 0 && (
        <section aria-labelledby="continue-title" className="continue">
          <h2 id="continue-title">{m.continueHeading}</h2>
          <ul className="plain-list">
            {resumable.slice(0, 5).map(({ c, at, guide }) => (
              <li key={c.id}>
                <Link to={paths.step.href(at.tree, at.step, at.trail || undefined, at.facts)} onClick={() => activate(c.id)}>
                  {c.ticket ? `${c.ticket} · ` : ''}
                  {m.continueAt(at.title)}
                </Link>
                <span className="muted"> · {guide.title}</span>
              </li>
            ))}
          </ul>
          {resumable.length > 5 && (
            <p>
              <Link to={paths.cases.href()}>{m.caseAll}</Link>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="guides-title">
        <h2 id="guides-title">{m.guidesHeading}</h2>
        <ul className="cards">
          {trees.map((t) => (
            <li key={t.id} className="card">
              <p className="card__platform">{m.platform[t.platform]}</p>
              <h3 className="card__title">
                <Link to={paths.tree.href(t.id)} state={startCaseState()} className="card__link">
                  {t.title}
                </Link>
              </h3>
              <p className="card__symptom">
                <span className="symptom-quote">{t.symptom}</span>
              </p>
              <p className="muted">{m.stepsCount(t.stepCount)}</p>
              <p className="card__more">
                <Link to={paths.map.href(t.id)}>{m.mapOfGuide}</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
