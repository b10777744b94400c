import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentRepo, type ContentRepo } from './__fixtures__/content-repo.ts';
import { diffWith } from './diff.ts';
import { formatMarkdown, formatText } from './diff-format.ts';
import { formatError } from './errors.ts';
import { loadContent, publishAll } from './load.ts';
import { recordTranslations } from './record-translations.ts';

const TREE = 'content/trees/mpaas-demo.yaml';
const TABLE = 'content/codes/mpaas-ios.yaml';
const entry = (code: string, title: string, retry = 'retry') => `  - code: '${code}'
    group: client
    title: { en: ${title}, zh: 错误${code} }
    meaning: { en: The call failed with ${code}., zh: 调用失败，错误码 ${code}。 }
    action: { en: Try again later., zh: 稍后重试。 }
    retry: ${retry}
    sources: [mpaas-demo-doc]
`;
const table = (entries: string) => `platform: mpaas-ios
languages: [en, zh]
title: { en: iOS result codes, zh: iOS 结果码 }
groups:
  client: { title: { en: Client errors, zh: 客户端错误 } }
codes:
${entries}`;

let repo: ContentRepo;
afterEach(() => repo?.remove());

/** The fixture guide plus a code table, committed on main; then a branch "feature" to change things on. */
function project(): ContentRepo {
  repo = contentRepo({ git: true });
  repo.write(TABLE, table(entry('1001', 'Timed out') + entry('1002', 'No network') + entry('1004', 'Busy')));
  publishAll(repo.root, loadContent(repo.root).trees, loadContent(repo.root).codes);
  recordTranslations(repo.root);
  expect(loadContent(repo.root).errors.map(formatError)).toEqual([]);
  repo.commit('a code table');
  repo.git('checkout', '-q', '-b', 'feature');
  return repo;
}

const fileDiff = (file: string) => diffWith(repo.root).files.find((f) => f.file === file);

// Each test builds a git repository and runs git several times: slow on a busy machine, not a hang.
describe('content:diff', { timeout: 30_000 }, () => {
  it('reports nothing when the content is as at the merge base, and names the base', () => {
    project();
    const base = repo.git('rev-parse', 'main');
    repo.write('README.md', 'not content\n');
    repo.commit('docs');
    const diff = diffWith(repo.root);
    expect(diff).toEqual({ base: `the merge base with main (${base.slice(0, 7)})`, files: [] });
    expect(formatText(diff)).toBe(`No content changes since the merge base with main (${base.slice(0, 7)}).`);
  });

  it('reports a renamed step with its redirect, a changed text, a code a step now handles, and which links are kept or redirected', () => {
    project();
    repo.edit(TREE, 'en: Replace with the first thing to verify', 'en: Check the device clock');
    repo.edit(TREE, '    sources: [mpaas-demo-doc]\n    answers:', "    sources: [mpaas-demo-doc]\n    codes: ['mpaas-ios:1001']\n    answers:");
    repo.write(TREE, repo.read(TREE).replaceAll('next: fix', 'next: set-clock').replace('\n  fix:\n', '\n  set-clock:\n') + 'redirects:\n  fix: set-clock\n');
    repo.commit('rename');
    const d = fileDiff(TREE)!;
    expect(d.status).toBe('changed');
    expect(d.items).toEqual([
      { thing: 'step', change: 'changed', name: 'check-first', detail: 'title; answers; codes' },
      { thing: 'answer', change: 'changed', name: 'check-first/fail', detail: 'leads to set-clock (was fix)' },
      { thing: 'answer', change: 'changed', name: 'check-first/pass', detail: 'leads to set-clock (was fix)' },
      { thing: 'handles', change: 'added', name: 'mpaas-ios:1001', detail: 'by step check-first' },
      { thing: 'step', change: 'renamed', name: 'set-clock', detail: 'was fix' },
      { thing: 'redirect', change: 'added', name: 'fix', detail: 'to set-clock' },
    ]);
    expect(d.links).toEqual([
      { url: '/t/mpaas-demo/check-first', how: 'kept', detail: 'the step changed' },
      { url: '/t/mpaas-demo/fix', how: 'redirected', detail: 'the step is now set-clock: the redirect opens it' },
    ]);
    // The renamed step's texts did not change; only the title of check-first did, in English only.
    expect(d.texts).toEqual({ en: [{ where: 'step "check-first" → title', before: 'Replace with the first thing to verify', after: 'Check the device clock' }], zh: [] });
    // Only the text whose English changed; the renamed step's records follow its redirect.
    expect(d.stale).toEqual([{ where: `${TREE} step "check-first" → title.zh`, enBefore: 'Replace with the first thing to verify', en: 'Check the device clock', zh: '在这里写第一项要确认的内容' }]);
    const text = formatText(diffWith(repo.root));
    expect(text).toContain('    redirected /t/mpaas-demo/fix: the step is now set-clock: the redirect opens it');
    expect(text).toContain('    step "check-first" → title: [-Replace with the first thing to verify-] {+Check the device clock+}');
    expect(text).toContain(`    ${TREE} step "check-first" → title.zh: English changed: [-Replace with the first thing to verify-] {+Check the device clock+}`);
  });

  it('reports a published step removed without a redirect as a broken link, and its answers and sources with it', () => {
    project();
    const tree = repo.read(TREE);
    const fix = tree.slice(tree.indexOf('\n  fix:\n'));
    repo.write(TREE, tree.replace(fix, fix.replace('  fix:', '  done:').replace('result: fix', 'result: resolved')).replaceAll('next: fix', 'next: done'));
    repo.commit('replace fix');
    const d = fileDiff(TREE)!;
    expect(d.items.filter((i) => i.thing === 'step')).toEqual([
      { thing: 'step', change: 'changed', name: 'check-first', detail: 'answers' },
      { thing: 'step', change: 'added', name: 'done', detail: 'outcome: resolved' },
      { thing: 'step', change: 'removed', name: 'fix', detail: 'outcome: fix' },
    ]);
    expect(d.items.filter((i) => i.thing === 'cites')).toEqual([
      { thing: 'cites', change: 'added', name: 'mpaas-demo-doc', detail: 'by new step done' },
      { thing: 'cites', change: 'removed', name: 'mpaas-demo-doc', detail: 'with removed step fix' },
    ]);
    expect(d.links).toEqual([{ url: '/t/mpaas-demo/check-first', how: 'kept', detail: 'the step changed' }, { url: '/t/mpaas-demo/fix', how: 'broken', detail: 'no step "fix" and no redirect for it: add "fix: <new-step-id>" under redirects' }]);
    expect(d.texts.en).toEqual([
      { where: 'step "done"', summary: '2 texts added with it' },
      { where: 'step "fix"', summary: '2 texts removed with it' },
    ]);
    expect(formatMarkdown(diffWith(repo.root))).toContain('| `/t/mpaas-demo/fix` | broken | no step "fix" and no redirect for it: add "fix: \\<new-step-id\\>" under redirects |');
    expect(formatMarkdown(diffWith(repo.root))).toContain('**1 published link(s) would break.**');
  });

  it('reports codes added, removed and changed, and which code pages still open', () => {
    project();
    const renamed = entry('1003', 'No network').replace("    group: client\n", "    group: client\n    aliases: ['1002']\n");
    repo.write(TABLE, table(entry('1001', 'Timed out', 'check-first') + renamed));
    repo.commit('codes');
    const d = fileDiff(TABLE)!;
    expect(d.items).toEqual([
      { thing: 'code', change: 'changed', name: '1001', detail: 'retry: retry → check-first' },
      { thing: 'code', change: 'added', name: '1003' },
      { thing: 'cites', change: 'added', name: 'mpaas-demo-doc', detail: 'by new code 1003' },
      { thing: 'code', change: 'removed', name: '1002' },
      { thing: 'cites', change: 'removed', name: 'mpaas-demo-doc', detail: 'with removed code 1002' },
      { thing: 'code', change: 'removed', name: '1004' },
      { thing: 'cites', change: 'removed', name: 'mpaas-demo-doc', detail: 'with removed code 1004' },
    ]);
    expect(d.links).toEqual([
      { url: '/codes/mpaas-ios/1001', how: 'kept', detail: 'the entry changed' },
      { url: '/codes/mpaas-ios/1002', how: 'redirected', detail: 'now opens code 1003 (was 1002)' },
      { url: '/codes/mpaas-ios/1004', how: 'broken', detail: 'no entry opens it: add "1004" to the aliases of the entry that replaces it' },
    ]);
    expect(d.texts.zh).toEqual([
      { where: 'code "1003"', summary: '3 texts added with it' },
      { where: 'code "1002"', summary: '3 texts removed with it' },
      { where: 'code "1004"', summary: '3 texts removed with it' },
    ]);
  });

  it('reports sources added and changed, and a Chinese-only edit as a Chinese text change that is not stale', () => {
    project();
    repo.edit('content/sources.yaml', 'en: Replace with the public title of the document the guide rests on', 'en: mPaaS help, result codes');
    repo.edit(TREE, 'zh: 在这里简要写出解决办法', 'zh: 校准时钟');
    repo.commit('sources');
    const files = diffWith(repo.root).files;
    const sources = files.find((f) => f.file === 'content/sources.yaml')!;
    expect(sources.items).toEqual([{ thing: 'source', change: 'changed', name: 'mpaas-demo-doc', detail: 'title' }]);
    expect(sources.stale.map((s) => s.where)).toEqual(['content/sources.yaml mpaas-demo-doc.title.zh']);
    const tree = files.find((f) => f.file === TREE)!;
    expect(tree.texts).toEqual({ en: [], zh: [{ where: 'step "fix" → title', before: '在这里简要写出解决办法', after: '校准时钟' }] });
    expect(tree.stale).toEqual([]);
  });

  it('compares the working tree, committed or not, with a ref given on the command line, and prints Markdown with --markdown', () => {
    project();
    repo.edit(TREE, 'label: { en: It passes, zh: 通过 }', 'label: { en: It works, zh: 通过 }');
    const project_ = join(import.meta.dirname, '../..');
    const run = (...args: string[]) => execFileSync(join(project_, 'node_modules/.bin/tsx'), [join(project_, 'scripts/content-diff.ts'), ...args], { cwd: repo.root, encoding: 'utf8', stdio: 'pipe' });
    const out = run('HEAD', '--markdown');
    expect(out).toContain('### Content changes\n\nSince HEAD.');
    expect(out).toContain('- changed check-first: answers');
    expect(out).toContain('- step "check-first" → answers.pass.label: It ~~passes~~ **works**');
    expect(() => run('no-such-ref')).toThrow(/content:diff: fatal: Not a valid object name no-such-ref/);
  }, 30_000);
});
