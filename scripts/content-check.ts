/**
 * `npm run content:check` validates every file in content/ and prints each
 * problem as one sentence with file:line:column, node and field.
 * `npm run content:publish` also adds new step ids to content/published-ids.txt
 * and new codes to content/published-codes.txt.
 * A Chinese text whose English changed since it was translated is an error
 * here (the dev server only warns): see docs/decisions/0013.
 */
import { formatReport } from '../src/content/errors.ts';
import { loadContent, publishAll, PUBLISHED_CODES_FILE, PUBLISHED_FILE } from '../src/content/load.ts';

const root = process.cwd();
const publish = process.argv.includes('--publish');
let { trees, codes, errors } = loadContent(root);

if (publish) {
  const blocking = errors.filter((e) => !e.pendingPublish && !e.staleTranslation);
  if (blocking.length === 0) {
    const added = publishAll(root, trees, codes);
    console.log(
      added.length ? `Published ${added.length} address(es) in ${PUBLISHED_FILE} and ${PUBLISHED_CODES_FILE}.` : 'Every step and code is already published.',
    );
    ({ trees, codes, errors } = loadContent(root));
  }
}

if (errors.length > 0) {
  console.error(formatReport(errors));
  process.exit(1);
}
const steps = trees.reduce((n, t) => n + Object.keys(t.tree?.nodes ?? {}).length, 0);
const entries = codes.reduce((n, t) => n + (t.table?.codes.length ?? 0), 0);
console.log(`Content OK: ${trees.length} tree(s), ${steps} steps; ${codes.length} code table(s), ${entries} codes.`);
