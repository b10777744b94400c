import { forwardRef, useContext } from 'react';
import {
  UNSAFE_DataRouterStateContext,
  UNSAFE_NavigationContext,
  UNSAFE_useScrollRestoration,
  useHref,
  useLinkClickHandler,
  useLocation,
  useResolvedPath,
  type LinkProps,
  type NavLinkProps,
  type ScrollRestorationProps,
} from 'react-router';

/**
 * react-router's `Link`, `NavLink` and `ScrollRestoration`, without what only
 * its framework mode uses (the app runs in data mode: `createBrowserRouter`,
 * and a static router when prerendering). Under `createBrowserRouter` those
 * parts do nothing, yet they put about 3 KB gzip of react-router on every page
 * (docs/benchmarks.md, session 5):
 *
 * - `Link`: `prefetch` and route discovery (`discover`, the `data-discover`
 *   attribute) need the framework's manifest. Clicks are handled by
 *   react-router's own `useLinkClickHandler` (modifier keys and middle clicks,
 *   `target`, `replace`, `state`, `preventScrollReset`, `viewTransition`), so
 *   navigation behaves as before. Not supported: `mask`; an absolute URL
 *   (`https://…`) is an ordinary link, even to this origin.
 * - `NavLink`: the same `Link`, with `aria-current` and the `active` and
 *   `pending` classes (no `transitioning` class).
 * - `ScrollRestoration`: react-router's is its `useScrollRestoration` hook plus
 *   an inline script that only framework-mode server rendering writes.
 *
 * App code imports these from 'react-router' as usual: the build resolves that
 * name to ./index.ts, which puts them in place of react-router's (vite.config.ts).
 */

/** A URL with a scheme (`https:`, `mailto:`) or protocol-relative: an ordinary link, not a route. */
const ABSOLUTE_URL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(
  // Framework-mode props are taken out so they do not end up on the <a>.
  {
    onClick,
    discover: _discover,
    prefetch: _prefetch,
    mask: _mask,
    relative,
    reloadDocument,
    replace,
    state,
    target,
    to,
    preventScrollReset,
    viewTransition,
    defaultShouldRevalidate,
    ...rest
  },
  ref,
) {
  const { useTransitions } = useContext(UNSAFE_NavigationContext);
  const href = useHref(to, { relative });
  const handleClick = useLinkClickHandler(to, {
    replace,
    state,
    target,
    preventScrollReset,
    relative,
    viewTransition,
    defaultShouldRevalidate,
    useTransitions,
  });
  const external = typeof to === 'string' && ABSOLUTE_URL.test(to);
  return (
    <a
      {...rest}
      ref={ref}
      target={target}
      href={external ? (to as string) : href}
      onClick={
        external || reloadDocument
          ? onClick
          : (event) => {
              onClick?.(event);
              if (!event.defaultPrevented) handleClick(event);
            }
      }
    />
  );
});

/** A `Link` that knows whether it points at the current page: `aria-current` and the `active` / `pending` classes, as react-router's. */
export const NavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function NavLink(
  { 'aria-current': ariaCurrent = 'page', caseSensitive = false, className = '', end = false, style, children, ...rest },
  ref,
) {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const path = useResolvedPath(rest.to, { relative: rest.relative });
  const next = useContext(UNSAFE_DataRouterStateContext)?.navigation.location?.pathname;
  const here = useLocation().pathname;
  const fold = (p: string) => (caseSensitive ? p : p.toLowerCase());
  const to = fold(navigator.encodeLocation ? navigator.encodeLocation(path).pathname : path.pathname);
  // "/codes" is active on "/codes" and (without `end`) on "/codes/…"; a trailing slash on `to` does not count.
  const matches = (p: string | undefined) =>
    p != null && (p === to || (!end && p.startsWith(to) && p.charAt(to !== '/' && to.endsWith('/') ? to.length - 1 : to.length) === '/'));
  const isActive = matches(fold(here));
  const isPending = matches(next == null ? undefined : fold(next));
  const state = { isActive, isPending, isTransitioning: false };
  return (
    <Link
      {...rest}
      ref={ref}
      aria-current={isActive ? ariaCurrent : undefined}
      className={typeof className === 'function' ? className(state) : [className, isActive && 'active', isPending && 'pending'].filter(Boolean).join(' ')}
      style={typeof style === 'function' ? style(state) : style}
    >
      {typeof children === 'function' ? children(state) : children}
    </Link>
  );
});

/** Saves scroll positions and restores them on back / forward, scrolls to the top on a new page (react-router's hook; renders nothing). */
export function ScrollRestoration({ getKey, storageKey }: ScrollRestorationProps): null {
  UNSAFE_useScrollRestoration({ getKey, storageKey });
  return null;
}
