import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import walls: the engine is pure (no React, no DOM store, no build-time code). */
const engineWall = {
  patterns: [
    { group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'zustand', 'zustand/*'], message: 'src/engine is pure TypeScript: no React, router or store.' },
    { group: ['**/ui/**', '**/store/**', '**/content/**'], message: 'src/engine may not import ui/, store/ or content/ (content depends on engine, not the reverse).' },
  ],
};
const contentWall = {
  patterns: [{ group: ['react', 'react-dom', 'react-router', 'zustand', '**/ui/**', '**/store/**'], message: 'src/content is build-time code: no React, router or store.' }],
};
const browserWall = {
  patterns: [
    { group: ['**/content/*', '!**/content/virtual'], message: 'The browser gets content through "virtual:content" only; src/content is build-time code.' },
    { group: ['yaml', 'zod', 'marked', 'node:*'], message: 'Build-time libraries stay out of the browser bundle.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', '.bench', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  { files: ['src/engine/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', engineWall] } },
  { files: ['src/content/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', contentWall] } },
  { files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'src/main.tsx', 'src/boot.tsx', 'src/entry-prerender.tsx'], rules: { 'no-restricted-imports': ['error', browserWall] } },
);
