import { useMemo, useState } from 'react';
import { knownFacts, type Case } from '../../engine/cases.ts';
import type { Tree } from '../../engine/model.ts';
import { SECRET_KINDS } from '../../engine/redact.ts';
import type { Session, Ticks } from '../../engine/session.ts';
import { buildSummary } from '../../engine/summary.ts';
import { CopyButton } from '../components/copy-button.tsx';
import { useToolMessages } from '../i18n/use-messages.ts';

const NO_FINDINGS: never[] = [];

/**
 * The ticket summary of the session on screen: a preview the person reads
 * (secrets already masked, and a line saying what was masked), then copies
 * as Markdown or as plain text. Its own chunk, loaded when opened: the
 * redaction rules and the summary writer are not on the first step's path.
 */
export function TicketSummary({
  tree,
  session,
  ticks,
  link,
  current,
}: {
  tree: Tree;
  session: Session;
  ticks: Ticks;
  link: string;
  current: Case | undefined;
}) {
  const m = useToolMessages();
  // This guide's notes in this case, by step.
  const notes = useMemo(() => {
    const out: Record<string, string> = {};
    const prefix = `${tree.id}/`;
    for (const [key, note] of Object.entries(current?.notes ?? {})) if (key.startsWith(prefix) && note.text) out[key.slice(prefix.length)] = note.text;
    return out;
  }, [current?.notes, tree.id]);
  const findings = current?.findings ?? NO_FINDINGS;
  const facts = useMemo(() => knownFacts(current?.facts ?? {}), [current?.facts]);
  const ticket = current?.ticket ?? '';
  const [as, setAs] = useState<'markdown' | 'plain'>('markdown');
  // The date is when the summary was opened; it does not tick while the person reads.
  const [date] = useState(() => new Date());
  const summary = useMemo(
    () => buildSummary({ tree, session, notes, findings, currentTicks: ticks, link, date, labels: m.summary, ticket, facts }),
    [tree, session, notes, findings, ticks, link, date, m.summary, ticket, facts],
  );
  const masked = SECRET_KINDS.flatMap((kind) => (summary.masked[kind] ? [m.secretKind[kind](summary.masked[kind])] : []));
  const text = as === 'markdown' ? summary.markdown : summary.plain;
  const said = { copied: m.summaryCopied, failed: m.summaryCopyFailed };

  return (
    <>
      <p className="muted">{m.summaryLead}</p>
      <p className={masked.length > 0 ? 'notice notice--info summary__masked' : 'muted small summary__masked'}>
        {masked.length > 0 ? m.summaryMasked(masked.join(m.listSeparator)) : m.summaryNothingMasked}
      </p>
      <fieldset className="segmented summary__format">
        <legend className="visually-hidden">{m.summaryShow}</legend>
        <label>
          <input type="radio" name="summary-format" checked={as === 'markdown'} onChange={() => setAs('markdown')} />
          <span>{m.summaryMarkdown}</span>
        </label>
        <label>
          <input type="radio" name="summary-format" checked={as === 'plain'} onChange={() => setAs('plain')} />
          <span>{m.summaryPlain}</span>
        </label>
      </fieldset>
      <pre className="summary__text" tabIndex={0} aria-label={m.summaryText} data-summary-format={as}>
        {text}
      </pre>
      <p className="actions">
        <CopyButton label={m.summaryCopyMarkdown} text={() => summary.markdown} said={said} primary />
        <CopyButton label={m.summaryCopyPlain} text={() => summary.plain} said={said} />
      </p>
    </>
  );
}
