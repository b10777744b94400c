import { LineCounter, parseDocument } from 'yaml';
import { LANGS, type Lang } from '../engine/model.ts';
import { reachableFrom } from '../engine/graph.ts';
import { didYouMean, fieldPath, type ContentError } from './errors.ts';
import { toMarkdown, MarkdownError } from './markdown.ts';
import { issueErrors, makeLocator, type At, type Locator } from './yaml-locate.ts';
import { compileTree } from './compile.ts';
import { checkReaderText } from './reader-text.ts';
import { checkCombinations, checkFactNames } from './validate-facts.ts';
import { REQUIRED_LANGS, treeFileSchema, type RawNode, type RawTree } from './schema.ts';
import { parseStepRef } from '../engine/refs.ts';

export interface ParsedTree {
  file: string;
  tree?: RawTree;
  locate: Locator;
  errors: ContentError[];
}

/** Fields that hold Markdown, anywhere in a node. */
const MARKDOWN_FIELDS = new Set(['body', 'do', 'expect', 'summary']);

/**
 * Parses one tree file and checks it against the schema.
 * The tree is returned only when it has no schema error.
 */
export function parseTreeFile(file: string, source: string, required: readonly Lang[] = REQUIRED_LANGS): ParsedTree {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const locate = makeLocator(doc, counter);
  const errors: ContentError[] = [];
  const at = (path: readonly PropertyKey[], message: string, opts?: { key?: boolean }): ContentError => {
    const { line, col } = locate(path, opts);
    const inNode = path[0] === 'nodes' && typeof path[1] === 'string';
    return {
      file,
      line,
      col,
      ...(inNode ? { node: path[1] as string } : {}),
      ...(path.length > (inNode ? 2 : 0) ? { field: fieldPath(path.slice(inNode ? 2 : 0)) } : {}),
      message,
    };
  };

  for (const err of doc.errors) {
    const pos = counter.linePos(err.pos[0]);
    const message =
      err.code === 'DUPLICATE_KEY'
        ? `the key "${/^[^:\n]*/.exec(source.slice(err.pos[0]))![0].trim()}" appears twice in the same map (node ids, fields and redirects must be unique)`
        : `the YAML cannot be read: ${err.message.split('\n')[0]}`;
    errors.push({ file, line: pos.line, col: pos.col, message });
  }
  if (errors.length > 0) return { file, locate, errors };

  const data: unknown = doc.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { file, locate, errors: [{ file, line: 1, col: 1, message: 'the file must be a YAML map with id, title, start and nodes' }] };
  }
  const declared = (data as { languages?: unknown }).languages;
  const langs = Array.isArray(declared) ? declared.filter((l): l is Lang => (LANGS as readonly string[]).includes(l)) : [];
  for (const lang of required) {
    if (!langs.includes(lang)) errors.push(at(['languages'], `must include "${lang}" (every file provides ${required.join(', ')})`));
  }

  const parsed = treeFileSchema(langs.length ? langs : required).safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(...issueErrors(issue, data, at));
  }
  if (errors.length > 0 || !parsed.success) return { file, locate, errors };

  const tree = parsed.data;
  errors.push(...checkMarkdown(tree, at), ...checkTreeGraph(tree, at), ...checkReaderText(data, at), ...checkFactNames(tree, at));
  // The walk over every combination of facts runs on the tree as the browser gets it, so only on a tree that compiles.
  if (errors.length === 0) errors.push(...checkCombinations(compileTree(tree, 'en'), at));
  const stem = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (stem !== tree.id) errors.push(at(['id'], `the tree id "${tree.id}" must match the file name "${stem}.yaml"`));
  return { file, tree, locate, errors };
}

function checkMarkdown(tree: RawTree, at: At): ContentError[] {
  return markdownErrors(tree, at, (k, path) => MARKDOWN_FIELDS.has(k) || (k === 'hint' && path.includes('items')));
}

/** Markdown that does not parse, in every field `isMarkdown` picks out. */
export function markdownErrors(data: unknown, at: At, isMarkdown: (key: string, path: PropertyKey[]) => boolean): ContentError[] {
  const errors: ContentError[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const isMd = isMarkdown(k, path);
        if (isMd && v && typeof v === 'object') {
          for (const [lang, src] of Object.entries(v)) {
            try {
              toMarkdown(String(src));
            } catch (e) {
              if (!(e instanceof MarkdownError)) throw e;
              errors.push(at([...path, k, lang], e.message));
            }
          }
        } else visit(v, [...path, k]);
      }
    }
  };
  visit(data, []);
  return errors;
}

/** Step ids each answer leads to. */
function edges(node: RawNode): string[] {
  return node.kind === 'outcome' ? [] : node.answers.map((a) => a.next);
}

/**
 * The rules that need the whole tree: links, reachability, dead ends,
 * cycles with no exit, duplicates, sources, codes and redirects.
 */
function checkTreeGraph(tree: RawTree, at: At): ContentError[] {
  const errors: ContentError[] = [];
  const ids = Object.keys(tree.nodes);
  const idSet = new Set(ids);

  if (!idSet.has(tree.start)) {
    const hint = didYouMean(tree.start, ids);
    errors.push(at(['start'], `"${tree.start}" is not a node of this tree${hint ? ` (did you mean "${hint}"?)` : ''}`));
  }

  for (const [nodeId, node] of Object.entries(tree.nodes)) {
    const here = (field: PropertyKey[], message: string, opts?: { key?: boolean }) => at(['nodes', nodeId, ...field], message, opts);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(nodeId)) {
      errors.push(here([], `the step id must be lower-case kebab-case (like "check-device-time")`, { key: true }));
    }
    if (node.kind === 'outcome') {
      if (node.asks && node.result !== 'escalate') errors.push(here(['asks'], `lists what a vendor asks for, but only an escalation (result: escalate) is sent to one; remove "asks" or make the result escalate`));
      continue;
    }
    if (node.answers.length === 0) {
      errors.push(here(['answers'], 'has no answers, so a person would be stuck here: add answers or make the step an outcome'));
    }
    const seen = new Set<string>();
    node.answers.forEach((answer, i) => {
      if (seen.has(answer.id)) errors.push(here(['answers', i, 'id'], `the answer id "${answer.id}" is used twice in this step`));
      seen.add(answer.id);
      if (!idSet.has(answer.next)) {
        const hint = didYouMean(answer.next, ids);
        errors.push(here(['answers', i, 'next'], `"${answer.next}" is not a node of this tree${hint ? ` (did you mean "${hint}"?)` : ''}`));
      }
      if (answer.when && node.kind !== 'checklist') {
        errors.push(here(['answers', i, 'when'], 'only answers of a checklist step can say when they fit'));
      }
    });
    if (node.kind === 'checklist') {
      const items = new Set<string>();
      node.items.forEach((item, i) => {
        if (items.has(item.id)) errors.push(here(['items', i, 'id'], `the item id "${item.id}" is used twice in this step`));
        items.add(item.id);
      });
    }
  }

  // Reachability from the start.
  if (idSet.has(tree.start)) {
    const reached = reachable(tree);
    for (const nodeId of ids) {
      if (!reached.has(nodeId)) {
        errors.push(at(['nodes', nodeId], 'cannot be reached from the start step: link to it from an answer, or remove it (with a redirect if it was published)', { key: true }));
      }
    }
    // Steps from which no outcome can be reached: a cycle with no way out.
    const canFinish = new Set(ids.filter((n) => tree.nodes[n]!.kind === 'outcome'));
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of ids) {
        if (!canFinish.has(n) && edges(tree.nodes[n]!).some((m) => canFinish.has(m))) {
          canFinish.add(n);
          grew = true;
        }
      }
    }
    const reported = new Set<string>();
    for (const n of ids) {
      const node = tree.nodes[n]!;
      const out = edges(node).filter((m) => idSet.has(m));
      if (canFinish.has(n) || out.length === 0 || !reached.has(n) || reported.has(n)) continue;
      const loop = cycleThrough(tree, n);
      loop?.forEach((m) => reported.add(m));
      errors.push(
        at(['nodes', n], loop ? `is in a cycle with no way out (${loop.join(' → ')}): give one of these steps an answer that leads to an outcome` : 'leads only into steps that never reach an outcome: give it an answer that leads to an outcome', { key: true }),
      );
    }
  }

  // Redirects: old ids must be gone, targets must exist, chains must end.
  for (const [from, to] of Object.entries(tree.redirects ?? {})) {
    const here = (message: string) => at(['redirects', from], message, { key: true });
    if (idSet.has(from)) {
      errors.push(here(`redirects "${from}", which is still a node: remove the redirect or the node`));
      continue;
    }
    const seen = [from];
    let target = to;
    while (!idSet.has(target) && tree.redirects?.[target] !== undefined && !seen.includes(target)) {
      seen.push(target);
      target = tree.redirects[target]!;
    }
    if (seen.includes(target)) errors.push(here(`the redirect loops (${[...seen, target].join(' → ')}) and never reaches a step`));
    else if (!idSet.has(target)) {
      const hint = didYouMean(target, ids);
      errors.push(here(`redirects to "${target}", which is not a node of this tree${hint ? ` (did you mean "${hint}"?)` : ''}`));
    }
  }
  return errors;
}

/** All step ids reachable from the start. */
function reachable(tree: RawTree): Set<string> {
  return reachableFrom(tree.start, (id) => (tree.nodes[id] ? edges(tree.nodes[id]).filter((next) => tree.nodes[next]) : []));
}

/** A shortest cycle back to `start`, if there is one. */
function cycleThrough(tree: RawTree, start: string): string[] | undefined {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const next of edges(tree.nodes[cur]!)) {
      if (next === start) {
        const path = [cur];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return [...path, start];
      }
      if (tree.nodes[next] && !prev.has(next)) {
        prev.set(next, cur);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** A line of `content/published-ids.txt`: `tree-id/step-id`. */
export interface PublishedId {
  tree: string;
  step: string;
  line: number;
}

/** The lines of a published list (`content/published-*.txt`) that hold an id: `#` starts a comment. */
export function publishedLines(source: string): { text: string; line: number }[] {
  return source.split('\n').flatMap((raw, i) => {
    const text = raw.replace(/#.*/, '').trim();
    return text ? [{ text, line: i + 1 }] : [];
  });
}

export function parsePublished(source: string): PublishedId[] {
  return publishedLines(source).map(({ text, line }) => {
    return { ...parseStepRef(text), line };
  });
}

/**
 * Links are forever: every published id must still be a step or be
 * redirected, and every step must be published.
 */
export function checkPublished(file: string, published: PublishedId[], trees: ParsedTree[]): ContentError[] {
  const errors: ContentError[] = [];
  const byId = new Map(trees.filter((t) => t.tree).map((t) => [t.tree!.id, t]));
  const listed = new Set(published.map((p) => `${p.tree}/${p.step}`));
  for (const p of published) {
    const parsed = byId.get(p.tree);
    if (!parsed) {
      errors.push({ file, line: p.line, col: 1, message: `the published tree "${p.tree}" no longer exists; its links would break (trees cannot be removed)` });
      continue;
    }
    const tree = parsed.tree!;
    if (!tree.nodes[p.step] && tree.redirects?.[p.step] === undefined) {
      const hint = didYouMean(p.step, Object.keys(tree.nodes));
      errors.push({
        ...parsed.locate(['redirects']),
        file: parsed.file,
        message: `the published step "${p.tree}/${p.step}" (${file}:${p.line}) is gone: add "${p.step}: ${hint ?? '<new-step-id>'}" under redirects so its links keep working`,
      });
    }
  }
  for (const parsed of byId.values()) {
    for (const step of Object.keys(parsed.tree!.nodes)) {
      if (!listed.has(`${parsed.tree!.id}/${step}`)) {
        errors.push({
          ...parsed.locate(['nodes', step], { key: true }),
          file: parsed.file,
          node: step,
          pendingPublish: true,
          message: `is not in ${file} yet: run "npm run content:publish" to publish it (its id is then permanent)`,
        });
      }
    }
  }
  return errors;
}
