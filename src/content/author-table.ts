import type { ParsedTree } from './validate.ts';

/** Where one step is in its tree file, and its answers' conditions as written. */
export interface AuthorStep {
  /** Line and column of the step's id in the file. */
  line: number;
  col: number;
  /** Per answer (in file order): its line, and its `if:` as written. */
  answers: { id: string; line: number; if?: string }[];
}

/**
 * The author view's side table for one tree (src/ui/author/): file positions
 * and conditions as written, which the compiled tree does not carry. Its own
 * module, imported only by the author view, so no page grows by it.
 */
export interface AuthorTable {
  /** The file, from the project's root: `content/trees/<id>.yaml`. */
  file: string;
  steps: Record<string, AuthorStep>;
  /** Dev server only: the file's full path, for Vite's "open in editor". */
  path?: string;
}

export function authorTable(parsed: ParsedTree): AuthorTable {
  const steps: Record<string, AuthorStep> = {};
  for (const [id, node] of Object.entries(parsed.tree?.nodes ?? {})) {
    const { line, col } = parsed.locate(['nodes', id], { key: true });
    const answers = 'answers' in node ? node.answers : [];
    steps[id] = {
      line,
      col,
      answers: answers.map((a, i) => ({ id: a.id, line: parsed.locate(['nodes', id, 'answers', i]).line, ...(a.if ? { if: a.if } : {}) })),
    };
  }
  return { file: parsed.file, steps };
}
