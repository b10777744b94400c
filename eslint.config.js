import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noImportCycles from './eslint-rules/no-import-cycles.js';

/** Import walls: the engine is pure (no React, no DOM store, no build-time code). */
const engineWall = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react-router', 'zustand', 'zustand/*'],
      message: 'src/engine is pure TypeScript: no React, router or store.',
    },
    {
      group: ['**/ui/**', '**/store/**', '**/content/**'],
      message: 'src/engine may not import ui/, store/ or content/ (content depends on engine, not the reverse).',
    },
  ],
};
const contentWall = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-router', 'zustand', '**/ui/**', '**/store/**'],
      message: 'src/content is build-time code: no React, router or store.',
    },
  ],
};
const browserWall = {
  patterns: [
    { group: ['**/content/*', '!**/content/virtual'], message: 'The browser gets content through "virtual:content" only; src/content is build-time code.' },
    { group: ['yaml', 'zod', 'marked', 'node:*'], message: 'Build-time libraries stay out of the browser bundle.' },
  ],
};

/** The store keeps state; it never reaches up into the UI that renders it. */
const storeWall = {
  patterns: [...browserWall.patterns, { group: ['**/ui', '**/ui/**'], message: 'src/store may not import src/ui: the UI reads the store, not the reverse.' }],
};
/**
 * The service worker's allow-list: modules of its own folder (src/sw/, which holds the
 * messages it shares with the page). Anything else would be bundled into sw.js and run
 * in the worker's scope, where the DOM, React and the app's state do not exist.
 */
const swWall = {
  patterns: [
    { regex: '^(?!\\./[\\w.-]+$)', message: 'src/sw imports only modules of its own folder (./messages.ts …): add what it shares with the page there.' },
  ],
};

/**
 * The engine runs in the page, in the analyzer's worker, in Node (tests, content build, bench):
 * it reaches no environment. Pass what it needs (storage text, the time, a URL) as arguments.
 */
const environmentGlobals = [
  ...[
    'window',
    'document',
    'navigator',
    'location',
    'history',
    'localStorage',
    'sessionStorage',
    'indexedDB',
    'caches',
    'self',
    'globalThis',
    'fetch',
    'XMLHttpRequest',
    'postMessage',
    'addEventListener',
    'removeEventListener',
    'requestAnimationFrame',
    'alert',
    'matchMedia',
    'getComputedStyle',
    'HTMLElement',
    'Element',
    'Node',
    'Event',
    'Worker',
    'BroadcastChannel',
  ].map((name) => ({
    name,
    message: `src/engine is environment-free: no DOM or worker global (${name}). Take what you need as an argument.`,
  })),
  ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
    name,
    message: `src/engine is environment-free: no Node global (${name}). Take what you need as an argument.`,
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', '.bench', 'node_modules', 'test-results', 'playwright-report', 'eslint-rules/__fixtures__'] },
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
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { local: { rules: { 'no-import-cycles': noImportCycles } } },
    rules: { 'local/no-import-cycles': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: { 'no-restricted-imports': ['error', engineWall], 'no-restricted-globals': ['error', ...environmentGlobals] },
  },
  { files: ['src/content/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', contentWall] } },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'src/main.tsx', 'src/boot.tsx', 'src/entry-prerender.tsx'],
    rules: { 'no-restricted-imports': ['error', browserWall] },
  },
  { files: ['src/store/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', storeWall] } },
  {
    files: ['src/sw/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: {
      'no-restricted-imports': ['error', swWall],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'A service worker cannot import() modules: import them statically from src/sw/.' },
      ],
    },
  },
);
