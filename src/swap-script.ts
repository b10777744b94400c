/**
 * The inline script of every prerendered step page, right after its markup
 * (scripts/prerender.ts writes it there). When the head script chose Chinese
 * (src/head-script.ts), it puts the Chinese markup of the same step, kept in
 * `<template id="root-zh">`, in place of the English before the first paint,
 * and shows the page: no flash of the wrong language (docs/decisions/0006).
 * The app then hydrates in Chinese.
 *
 * Bundled and minified at build time like the head script; its hash goes in
 * the page's Content-Security-Policy (src/content/csp.ts). It imports nothing.
 */
const root = document.documentElement;
const shown = document.getElementById('root');
const chinese = document.getElementById('root-zh');
if (root.lang === 'zh-CN' && shown && chinese) {
  // Our own prerendered markup, from a template in the same page: nothing a person typed.
  shown.innerHTML = chinese.innerHTML;
  shown.setAttribute('data-lang', 'zh');
  document.title = chinese.getAttribute('data-title') || document.title;
  root.removeAttribute('data-lang-pending');
}
