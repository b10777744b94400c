import type { Lang } from '../engine/model.ts';
import { normalize, type SearchData } from '../engine/search.ts';
import type { RawCodeFile } from './codes-schema.ts';
import { markdownText } from '../engine/markdown-text.ts';
import { toMarkdown } from './markdown.ts';
import type { RawText, RawTree } from './schema.ts';
import { parseCodeRef } from '../engine/refs.ts';

const pick = (text: RawText, lang: Lang): string => text[lang] ?? text.en ?? '';
const all = (text: RawText | undefined): string[] => (text ? Object.values(text).filter((t): t is string => !!t) : []);
/** Every search phrase, in every language. */
const phrases = (search: Partial<Record<string, string[] | undefined>> | undefined): string[] => Object.values(search ?? {}).flatMap((list) => list ?? []);
/** Plain text of Markdown in every language. */
const plain = (text: RawText | undefined): string[] => all(text).map((t) => markdownText(toMarkdown(t)));

/**
 * A code or name written as one word, also in words, so a query in words
 * finds it: `SignatureDoesNotMatch` → `signature does not match`,
 * `CLIENT_NETWORK_SSL_ERROR` → `client network ssl error`.
 */
function spelledOut(code: string): string | undefined {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[._\-{}]+/g, ' ')
    .trim();
  return words.toLowerCase() === code.toLowerCase() ? undefined : words;
}

/** Lower-case text for an entry: each piece once, a line each, leaving out what the entry shows anyway (its title, its context: the search adds them back). */
function searchText(pieces: (string | undefined)[], ...shown: string[]): string {
  const seen = new Set(shown.map((t) => normalize(t).trim()));
  const out: string[] = [];
  for (const p of pieces) {
    const t = p && normalize(p).trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out.join('\n');
}

/**
 * The home page's search index in one language (`openIndex` in the browser
 * makes the entries): every guide (title, symptom), every step (title,
 * checklist items, the codes it handles, its search phrases) and every code
 * (code, names, title, the platform's message, HTTP status, meaning, search
 * phrases). Texts of every language are folded into each entry's text, so a
 * Chinese query finds an entry while the UI is English. A code names the step
 * that handles it, which the search lifts above the code for a query that
 * describes a problem. Entries are grouped by guide and by table, so what
 * they share (the guide's id and title, the platform) is written once.
 */
export function compileSearchIndex(trees: RawTree[], tables: RawCodeFile[], lang: Lang): SearchData {
  const guides: SearchData['guides'] = trees.map((t) => {
    const title = pick(t.title, lang);
    const symptom = pick(t.symptom, lang);
    return {
      id: t.id,
      platform: t.platform,
      title,
      symptom,
      start: t.start,
      text: searchText([...all(t.title), ...all(t.symptom)], title, symptom),
      steps: Object.entries(t.nodes).map(([id, node]) => {
        const codes = (node.codes ?? []).map((c) => parseCodeRef(c).code);
        const stepTitle = pick(node.title, lang);
        const text = searchText(
          [
            ...all(node.title),
            ...codes,
            ...codes.map(spelledOut),
            ...(node.kind === 'checklist' ? node.items.flatMap((i) => all(i.label)) : []),
            ...phrases(node.search),
          ],
          stepTitle,
          title,
        );
        return codes.length ? [id, stepTitle, text, codes] : [id, stepTitle, text];
      }),
    };
  });
  const codeTables: SearchData['tables'] = tables.map((table) => {
    const context = pick(table.title, lang);
    return {
      platform: table.platform,
      title: context,
      codes: table.codes.map((e) => {
        const title = pick(e.title, lang);
        const spellings = [...(e.aliases ?? []), ...(e.name ? [e.name] : [])];
        const text = searchText(
          [
            e.code,
            ...[e.code, ...spellings].map(spelledOut),
            ...spellings,
            e.message,
            ...all(e.title),
            ...(e.http ?? []).map((s) => `http ${s}`),
            ...plain(e.meaning),
            ...all(e.prompt),
            ...(e.variants ?? []).map((v) => v.message ?? v.match),
            ...phrases(e.search),
          ],
          title,
          context,
        );
        return spellings.length ? [e.code, title, text, e.step ?? '', spellings] : e.step ? [e.code, title, text, e.step] : [e.code, title, text];
      }),
    };
  });
  return { lang, guides, tables: codeTables };
}
