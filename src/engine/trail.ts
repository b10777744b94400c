import { FACT_KEYS } from './facts.ts';
import type { ItemState, Step, Tree } from './model.ts';
import { resolveStep } from './redirects.ts';
import { trimEndChars } from './strings.ts';
import { paths } from './paths.ts';
import { answerOnly, type GivenFacts, type Session, type Ticks } from './session.ts';

/**
 * A trail is the answers that led to a step, in order, from the start:
 * `ios.fails.7xxx.differs_yyn`. Each segment is an answer id; on a checklist
 * it is followed by `_` and one mark per item (`y` OK, `n` not OK, `-` unmarked).
 * Answer ids are permanent, so a trail keeps working as content grows; a
 * trail that no longer replays to its step is dropped with a notice.
 *
 * A session that began part-way into the tree (a step opened from the
 * analyzer, a code page or a pasted link) starts its trail with `~` and that
 * step's id: `~check-sign.fixed`. Step ids are permanent too (redirects), so
 * such a trail keeps working as well.
 */

const SEGMENT = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:_([yn-]{1,64}))?$/;
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longer input is not a trail anyone made: drop it without parsing. */
export const MAX_TRAIL_LENGTH = 4000;
const MAX_SEGMENTS = 500;

const MARK: Record<ItemState, string> = { ok: 'y', bad: 'n' };

function marks(step: Step, ticks: Ticks | undefined): string {
  if (step.kind !== 'checklist' || !ticks) return '';
  const all = step.items.map((item) => (ticks[item.id] ? MARK[ticks[item.id]!] : '-')).join('');
  const s = trimEndChars(all, '-');
  return s ? `_${s}` : '';
}

const FROM = '~';

/** The trail string for a session (everything before the current step). */
export function encodeTrail(tree: Tree, session: Session): string {
  const done = session.visits.slice(0, -1);
  if (done.length === 0) return '';
  const answers = done.map((v) => `${v.answer ?? ''}${marks(tree.steps[v.step]!, v.ticks)}`);
  const first = session.visits[0]!.step;
  return (first === tree.start ? answers : [`${FROM}${first}`, ...answers]).join('.');
}

/** The URL of a session's current step, with the facts it was given and the trail that led there. */
export function sessionHref(tree: Tree, session: Session): string {
  return paths.step.href(tree.id, session.visits[session.visits.length - 1]!.step, encodeTrail(tree, session), encodeFacts(session.given));
}

export type TrailResult = { ok: true; session: Session; redirectedFrom?: string; trailDropped?: 'invalid' | 'stale' } | { ok: false; reason: 'unknown-step' };

/**
 * Rebuilds the session a step URL describes.
 * A bad or stale trail never fails: the step opens on its own and
 * `trailDropped` says why the earlier steps are not shown.
 */
export function decodeTrail(tree: Tree, stepId: string, trail: string | null | undefined, given?: GivenFacts): TrailResult {
  const resolved = resolveStep(tree, stepId);
  if (!resolved) return { ok: false, reason: 'unknown-step' };
  const withGiven = given && Object.keys(given).length > 0 ? { given } : {};
  const alone: Session = { tree: tree.id, visits: [{ step: resolved.step }], ...withGiven };
  const base = resolved.redirectedFrom ? { redirectedFrom: resolved.redirectedFrom } : {};
  if (trail === null || trail === undefined || trail === '') return { ok: true, session: alone, ...base };
  const replayed = replay(tree, trail, withGiven);
  if (replayed === 'invalid') return { ok: true, session: alone, ...base, trailDropped: 'invalid' };
  const end = replayed?.visits[replayed.visits.length - 1]?.step;
  if (!replayed || end !== resolved.step) return { ok: true, session: alone, ...base, trailDropped: 'stale' };
  return { ok: true, session: replayed, ...base };
}

function replay(tree: Tree, trail: string, withGiven: { given?: GivenFacts }): Session | 'invalid' | undefined {
  if (trail.length > MAX_TRAIL_LENGTH) return 'invalid';
  const segments = trail.split('.');
  if (segments.length > MAX_SEGMENTS) return 'invalid';
  let session: Session | undefined = { tree: tree.id, visits: [{ step: tree.start }], ...withGiven };
  if (segments[0]?.startsWith(FROM)) {
    const from = segments.shift()!.slice(FROM.length);
    if (!STEP_ID.test(from)) return 'invalid';
    const resolved = resolveStep(tree, from);
    if (!resolved) return undefined;
    session = { tree: tree.id, visits: [{ step: resolved.step }], ...withGiven };
  }
  for (const segment of segments) {
    const m = SEGMENT.exec(segment);
    if (!m) return 'invalid';
    const step: Step = tree.steps[session.visits[session.visits.length - 1]!.step]!;
    let ticks: Ticks | undefined;
    if (m[2] !== undefined) {
      if (step.kind !== 'checklist' || m[2].length > step.items.length) return undefined;
      ticks = {};
      [...m[2]].forEach((c, i) => {
        if (c !== '-') ticks![step.items[i]!.id] = c === 'y' ? 'ok' : 'bad';
      });
    }
    session = answerOnly(tree, session, m[1]!, ticks);
    if (!session) return undefined;
  }
  return session;
}

/** Facts in a link (src/engine/fact-link.ts reads them): `platform:ios,code:7003`, in a fixed order so that the same facts make the same link. */
export function encodeFacts(given: GivenFacts | undefined): string {
  if (!given) return '';
  return FACT_KEYS.flatMap((k) => (given[k] ? [`${k}:${given[k].value}`] : [])).join(',');
}
