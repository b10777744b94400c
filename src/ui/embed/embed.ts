import type { createBrowserRouter } from 'react-router';
import { codeLoaders, loaders } from 'virtual:content';
import { knownFacts, stepKey } from '../../engine/cases.ts';
import { findCode } from '../../engine/codes.ts';
import { cleanFactValue, FACT_KEYS, type FactValues } from '../../engine/facts.ts';
import type { Tree } from '../../engine/model.ts';
import { BASE, paths, siteUrl } from '../../engine/paths.ts';
import { buildSummary } from '../../engine/summary.ts';
import { decodeFacts } from '../../engine/fact-link.ts';
import { decodeTrail, sessionHref } from '../../engine/trail.ts';
import { useCases } from '../../store/cases.ts';
import { startCaseState } from '../cases/case-entry.ts';
import { currentLang } from '../i18n/use-messages.ts';
import { STEP_ROUTE_ID } from '../routes.tsx';
import { hasEmbedFlag } from './flag.ts';
import { keepEmbedded } from './keep.ts';
import { type AppToHost, EMBED_PROTOCOL, type EmbedStep, ERROR, HELLO, READY, START, STATE } from './messages.ts';
import { parseStepRef } from '../../engine/refs.ts';

/**
 * The app in a help desk's frame (`?embed=1`, docs/embedding.md,
 * docs/decisions/0015-embedding.md). Loaded by src/boot.tsx only when
 * embedded, so no other page carries it:
 *
 * - links that leave the app open in a new tab, not in the sidebar;
 * - the desk's page learns the step on screen, the case's facts, its ticket
 *   reference and the ticket summary whenever they change;
 * - the desk can start a guide with facts (platform, code, trace id…).
 *
 * Messages go to, and are taken from, the frame's parent only, and only when
 * its origin is one the build allows (`EMBED_ORIGINS`, none by default).
 */

/** Injected by vite.config.ts from `EMBED_ORIGINS` (src/content/embed-origins.ts). */
declare const __EMBED_ORIGINS__: readonly string[];

type Router = ReturnType<typeof createBrowserRouter>;

/** Changes closer together than this make one `state` message. */
const STATE_DELAY_MS = 150;

export function start(router: Router, allowed: readonly string[] = __EMBED_ORIGINS__): void {
  document.addEventListener('click', leaveInNewTab, true);
  keepEmbedded(router as never);
  // A page opened with ?embed=1 keeps it, even when a redirect ran before this code arrived.
  const { pathname, search, hash } = router.state.location;
  if (!hasEmbedFlag(search)) void router.navigate({ pathname, search, hash }, { replace: true });

  const parent = window.parent;
  if (parent === window || allowed.length === 0) return; // not framed, or no desk allowed: nothing to say, no one to hear

  // The desk's origin: the browser tells the frame its parent's origin (Chromium, Safari); else the
  // first message from an allowed origin tells it (a desk can send `hello`); the frame's referrer hints it.
  const ancestor = window.location.ancestorOrigins?.[0] ?? referrerOrigin();
  let host: string | undefined = ancestor && allowed.includes(ancestor) ? ancestor : undefined;
  if (window.location.ancestorOrigins && !host) return; // framed by a page the build does not allow (a host that cannot refuse framing)

  const post = (message: AppToHost) => host && parent.postMessage(message, host);
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sendState = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void currentState(router).then((state) => {
        const json = JSON.stringify(state);
        if (json === last) return;
        last = json;
        post(state);
      });
    }, STATE_DELAY_MS);
  };
  const greet = () => {
    post({ type: READY, protocol: EMBED_PROTOCOL, lang: currentLang() });
    last = '';
    sendState();
  };

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== parent || !allowed.includes(event.origin) || (host && event.origin !== host)) return;
    const data = event.data as { type?: unknown; tree?: unknown; ticket?: unknown; facts?: unknown } | null;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || !data.type.startsWith('troubleshooter:')) return;
    const first = !host;
    host = event.origin;
    if (data.type === HELLO || first) greet();
    if (data.type === START) void startGuide(router, data, (m) => post(m));
  });
  router.subscribe(sendState);
  useCases.subscribe(sendState);
  if (host) greet();
}

function referrerOrigin(): string | undefined {
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/** A link out of the app (a source, a vendor's page) opens in a new tab: the sidebar keeps the guide. */
function leaveInNewTab(event: MouseEvent): void {
  const a = (event.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement)) return;
  const url = new URL(a.href, window.location.href);
  if (url.origin === window.location.origin && url.pathname.startsWith(BASE)) return;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
}

/** What the desk is told: the step on screen, this tab's case, the summary. */
async function currentState(router: Router): Promise<AppToHost> {
  const s = useCases.getState();
  const theCase = s.ready && s.active ? s.cases[s.active] : undefined;
  const facts = knownFacts(theCase?.facts ?? {}) as Record<string, string>;
  const ticket = theCase?.ticket ?? '';
  const { location, matches, loaderData } = router.state;
  const match = matches.find((m) => m.route.id === STEP_ROUTE_ID);
  const tree = loaderData[STEP_ROUTE_ID] as Tree | null | undefined;
  const params = new URLSearchParams(location.search);
  // The step's facts and trail, as its page reads them: the link the desk gets replays the same path.
  const result = match && tree ? decodeTrail(tree, match.params.stepId ?? '', params.get('trail'), decodeFacts(tree, params.get('f')).given) : undefined;
  if (!tree || !result?.ok) return { type: STATE, step: null, ticket, facts, summary: null };
  const { session } = result;
  const current = tree.steps[session.visits[session.visits.length - 1]!.step]!;
  const href = sessionHref(tree, session);
  const step: EmbedStep = { tree: tree.id, guide: tree.title, step: current.id, title: current.title, url: siteUrl(href, window.location.origin) };
  const labels = (currentLang() === 'zh' ? (await import('../i18n/tools.zh.ts')).toolsZh : (await import('../i18n/tools.en.ts')).toolsEn).summary;
  const notes: Record<string, string> = {};
  for (const [key, note] of Object.entries(theCase?.notes ?? {}))
    if (key.startsWith(`${tree.id}/`) && note.text) notes[key.slice(tree.id.length + 1)] = note.text;
  const summary = buildSummary({
    tree,
    session,
    notes,
    findings: theCase?.findings ?? [],
    currentTicks: theCase?.ticks[stepKey(tree.id, current.id)]?.marks ?? {},
    link: step.url,
    date: new Date(),
    labels,
    ticket,
    facts,
  });
  return { type: STATE, step, ticket, facts, summary: summary.markdown };
}

/**
 * The desk's `start`: a new case with its facts, on the guide it names or the
 * one its error code leads to. The frame goes to `/t/<guide>?<fact>=<value>…`
 * (facts in the URL, as any link may carry them) and the case starts with them.
 */
async function startGuide(router: Router, data: { tree?: unknown; ticket?: unknown; facts?: unknown }, reply: (m: AppToHost) => void): Promise<void> {
  const facts: FactValues = {};
  const raw = data.facts && typeof data.facts === 'object' ? (data.facts as Record<string, unknown>) : {};
  for (const key of FACT_KEYS) {
    const value = typeof raw[key] === 'string' ? cleanFactValue(raw[key]) : undefined;
    if (value) facts[key] = { value, source: 'link' };
  }
  const ticket = typeof data.ticket === 'string' ? data.ticket : undefined;
  if ((data.tree !== undefined && typeof data.tree !== 'string') || (data.facts !== undefined && (typeof data.facts !== 'object' || data.facts === null))) {
    return reply({ type: ERROR, reason: 'bad-message', message: 'start takes { tree?: string, ticket?: string, facts?: { platform, code, traceId, … } }' });
  }
  const tree = typeof data.tree === 'string' ? (Object.hasOwn(loaders, data.tree) ? data.tree : undefined) : await guideForCode(facts.code?.value);
  if (!tree)
    return reply({
      type: ERROR,
      reason: 'unknown-guide',
      message: `No guide fits ${data.tree ? `"${String(data.tree)}"` : facts.code ? `the code "${facts.code.value}"` : 'a start without a guide or a code'}.`,
    });
  const query = new URLSearchParams();
  for (const key of FACT_KEYS) if (facts[key]) query.set(key, facts[key].value);
  const q = query.toString();
  await router.navigate(`${paths.tree.href(tree)}${q ? `?${q}` : ''}`, { state: startCaseState({ facts, ...(ticket ? { ticket } : {}) }) });
}

/** The one guide an error code leads to, in any platform's table; none when no code or no single guide. */
async function guideForCode(code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  const index = (await (codeLoaders[currentLang()] ?? codeLoaders.en!)()).default;
  const guides = new Set<string>();
  for (const table of index.tables) {
    const step = findCode(index, table.platform, code)?.step;
    if (step) guides.add(parseStepRef(step).tree);
  }
  return guides.size === 1 ? [...guides][0] : undefined;
}
