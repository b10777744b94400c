import { SourceList } from '../components/source-list.tsx';
import type { ReactNode } from 'react';
import { Link, useLoaderData, useParams, type LoaderFunctionArgs } from 'react-router';
import { findCode, nearestCodes } from '../../engine/codes.ts';
import { CODE_PLATFORMS, type CodeEntry, type CodePlatform } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { clipForDisplay } from '../../engine/strings.ts';
import { PlatformLabel, RetryBadge, useHandoffHref } from './code-bits.tsx';
import { codePageFacts } from '../../engine/handoff.ts';
import type { FactValues } from '../../engine/facts.ts';
import { loadCodeIndex } from './code-data.ts';
import { startCaseState } from '../cases/case-entry.ts';
import { Markdown, ProsePanel } from '../components/markdown.tsx';
import { currentLang, loadToolMessages, useToolMessages } from '../i18n/use-messages.ts';
import { useDocumentTitle } from '../use-document-title.ts';

export async function codeLoader({ params }: LoaderFunctionArgs) {
  const [index] = await Promise.all([loadCodeIndex(currentLang()), loadToolMessages()]);
  const platform = params.platform ?? '';
  const code = params.code ?? '';
  const entry = findCode(index, platform, code);
  return { entry, nearest: entry ? [] : nearestCodes(index, platform, code) };
}

/** `/codes/:platform/:code`: one code, openable cold; an unknown code offers the nearest ones. */
export function CodePage() {
  const { entry, nearest } = useLoaderData<typeof codeLoader>();
  const { platform = '', code = '' } = useParams();
  if (!entry) return <CodeNotFound platform={platform} code={code} nearest={nearest} />;
  return <CodeDetails entry={entry} asked={code} />;
}

function CodeDetails({ entry, asked }: { entry: CodeEntry; asked: string }) {
  const m = useToolMessages();
  // What the code page tells: the code, and the client platform where its table is a client's.
  const codeFacts: FactValues = Object.fromEntries(Object.entries(codePageFacts(entry, asked)).map(([k, value]) => [k, { value, source: 'code-page' }]));
  const startHref = useHandoffHref(entry.step, codeFacts, 'code-page');
  useDocumentTitle(`${entry.code} · ${entry.title} · ${m.codePlatform[entry.platform]}`);
  return (
    <div className="page narrow">
      <nav aria-label={m.breadcrumb} className="breadcrumb">
        <Link to={paths.codes.href()}>{m.codeAllCodes}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.codes.href({ platform: entry.platform })}>{m.codePlatform[entry.platform]}</Link>
      </nav>
      <article className="code-page" aria-labelledby="code-title">
        <p className="step__meta">
          <PlatformLabel platform={entry.platform} />
          <RetryBadge retry={entry.retry} />
        </p>
        <h1 id="code-title">
          <code className="code-page__code">{entry.code}</code> <span>{entry.title}</span>
        </h1>
        {asked !== entry.code && <p className="notice">{m.codeMatchedAs(asked.slice(0, 80), entry.code)}</p>}
        <dl className="facts">
          {entry.http && <Fact term={m.codeHttp}>{entry.http.join(', ')}</Fact>}
          {entry.name && (
            <Fact term={m.codeName}>
              <code>{entry.name}</code>
            </Fact>
          )}
          {entry.protocols && <Fact term={m.codeProtocols}>{entry.protocols.join(', ')}</Fact>}
          {entry.message && (
            <Fact term={m.codeMessage}>
              <q className="quoted">{entry.message}</q>
            </Fact>
          )}
          {entry.prompt && (
            <Fact term={m.codePrompt}>
              <q className="quoted">{entry.prompt}</q>
            </Fact>
          )}
        </dl>
        {startHref && (
          <p>
            <Link className="button" to={startHref} state={{ ...startCaseState({ facts: codeFacts }), factSource: 'code-page' }}>
              {m.codeStart} →
            </Link>
          </p>
        )}
        <ProsePanel id="code-meaning" title={m.codeMeaning} md={entry.meaning} />
        <ProsePanel id="code-action" title={m.codeAction} md={entry.action} expect />
        {entry.variants && (
          <section aria-labelledby="code-variants">
            <h2 id="code-variants">{m.codeVariants}</h2>
            <ul className="variants">
              {entry.variants.map((v) => (
                <li key={v.match} className="variant">
                  <h3 className="variant__when">{m.codeVariantWhen(v.message ?? v.match)}</h3>
                  <div className="prose">
                    <Markdown md={v.meaning} />
                    {v.action && <Markdown md={v.action} />}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        <SourceList label={m.codeSources} sources={entry.sources} newTab={m.opensInNewTab} />
      </article>
    </div>
  );
}

function CodeNotFound({ platform, code, nearest }: { platform: string; code: string; nearest: CodeEntry[] }) {
  const m = useToolMessages();
  const known = (CODE_PLATFORMS as readonly string[]).includes(platform);
  useDocumentTitle(`${m.notFoundTitle} · ${m.codesTitle}`);
  return (
    <div className="page narrow not-found">
      <h1>{m.notFoundTitle}</h1>
      <p>{known ? m.codeNotFound(m.codePlatform[platform as CodePlatform], clipForDisplay(code, 80)) : m.platformNotFound(clipForDisplay(platform, 40))}</p>
      {nearest.length > 0 && (
        <nav aria-labelledby="nearest-title">
          <h2 id="nearest-title">{m.codeNearest}</h2>
          <ul className="plain-list">
            {nearest.map((e) => (
              <li key={`${e.platform}:${e.code}`}>
                <Link to={paths.code.href(e.platform, e.code)}>
                  <code>{e.code}</code> {e.title}
                </Link>{' '}
                <span className="muted small">· {m.codePlatform[e.platform]}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p>
        <Link className="button" to={paths.codes.href({ q: code.slice(0, 40) })}>
          {m.codesSearch}
        </Link>
      </p>
    </div>
  );
}

/** One term and its value in a description list. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
