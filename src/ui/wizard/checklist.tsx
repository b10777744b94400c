import type { ChecklistStep, ItemState } from '../../engine/model.ts';
import type { Ticks } from '../../engine/session.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { Markdown } from '../components/markdown.tsx';

/**
 * Each item marked OK / Not OK with a pair of radio buttons. Without `onMark`
 * (the page has no case yet: the saved cases are still being read) the items
 * cannot be marked, so no mark goes to another case than the page's.
 */
export function Checklist({ step, ticks, onMark }: { step: ChecklistStep; ticks: Ticks; onMark: ((item: string, mark: ItemState) => void) | undefined }) {
  const m = useMessages();
  return (
    <ol className="checklist" aria-label={m.checklistMark}>
      {step.items.map((item) => {
        const mark = ticks[item.id];
        const name = `item-${item.id}`;
        return (
          <li key={item.id} className={`checklist__item${mark ? ` checklist__item--${mark}` : ''}`}>
            <fieldset disabled={!onMark}>
              <legend>{item.label}</legend>
              {item.hint && (
                <div className="checklist__hint">
                  <Markdown md={item.hint} />
                </div>
              )}
              <div className="segmented">
                <label>
                  <input type="radio" name={name} value="ok" checked={mark === 'ok'} onChange={() => onMark?.(item.id, 'ok')} />
                  <span>{m.itemOk}</span>
                </label>
                <label>
                  <input type="radio" name={name} value="bad" checked={mark === 'bad'} onChange={() => onMark?.(item.id, 'bad')} />
                  <span>{m.itemBad}</span>
                </label>
              </div>
            </fieldset>
          </li>
        );
      })}
    </ol>
  );
}
