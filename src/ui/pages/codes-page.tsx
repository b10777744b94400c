import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Link, type ShouldRevalidateFunction, useLoaderData, useLocation, useNavigationType, useSearchParams } from 'react-router';
import { searchCodes } from '../../engine/codes.ts';
import { CODE_PLATFORMS, type CodePlatform } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { PlatformLabel, RetryBadge } from '../codes/code-bits.tsx';
import { loadCodeIndex } from '../codes/code-data.ts';
import { currentLang, loadToolMessages, useToolMessages } from '../i18n/use-messages.ts';
import { useDocumentTitle } from '../use-document-title.ts';

export async function codesLoader() {
  const [index] = await Promise.all([loadCodeIndex(currentLang()), loadToolMessages()]);
  return index;
}

/**
 * The index depends on the path (and the page's language, fixed per load), never
 * on `?q=` or `?platform=`: typing must not re-run the loader, which would also
 * hold the URL back while it runs.
 */
export const codesShouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;

const isPlatform = (p: string | null): p is CodePlatform => (CODE_PLATFORMS as readonly string[]).includes(p ?? '');

/** `/codes?q=…&platform=…`: every code, searchable as you type, filterable by platform. */
export function CodesPage() {
  const m = useToolMessages();
  const index = useLoaderData<typeof codesLoader>();
  const [params, setParams] = useSearchParams();
  // The fields own their values and the URL follows them, both keys written on
  // every change. Reading them back from the URL lost a change made before the
  // previous one reached it (clear the search, pick a platform at once: the old
  // query came back).
  const urlQ = params.get('q') ?? '';
  const rawPlatform = params.get('platform');
  const urlPlatform = isPlatform(rawPlatform) ? rawPlatform : '';
  const [q, setQ] = useState(urlQ);
  const [platform, setPlatform] = useState<CodePlatform | ''>(urlPlatform);
  // This page writes the URL with REPLACE only; a PUSH or POP to it (the "Error
  // codes" link in the header, a "more codes of this platform" link, Back) is the
  // person asking for that search, so the fields take the URL's values.
  const { key } = useLocation();
  const navigationType = useNavigationType();
  const [seenKey, setSeenKey] = useState(key);
  if (key !== seenKey) {
    setSeenKey(key);
    if (navigationType !== 'REPLACE') {
      setQ(urlQ);
      setPlatform(urlPlatform);
    }
  }
  const write = (nextQ: string, nextPlatform: string) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, value] of [['q', nextQ], ['platform', nextPlatform]] as const) {
      if (value) next.set(k, value);
      else next.delete(k);
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const deferredQ = useDeferredValue(q);
  const results = useMemo(() => searchCodes(index, deferredQ, platform), [index, deferredQ, platform]);
  const total = useMemo(() => index.tables.filter((t) => !platform || t.platform === platform).reduce((n, t) => n + t.codes.length, 0), [index, platform]);
  const searchId = useId();
  const platformId = useId();
  useDocumentTitle(`${m.codesTitle} · ${m.appName}`);

  return (
    <div className="page">
      <h1>{m.codesTitle}</h1>
      <p className="lead">{m.codesLead}</p>
      <search className="filters">
        <div className="field field--grow">
          <label htmlFor={searchId}>{m.codesSearch}</label>
          <input id={searchId} type="search" value={q} onChange={(e) => {
              setQ(e.target.value);
              write(e.target.value, platform);
            }} autoComplete="off" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor={platformId}>{m.codesPlatform}</label>
          <select id={platformId} value={platform} onChange={(e) => {
              const next = isPlatform(e.target.value) ? e.target.value : '';
              setPlatform(next);
              write(q, next);
            }}>
            <option value="">{m.codesAllPlatforms}</option>
            {CODE_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {m.codePlatform[p]}
              </option>
            ))}
          </select>
        </div>
      </search>
      <p className="muted" role="status" aria-live="polite">
        {results.length === 0 ? m.codesNone : m.codesCount(results.length, total)}
      </p>
      <ul className="code-list">
        {results.map((e) => (
          <li key={`${e.platform}:${e.code}`} className="code-row">
            <Link className="code-row__link" to={paths.code.href(e.platform, e.code)}>
              <code className="code-row__code">{e.code}</code>
              <span className="code-row__title">{e.title}</span>
            </Link>
            <span className="code-row__meta">
              <PlatformLabel platform={e.platform} />
              {e.http && <span className="muted small">HTTP {e.http.join(', ')}</span>}
              <RetryBadge retry={e.retry} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
