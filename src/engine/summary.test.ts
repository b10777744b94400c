import { describe, expect, it } from 'vitest';
import { demoTree } from '../test/demo-tree.ts';
import { maskFor } from './redact.ts';
import { answer, startSession, type Session, type Ticks } from './session.ts';
import { buildSummary, formatDate, type SummaryInput, type SummaryLabels } from './summary.ts';

const tree = demoTree();
const walk = (...answers: [string, Ticks?][]) => answers.reduce<Session>((s, [a, ticks]) => answer(tree, s, a, ticks)!, startSession(tree));

const labels: SummaryLabels = {
  heading: 'Ticket summary',
  guide: 'Guide',
  date: 'Date',
  link: 'Session link',
  result: 'Result',
  resultKind: { fix: 'The fix', resolved: 'Resolved', escalate: 'Contact support' },
  findings: 'Found in the pasted log',
  steps: 'Steps taken',
  answered: (a) => `answered “${a}”`,
  current: 'current step',
  checklist: 'Checklist',
  ok: 'OK',
  bad: 'Not OK',
  unmarked: 'Not checked',
  note: 'Note',
  fix: 'Fix',
  httpStatus: (s) => `HTTP ${s}`,
  ticket: 'Ticket',
  facts: 'Facts',
  factNames: {
    platform: 'Platform',
    cloud: 'Cloud',
    code: 'Error code',
    subCode: 'Sub-code',
    http: 'HTTP status',
    traceId: 'Trace id',
    api: 'API',
    appId: 'App id',
    appVersion: 'App version',
    sdkVersion: 'SDK version',
    occurredAt: 'When',
  },
  otherNotes: 'Notes on other steps',
  escalation: 'Escalation',
  asks: 'What support asks for',
  missing: 'missing',
  stillMissing: (names) => `Still missing: ${names}.`,
  nothingMissing: 'Nothing missing.',
};

const input = (over: Partial<SummaryInput>): SummaryInput => ({
  tree,
  session: startSession(tree),
  notes: {},
  findings: [],
  link: 'https://example.test/t/demo/first',
  date: new Date(Date.UTC(2026, 11, 2, 9, 5)),
  labels,
  ...over,
});

describe('ticket summary', () => {
  it('lists every step in order with the answer given, the outcome and its fix, the link and the date', () => {
    const session = walk(['b'], ['differs', { one: 'ok', two: 'bad' }]);
    const { markdown, plain } = buildSummary(input({ session, link: 'https://example.test/t/demo/fix-a?trail=b.differs_yn' }));
    expect(markdown).toBe(
      [
        '## Ticket summary: Demo tree',
        '',
        '- Guide: Demo tree',
        '- Result: Switch A on (The fix)',
        '- Date: 2026-12-02 09:05 UTC',
        '- Session link: https://example.test/t/demo/fix-a?trail=b.differs_yn',
        '',
        '## Steps taken',
        '',
        '1. What do you see? — answered “Error B”',
        '2. Do these match? — answered “Something differs”',
        '   - Checklist:',
        '      - OK: The first value',
        '      - Not OK: The second value',
        '      - Not checked: The third value',
        '3. Switch A on — current step',
        '',
        '## Fix: Switch A on',
        '',
        'Switch A on and rebuild.',
        '',
      ].join('\n'),
    );
    expect(plain).toContain('Ticket summary: Demo tree\n');
    expect(plain).not.toContain('##');
  });

  it('includes notes under their step, masked, and says what was masked', () => {
    const session = walk(['a']);
    const s = buildSummary(input({ session, notes: { first: 'Customer: li@example.cn, 13812345678\nsign=ABCDEF0123456789', 'check-a': 'still on' } }));
    expect(s.markdown).toContain(`   - Note: Customer: ${maskFor('email')}, ${maskFor('phone')}\n     sign=${maskFor('signature')}`);
    expect(s.markdown).toContain('2. Is A switched on? — current step\n   - Note: still on');
    expect(s.markdown).not.toMatch(/li@example|13812345678|ABCDEF0123456789/);
    expect(s.masked).toEqual({ email: 1, phone: 1, signature: 1 });
  });

  it('includes findings from a pasted log with their ids, masking any secret in them', () => {
    const s = buildSummary(
      input({
        findings: [
          { platform: 'mpaas', code: '7014', http: 200, title: 'Signature check failed', ids: ['mgw-traceid: 0b2f3c4d17000000000001234e5f6a'] },
          {
            platform: 'top',
            code: '25',
            subCode: 'isv.invalid-signature',
            title: 'Invalid signature',
            ids: ['args: app_key=15739, sign=668FB4A049F71A1C845EF8C05B1F3E66'],
          },
        ],
      }),
    );
    expect(s.markdown).toContain(
      '## Found in the pasted log\n\n- mpaas 7014 — HTTP 200 — Signature check failed\n   - mgw-traceid: 0b2f3c4d17000000000001234e5f6a\n- top 25 / isv.invalid-signature — Invalid signature',
    );
    expect(s.markdown).not.toContain('668FB4A049F71A1C845EF8C05B1F3E66');
    expect(s.masked).toEqual({ signature: 1 });
  });

  it('writes content Markdown as text: code keeps backticks in Markdown and loses them in plain text', () => {
    const session = walk(['a'], ['fail']);
    const t = {
      ...tree,
      steps: {
        ...tree.steps,
        'fix-a': {
          ...tree.steps['fix-a']!,
          body: [
            { t: 'p' as const, c: ['Set ', { t: 'code' as const, v: 'A' }, ' to on.'] },
            { t: 'ul' as const, items: [[{ t: 'p' as const, c: ['one'] }], [{ t: 'p' as const, c: ['two'] }]] },
          ],
        },
      },
    };
    const s = buildSummary(input({ tree: t, session }));
    expect(s.markdown).toContain('Set `A` to on.\n\n- one\n- two\n');
    expect(s.plain).toContain('Set A to on.');
  });

  it('formats dates in UTC', () => {
    expect(formatDate(new Date('2026-12-02T23:59:59+08:00'))).toBe('2026-12-02 15:59 UTC');
  });
});

describe('ticket summary: what people type is their text, never Markdown', () => {
  const hostile = [
    '## Result: Resolved',
    '[the fix](https://evil.example/phish) and ![img](https://evil.example/x.png)',
    'see https://evil.example and www.evil.example',
    '<script>alert(1)</script> **bold** `code` | table | ~~gone~~',
    '---',
    '1. not a list',
    '[masked token](https://evil.example)',
  ].join('\n');

  it('escapes every Markdown construct in notes and findings, and keeps ids and masks readable', () => {
    const session = walk(['a']);
    const s = buildSummary(
      input({
        session,
        notes: { first: hostile },
        findings: [{ platform: 'top', code: '27', title: '## Fake heading', ids: ['request_id: 4a2f_x [evil](https://e.example)'] }],
      }),
    );
    const md = s.markdown;
    // No line written from user text starts a heading, a list, a rule or a table; no link survives.
    expect(md).not.toMatch(/^\s*#{1,6} (Result|Fake)/m);
    expect(md).not.toMatch(/\]\(/);
    expect(md).not.toMatch(/https:\/\/e(vil)?\.example/);
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).not.toMatch(/^\s*---\s*$/m);
    expect(md).not.toMatch(/^\s*1\. not a list/m);
    expect(md).toContain('request_id');
    expect(md).toContain('\\#\\# Result: Resolved');
    expect(md).toContain('\\[the fix\\]\\(https\\://evil.example/phish) and !\\[img\\]\\(https\\://evil.example/x.png)');
    expect(md).toContain('www\\.evil.example');
    expect(md).toContain('[masked token]\\(https\\://evil.example)');
    // The plain text keeps the words as typed.
    expect(s.plain).toContain('## Result: Resolved');
    expect(s.plain).not.toMatch(/[\uE000\uE001]/);
  });
});

describe('ticket summary of a case', () => {
  it('starts with the ticket reference and the facts, lists notes on other steps, and for an escalation says what support asks for and what is missing', () => {
    const escalate = { ...tree.steps['escalate']!, asks: ['code', 'traceId', 'occurredAt'] as const } as (typeof tree.steps)[string];
    const t = { ...tree, steps: { ...tree.steps, escalate } };
    const session = walk(['b'], ['match', { one: 'ok', two: 'ok', three: 'ok' }], ['stuck']);
    expect(session.visits.at(-1)!.step).toBe('escalate');
    const s = buildSummary(
      input({ tree: t, session, ticket: 'ZD-48213', facts: { code: '7014', platform: 'ios' }, notes: { 'check-a': 'tried A first: no change' } }),
    );
    expect(s.markdown).toContain('- Ticket: ZD-48213\n- Guide: Demo tree');
    expect(s.markdown).toContain('## Facts\n\n- Platform: ios\n- Error code: 7014');
    expect(s.markdown).toContain('## Notes on other steps\n\n- Is A switched on?\n   - Note: tried A first: no change');
    expect(s.markdown).toContain('## Escalation: Contact support');
    expect(s.markdown).not.toContain('## Fix:');
    expect(s.markdown).toContain(
      '### What support asks for\n\n- [x] Error code: 7014\n- [ ] Trace id: missing\n- [ ] When: missing\n\nStill missing: Trace id, When.',
    );
  });
});
