import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Regular expressions are code that can hang (a pasted log, a note, a search
 * query). Every regex literal in the engine — the analyzer, redaction, search,
 * trails — is read from the source with the TypeScript parser and handed to
 * recheck (a ReDoS checker: automaton analysis, fuzzing where that cannot
 * decide); any with super-linear backtracking fails here, with the attack
 * recheck found. Dynamic `new RegExp(…)` cannot be checked this way, so the
 * engine may not use it (this test also fails on one).
 */

const ROOT = new URL('.', import.meta.url).pathname;

function engineSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return engineSources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

function regexesIn(file: string): { literals: Found[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: Found[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const last = node.text.lastIndexOf('/');
      literals.push({ where: where(node), source: node.text.slice(1, last), flags: node.text.slice(last + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      dynamic.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { literals, dynamic };
}

const files = engineSources(ROOT);
const found = files.map(regexesIn);
const literals = found.flatMap((f) => f.literals);

describe('regular expressions in the engine', () => {
  it('are all literals (a dynamic RegExp cannot be checked)', () => {
    expect(found.flatMap((f) => f.dynamic)).toEqual([]);
  });

  it('finds the analyzer and redaction patterns it is meant to check', () => {
    // A guard against the scan silently finding nothing (a moved folder, a parser change).
    expect(literals.filter((l) => l.where.startsWith('analyze/')).length).toBeGreaterThan(30);
    expect(literals.filter((l) => l.where.startsWith('redact')).length).toBeGreaterThan(8);
  });

  it('have no super-linear backtracking (recheck)', async () => {
    // The automaton analysis decides, or says it cannot (no fuzzing: its answer would depend on luck).
    // One at a time: started together, the checks share the time limit, and on a busy machine the
    // last ones timed out undecided.
    const results = [];
    for (const l of literals) results.push({ ...l, d: await check(l.source, l.flags, { checker: 'automaton', timeout: 60_000 }) });
    const unsafe = results.flatMap(({ where, source, flags, d }) =>
      d.status === 'vulnerable'
        ? [`${where} /${source}/${flags}: ${d.complexity.summary}`]
        : d.status === 'unknown'
          ? [`${where} /${source}/${flags}: recheck could not decide (${d.error.kind})`]
          : [],
    );
    expect(unsafe).toEqual([]);
  }, 300_000);
});
