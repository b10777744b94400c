import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { fieldPath, type ContentError } from './errors.ts';
import { makeLocator, type Locator } from './yaml-locate.ts';

/**
 * Translation records (docs/decisions/0013): for every content file that has
 * texts in English and Chinese, a side file under `content/translated/` maps
 * each text's stable key (`nodes.start.answers.http.label`) to a short hash of
 * the English the Chinese was translated from. `npm run content:translated`
 * writes them; `content:check` compares them with the English of today.
 */
const TRANSLATED_DIR = 'content/translated';

/** The language every other one is translated from, and the one that is checked. */
const FROM = 'en';
const TO = 'zh';

/** `content/trees/x.yaml` → `content/translated/trees/x.yaml`. */
export function recordFileFor(file: string): string {
  return `${TRANSLATED_DIR}/${file.replace(/^content\//, '')}`;
}

/**
 * A short hash of an English text. Runs of white space count as one space, so
 * re-wrapping a paragraph does not make its translation stale.
 */
export function textHash(en: string): string {
  return createHash('sha256').update(en.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8);
}

/** One text that has both an English and a Chinese version. */
export interface TextPair {
  /** Stable across reordering: list entries are named by their `id` or `code` (`codes.429.title`). */
  key: string;
  /** Where it is in the file (list entries by index), for locating it. */
  path: (string | number)[];
  en: string;
  zh: string;
}

/** Fields whose `{ en, zh }` maps are not texts translated from each other. */
const NOT_TEXT = new Set(['url', 'search']);

/** Every English/Chinese text of a parsed content file, in file order. */
export function textPairs(data: unknown): TextPair[] {
  const out: TextPair[] = [];
  const walk = (value: unknown, path: (string | number)[], key: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const name = v && typeof v === 'object' ? ((v as { id?: unknown }).id ?? (v as { code?: unknown }).code) : undefined;
        walk(v, [...path, i], [...key, typeof name === 'string' ? name : String(i)]);
      });
    } else if (value && typeof value === 'object') {
      const map = value as Record<string, unknown>;
      if (typeof map[FROM] === 'string' && typeof map[TO] === 'string') {
        out.push({ key: key.join('.'), path, en: map[FROM], zh: map[TO] });
        return;
      }
      for (const [k, v] of Object.entries(map)) if (!NOT_TEXT.has(k)) walk(v, [...path, k], [...key, k]);
    }
  };
  walk(data, [], []);
  return out;
}

/** A parsed record file: text key → hash of the English. */
export interface TranslationRecord {
  file: string;
  hashes: Map<string, string>;
  locate: Locator;
  errors: ContentError[];
}

export function parseRecordFile(file: string, source: string): TranslationRecord {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const locate = makeLocator(doc, counter);
  const hashes = new Map<string, string>();
  const first = doc.errors[0];
  if (first) {
    const pos = counter.linePos(first.pos[0]);
    return { file, hashes, locate, errors: [{ file, line: pos.line, col: pos.col, message: `the YAML cannot be read: ${first.message.split('\n')[0]} (run "npm run content:translated" to rewrite it)` }] };
  }
  const data: unknown = doc.toJS() ?? {};
  const errors: ContentError[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { file, hashes, locate, errors: [{ file, line: 1, col: 1, message: 'the file must be a map of text to hash (run "npm run content:translated" to rewrite it)' }] };
  }
  for (const [key, hash] of Object.entries(data)) {
    if (typeof hash === 'string' && /^[0-9a-f]{8}$/.test(hash)) hashes.set(key, hash);
    else errors.push({ file, ...locate([key]), field: key, message: 'must be the 8-character hash "npm run content:translated" writes' });
  }
  return { file, hashes, locate, errors };
}

/** A content file with English and Chinese texts, as the checker needs it. */
export interface TranslatedFile {
  file: string;
  data: unknown;
  locate: Locator;
  /** Names the step or code entry a path is in, as the file's other errors do. */
  where: (path: (string | number)[]) => Pick<ContentError, 'node' | 'code' | 'field'>;
}

/** How a tree file names a place: node "id" → field. */
export function treeWhere(path: (string | number)[]): Pick<ContentError, 'node' | 'field'> {
  const inNode = path[0] === 'nodes' && typeof path[1] === 'string';
  const rest = inNode ? path.slice(2) : path;
  return { ...(inNode ? { node: path[1] as string } : {}), ...(rest.length ? { field: fieldPath(rest) } : {}) };
}

/** How a code table names a place: code "429" → field. */
export function codesWhere(data: unknown): (path: (string | number)[]) => Pick<ContentError, 'code' | 'field'> {
  return (path) => {
    const inEntry = path[0] === 'codes' && typeof path[1] === 'number';
    const code = inEntry ? (data as { codes?: { code?: unknown }[] }).codes?.[path[1] as number]?.code : undefined;
    const rest = inEntry ? path.slice(2) : path;
    return { ...(typeof code === 'string' ? { code } : {}), ...(rest.length ? { field: fieldPath(rest) } : {}) };
  };
}

/** How the source registry names a place: `id.title.zh`. */
export function sourcesWhere(path: (string | number)[]): Pick<ContentError, 'field'> {
  return { field: path.map(String).join('.') };
}

/**
 * Keys under which a text may have been recorded before: a step renamed with a
 * redirect (`old-id: new-id`) keeps its texts' records under the old id until
 * they are recorded again, so renaming a step neither hides nor invents a
 * stale translation.
 */
export function earlierKeys(data: unknown, key: string): string[] {
  const redirects = (data as { redirects?: Record<string, string> } | null)?.redirects;
  const m = /^nodes\.([a-z0-9-]+)\.(.+)$/.exec(key);
  if (!redirects || !m) return [];
  return Object.entries(redirects)
    .filter(([, to]) => to === m[1])
    .map(([from]) => `nodes.${from}.${m[2]}`);
}

/** The hash recorded for a text: under its key, or under its step's id before a rename. */
export function recordedHash(hashes: ReadonlyMap<string, string> | undefined, data: unknown, key: string): string | undefined {
  if (!hashes) return undefined;
  return hashes.get(key) ?? earlierKeys(data, key).map((k) => hashes.get(k)).find((h) => h !== undefined);
}

/** A text whose Chinese no longer matches the English it was translated from, or has no record. */
export interface StaleText {
  file: string;
  key: string;
  path: (string | number)[];
  /** The hash recorded (the English the Chinese translates), if any. */
  recorded?: string;
  en: string;
  zh: string;
}

/** The texts of one file whose recorded hash is missing or is not the hash of today's English. */
function staleTexts(file: string, data: unknown, record: TranslationRecord | undefined): StaleText[] {
  return textPairs(data).flatMap((pair) => {
    const recorded = recordedHash(record?.hashes, data, pair.key);
    if (recorded === textHash(pair.en)) return [];
    return [{ file, key: pair.key, path: pair.path, en: pair.en, zh: pair.zh, ...(recorded ? { recorded } : {}) }];
  });
}

const COMMAND = '"npm run content:translated"';

/**
 * Stale or unrecorded Chinese texts, record entries that name no text, and
 * record files that belong to no content file. All are flagged
 * `staleTranslation`: the dev server only warns about them.
 */
export function checkTranslations(files: TranslatedFile[], records: Map<string, TranslationRecord>, recordFiles: string[]): ContentError[] {
  const errors: ContentError[] = [];
  const flag = { staleTranslation: true } as const;
  const owners = new Set<string>();
  for (const f of files) {
    const recordFile = recordFileFor(f.file);
    owners.add(recordFile);
    const record = records.get(recordFile);
    if (record?.errors.length) {
      errors.push(...record.errors.map((e) => ({ ...e, ...flag })));
      continue;
    }
    const pairs = textPairs(f.data);
    if (!record) {
      if (pairs.length) errors.push({ file: f.file, line: 1, col: 1, ...flag, message: `none of its ${pairs.length} Chinese texts is recorded as translated (${recordFile} is missing): once they translate the English, run ${COMMAND}` });
      continue;
    }
    for (const s of staleTexts(f.file, f.data, record)) {
      const at = { file: f.file, ...f.locate([...s.path, TO]), ...f.where([...s.path, TO]), ...flag };
      errors.push({
        ...at,
        message: s.recorded
          ? `the English of this text changed after the Chinese was translated, so the Chinese may be out of date: update it, then run ${COMMAND} (run it as it is if the Chinese still fits)`
          : `the Chinese is not recorded as a translation of the English yet: once it is one, run ${COMMAND}`,
      });
    }
    const keys = new Set(pairs.flatMap((p) => [p.key, ...earlierKeys(f.data, p.key)]));
    for (const key of record.hashes.keys()) {
      if (!keys.has(key)) errors.push({ file: record.file, ...record.locate([key], { key: true }), field: key, ...flag, message: `names no text of ${f.file} any more: run ${COMMAND} to drop it` });
    }
  }
  for (const file of recordFiles) {
    if (!owners.has(file)) errors.push({ file, line: 1, col: 1, ...flag, message: `records the translations of a content file that does not exist: delete it (or run ${COMMAND})` });
  }
  return errors;
}

/** The text of a record file: `hashes` maps each text key to the hash of the English its Chinese translates. */
export function recordSource(file: string, hashes: Iterable<[string, string]>): string {
  const header =
    `# Which English text each Chinese text of ${file} translates: a hash of the English,\n` +
    `# written by "npm run content:translated" (docs/decisions/0013-translation-hashes.md).\n` +
    `# Do not edit: after translating, run the command; content:check reports a Chinese text\n` +
    `# whose English changed since.\n`;
  const map = Object.fromEntries(hashes);
  return header + (Object.keys(map).length ? stringify(map, { lineWidth: 0 }) : '{}\n');
}
