import { describe, expect, it } from 'vitest';
import { coveringWalks, reachableSteps } from '../engine/graph.ts';
import { answer, startSession, type Session } from '../engine/session.ts';
import { decodeTrail, encodeTrail } from '../engine/trail.ts';
import { compileTree } from './compile.ts';
import { formatError } from './errors.ts';
import { loadContent } from './load.ts';
import { markdownText } from '../engine/markdown-text.ts';

/** Graph tests generated from the real content: they grow with every tree. */
const { trees, errors } = loadContent(process.cwd());

it('content/ validates without a problem', () => {
  expect(errors.map(formatError)).toEqual([]);
  expect(trees.length).toBeGreaterThan(0);
});

for (const parsed of trees) {
  const tree = compileTree(parsed.tree!, 'en');
  describe(`tree ${tree.id}`, () => {
    const all = Object.keys(tree.steps).sort();
    // Walks from the start to an outcome that together pass every step.
    const paths = coveringWalks(tree);

    it('reaches every step from the start', () => {
      expect([...reachableSteps(tree)].sort()).toEqual(all);
    });

    it('has, for every step, a walk from the start through it to an outcome', () => {
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) expect(tree.steps[p[p.length - 1]!.step]!.kind).toBe('outcome');
      const onPaths = new Set(paths.flatMap((p) => p.map((s) => s.step)));
      expect([...onPaths].sort()).toEqual(all);
    });

    it('replays the trail of each of those walks to its outcome', () => {
      for (const p of paths) {
        // A person answers the hops that are not automatic; the others pass by themselves on the way.
        const s = p.slice(0, -1).filter((hop) => !hop.auto).reduce<Session>((acc, hop) => answer(tree, acc, hop.answer!)!, startSession(tree));
        expect(s.visits.map((v) => v.step)).toEqual(p.map((hop) => hop.step));
        const end = p[p.length - 1]!.step;
        expect(decodeTrail(tree, end, encodeTrail(tree, s))).toEqual({ ok: true, session: s });
      }
    });
  });
}

/** Everything a tree shows, as plain text, for coverage checks. */
function treeText(id: string): string {
  const parsed = trees.find((t) => t.tree?.id === id);
  if (!parsed) return '';
  const tree = compileTree(parsed.tree!, 'en');
  const parts: string[] = [tree.title, tree.symptom];
  for (const step of Object.values(tree.steps)) {
    parts.push(step.title, markdownText(step.body ?? []), step.codes.join(' '));
    if (step.kind === 'check') parts.push(markdownText(step.do), markdownText(step.expect));
    if (step.kind === 'checklist') parts.push(markdownText(step.do ?? []), ...step.items.map((i) => `${i.label} ${markdownText(i.hint ?? [])}`));
    if (step.kind !== 'outcome') parts.push(...step.answers.map((a) => `${a.label} ${a.hint ?? ''}`));
  }
  return parts.join('\n');
}

describe('the mPaaS "System busy" tree covers every check of seed 000 and EXTRA-SOURCES', () => {
  const text = treeText('mpaas-system-busy');
  const mustShow = [
    // Symptom and cause
    'System busy. Please try again later.',
    '网络不给力',
    'alipay.client.getUnionResource',
    // Finding the RPC response; both example lines, with memo/tips decoded
    'Xcode console',
    'RPC Exception',
    '"result-status" = 1000',
    '"result-status" = 7014',
    'mgw-traceid',
    '验签RPC接口 加签数据为空',
    // 7XXX
    '7000',
    '7001',
    '7002',
    '7003',
    '7007',
    '7014',
    'Public key not set',
    'Insufficient parameters for signature verification',
    'Signature verification failed',
    'timeliness',
    'missing ts parameter',
    'missing sign parameter',
    'Code Configuration',
    'Bundle Identifier',
    'Info.plist',
    'meta.config',
    '8 hours',
    '30 minutes',
    'security image',
    'Apsara Stack',
    'mPaaS Extension',
    'signingConfigs',
    'uninstall',
    'SecException',
    '607',
    // 3XXX
    '3001',
    '3002',
    '3003',
    'Data Encryption',
    'x-mgs-encryption',
    'key and format',
    // AppNotExist
    'AppNotExist',
    'workspaceId',
    'appId',
    'mpaasapi',
    'offline package',
    'Normal resource package',
    'Global resource package',
    'Product Version',
    'versionName',
    // Escalation
    'demo project',
    '145930007362',
  ];
  it.each(mustShow)('shows "%s" somewhere in the tree', (phrase) => {
    expect(text.toLowerCase()).toContain(phrase.toLowerCase());
  });
});
