import { useDeferredValue, useId, useMemo } from 'react';
import { Link, useLoaderData } from 'react-router';
import { searchCodes } from '../../engine/codes.ts';
import { CODE_PLATFORMS, type CodePlatform } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { PlatformLabel, RetryBadge } from './code-bits.tsx';
import { loadCodeIndex } from './code-data.ts';
import { currentLang, loadToolMessages, useToolMessages } from '../i18n/use-messages.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { keepOutOfUrl, useUrlFields } from '../use-url-fields.ts';

export async function codesLoader() {
  const [index] = await Promise.all([loadCodeIndex(currentLang()), loadToolMessages()]);
  return index;
}

const isPlatform = (p: string | null): p is CodePlatform => (CODE_PLATFORMS as readonly string[]).includes(p ?? '');

/** `/codes?q=…&platform=…`: every code, searchable as you type, filterable by platform. */
export function CodesPage() {
  const m = useToolMessages();
  const index = useLoaderData<typeof codesLoader>();
  const [fields, setFields] = useUrlFields(['q', 'platform'] as const);
  const q = fields.q;
  const platform = isPlatform(fields.platform) ? fields.platform : '';
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
          <input
            id={searchId}
            type="search"
            value={q}
            onChange={(e) => setFields({ q: e.target.value }, { outOfUrl: keepOutOfUrl(e.target.value.trim()) })}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field">
          <label htmlFor={platformId}>{m.codesPlatform}</label>
          <select id={platformId} value={platform} onChange={(e) => setFields({ platform: e.target.value })}>
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
