import type { Block, Inline, Markdown } from './model.ts';

/** How inline code and links read as text; by default, code as it is and a link as its text. */
export interface TextStyle {
  code?: (code: string) => string;
  link?: (text: string, href: string) => string;
}

/**
 * Inline Markdown as plain text: the one walk over `Inline` (the search
 * index and the content checks through `markdownText`; the ticket summary,
 * with code in backticks and links followed by their address).
 */
export function inlineText(c: Inline[], style: TextStyle = {}): string {
  return c
    .map((i) => {
      if (typeof i === 'string') return i;
      switch (i.t) {
        case 'code':
          return style.code ? style.code(i.v) : i.v;
        case 'br':
          return ' ';
        case 'a':
          return style.link ? style.link(inlineText(i.c, style), i.href) : inlineText(i.c, style);
        default:
          return inlineText(i.c, style);
      }
    })
    .join('');
}

/** Plain text of a Markdown tree, for search and checks: blocks on lines of their own, a list item's blocks on one. */
export function markdownText(md: Markdown): string {
  const block = (b: Block): string => {
    switch (b.t) {
      case 'p':
      case 'h':
        return inlineText(b.c);
      case 'pre':
        return b.v;
      case 'quote':
        return b.c.map(block).join('\n');
      default:
        return b.items.map((item) => item.map(block).join(' ')).join('\n');
    }
  };
  return md.map(block).join('\n');
}
