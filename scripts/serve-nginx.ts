/**
 * Serves a build with nginx exactly as deploy/nginx.conf does, on a local
 * port and as an ordinary process: the e2e smoke runs start it
 * (playwright.nginx.config.ts). The configuration is deploy/nginx.conf with
 * only the machine-specific lines changed (port, folders, pid, logs), written
 * into a temporary folder with the build's generated part.
 *
 *   tsx scripts/serve-nginx.ts --out dist --port 4391
 *   tsx scripts/serve-nginx.ts --out dist-sub --base /troubleshooter/ --port 4392
 *
 * nginx comes from NGINX, else `nginx` on the PATH, else /usr/sbin/nginx.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath, nginxDir } from '../src/content/base-path.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, port: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0) throw new Error('serve-nginx: --port is required');
const base = basePath(values.base);
const out = resolve(values.out!);
const site = resolve(nginxDir(values.out!), 'troubleshooter.conf');
for (const need of [join(out, 'index.html'), site]) if (!existsSync(need)) throw new Error(`serve-nginx: ${need} is missing; build first`);
if (!readFileSync(site, 'utf8').includes(`under ${base}:`)) throw new Error(`serve-nginx: ${site} was not built for ${base} (BASE_PATH)`);

const nginx = process.env.NGINX ?? (spawnSync('sh', ['-c', 'command -v nginx']).stdout.toString().trim() || '/usr/sbin/nginx');

// One folder per port, emptied at start: a run that was killed (Playwright ends its servers
// with SIGKILL) leaves at most this one behind. nginx's workers may run as another user:
// the folder must be readable by all.
const dir = join(tmpdir(), `troubleshooter-nginx-${port}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { mode: 0o755 });
chmodSync(dir, 0o755);
mkdirSync(join(dir, 'logs'));
// The build sits at <root><base>, as the generated part expects.
const root = join(dir, 'www');
mkdirSync(dirname(join(root, base)), { recursive: true });
if (base === '/') symlinkSync(out, root);
else symlinkSync(out, join(root, base.slice(0, -1)));

const changes: [string, string][] = [
  ['listen 8080;', `listen 127.0.0.1:${port};`],
  ['root /usr/share/nginx/html;', `root ${root};`],
  ['include /etc/nginx/troubleshooter.conf;', `include ${site};`],
  ['pid /tmp/nginx.pid;', `pid ${join(dir, 'nginx.pid')};`],
  ['access_log /dev/stdout;', 'access_log off;'],
];
let conf = readFileSync(resolve('deploy/nginx.conf'), 'utf8');
for (const [from, to] of changes) {
  if (!conf.includes(from)) throw new Error(`serve-nginx: deploy/nginx.conf no longer has "${from}"; update this script`);
  conf = conf.replace(from, to);
}
conf = conf.replaceAll('/tmp/nginx-', `${dir}/temp-`);
writeFileSync(join(dir, 'nginx.conf'), conf);

// Started by root (as in CI), nginx's workers would run as `nobody`, who cannot read a build inside a
// private folder (a clone in `mktemp -d`, mode 0700): this test server's workers stay root.
const asRoot = process.getuid?.() === 0 ? ' user root;' : '';
const child = spawn(nginx, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `daemon off;${asRoot}`], { stdio: 'inherit' });
const stop = () => {
  child.kill('SIGQUIT');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(signal ? 0 : (code ?? 1));
});
console.log(`nginx serves ${values.out} at http://127.0.0.1:${port}${base}`);
