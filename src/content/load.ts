import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentError } from './errors.ts';
import { checkPublished, parsePublished, parseTreeFile, type ParsedTree } from './validate.ts';
import { checkSourceRefs, parseSourcesFile, SOURCES_FILE, type ParsedSources, type RawSources } from './sources.ts';
import { checkCodeLinks, checkPublishedCodes, parseCodeFile, parsePublishedCodes, type ParsedCodeFile } from './validate-codes.ts';
import { checkTranslations, codesWhere, parseRecordFile, sourcesWhere, treeWhere, type TranslatedFile, type TranslationRecord } from './translations.ts';

export const PUBLISHED_FILE = 'content/published-ids.txt';
export const PUBLISHED_CODES_FILE = 'content/published-codes.txt';

export interface LoadedContent {
  trees: ParsedTree[];
  /** The code tables, one per platform. */
  codes: ParsedCodeFile[];
  /** The documents the content cites (content/sources.yaml). */
  sources: RawSources;
  errors: ContentError[];
  /** Files read, for the dev server to watch. */
  files: string[];
  /** The source registry as parsed, with its locator. */
  registry: ParsedSources;
  /** The translation records (content/translated/), by file. */
  records: Map<string, TranslationRecord>;
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
  const sourcesPath = join(root, SOURCES_FILE);
  const registry = parseSourcesFile(SOURCES_FILE, existsSync(sourcesPath) ? readFileSync(sourcesPath, 'utf8') : '');
  const errors = [...trees, ...codes, registry].flatMap((t) => t.errors);
  if (errors.length === 0) {
    errors.push(
      ...checkCodeLinks(trees, codes),
      ...checkSourceRefs(
        registry,
        trees.map((t) => ({ file: t.file, locate: t.locate, value: t.tree })),
        codes.map((t) => ({ file: t.file, locate: t.locate, value: t.table })),
      ),
    );
  }

  const seen = new Map<string, string>();
  for (const t of trees) {
    if (!t.tree) continue;
    const other = seen.get(t.tree.id);
    if (other) errors.push({ file: t.file, ...t.locate(['id']), message: `the tree id "${t.tree.id}" is also used by ${other}` });
    seen.set(t.tree.id, t.file);
  }

  const publishedPath = join(root, PUBLISHED_FILE);
  const published = existsSync(publishedPath) ? parsePublished(readFileSync(publishedPath, 'utf8')) : [];
  const publishedCodesPath = join(root, PUBLISHED_CODES_FILE);
  const publishedCodes = existsSync(publishedCodesPath) ? parsePublishedCodes(readFileSync(publishedCodesPath, 'utf8')) : [];
  if (errors.length === 0) errors.push(...checkPublished(PUBLISHED_FILE, published, trees), ...checkPublishedCodes(PUBLISHED_CODES_FILE, publishedCodes, codes));

  const recordPaths = [...yamlIn('translated/trees'), ...yamlIn('translated/codes'), ...yamlIn('translated')];
  const records = new Map(recordPaths.map((path) => [relative(root, path), parseRecordFile(relative(root, path), readFileSync(path, 'utf8'))]));
  errors.push(...checkTranslations(translatedFiles(trees, codes, registry), records, [...records.keys()]));

  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  return {
    trees,
    codes,
    sources: registry.sources ?? {},
    errors,
    files: [...files, ...[sourcesPath, publishedPath, publishedCodesPath].filter((f) => existsSync(f)), ...recordPaths],
    registry,
    records,
  };
}

/** The content files that parsed, with what the translation check needs of each. */
export function translatedFiles(trees: ParsedTree[], codes: ParsedCodeFile[], registry: ParsedSources): TranslatedFile[] {
  return [
    ...trees.flatMap((t) => (t.tree ? [{ file: t.file, data: t.tree, locate: t.locate, where: treeWhere }] : [])),
    ...codes.flatMap((t) => (t.table ? [{ file: t.file, data: t.table, locate: t.locate, where: codesWhere(t.table) }] : [])),
    ...(registry.sources ? [{ file: registry.file, data: registry.sources, locate: registry.locate, where: sourcesWhere }] : []),
  ];
}

/** Adds every current step id and code to the published lists (their addresses are then permanent). Returns what it added. */
export function publishAll(root: string, trees: ParsedTree[], codes: ParsedCodeFile[]): string[] {
  const steps = trees.flatMap((t) => Object.keys(t.tree?.nodes ?? {}).map((step) => `${t.tree!.id}/${step}`));
  const entries = codes.flatMap((t) => (t.table?.codes ?? []).map((e) => `${t.table!.platform}/${e.code}`));
  return [
    ...appendNew(join(root, PUBLISHED_FILE), steps, parsePublished, (p) => `${p.tree}/${p.step}`, STEPS_HEADER),
    ...appendNew(join(root, PUBLISHED_CODES_FILE), entries, parsePublishedCodes, (p) => `${p.platform}/${p.code}`, CODES_HEADER),
  ];
}

const STEPS_HEADER = '# Published step ids: tree-id/step-id, one a line. Never remove a line:\n# a step that goes away needs a redirect in its tree (see docs/content-format.md).\n';
const CODES_HEADER =
  '# Published code pages (/codes/<platform>/<code>): platform/code, one a line. Never remove a line:\n# a code that goes away needs to be an alias of the entry that replaces it (see docs/content-format.md).\n';

/** Appends to a published list the ids it does not hold yet; returns them. */
function appendNew<P>(path: string, ids: string[], parse: (source: string) => P[], key: (p: P) => string, header: string): string[] {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const listed = new Set(parse(current).map(key));
  const added = ids.filter((id) => !listed.has(id));
  if (added.length) writeFileSync(path, `${current ? '' : header}${current}${current && !current.endsWith('\n') ? '\n' : ''}${added.join('\n')}\n`);
  return added;
}
