import type { ReactNode } from 'react';
import type { Block, Inline, Markdown as Md } from '../../engine/model.ts';
import { useMessages } from '../i18n/use-messages.ts';

/** Names a code block for screen readers (it is focusable, so it can scroll): "Example", "text example". */
type ExampleLabel = (lang: string) => string;

/** Renders content Markdown (already parsed at build time) as React elements; never as HTML. */
export function Markdown({ md }: { md: Md | undefined }) {
  const { exampleLabel } = useMessages();
  if (!md || md.length === 0) return null;
  return <>{md.map((b, i) => renderBlock(b, i, exampleLabel))}</>;
}

function renderBlock(b: Block, key: number, example: ExampleLabel): ReactNode {
  const blocks = (list: Block[]) => list.map((child, i) => renderBlock(child, i, example));
  switch (b.t) {
    case 'p':
      return <p key={key}>{renderInlines(b.c)}</p>;
    case 'h': {
      const H = `h${b.level + 1}` as 'h3' | 'h4' | 'h5';
      return <H key={key}>{renderInlines(b.c)}</H>;
    }
    case 'pre':
      return (
        <pre key={key} tabIndex={0} aria-label={example(b.lang)}>
          <code>{b.v}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{blocks(b.c)}</blockquote>;
    case 'ul':
      return (
        <ul key={key}>
          {b.items.map((item, i) => (
            <li key={i}>{blocks(item)}</li>
          ))}
        </ul>
      );
    case 'ol':
      return (
        <ol key={key} start={b.start}>
          {b.items.map((item, i) => (
            <li key={i}>{blocks(item)}</li>
          ))}
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

/** A titled panel of content Markdown ("What to do", "How to tell", a code's meaning); `expect` marks the one to compare against. */
export function ProsePanel({ id, title, md, expect }: { id: string; title: string; md: Md | undefined; expect?: boolean }) {
  return (
    <section className={expect ? 'panel panel--expect' : 'panel'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="prose">
        <Markdown md={md} />
      </div>
    </section>
  );
}
