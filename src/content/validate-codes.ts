import { LineCounter, parseDocument } from 'yaml';
import { bestMatch, findCode } from '../engine/codes.ts';
import type { Lang } from '../engine/model.ts';
import { compileCodeIndex } from './compile-codes.ts';
import { codeFileSchema, CODE_TABLE_LANGS, type RawCodeFile } from './codes-schema.ts';
import { didYouMean, type ContentError } from './errors.ts';
import type { RawTree } from './schema.ts';
import { checkReaderText } from './reader-text.ts';
import { markdownErrors, publishedLines } from './validate.ts';
import { issueErrors, makeLocator, type At, type Locator } from './yaml-locate.ts';
import { formatCodeRef, parseCodeRef, parseStepRef } from '../engine/refs.ts';

export interface ParsedCodeFile {
  file: string;
  table?: RawCodeFile;
  locate: Locator;
  errors: ContentError[];
}

const MARKDOWN_FIELDS = new Set(['meaning', 'action', 'body', 'summary']);

/** Parses one code table (`content/codes/<platform>.yaml`) and checks it on its own. */
export function parseCodeFile(file: string, source: string): ParsedCodeFile {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const locate = makeLocator(doc, counter);
  // The parsed data, once there is some: `at` reads entry codes from it to name them in messages.
  const parsedData: { value?: unknown } = {};
  const at: At = (path, message, opts) => {
    const { line, col } = locate(path, opts);
    const inEntry = path[0] === 'codes' && typeof path[1] === 'number';
    const code = inEntry ? (parsedData.value as { codes?: { code?: unknown }[] } | undefined)?.codes?.[path[1] as number]?.code : undefined;
    const rest = inEntry ? path.slice(2) : path;
    return {
      file,
      line,
      col,
      ...(inEntry ? { code: typeof code === 'string' ? code : `#${(path[1] as number) + 1}` } : {}),
      ...(rest.length ? { field: rest.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('') } : {}),
      message,
    };
  };
  const errors: ContentError[] = [];
  // The first YAML error only: the ones after it are mostly its echo.
  for (const err of doc.errors.slice(0, 1)) {
    const pos = counter.linePos(err.pos[0]);
    errors.push({ file, line: pos.line, col: pos.col, message: `the YAML cannot be read: ${err.message.split('\n')[0]}` });
  }
  if (errors.length) return { file, locate, errors };

  const data: unknown = (parsedData.value = doc.toJS());
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { file, locate, errors: [{ file, line: 1, col: 1, message: 'the file must be a YAML map with platform, title, groups and codes' }] };
  }
  const declared = (data as { languages?: unknown }).languages;
  const langs = Array.isArray(declared) ? declared.filter((l): l is Lang => CODE_TABLE_LANGS.includes(l as Lang)) : [];
  for (const lang of CODE_TABLE_LANGS) {
    if (!langs.includes(lang)) errors.push(at(['languages'], `must include "${lang}" (code tables carry ${CODE_TABLE_LANGS.join(' and ')})`));
  }
  const parsed = codeFileSchema(CODE_TABLE_LANGS).safeParse(data);
  if (!parsed.success) for (const issue of parsed.error.issues) errors.push(...issueErrors(issue, data, at));
  if (errors.length || !parsed.success) return { file, locate, errors };

  const table = parsed.data;
  errors.push(...markdownErrors({ summary: table.summary, codes: table.codes }, at, (k) => MARKDOWN_FIELDS.has(k)), ...checkReaderText(data, at));
  const stem = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (stem !== table.platform) errors.push(at(['platform'], `the platform "${table.platform}" must match the file name "${stem}.yaml"`));

  const groupIds = Object.keys(table.groups);
  const seen = new Map<string, number>();
  table.codes.forEach((entry, i) => {
    const here = (field: PropertyKey[], message: string) => at(['codes', i, ...field], message);
    for (const spelling of [entry.code, ...(entry.aliases ?? [])]) {
      const key = spelling.toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) errors.push(here(spelling === entry.code ? ['code'] : ['aliases'], `"${spelling}" is already listed (entry ${other + 1}, code "${table.codes[other]!.code}"): each code appears once per table`));
      else seen.set(key, i);
    }
    if (!groupIds.includes(entry.group)) {
      const hint = didYouMean(entry.group, groupIds);
      errors.push(here(['group'], `"${entry.group}" is not one of this table's groups${hint ? ` (did you mean "${hint}"?)` : ''}`));
    }
    entry.ranges?.forEach(([lo, hi], j) => {
      if (lo > hi) errors.push(here(['ranges', j], `the range starts at ${lo}, after its end ${hi}`));
    });
    if (/[{}]/.test(entry.code) && !/^[^{}]*(\{[A-Za-z]+\}[^{}]*)+$/.test(entry.code)) {
      errors.push(here(['code'], 'a pattern code names its placeholders in single braces, like "Missing{ParameterName}"'));
    }
  });
  return { file, table, locate, errors };
}

/**
 * The links between trees and code tables, both ways: a code a step lists
 * must be in its platform's table, and a code's `step` must exist and list it.
 */
export function checkCodeLinks(trees: { file: string; tree?: RawTree; locate: Locator }[], tables: ParsedCodeFile[]): ContentError[] {
  const errors: ContentError[] = [];
  const byPlatform = new Map(tables.filter((t) => t.table).map((t) => [t.table!.platform as string, t]));
  const platforms = [...byPlatform.keys()];
  for (const t of trees) {
    if (!t.tree) continue;
    for (const [nodeId, node] of Object.entries(t.tree.nodes)) {
      (node.codes ?? []).forEach((ref, i) => {
        const { platform, code } = parseCodeRef(ref);
        const where = { file: t.file, ...t.locate(['nodes', nodeId, 'codes', i]), node: nodeId, field: `codes[${i}]` };
        const table = byPlatform.get(platform)?.table;
        if (!table) {
          const hint = didYouMean(platform, platforms);
          errors.push({ ...where, message: `"${platform}" has no code table in content/codes/${hint ? ` (did you mean "${hint}"?)` : ''}` });
        } else if (!bestMatch(table.codes, code)) {
          const hint = didYouMean(code, table.codes.map((e) => e.code));
          errors.push({ ...where, message: `"${code}" is not in content/codes/${platform}.yaml${hint ? ` (did you mean "${hint}"?)` : ''}` });
        }
      });
    }
  }
  const treeById = new Map(trees.filter((t) => t.tree).map((t) => [t.tree!.id, t.tree!]));
  for (const t of tables) {
    if (!t.table) continue;
    t.table.codes.forEach((entry, i) => {
      if (!entry.step) return;
      const { tree: treeId, step: stepId } = parseStepRef(entry.step);
      const where = { file: t.file, ...t.locate(['codes', i, 'step']), code: entry.code, field: 'step' };
      const tree = treeById.get(treeId);
      if (!tree) {
        const hint = didYouMean(treeId, [...treeById.keys()]);
        errors.push({ ...where, message: `"${treeId}" is not a tree${hint ? ` (did you mean "${hint}"?)` : ''}` });
        return;
      }
      const node = tree.nodes[stepId];
      if (!node) {
        const hint = didYouMean(stepId, Object.keys(tree.nodes));
        errors.push({ ...where, message: `"${stepId}" is not a step of ${treeId}${hint ? ` (did you mean "${hint}"?)` : ''}` });
        return;
      }
      const ref = formatCodeRef({ platform: t.table!.platform, code: entry.code });
      if (!(node.codes ?? []).some((c) => c === ref)) {
        errors.push({ ...where, message: `the step ${entry.step} does not list "${ref}" in its codes: add it there so the link goes both ways` });
      }
    });
  }
  return errors;
}

/** One line of content/published-codes.txt: `platform/code`, the code as its table spells it. */
export interface PublishedCode {
  platform: string;
  code: string;
  line: number;
}

/** Reads content/published-codes.txt; `#` starts a comment. The code is everything after the first `/`. */
export function parsePublishedCodes(source: string): PublishedCode[] {
  return publishedLines(source).map(({ text, line }) => {
    const slash = text.indexOf('/');
    return { platform: slash < 0 ? text : text.slice(0, slash), code: slash < 0 ? '' : text.slice(slash + 1), line };
  });
}

/**
 * Links are forever, for code pages too: every published `/codes/<platform>/<code>`
 * must still open an entry, resolved exactly as the code page resolves it
 * (`findCode`: the code, an alias, a range or a pattern), and every entry must
 * be published.
 */
export function checkPublishedCodes(file: string, published: PublishedCode[], tables: ParsedCodeFile[]): ContentError[] {
  const errors: ContentError[] = [];
  const parsed = tables.filter((t) => t.table);
  const byPlatform = new Map(parsed.map((t) => [t.table!.platform as string, t]));
  const index = compileCodeIndex(
    parsed.map((t) => t.table!),
    'en',
  );
  for (const p of published) {
    const table = byPlatform.get(p.platform);
    if (!table) {
      errors.push({ file, line: p.line, col: 1, message: `the published code table "${p.platform}" no longer exists; the links to its codes would break (code tables cannot be removed)` });
      continue;
    }
    if (!findCode(index, p.platform, p.code)) {
      const hint = didYouMean(p.code, table.table!.codes.map((e) => e.code));
      errors.push({
        ...table.locate(['codes']),
        file: table.file,
        message: `the published code page /codes/${p.platform}/${p.code} (${file}:${p.line}) no longer opens: add "${p.code}" to the aliases of ${hint ? `"${hint}"` : 'the entry that replaces it'} so its links keep working`,
      });
    }
  }
  const listed = new Set(published.map((p) => `${p.platform}/${p.code}`));
  for (const t of parsed) {
    t.table!.codes.forEach((entry, i) => {
      if (listed.has(`${t.table!.platform}/${entry.code}`)) return;
      errors.push({
        ...t.locate(['codes', i, 'code']),
        file: t.file,
        code: entry.code,
        pendingPublish: true,
        message: `is not in ${file} yet: run "npm run content:publish" to publish it (its page address is then permanent)`,
      });
    });
  }
  return errors;
}
