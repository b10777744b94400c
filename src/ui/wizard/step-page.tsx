import { SourceList } from '../components/source-list.tsx';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useLoaderData, useLocation, useNavigate, useNavigationType, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import type { FactKey, FactSource } from '../../engine/facts.ts';
import { hasAnswers, type Step, type Tree } from '../../engine/model.ts';
import { paths, siteUrl } from '../../engine/paths.ts';
import { parseCodeRef } from '../../engine/refs.ts';
import { answer, backTo, fittingWhen, knownAt, openAnswers, values, type Session, type Ticks } from '../../engine/session.ts';
import { decodeTrail, encodeFacts, encodeTrail, sessionHref } from '../../engine/trail.ts';
import { MAX_NOTE_LENGTH, stepKey, type Case } from '../../engine/cases.ts';
import { useCases } from '../../store/cases.ts';
import { CaseBar } from '../cases/case-bar.tsx';
import { useStepCase } from '../cases/case-entry.ts';
import { Checklist } from './checklist.tsx';
import { CopyButton } from '../components/copy-button.tsx';
import { Markdown, ProsePanel } from '../components/markdown.tsx';
import { Notice } from '../components/notices.tsx';
import { currentLang, loadToolMessages, useMessages } from '../i18n/use-messages.ts';
import { loadTree } from '../tree-data.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { loadStepExtras, useLinkFacts, useStepExtras } from './step-extras-loader.ts';
import { authorWanted } from '../author/flag.ts';

/** The not-found pages are their own chunk: a step that exists never loads them. */
const notFound = () => Promise.all([import('../not-found-page.tsx'), loadToolMessages()]).then(([mod]) => mod);
const StepNotFound = lazy(() => notFound().then((m) => ({ default: m.StepNotFound })));
const TreeNotFound = lazy(() => notFound().then((m) => ({ default: m.TreeNotFound })));

/** An unknown tree, or an unknown step of a known one (a lazy chunk; nothing shows for the moment it loads). */
export function NotFound({ tree, step }: { tree: string | Tree; step?: string }) {
  return <Suspense fallback={null}>{typeof tree === 'string' ? <TreeNotFound treeId={tree} /> : <StepNotFound tree={tree} stepId={step ?? ''} />}</Suspense>;
}

/**
 * Loads the step's tree before the page renders (no loading placeholder, so
 * React paints the step as soon as the chunk is in; the chunk is preloaded
 * from index.html on a cold link). Resolves to null for an unknown tree.
 */
export function stepLoader({ params }: LoaderFunctionArgs): Promise<Tree> | null {
  const tree = loadTree(params.treeId ?? '', currentLang());
  if (!tree) return null;
  // The path, a link's facts and the walk behind the progress line come along (a hydrated first step
  // does without them: see step-extras-loader.ts). Either failing to load fails the page alike.
  return Promise.all([tree, loadStepExtras()]).then(([t]) => t);
}

/** `/t/:treeId/:stepId?trail=…` one step, openable cold from a pasted link. */
export function StepPage() {
  const { treeId = '', stepId = '' } = useParams();
  const tree = useLoaderData<typeof stepLoader>();
  if (!tree) return <NotFound tree={treeId} />;
  return <LoadedStep tree={tree} stepId={stepId} />;
}

/** The case's facts form is its own chunk (with the tool strings), loaded when the panel is opened. */
const CaseFacts = lazy(() => Promise.all([import('../cases/case-facts.tsx'), loadToolMessages()]).then(([mod]) => ({ default: mod.CaseFacts })));

/** The facts of the ticket, in a panel beside the step: closed at first, saying how many are known. */
function FactsPanel({ current }: { current: Case | undefined }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const known = current ? Object.values(current.facts).filter((f) => f?.value).length : 0;
  return (
    <details className="panel facts-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {m.caseFacts} <span className="muted small">{m.caseFactsKnown(known)}</span>
      </summary>
      {open && current && (
        <Suspense fallback={<p className="muted">{m.loading}</p>}>
          <CaseFacts current={current} />
        </Suspense>
      )}
    </details>
  );
}

/** The ticket summary (redaction, the summary writer, its strings) is its own chunk, loaded when first opened. */
const TicketSummary = lazy(() => Promise.all([import('../summary/ticket-summary.tsx'), loadToolMessages()]).then(([mod]) => ({ default: mod.TicketSummary })));

const NO_TICKS: Ticks = {};
const noSubscription = () => () => {};
const isClient = () => true;
const isServer = () => false;
function LoadedStep({ tree, stepId }: { tree: Tree; stepId: string }) {
  const [params] = useSearchParams();
  const trail = params.get('trail');
  const f = params.get('f');
  const { state } = useLocation();
  const factSource = ((state ?? {}) as NavState).factSource ?? 'link';
  const facts = useLinkFacts(tree, f, factSource);
  const result = useMemo(() => facts && decodeTrail(tree, stepId, trail, facts.given), [tree, stepId, trail, facts]);
  const navigate = useNavigate();
  const redirectedFrom = result?.ok ? result.redirectedFrom : undefined;
  const canonical = result?.ok ? result.session.visits[result.session.visits.length - 1]!.step : undefined;

  // A redirected id is replaced by its successor's URL; the notice travels in history state.
  useEffect(() => {
    if (redirectedFrom && canonical) {
      navigate(paths.step.href(tree.id, canonical, result?.ok && !result.trailDropped ? (trail ?? undefined) : undefined, f ?? undefined), {
        replace: true,
        state: { redirectedFrom, trailDropped: result?.ok ? result.trailDropped : undefined, factSource },
      });
    }
  }, [redirectedFrom, canonical, navigate, tree.id, trail, result, f, factSource]);

  // A link's facts are read by a chunk the loader has fetched (see step-extras-loader.ts): nothing shows for the moment it may not be.
  if (!facts || !result) return null;
  if (!result.ok) return <NotFound tree={tree} step={stepId} />;
  return <StepView key={canonical} tree={tree} session={result.session} trailDropped={result.trailDropped} hadTrail={!!trail} factsDropped={facts.dropped} />;
}

export interface NavState {
  redirectedFrom?: string;
  trailDropped?: 'invalid' | 'stale';
  /** Where the facts of the link came from: a pasted log, a code page (a plain link otherwise). */
  factSource?: FactSource;
  /** Facts of the entry link that the guide could not use, as written. */
  factsDropped?: string[];
  /** Facts of the entry link the guide does not read, for the case (a trace id). */
  otherFacts?: Partial<Record<FactKey, string>>;
}

function StepView({
  tree,
  session,
  trailDropped,
  hadTrail,
  factsDropped,
}: {
  tree: Tree;
  session: Session;
  trailDropped?: 'invalid' | 'stale' | undefined;
  hadTrail: boolean;
  factsDropped: string[];
}) {
  const m = useMessages();
  const location = useLocation();
  const nav = (location.state ?? {}) as NavState;
  const visits = session.visits;
  const current = visits[visits.length - 1]!;
  const step = tree.steps[current.step]!;
  const trail = encodeTrail(tree, session);
  const givenFacts = encodeFacts(session.given) || undefined;
  const theCase = useStepCase();
  const ticks = theCase?.ticks[stepKey(tree.id, step.id)]?.marks ?? NO_TICKS;
  const setMark = useCases((s) => s.setMark);
  const setPosition = useCases((s) => s.setPosition);
  // The author view (`?author=1`; a toggle on the dev server) comes with the extras, as its own chunk.
  const author = import.meta.env.DEV || authorWanted(location.search);
  const { extras, remaining } = useStepExtras(tree, session, author);
  const dropped = trailDropped ?? nav.trailDropped;
  const droppedFacts = [...(nav.factsDropped ?? []), ...factsDropped];
  const known = useMemo(() => knownAt(tree, session), [tree, session]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const navigationType = useNavigationType();
  const summaryId = useId();
  // Closed in the prerendered HTML (and so while hydrating); on an outcome it opens once the page is live.
  const live = useSyncExternalStore(noSubscription, isClient, isServer);
  const [summaryChoice, setSummaryOpen] = useState<boolean>();
  const summaryOpen = summaryChoice ?? (live && step.kind === 'outcome');

  useDocumentTitle(`${step.title} · ${tree.title}`);
  // Where the case is in this guide, recorded after the step has painted (storage is not on the way to the first paint).
  const caseId = theCase?.id;
  useEffect(() => {
    if (!caseId) return;
    const id = setTimeout(
      () => setPosition(caseId, { tree: tree.id, step: step.id, trail, ...(givenFacts ? { facts: givenFacts } : {}), title: step.title }),
      0,
    );
    return () => clearTimeout(id);
  }, [setPosition, caseId, tree.id, step.id, trail, givenFacts, step.title]);
  // A shared session link carries checklist marks: a case that has none for those steps takes them
  // from the link, so going back to a checklist shows what the sender marked.
  useEffect(() => {
    if (!caseId) return;
    const c = useCases.getState().cases[caseId];
    for (const v of visits) {
      if (!v.ticks || Object.keys(c?.ticks[stepKey(tree.id, v.step)]?.marks ?? {}).length > 0) continue;
      for (const [item, mark] of Object.entries(v.ticks)) setMark(caseId, tree.id, v.step, item, mark);
    }
  }, [visits, tree.id, caseId, setMark]);
  // Moving between steps moves focus to the new title, so keyboard and screen-reader users start there.
  // (Not on a fresh page load, which is a POP: the browser starts at the top as usual.)
  useEffect(() => {
    if (navigationType !== 'POP') headingRef.current?.focus();
  }, [step.id, navigationType]);

  // What the guide knows goes into the case (the facts a ticket summary and an escalation read), once per change.
  const setFact = useCases((s) => s.setFact);
  const otherFacts = nav.otherFacts;
  useEffect(() => {
    if (!caseId) return;
    const id = setTimeout(() => {
      const facts = useCases.getState().cases[caseId]?.facts ?? {};
      for (const [k, f] of Object.entries(known) as [FactKey, NonNullable<(typeof known)[FactKey]>][]) {
        if (facts[k]?.value !== f.value) setFact(caseId, k, f.value, f.source);
      }
      for (const [k, v] of Object.entries(otherFacts ?? {}) as [FactKey, string][]) if (!facts[k]) setFact(caseId, k, v, 'link');
    }, 0);
    return () => clearTimeout(id);
  }, [caseId, known, otherFacts, setFact]);

  const hrefAt = (index: number) => sessionHref(tree, backTo(session, index));
  const stepUrl = () => siteUrl(paths.step.href(tree.id, step.id), window.location.origin);
  const sessionUrl = () => siteUrl(sessionHref(tree, session), window.location.origin);

  return (
    <div className="page step-page">
      {/* In the prerendered markup too (disabled until the page has its case): the step does not move down when the app goes live. */}
      <CaseBar current={theCase} />
      {nav.redirectedFrom && <Notice>{m.redirected(nav.redirectedFrom)}</Notice>}
      {dropped && <Notice tone="warn">{dropped === 'invalid' ? m.trailInvalid : m.trailStale}</Notice>}
      {droppedFacts.length > 0 && <Notice tone="warn">{m.factsDropped(droppedFacts.join(', '))}</Notice>}
      {live && author && extras && (
        <Suspense fallback={null}>
          <extras.AuthorView tree={tree} session={session} />
        </Suspense>
      )}

      <p className="tree-name">
        <Link to={paths.tree.href(tree.id)}>{tree.title}</Link>
      </p>

      <div className="step-layout">
        <article
          className={`step step--${step.kind}${step.kind === 'outcome' ? ` step--${step.result}` : ''}`}
          data-step-kind={step.kind}
          aria-labelledby="step-title"
        >
          <p className="step__meta">
            <span className={`badge badge--${step.kind === 'outcome' ? step.result : step.kind}`}>
              {step.kind === 'outcome' ? m.result[step.result] : m.kind[step.kind]}
            </span>
            {visits.length > 1 || step.id === tree.start ? <span>{m.stepNumber(visits.length)}</span> : null}
            <span>{step.kind === 'outcome' ? m.lastStep : remaining === 'pending' ? null : m.remaining(remaining)}</span>
          </p>
          <h1 id="step-title" ref={headingRef} tabIndex={-1}>
            {step.title}
          </h1>
          {step.codes.length > 0 && (
            <p className="codes">
              <span className="visually-hidden">
                {m.handlesCodes}
                {m.labelColon}
              </span>
              {step.codes.map((c) => {
                const { platform, code } = parseCodeRef(c);
                return (
                  <Link key={c} className="code-chip" to={paths.code.href(platform, code)}>
                    <code>{code}</code>
                  </Link>
                );
              })}
            </p>
          )}
          <div className="prose">
            <Markdown md={step.body} />
          </div>
          <StepDetails step={step} tree={tree} ticks={ticks} onMark={theCase && ((item, mark) => setMark(theCase.id, tree.id, step.id, item, mark))} />
          {hasAnswers(step) && <Answers tree={tree} session={session} step={step} ticks={ticks} known={values(known)} />}
          <StepNote tree={tree} step={step} current={theCase} />
          <Sources tree={tree} step={step} />
        </article>

        <aside className="side">
          {visits.length === 1 && step.id !== tree.start && !dropped && !hadTrail && <p className="muted small">{m.openedAlone}</p>}
          {visits.length > 1 && extras && <extras.PathPanel tree={tree} session={session} />}
        </aside>
        {/* Its own column cell: beside the step on a wide screen, after it on a phone (the question comes first). */}
        {live && (
          <aside className="side side--facts" aria-label={m.caseFacts}>
            <FactsPanel current={theCase} />
          </aside>
        )}
      </div>

      <div className="toolbar" role="group" aria-label={m.stepActions}>
        {visits.length > 1 && (
          <Link className="button button--quiet" to={hrefAt(visits.length - 2)}>
            ← {m.back}
          </Link>
        )}
        <CopyButton label={m.copySessionLink} text={sessionUrl} primary />
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={summaryOpen}
          aria-controls={summaryId}
          onClick={() => setSummaryOpen(!summaryOpen)}
        >
          {m.ticketSummary}
        </button>
        {/* One primary action; the rest grouped, so the bar is one calm row on a phone too. */}
        <details className="toolbar__more" onKeyDown={closeOnEscape} onBlur={closeOnLeave}>
          <summary className="button button--quiet">{m.moreActions}</summary>
          <div className="toolbar__menu">
            {visits.length > 1 && <CopyButton label={m.copyStepLink} text={stepUrl} />}
            <Link className="button button--quiet" to={paths.map.href(tree.id, { step: step.id, trail })}>
              {m.mapLink}
            </Link>
            <Link className="button button--quiet" to={paths.analyze.href()}>
              {m.pasteLogCta}
            </Link>
            <Link className="button button--quiet" to={paths.tree.href(tree.id)}>
              {m.startOver}
            </Link>
          </div>
        </details>
      </div>

      <section id={summaryId} className="panel summary" aria-labelledby={`${summaryId}-title`} hidden={!summaryOpen}>
        <h2 id={`${summaryId}-title`}>{m.ticketSummary}</h2>
        {summaryOpen && (
          <Suspense fallback={<p className="muted">{m.loading}</p>}>
            <TicketSummary tree={tree} session={session} ticks={ticks} link={sessionUrl()} current={theCase} />
          </Suspense>
        )}
      </section>
    </div>
  );
}

/** The "More" menu closes on Escape (focus back on its summary) and when focus leaves it. */
function closeOnEscape(e: React.KeyboardEvent<HTMLDetailsElement>) {
  if (e.key !== 'Escape' || !e.currentTarget.open) return;
  e.currentTarget.open = false;
  e.currentTarget.querySelector('summary')?.focus();
}
function closeOnLeave(e: React.FocusEvent<HTMLDetailsElement>) {
  if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) e.currentTarget.open = false;
}

/**
 * The person's note on a step, in this case: kept in this browser (never in a
 * link), added to the ticket summary. It can be written once the page has its
 * case (like the ticket box): a note typed while the saved cases are still
 * being read would go to another case than the one the page then shows.
 */
function StepNote({ tree, step, current }: { tree: Tree; step: Step; current: Case | undefined }) {
  const m = useMessages();
  const note = current?.notes[stepKey(tree.id, step.id)]?.text ?? '';
  const setNote = useCases((s) => s.setNote);
  const printed = usePrintedNote(note);
  const id = useId();
  return (
    <div className={note ? 'note' : 'note note--empty'}>
      <label htmlFor={id} className="note__label">
        {m.notesLabel}
      </label>
      <p id={`${id}-hint`} className="muted small">
        {m.notesHint}
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        disabled={!current}
        onChange={(e) => current && setNote(current.id, tree.id, step.id, e.target.value)}
      />
      {/* A textarea prints clipped: print shows the note as text instead, masked like a ticket summary (see @media print). */}
      <p className="note__print" aria-hidden="true">
        {printed}
      </p>
    </div>
  );
}

/**
 * The note as it prints: masked like the ticket summary. The masking rules
 * are their own chunk, loaded once a step has a note (a step without one
 * never loads them); until then the printed note is left empty rather than
 * raw.
 */
function usePrintedNote(note: string): string {
  const m = useMessages();
  const [masked, setMasked] = useState<{ from: string; text: string }>({ from: '', text: '' });
  useEffect(() => {
    if (!note) return;
    let live = true;
    void import('../../engine/redact.ts').then(({ redact }) => {
      if (live) setMasked({ from: note, text: redact(note, m.printMask).text });
    });
    return () => {
      live = false;
    };
  }, [note, m.printMask]);
  return note && masked.from === note ? masked.text : '';
}

function StepDetails({
  step,
  tree,
  ticks,
  onMark,
}: {
  step: Step;
  tree: Tree;
  ticks: Ticks;
  onMark: ((item: string, mark: 'ok' | 'bad') => void) | undefined;
}) {
  const m = useMessages();
  if (step.kind === 'check') {
    return (
      <>
        <ProsePanel id="do-title" title={m.whatToDo} md={step.do} />
        <ProsePanel id="expect-title" title={m.howToTell} md={step.expect} expect />
      </>
    );
  }
  if (step.kind === 'checklist') {
    return (
      <section className="panel" aria-labelledby="do-title">
        <h2 id="do-title">{m.whatToDo}</h2>
        {step.do && (
          <div className="prose">
            <Markdown md={step.do} />
          </div>
        )}
        <Checklist key={`${tree.id}/${step.id}`} step={step} ticks={ticks} onMark={onMark} />
      </section>
    );
  }
  return null;
}

function Answers({ tree, session, step, ticks, known }: { tree: Tree; session: Session; step: Step; ticks: Ticks; known: ReturnType<typeof values> }) {
  const m = useMessages();
  if (!hasAnswers(step)) return null;
  const fits = fittingWhen(step, ticks);
  const open = openAnswers(step, known);
  return (
    <section className="answers" aria-labelledby="answers-title">
      <h2 id="answers-title">{m.yourAnswer}</h2>
      <ul>
        {open.map((a) => {
          const next = answer(tree, session, a.id, ticks);
          const href = next ? sessionHref(tree, next) : paths.step.href(tree.id, a.next);
          const fitting = fits !== undefined && a.when === fits;
          return (
            <li key={a.id}>
              <Link to={href} className={`answer${fitting ? ' answer--fits' : ''}`}>
                <span className="answer__label">{a.label}</span>
                {a.hint && <span className="answer__hint">{a.hint}</span>}
                {fitting && <span className="answer__fits">{m.fits}</span>}
                <span className="answer__arrow" aria-hidden="true">
                  →
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Sources({ tree, step }: { tree: Tree; step: Step }) {
  const m = useMessages();
  const sources = step.sources.map((s) => tree.sources[s] ?? { title: s });
  return <SourceList label={m.sources} sources={sources} newTab={m.opensInNewTab} />;
}
