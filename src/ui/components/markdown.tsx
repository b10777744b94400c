import type { ReactNode } from 'react';
import type { Block, Inline, Markdown as Md } from '../../engine/model.ts';

/** Renders content Markdown (already parsed at build time) as React elements; never as HTML. */
export function Markdown({ md }: { md: Md | undefined }) {
  if (!md || md.length === 0) return null;
  return <>{md.map((b, i) => renderBlock(b, i))}</>;
}

function renderBlock(b: Block, key: number): ReactNode {
  switch (b.t) {
    case 'p':
      return <p key={key}>{renderInlines(b.c)}</p>;
    case 'h': {
      const H = `h${b.level + 1}` as 'h3' | 'h4' | 'h5';
      return <H key={key}>{renderInlines(b.c)}</H>;
    }
    case 'pre':
      return (
        <pre key={key} tabIndex={0} aria-label={b.lang ? `${b.lang} example` : 'Example'}>
          <code>{b.v}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{b.c.map(renderBlock)}</blockquote>;
    case 'ul':
      return <ul key={key}>{b.items.map((item, i) => <li key={i}>{item.map(renderBlock)}</li>)}</ul>;
    case 'ol':
      return (
        <ol key={key} start={b.start}>
          {b.items.map((item, i) => <li key={i}>{item.map(renderBlock)}</li>)}
        </ol>
      );
  }
}

function renderInlines(c: Inline[]): ReactNode[] {
  return c.map((i, key) => {
    if (typeof i === 'string') return i;
    switch (i.t) {
      case 'code':
        return <code key={key}>{i.v}</code>;
      case 'strong':
        return <strong key={key}>{renderInlines(i.c)}</strong>;
      case 'em':
        return <em key={key}>{renderInlines(i.c)}</em>;
      case 'del':
        return <del key={key}>{renderInlines(i.c)}</del>;
      case 'br':
        return <br key={key} />;
      case 'a':
        return (
          <a key={key} href={i.href} rel="noopener noreferrer" target="_blank">
            {renderInlines(i.c)}
          </a>
        );
    }
  });
}
