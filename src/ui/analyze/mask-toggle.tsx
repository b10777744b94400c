import { useId } from 'react';
import { useToolMessages } from '../i18n/use-messages.ts';

/**
 * Says how many values of an excerpt are masked, with one toggle button that
 * shows them as in the log for the person at the keyboard and masks them
 * again. The button's name never changes; aria-pressed tells its state, and
 * the sentence beside it (its description) what is on screen.
 */
export function MaskToggle({ count, revealed, onToggle }: { count: number; revealed: boolean; onToggle: () => void }) {
  const m = useToolMessages();
  const statusId = useId();
  if (count === 0) return null;
  return (
    <p className="muted small finding__masked">
      <span id={statusId}>{revealed ? m.findingRevealed : m.findingMasked(count)}</span>{' '}
      <button type="button" className="button button--small button--quiet reveal-toggle" aria-pressed={revealed} aria-describedby={statusId} onClick={onToggle}>
        {revealed && <span aria-hidden="true">✓</span>}
        {m.findingReveal}
      </button>
    </p>
  );
}
