import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnvironmentModuleNode, ErrorPayload, Plugin, ViteDevServer } from 'vite';
import { CODE_PLATFORMS, CONTENT_UPDATE_EVENT, LANGS, type Lang } from '../engine/model.ts';
import { matchRoute, routePath } from '../engine/paths.ts';
import { authorTable } from './author-table.ts';
import { compileTree, summarizeTree } from './compile.ts';
import { compileCodeIndex } from './compile-codes.ts';
import { compileSearchIndex } from './compile-search.ts';
import { CODE_TABLE_LANGS } from './codes-schema.ts';
import { contentSecurityPolicy } from './csp.ts';
import { formatError, formatReport, type ContentError } from './errors.ts';
import { fillIn, inlineScript } from './inline-script.ts';
import { loadContent, type LoadedContent } from './load.ts';

/** This project (not the content's root, which `CONTENT_ROOT` may move): where src/head-script.ts is. */
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

const INDEX = 'virtual:content';
const SUMMARIES = 'virtual:content/summaries';
const TREE_PREFIX = 'virtual:content/tree/';
const CODES_PREFIX = 'virtual:content/codes/';
const SEARCH_PREFIX = 'virtual:content/search/';
const AUTHOR = 'virtual:content/author';
/** One module per tree; the prefix names its chunk (`assets/author-<tree>-<hash>.js`). */
const AUTHOR_PREFIX = 'virtual:content/author-';
/** Custom HMR event: the content that failed to compile compiles again (the client closes the error overlay). */
const FIXED_EVENT = 'troubleshooter:content-fixed';

/** A content error as Vite shows it: the CLI's text, located at the first problem. */
class ContentLoadError extends Error {
  constructor(
    readonly errors: ContentError[],
    readonly root: string,
  ) {
    super(formatReport(errors));
    // Where in the plugin it was thrown says nothing to an author: the overlay shows the sentences only.
    this.stack = '';
  }
  get loc() {
    const first = this.errors[0]!;
    return { file: resolve(this.root, first.file), line: first.line, column: first.col };
  }
  /** What the dev server sends to the browser's error overlay. */
  payload(): ErrorPayload['err'] {
    return { message: this.message, stack: '', plugin: 'troubleshooter-content', loc: this.loc };
  }
}

/**
 * Dev server only: code appended to a content module that accepts its own
 * new version. The app keeps the objects it imported from the module's first
 * version (kept in `import.meta.hot.data`): each new version's exports are
 * moved into them. Then the app is told, so it drops what it loaded and loads
 * the step's data again: the page updates in place, at the same URL.
 */
const hotAccept = (names: string[]) =>
  `if (import.meta.hot) {
  const held = (import.meta.hot.data.held ??= { ${names.join(', ')} });
  import.meta.hot.accept((next) => {
    if (!next) return;
    for (const name of ${JSON.stringify(names)}) {
      for (const k of Object.keys(held[name])) delete held[name][k];
      Object.assign(held[name], next[name]);
    }
    window.dispatchEvent(new Event(${JSON.stringify(CONTENT_UPDATE_EVENT)}));
  });
  import.meta.hot.on(${JSON.stringify(FIXED_EVENT)}, () => document.querySelectorAll('vite-error-overlay').forEach((o) => o.close()));
}
`;

/**
 * Loads and validates `content/` at build time and serves it as JSON modules:
 * - `virtual:content`: the tree summaries and a lazy loader per tree and language;
 * - `virtual:content/tree/<id>/<lang>`: one compiled tree in one language (its own chunk);
 * - `virtual:content/codes/<lang>`: every code table in one language (its own chunk);
 * - `virtual:content/search/<lang>`: the home page's search index (its own chunk).
 * - `virtual:content/author`: per tree, a lazy loader of the author view's side table (file positions).
 * Any content error fails the build. On the dev server (`npm start`), a saved content file updates
 * the open page in place, and a content error shows in Vite's error overlay until it is fixed.
 * `contentRoot`: the folder whose `content/` is read (the project's by default; the dev-server
 * e2e test points it at a scratch copy).
 */
export function contentPlugin(contentRoot?: string): Plugin {
  const root = resolve(contentRoot ?? process.cwd());
  let cache: LoadedContent | undefined;
  let serving = false;
  /** Vite's `base` (`/`, `/troubleshooter/`): every URL the HTML names starts with it. */
  let base = '/';
  const load = (): LoadedContent => {
    if (cache) return cache;
    const loaded = loadContent(root);
    // While authoring, a new step that is not yet published and a Chinese text whose English changed
    // are only warnings; the build refuses them.
    const blocking = loaded.errors.filter((e) => !(serving && (e.pendingPublish || e.staleTranslation)));
    if (blocking.length > 0) throw new ContentLoadError(blocking, root);
    const unpublished = loaded.errors.filter((e) => e.pendingPublish);
    if (unpublished.length > 0) {
      console.warn(`content/: ${unpublished.length} step(s) or code(s) not yet published; run "npm run content:publish" before committing.`);
    }
    const stale = loaded.errors.filter((e) => e.staleTranslation);
    if (stale.length > 0) {
      console.warn(`content/: ${stale.length} Chinese text(s) may not match their English any more:\n${stale.map(formatError).join('\n')}\nUpdate them, then run "npm run content:translated" before committing.`);
    }
    cache = loaded;
    return cache;
  };

  /** Dev server: the last change left content/ with errors (the browser shows them). */
  let broken = false;

  return {
    name: 'troubleshooter-content',
    configResolved(config) {
      serving = config.command === 'serve';
      base = config.base;
    },
    resolveId(id) {
      if (id === INDEX || id === SUMMARIES || id === AUTHOR || [TREE_PREFIX, CODES_PREFIX, SEARCH_PREFIX, AUTHOR_PREFIX].some((p) => id.startsWith(p))) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:content')) return undefined;
      const content = load();
      for (const file of content.files) this.addWatchFile(file);
      // The home page lists the guides in the platforms' order: mPaaS (the flagship) first.
      const rank = (platform: string) => (CODE_PLATFORMS as readonly string[]).indexOf(platform);
      const trees = content.trees.map((t) => t.tree!).sort((a, b) => rank(a.platform) - rank(b.platform) || a.id.localeCompare(b.id));
      const code = id.slice(1);
      if (code === SUMMARIES) {
        // Every UI language gets summaries; a tree without that language shows its English texts.
        // Their own module: the home and not-found pages list the guides, a step page never does.
        const summaries: Partial<Record<Lang, unknown[]>> = {};
        for (const lang of LANGS) summaries[lang] = trees.map((t) => summarizeTree(t, (t.languages as Lang[]).includes(lang) ? lang : 'en'));
        return `export const summaries = JSON.parse(${JSON.stringify(JSON.stringify(summaries))});\n${serving ? hotAccept(['summaries']) : ''}`;
      }
      if (code === INDEX) {
        const loaders = trees
          .map((t) => `${JSON.stringify(t.id)}: {${t.languages.map((lang) => `${lang}: () => import(${JSON.stringify(`${TREE_PREFIX}${t.id}/${lang}`)})`).join(', ')}}`)
          .join(',\n  ');
        const codeLoaders = CODE_TABLE_LANGS.map((lang) => `${lang}: () => import(${JSON.stringify(`${CODES_PREFIX}${lang}`)})`).join(', ');
        const searchLoaders = CODE_TABLE_LANGS.map((lang) => `${lang}: () => import(${JSON.stringify(`${SEARCH_PREFIX}${lang}`)})`).join(', ');
        const hot = serving ? hotAccept(['loaders', 'codeLoaders', 'searchLoaders']) : '';
        return `export const loaders = {\n  ${loaders}\n};\nexport const codeLoaders = { ${codeLoaders} };\nexport const searchLoaders = { ${searchLoaders} };\n${hot}`;
      }
      // The author view's side table (src/ui/author/): where each step is in its file, and its conditions as written.
      // Only the author view imports it, so no page carries it.
      if (code === AUTHOR) {
        const authorLoaders = trees.map((t) => `${JSON.stringify(t.id)}: () => import(${JSON.stringify(`${AUTHOR_PREFIX}${t.id}`)})`).join(',\n  ');
        return `export const authorLoaders = {\n  ${authorLoaders}\n};\n${serving ? hotAccept(['authorLoaders']) : ''}`;
      }
      if (code.startsWith(AUTHOR_PREFIX)) {
        const parsed = content.trees.find((t) => t.tree?.id === code.slice(AUTHOR_PREFIX.length));
        if (!parsed) throw new Error(`No content module ${code}`);
        // On the dev server, the file's full path too: the author view's "open in editor" asks Vite to open it.
        const table = { ...authorTable(parsed), ...(serving ? { path: resolve(root, parsed.file) } : {}) };
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\n`;
      }
      if (code.startsWith(SEARCH_PREFIX)) {
        const lang = code.slice(SEARCH_PREFIX.length) as Lang;
        if (!CODE_TABLE_LANGS.includes(lang)) throw new Error(`No content module ${code}`);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compileSearchIndex(trees, content.codes.map((c) => c.table!), lang)))});\n`;
      }
      if (code.startsWith(CODES_PREFIX)) {
        const lang = code.slice(CODES_PREFIX.length) as Lang;
        if (!CODE_TABLE_LANGS.includes(lang)) throw new Error(`No content module ${code}`);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compileCodeIndex(content.codes.map((c) => c.table!), lang, content.sources)))});\n`;
      }
      const [treeId = '', lang = ''] = code.slice(TREE_PREFIX.length).split('/');
      const raw = trees.find((t) => t.id === treeId);
      if (!raw || !(raw.languages as string[]).includes(lang)) throw new Error(`No content module ${code}`);
      // Each step's id is its key in `steps`: sent once, and put back on the step as the module loads
      // (about 250 B gzip less on every tree chunk, the first step's included).
      const tree = compileTree(raw, lang as Lang, content.sources);
      const steps = Object.fromEntries(Object.entries(tree.steps).map(([id, { id: _id, ...step }]) => [id, step]));
      return `const t = JSON.parse(${JSON.stringify(JSON.stringify({ ...tree, steps }))});\nfor (const id in t.steps) t.steps[id].id = id;\nexport default t;\n`;
    },
    // A cold step URL needs its tree's chunk right after the main bundle. A few bytes of
    // inline script start that download in parallel instead of after the app has booted.
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.bundle) return html;
        // Per tree (and under "" the UI strings of src/ui/i18n/<lang>.ts), each language's chunk, as src/head-script.ts reads them.
        const chunks: Record<string, (string | null)[]> = {};
        const put = (key: string, lang: string, fileName: string) => {
          const name = /^assets\/([^/]+)\.js$/.exec(fileName)?.[1];
          if (!name) throw new Error(`the head script preloads files in assets/ only, not ${fileName}`);
          const row = (chunks[key] ??= LANGS.map(() => null));
          row[LANGS.indexOf(lang as Lang)] = name;
        };
        for (const out of Object.values(ctx.bundle)) {
          if (out.type !== 'chunk') continue;
          const strings = /\/src\/ui\/i18n\/(en|zh)\.ts$/.exec(out.facadeModuleId ?? '');
          if (strings) put('', strings[1]!, out.fileName);
          const tree = out.facadeModuleId?.startsWith(`\0${TREE_PREFIX}`) ? out.facadeModuleId.slice(TREE_PREFIX.length + 1).split('/') : undefined;
          if (tree) put(tree[0]!, tree[1]!, out.fileName);
        }
        // The app itself is a dynamic import of the tiny entry (src/main.tsx): preload it and
        // everything it imports statically, so it downloads while the page paints.
        const app = Object.values(ctx.bundle).find((out) => out.type === 'chunk' && out.facadeModuleId?.endsWith('/src/boot.tsx'));
        const preload = new Set<string>();
        const add = (file: string) => {
          const out = ctx.bundle![file];
          if (preload.has(file) || out?.type !== 'chunk') return;
          preload.add(file);
          out.imports.forEach(add);
        };
        if (app) add(app.fileName);
        // Vite itself preloads what the entry imports statically: listed once, not twice.
        const byVite = new Set(Object.values(ctx.bundle).flatMap((out) => (out.type === 'chunk' && out.isEntry ? out.imports : [])));
        const links = [...preload]
          .filter((file) => !byVite.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
        // What it does: src/head-script.ts, bundled and minified here, with the chunks to preload put in.
        const script = fillIn(await inlineScript(join(PROJECT, 'src/head-script.ts'), PROJECT, base), '__HEAD_CHUNKS__', chunks);
        // The policy goes right after <meta charset> (which must stay first): it applies only to what follows it.
        // The prerendered step pages' language swap (src/swap-script.ts, written by scripts/prerender.ts) is allowed too.
        const swap = await inlineScript(join(PROJECT, 'src/swap-script.ts'), PROJECT, base);
        const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([script, swap])}" />`;
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error(`index.html needs ${charset} for the Content-Security-Policy to follow`);
        return { html: html.replace(charset, () => `${charset}\n    ${csp}`), tags: [...links, { tag: 'script', children: script, injectTo: 'head' }] };
      },
    },
    // `vite preview` serves a prerendered step (dist/t/<tree>/<step>/index.html) for
    // /t/<tree>/<step> (under the base path), as static hosts do, instead of the SPA fallback.
    configurePreviewServer(server) {
      const outDir = server.config.build.outDir;
      const previewBase = server.config.base;
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const route = path.endsWith('/') ? undefined : matchRoute(routePath(path, previewBase) ?? '');
        // Step ids are plain words (src/content/schema.ts): nothing else names a file.
        const page = route?.name === 'step' && [route.params.treeId, route.params.stepId].every((id) => /^[a-z0-9-]+$/.test(id)) ? join(server.config.root, outDir, 't', route.params.treeId, route.params.stepId, 'index.html') : undefined;
        if (page && existsSync(page)) {
          req.url = `${path}/index.html${req.url!.slice(path.length)}`;
        }
        next();
      });
    },
    configureServer(server: ViteDevServer) {
      // New files too (a new tree), not only those a content module has read.
      server.watcher.add(join(root, 'content'));
    },
    // Saving a content file: the content is read and checked again. If it compiles, the content
    // modules the page holds accept their new versions (see hotAccept): no reload, same URL.
    // If not, the browser shows the problems in Vite's error overlay, in the words of
    // `npm run content:check`, until a save fixes them. The dev server itself keeps running.
    hotUpdate({ file, timestamp }) {
      if (!resolve(file).startsWith(join(root, 'content') + '/') || this.environment.name !== 'client') return undefined;
      cache = undefined;
      const graph = this.environment.moduleGraph;
      const modules = [...graph.idToModuleMap.values()].filter((m) => m.id?.startsWith('\0virtual:content'));
      const seen = new Set<EnvironmentModuleNode>();
      for (const mod of modules) graph.invalidateModule(mod, seen, timestamp, true);
      try {
        load();
      } catch (e) {
        if (!(e instanceof ContentLoadError)) throw e;
        broken = true;
        this.environment.logger.error(e.message, { timestamp: true });
        this.environment.hot.send({ type: 'error', err: e.payload() });
        return [];
      }
      if (broken) this.environment.hot.send({ type: 'custom', event: FIXED_EVENT });
      broken = false;
      // The modules that accept their new version; the trees, tables and search index they import are fetched anew.
      const accepting = modules.filter((m) => [INDEX, SUMMARIES, AUTHOR].some((id) => m.id === `\0${id}`) && m.isSelfAccepting);
      if (modules.some((m) => m.id === `\0${INDEX}` && !m.isSelfAccepting)) {
        // A page opened while the content was broken never ran them: reload it.
        this.environment.hot.send({ type: 'full-reload' });
        return [];
      }
      return accepting;
    },
  };
}
