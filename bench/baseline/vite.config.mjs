// The benchmark's baseline: a bare React + react-router + zustand page, built
// exactly like the app (Vite + @vitejs/plugin-react, target es2022, no sourcemaps).
// Built by `npm run bench` with `npx vite build --config bench/baseline/vite.config.mjs`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // No public/ folder: nothing but the page itself.
  publicDir: false,
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: '../../dist-baseline',
    emptyOutDir: true,
  },
});
