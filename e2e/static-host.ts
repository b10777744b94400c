import { readFile, stat } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};
const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/**
 * Serves a folder as static hosts do (a prerendered step page for its path,
 * else index.html for a page; a missing file with an extension is a 404, so a
 * broken chunk fails loudly), on 127.0.0.1 and a port of its own (any free
 * one unless given), with `Cache-Control: no-cache` (or `cacheControl`) and
 * the extra headers given. No compression. Used by the e2e specs and the
 * bench (scripts/bench/serve.ts).
 * - deploy(edit): what /sw.js answers from now on, changed by `edit`;
 * - swap(dir): serve another folder from now on (a deploy of another build).
 */
export async function staticHost(dir: string, options: { port?: number; headers?: OutgoingHttpHeaders; cacheControl?: string } = {}) {
  let root = resolve(dir);
  let edit = (sw: string) => sw;
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = join(root, path);
      if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
      if (!(await isFile(file))) {
        if (extname(path)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        const own = join(file, 'index.html');
        file = (await isFile(own)) ? own : join(root, 'index.html');
      }
      let body: string | Buffer = await readFile(file);
      if (path === '/sw.js') body = Buffer.from(edit(body.toString('utf8')));
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': body.length,
          'cache-control': options.cacheControl ?? 'no-cache',
          ...options.headers,
        })
        .end(req.method === 'HEAD' ? undefined : body);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    deploy: (change: (sw: string) => string) => (edit = change),
    swap: (next: string) => (root = resolve(next)),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
