import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { basePath, outDir } from './src/content/base-path.ts';
import { contentPlugin } from './src/content/vite-plugin.ts';
import { embedOrigins } from './src/content/embed-origins.ts';

/**
 * Modules every page runs: React, the router, zustand, and the app chunk itself:
 * src/ui/routes.tsx and everything it imports statically (the layout, the step
 * page, the store, the engine's session code…; a group takes its modules'
 * dependencies too), plus the saved-cases code the layout loads as soon as the
 * page is live (src/store/cases-persist.ts). Every page loads all of it anyway:
 * src/boot.tsx imports the routes. Left to itself, rolldown spreads these over
 * small chunks because lazy pages import them too; each chunk is gzipped and
 * fetched on its own, so one chunk is fewer requests and compresses better
 * (docs/benchmarks.md, session 5). Keep this list to modules the first step
 * loads anyway: anything matched here, and everything it imports, moves onto
 * the first step's path. src/boot.tsx stays a chunk of its own: the content
 * plugin finds the app's files to preload from it.
 */
const SHARED =
  /node_modules[\\/](react|react-dom|react-router|scheduler|zustand|use-sync-external-store|cookie|set-cookie-parser)[\\/]|src[\\/](ui[\\/]routes|store[\\/]cases-persist)\.tsx?$/;

const REACT_ROUTER_PRODUCTION = fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url));
/** Module ids use `/` on every system. */
const ROUTER_DIR = fileURLToPath(new URL('./src/ui/router/', import.meta.url)).replaceAll('\\', '/');

/**
 * How app code gets react-router (docs/benchmarks.md, session 5):
 *
 * - `import … from 'react-router'` anywhere in the app resolves to
 *   src/ui/router/index.ts: react-router with lighter `Link`, `NavLink` and
 *   `ScrollRestoration` (src/ui/router/components.tsx: react-router's carry
 *   framework-mode code that does nothing under `createBrowserRouter`).
 *   Only src/ui/router/ reaches the real package.
 * - A production build takes react-router's production build: its package exports
 *   name only the development one (remix-run/react-router#12532, #14102), which
 *   carries development warnings (~5 KB gzip more).
 * - In that build, its top-level `React.createContext(…)` / `forwardRef(…)` calls
 *   are marked pure and its `displayName` assignments (read only by React's
 *   developer tools) dropped, so what the app does not use (`<Form>`, `useSubmit`,
 *   `unstable_HistoryRouter`…) is tree-shaken instead of being kept alive by them.
 */
function reactRouter(production: boolean): Plugin {
  return {
    name: 'react-router-for-the-app',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source !== 'react-router') return null;
      if (!importer?.replaceAll('\\', '/').startsWith(ROUTER_DIR)) return `${ROUTER_DIR}index.ts`;
      return production ? REACT_ROUTER_PRODUCTION : this.resolve(source, importer, { ...options, skipSelf: true });
    },
    transform: {
      filter: { id: /react-router[\\/]dist[\\/]production[\\/]chunk-[^\\/]+\.mjs$/ },
      handler(code) {
        if (!production) return null;
        const out = code
          .replace(/^var (\w+) = (React\d*\.(?:createContext|forwardRef|memo)\()/gm, 'var $1 = /* @__PURE__ */ $2')
          .replace(/^\w+\.displayName = "[^"\n]*";$/gm, '');
        return { code: out, map: null };
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  // BASE_PATH=/troubleshooter/ npm run build: a build served under that path (README, "Deploy").
  base: basePath(),
  // CONTENT_ROOT=/some/dir: read /some/dir/content instead of ./content (the dev-server e2e test edits a scratch copy).
  plugins: [reactRouter(mode === 'production'), react(), contentPlugin(process.env.CONTENT_ROOT)],
  // EMBED_ORIGINS=https://desk.example.com npm run build: help desks that may frame the app and talk to it (docs/embedding.md).
  define: { __EMBED_ORIGINS__: JSON.stringify(embedOrigins()) },
  build: {
    outDir: outDir(),
    target: 'es2022',
    sourcemap: false,
    // The embed code (src/ui/embed/embed.ts) loads only in a help desk's frame: its import in
    // src/boot.tsx carries no preload list, which would sit in every page's boot chunk. And no
    // lazy import lists the runtime and `shared` chunks: every page has them before any lazy import
    // runs (the page's HTML preloads them), and their hashed names would sit in the vendor chunk.
    modulePreload: {
      resolveDependencies: (file, deps, { hostType }) =>
        /(^|\/)embed-[^/]+\.js$/.test(file) ? [] : hostType === 'js' ? deps.filter((d) => !/(^|\/)(rolldown-runtime|shared)-[^/]+\.js$/.test(d)) : deps,
    },
    rolldownOptions: {
      output: {
        // See SHARED above; measured with `npm run bench -- --only=bytes` (docs/benchmarks.md).
        codeSplitting: {
          groups: [
            { name: 'vendor', test: SHARED, priority: 1 },
            // Small modules with dynamic imports (so they carry Vite's preload helper, which the entry
            // needs too): a chunk of their own, so the entry never imports the vendor chunk before the first paint.
            { name: 'shared', test: /src[\\/](ui[\\/]i18n[\\/](use-messages|lang)|engine[\\/]model)\.ts$|^\0virtual:content$/, priority: 2 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
    environment: 'node',
  },
}));
