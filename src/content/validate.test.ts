import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError } from './errors.ts';
import { REQUIRED_LANGS } from './schema.ts';
import { checkPublished, parsePublished, parseTreeFile } from './validate.ts';

const FIXTURES = join(import.meta.dirname, '__fixtures__');
const FILE = 'content/trees/demo.yaml';
const demo = readFileSync(join(FIXTURES, 'demo.yaml'), 'utf8');
/** The fixtures are English only; the project itself requires REQUIRED_LANGS (see the test below). */
const FIXTURE_LANGS = ['en'] as const;

describe('parseTreeFile', () => {
  it('accepts the valid demo tree', () => {
    const parsed = parseTreeFile(FILE, demo, FIXTURE_LANGS);
    expect(parsed.errors.map(formatError)).toEqual([]);
    expect(Object.keys(parsed.tree!.nodes)).toHaveLength(7);
  });

  // Each file in __fixtures__/bad breaks one rule; its first line says the exact error expected.
  const bad = readdirSync(join(FIXTURES, 'bad')).filter((f) => f.endsWith('.yaml'));
  it('has a bad fixture for every rule', () => {
    expect(bad.map((f) => f.replace('.yaml', '')).sort()).toEqual(
      [
        'asks-not-escalation',
        'asks-ambiguous',
        'condition-unreadable',
        'fact-bad-value',
        'fact-undeclared',
        'facts-stuck',
        'cycle-no-exit',
        'dead-end',
        'duplicate-answer',
        'duplicate-node',
        'markdown-html',
        'missing-language',
        'next-unknown',
        'redirect-live',
        'redirect-nowhere',
        'schema-bad-kind',
        'schema-missing-field',
        'schema-unknown-field',
        'internal-name',
        'start-unknown',
        'unreachable',
      ].sort(),
    );
  });
  it.each(bad)('rejects %s with its message', (file) => {
    const source = readFileSync(join(FIXTURES, 'bad', file), 'utf8');
    const expected = /^# expect: (.+)$/m.exec(source)?.[1];
    expect(expected, `${file} must start with "# expect: <message>"`).toBeTruthy();
    const parsed = parseTreeFile(FILE, source, FIXTURE_LANGS);
    expect(parsed.errors.map(formatError)).toContain(expected);
  });

  it('requires every project language by default, naming the missing one', () => {
    const parsed = parseTreeFile(FILE, demo);
    expect(REQUIRED_LANGS).toContain('zh');
    expect(parsed.errors.map(formatError)).toContain('content/trees/demo.yaml:4:12 languages: must include "zh" (every file provides en, zh)');
  });

  it('rejects a file whose name is not its tree id', () => {
    const parsed = parseTreeFile('content/trees/other.yaml', demo, FIXTURE_LANGS);
    expect(parsed.errors.map(formatError)).toEqual([
      'content/trees/other.yaml:2:5 id: the tree id "demo" must match the file name "other.yaml"',
    ]);
  });

  it('reads text that is not YAML without throwing', () => {
    const parsed = parseTreeFile(FILE, 'id: [unclosed\n  - ::', FIXTURE_LANGS);
    expect(parsed.errors.length).toBeGreaterThan(0);
    expect(formatError(parsed.errors[0]!)).toMatch(/^content\/trees\/demo\.yaml:\d+:\d+ the YAML cannot be read/);
  });
});

describe('checkPublished', () => {
  const parsed = parseTreeFile(FILE, demo, FIXTURE_LANGS);
  const all = Object.keys(parsed.tree!.nodes).map((s) => `demo/${s}`);

  it('passes when every step is published and every published id still resolves', () => {
    const list = parsePublished([...all, 'demo/old-check', 'demo/older-check'].join('\n'));
    expect(checkPublished('content/published-ids.txt', list, [parsed])).toEqual([]);
  });

  it('fails when a published step vanished without a redirect, saying how to add one', () => {
    const list = parsePublished(['# comment', ...all, 'demo/check-aa'].join('\n'));
    const errors = checkPublished('content/published-ids.txt', list, [parsed]).map(formatError);
    expect(errors).toEqual([
      'content/trees/demo.yaml:90:3 the published step "demo/check-aa" (content/published-ids.txt:9) is gone: add "check-aa: check-a" under redirects so its links keep working',
    ]);
  });

  it('fails when a step is not yet published', () => {
    const list = parsePublished(all.filter((s) => s !== 'demo/retest').join('\n'));
    const errors = checkPublished('content/published-ids.txt', list, [parsed]).map(formatError);
    expect(errors).toEqual([
      'content/trees/demo.yaml:55:3 node "retest": is not in content/published-ids.txt yet: run "npm run content:publish" to publish it (its id is then permanent)',
    ]);
  });
});
