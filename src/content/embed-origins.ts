/**
 * Which help desks may embed the app (docs/embedding.md,
 * docs/decisions/0015-embedding.md): build-time code, like ./base-path.ts.
 * `EMBED_ORIGINS=https://desk.example.com npm run build`; none by default.
 * The list goes into the web server's `frame-ancestors` (scripts/nginx-site.ts)
 * and into the embed code (src/ui/embed/embed.ts), which talks to those
 * origins only.
 */

/**
 * The origins in `EMBED_ORIGINS` (separated by commas or spaces), each an
 * `https://host[:port]` or `http://host[:port]` origin with nothing after it.
 * Anything else fails the build: a typo here would silently refuse (or allow)
 * a desk.
 */
export function embedOrigins(value: string | undefined = process.env.EMBED_ORIGINS): string[] {
  const out: string[] = [];
  for (const item of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(item);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === item.replace(/\/$/, '').toLowerCase() && /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/.test(url.origin)) origin = url.origin;
    } catch {
      /* not a URL */
    }
    if (!origin) throw new Error(`EMBED_ORIGINS must list origins such as https://desk.example.com (scheme, host, optional port; no path, no wildcard), not ${JSON.stringify(item)}`);
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}
