import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorTable } from './author-table.ts';
import { loadContent } from './load.ts';

describe('authorTable', () => {
  it('puts each step at the line of its id and keeps answer conditions as written', () => {
    const { trees } = loadContent(process.cwd());
    const parsed = trees.find((t) => Object.values(t.tree?.nodes ?? {}).some((n) => 'answers' in n && n.answers.some((a) => a.if)))!;
    const table = authorTable(parsed);
    const source = readFileSync(parsed.file, 'utf8').split('\n');
    for (const [id, step] of Object.entries(table.steps)) {
      expect(source[step.line - 1]!.slice(step.col - 1)).toMatch(new RegExp(`^${id}:`));
    }
    const withIf = Object.entries(parsed.tree!.nodes).flatMap(([id, n]) => ('answers' in n ? n.answers.filter((a) => a.if).map((a) => ({ id, a })) : []));
    expect(withIf.length).toBeGreaterThan(0);
    for (const { id, a } of withIf) {
      const row = table.steps[id]!.answers.find((r) => r.id === a.id)!;
      expect(row.if).toBe(a.if);
      expect(source[row.line - 1]).toMatch(new RegExp(`- id: ['"]?${a.id}['"]?$`));
    }
    expect(table.file).toBe(parsed.file);
    expect(table.path).toBeUndefined();
  });
});
