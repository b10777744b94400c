/**
 * Prerenders every step page into dist/t/<tree>/<step>/index.html, so a cold
 * link paints its title from the HTML before any JavaScript runs; the app then
 * hydrates it after the first paint (src/main.tsx, src/boot.tsx; docs/decisions/0004). Runs after `vite build` and the SSR build of
 * src/entry-prerender.tsx (see the "build" script).
 *
 * Then writes the web server's part of the configuration, which only the build
 * knows: every address the app answers, the base path and the page policy
 * (dist-nginx/troubleshooter.conf, scripts/nginx-site.ts, docs/decisions/0012).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeIndex, Lang, Tree } from '../src/engine/model.ts';
import { basePath, nginxDir, outDir } from '../src/content/base-path.ts';
import { scriptHash } from '../src/content/csp.ts';
import { inlineScript } from '../src/content/inline-script.ts';
import { paths } from '../src/engine/paths.ts';
import { nginxSite } from './nginx-site.ts';
import { embedOrigins } from '../src/content/embed-origins.ts';

const root = process.cwd();
const dist = join(root, outDir());
const ssrDir = join(root, 'dist-ssr');
const entry = (await import(pathToFileURL(resolve(ssrDir, 'entry-prerender.js')).href)) as {
  render: (url: string, lang?: Lang) => Promise<string>;
  loaders: Record<string, Partial<Record<Lang, () => Promise<{ default: Tree }>>>>;
  codeLoaders: Partial<Record<Lang, () => Promise<{ default: CodeIndex }>>>;
};

const template = readFileSync(join(dist, 'index.html'), 'utf8');
if (!template.includes('<div id="root"></div>')) throw new Error(`${relative(root, dist)}/index.html has no empty <div id="root"></div> to fill`);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Shown in place of the English markup, before the first paint, when the head
 * script chose Chinese (src/swap-script.ts, docs/decisions/0006): the page then
 * hydrates in Chinese. Built as the build built it for the page's
 * Content-Security-Policy (src/content/vite-plugin.ts): a script whose hash
 * the policy lacks would not run, so that is checked here.
 */
const swapScript = await inlineScript(join(root, 'src/swap-script.ts'), root, basePath());
if (!template.includes(scriptHash(swapScript)))
  throw new Error(`${relative(root, dist)}/index.html: its Content-Security-Policy lacks the language swap script's hash`);
const SWAP = `<script>${swapScript}</script>`;

let pages = 0;
const treesForServer: { id: string; steps: string[]; redirects: string[] }[] = [];
for (const [treeId, byLang] of Object.entries(entry.loaders)) {
  const tree = (await byLang.en!()).default;
  treesForServer.push({ id: tree.id, steps: Object.keys(tree.steps), redirects: Object.keys(tree.redirects) });
  const zhTree = byLang.zh ? (await byLang.zh()).default : undefined;
  for (const step of Object.values(tree.steps)) {
    const url = paths.step.href(tree.id, step.id);
    const body = await entry.render(url, 'en');
    let zh = '';
    if (zhTree) {
      const zhStep = zhTree.steps[step.id]!;
      const zhBody = await entry.render(url, 'zh');
      zh = `<template id="root-zh" data-title="${escapeHtml(`${zhStep.title} · ${zhTree.title}`)}">${zhBody}</template>${SWAP}`;
    }
    const html = template
      .replace('<div id="root"></div>', `<div id="root" data-prerendered="${escapeHtml(treeId)}">${body}</div>${zh}`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(`${step.title} · ${tree.title}`)}</title>`);
    const dir = join(dist, url);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
    pages++;
  }
}
console.log(`Prerendered ${pages} step page(s) into ${relative(root, dist)}/t/.`);

// The page policy of this build (its <meta>, with the hashes of its inline scripts), sent as a header too.
const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(template)?.[1];
if (!csp) throw new Error('index.html has no Content-Security-Policy to send as a header');
// Code spellings do not depend on the language: the English tables name them all.
const codeIndex = (await entry.codeLoaders.en!()).default;
const conf = nginxSite({
  base: basePath(),
  csp: csp.replaceAll('&#39;', "'").replaceAll('&quot;', '"'),
  embedOrigins: embedOrigins(),
  trees: treesForServer,
  codes: codeIndex.tables.map((t) => ({ platform: t.platform, entries: t.codes })),
});
const confDir = join(root, nginxDir());
rmSync(confDir, { recursive: true, force: true });
mkdirSync(confDir, { recursive: true });
writeFileSync(join(confDir, 'troubleshooter.conf'), conf);
rmSync(ssrDir, { recursive: true, force: true });
console.log(`Wrote the web server's addresses and headers to ${relative(root, confDir)}/troubleshooter.conf.`);
