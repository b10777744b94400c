import { createHash } from 'node:crypto';

/** How the policy names an inline script: `'sha256-…'` of its exact text. */
export const scriptHash = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy of every built page (a `<meta>`, so it holds on
 * any static host). What it guarantees (docs/decisions/0009):
 * - `connect-src 'self'`: the page can fetch only from its own origin, so a
 *   pasted log cannot be sent anywhere, whatever a dependency tried;
 * - `script-src 'self'` plus the hashes of our own inline scripts: nothing
 *   pasted, typed or put in a link can run as script;
 * - no plugins, no `<base>` rewrite, forms post only to the app.
 * `frame-ancestors` cannot be set from a `<meta>` (browsers ignore it there):
 * it is sent as a response header, `frameAncestors` below; a host that cannot
 * send headers cannot refuse framing (docs/embedding.md).
 */
export function contentSecurityPolicy(inlineScripts: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.map(scriptHash).join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Who may show the app in a frame: nobody, unless the build allows help-desk
 * origins (`EMBED_ORIGINS`, src/content/embed-origins.ts). A response header
 * only (nginx: scripts/nginx-site.ts; other hosts: docs/embedding.md).
 */
export function frameAncestors(origins: readonly string[]): string {
  return `frame-ancestors ${origins.length > 0 ? origins.join(' ') : "'none'"}`;
}
