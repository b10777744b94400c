/**
 * `?embed=1`: the app runs in a help desk's sidebar (docs/embedding.md).
 * On every page's path (the layout and src/boot.tsx read it), so it holds
 * nothing else; the rest is ./embed.ts and ./keep.ts, loaded only when embedded.
 */

/** Read once per page load (undefined `window`: the prerender, never embedded). The flag stays in the URL while navigating (./keep.ts), so a reload stays embedded. */
export const EMBEDDED: boolean = typeof window !== 'undefined' && /* @__PURE__ */ hasEmbedFlag(window.location.search);

/** Does this query string (`location.search`) carry `embed=1`? The app, ./keep.ts and the inline head script (src/head-script.ts) ask here. */
export function hasEmbedFlag(search: string): boolean {
  return /[?&]embed=1(?:&|#|$)/.test(search);
}
