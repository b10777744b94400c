/**
 * Builds "the next deploy" for the e2e deploy tests (e2e/update.spec.ts,
 * e2e/embed.spec.ts): the app as it is, with one content change — a step's
 * English title revised — and embedding allowed for the tests' help-desk
 * origin (EMBED_ORIGINS). The change is made in a copy of the project in a
 * temporary folder; content/ here is never touched. Writes dist-next/ and
 * dist-next-nginx/ beside dist/.
 *
 *   npm run build:next        (E2E_NGINX_PORT moves the desk's port with the tests')
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { nginxDir } from '../src/content/base-path.ts';
import { tree } from '../e2e/content.ts';
import { deskOrigin, NEXT_OUT, revisedTitle, UPDATED_TREE, updatedStep } from '../e2e/next-build.ts';

const root = process.cwd();
/** What the build reads; everything else (node_modules, builds, reports, .git) stays out of the copy. */
const SKIP = new Set(['node_modules', '.git', 'test-results', 'playwright-report', 'blob-report', '.bench']);
const copy = mkdtempSync(join(tmpdir(), 'troubleshooter-next-'));
try {
  for (const entry of readdirSync(root)) {
    if (SKIP.has(entry) || entry === 'dist' || entry.startsWith('dist-')) continue;
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(resolve(root, 'node_modules'), join(copy, 'node_modules'));

  // The content change: one step's English title.
  const { step } = updatedStep(tree(UPDATED_TREE));
  const file = join(copy, 'content', 'trees', `${UPDATED_TREE}.yaml`);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const title = doc.getIn(['nodes', step, 'title']);
  if (!isMap(title) || typeof title.get('en') !== 'string') throw new Error(`build-next: ${UPDATED_TREE}.yaml has no nodes.${step}.title.en`);
  doc.setIn(['nodes', step, 'title', 'en'], revisedTitle(title.get('en') as string));
  writeFileSync(file, doc.toString());
  // As a writer would: the Chinese title still fits (recorded as translating the new English).
  const record = spawnSync('npx', ['tsx', 'scripts/content-translated.ts', `${UPDATED_TREE}/${step}`], { cwd: copy, encoding: 'utf8' });
  if (record.status !== 0) throw new Error(`build-next: content:translated failed\n${record.stdout}\n${record.stderr}`);

  const env = { ...process.env, BASE_PATH: '/', OUT_DIR: 'dist', EMBED_ORIGINS: deskOrigin() };
  const run = spawnSync('npm', ['run', 'build'], { cwd: copy, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build-next: the build failed\n${run.stdout}\n${run.stderr}`);

  for (const [from, to] of [
    ['dist', NEXT_OUT],
    [nginxDir('dist'), nginxDir(NEXT_OUT)],
  ] as const) {
    rmSync(join(root, to), { recursive: true, force: true });
    cpSync(join(copy, from), join(root, to), { recursive: true });
  }
  console.log(`Built the next deploy into ${NEXT_OUT}/ and ${nginxDir(NEXT_OUT)}/: "${UPDATED_TREE}/${step}" retitled, embedding allowed for ${deskOrigin()}.`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
