import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Lang, Source } from '../engine/model.ts';
import { didYouMean, type ContentError } from './errors.ts';
import { id, REQUIRED_LANGS, text } from './schema.ts';
import type { RawTree } from './schema.ts';
import type { RawCodeFile } from './codes-schema.ts';
import { internalName } from './reader-text.ts';
import { issueErrors, makeLocator, type At, type Locator } from './yaml-locate.ts';

export const SOURCES_FILE = 'content/sources.yaml';

/** A public address: https only, so a page never links a reader to plain http. */
const address = z.url({ protocol: /^https$/, error: 'must be a public https:// address' });

export const sourcesFileSchema = z.record(
  id('source id'),
  z.strictObject({
    title: text(REQUIRED_LANGS),
    url: z.union([address, z.strictObject({ en: address, zh: address.optional() })]).optional(),
    /** Where reviewers find the copy the content was checked against. Never shown. */
    ref: z.string().trim().min(1, { error: 'must say where reviewers find the document' }),
  }),
);

export type RawSources = z.infer<typeof sourcesFileSchema>;

export interface ParsedSources {
  file: string;
  sources?: RawSources;
  locate: Locator;
  errors: ContentError[];
}

export function parseSourcesFile(file: string, source: string): ParsedSources {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const locate = makeLocator(doc, counter);
  const at: At = (path, message, opts) => {
    const { line, col } = locate(path, opts);
    const [sourceId, ...rest] = path;
    return {
      file,
      line,
      col,
      ...(sourceId !== undefined ? { field: [String(sourceId), ...rest.map(String)].join('.') } : {}),
      message,
    };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = counter.linePos(firstError.pos[0]);
    return { file, locate, errors: [{ file, line: pos.line, col: pos.col, message: `the YAML cannot be read: ${firstError.message.split('\n')[0]}` }] };
  }
  const data: unknown = doc.toJS();
  const parsed = sourcesFileSchema.safeParse(data ?? {});
  if (!parsed.success) return { file, locate, errors: parsed.error.issues.flatMap((issue) => issueErrors(issue, data, at)) };
  const errors: ContentError[] = [];
  for (const [sourceId, s] of Object.entries(parsed.data)) {
    for (const [lang, title] of Object.entries(s.title)) {
      const name = internalName(title);
      if (name) errors.push(at([sourceId, 'title', lang], `the title names "${name}", which readers cannot look up: give the document's public title (keep the file in "ref")`));
    }
  }
  return { file, sources: parsed.data, locate, errors };
}

interface Located<T> {
  file: string;
  locate: Locator;
  value?: T;
}

/**
 * Every source a step or a code entry names is in the registry, and every
 * registry entry is used by something (an unused one is a stale citation).
 */
export function checkSourceRefs(
  registry: ParsedSources,
  trees: Located<RawTree>[],
  tables: Located<RawCodeFile>[],
): ContentError[] {
  const known = Object.keys(registry.sources ?? {});
  const used = new Set<string>();
  const errors: ContentError[] = [];
  const check = (ids: string[], where: (i: number) => Omit<ContentError, 'message'>) =>
    ids.forEach((s, i) => {
      used.add(s);
      if (known.includes(s)) return;
      const hint = didYouMean(s, known);
      errors.push({ ...where(i), message: `"${s}" is not a source in ${SOURCES_FILE}${hint ? ` (did you mean "${hint}"?)` : ''}` });
    });
  for (const t of trees) {
    for (const [nodeId, node] of Object.entries(t.value?.nodes ?? {})) {
      check(node.sources, (i) => ({ file: t.file, ...t.locate(['nodes', nodeId, 'sources', i]), node: nodeId, field: `sources[${i}]` }));
    }
  }
  for (const t of tables) {
    t.value?.codes.forEach((entry, j) =>
      check(entry.sources, (i) => ({ file: t.file, ...t.locate(['codes', j, 'sources', i]), code: entry.code, field: `sources[${i}]` })),
    );
  }
  for (const s of known) {
    if (!used.has(s)) errors.push({ file: registry.file, ...registry.locate([s], { key: true }), field: s, message: `no step or code entry cites "${s}": remove it or cite it` });
  }
  return errors;
}

/** The sources one file cites, in one language, as readers see them. */
export function compileSources(registry: RawSources, ids: Iterable<string>, lang: Lang): Record<string, Source> {
  const out: Record<string, Source> = {};
  for (const s of ids) {
    const raw = registry[s];
    if (!raw) continue;
    const title = raw.title[lang] ?? raw.title.en ?? s;
    const url = typeof raw.url === 'string' ? raw.url : raw.url ? (raw.url[lang as 'en' | 'zh'] ?? raw.url.en) : undefined;
    out[s] = url ? { title, url } : { title };
  }
  return out;
}
