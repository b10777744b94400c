import type { CodeEntry, RetryAdvice } from '../../engine/model.ts';
import { startTransition, useEffect, useState } from 'react';
import type { FactKey, FactSource, FactValues } from '../../engine/facts.ts';
import { handoffHref, quickHandoffHref } from '../../engine/handoff.ts';
import { loadTree } from '../tree-data.ts';
import { currentLang, useToolMessages } from '../i18n/use-messages.ts';
import { treeSummaries } from '../tree-summaries.ts';
import { parseStepRef } from '../../engine/refs.ts';

export function RetryBadge({ retry }: { retry: RetryAdvice }) {
  const m = useToolMessages();
  return <span className={`badge badge--retry-${retry}`}>{m.retry[retry]}</span>;
}

export function PlatformLabel({ platform }: { platform: CodeEntry['platform'] }) {
  const m = useToolMessages();
  return <span className="platform-label">{m.codePlatform[platform]}</span>;
}

/** Facts handed over, as plain values (for a link). */
function factValues(facts: FactValues): Partial<Record<FactKey, string>> {
  return Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, f.value]));
}

/** The facts the guide of a `tree-id/step-id` reads (none for a guide this build does not have). */
function treeFacts(step: string): FactKey[] {
  const { tree } = parseStepRef(step);
  return treeSummaries(currentLang()).find((t) => t.id === tree)?.facts ?? [];
}

/**
 * Where "go to the step" sends a person with what a finding or a code page
 * knows (src/engine/handoff.ts): straight to the step at first, and into the
 * guide from its start once the guide's chunk is in, if the facts carry the
 * walk through that step.
 */
export function useHandoffHref(step: string | undefined, facts: FactValues, source: FactSource): string | undefined {
  const values = factValues(facts);
  const key = JSON.stringify(values);
  const quick = step ? quickHandoffHref(step, values, treeFacts(step)) : undefined;
  const [walked, setWalked] = useState<{ for: string; href: string }>();
  useEffect(() => {
    if (!step) return;
    let live = true;
    void loadTree(parseStepRef(step).tree, currentLang())
      ?.then((tree) => {
        // A transition: on the analyzer, 50 cards take their walked link at once, and their render must not block the page.
        if (live)
          startTransition(() =>
            setWalked({ for: `${step}|${key}`, href: handoffHref(tree, step, JSON.parse(key) as Partial<Record<FactKey, string>>, source) }),
          );
      })
      .catch(() => {
        /* offline and not cached: the quick link stays */
      });
    return () => {
      live = false;
    };
  }, [step, key, source]);
  return walked?.for === `${step}|${key}` ? walked.href : quick;
}
