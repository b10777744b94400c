import { trimEndChars } from '../strings.ts';

/** CJK and full-width characters are one em wide. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Punctuation that may not start a line (it stays on the line before, even a little over). */
const NO_LINE_START = /^[，。、；：？！）」』】》,.;:?!)\]}]/u;

/**
 * About how wide a text is, in em, without a DOM to measure it: widths of a
 * fairly wide sans-serif (DejaVu Sans, the fallback on Linux), so the
 * estimate errs toward fitting on narrower system fonts.
 */
export function textWidthEm(text: string): number {
  let w = 0;
  for (const c of text) {
    if (WIDE.test(c)) w += 1;
    else if (/[\s.,:;!|'`ijlI]/.test(c)) w += 0.32;
    else if (/[()[\]{}ftr-]/.test(c)) w += 0.42;
    else if (/[sczkvxy]/.test(c)) w += 0.55;
    else if (/[mwMW@%]/.test(c)) w += 0.9;
    else if (/[A-Z]/.test(c)) w += 0.72;
    else w += 0.63;
  }
  return w;
}

/**
 * Splits a title into at most `maxLines` lines of at most `maxEm` each (by
 * `widthEm`: the browser passes a measurement in its own font),
 * breaking at spaces, or between CJK characters; the last line ends in "…"
 * when the title does not fit. SVG text does not wrap by itself. A line that
 * ends at a space keeps it, so the lines joined read as the title (the text a
 * screen reader or a label-in-name check sees).
 */
export function wrapLabel(
  text: string,
  maxEm: number,
  maxLines: number,
  widthEm: (text: string) => number = textWidthEm,
): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let line = '';
  for (const t of tokenize(text.trim())) {
    const next = line + (line && t.space ? ' ' : '') + t.text;
    if (!line || widthEm(next) <= maxEm || (NO_LINE_START.test(t.text) && !t.space)) line = next;
    else {
      lines.push(t.space ? `${line} ` : line);
      line = t.text;
    }
  }
  if (line) lines.push(line);
  // A word longer than a line is cut to fit.
  const fitted = lines.flatMap((l) => (widthEm(l.trimEnd()) <= maxEm + 1 ? [l] : chop(l, maxEm, widthEm)));
  avoidLoneCharacter(fitted);
  if (fitted.length <= maxLines) return { lines: fitted, truncated: false };
  const kept = fitted.slice(0, maxLines);
  const rest = [...`${kept[maxLines - 1]!}${fitted[maxLines]!}`];
  let n = rest.length;
  while (widthEm(`${rest.slice(0, n).join('')}…`) > maxEm && n > 1) n--;
  let cut = rest.slice(0, n).join('');
  // Not in the middle of a word, unless that would leave the line half empty.
  const space = cut.lastIndexOf(' ');
  if (rest[n] !== ' ' && !WIDE.test(rest[n] ?? '') && space > cut.length / 2) cut = cut.slice(0, space);
  // Nor inside brackets it would leave open: "(11-13, 42…" reads as a different text from "(11-13, 42, 53)".
  const shown = kept.slice(0, -1).join('') + cut;
  const open = Math.max(cut.lastIndexOf('('), cut.lastIndexOf('（'));
  if (open > 0 && (shown.match(/[(（]/g) ?? []).length > (shown.match(/[)）]/g) ?? []).length) cut = cut.slice(0, open);
  kept[maxLines - 1] = `${trimEndChars(cut, ' \t\n\u3000,.;:，。、；：(-')}…`;
  return { lines: kept, truncated: true };
}

/** A single CJK character alone on the last line reads badly: it takes the line before's last character with it. */
function avoidLoneCharacter(lines: string[]): void {
  const last = [...(lines[lines.length - 1] ?? '')];
  const before = [...(lines[lines.length - 2] ?? '')];
  const moved = before[before.length - 1] ?? '';
  if (last.length !== 1 || !WIDE.test(last[0]!) || !WIDE.test(moved) || NO_LINE_START.test(moved) || before.length < 3) return;
  lines[lines.length - 2] = before.slice(0, -1).join('');
  lines[lines.length - 1] = moved + last[0]!;
}

function chop(s: string, maxEm: number, widthEm: (text: string) => number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of s) {
    if (cur && widthEm(cur + c) > maxEm) {
      out.push(cur);
      cur = '';
    }
    cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Words of Latin text, single CJK characters; `space` when a space came before. */
function tokenize(text: string): { text: string; space: boolean }[] {
  const tokens: { text: string; space: boolean }[] = [];
  let word = '';
  let space = false;
  const flush = () => {
    if (word) tokens.push({ text: word, space });
    word = '';
    space = false;
  };
  for (const c of text) {
    if (/\s/u.test(c)) {
      flush();
      space = tokens.length > 0;
    } else if (WIDE.test(c)) {
      const spaced = !word && space;
      flush();
      tokens.push({ text: c, space: spaced });
    } else word += c;
  }
  flush();
  return tokens;
}
