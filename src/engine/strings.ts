/**
 * Trimming a set of characters by hand. A pattern such as `/-+$/` or
 * `/^[\s:]+/` looks harmless but rescans its run at every place the run does
 * not reach the end: quadratic on a long run (src/engine/regex-safety.test.ts).
 */

/** `s` without the characters of `chars` at its start. */
export function trimStartChars(s: string, chars: string): string {
  let i = 0;
  while (i < s.length && chars.includes(s[i]!)) i++;
  return s.slice(i);
}

/** `s` without the characters of `chars` at its end. */
export function trimEndChars(s: string, chars: string): string {
  let i = s.length;
  while (i > 0 && chars.includes(s[i - 1]!)) i--;
  return s.slice(0, i);
}

/** Text from an address or a paste, cut to `max` characters for echoing it on a page (with … when cut). */
export function clipForDisplay(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : s;
}
