import { distance } from '../engine/codes.ts';

export { distance };

/** One problem found in a content file, located to the character. */
export interface ContentError {
  file: string;
  line: number;
  col: number;
  /** The step the problem is in, when it is in one. */
  node?: string;
  /** The code-table entry the problem is in, when it is in one. */
  code?: string;
  /** The field, as a path inside the node (or the file): `answers[1].next`. */
  field?: string;
  message: string;
  /** Set on problems the dev server only warns about (a new step not yet published). */
  pendingPublish?: true;
  /**
   * Set on a Chinese text whose English changed since it was translated (or
   * that is not recorded as translated): a warning on the dev server, an
   * error in `content:check` (docs/decisions/0013).
   */
  staleTranslation?: true;
}

/**
 * One plain sentence:
 * `content/trees/x.yaml:42:9 node "sig-check" → answers[1].next: "sig-fx" is not a node of this tree (did you mean "sig-fix"?)`
 */
export function formatError(e: ContentError): string {
  const where = `${e.file}:${e.line}:${e.col}`;
  const node = e.node ? ` node "${e.node}"` : e.code ? ` code "${e.code}"` : '';
  const field = e.field ? `${node ? ' →' : ''} ${e.field}:` : node ? ':' : '';
  return `${where}${node}${field} ${e.message}`;
}

/**
 * What `npm run content:check` prints for a list of problems: one sentence a
 * line (`formatError`), then how many. The dev server's error overlay shows
 * the same text (src/content/vite-plugin.ts).
 */
export function formatReport(errors: readonly ContentError[]): string {
  const unpublished = errors.filter((e) => e.pendingPublish).length;
  // A new guide is valid but not yet published: say so, so an author does not hunt for a mistake.
  const note = unpublished === errors.length ? ': only steps or codes not yet published (run "npm run content:publish" once they are ready to ship)' : '.';
  return `${errors.map(formatError).join('\n')}\n\n${errors.length} problem(s) in content/${note}`;
}

/** `['answers', 1, 'next']` → `answers[1].next`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** The closest candidate when it is close enough to be a likely typo. */
export function didYouMean(wrong: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(wrong, c);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(wrong.length / 3)) ? best : undefined;
}
