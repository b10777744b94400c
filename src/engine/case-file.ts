import { CASE_ID, type Case } from './cases.ts';
import { readCase } from './cases-storage.ts';
import { FACT_KEYS, type Facts } from './facts.ts';

/**
 * A case as a small file, to hand a ticket to a colleague on another
 * machine: a versioned JSON document. Notes, facts and the ids of findings
 * are masked unless the person chose otherwise (the masking function is
 * passed in, so this module does not carry the redaction rules).
 */

export const CASE_FILE_FORMAT = 'gateway-troubleshooter/case';
const CASE_FILE_VERSION = 1;
/** A case file is a few kilobytes; anything much larger is not one. */
const MAX_CASE_FILE_BYTES = 2 * 1024 * 1024;

export interface CaseFile {
  format: typeof CASE_FILE_FORMAT;
  version: number;
  exportedAt: string;
  /** Whether notes, facts and ids were masked. */
  masked: boolean;
  case: Case;
}

/** The file's text for a case; `mask` is applied to everything a person typed or pasted when given. */
export function writeCaseFile(c: Case, exportedAt: Date, mask?: (text: string) => string): string {
  const out: Case = mask
    ? {
        ...c,
        notes: Object.fromEntries(Object.entries(c.notes).map(([k, n]) => [k, { ...n, text: mask(n.text) }])),
        facts: Object.fromEntries(FACT_KEYS.flatMap((k) => (c.facts[k] ? [[k, { ...c.facts[k]!, value: mask(c.facts[k]!.value) }]] : []))) as Facts,
        findings: c.findings.map((f) => ({ ...f, ids: f.ids.map(mask) })),
      }
    : c;
  const file: CaseFile = { format: CASE_FILE_FORMAT, version: CASE_FILE_VERSION, exportedAt: exportedAt.toISOString(), masked: !!mask, case: out };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type CaseFileError = 'too-big' | 'not-json' | 'not-a-case-file' | 'newer-version' | 'damaged';
export type ReadCaseFile = { ok: true; case: Case; masked: boolean; dropped: number } | { ok: false; error: CaseFileError };

/** Reads a case file; any problem is one of a few reasons the page can say in a sentence. */
export function readCaseFile(text: string): ReadCaseFile {
  if (text.length > MAX_CASE_FILE_BYTES) return { ok: false, error: 'too-big' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== CASE_FILE_FORMAT) return { ok: false, error: 'not-a-case-file' };
  const file = data as Partial<CaseFile>;
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return { ok: false, error: 'damaged' };
  if (file.version > CASE_FILE_VERSION) return { ok: false, error: 'newer-version' };
  const report = { dropped: 0 };
  const raw = file.case as { id?: unknown } | undefined;
  const c = readCase(raw, report);
  if (!c || typeof raw?.id !== 'string' || !CASE_ID.test(raw.id)) return { ok: false, error: 'damaged' };
  return { ok: true, case: c, masked: file.masked === true, dropped: report.dropped };
}
