import { describe, expect, it } from 'vitest';
import { demoTree } from '../test/demo-tree.ts';
import { decodeFacts, entryFacts } from './fact-link.ts';
import { encodeFacts } from './trail.ts';
import { codePageFacts } from './handoff.ts';
import type { CodeEntry } from './model.ts';
import { answer, autoAnswer, backTo, knownAt, openAnswers, startSession, values, wasAuto, type GivenFacts } from './session.ts';
import { decodeTrail, encodeTrail, sessionHref } from './trail.ts';

const tree = demoTree('facts');
const fromLink = (f: Record<string, string>): GivenFacts => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, { value: v, source: 'link' }]));
const steps = (s: { visits: { step: string }[] }) => s.visits.map((v) => v.step);

describe('known facts in a session', () => {
  it('without facts, asks every question', () => {
    expect(steps(startSession(tree))).toEqual(['which-platform']);
  });

  it('passes the steps that given facts answer, and lands on the first it cannot', () => {
    const s = startSession(tree, fromLink({ platform: 'ios', code: '7003' }));
    expect(steps(s)).toEqual(['which-platform', 'find-log', 'which-code', 'check-clock']);
    expect([0, 1, 2].map((i) => wasAuto(tree, s, i))).toEqual([true, true, true]);
    expect(sessionHref(tree, s)).toBe('/t/demo/check-clock?f=platform:ios,code:7003&trail=ios.found.clock');
  });

  it('stops at a question a given fact does not decide', () => {
    // The platform is unknown: the first question is asked; the code then passes the rest.
    const s = startSession(tree, fromLink({ code: '7014' }));
    expect(steps(s)).toEqual(['which-platform']);
    const next = answer(tree, s, 'android')!;
    expect(steps(next)).toEqual(['which-platform', 'find-log', 'which-code', 'check-sign']);
    expect(wasAuto(tree, next, 0)).toBe(false);
    expect(wasAuto(tree, next, 1)).toBe(true);
  });

  it('closes answers that contradict what is known, and opens "otherwise" when nothing else holds', () => {
    const which = tree.steps['which-code']!;
    expect(openAnswers(which, { code: '1234' }).map((a) => a.id)).toEqual(['other']);
    expect(openAnswers(which, {}).map((a) => a.id)).toEqual(['clock', 'sign', 'other']);
    expect(openAnswers(tree.steps['which-platform']!, { platform: 'android' }).map((a) => a.id)).toEqual(['android']);
    // An answer the facts close cannot be given.
    expect(answer(tree, startSession(tree, fromLink({ platform: 'android' })), 'ios')).toBeUndefined();
    // A step that asks nothing never passes by itself.
    expect(autoAnswer(tree.steps['check-clock']!, { platform: 'ios', code: '7003' })).toBeUndefined();
  });

  it('learns facts from answers and forgets those an answer makes stale', () => {
    let s = startSession(tree, fromLink({ code: '7003' }));
    s = answer(tree, s, 'ios')!;
    expect(knownAt(tree, s).platform).toEqual({ value: 'ios', source: 'answer', visit: 0 });
    s = answer(tree, s, 'ok')!; // clock is right → retest
    s = answer(tree, s, 'changed')!; // another code now: the code is forgotten, so the code question is asked
    expect(steps(s).at(-1)).toBe('which-code');
    expect(values(knownAt(tree, s))).toEqual({ platform: 'ios' });
  });

  it('replays a shared link to the same path, facts and all', () => {
    const s = startSession(tree, fromLink({ platform: 'ios', code: '7003' }));
    const { given } = decodeFacts(tree, encodeFacts(s.given));
    expect(decodeTrail(tree, 'check-clock', encodeTrail(tree, s), given)).toEqual({ ok: true, session: s });
    // Without the facts the same trail still replays (its answers are all open), but no step passed by itself.
    const bare = decodeTrail(tree, 'check-clock', encodeTrail(tree, s));
    expect(bare.ok && bare.session.visits.map((_, i) => wasAuto(tree, bare.session, i))).toEqual([false, false, false, false]);
    // With other facts, it does not: the trail is dropped as stale.
    const other = decodeFacts(tree, 'platform:android').given;
    expect(decodeTrail(tree, 'check-clock', encodeTrail(tree, s), other)).toMatchObject({ ok: true, trailDropped: 'stale' });
  });

  it('going back to a passed step keeps the facts, so the link reopens it with them', () => {
    const s = startSession(tree, fromLink({ platform: 'ios', code: '7003' }));
    expect(sessionHref(tree, backTo(s, 1))).toBe('/t/demo/find-log?f=platform:ios,code:7003&trail=ios');
  });
});

describe('facts in a link', () => {
  it('reads f= and plain parameters, keeping what the tree reads', () => {
    const read = entryFacts(tree, new URLSearchParams('platform=ios&code=7003&traceId=0a1d76&embed=1'));
    expect(read.given).toEqual(fromLink({ platform: 'ios', code: '7003' }));
    expect(read.other).toEqual({ traceId: '0a1d76' });
    expect(read.dropped).toEqual([]);
  });

  it('drops, and names, what the tree does not allow', () => {
    const read = decodeFacts(tree, 'platform:windows,colour:red,code:7003,cloud:public,code:<b>');
    expect(read.given).toEqual(fromLink({ code: '7003' }));
    expect(read.other).toEqual({ cloud: 'public' });
    expect(read.dropped).toEqual(['platform:windows', 'colour:red', 'code:<b>']);
  });

  it('writes facts in one order, so the same facts make the same link', () => {
    expect(encodeFacts({ code: { value: '7003', source: 'log' }, platform: { value: 'ios', source: 'log' } })).toBe('platform:ios,code:7003');
    expect(encodeFacts(undefined)).toBe('');
  });

  it('reads nothing of an over-long list', () => {
    expect(decodeFacts(tree, `code:${'7'.repeat(2000)}`).given).toEqual({});
  });
});

describe('what a code page tells a guide', () => {
  const row = (over: Partial<CodeEntry>): CodeEntry => ({
    platform: 'aliyun',
    code: 'x',
    group: 'client',
    title: '',
    meaning: [],
    action: [],
    retry: 'fix-request',
    sources: [],
    search: '',
    ...over,
  });

  it('the code, a client table’s platform and a single HTTP status', () => {
    expect(codePageFacts(row({ code: 'SignatureNonceUsed', http: [400] }), 'SignatureNonceUsed')).toEqual({ code: 'SignatureNonceUsed', http: '400' });
    expect(codePageFacts(row({ platform: 'mpaas-ios', code: '7003' }), '7003')).toEqual({ code: '7003', platform: 'ios' });
    expect(codePageFacts(row({ platform: 'mpaas', code: '3002', http: [400, 500] }), '3002')).toEqual({ code: '3002' });
  });

  it('a sub-code row tells the sub-code', () => {
    expect(codePageFacts(row({ platform: 'top', code: 'isv.invalid-parameter', fact: 'subCode' }), 'isv.invalid-parameter')).toEqual({
      subCode: 'isv.invalid-parameter',
    });
  });

  it('for a pattern row, the code asked for, never the pattern', () => {
    expect(codePageFacts(row({ code: 'Missing{ParameterName}' }), 'MissingAppKey')).toEqual({ code: 'MissingAppKey' });
    expect(codePageFacts(row({ code: 'Missing{ParameterName}' }), 'Missing{ParameterName}')).toEqual({});
  });

  it('for a row whose code is a sentence, its first alias that is a code name', () => {
    expect(codePageFacts(row({ code: 'Specified Pushtime can not be after seven days', aliases: ['PushTimeTlloLate'] }), 'x')).toEqual({
      code: 'PushTimeTlloLate',
    });
    expect(codePageFacts(row({ code: 'Not a code name' }), 'x')).toEqual({});
  });
});
