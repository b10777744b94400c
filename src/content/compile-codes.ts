import type { CodeEntry, CodeIndex, CodeTable, Lang } from '../engine/model.ts';
import type { RawCodeEntry, RawCodeFile } from './codes-schema.ts';
import { toMarkdown } from './markdown.ts';
import type { RawText } from './schema.ts';
import { compileSources, type RawSources } from './sources.ts';

const pick = (text: RawText, lang: Lang): string => text[lang] ?? text.en ?? '';

/** Every text of an entry in every language, lower-cased, for search in either language. */
function searchText(e: RawCodeEntry): string {
  const texts = [e.title, e.meaning, e.prompt].flatMap((t) => (t ? Object.values(t) : []));
  return [e.code, e.name, e.message, ...(e.aliases ?? []), ...texts, ...(e.variants ?? []).map((v) => v.message ?? v.match)]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

function compileEntry(raw: RawCodeFile, e: RawCodeEntry, lang: Lang, registry: RawSources): CodeEntry {
  return {
    platform: raw.platform,
    code: e.code,
    group: e.group,
    title: pick(e.title, lang),
    meaning: toMarkdown(pick(e.meaning, lang)),
    action: toMarkdown(pick(e.action, lang)),
    retry: e.retry,
    sources: Object.values(compileSources(registry, e.sources, lang)),
    ...(e.step ? { step: e.step } : {}),
    ...(raw.groups[e.group]?.fact === 'subCode' ? { fact: 'subCode' as const } : {}),
    ...(e.http ? { http: e.http } : {}),
    ...(e.name ? { name: e.name } : {}),
    ...(e.message ? { message: e.message } : {}),
    ...(e.protocols ? { protocols: e.protocols } : {}),
    ...(e.prompt ? { prompt: pick(e.prompt, lang) } : {}),
    ...(e.ranges ? { ranges: e.ranges } : {}),
    ...(e.aliases ? { aliases: e.aliases } : {}),
    ...(e.variants
      ? {
          variants: e.variants.map((v) => ({
            match: v.match,
            ...(v.message ? { message: v.message } : {}),
            meaning: toMarkdown(pick(v.meaning, lang)),
            ...(v.action ? { action: toMarkdown(pick(v.action, lang)) } : {}),
          })),
        }
      : {}),
    search: searchText(e),
  };
}

export function compileCodeTable(raw: RawCodeFile, lang: Lang, registry: RawSources = {}): CodeTable {
  const groups: CodeTable['groups'] = {};
  for (const [id, g] of Object.entries(raw.groups)) groups[id] = { title: pick(g.title, lang), ...(g.body ? { body: toMarkdown(pick(g.body, lang)) } : {}) };
  return {
    platform: raw.platform,
    title: pick(raw.title, lang),
    ...(raw.summary ? { summary: toMarkdown(pick(raw.summary, lang)) } : {}),
    groups,
    codes: raw.codes.map((e) => compileEntry(raw, e, lang, registry)),
  };
}

export function compileCodeIndex(raws: RawCodeFile[], lang: Lang, registry: RawSources = {}): CodeIndex {
  return { lang, tables: raws.map((r) => compileCodeTable(r, lang, registry)) };
}
