import { useId } from 'react';
import { Link, useNavigate } from 'react-router';
import { lastPosition, type Case } from '../../engine/cases.ts';
import { paths } from '../../engine/paths.ts';
import { openCases, useCases } from '../../store/cases.ts';
import { useMessages } from '../i18n/use-messages.ts';

/**
 * Which case (ticket) this step's notes, marks and facts belong to, on every
 * step: its ticket reference (typed here), a new case for the next ticket,
 * and the other open cases to switch to.
 */
export function CaseBar({ current }: { current: Case | undefined }) {
  const m = useMessages();
  const ticketId = useId();
  const setTicket = useCases((s) => s.setTicket);
  const startCase = useCases((s) => s.startCase);
  const activate = useCases((s) => s.activate);
  const cases = useCases((s) => s.cases);
  const others = openCases({ cases })
    .filter((c) => c.id !== current?.id)
    .slice(0, 8);
  const navigate = useNavigate();
  return (
    <section className="case-bar" aria-label={m.caseBar}>
      <div className="case-bar__ticket">
        <label htmlFor={ticketId} className="case-bar__label">
          {m.caseTicket}
        </label>
        <input
          id={ticketId}
          className="case-bar__input"
          value={current?.ticket ?? ''}
          placeholder={m.caseTicketPlaceholder}
          disabled={!current}
          maxLength={80}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => current && setTicket(current.id, e.target.value)}
        />
        {current && <span className="muted small case-bar__since">{m.caseStarted(new Date(current.createdAt))}</span>}
      </div>
      <div className="case-bar__actions">
        <button type="button" className="button button--quiet button--small" onClick={() => startCase()}>
          {m.caseNew}
        </button>
        {others.length > 0 && (
          <details className="case-bar__switch">
            <summary className="button button--quiet button--small">{m.caseSwitch}</summary>
            <ul className="case-bar__list">
              {others.map((c) => {
                const at = lastPosition(c);
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="case-bar__other"
                      onClick={() => {
                        activate(c.id);
                        if (at) navigate(paths.step.href(at.tree, at.step, at.trail || undefined, at.facts));
                      }}
                    >
                      <strong>{c.ticket || m.caseUntitled}</strong>
                      {at && <span className="muted small"> · {at.title}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        )}
        <Link className="button button--quiet button--small" to={paths.cases.href()}>
          {m.caseAll}
        </Link>
      </div>
    </section>
  );
}
