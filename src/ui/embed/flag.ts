/**
 * `?embed=1`: the app runs in a help desk's sidebar (docs/embedding.md).
 * On every page's path (the layout and src/boot.tsx read it), so it holds
 * nothing else; the rest is ./embed.ts and ./keep.ts, loaded only when embedded.
 */

/** Read once per page load (undefined `window`: the prerender, never embedded). The flag stays in the URL while navigating (./keep.ts), so a reload stays embedded. */
export const EMBEDDED: boolean = typeof window !== 'undefined' && /[?&]embed=1(?:&|#|$)/.test(window.location.search);
