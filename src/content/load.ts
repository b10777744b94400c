import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentError } from './errors.ts';
import { checkPublished, parsePublished, parseTreeFile, type ParsedTree } from './validate.ts';
import { checkCodeLinks, parseCodeFile, type ParsedCodeFile } from './validate-codes.ts';

export const PUBLISHED_FILE = 'content/published-ids.txt';

export interface LoadedContent {
  trees: ParsedTree[];
  /** The code tables, one per platform. */
  codes: ParsedCodeFile[];
  errors: ContentError[];
  /** Files read, for the dev server to watch. */
  files: string[];
}

/**
 * Reads and validates every content file under `root/content`.
 * Errors come sorted by file and line.
 */
export function loadContent(root: string): LoadedContent {
  const yamlIn = (sub: string) => {
    const dir = join(root, 'content', sub);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  };
  const treeFiles = yamlIn('trees');
  const codeFiles = yamlIn('codes');
  const files = [...treeFiles, ...codeFiles];
  const trees = treeFiles.map((path) => parseTreeFile(relative(root, path), readFileSync(path, 'utf8')));
  const codes = codeFiles.map((path) => parseCodeFile(relative(root, path), readFileSync(path, 'utf8')));
  const errors = [...trees, ...codes].flatMap((t) => t.errors);
  if (errors.length === 0) errors.push(...checkCodeLinks(trees, codes));

  const seen = new Map<string, string>();
  for (const t of trees) {
    if (!t.tree) continue;
    const other = seen.get(t.tree.id);
    if (other) errors.push({ file: t.file, ...t.locate(['id']), message: `the tree id "${t.tree.id}" is also used by ${other}` });
    seen.set(t.tree.id, t.file);
  }

  const publishedPath = join(root, PUBLISHED_FILE);
  const published = existsSync(publishedPath) ? parsePublished(readFileSync(publishedPath, 'utf8')) : [];
  if (errors.length === 0) errors.push(...checkPublished(PUBLISHED_FILE, published, trees));
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  return { trees, codes, errors, files: existsSync(publishedPath) ? [...files, publishedPath] : files };
}

/** Adds every current step id to the published list (ids are then permanent). */
export function publishAll(root: string, trees: ParsedTree[]): string[] {
  const path = join(root, PUBLISHED_FILE);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const listed = new Set(parsePublished(current).map((p) => `${p.tree}/${p.step}`));
  const added: string[] = [];
  for (const t of trees) {
    for (const step of Object.keys(t.tree?.nodes ?? {})) {
      const id = `${t.tree!.id}/${step}`;
      if (!listed.has(id)) added.push(id);
    }
  }
  if (added.length) {
    const header = current ? '' : '# Published step ids: tree-id/step-id, one a line. Never remove a line:\n# a step that goes away needs a redirect in its tree (see docs/content-format.md).\n';
    writeFileSync(path, `${header}${current}${current && !current.endsWith('\n') ? '\n' : ''}${added.join('\n')}\n`);
  }
  return added;
}
