/**
 * `npm run content:translated [name[/part] …]` records that each Chinese text
 * translates today's English (docs/decisions/0013-translation-hashes.md): it
 * writes content/translated/{trees,codes}/<file>.yaml and
 * content/translated/sources.yaml. With names (a tree id, a code table's
 * platform or "sources", optionally /step-id, /code or /source-id) it records
 * only those texts and keeps the other records as they are.
 */
import { formatError } from '../src/content/errors.ts';
import { recordTranslations } from '../src/content/record-translations.ts';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const { changes, errors, unknown } = recordTranslations(process.cwd(), only);
if (unknown.length) {
  console.error(`No tree, code table or "sources" is named ${unknown.map((u) => `"${u}"`).join(', ')}.`);
  process.exit(1);
}
for (const c of changes) console.log(c);
console.log(changes.length ? `\n${changes.length} translation record(s) changed.` : 'Every Chinese text was already recorded as translating its English.');
if (errors.length) {
  // A file that does not parse could not be recorded.
  for (const e of errors) console.error(formatError(e));
  console.error(`\n${errors.length} problem(s) in content/: the files they are in were not recorded; fix them and run this again.`);
  process.exit(1);
}
