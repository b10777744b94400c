import { describe, expect, it } from 'vitest';
import { demoTree } from '../test/demo-tree.ts';
import { pathsToOutcomes } from './graph.ts';
import { resolveStep } from './redirects.ts';
import { answer, startSession, type Session } from './session.ts';
import { decodeTrail, encodeTrail, MAX_TRAIL_LENGTH } from './trail.ts';

const tree = demoTree();
const walk = (...answers: [string, Record<string, 'ok' | 'bad'>?][]): Session =>
  answers.reduce<Session>((s, [a, ticks]) => answer(tree, s, a, ticks)!, startSession(tree));

describe('trail encoding', () => {
  it('encodes answers in order, with checklist marks', () => {
    expect(encodeTrail(tree, startSession(tree))).toBe('');
    expect(encodeTrail(tree, walk(['a'], ['pass']))).toBe('a.pass');
    expect(encodeTrail(tree, walk(['b'], ['differs', { one: 'ok', three: 'bad' }]))).toBe('b.differs_y-n');
    expect(encodeTrail(tree, walk(['b'], ['differs', { one: 'ok' }]))).toBe('b.differs_y');
  });

  it('round-trips every path of the tree', () => {
    for (const path of pathsToOutcomes(tree)) {
      const s = path.slice(0, -1).reduce<Session>((acc, p) => answer(tree, acc, p.answer!)!, startSession(tree));
      const last = path[path.length - 1]!.step;
      const decoded = decodeTrail(tree, last, encodeTrail(tree, s));
      expect(decoded).toEqual({ ok: true, session: s });
    }
  });

  it('starts the trail with ~step when the session began part-way into the tree', () => {
    const alone: Session = { tree: tree.id, visits: [{ step: 'list-b' as Session['visits'][0]['step'] }] };
    expect(encodeTrail(tree, alone)).toBe('');
    const on = answer(tree, alone, 'differs', { two: 'bad' })!;
    expect(encodeTrail(tree, on)).toBe('~list-b.differs_-n');
    expect(decodeTrail(tree, 'fix-a', '~list-b.differs_-n')).toEqual({ ok: true, session: on });
  });

  it('reads a ~step start through a redirect, and drops one that names no step', () => {
    const renamed = { ...tree, redirects: { 'old-list': 'list-b' as Session['visits'][0]['step'] } };
    const decoded = decodeTrail(renamed, 'retest', '~old-list.match');
    expect(decoded.ok && decoded.session.visits.map((v) => v.step)).toEqual(['list-b', 'retest']);
    expect(decodeTrail(tree, 'retest', '~no-such-step.match')).toMatchObject({ ok: true, trailDropped: 'stale' });
    expect(decodeTrail(tree, 'retest', '~Bad_Id!.match')).toMatchObject({ ok: true, trailDropped: 'invalid' });
  });

  it('round-trips checklist marks', () => {
    const s = walk(['b'], ['match', { one: 'ok', two: 'ok', three: 'ok' }]);
    expect(decodeTrail(tree, 'retest', encodeTrail(tree, s))).toEqual({ ok: true, session: s });
  });
});

describe('decodeTrail', () => {
  it('opens a step alone when there is no trail', () => {
    expect(decodeTrail(tree, 'retest', null)).toEqual({ ok: true, session: { tree: 'demo', visits: [{ step: 'retest' }] } });
    expect(decodeTrail(tree, 'first', '')).toEqual({ ok: true, session: startSession(tree) });
  });

  it('reports an unknown step', () => {
    expect(decodeTrail(tree, 'nope', 'a')).toEqual({ ok: false, reason: 'unknown-step' });
    expect(decodeTrail(tree, '__proto__', null)).toEqual({ ok: false, reason: 'unknown-step' });
    expect(decodeTrail(tree, 'constructor', null)).toEqual({ ok: false, reason: 'unknown-step' });
  });

  it('follows redirects, through chains', () => {
    expect(resolveStep(tree, 'older-check')).toEqual({ step: 'check-a', redirectedFrom: 'older-check' });
    const d = decodeTrail(tree, 'old-check', 'a');
    expect(d).toEqual({ ok: true, session: walk(['a']), redirectedFrom: 'old-check' });
  });

  it('drops a tampered trail with a notice, never throwing', () => {
    const alone = { tree: 'demo', visits: [{ step: 'retest' }] };
    for (const bad of ['<script>', 'a..pass', 'A.PASS', 'a.pass_', '%00', 'a.pass_yyyyyyyyy', '.', 'a.'.repeat(300)]) {
      const d = decodeTrail(tree, 'retest', bad);
      expect(d.ok && d.trailDropped, bad).toBeTruthy();
      expect(d.ok && d.session, bad).toEqual(alone);
    }
    expect(decodeTrail(tree, 'retest', 'x'.repeat(MAX_TRAIL_LENGTH + 1))).toMatchObject({ trailDropped: 'invalid' });
  });

  it('drops a stale trail: one that no longer leads to the step', () => {
    expect(decodeTrail(tree, 'retest', 'a.fail')).toMatchObject({ ok: true, trailDropped: 'stale' });
    expect(decodeTrail(tree, 'retest', 'a.gone')).toMatchObject({ ok: true, trailDropped: 'stale' });
    expect(decodeTrail(tree, 'retest', 'a.pass_yy')).toMatchObject({ ok: true, trailDropped: 'stale' });
  });

  it('replays loops back to the start', () => {
    const s = walk(['a'], ['pass'], ['again'], ['b']);
    expect(decodeTrail(tree, 'list-b', 'a.pass.again.b')).toEqual({ ok: true, session: s });
  });
});
