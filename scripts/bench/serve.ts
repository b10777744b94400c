// ─── Static server ──────────────────────────────────────────────────────────
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { LISTEN_TIMEOUT_MS, withTimeout, type Server } from './shared.ts';

const CONTENT_TYPES: Record<string, string> = {
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
 * Serves `dir` on 127.0.0.1 at a port the OS picks (so a busy port cannot
 * happen). A path that is not a file gets its own index.html if it was
 * prerendered, else index.html (the SPA fallback) when
 * it looks like a page (no extension, or the browser asks for HTML); a missing
 * asset is a 404 so a broken chunk fails loudly. No compression: the script
 * gzips the bodies itself.
 */
export function serve(name: Server['name'], dir: string): Promise<Server> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = resolve(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (!(await isFile(file))) {
        const looksLikePage = !extname(pathname) || (req.headers.accept ?? '').includes('text/html');
        if (!looksLikePage) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
          return;
        }
        // A prerendered page (dist/t/<tree>/<step>/index.html) first, as static hosts serve it; else the SPA fallback.
        const own = join(file, 'index.html');
        file = (await isFile(own)) ? own : join(root, 'index.html');
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  return withTimeout(
    new Promise<Server>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        resolvePromise({
          name,
          url: `http://127.0.0.1:${port}`,
          close: () =>
            new Promise((r) => {
              server.closeAllConnections();
              server.close(() => r());
            }),
        });
      });
    }),
    LISTEN_TIMEOUT_MS,
    `starting the ${name} server`,
  );
}
