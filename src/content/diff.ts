import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bestMatch } from '../engine/codes.ts';
import { LANGS, type Lang } from '../engine/model.ts';
import { paths } from '../engine/paths.ts';
import type { RawCodeEntry, RawCodeFile } from './codes-schema.ts';
import { loadContent, PUBLISHED_CODES_FILE, PUBLISHED_FILE } from './load.ts';
import type { RawNode, RawTree } from './schema.ts';
import { parseSourcesFile, SOURCES_FILE, type RawSources } from './sources.ts';
import { parseRecordFile, recordedHash, textHash } from './translations.ts';
import { parseCodeFile, parsePublishedCodes } from './validate-codes.ts';
import { parsePublished, parseTreeFile } from './validate.ts';

/** The content of the project at one moment: a git commit, or the working tree. */
export interface Snapshot {
  trees: Map<string, { file: string; tree: RawTree }>;
  tables: Map<string, { file: string; table: RawCodeFile }>;
  sources: RawSources;
  /** `tree/step` */
  published: Set<string>;
  /** `platform/code` */
  publishedCodes: Set<string>;
  /** Translation records: content file → text key → hash of the English. */
  records: Map<string, Map<string, string>>;
  /** Content files that could not be read (they fail the schema): compared by nothing. */
  unreadable: string[];
}

function snapshot(files: { path: string; text: string }[]): Snapshot {
  const snap: Snapshot = { trees: new Map(), tables: new Map(), sources: {}, published: new Set(), publishedCodes: new Set(), records: new Map(), unreadable: [] };
  for (const { path, text } of files) {
    if (/^content\/trees\/[^/]+\.ya?ml$/.test(path)) {
      const { tree } = parseTreeFile(path, text);
      if (tree) snap.trees.set(tree.id, { file: path, tree });
      else snap.unreadable.push(path);
    } else if (/^content\/codes\/[^/]+\.ya?ml$/.test(path)) {
      const { table } = parseCodeFile(path, text);
      if (table) snap.tables.set(table.platform, { file: path, table });
      else snap.unreadable.push(path);
    } else if (path === SOURCES_FILE) {
      const { sources } = parseSourcesFile(path, text);
      if (sources) snap.sources = sources;
      else snap.unreadable.push(path);
    } else if (path === PUBLISHED_FILE) {
      snap.published = new Set(parsePublished(text).map((p) => `${p.tree}/${p.step}`));
    } else if (path === PUBLISHED_CODES_FILE) {
      snap.publishedCodes = new Set(parsePublishedCodes(text).map((p) => `${p.platform}/${p.code}`));
    } else if (path.startsWith('content/translated/') && /\.ya?ml$/.test(path)) {
      snap.records.set(`content/${path.slice('content/translated/'.length)}`, parseRecordFile(path, text).hashes);
    }
  }
  return snap;
}

const git = (root: string, args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/** The content at a git commit (read with `git ls-tree` and `git show`, nothing checked out). */
function snapshotAt(root: string, ref: string): Snapshot {
  const names = git(root, ['ls-tree', '-r', '--name-only', ref, '--', 'content']).split('\n').filter(Boolean);
  return snapshot(names.map((path) => ({ path, text: git(root, ['show', `${ref}:${path}`]) })));
}

/** The content as it is on disk now (committed or not). */
function snapshotNow(root: string): Snapshot {
  const { trees, codes, registry, records } = loadContent(root);
  const snap: Snapshot = { trees: new Map(), tables: new Map(), sources: registry.sources ?? {}, published: new Set(), publishedCodes: new Set(), records: new Map(), unreadable: [] };
  for (const t of trees) {
    if (t.tree) snap.trees.set(t.tree.id, { file: t.file, tree: t.tree });
    else snap.unreadable.push(t.file);
  }
  for (const c of codes) {
    if (c.table) snap.tables.set(c.table.platform, { file: c.file, table: c.table });
    else snap.unreadable.push(c.file);
  }
  if (!registry.sources) snap.unreadable.push(registry.file);
  for (const [file, record] of records) snap.records.set(`content/${file.slice('content/translated/'.length)}`, record.hashes);
  const lists = snapshot(
    [PUBLISHED_FILE, PUBLISHED_CODES_FILE].flatMap((path) => (existsSync(join(root, path)) ? [{ path, text: readFileSync(join(root, path), 'utf8') }] : [])),
  );
  snap.published = lists.published;
  snap.publishedCodes = lists.publishedCodes;
  return snap;
}

/** The commit `content:diff` compares with by default: where this branch left `main`. */
function defaultBase(root: string): { ref: string; label: string } {
  for (const main of ['main', 'origin/main']) {
    try {
      const ref = git(root, ['merge-base', 'HEAD', main]).trim();
      return { ref, label: `the merge base with ${main} (${ref.slice(0, 7)})` };
    } catch {
      // try the next name
    }
  }
  throw new Error('no branch "main" (or "origin/main") to compare with: name a commit, e.g. "npm run content:diff -- HEAD~1"');
}

// ── The differences ──────────────────────────────────────────────────────────

export type Change = 'added' | 'removed' | 'changed' | 'renamed';
export type Thing = 'tree' | 'table' | 'step' | 'answer' | 'start' | 'redirect' | 'code' | 'group' | 'source' | 'cites' | 'handles';

/** One structural change: `step "x" added (check, 2 answers)`. */
export interface Item {
  thing: Thing;
  change: Change;
  /** What changed: a step id, `step/answer`, a code, a source id. */
  name: string;
  /** In a few words: `leads to b (was a)`, `title, body`. */
  detail?: string;
}

/** How a published address fares. */
export interface Link {
  url: string;
  how: 'kept' | 'redirected' | 'broken' | 'new';
  detail: string;
}

export interface TextChange {
  /** Where the text is, readably: `step start → answers.http.label`, `code 25 → action`, `title`. */
  where: string;
  /** For the texts of a whole step or code added or removed: how many, instead of each one. */
  summary?: string;
  before?: string;
  after?: string;
}

/** A Chinese text whose English changed since it was translated (or that has no record). */
export interface StaleText {
  where: string;
  /** The English at the base, when it was there. */
  enBefore?: string;
  en: string;
  zh: string;
}

/** What changed in one tree, code table or the source registry. */
export interface FileDiff {
  file: string;
  /** `tree top-api-error`, `code table top`, `sources`. */
  title: string;
  status: 'added' | 'removed' | 'changed' | 'unreadable';
  items: Item[];
  links: Link[];
  texts: Record<Lang, TextChange[]>;
  stale: StaleText[];
}

export interface ContentDiff {
  base: string;
  files: FileDiff[];
}

/** Every text of a content file, by key (as in translation records), with the languages it has. */
function textsOf(data: unknown): Map<string, Partial<Record<Lang, string>>> {
  const out = new Map<string, Partial<Record<Lang, string>>>();
  const walk = (value: unknown, key: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const name = v && typeof v === 'object' ? ((v as { id?: unknown }).id ?? (v as { code?: unknown }).code) : undefined;
        walk(v, [...key, typeof name === 'string' ? name : String(i)]);
      });
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length && entries.every(([k, v]) => (LANGS as readonly string[]).includes(k) && typeof v === 'string')) {
        out.set(key.join('.'), value as Partial<Record<Lang, string>>);
        return;
      }
      for (const [k, v] of entries) if (k !== 'url' && k !== 'search') walk(v, [...key, k]);
    }
  };
  walk(data, []);
  return out;
}

/** `nodes.start.answers.http.label` → `step "start" → answers.http.label`; `codes.25.action` → `code "25" → action`. */
function readableKey(key: string, kind: 'tree' | 'table' | 'sources', codes: Iterable<string> = []): string {
  if (kind === 'tree') {
    const m = /^nodes\.([a-z0-9-]+)\.(.+)$/.exec(key);
    return m ? `step "${m[1]}" → ${m[2]}` : key;
  }
  if (kind === 'table' && key.startsWith('codes.')) {
    // Codes may hold dots (InvalidTimeStamp.Expired): take the longest code the key starts with.
    const code = [...codes].filter((c) => key.startsWith(`codes.${c}.`)).sort((a, b) => b.length - a.length)[0];
    if (code !== undefined) return `code "${code}" → ${key.slice(`codes.${code}.`.length)}`;
  }
  return key;
}

/**
 * Text changes per language. `rename` maps a key of the base to its key now (a renamed step);
 * `whole` names the added or removed step or code a key belongs to: its texts are counted, not listed.
 */
function diffTexts(before: unknown, after: unknown, name: (key: string) => string, rename: (key: string) => string = (k) => k, whole: (key: string) => string | undefined = () => undefined): Record<Lang, TextChange[]> {
  const old = new Map([...textsOf(before)].map(([k, v]) => [rename(k), v]));
  const now = textsOf(after);
  const out = Object.fromEntries(LANGS.map((l) => [l, [] as TextChange[]])) as unknown as Record<Lang, TextChange[]>;
  const keys = [...now.keys(), ...[...old.keys()].filter((k) => !now.has(k))];
  for (const lang of LANGS) {
    const counted = new Map<string, { n: number; added: boolean }>();
    for (const key of keys) {
      const b = old.get(key)?.[lang];
      const a = now.get(key)?.[lang];
      if (b === a) continue;
      const group = whole(key);
      if (group !== undefined) {
        const c = counted.get(group) ?? { n: 0, added: a !== undefined };
        c.n++;
        counted.set(group, c);
        if (c.n > 1) continue;
        out[lang].push({ where: group });
        continue;
      }
      out[lang].push({ where: name(key), ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
    }
    for (const t of out[lang]) {
      const c = counted.get(t.where);
      if (c) t.summary = `${plural(c.n, 'text')} ${c.added ? 'added' : 'removed'} with it`;
    }
  }
  return out;
}

function staleIn(file: string, before: unknown, after: unknown, record: Map<string, string> | undefined, name: (key: string) => string, rename: (key: string) => string = (k) => k): StaleText[] {
  const old = new Map([...textsOf(before)].map(([k, v]) => [rename(k), v]));
  const out: StaleText[] = [];
  for (const [key, text] of textsOf(after)) {
    if (text.en === undefined || text.zh === undefined) continue;
    if (recordedHash(record, after, key) === textHash(text.en)) continue;
    const enBefore = old.get(key)?.en;
    out.push({ where: `${file} ${name(key)}.zh`, ...(enBefore !== undefined && enBefore !== text.en ? { enBefore } : {}), en: text.en, zh: text.zh });
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const isText = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => (LANGS as readonly string[]).includes(k));

/** The fields of two versions of a thing that differ (answers and text languages aside). */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, skip: string[] = []): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !skip.includes(f));
  return fields.flatMap((f) => {
    if (same(before[f], after[f])) return [];
    const b = before[f];
    const a = after[f];
    if (isText(b) || isText(a) || (typeof b === 'object' && b !== null) || (typeof a === 'object' && a !== null)) return [f];
    return [`${f}: ${b === undefined ? '(none)' : String(b)} → ${a === undefined ? '(none)' : String(a)}`];
  });
}

/** Where a step address leads in a tree: the step itself, or the step a redirect chain ends at. */
function resolveStep(tree: RawTree | undefined, step: string): { to: string; redirected: boolean } | undefined {
  if (!tree) return undefined;
  if (tree.nodes[step]) return { to: step, redirected: false };
  let to = tree.redirects?.[step];
  for (let hops = 0; to !== undefined && !tree.nodes[to] && hops < 100; hops++) to = tree.redirects?.[to];
  return to !== undefined && tree.nodes[to] ? { to, redirected: true } : undefined;
}

function nodeSummary(node: RawNode): string {
  return node.kind === 'outcome' ? `outcome: ${node.result}` : `${node.kind}, ${plural(node.answers.length, 'answer')}`;
}

function diffTree(id: string, before: { file: string; tree: RawTree } | undefined, after: { file: string; tree: RawTree } | undefined, old: Snapshot, now: Snapshot): FileDiff {
  const file = after?.file ?? before!.file;
  const b = before?.tree;
  const a = after?.tree;
  const items: Item[] = [];
  const changedSteps = new Set<string>();
  if (!b) items.push({ thing: 'tree', change: 'added', name: id, detail: plural(Object.keys(a!.nodes).length, 'step') });
  if (!a) items.push({ thing: 'tree', change: 'removed', name: id });
  if (b && a && b.start !== a.start) items.push({ thing: 'start', change: 'changed', name: a.start, detail: `was ${b.start}` });

  const bNodes = b?.nodes ?? {};
  const aNodes = a?.nodes ?? {};
  // A step that is gone and a new one exactly like it: a rename.
  const renamedFrom = new Map<string, string>();
  for (const [step, node] of Object.entries(aNodes)) {
    if (bNodes[step]) continue;
    const was = Object.keys(bNodes).find((o) => !aNodes[o] && ![...renamedFrom.values()].includes(o) && same(bNodes[o], node));
    if (was) renamedFrom.set(step, was);
  }
  const renamedTo = new Map([...renamedFrom].map(([to, from]) => [from, to]));
  for (const [step, node] of Object.entries(aNodes)) {
    const prev = bNodes[step];
    if (renamedFrom.has(step)) {
      items.push({ thing: 'step', change: 'renamed', name: step, detail: `was ${renamedFrom.get(step)}` });
      continue;
    }
    if (!prev) {
      items.push({ thing: 'step', change: 'added', name: step, detail: nodeSummary(node) });
      continue;
    }
    const fields = changedFields(prev as Record<string, unknown>, node as Record<string, unknown>, ['answers', 'sources', 'codes']);
    const prevAnswers = prev.kind === 'outcome' ? [] : prev.answers;
    const answers = node.kind === 'outcome' ? [] : node.answers;
    if (!same(prevAnswers, answers)) fields.push('answers');
    if (!same(prev.sources, node.sources)) fields.push('sources');
    if (!same(prev.codes ?? [], node.codes ?? [])) fields.push('codes');
    if (fields.length) {
      changedSteps.add(step);
      items.push({ thing: 'step', change: 'changed', name: step, detail: fields.join('; ') });
    }
    for (const ans of answers) {
      const was = prevAnswers.find((x) => x.id === ans.id);
      if (!was) items.push({ thing: 'answer', change: 'added', name: `${step}/${ans.id}`, detail: `leads to ${ans.next}` });
      else {
        const d = [...(was.next !== ans.next ? [`leads to ${ans.next} (was ${was.next})`] : []), ...changedFields(was, ans, ['id', 'next', 'label', 'hint'])];
        if (d.length) items.push({ thing: 'answer', change: 'changed', name: `${step}/${ans.id}`, detail: d.join('; ') });
      }
    }
    for (const was of prevAnswers) {
      if (!answers.some((x) => x.id === was.id)) {
        const published = old.published.has(`${id}/${step}`);
        items.push({ thing: 'answer', change: 'removed', name: `${step}/${was.id}`, detail: `led to ${was.next}${published ? '; shared paths (?trail=) through it stop at this step' : ''}` });
      }
    }
    for (const s of node.sources) if (!prev.sources.includes(s)) items.push({ thing: 'cites', change: 'added', name: s, detail: `by step ${step}` });
    for (const s of prev.sources) if (!node.sources.includes(s)) items.push({ thing: 'cites', change: 'removed', name: s, detail: `by step ${step}` });
    for (const c of node.codes ?? []) if (!(prev.codes ?? []).includes(c)) items.push({ thing: 'handles', change: 'added', name: c, detail: `by step ${step}` });
    for (const c of prev.codes ?? []) if (!(node.codes ?? []).includes(c)) items.push({ thing: 'handles', change: 'removed', name: c, detail: `by step ${step}` });
  }
  for (const [step, node] of Object.entries(bNodes)) {
    if (!aNodes[step] && !renamedTo.has(step)) items.push({ thing: 'step', change: 'removed', name: step, detail: nodeSummary(node) });
  }
  // Codes and sources of whole added or removed steps.
  for (const [step, node] of Object.entries(aNodes)) {
    if (bNodes[step] || renamedFrom.has(step)) continue;
    for (const c of node.codes ?? []) items.push({ thing: 'handles', change: 'added', name: c, detail: `by new step ${step}` });
    for (const s of node.sources) items.push({ thing: 'cites', change: 'added', name: s, detail: `by new step ${step}` });
  }
  for (const [step, node] of Object.entries(bNodes)) {
    if (aNodes[step] || renamedTo.has(step)) continue;
    for (const c of node.codes ?? []) items.push({ thing: 'handles', change: 'removed', name: c, detail: `with removed step ${step}` });
    for (const s of node.sources) items.push({ thing: 'cites', change: 'removed', name: s, detail: `with removed step ${step}` });
  }

  const bRedirects = b?.redirects ?? {};
  const aRedirects = a?.redirects ?? {};
  for (const [from, to] of Object.entries(aRedirects)) {
    if (bRedirects[from] === undefined) items.push({ thing: 'redirect', change: 'added', name: from, detail: `to ${to}` });
    else if (bRedirects[from] !== to) items.push({ thing: 'redirect', change: 'changed', name: from, detail: `to ${to} (was ${bRedirects[from]})` });
  }
  for (const [from, to] of Object.entries(bRedirects)) if (aRedirects[from] === undefined) items.push({ thing: 'redirect', change: 'removed', name: from, detail: `was to ${to}` });

  // Published addresses: every published step and every redirect, before or after.
  const steps = new Set<string>();
  for (const set of [old.published, now.published]) for (const p of set) if (p.startsWith(`${id}/`)) steps.add(p.slice(id.length + 1));
  for (const from of [...Object.keys(bRedirects), ...Object.keys(aRedirects)]) steps.add(from);
  const links: Link[] = [];
  for (const step of [...steps].sort()) {
    const url = paths.step.href(id, step);
    const was = resolveStep(b, step);
    const is = resolveStep(a, step);
    const publishedNow = now.published.has(`${id}/${step}`);
    const publishedBefore = old.published.has(`${id}/${step}`);
    if (!is) {
      if (was || publishedBefore || publishedNow) links.push({ url, how: 'broken', detail: a ? `no step "${step}" and no redirect for it: add "${step}: <new-step-id>" under redirects` : `the tree is gone` });
    } else if (was && was.to !== is.to) {
      links.push({ url, how: 'redirected', detail: renamedTo.get(was.to) === is.to ? `the step is now ${is.to}: the redirect opens it` : `now opens step ${is.to} (was ${was.to})` });
    } else if (was && !was.redirected && is.redirected) {
      links.push({ url, how: 'redirected', detail: `the step is gone; opens step ${is.to}` });
    } else if (!was && is.redirected) {
      links.push({ url, how: 'redirected', detail: `opens step ${is.to}` });
    } else if (publishedNow && !publishedBefore) {
      links.push({ url, how: 'new', detail: 'newly published: permanent from now on' });
    } else if (changedSteps.has(is.to)) {
      links.push({ url, how: 'kept', detail: is.redirected ? `still opens step ${is.to}, which changed` : 'the step changed' });
    }
  }
  const name = (key: string) => readableKey(key, 'tree');
  const rename = (key: string) => {
    const m = /^nodes\.([a-z0-9-]+)\./.exec(key);
    const to = m ? renamedTo.get(m[1]!) : undefined;
    return to ? `nodes.${to}.${key.slice(m![0].length)}` : key;
  };
  const whole = (key: string) => {
    const step = /^nodes\.([a-z0-9-]+)\./.exec(key)?.[1];
    return step !== undefined && !(aNodes[step] && bNodes[step]) && !renamedFrom.has(step) ? `step "${step}"` : undefined;
  };
  return {
    file,
    title: `tree ${id}`,
    status: !b ? 'added' : !a ? 'removed' : 'changed',
    items,
    links,
    texts: diffTexts(b, a, name, rename, whole),
    stale: a ? staleIn(file, b, a, now.records.get(file), name, rename) : [],
  };
}

function diffTable(platform: string, before: { file: string; table: RawCodeFile } | undefined, after: { file: string; table: RawCodeFile } | undefined, old: Snapshot, now: Snapshot): FileDiff {
  const file = after?.file ?? before!.file;
  const b = before?.table;
  const a = after?.table;
  const items: Item[] = [];
  if (!b) items.push({ thing: 'table', change: 'added', name: platform, detail: plural(a!.codes.length, 'code') });
  if (!a) items.push({ thing: 'table', change: 'removed', name: platform });
  const bCodes = new Map((b?.codes ?? []).map((e) => [e.code, e]));
  const aCodes = new Map((a?.codes ?? []).map((e) => [e.code, e]));
  const changedCodes = new Set<string>();
  for (const [code, entry] of aCodes) {
    const was = bCodes.get(code);
    if (!was) {
      items.push({ thing: 'code', change: 'added', name: code, ...(entry.step ? { detail: `handled by step ${entry.step}` } : {}) });
      entry.sources.forEach((s) => items.push({ thing: 'cites', change: 'added', name: s, detail: `by new code ${code}` }));
      continue;
    }
    const fields = changedFields(was as Record<string, unknown>, entry as Record<string, unknown>, ['sources']);
    if (!same(was.sources, entry.sources)) fields.push('sources');
    if (fields.length) {
      changedCodes.add(code);
      items.push({ thing: 'code', change: 'changed', name: code, detail: fields.join('; ') });
    }
    for (const s of entry.sources) if (!was.sources.includes(s)) items.push({ thing: 'cites', change: 'added', name: s, detail: `by code ${code}` });
    for (const s of was.sources) if (!entry.sources.includes(s)) items.push({ thing: 'cites', change: 'removed', name: s, detail: `by code ${code}` });
  }
  for (const [code, was] of bCodes) {
    if (aCodes.has(code)) continue;
    items.push({ thing: 'code', change: 'removed', name: code });
    was.sources.forEach((s) => items.push({ thing: 'cites', change: 'removed', name: s, detail: `with removed code ${code}` }));
  }
  for (const g of Object.keys(a?.groups ?? {})) if (!b?.groups[g] && b) items.push({ thing: 'group', change: 'added', name: g });
  for (const g of Object.keys(b?.groups ?? {})) if (!a?.groups[g]) items.push({ thing: 'group', change: 'removed', name: g });
  for (const g of Object.keys(a?.groups ?? {})) if (b?.groups[g] && !same(b.groups[g], a!.groups[g])) items.push({ thing: 'group', change: 'changed', name: g });

  const codes = new Set<string>();
  for (const set of [old.publishedCodes, now.publishedCodes]) for (const p of set) if (p.startsWith(`${platform}/`)) codes.add(p.slice(platform.length + 1));
  const links: Link[] = [];
  const opens = (entries: RawCodeEntry[] | undefined, code: string) => (entries ? bestMatch(entries, code)?.code : undefined);
  for (const code of [...codes].sort()) {
    const url = paths.code.href(platform, code);
    const was = opens(b?.codes, code);
    const is = opens(a?.codes, code);
    if (is === undefined) {
      if (was !== undefined || old.publishedCodes.has(`${platform}/${code}`)) links.push({ url, how: 'broken', detail: a ? `no entry opens it: add "${code}" to the aliases of the entry that replaces it` : 'the table is gone' });
    } else if (was !== undefined && was !== is) {
      links.push({ url, how: 'redirected', detail: `now opens code ${is} (was ${was})` });
    } else if (was === undefined && old.publishedCodes.has(`${platform}/${code}`)) {
      links.push({ url, how: 'redirected', detail: `opens code ${is}` });
    } else if (now.publishedCodes.has(`${platform}/${code}`) && !old.publishedCodes.has(`${platform}/${code}`)) {
      links.push({ url, how: 'new', detail: 'newly published: permanent from now on' });
    } else if (was === code && is === code && changedCodes.has(code)) {
      links.push({ url, how: 'kept', detail: 'the entry changed' });
    } else if (is !== code && changedCodes.has(is)) {
      links.push({ url, how: 'kept', detail: `still opens code ${is}, which changed` });
    }
  }
  const allCodes = [...aCodes.keys(), ...bCodes.keys()];
  const name = (key: string) => readableKey(key, 'table', allCodes);
  const whole = (key: string) => {
    const m = /^code "(.*)" → /.exec(name(key));
    return m && !(aCodes.has(m[1]!) && bCodes.has(m[1]!)) ? `code "${m[1]}"` : undefined;
  };
  return {
    file,
    title: `code table ${platform}`,
    status: !b ? 'added' : !a ? 'removed' : 'changed',
    items,
    links,
    texts: diffTexts(b, a, name, undefined, whole),
    stale: a ? staleIn(file, b, a, now.records.get(file), name) : [],
  };
}

function diffSources(old: Snapshot, now: Snapshot): FileDiff {
  const items: Item[] = [];
  for (const [id, s] of Object.entries(now.sources)) {
    const was = old.sources[id];
    if (!was) items.push({ thing: 'source', change: 'added', name: id });
    else {
      const fields = changedFields(was as Record<string, unknown>, s as Record<string, unknown>);
      if (fields.length) items.push({ thing: 'source', change: 'changed', name: id, detail: fields.map((f) => f.replace(/^(url|ref):.*/, '$1')).join('; ') });
    }
  }
  for (const id of Object.keys(old.sources)) if (!now.sources[id]) items.push({ thing: 'source', change: 'removed', name: id });
  const name = (key: string) => key;
  return { file: SOURCES_FILE, title: 'sources', status: 'changed', items, links: [], texts: diffTexts(old.sources, now.sources, name), stale: staleIn(SOURCES_FILE, old.sources, now.sources, now.records.get(SOURCES_FILE), name) };
}

const isEmpty = (d: FileDiff) => !d.items.length && !d.links.length && !d.stale.length && LANGS.every((l) => !d.texts[l].length) && d.status !== 'unreadable';

/** What changed in the content from `old` to `now`, file by file (unchanged files left out). */
function diffContent(old: Snapshot, now: Snapshot, base: string): ContentDiff {
  const files: FileDiff[] = [];
  for (const id of [...new Set([...old.trees.keys(), ...now.trees.keys()])].sort()) files.push(diffTree(id, old.trees.get(id), now.trees.get(id), old, now));
  for (const p of [...new Set([...old.tables.keys(), ...now.tables.keys()])].sort()) files.push(diffTable(p, old.tables.get(p), now.tables.get(p), old, now));
  files.push(diffSources(old, now));
  for (const file of now.unreadable) files.push({ file, title: file, status: 'unreadable', items: [], links: [], texts: { en: [], zh: [] }, stale: [] });
  return { base, files: files.filter((d) => !isEmpty(d)) };
}

/** `content:diff`: the content now (on disk) against a commit. */
export function diffWith(root: string, ref?: string): ContentDiff {
  const base = ref ? { ref, label: ref } : defaultBase(root);
  return diffContent(snapshotAt(root, base.ref), snapshotNow(root), base.label);
}
