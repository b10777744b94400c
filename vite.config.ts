import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/content/vite-plugin.ts';

/**
 * Modules every page runs (React, the router, zustand, the store, the engine's
 * session code and the UI helpers the lazy pages share with the step page).
 * Left to itself, rolldown spreads them over small shared chunks because lazy
 * pages import them too; one chunk is fewer requests and compresses better.
 * Keep this list to modules the first step loads anyway: anything matched here
 * moves onto the first step's path.
 */
const SHARED =
  /node_modules[\\/](react|react-dom|react-router|scheduler|zustand|use-sync-external-store|cookie|set-cookie-parser)[\\/]|src[\\/](store[\\/]cases|engine[\\/](paths|session|trail|redirects|graph|cases|facts|strings)|ui[\\/]use-document-title)\.tsx?$/;

export default defineConfig(({ mode }) => ({
  plugins: [react(), contentPlugin()],
  resolve: {
    // react-router's package exports name only its development build (remix-run/react-router#12532, #14102):
    // a production build takes the production one, without the development warnings (~5 KB gzip less).
    alias: mode === 'production' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : [],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
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
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
}));
