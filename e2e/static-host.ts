import { readFile, stat } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/**
 * Serves a folder as static hosts do (a prerendered step page for its path,
 * else index.html for a page), on 127.0.0.1 and a port of its own (any free
 * one unless given), with `Cache-Control: no-cache` and the extra headers given.
 * - deploy(edit): what /sw.js answers from now on, changed by `edit`;
 * - swap(dir): serve another folder from now on (a deploy of another build).
 */
export async function staticHost(dir: string, options: { port?: number; headers?: OutgoingHttpHeaders } = {}) {
  let root = resolve(dir);
  let edit = (sw: string) => sw;
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = join(root, path);
      if (!file.startsWith(root)) return res.writeHead(403).end();
      if (!(await isFile(file))) {
        if (extname(path)) return res.writeHead(404).end();
        const own = join(file, 'index.html');
        file = (await isFile(own)) ? own : join(root, 'index.html');
      }
      let body: string | Buffer = await readFile(file);
      if (path === '/sw.js') body = edit(body.toString('utf8'));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...options.headers }).end(body);
    })().catch(() => res.writeHead(500).end());
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
