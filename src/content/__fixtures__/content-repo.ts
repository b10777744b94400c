import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContent, publishAll } from '../load.ts';
import { createTree } from '../new-tree.ts';

/** A throw-away project with a content/ folder (and, on demand, a git repository), for tests of the content commands. */
export interface ContentRepo {
  root: string;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Replaces `from` (which must occur exactly once) in a file. */
  edit(path: string, from: string, to: string): void;
  git(...args: string[]): string;
  /** Stages everything and commits; returns the commit hash. */
  commit(message: string): string;
  remove(): void;
}

/** A project whose content is one published guide made from the `content:new` template (`mpaas-demo`). */
export function contentRepo(opts: { git?: boolean } = {}): ContentRepo {
  const root = mkdtempSync(join(tmpdir(), 'content-repo-'));
  const repo: ContentRepo = {
    root,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    edit: (path, from, to) => {
      const text = repo.read(path);
      const at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once in ${path}`);
      repo.write(path, text.slice(0, at) + to + text.slice(at + from.length));
    },
    git: (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim(),
    commit: (message) => {
      repo.git('add', '-A');
      repo.git('commit', '-q', '--no-gpg-sign', '-m', message);
      return repo.git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  repo.write('content/sources.yaml', '# Sources\n');
  repo.write('content/published-ids.txt', '');
  createTree(root, 'mpaas-demo');
  const { trees, codes } = loadContent(root);
  publishAll(root, trees, codes);
  if (opts.git) {
    repo.git('init', '-q', '-b', 'main');
    repo.commit('a guide');
  }
  return repo;
}
