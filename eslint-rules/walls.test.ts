/**
 * The import and global walls of eslint.config.js, each shown to fail on a
 * deliberate violation (eslint-rules/__fixtures__/, ignored by `npm run lint`)
 * and to pass on a clean file. Fixtures are linted with the project's own
 * config, as if they were files of the walled folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = path.join(root, 'eslint-rules', '__fixtures__');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

let eslint: ESLint;
/** Lints the fixture files where they are (their folder is ignored by the normal run). */
let unignored: ESLint;
// Loading the config and its plugins takes seconds on a busy machine: once, here, not in the first test.
beforeAll(async () => {
  const overrideConfigFile = path.join(root, 'eslint.config.js');
  eslint = new ESLint({ cwd: root, overrideConfigFile });
  unignored = new ESLint({ cwd: root, overrideConfigFile, ignore: false });
  await eslint.lintText('', { filePath: path.join(root, 'src/engine/wall-fixture.ts') });
  await unignored.lintText('', { filePath: path.join(fixtures, 'warm-up.ts') });
}, 120_000);

async function lintAs(name: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(root, filePath) });
  return result!.messages;
}
const rules = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.line}:${m.ruleId}`);

describe('the engine reaches no DOM or Node global', () => {
  it('reports each use, with the global named', async () => {
    const messages = await lintAs('engine-globals.ts', 'src/engine/wall-fixture.ts');
    expect(rules(messages)).toEqual(['3:no-restricted-globals', '3:no-restricted-globals', '5:no-restricted-globals', '6:no-restricted-globals']);
    expect(messages.map((m) => m.message.match(/\((\w+)\)/)?.[1])).toEqual(['localStorage', 'navigator', 'process', 'window']);
  });
  it('leaves an engine module that takes its inputs as arguments alone', async () => {
    expect(await lintAs('engine-clean.ts', 'src/engine/wall-fixture.ts')).toEqual([]);
  });
  it('does not apply to the UI, which owns the page', async () => {
    expect(rules(await lintAs('engine-globals.ts', 'src/ui/wall-fixture.ts'))).toEqual([]);
  });
});

describe('the store never imports the UI', () => {
  it('reports the import', async () => {
    const messages = await lintAs('store-imports-ui.ts', 'src/store/wall-fixture.ts');
    expect(rules(messages)).toEqual(['2:no-restricted-imports']);
    expect(messages[0]!.message).toContain('src/store may not import src/ui');
  });
  it('allows the engine', async () => {
    expect(await lintAs('store-clean.ts', 'src/store/wall-fixture.ts')).toEqual([]);
  });
});

describe('the service worker imports only its own folder', () => {
  it('reports the engine, a package and a dynamic import', async () => {
    const messages = await lintAs('sw-imports.ts', 'src/sw/wall-fixture.ts');
    expect(rules(messages)).toEqual(['2:no-restricted-imports', '3:no-restricted-imports', '5:no-restricted-syntax']);
  });
  it('allows the shared messages', async () => {
    expect(await lintAs('sw-clean.ts', 'src/sw/wall-fixture.ts')).toEqual([]);
  });
});

describe('no import cycles', () => {
  async function lintFixture(name: string) {
    const [result] = await unignored.lintFiles([path.join(fixtures, name)]);
    return result!.messages;
  }
  it('reports both ends of a loop, spelled out', async () => {
    const a = await lintFixture('cycle-a.ts');
    expect(rules(a)).toEqual(['2:local/no-import-cycles']);
    expect(a[0]!.message).toContain('eslint-rules/__fixtures__/cycle-a.ts → eslint-rules/__fixtures__/cycle-b.ts → eslint-rules/__fixtures__/cycle-a.ts');
    expect(rules(await lintFixture('cycle-b.ts'))).toEqual(['2:local/no-import-cycles']);
  });
  it('leaves a module that imports into a loop without closing one, and type-only imports', async () => {
    expect(await lintFixture('no-cycle.ts')).toEqual([]);
    expect(await lintFixture('type-back.ts')).toEqual([]);
  });
});
