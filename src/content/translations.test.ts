import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentRepo, type ContentRepo } from './__fixtures__/content-repo.ts';
import { formatError } from './errors.ts';
import { loadContent } from './load.ts';
import { recordTranslations } from './record-translations.ts';
import { textHash, textPairs } from './translations.ts';
import { contentPlugin } from './vite-plugin.ts';

const TREE = 'content/trees/mpaas-demo.yaml';
const problems = (repo: ContentRepo) => loadContent(repo.root).errors.map(formatError);
/** `file:line:col` of `text` on the first line of a file that contains `onLineWith` (by default, `text`). */
const lineOf = (repo: ContentRepo, file: string, text: string, onLineWith = text) => {
  const lines = repo.read(file).split('\n');
  const i = lines.findIndex((l) => l.includes(onLineWith));
  expect(i, `"${text}" in ${file}`).toBeGreaterThanOrEqual(0);
  return `${file}:${i + 1}:${lines[i]!.indexOf(text) + 1}`;
};
const STALE = 'the English of this text changed after the Chinese was translated, so the Chinese may be out of date: update it, then run "npm run content:translated" (run it as it is if the Chinese still fits)';

let repo: ContentRepo;
afterEach(() => repo?.remove());

describe('textPairs and textHash', () => {
  it('names list entries by their id or code, so reordering keeps the keys, and skips addresses and search phrases', () => {
    const pairs = textPairs({
      title: { en: 'A', zh: '甲' },
      nodes: { s: { answers: [{ id: 'yes', label: { en: 'Yes', zh: '是' } }] } },
      codes: [{ code: 'Invalid.Sig', title: { en: 'T', zh: '题' }, search: { en: ['x'], zh: ['y'] }, variants: [{ match: 'm', meaning: { en: 'M', zh: '义' } }] }],
      src: { title: { en: 'S', zh: '源' }, url: { en: 'https://a.example', zh: 'https://b.example' } },
      onlyEn: { en: 'E' },
    });
    expect(pairs.map((p) => p.key)).toEqual(['title', 'nodes.s.answers.yes.label', 'codes.Invalid.Sig.title', 'codes.Invalid.Sig.variants.0.meaning', 'src.title']);
    expect(pairs[1]!.path).toEqual(['nodes', 's', 'answers', 0, 'label']);
  });

  it('hashes the words of the English, not how its lines are wrapped', () => {
    expect(textHash('Check the\n  device time.\n')).toBe(textHash('Check the device time.'));
    expect(textHash('Check the device time.')).not.toBe(textHash('Check the server time.'));
    expect(textHash('x')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('stale translations', { timeout: 30_000 }, () => {
  it('starts clean: a new guide records its Chinese as translated', () => {
    repo = contentRepo();
    expect(problems(repo)).toEqual([]);
    expect(repo.read('content/translated/trees/mpaas-demo.yaml')).toContain('nodes.check-first.answers.fail.label: ');
  });

  it('reports a Chinese text whose English changed, at the Chinese text, with node and field', () => {
    repo = contentRepo();
    repo.edit(TREE, 'en: Replace with the first thing to verify', 'en: Check the device clock');
    const where = lineOf(repo, TREE, '在这里写第一项要确认的内容');
    expect(problems(repo)).toEqual([`${where} node "check-first" → title.zh: ${STALE}`]);
    expect(loadContent(repo.root).errors[0]!.staleTranslation).toBe(true);
  });

  it('reports an answer label by its place in the file, and a code-free text of the tree by its field', () => {
    repo = contentRepo();
    repo.edit(TREE, 'label: { en: It passes, zh: 通过 }', 'label: { en: It works, zh: 通过 }');
    repo.edit(TREE, 'en: Replace with what the person sees', 'en: The app says "System busy"');
    expect(problems(repo)).toEqual([
      `${lineOf(repo, TREE, '在这里写用户看到的现象')} symptom.zh: ${STALE}`,
      `${lineOf(repo, TREE, '通过', 'It works')} node "check-first" → answers[1].label.zh: ${STALE}`,
    ]);
  });

  it('stays quiet when only the Chinese changes, the English is re-wrapped, or answers are reordered', () => {
    repo = contentRepo();
    repo.edit(TREE, 'zh: 在这里写第一项要确认的内容', 'zh: 先确认设备时间');
    repo.edit(TREE, 'Say how to tell a pass from a fail.', 'Say how to tell\n        a pass from a fail.');
    const tree = repo.read(TREE);
    const fail = '      - id: fail\n        label: { en: It fails, zh: 不通过 }\n        next: fix\n';
    expect(tree).toContain(fail);
    repo.write(TREE, tree.replace(fail, '').replace('        next: fix # point this at the next check once you add one\n', `        next: fix\n${fail}`));
    expect(repo.read(TREE).indexOf('id: pass')).toBeLessThan(repo.read(TREE).indexOf('id: fail'));
    expect(problems(repo)).toEqual([]);
  });

  it('reports a new Chinese text that has no record, and a record whose text is gone', () => {
    repo = contentRepo();
    repo.edit(TREE, 'label: { en: It fails, zh: 不通过 }', 'label: { en: It fails, zh: 不通过 }\n        hint: { en: The clock is off, zh: 时钟不准 }');
    expect(problems(repo)).toEqual([`${lineOf(repo, TREE, '时钟不准')} node "check-first" → answers[0].hint.zh: the Chinese is not recorded as a translation of the English yet: once it is one, run "npm run content:translated"`]);
    recordTranslations(repo.root);
    expect(problems(repo)).toEqual([]);
    repo.edit(TREE, '\n        hint: { en: The clock is off, zh: 时钟不准 }', '');
    const record = 'content/translated/trees/mpaas-demo.yaml';
    expect(problems(repo)).toEqual([`${lineOf(repo, record, 'nodes.check-first.answers.fail.hint')} nodes.check-first.answers.fail.hint: names no text of ${TREE} any more: run "npm run content:translated" to drop it`]);
  });

  it('content:translated records the new English, and only what it is asked to', () => {
    repo = contentRepo();
    repo.edit(TREE, 'en: Replace with the first thing to verify', 'en: Check the device clock');
    repo.edit(TREE, 'en: Replace with the fix, in a few words', 'en: Set the clock');
    const { changes } = recordTranslations(repo.root, ['mpaas-demo/fix']);
    expect(changes).toEqual([`${lineOf(repo, TREE, '在这里简要写出解决办法')} node "fix" → title.zh: recorded again: its English had changed since the last record`]);
    expect(problems(repo)).toEqual([`${lineOf(repo, TREE, '在这里写第一项要确认的内容')} node "check-first" → title.zh: ${STALE}`]);
    expect(recordTranslations(repo.root).changes).toHaveLength(1);
    expect(problems(repo)).toEqual([]);
    expect(recordTranslations(repo.root, ['no-such-tree']).unknown).toEqual(['no-such-tree']);
  });

  it('follows a step renamed with a redirect: its records still count, and a changed English under the new id is still stale', () => {
    repo = contentRepo();
    repo.write(TREE, repo.read(TREE).replaceAll('next: fix', 'next: set-clock').replace('\n  fix:\n', '\n  set-clock:\n') + 'redirects:\n  fix: set-clock\n');
    // The new step id is not published yet (content:publish); translations are what this test is about.
    const problems = (r: ContentRepo) => loadContent(r.root).errors.filter((e) => e.staleTranslation).map(formatError);
    expect(problems(repo)).toEqual([]);
    repo.edit(TREE, 'en: Replace with the fix, in a few words', 'en: Set the clock');
    expect(problems(repo)).toEqual([`${lineOf(repo, TREE, '在这里简要写出解决办法')} node "set-clock" → title.zh: ${STALE}`]);
    // Recording another step moves the renamed step's records to its new id, still stale.
    const { changes } = recordTranslations(repo.root, ['mpaas-demo/check-first']);
    expect(changes).toContain('content/translated/trees/mpaas-demo.yaml: "nodes.fix.title" is now "nodes.set-clock.title" (the step was renamed)');
    expect(repo.read('content/translated/trees/mpaas-demo.yaml')).not.toContain('nodes.fix.');
    expect(problems(repo)).toEqual([`${lineOf(repo, TREE, '在这里简要写出解决办法')} node "set-clock" → title.zh: ${STALE}`]);
  });

  it('reports a record file that belongs to no content file', () => {
    repo = contentRepo();
    repo.write('content/translated/trees/gone.yaml', 'title: 0123abcd\n');
    expect(problems(repo)).toEqual(['content/translated/trees/gone.yaml:1:1 records the translations of a content file that does not exist: delete it (or run "npm run content:translated")']);
    recordTranslations(repo.root);
    expect(problems(repo)).toEqual([]);
  });

  it('is an error for content:check (exit code 1) and only a warning on the dev server, while the build refuses it', async () => {
    repo = contentRepo();
    repo.edit(TREE, 'en: Replace with the first thing to verify', 'en: Check the device clock');
    const project = join(import.meta.dirname, '../..');
    const check = () => execFileSync(join(project, 'node_modules/.bin/tsx'), [join(project, 'scripts/content-check.ts')], { cwd: repo.root, encoding: 'utf8', stdio: 'pipe' });
    expect(check).toThrow(/title\.zh: the English of this text changed[^\n]*\n\n1 problem\(s\) in content\//);

    const load = async (command: 'serve' | 'build') => {
      const plugin = contentPlugin(repo.root);
      (plugin.configResolved as (c: unknown) => void)({ command });
      return (plugin.load as (this: unknown, id: string) => Promise<unknown> | unknown).call({ addWatchFile() {} }, '\0virtual:content');
    };
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    try {
      await expect(load('serve')).resolves.toContain('export const loaders');
    } finally {
      console.warn = warn;
    }
    expect(warned.join('\n')).toContain('node "check-first" → title.zh: the English of this text changed');
    // The build's error is content:check's text (src/content/errors.ts formatReport).
    await expect(load('build')).rejects.toThrow(/title\.zh: the English of this text changed[^\n]*\n\n1 problem\(s\) in content\/\.$/);
  }, 30_000);
});
