import { useId } from 'react';
import type { Case } from '../../engine/cases.ts';
import { FACT_KEYS, type FactKey } from '../../engine/facts.ts';
import { useCases } from '../../store/cases.ts';
import { useToolMessages } from '../i18n/use-messages.ts';

/** Suggestions a browser offers for the facts that have a small set of values. */
const CHOICES: Partial<Record<FactKey, string[]>> = { platform: ['ios', 'android'], cloud: ['public', 'apsara'] };

/**
 * The facts a ticket needs, as fields of the case: filled from a pasted log
 * (and marked so), typed by hand otherwise, always editable. They go into
 * the ticket summary, and an escalation checks them against what support
 * asks for. Its own chunk (with the tool strings), loaded when opened.
 */
export function CaseFacts({ current }: { current: Case }) {
  const m = useToolMessages();
  const setFact = useCases((s) => s.setFact);
  const id = useId();
  return (
    <div className="case-facts">
      <p className="muted small">{m.factsLead}</p>
      {FACT_KEYS.map((key) => {
        const fact = current.facts[key];
        const fieldId = `${id}-${key}`;
        return (
          <div key={key} className="case-facts__field">
            <label htmlFor={fieldId}>{m.factNames[key]}</label>
            <input
              id={fieldId}
              value={fact?.value ?? ''}
              list={CHOICES[key] ? `${fieldId}-choices` : undefined}
              placeholder={key === 'occurredAt' ? m.factOccurredPlaceholder : undefined}
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={fact?.value && fact.source !== 'typed' ? `${fieldId}-from` : undefined}
              onChange={(e) => setFact(current.id, key, e.target.value, 'typed')}
            />
            {CHOICES[key] && (
              <datalist id={`${fieldId}-choices`}>
                {CHOICES[key]!.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            )}
            {fact?.value && fact.source !== 'typed' && (
              <span id={`${fieldId}-from`} className="muted small">
                {m.factFrom[fact.source]}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
