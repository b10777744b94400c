import type { ContentError } from './errors.ts';
import type { At } from './yaml-locate.ts';

/**
 * Text a reader sees must not name this project's internals: the source
 * documents' file names, their "seed" numbers or the notes file.
 */
const INTERNAL = /\bseeds?[ _-]?\d{3}\b|\b\d{3}_[0-9a-f]{16}\b|EXTRA[-_ ]SOURCES|shared\/seeds|\bthis copy\b|\bsource copy\b/i;

/** The internal name a reader-facing text gives away, if any. */
export function internalName(s: string): string | undefined {
  return INTERNAL.exec(s)?.[0];
}

/**
 * Every reader-facing text of a tree or code table (any string under a
 * language key, and a code's verbatim message/name) is free of internal names.
 */
export function checkReaderText(data: unknown, at: At): ContentError[] {
  const errors: ContentError[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const key = path[path.length - 1];
      if (key === 'ref' || path.includes('sources') || path.includes('redirects')) return;
      const name = internalName(value);
      if (name) errors.push(at(path, `readers would see "${name}", an internal name: cite the public document instead (the step's sources are listed under it)`));
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  return errors;
}
