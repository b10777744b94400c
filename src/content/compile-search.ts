import type { Lang } from '../engine/model.ts';
import { paths } from '../engine/paths.ts';
import { normalize, type SearchEntry, type SearchIndex } from '../engine/search.ts';
import type { RawCodeFile } from './codes-schema.ts';
import type { RawText, RawTree } from './schema.ts';

const pick = (text: RawText, lang: Lang): string => text[lang] ?? text.en ?? '';
const all = (text: RawText | undefined): string[] => (text ? Object.values(text).filter((t): t is string => !!t) : []);

/**
 * The home page's search index in one language: every guide (title,
 * symptom), every step (title, the codes it handles) and every code (code,
 * names, title, the platform's message). Texts of every language are folded
 * into `text`, so a Chinese query finds an entry while the UI is English.
 */
export function compileSearchIndex(trees: RawTree[], tables: RawCodeFile[], lang: Lang): SearchIndex {
  const entries: SearchEntry[] = [];
  for (const t of trees) {
    const treeTitle = pick(t.title, lang);
    entries.push({
      kind: 'tree',
      title: treeTitle,
      context: pick(t.symptom, lang),
      platform: t.platform,
      href: paths.tree.href(t.id),
      text: normalize([...all(t.title), ...all(t.symptom)].join('\n')),
    });
    for (const [id, node] of Object.entries(t.nodes)) {
      const codes = (node.codes ?? []).map((c) => c.slice(c.indexOf(':') + 1));
      entries.push({
        kind: 'step',
        title: pick(node.title, lang),
        context: treeTitle,
        platform: t.platform,
        href: paths.step.href(t.id, id),
        ...(codes.length ? { codes } : {}),
        text: normalize([...all(node.title), ...codes, ...(id === t.start ? all(t.symptom) : [])].join('\n')),
      });
    }
  }
  for (const table of tables) {
    const context = pick(table.title, lang);
    for (const e of table.codes) {
      entries.push({
        kind: 'code',
        title: pick(e.title, lang),
        context,
        platform: table.platform,
        href: paths.code.href(table.platform, e.code),
        code: e.code,
        text: normalize(
          [e.code, e.name, e.message, ...(e.aliases ?? []), ...all(e.title), ...(e.variants ?? []).map((v) => v.message ?? v.match)].filter(Boolean).join('\n'),
        ),
      });
    }
  }
  return { lang, entries };
}
