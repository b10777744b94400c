// ─── Share links: the longest session link of each tree ─────────────────────
import { fmtInt, tsxJson, type SectionResult } from '../shared.ts';

/** Issue 5: "links are short enough to paste in a chat". Target: a worst link under 400 characters with its origin. */
const SHARE_LINK_TARGET = 400;
const ASSUMED_ORIGIN = 'https://troubleshooter.example.com';

/** One tree's figures, as scripts/bench/links-cli.ts prints them. */
interface TreeLinks {
  tree: string;
  length: number;
  steps: number;
  paths: number;
  capped: boolean;
  bound: number;
  link: string;
}

/**
 * For every tree, the longest session link of any path from the start to an
 * outcome, every checklist item on the way marked (scripts/bench/links-cli.ts),
 * with a typical origin in front; and the upper bound over paths that visit
 * each step at most once, where the path search had to stop early.
 */
export async function shareLinksSection(): Promise<SectionResult> {
  const trees = tsxJson<TreeLinks[]>('links-cli.ts', [], 120_000);
  return {
    rows: trees.map((t) => ({
      label: `Longest link: ${t.tree}`,
      app: ASSUMED_ORIGIN.length + (t.capped ? t.bound : t.length),
      format: (v) => `${fmtInt(v)} chars`,
      target: { max: SHARE_LINK_TARGET },
    })),
    details: [
      `Origin assumed: ${ASSUMED_ORIGIN} (${ASSUMED_ORIGIN.length} characters). Longest found, path and query:`,
      ...trees.map(
        (t) =>
          `  ${t.tree}: ${t.length} chars over ${t.steps} steps (${fmtInt(t.paths)} paths${t.capped ? `, search capped; upper bound ${t.bound}, shown above` : ''}): ${t.link}`,
      ),
    ],
  };
}
