import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline, Markdown } from '../engine/model.ts';

/** Markdown the content may use could not be converted; `message` says why. */
export class MarkdownError extends Error {}

const SAFE_HREF = /^https:\/\/[^\s<>"']+$/;

/**
 * Converts the Markdown subset allowed in content into a small JSON tree that
 * the UI renders with React elements, so no HTML string ever reaches the page.
 * Runs at build time only (marked is not shipped to the browser).
 * @throws MarkdownError for raw HTML, images, tables, rules and non-https links.
 */
export function toMarkdown(source: string): Markdown {
  const tokens = new Lexer({ gfm: true }).lex(source.trim());
  return blocks(tokens);
}

function blocks(tokens: Token[]): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        break;
      case 'paragraph':
        out.push({ t: 'p', c: inlines((token as Tokens.Paragraph).tokens) });
        break;
      case 'text': {
        // Block-level text appears inside tight list items.
        const text = token as Tokens.Text;
        out.push({ t: 'p', c: text.tokens ? inlines(text.tokens) : [text.text] });
        break;
      }
      case 'heading': {
        const heading = token as Tokens.Heading;
        const level = Math.min(4, Math.max(2, heading.depth)) as 2 | 3 | 4;
        out.push({ t: 'h', level, c: inlines(heading.tokens) });
        break;
      }
      case 'code': {
        const code = token as Tokens.Code;
        out.push({ t: 'pre', lang: code.lang ?? '', v: code.text });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item) => blocks(item.tokens));
        const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
        out.push(start === undefined ? { t: list.ordered ? 'ol' : 'ul', items } : { t: 'ol', start, items });
        break;
      }
      case 'blockquote':
        out.push({ t: 'quote', c: blocks((token as Tokens.Blockquote).tokens) });
        break;
      default:
        throw new MarkdownError(unsupported(token));
    }
  }
  return out;
}

function inlines(tokens: Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) out.push(...inlines(text.tokens));
        else out.push(softBreaks(text.text));
        break;
      }
      case 'escape':
        out.push((token as Tokens.Escape).text);
        break;
      case 'codespan':
        out.push({ t: 'code', v: (token as Tokens.Codespan).text });
        break;
      case 'strong':
      case 'em':
      case 'del':
        out.push({ t: token.type, c: inlines((token as Tokens.Strong).tokens) });
        break;
      case 'br':
        out.push({ t: 'br' });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        if (!SAFE_HREF.test(link.href)) {
          throw new MarkdownError(`the link "${link.href}" must be an https:// address`);
        }
        out.push({ t: 'a', href: link.href, c: inlines(link.tokens) });
        break;
      }
      default:
        throw new MarkdownError(unsupported(token));
    }
  }
  return joinStrings(out);
}

function unsupported(token: Token): string {
  const what: Record<string, string> = {
    html: 'raw HTML',
    image: 'an image',
    table: 'a table',
    hr: 'a horizontal rule',
    def: 'a link definition',
  };
  const snippet = token.raw.trim().slice(0, 40);
  return `${what[token.type] ?? `Markdown "${token.type}"`} is not allowed in content ("${snippet}")`;
}

/** Chinese and Japanese characters and their full-width punctuation: written without spaces between them. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * A soft line break (a newline inside a paragraph) reads as a space in
 * Markdown and in HTML alike; stored as one, the content chunks are smaller
 * (the first step's tree: 276 B gzip) and plain-text copies read as prose.
 * Chinese is written without spaces: a break after or before a Chinese
 * character, with Chinese or the edge of the text on the other side, joins
 * the lines ("逐个字母\n对比" reads "逐个字母对比"); between Chinese and a
 * Latin word inside one text it stays a space, as Chinese typesetting spaces them.
 */
export const softBreaks = (text: string): string =>
  text.replace(/[ \t]*\n[ \t]*/g, (_m, at: number, all: string) => {
    const before = all.slice(0, at).trimEnd().slice(-1);
    const after = all.slice(at + _m.length, at + _m.length + 1);
    const cjkBefore = CJK.test(before);
    const cjkAfter = CJK.test(after);
    return (cjkBefore && (cjkAfter || !after)) || (cjkAfter && !before) ? '' : ' ';
  });

/** Adjacent strings become one, so the JSON stays small. */
function joinStrings(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (typeof item === 'string' && typeof last === 'string') out[out.length - 1] = last + item;
    else out.push(item);
  }
  return out;
}
