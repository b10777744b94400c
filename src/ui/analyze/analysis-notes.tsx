import { useToolMessages } from '../i18n/use-messages.ts';
import type { AnalysisSource, Kept } from './saved-analysis.ts';

/** Where the text came from, in the page's language, followed by " · " (nothing for the text box). */
export function SourceLabel({ source }: { source: AnalysisSource }) {
  const m = useToolMessages();
  if (source.kind === 'file') return `${source.name} · `;
  if (source.kind === 'large-paste') return `${m.analyzeLargePaste((source.chars / 1024 / 1024).toFixed(1))} · `;
  return null;
}

/** Whether these findings were kept for this tab (and shown again now), and what of them could not be kept. */
export function KeptNotes({ kept, restored }: { kept: Kept; restored: boolean }) {
  const m = useToolMessages();
  return (
    <>
      {restored && <p className="muted small">{m.analyzeRestored}</p>}
      {/* Known a moment after the findings appear (they are kept in the background): announced then. */}
      <div role="status">
        {kept === 'findings' && <p className="notice">{m.analyzeTextNotKept}</p>}
        {kept === 'nothing' && <p className="notice">{m.analyzeNothingKept}</p>}
      </div>
    </>
  );
}
