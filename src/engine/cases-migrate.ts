import { ID, ITEM_ID, MAX_NOTE_LENGTH, newCase, stepKey, type Case, type CaseId } from './cases.ts';
import { readFinding, type ReadReport } from './cases-storage.ts';
import type { ItemState } from './model.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 8.64e15;
const isShortString = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;
const MAX_FINDINGS = 20;

/**
 * What the first version of the store kept (marks, notes, findings and
 * positions per tree, for whoever used the browser), as one case named
 * "Before cases", so nothing a person wrote is dropped by the upgrade.
 * Undefined when there was nothing.
 */
export function migrateV1(input: unknown, id: CaseId, now: number, name: string, report: ReadReport): Case | undefined {
  if (!isRecord(input)) return undefined;
  const c = newCase(id, now, { ticket: name });
  const trees = (v: unknown) => (isRecord(v) ? Object.entries(v).filter(([tree]) => ID.test(tree)) : []);
  for (const [tree, steps] of trees(input.notes)) {
    for (const [step, text] of isRecord(steps) ? Object.entries(steps) : []) {
      if (ID.test(step) && typeof text === 'string' && text !== '') c.notes[stepKey(tree, step)] = { text: text.slice(0, MAX_NOTE_LENGTH), at: now };
      else report.dropped++;
    }
  }
  for (const [tree, steps] of trees(input.ticks)) {
    for (const [step, items] of isRecord(steps) ? Object.entries(steps) : []) {
      if (!ID.test(step) || !isRecord(items)) {
        report.dropped++;
        continue;
      }
      const marks: Record<string, ItemState> = {};
      for (const [item, mark] of Object.entries(items)) if (ITEM_ID.test(item) && (mark === 'ok' || mark === 'bad')) marks[item] = mark;
      if (Object.keys(marks).length > 0) c.ticks[stepKey(tree, step)] = { marks, at: now };
    }
  }
  for (const [tree, r] of trees(input.recent)) {
    if (isRecord(r) && typeof r.step === 'string' && ID.test(r.step) && isShortString(r.trail, 4000) && isShortString(r.title) && isTime(r.at)) {
      c.positions[tree] = { tree, step: r.step, trail: r.trail, title: r.title, at: r.at };
    } else report.dropped++;
  }
  for (const [, list] of trees(input.findings)) {
    if (!Array.isArray(list)) continue;
    for (const f of list) {
      const clean = readFinding(f);
      if (clean && c.findings.length < MAX_FINDINGS) c.findings.push(clean);
    }
  }
  const latest = Math.max(0, ...Object.values(c.positions).map((p) => p.at));
  if (latest > 0) c.updatedAt = Math.max(now, latest);
  const empty = Object.keys(c.notes).length === 0 && Object.keys(c.ticks).length === 0 && Object.keys(c.positions).length === 0 && c.findings.length === 0;
  return empty ? undefined : c;
}
