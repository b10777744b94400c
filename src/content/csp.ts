import { createHash } from 'node:crypto';

/**
 * Swaps in the Chinese markup of a prerendered step before the first paint
 * when the head script chose Chinese (docs/decisions/0006); scripts/prerender.ts
 * writes it into every step page. Here so its hash can go in the policy.
 */
export const SWAP_SCRIPT = `(function(){var d=document.documentElement,r=document.getElementById('root'),t=document.getElementById('root-zh');if(d.lang!=='zh-CN'||!r||!t)return;r.innerHTML=t.innerHTML;r.setAttribute('data-lang','zh');document.title=t.getAttribute('data-title')||document.title;d.removeAttribute('data-lang-pending')})()`;

const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

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
    `script-src 'self' ${inlineScripts.map(sha256).join(' ')}`,
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
