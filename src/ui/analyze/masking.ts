import { redact } from '../../engine/redact.ts';

/**
 * How many secrets or personal details `redact` — the ticket summary's
 * masking — finds in the lines a finding shows. The lines come first; a
 * field is only counted when the lines hold none (a value read past the
 * excerpt's cut), so a value shown in both is not counted twice.
 */
export function countMasked(lines: readonly string[], fields: readonly string[] = []): number {
  const count = (texts: readonly string[]) => texts.reduce((n, t) => n + Object.values(redact(t).masked).reduce((a, b) => a + b, 0), 0);
  return count(lines) || count(fields);
}
