// ─── The first step ─────────────────────────────────────────────────────────
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BenchError, FIRST_TREE_FILE, firstLine, TREES_DIR, type FirstStep } from './shared.ts';

/**
 * The tree id and start step, read from content/trees/mpaas-system-busy.yaml at
 * run time (its `id` and `start` fields); any other tree in content/trees/ if
 * that file is missing or unreadable.
 */
export function findFirstStep(): FirstStep {
  if (!existsSync(TREES_DIR)) throw new BenchError(`${TREES_DIR} does not exist`);
  const others = readdirSync(TREES_DIR)
    .filter((f) => /\.ya?ml$/.test(f) && f !== FIRST_TREE_FILE)
    .sort();
  const problems: string[] = [];
  for (const file of [FIRST_TREE_FILE, ...others]) {
    const path = join(TREES_DIR, file);
    if (!existsSync(path)) {
      problems.push(`${file}: missing`);
      continue;
    }
    try {
      const doc = parseYaml(readFileSync(path, 'utf8')) as { id?: unknown; start?: unknown; nodes?: Record<string, { title?: { en?: unknown } }> } | null;
      const treeId = typeof doc?.id === 'string' ? doc.id : basename(file).replace(/\.ya?ml$/, '');
      if (typeof doc?.start !== 'string' || !doc.start) throw new Error('no "start:" field');
      const title = doc.nodes?.[doc.start]?.title?.en;
      return { treeId, stepId: doc.start, title: typeof title === 'string' ? title : undefined, file, problems };
    } catch (e) {
      problems.push(`${file}: ${firstLine(e)}`);
    }
  }
  throw new BenchError(`no usable tree in content/trees/ (${problems.join('; ')}): nothing to measure yet`);
}
