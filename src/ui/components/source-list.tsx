import type { Source } from '../../engine/model.ts';

/**
 * The documents a step or a code traces to, by their public titles; a title
 * with a public address is a link that opens in a new tab (never replacing
 * the guide the person is in the middle of).
 */
export function SourceList({ label, sources, newTab }: { label: string; sources: Source[]; newTab: string }) {
  if (sources.length === 0) return null;
  return (
    <footer className="step__sources">
      <h2 className="step__sources-title">{label}</h2>
      <ul className="step__sources-list">
        {sources.map((s) => (
          <li key={s.title}>
            {s.url ? (
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                <cite>{s.title}</cite>
                <span className="visually-hidden"> ({newTab})</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            ) : (
              <cite>{s.title}</cite>
            )}
          </li>
        ))}
      </ul>
    </footer>
  );
}
