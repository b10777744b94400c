import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { CODE_PLATFORMS, LANG_STORAGE_KEY, LANGS, type Lang } from '../engine/model.ts';
import { compileTree, summarizeTree } from './compile.ts';
import { compileCodeIndex } from './compile-codes.ts';
import { compileSearchIndex } from './compile-search.ts';
import { CODE_TABLE_LANGS } from './codes-schema.ts';
import { contentSecurityPolicy, SWAP_SCRIPT } from './csp.ts';
import { formatError } from './errors.ts';
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
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const chunks: Record<string, Record<string, string>> = {};
        // The UI strings of each language (src/ui/i18n/<lang>.ts), preloaded like a tree, under the key "".
        for (const out of Object.values(ctx.bundle)) {
          const m = out.type === 'chunk' ? /\/src\/ui\/i18n\/(en|zh)\.ts$/.exec(out.facadeModuleId ?? '') : null;
          if (m) (chunks[''] ??= {})[m[1]!] = `${base}${out.fileName}`;
        }
        for (const out of Object.values(ctx.bundle)) {
          const m = out.type === 'chunk' && out.facadeModuleId?.startsWith(`\0${TREE_PREFIX}`) ? out.facadeModuleId.slice(TREE_PREFIX.length + 1).split('/') : undefined;
          if (m) (chunks[m[0]!] ??= {})[m[1]!] = `${base}${out.fileName}`;
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
        // Picks the language as src/ui/i18n/lang.ts does (?lang=, the saved choice, the browser), sets
        // <html lang> at once and, on a prerendered (English) page shown in Chinese, hides the English
        // markup until the app has rendered the Chinese page (no flash of the wrong language).
        // In a help desk's frame (?embed=1) it marks <html data-embed> at once, so a prerendered
        // page never flashes the site header there (src/ui/embed/flag.ts).
        // The tree is read from the path after the base path (`/troubleshooter/t/<tree>/…`).
        const script = `(function(m){var d=document.documentElement,g='en';try{var q=new URLSearchParams(location.search).get('lang'),s=localStorage.getItem('${LANG_STORAGE_KEY}');if(q==='en'||q==='zh')g=q;else if(s==='en'||s==='zh')g=s;else{var n=navigator.languages||[navigator.language];for(var i=0;i<n.length;i++){if(/^zh\\b/i.test(n[i])){g='zh';break}if(/^en\\b/i.test(n[i]))break}}}catch(e){}d.lang=g==='zh'?'zh-CN':'en';if(g!=='en')d.setAttribute('data-lang-pending','');if(/[?&]embed=1(&|$)/.test(location.search))d.setAttribute('data-embed','');var p=${base === '/' ? 'location.pathname' : `location.pathname.slice(${base.length - 1})`}.split('/'),c=p[1]==='t'&&p[2]&&Object.prototype.hasOwnProperty.call(m,p[2])&&m[p[2]],f=function(u){if(!u)return;var l=document.createElement('link');l.rel='modulepreload';l.href=u;document.head.appendChild(l)};f(m[''][g]);f(c&&(c[g]||c.en))})(${JSON.stringify(chunks)})`;
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
        const inBase = path.startsWith(previewBase) ? `/${path.slice(previewBase.length)}` : '';
        if (/^\/t\/[a-z0-9-]+\/[a-z0-9-]+$/.test(inBase) && existsSync(join(root, outDir, inBase, 'index.html'))) {
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
