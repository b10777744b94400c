/**
 * What app code gets when it imports 'react-router' (the `reactRouter` plugin
 * in vite.config.ts resolves the name here; only this folder reaches the real
 * package): react-router itself, with lighter `Link`, `NavLink` and
 * `ScrollRestoration` (./components.tsx).
 */
export * from 'react-router';
export { Link, NavLink, ScrollRestoration } from './components.tsx';
