import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { CODE_PLATFORMS, LANGS, type Lang } from '../engine/model.ts';
import { matchRoute, routePath } from '../engine/paths.ts';
import { compileTree, summarizeTree } from './compile.ts';
import { compileCodeIndex } from './compile-codes.ts';
import { compileSearchIndex } from './compile-search.ts';
import { CODE_TABLE_LANGS } from './codes-schema.ts';
import { contentSecurityPolicy, SWAP_SCRIPT } from './csp.ts';
import { formatError } from './errors.ts';
import { fillIn, inlineScript } from './inline-script.ts';
import { loadContent, type LoadedContent } from './load.ts';

const INDEX = 'virtual:content';
const SUMMARIES = 'virtual:content/summaries';
const TREE_PREFIX = 'virtual:content/tree/';
const CODES_PREFIX = 'virtual:content/codes/';
const SEARCH_PREFIX = 'virtual:content/search/';

/**
 * Loads and validates `content/` at build time and serves it as JSON modules:
 * - `virtual:content`: the tree summaries and a lazy loader per tree and language;
 * - `virtual:content/tree/<id>/<lang>`: one compiled tree in one language (its own chunk);
 * - `virtual:content/codes/<lang>`: every code table in one language (its own chunk);
 * - `virtual:content/search/<lang>`: the home page's search index (its own chunk).
 * Any content error fails the build (and shows in the dev overlay).
 */
export function contentPlugin(root: string = process.cwd()): Plugin {
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
    if (blocking.length > 0) {
      throw new Error(`content/ has ${blocking.length} problem(s):\n${blocking.map(formatError).join('\n')}`);
    }
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

  return {
    name: 'troubleshooter-content',
    configResolved(config) {
      serving = config.command === 'serve';
      base = config.base;
    },
    resolveId(id) {
      if (id === INDEX || id === SUMMARIES || id.startsWith(TREE_PREFIX) || id.startsWith(CODES_PREFIX) || id.startsWith(SEARCH_PREFIX)) return `\0${id}`;
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
        return `export const summaries = JSON.parse(${JSON.stringify(JSON.stringify(summaries))});\n`;
      }
      if (code === INDEX) {
        const loaders = trees
          .map((t) => `${JSON.stringify(t.id)}: {${t.languages.map((lang) => `${lang}: () => import(${JSON.stringify(`${TREE_PREFIX}${t.id}/${lang}`)})`).join(', ')}}`)
          .join(',\n  ');
        const codeLoaders = CODE_TABLE_LANGS.map((lang) => `${lang}: () => import(${JSON.stringify(`${CODES_PREFIX}${lang}`)})`).join(', ');
        const searchLoaders = CODE_TABLE_LANGS.map((lang) => `${lang}: () => import(${JSON.stringify(`${SEARCH_PREFIX}${lang}`)})`).join(', ');
        return `export const loaders = {\n  ${loaders}\n};\nexport const codeLoaders = { ${codeLoaders} };\nexport const searchLoaders = { ${searchLoaders} };\n`;
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
        const links = [...preload].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
        // What it does: src/head-script.ts, bundled and minified here, with the chunks to preload put in.
        const script = fillIn(await inlineScript(join(root, 'src/head-script.ts'), root, base), '__HEAD_CHUNKS__', chunks);
        // The policy goes right after <meta charset> (which must stay first): it applies only to what follows it.
        const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([script, SWAP_SCRIPT])}" />`;
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
        const page = route?.name === 'step' && [route.params.treeId, route.params.stepId].every((id) => /^[a-z0-9-]+$/.test(id)) ? join(root, outDir, 't', route.params.treeId, route.params.stepId, 'index.html') : undefined;
        if (page && existsSync(page)) {
          req.url = `${path}/index.html${req.url!.slice(path.length)}`;
        }
        next();
      });
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(`${root}/content`);
      server.watcher.on('all', (_event, file) => {
        if (!file.startsWith(`${root}/content`)) return;
        cache = undefined;
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:content')) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
