/**
 * Builds the service worker (src/sw/service-worker.ts) into dist/sw.js with
 * the list of files to precache and a version derived from their contents
 * (docs/decisions/0007-offline.md). The last step of `npm run build`: it runs
 * after the prerender, so it sees every file that will be deployed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { basePath, outDir } from '../src/content/base-path.ts';
import { type BuiltFile, isPrecached, precacheEntries, precacheVersion, SW_PATH } from './precache-manifest.ts';

const root = process.cwd();
const dist = join(root, outDir());
const base = basePath();
const VERSION_PLACEHOLDER = '__sw_version_placeholder__';

function listFiles(dir: string): BuiltFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return { path: relative(dir, full).split(sep).join('/'), body: readFileSync(full) };
    });
}

const files = listFiles(dist);
const entries = precacheEntries(files, base);
const manifest = entries.map(({ url, sha256 }) => ({ url, sha256 }));

const output = (await build({
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
  define: {
    __SW_PRECACHE__: JSON.stringify(manifest),
    __SW_VERSION__: JSON.stringify(VERSION_PLACEHOLDER),
    __SW_BASE__: JSON.stringify(base),
  },
  build: {
    write: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: { entry: join(root, 'src/sw/service-worker.ts'), formats: ['iife'], name: 'troubleshooterServiceWorker', fileName: () => SW_PATH },
  },
})) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
const chunk = (Array.isArray(output) ? output[0]! : output).output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk');
if (!chunk || !chunk.code.includes(VERSION_PLACEHOLDER)) throw new Error('build-sw: the bundled worker has no version placeholder');
const version = precacheVersion(entries, chunk.code);
const code = chunk.code.replaceAll(VERSION_PLACEHOLDER, version);
writeFileSync(join(dist, SW_PATH), code);
const out = relative(root, dist);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const raw = entries.reduce((s, e) => s + e.bytes, 0);
const gzip = files.filter((f) => entries.some((e) => e.url === `${base}${f.path}`)).reduce((s, f) => s + gzipSync(f.body, { level: 9 }).length, 0);
const pages = files.filter((f) => f.path.endsWith('.html') && !isPrecached(f.path));
const pagesRaw = pages.reduce((s, f) => s + f.body.length, 0);
const pagesGzip = pages.reduce((s, f) => s + gzipSync(f.body, { level: 9 }).length, 0);
console.log(
  `Service worker ${version}: ${out}/${SW_PATH} (${kb(code.length)}) precaches ${entries.length} files, ${kb(raw)} raw, ${kb(gzip)} gzip; ` +
    `not precached: ${pages.length} prerendered pages, ${kb(pagesRaw)} raw, ${kb(pagesGzip)} gzip.`,
);
