/** sessionStorage key: the author view stays on in this tab once `?author=1` turned it on. */
export const AUTHOR_KEY = 'troubleshooter-author';

/**
 * Whether a step shows the author view (src/ui/author/author-view.tsx):
 * `?author=1` turns it on for the tab, `?author=0` off. The only part of the
 * author view on a step's path; the view itself is a lazy chunk.
 */
export function authorWanted(search: string): boolean {
  const asked = /[?&]author=([01])(&|$)/.exec(search)?.[1];
  try {
    if (asked) sessionStorage.setItem(AUTHOR_KEY, asked);
    return (asked ?? sessionStorage.getItem(AUTHOR_KEY)) === '1';
  } catch {
    return asked === '1';
  }
}
