/**
 * Where a problem is in a YAML file, and a schema issue as a sentence: shared by
 * the tree, code-table, source and translation checks (kept apart from
 * validate.ts, which compiles trees, so none of them import each other in a loop).
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { LANGS } from '../engine/model.ts';
import type { ContentError } from './errors.ts';
import { REQUIRED_LANGS } from './schema.ts';

/** Finds the line and column of a path in a parsed YAML file. */
export interface Locator {
  (path: readonly PropertyKey[], opts?: { key?: boolean }): { line: number; col: number };
}

export function makeLocator(doc: Document, counter: LineCounter): Locator {
  return (path, opts = {}) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
        if (!pair) break;
        const key = pair.key as YamlNode;
        offset = key.range?.[0] ?? offset;
        if (last && opts.key) break;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else {
        break;
      }
      const range = (node as YamlNode | undefined)?.range;
      if (range && !(last && opts.key)) offset = range[0];
    }
    const pos = counter.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
}

export type At = (path: readonly PropertyKey[], message: string, opts?: { key?: boolean }) => ContentError;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

export function issueErrors(issue: $ZodIssue, data: unknown, at: At): ContentError[] {
  const path = issue.path;
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        const name = path[path.length - 1];
        if (typeof name === 'string' && (LANGS as readonly string[]).includes(name)) {
          return [at(path.slice(0, -1), `the text has no "${name}" version (${langList(data)})`)];
        }
        return [at(path.slice(0, -1), `the required field "${String(name)}" is missing`)];
      }
      const expected = issue.expected === 'object' ? 'a map' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
      const textHint = issue.expected === 'object' && typeof value === 'string' ? ' (texts are maps of language to text, like { en: "…" })' : '';
      return [at(path, `must be ${expected}, not ${describe(value)}${textHint}`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => at([...path, key], `"${key}" is not a field here; check its spelling or remove it`, { key: true }));
    case 'invalid_value':
      return [at(path, `"${String(valueAt(data, path))}" is not allowed; use one of ${issue.values.map(String).join(', ')}`)];
    case 'invalid_union': {
      const kindPath = path[path.length - 1] === 'kind' ? path : [...path, 'kind'];
      const kind = valueAt(data, kindPath);
      return [at(kind === undefined ? path : kindPath, kind === undefined ? 'the required field "kind" is missing (question, check, checklist or outcome)' : `"${String(kind)}" is not a kind of step; use question, check, checklist or outcome`)];
    }
    default:
      return [at(path, issue.message)];
  }
}

function langList(data: unknown): string {
  const langs = valueAt(data, ['languages']);
  return Array.isArray(langs) ? `this file provides ${langs.join(', ')}` : `every text needs ${REQUIRED_LANGS.join(' and ')}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} "${String(value)}"`;
}
