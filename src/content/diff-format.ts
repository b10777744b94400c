import { LANGS } from '../engine/model.ts';
import type { Change, ContentDiff, FileDiff, Item, TextChange, Thing } from './diff.ts';

/** Section headings, in the order they are printed. */
const SECTIONS: [Thing, string][] = [
  ['tree', 'Tree'],
  ['table', 'Code table'],
  ['start', 'Start step'],
  ['step', 'Steps'],
  ['answer', 'Answers'],
  ['redirect', 'Redirects'],
  ['handles', 'Codes handled by steps'],
  ['code', 'Codes'],
  ['group', 'Code groups'],
  ['source', 'Sources'],
  ['cites', 'Sources cited'],
];
const SIGN: Record<Change, string> = { added: '+', removed: '-', changed: '~', renamed: '>' };
const LANG_NAME: Record<string, string> = { en: 'English', zh: 'Chinese' };

/** One line of a text that changed: short texts whole, long ones around what changed. */
function excerpt(change: TextChange, mark: { del: (s: string) => string; ins: (s: string) => string; text: (s: string) => string }): string {
  // Lines of Chinese join without a space, as the build joins them.
  const flat = (s: string) => s.replace(/([\u3000-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1').replace(/\s+/g, ' ').trim();
  if (change.summary) return change.summary;
  const before = change.before === undefined ? undefined : flat(change.before);
  const after = change.after === undefined ? undefined : flat(change.after);
  if (before === undefined) return `${mark.ins(clip(after!, 160))} (new)`;
  if (after === undefined) return `${mark.del(clip(before, 160))} (removed)`;
  // The words that differ, with a little context on each side.
  const bw = before.split(' ');
  const aw = after.split(' ');
  let head = 0;
  while (head < bw.length && head < aw.length && bw[head] === aw[head]) head++;
  let tail = 0;
  while (tail < bw.length - head && tail < aw.length - head && bw[bw.length - 1 - tail] === aw[aw.length - 1 - tail]) tail++;
  const ctx = 5;
  const pre = bw.slice(Math.max(0, head - ctx), head).join(' ');
  const post = bw.slice(bw.length - tail, bw.length - tail + ctx).join(' ');
  const del = bw.slice(head, bw.length - tail).join(' ');
  const ins = aw.slice(head, aw.length - tail).join(' ');
  const out = [
    head > ctx ? '…' : '',
    pre ? mark.text(pre) + ' ' : '',
    del ? mark.del(clip(del, 200)) : '',
    del && ins ? ' ' : '',
    ins ? mark.ins(clip(ins, 200)) : '',
    post ? ' ' + mark.text(post) : '',
    tail > ctx ? ' …' : '',
  ];
  return out.join('');
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function itemText(item: Item): string {
  const name = item.thing === 'answer' || item.thing === 'redirect' || item.thing === 'step' || item.thing === 'start' ? item.name : `"${item.name}"`;
  return `${name}${item.detail ? `: ${item.detail}` : ''}`;
}

function sections(d: FileDiff): [string, Item[]][] {
  return SECTIONS.map(([thing, title]): [string, Item[]] => [title, d.items.filter((i) => i.thing === thing)]).filter(([, items]) => items.length > 0);
}

/** The diff as plain text for a terminal. */
export function formatText(diff: ContentDiff): string {
  if (!diff.files.length) return `No content changes since ${diff.base}.`;
  const plain = { del: (s: string) => `[-${s}-]`, ins: (s: string) => `{+${s}+}`, text: (s: string) => s };
  const out = [`Content changes since ${diff.base}:`];
  for (const d of diff.files) {
    out.push('', `${d.file} — ${d.title} (${d.status === 'unreadable' ? 'cannot be read now: run npm run content:check' : d.status})`);
    for (const [title, items] of sections(d)) {
      out.push(`  ${title}`);
      for (const i of items) out.push(`    ${SIGN[i.change]} ${i.change} ${itemText(i)}`);
    }
    if (d.links.length) {
      out.push('  Published links');
      for (const l of d.links) out.push(`    ${l.how.padEnd(10)} ${l.url}: ${l.detail}`);
    }
    for (const lang of LANGS) {
      if (!d.texts[lang].length) continue;
      out.push(`  Text changes (${lang}, ${LANG_NAME[lang]})`);
      for (const t of d.texts[lang]) out.push(`    ${t.where}: ${excerpt(t, plain)}`);
    }
    if (d.stale.length) {
      out.push('  Stale translations (the English changed, the Chinese was not recorded as updated: npm run content:translated once it is)');
      for (const s of d.stale) out.push(`    ${s.where}: ${s.enBefore !== undefined ? `English changed: ${excerpt({ where: '', before: s.enBefore, after: s.en }, plain)}` : 'not recorded as translated yet'}`);
    }
  }
  return out.join('\n');
}

const md = (s: string) => s.replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1');

/** The diff as Markdown, for a pull-request comment. */
export function formatMarkdown(diff: ContentDiff): string {
  if (!diff.files.length) return `### Content changes\n\nNo content changes since ${md(diff.base)}.\n`;
  const marks = { del: (s: string) => `~~${md(s)}~~`, ins: (s: string) => `**${md(s)}**`, text: md };
  const out = [`### Content changes`, '', `Since ${md(diff.base)}.`];
  const broken = diff.files.flatMap((d) => d.links.filter((l) => l.how === 'broken'));
  const stale = diff.files.reduce((n, d) => n + d.stale.length, 0);
  if (broken.length) out.push('', `**${broken.length} published link(s) would break.**`);
  if (stale) out.push('', `**${stale} Chinese text(s) may be out of date** (their English changed).`);
  for (const d of diff.files) {
    out.push('', `#### \`${d.file}\` — ${md(d.title)} (${d.status === 'unreadable' ? 'cannot be read now' : d.status})`);
    for (const [title, items] of sections(d)) {
      out.push('', `**${title}**`, '');
      for (const i of items) out.push(`- ${i.change} ${md(itemText(i))}`);
    }
    if (d.links.length) {
      out.push('', '**Published links**', '', '| link | how | |', '|---|---|---|');
      for (const l of d.links) out.push(`| \`${l.url}\` | ${l.how} | ${md(l.detail)} |`);
    }
    for (const lang of LANGS) {
      if (!d.texts[lang].length) continue;
      out.push('', `<details><summary>Text changes (${lang}, ${LANG_NAME[lang]}): ${d.texts[lang].length}</summary>`, '');
      for (const t of d.texts[lang]) out.push(`- ${md(t.where)}: ${excerpt(t, marks)}`);
      out.push('', '</details>');
    }
    if (d.stale.length) {
      out.push('', '**Stale translations** (the English changed; the Chinese is not recorded as updated)', '');
      for (const s of d.stale) out.push(`- ${md(s.where)}: ${s.enBefore !== undefined ? `English changed: ${excerpt({ where: '', before: s.enBefore, after: s.en }, marks)}` : 'not recorded as translated yet'}`);
    }
  }
  return `${out.join('\n')}\n`;
}
