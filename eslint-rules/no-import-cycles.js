/**
 * `local/no-import-cycles`: a module may not reach itself again through static
 * imports (docs/decisions/0016-house-checks.md).
 *
 * - Only relative specifiers are followed (`./x.ts`, `../engine/y.ts`): bare
 *   packages and `virtual:` modules cannot lead back into the repository's own
 *   files. A specifier is resolved as written, then with `.ts`, `.tsx`, `.js`,
 *   `/index.ts`, `/index.tsx`.
 * - Edges are the imports that run when the module is evaluated: `import … from`,
 *   `import '…'` and `export … from`. `import type` / `export type` (and an
 *   import whose every name is marked `type`) are erased by the compiler, and
 *   `import()` loads later on purpose (the lazy chunks): neither makes a cycle.
 * - Files other than the one being linted are read from disk and parsed with the
 *   TypeScript compiler (only their top-level statements), cached by path and
 *   modification time for the whole run.
 *
 * Reported on the import that closes the loop, with the loop spelled out.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/** @type {Map<string, { mtime: number, deps: string[] }>} */
const cache = new Map();

/** @param {string} from  @param {string} specifier */
function resolve(from, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** @param {ts.ImportDeclaration | ts.ExportDeclaration} node */
function isTypeOnlyTs(node) {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return false; // import './x.ts': runs it
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const named = clause.namedBindings;
  return !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** The runtime relative imports of a file on disk, resolved to absolute paths. */
function depsOnDisk(file) {
  let mtime;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtime === mtime) return hit.deps;
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const deps = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const spec = statement.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || isTypeOnlyTs(statement)) continue;
    const target = resolve(file, spec.text);
    if (target) deps.push(target);
  }
  cache.set(file, { mtime, deps });
  return deps;
}

/** The shortest chain of runtime imports from `start` back to `goal`, or null. */
function pathBack(start, goal) {
  /** @type {Map<string, string | null>} */
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const dep of depsOnDisk(file)) {
      if (dep === goal) {
        const chain = [dep];
        for (let at = file; at !== null; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (!previous.has(dep)) {
        previous.set(dep, file);
        queue.push(dep);
      }
    }
  }
  return null;
}

/** @param {{ type: string, importKind?: string, exportKind?: string, specifiers?: { type: string, importKind?: string, exportKind?: string }[] }} node */
function isTypeOnlyEstree(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  if (node.type === 'ImportDeclaration' && specifiers.some((s) => s.type !== 'ImportSpecifier')) return false;
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow static import cycles between the repository’s own modules.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}. Move what both need into a third module, or load one side with import().' },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const root = context.cwd;
    const show = (f) => path.relative(root, f).replaceAll('\\', '/');
    /** @param {any} node */
    function check(node) {
      if (!node.source || typeof node.source.value !== 'string' || isTypeOnlyEstree(node)) return;
      const target = resolve(file, node.source.value);
      if (!target) return;
      const chain = target === file ? [file, file] : pathBack(target, file);
      if (!chain) return;
      const loop = target === file ? chain : [file, ...chain];
      context.report({ node: node.source, messageId: 'cycle', data: { chain: loop.map(show).join(' → ') } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
