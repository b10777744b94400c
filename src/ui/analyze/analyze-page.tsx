import { startTransition, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from 'react';
import { Link, useLoaderData, useLocation, useNavigate } from 'react-router';
import type { AnalyzeResult, Finding } from '../../engine/analyze/analyze.ts';
import { findingFacts, joinFinding, summaryFindingsFor } from '../../engine/analyze/join.ts';
import type { CodeIndex } from '../../engine/model.ts';
import { paths } from '../../engine/paths.ts';
import { startCaseState } from '../cases/case-entry.ts';
import { analyzeInWorker, MAX_FILE_BYTES, stopAnalysis } from './protocol.ts';
import { forgetAnalysis, loadAnalysis, saveAnalysis, sessionStore, type AnalysisSource, type Decoded, type Kept } from './saved-analysis.ts';
import { KeptNotes, SourceLabel } from './analysis-notes.tsx';
import { countMasked } from './masking.ts';
import { MaskToggle } from './mask-toggle.tsx';
import { PlatformLabel, RetryBadge, useHandoffHref } from '../codes/code-bits.tsx';
import { loadCodeIndex } from '../codes/code-data.ts';
import { Markdown } from '../components/markdown.tsx';
import { currentLang, loadToolMessages, useToolMessages } from '../i18n/use-messages.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { redact } from '../../engine/redact.ts';

export async function analyzeLoader() {
  const [index] = await Promise.all([loadCodeIndex(currentLang()), loadToolMessages()]);
  return index;
}

type State =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'error'; message: string }
  | { status: 'done'; result: AnalyzeResult; ms: number; source: AnalysisSource; decoded?: Decoded; kept: Kept; restored?: boolean };

/** Pastes longer than this (about 1 MB) are analyzed without being put in the text box. */
const LARGE_PASTE_CHARS = 1_000_000;

/** `/analyze`: paste a log or open a file; findings link to their step and code page. Nothing leaves the browser. */
export function AnalyzePage() {
  const m = useToolMessages();
  const index = useLoaderData<typeof analyzeLoader>();
  const { state: handed, pathname, search } = useLocation();
  const navigate = useNavigate();
  const handedText = (handed as { paste?: unknown } | null)?.paste;
  const paste = typeof handedText === 'string' ? handedText : undefined;
  // Back from a finding's step, or the header's link: this tab's last analysis again (unless a paste is handed over).
  const [restored] = useState(() => (paste === undefined ? loadAnalysis(sessionStore()) : undefined));
  const [state, setState] = useState<State>(() =>
    restored
      ? {
          status: 'done',
          result: restored.result,
          ms: restored.ms,
          source: restored.source,
          ...(restored.decoded ? { decoded: restored.decoded } : {}),
          kept: restored.kept,
          restored: true,
        }
      : { status: 'idle' },
  );
  const [dragging, setDragging] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const run = useRef(0);
  const textId = useId();
  const hintId = useId();
  const fileId = useId();
  useDocumentTitle(`${m.analyzeTitle} · ${m.appName}`);

  const start = async (input: { text: string } | { file: File }, source: AnalysisSource) => {
    const mine = ++run.current;
    setState({ status: 'working' });
    forgetAnalysis(sessionStore()); // until this one is done, Back shows no older analysis
    const reply = await analyzeInWorker(input);
    if (mine !== run.current) return; // a newer paste or file won
    if (!reply.ok && 'stopped' in reply) {
      // Replaced, cleared or left: whoever stopped it has already moved the page on.
      if (reply.stopped === 'timeout') setState({ status: 'error', message: m.analyzeStopped(Math.round(reply.afterMs / 1000)) });
      return;
    }
    const decoded = reply.ok && reply.decoded ? { decoded: reply.decoded } : {};
    // A transition renders a long list of findings in slices, so the page never freezes for long.
    startTransition(() =>
      setState(reply.ok ? { status: 'done', result: reply.result, ms: reply.ms, source, ...decoded, kept: 'all' } : { status: 'error', message: reply.error }),
    );
    if (!reply.ok) return;
    // Kept for this tab, written in the background (the box's text only, never a file's or a large paste's);
    // the page says so if storage is full or blocked.
    const keep = { source, ...('text' in input && source.kind === 'text' ? { text: input.text } : {}), result: reply.result, ms: reply.ms, ...decoded };
    void saveAnalysis(sessionStore(), keep).then((kept) => {
      if (mine === run.current && kept !== 'all') setState((s) => (s.status === 'done' ? { ...s, kept } : s));
    });
  };
  // Leaving the page stops an analysis still running: its worker would otherwise hold the memory of a 50 MB log.
  useEffect(() => () => stopAnalysis('left'), []);

  const analyzeText = () => {
    const text = textRef.current?.value ?? '';
    if (!text.trim()) {
      setState({ status: 'error', message: m.analyzeEmpty });
      return;
    }
    performance.mark('analyze:start');
    void start({ text }, { kind: 'text' });
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    performance.mark('analyze:start'); // npm run bench times from here to 'analyze:rendered'
    if (file.size > MAX_FILE_BYTES) {
      setState({ status: 'error', message: m.analyzeTooBig((file.size / 1024 / 1024).toFixed(1)) });
      return;
    }
    if (textRef.current) textRef.current.value = '';
    void start({ file }, { kind: 'file', name: file.name });
  };

  // Text handed over by the home search (in the history entry's state, never in the URL), analyzed at once,
  // and taken out of the entry: coming back to it shows the last analysis, not this text again.
  const analyzeHanded = useEffectEvent((text: string) => {
    if (!textRef.current) return;
    textRef.current.value = text;
    analyzeText();
    void navigate({ pathname, search }, { replace: true, state: null, preventScrollReset: true });
  });
  useEffect(() => {
    if (paste !== undefined) analyzeHanded(paste);
  }, [paste]);

  useEffect(() => {
    if (state.status === 'done' && !state.restored) {
      // Focus moves to the results, and the page with it (on a phone they start below the box).
      resultsRef.current?.focus({ preventScroll: true });
      resultsRef.current?.scrollIntoView({ block: 'start' });
      performance.mark('analyze:rendered');
    }
  }, [state]);

  return (
    <div className="page narrow">
      <h1>{m.analyzeTitle}</h1>
      <p className="lead">{m.analyzeLead}</p>
      <form
        className={`analyze${dragging ? ' analyze--drag' : ''}`}
        onSubmit={(e) => {
          e.preventDefault();
          analyzeText();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          openFile(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor={textId} className="field__label">
          {m.analyzeLabel}
        </label>
        <p id={hintId} className="muted small">
          {m.analyzeHint}
        </p>
        <textarea
          id={textId}
          ref={textRef}
          defaultValue={restored?.text}
          aria-describedby={hintId}
          className="analyze__text"
          rows={10}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          onPaste={(e) => {
            // A very large paste is read like an opened file: megabytes in a text box freeze the page
            // while it lays them out, and nobody reads them there.
            const pasted = e.clipboardData?.getData('text/plain');
            if (pasted && pasted.length > LARGE_PASTE_CHARS) {
              e.preventDefault();
              e.currentTarget.value = '';
              performance.mark('analyze:start');
              void start({ text: pasted }, { kind: 'large-paste', chars: pasted.length });
              return;
            }
            setTimeout(analyzeText, 0);
          }}
        />
        <div className="analyze__actions">
          <button type="submit" className="button">
            {m.analyzeButton}
          </button>
          <span className="analyze__file">
            <label htmlFor={fileId} className="button button--quiet">
              {m.analyzeFile}
            </label>
            <input
              id={fileId}
              ref={fileRef}
              type="file"
              className="visually-hidden-file"
              accept=".log,.txt,.json,.xml,text/*,application/json,application/xml"
              onChange={(e) => {
                openFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <span className="muted small analyze__drop">{m.analyzeDrop}</span>
          </span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              if (textRef.current) textRef.current.value = '';
              run.current++;
              stopAnalysis('cleared');
              forgetAnalysis(sessionStore());
              setState({ status: 'idle' });
              textRef.current?.focus();
            }}
          >
            {m.analyzeClear}
          </button>
        </div>
      </form>

      <div aria-live="polite" className="analyze__status">
        {state.status === 'working' && <p className="muted">{m.analyzeWorking}</p>}
        {state.status === 'error' && (
          <p className="notice notice--warn" role="alert">
            {state.message}
          </p>
        )}
      </div>
      {state.status === 'done' && (
        <Results
          index={index}
          result={state.result}
          ms={state.ms}
          source={state.source}
          decoded={state.decoded}
          kept={state.kept}
          restored={state.restored === true}
          headingRef={resultsRef}
        />
      )}
    </div>
  );
}

/** Findings drawn at first, and added by each "show more": a log with thousands of codes never draws them all at once. */
const PAGE = 50;

function Results({
  index,
  result,
  ms,
  source,
  decoded,
  kept,
  restored,
  headingRef,
}: {
  index: CodeIndex;
  result: AnalyzeResult;
  ms: number;
  source: AnalysisSource;
  decoded: Decoded | undefined;
  kept: Kept;
  restored: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const m = useToolMessages();
  const [shown, setShown] = useState(PAGE);
  const [unclaimedRevealed, setUnclaimedRevealed] = useState(false);
  const total = result.findings.length + (result.omitted?.findings ?? 0);
  const byPlatform = platformCounts(result.findings);
  // Each card's link carries the summary of all the findings: joined once for the whole list, not once per card.
  const summaries = useMemo(() => summaryFindingsFor(index, result.findings), [index, result.findings]);
  return (
    <section aria-labelledby="findings-title" className="findings">
      <h2 id="findings-title" ref={headingRef} tabIndex={-1}>
        {m.analyzeFindings(total)}
      </h2>
      <p className="muted small">
        <SourceLabel source={source} />
        {m.analyzeRead(result.lines, ms)}
        {decoded && decoded.encoding !== 'utf-8' && ` · ${m.analyzeEncoding(decoded.encoding)}`}
      </p>
      <KeptNotes kept={kept} restored={restored} />
      {decoded?.how === 'guessed' && <p className="notice notice--warn">{m.analyzeEncodingUnknown}</p>}
      {decoded?.how === 'binary' && <p className="notice notice--warn">{m.analyzeBinary}</p>}
      {result.findings.length === 0 && <p className="notice">{m.analyzeNothing}</p>}
      {result.findings.length > PAGE && (
        <p className="muted small" data-testid="findings-by-platform">
          {byPlatform.map(([platform, n, hits], i) => (
            <span key={platform}>
              {i > 0 && ' · '}
              <PlatformLabel platform={platform} /> {m.analyzeGroup(n, hits)}
            </span>
          ))}
        </p>
      )}
      {result.omitted && <p className="notice">{m.analyzeOmitted(result.omitted.findings, result.omitted.hits)}</p>}
      <ol className="finding-list">
        {result.findings.slice(0, shown).map((f) => (
          <li key={f.key}>
            <FindingCard
              index={index}
              finding={f}
              startState={() => ({ ...startCaseState({ findings: summaries(f), facts: findingFacts(f) }), factSource: 'log' })}
            />
          </li>
        ))}
      </ol>
      {result.findings.length > shown && (
        <p>
          <button type="button" className="button button--quiet" onClick={() => startTransition(() => setShown((n) => n + PAGE))}>
            {m.analyzeShowMore(Math.min(PAGE, result.findings.length - shown), result.findings.length - shown)}
          </button>
        </p>
      )}
      {result.unclaimed.length > 0 && (
        <section aria-labelledby="unclaimed-title" className="panel">
          <h3 id="unclaimed-title">{m.analyzeUnclaimed}</h3>
          <ul className="plain-list">
            {result.unclaimed.map((u) => (
              <li key={u.line}>
                <span className="muted small">
                  {u.line}: {u.reason}
                </span>
                <pre className="evidence">
                  <code>{unclaimedRevealed ? u.text : redact(u.text, m.summary.mask).text}</code>
                </pre>
              </li>
            ))}
          </ul>
          <MaskToggle
            count={countMasked(result.unclaimed.map((u) => u.text))}
            revealed={unclaimedRevealed}
            onToggle={() => setUnclaimedRevealed(!unclaimedRevealed)}
          />
        </section>
      )}
    </section>
  );
}

/** Distinct codes and occurrences per platform, most codes first. */
function platformCounts(findings: Finding[]): [Finding['platform'], number, number][] {
  const counts = new Map<Finding['platform'], [number, number]>();
  for (const f of findings) {
    const c = counts.get(f.platform) ?? [0, 0];
    counts.set(f.platform, [c[0] + 1, c[1] + f.count]);
  }
  return [...counts].map(([p, [n, hits]]): [Finding['platform'], number, number] => [p, n, hits]).sort((a, b) => b[1] - a[1]);
}

function FindingCard({
  index,
  finding: f,
  startState,
}: {
  index: CodeIndex;
  finding: Finding;
  startState: () => ReturnType<typeof startCaseState> & { factSource: 'log' };
}) {
  const m = useToolMessages();
  const { entry, subEntry, variant, step, outside } = joinFinding(index, f);
  const stepHref = useHandoffHref(step, findingFacts(f), 'log');
  const titleId = useId();
  // What the log says is shown masked, like the ticket summary: a person can reveal it at the keyboard.
  const [revealed, setRevealed] = useState(false);
  const show = (text: string) => (revealed ? text : redact(text, m.summary.mask).text);
  const maskedCount = useMemo(
    () =>
      countMasked(
        f.evidence.map((e) => e.text),
        f.fields.map((x) => x.value),
      ),
    [f],
  );
  return (
    // data-finding / data-platform / data-code are a contract other tests rely on (issue 3).
    <article
      className={`finding${f.success ? ' finding--success' : ''}`}
      aria-labelledby={titleId}
      data-finding=""
      data-platform={f.platform}
      data-code={f.code}
    >
      <header className="finding__head">
        <p className="step__meta">
          <PlatformLabel platform={f.platform} />
          {f.success ? <span className="badge badge--resolved">{m.findingSuccess}</span> : entry && <RetryBadge retry={subEntry?.retry ?? entry.retry} />}
          {f.http && <span className="muted small">HTTP {f.http}</span>}
        </p>
        <h3 id={titleId} className="finding__title">
          <code className="code-chip">{f.code}</code>
          {f.subCode && (
            <code className="code-chip code-chip--sub" title={m.findingSubCode}>
              {f.subCode}
            </code>
          )}{' '}
          <span>{entry?.title ?? m.findingUnknown}</span>
        </h3>
        <p className="muted small">{m.findingSeen(f.count, f.firstLine, f.lastLine)}</p>
        <p className="small finding__reason" data-confidence={f.confidence}>
          {m.findingReason(f.confidence, m.findingFormat(f.format), f.firstLine, f.evidence.at(-1)?.line ?? f.firstLine)}
        </p>
      </header>
      {outside && (
        <p className="small">
          {m.findingOutside}{' '}
          <a href={outside.lookup} target="_blank" rel="noopener noreferrer">
            {m.findingLookup(outside.fromBody)}
          </a>
        </p>
      )}
      {entry && (
        <div className="prose">
          <Markdown md={variant?.meaning ?? entry.meaning} />
          {subEntry && subEntry !== entry && (
            <>
              <p>
                <strong>{subEntry.code}</strong> · {subEntry.title}
              </p>
              <Markdown md={subEntry.meaning} />
            </>
          )}
        </div>
      )}
      {(f.fields.length > 0 || f.ids.length > 1) && (
        <dl className="facts facts--compact">
          {f.fields.map((x) => (
            <div key={x.name} className="facts__row">
              <dt>{x.name}</dt>
              <dd>
                <code>{show(x.value)}</code>
                {x.decoded && (
                  <>
                    {' '}
                    <span className="muted">
                      ({m.findingDecoded}
                      {m.labelColon}
                    </span>
                    <span lang="zh-CN">{x.decoded}</span>
                    <span className="muted">)</span>
                  </>
                )}
              </dd>
            </div>
          ))}
          {f.ids.length > 1 && (
            <div className="facts__row">
              <dt>{m.findingIds}</dt>
              <dd>
                {f.ids.map((id) => (
                  <code key={id} className="id-chip">
                    {id}
                  </code>
                ))}
              </dd>
            </div>
          )}
        </dl>
      )}
      <details className="finding__evidence">
        <summary>{m.findingEvidence}</summary>
        <pre className="evidence">
          {f.evidence.map((e) => (
            <code key={e.line} className="evidence__line" data-line={e.line}>
              {show(e.text)}
              {'\n'}
            </code>
          ))}
        </pre>
      </details>
      <MaskToggle count={maskedCount} revealed={revealed} onToggle={() => setRevealed(!revealed)} />
      <p className="finding__links">
        {stepHref && (
          <Link className="button button--small" to={stepHref} state={startState()}>
            {m.findingStep} →
          </Link>
        )}
        {entry && (
          <Link className="button button--small button--quiet" to={paths.code.href(entry.platform, entry.code)}>
            {m.findingCodePage(entry.code)}
          </Link>
        )}
        {subEntry && subEntry !== entry && (
          <Link className="button button--small button--quiet" to={paths.code.href(subEntry.platform, subEntry.code)}>
            {m.findingCodePage(subEntry.code)}
          </Link>
        )}
      </p>
    </article>
  );
}
