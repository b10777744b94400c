import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentRepo, type ContentRepo } from './__fixtures__/content-repo.ts';
import { formatError } from './errors.ts';
import { loadContent } from './load.ts';
import { createTree, NewTreeError } from './new-tree.ts';

let repo: ContentRepo;
afterEach(() => repo?.remove());

describe('content:new', { timeout: 30_000 }, () => {
  it('writes a two-step tree in both languages with a source stub that passes every rule but publication', () => {
    repo = contentRepo();
    const made = createTree(repo.root, 'top-sign-fails');
    expect(made).toEqual({ treeFile: 'content/trees/top-sign-fails.yaml', sourceId: 'top-sign-fails-doc', platform: 'top' });
    const { trees, errors } = loadContent(repo.root);
    const tree = trees.find((t) => t.tree?.id === 'top-sign-fails')!.tree!;
    expect(Object.keys(tree.nodes)).toEqual(['check-first', 'fix']);
    expect(tree.languages).toEqual(['en', 'zh']);
    expect(repo.read('content/sources.yaml')).toContain('\ntop-sign-fails-doc:\n  title:\n');
    expect(existsSync(join(repo.root, 'content/translated/trees/top-sign-fails.yaml'))).toBe(true);
    // Reachability, dead ends, translations, sources, published ids…: all fine; its steps are new, so not yet published.
    expect(errors.map(formatError)).toEqual([
      'content/trees/top-sign-fails.yaml:20:3 node "check-first": is not in content/published-ids.txt yet: run "npm run content:publish" to publish it (its id is then permanent)',
      'content/trees/top-sign-fails.yaml:43:3 node "fix": is not in content/published-ids.txt yet: run "npm run content:publish" to publish it (its id is then permanent)',
    ]);
  });

  it('refuses to overwrite a tree or a source, and writes nothing then', () => {
    repo = contentRepo();
    const tree = repo.read('content/trees/mpaas-demo.yaml');
    const sources = repo.read('content/sources.yaml');
    expect(() => createTree(repo.root, 'mpaas-demo')).toThrow(new NewTreeError('content/trees/mpaas-demo.yaml already exists: edit it, or choose another id (nothing was written)'));
    repo.write('content/sources.yaml', `${sources}\nmpaas-other-doc:\n  title: { en: A, zh: 甲 }\n  ref: r\n`);
    expect(() => createTree(repo.root, 'mpaas-other')).toThrow(/already has a source "mpaas-other-doc"/);
    expect(existsSync(join(repo.root, 'content/trees/mpaas-other.yaml'))).toBe(false);
    expect(repo.read('content/trees/mpaas-demo.yaml')).toBe(tree);
  });

  it('validates the id and the platform', () => {
    repo = contentRepo();
    expect(() => createTree(repo.root, 'Top_Sign')).toThrow(/"Top_Sign" is not a tree id: use lower-case words joined by hyphens/);
    expect(() => createTree(repo.root, 'sign-fails')).toThrow(/say which platform the guide is for/);
    expect(() => createTree(repo.root, 'sign-fails', 'taobao')).toThrow('"taobao" is not a platform: use one of mpaas, aliyun, top, easemob');
    expect(() => createTree(repo.root, `top-${'x'.repeat(40)}`)).toThrow(/keep a tree id to 40 at most/);
    expect(createTree(repo.root, 'sign-fails', 'aliyun').platform).toBe('aliyun');
    // A published tree's id stays taken even when its file is gone.
    repo.write('content/published-ids.txt', `${repo.read('content/published-ids.txt')}easemob-gone/start\n`);
    expect(() => createTree(repo.root, 'easemob-gone')).toThrow(/was the id of a published guide/);
  });

  it('prints what to do next, and refuses with a sentence and exit code 1', () => {
    repo = contentRepo();
    const project = join(import.meta.dirname, '../..');
    const run = (...args: string[]) => execFileSync(join(project, 'node_modules/.bin/tsx'), [join(project, 'scripts/content-new.ts'), ...args], { cwd: repo.root, encoding: 'utf8', stdio: 'pipe' });
    const out = run('easemob-login-fails');
    expect(out).toContain('Created content/trees/easemob-login-fails.yaml (platform easemob: two steps, English and Chinese) and the source "easemob-login-fails-doc" in content/sources.yaml.');
    expect(out).toContain('npm start, then open /t/easemob-login-fails/check-first');
    expect(() => run('easemob-login-fails')).toThrow(/Not created: content\/trees\/easemob-login-fails.yaml already exists/);
  });
});
