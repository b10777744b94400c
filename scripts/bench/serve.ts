// ─── Static server ──────────────────────────────────────────────────────────
import { staticHost } from '../../e2e/static-host.ts';
import { LISTEN_TIMEOUT_MS, withTimeout, type Server } from './shared.ts';

/**
 * Serves `dir` as a static host does, on 127.0.0.1 at a port the OS picks (so
 * a busy port cannot happen): the e2e suite's server (e2e/static-host.ts),
 * with nothing cached between runs. No compression: the bench gzips the
 * bodies itself.
 */
export async function serve(name: Server['name'], dir: string): Promise<Server> {
  const host = await withTimeout(staticHost(dir, { cacheControl: 'no-store' }), LISTEN_TIMEOUT_MS, `starting the ${name} server`);
  return { name, url: host.url, close: host.close };
}
