import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTree } from '../content/compile.ts';
import { parseTreeFile } from '../content/validate.ts';
import type { Tree } from '../engine/model.ts';

/** The validated demo fixture, compiled as the browser would receive it. */
export function demoTree(fixture: 'demo' | 'facts' = 'demo'): Tree {
  const path = join(import.meta.dirname, `../content/__fixtures__/${fixture}.yaml`);
  const parsed = parseTreeFile('content/trees/demo.yaml', readFileSync(path, 'utf8'), ['en']);
  if (!parsed.tree || parsed.errors.length) throw new Error('demo fixture is invalid');
  return compileTree(parsed.tree, 'en');
}
