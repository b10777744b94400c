/**
 * `npm run content:diff [git-ref] [--markdown]` says what the content on disk
 * changes compared with a commit (by default the merge base with main): per
 * tree and code table, the steps, answers, codes and sources added, removed
 * and changed, the published links affected (kept, redirected, broken), the
 * text changes per language and the Chinese texts whose English changed.
 */
import { diffWith } from '../src/content/diff.ts';
import { formatMarkdown, formatText } from '../src/content/diff-format.ts';

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const ref = args.find((a) => !a.startsWith('-'));
try {
  const diff = diffWith(process.cwd(), ref);
  console.log(markdown ? formatMarkdown(diff) : formatText(diff));
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  // git's own words when the ref does not exist.
  const stderr = (e as { stderr?: string }).stderr?.trim();
  console.error(`content:diff: ${stderr || message}`);
  process.exit(1);
}
