import { Link } from 'react-router';
import { paths } from '../../engine/paths.ts';
import { useSaved } from '../../store/saved.ts';
import { useLang, useToolMessages } from '../i18n/use-messages.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { HomeSearch } from '../home-search.tsx';
import { treeSummaries } from '../tree-summaries.ts';

export function HomePage() {
  const m = useToolMessages();
  const lang = useLang();
  const trees = treeSummaries(lang);
  const recent = useSaved((s) => s.recent);
  useDocumentTitle(m.appName);
  const resumable = trees.filter((t) => recent[t.id]);
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
            {resumable.map((t) => {
              const r = recent[t.id]!;
              return (
                <li key={t.id}>
                  <Link to={paths.step.href(t.id, r.step, r.trail)}>{m.continueAt(r.title)}</Link>
                  <span className="muted"> · {t.title}</span>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="guides-title">
        <h2 id="guides-title">{m.guidesHeading}</h2>
        <ul className="cards">
          {trees.map((t) => (
            <li key={t.id} className="card">
              <p className="card__platform">{m.platform[t.platform]}</p>
              <h3 className="card__title">
                <Link to={paths.tree.href(t.id)} className="card__link">
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
