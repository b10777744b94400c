import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { searchLoaders } from 'virtual:content';
import type { Lang } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import type { SearchEntry } from '../../engine/search.ts';
import { cachedLoader } from '../cached-load.ts';
import { useLang, useToolMessages } from '../i18n/use-messages.ts';
import { keepOutOfUrl, looksLikeLog, useUrlFields } from '../use-url-fields.ts';
import { startCaseState } from '../cases/case-entry.ts';

type Search = (query: string) => SearchEntry[];

/** The search engine and the index of a language, both lazy chunks: the home page itself carries neither. */
const loadSearch = cachedLoader((lang: Lang): Promise<Search> =>
  Promise.all([import('../../engine/search.ts'), (searchLoaders[lang] ?? searchLoaders.en!)()]).then(([engine, data]) => {
    const index = engine.openIndex(data.default);
    return (query) => engine.searchAll(index, query);
  }),
);

/**
 * The front door's search: symptoms, step titles and codes of every guide and
 * code table, in either language, as you type. Its index is a lazy chunk,
 * fetched when the box is first focused, so the home page stays light.
 */
export function HomeSearch() {
  const m = useToolMessages();
  const lang = useLang();
  const [{ q: query }, setFields] = useUrlFields(['q'] as const);
  const [search, setSearch] = useState<{ run: Search } | undefined>();
  const [failed, setFailed] = useState(false);
  const deferred = useDeferredValue(query);
  const inputId = useId();
  const hintId = useId();

  const load = () => {
    if (search) return;
    loadSearch(lang).then(
      (run) => setSearch({ run }),
      () => setFailed(true),
    );
  };
  // A query already in the box (typed before the index arrived, or restored by the browser) loads it too.
  useEffect(() => {
    if (query && !search) load();
  });

  const results = useMemo(() => (search ? search.run(deferred) : []), [search, deferred]);
  const q = deferred.trim();
  const navigate = useNavigate();
  const isLog = looksLikeLog(q);
  return (
    <search className="home-search" aria-labelledby={`${inputId}-label`}>
      <label id={`${inputId}-label`} htmlFor={inputId} className="home-search__label">
        {m.searchLabel}
      </label>
      <input
        id={inputId}
        type="search"
        value={query}
        onFocus={load}
        onChange={(e) => setFields({ q: e.target.value }, { outOfUrl: keepOutOfUrl(e.target.value.trim()) })}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        placeholder={m.searchPlaceholder}
      />
      <p id={hintId} className="muted small">
        {m.searchHint}
      </p>
      <div aria-live="polite">
        {isLog && (
          <p className="notice notice--info home-search__log">
            {m.searchLooksLikeLog}{' '}
            <button type="button" className="button button--small" onClick={() => void navigate(paths.analyze.href(), { state: { paste: query } })}>
              {m.searchAnalyze}
            </button>
          </p>
        )}
        {q && failed && <p className="notice notice--warn">{m.loadFailed}</p>}
        {q && !failed && !search && <p className="muted">{m.loading}</p>}
        {q && search && results.length === 0 && !isLog && <p className="muted">{m.searchNone}</p>}
        {q && results.length > 0 && (
          <ul className="search-results" aria-label={m.searchResults(q)}>
            {results.map((r) => (
              <li key={r.href} className="search-result">
                <span className={`search-result__kind search-result__kind--${r.kind}`}>{m.searchKind[r.kind]}</span>
                <Link to={r.href} state={r.kind === 'code' ? undefined : startCaseState()} className="search-result__link">
                  {r.code && <code className="search-result__code">{r.code}</code>}
                  <span>{r.title}</span>
                </Link>
                <span className="search-result__context muted small">{r.context}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </search>
  );
}
