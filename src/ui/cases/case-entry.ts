import { useEffect } from 'react';
import { useLocation, useNavigationType, type Location, type NavigationType } from 'react-router';
import type { Case, CaseId } from '../../engine/cases.ts';
import type { FactValues } from '../../engine/facts.ts';
import type { SummaryFinding } from '../../engine/summary.ts';
import { useCases } from '../../store/cases.ts';

/**
 * Which case a step page belongs to. A guide started on purpose — from the
 * home page, a search result, a code page, the analyzer — or opened from
 * outside the app (a colleague's link, a ticket, a new tab) starts a new
 * case; walking on, going back, reloading stay in this tab's case. "Switch
 * case" on the case bar continues another one instead.
 */

/** History state a link carries to start a case (with what it already knows). */
export interface CaseStart {
  /** The ticket reference (a help desk that starts a guide knows it: src/ui/embed/embed.ts). */
  ticket?: string;
  facts?: FactValues;
  findings?: SummaryFinding[];
}

/** The `state` of a link that starts a guide in a new case. */
export const startCaseState = (init: CaseStart = {}) => ({ caseStart: init });

const ENTRY_PREFIX = 'troubleshooter:entry:';
/** Whether this document's first page has been given its case (a fresh load from outside starts one). */
let documentEntryDone = false;

function sessionGet(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function sessionSet(key: string, value: string) {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    /* the case still starts; a reload may start another */
  }
}

/** A person followed a link inside the app: from now on this document's pages are not "opened from outside". */
export function noteInAppNavigation(): void {
  documentEntryDone = true;
}

/**
 * The page was opened from outside (a link, the address bar, a new tab), not
 * reloaded, reached with Back, or reached by a link inside the app. (A
 * redirect such as `/t/<guide>` → its first step keeps the question open.)
 */
function openedFromOutside(navigationType: NavigationType): boolean {
  if (documentEntryDone || navigationType === 'PUSH') return false;
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return !nav || nav.type === 'navigate';
}

type Decision = { start: CaseStart; entryKey?: string } | { use: CaseId } | { ensure: true };

function decide(location: Location, navigationType: NavigationType): Decision {
  const s = useCases.getState();
  const start = (location.state as { caseStart?: CaseStart } | null)?.caseStart;
  if (start) {
    const entryKey = `${ENTRY_PREFIX}${location.key}`;
    const done = sessionGet(entryKey) as CaseId | null;
    return done && s.cases[done] ? { use: done } : { start, entryKey };
  }
  if (openedFromOutside(navigationType)) return { start: {} };
  return s.active && s.cases[s.active] ? { use: s.active } : { ensure: true };
}

/**
 * The case of the step on screen: decided when the page is reached, applied
 * after it renders. Until then nothing of another case is shown (a page that
 * starts a new case renders with none, not with the previous ticket's notes).
 */
export function useStepCase(): Case | undefined {
  const location = useLocation();
  const navigationType = useNavigationType();
  const ready = useCases((s) => s.ready);
  const active = useCases((s) => (s.active ? s.cases[s.active] : undefined));
  useEffect(() => {
    // Nothing is decided before the saved cases are read: this tab's case may be among them.
    if (!ready) return;
    const d = decide(location, navigationType);
    const s = useCases.getState();
    documentEntryDone = true;
    if ('start' in d) {
      const id = s.startCase(d.start);
      if (d.entryKey) sessionSet(d.entryKey, id);
    } else if ('use' in d) {
      if (s.active !== d.use) s.activate(d.use);
    } else s.ensureActive();
    // Once per history entry (and once the cases are read): the same entry re-rendering keeps its case.
  }, [location.key, ready]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!ready) return undefined;
  const decision = decide(location, navigationType);
  if ('start' in decision || ('use' in decision && decision.use !== active?.id)) return undefined;
  return active;
}
