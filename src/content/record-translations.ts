import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatError, type ContentError } from './errors.ts';
import { loadContent, translatedFiles } from './load.ts';
import { SOURCES_FILE } from './sources.ts';
import { earlierKeys, recordedHash, recordFileFor, recordSource, textHash, textPairs } from './translations.ts';

export interface RecordResult {
  /** One line per record written, refreshed, dropped or deleted. */
  changes: string[];
  /** Problems that kept a file from being recorded (it does not parse or fails the schema). */
  errors: ContentError[];
  /** Names that match no tree, code table or "sources". */
  unknown: string[];
}

const stem = (file: string) => file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');

/**
 * Records that each Chinese text translates today's English
 * (`npm run content:translated`, docs/decisions/0013-translation-hashes.md).
 * `only` limits it to some texts: `tree-id`, `platform` or `sources`,
 * optionally `/step-id`, `/code` or `/source-id`; other records stay as they are.
 */
export function recordTranslations(root: string, only: string[] = []): RecordResult {
  const { trees, codes, registry, records, errors } = loadContent(root);
  const unknown = only.filter((f) => ![...trees.map((t) => t.file), ...codes.map((c) => c.file), SOURCES_FILE].some((file) => stem(file) === f.split('/')[0]));
  const unparsed = new Set([...trees.filter((t) => !t.tree).map((t) => t.file), ...codes.filter((c) => !c.table).map((c) => c.file), ...(registry.sources ? [] : [registry.file])]);
  const blocking = errors.filter((e) => unparsed.has(e.file));
  if (unknown.length) return { changes: [], errors: blocking, unknown };

  const wanted = (file: string, key: string) =>
    only.length === 0 ||
    only.some((f) => {
      const [name, part] = f.split('/', 2);
      if (name !== stem(file)) return false;
      return part === undefined || key.startsWith(`nodes.${part}.`) || key.startsWith(`codes.${part}.`) || key.startsWith(`${part}.`);
    });

  const changes: string[] = [];
  const owned = new Set<string>();
  for (const f of translatedFiles(trees, codes, registry)) {
    const recordFile = recordFileFor(f.file);
    owned.add(recordFile);
    const old = records.get(recordFile)?.hashes ?? new Map<string, string>();
    const pairs = textPairs(f.data);
    // A text not asked for keeps its record (moved to its new key after a step's rename).
    const earlier = (key: string) => recordedHash(old, f.data, key);
    const kept = pairs.filter((p) => wanted(f.file, p.key) || earlier(p.key) !== undefined);
    const hashes = new Map(kept.map((p) => [p.key, wanted(f.file, p.key) ? textHash(p.en) : earlier(p.key)!]));
    for (const p of kept) {
      const before = earlier(p.key);
      if (before === hashes.get(p.key)) continue;
      const where = formatError({ file: f.file, ...f.locate([...p.path, 'zh']), ...f.where([...p.path, 'zh']), message: '' }).trimEnd();
      changes.push(`${where} ${before ? 'recorded again: its English had changed since the last record' : 'recorded'}`);
    }
    for (const key of old.keys()) {
      if (pairs.some((p) => p.key === key)) continue;
      const movedTo = kept.find((p) => earlierKeys(f.data, p.key).includes(key));
      changes.push(movedTo ? `${recordFile}: "${key}" is now "${movedTo.key}" (the step was renamed)` : `${recordFile}: dropped "${key}" (no such text any more)`);
    }
    const path = join(root, recordFile);
    const body = recordSource(f.file, hashes);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current !== body && (current !== undefined || hashes.size > 0)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
    }
  }
  if (only.length === 0) {
    for (const file of records.keys()) {
      if (owned.has(file)) continue;
      rmSync(join(root, file));
      changes.push(`${file}: deleted (its content file is gone)`);
    }
  }
  return { changes, errors: blocking, unknown };
}
