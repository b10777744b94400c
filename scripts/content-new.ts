/**
 * `npm run content:new <tree-id> [platform]` starts a guide: a valid two-step
 * tree in English and Chinese (content/trees/<tree-id>.yaml), a source stub in
 * content/sources.yaml and the translation records. It never overwrites.
 */
import { formatError } from '../src/content/errors.ts';
import { loadContent, PUBLISHED_FILE } from '../src/content/load.ts';
import { createTree, NewTreeError } from '../src/content/new-tree.ts';
import { SOURCES_FILE } from '../src/content/sources.ts';
import { PLATFORMS } from '../src/engine/model.ts';

const [treeId, platform] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (!treeId) {
  console.error(
    `Usage: npm run content:new <tree-id> [platform]\n  e.g. npm run content:new mpaas-upload-fails   (platform: ${PLATFORMS.join(', ')}; taken from the id's start when it is one)`,
  );
  process.exit(1);
}
const root = process.cwd();
let created;
try {
  created = createTree(root, treeId, platform);
} catch (e) {
  if (!(e instanceof NewTreeError)) throw e;
  console.error(`Not created: ${e.message}.`);
  process.exit(1);
}
const { treeFile, sourceId } = created;
console.log(`Created ${treeFile} (platform ${created.platform}: two steps, English and Chinese) and the source "${sourceId}" in ${SOURCES_FILE}.`);

// The new tree must be valid at once; only its steps' publication is left to the author.
const problems = loadContent(root).errors.filter((e) => !e.pendingPublish);
if (problems.length) {
  for (const e of problems) console.error(formatError(e));
  console.error(`\n${problems.length} problem(s) in content/ (see above); fix them before going on.`);
}
console.log(`
Next:
  1. npm start, then open /t/${treeId}/check-first at the address it prints (http://localhost:5173 unless that port
     is taken); the home page lists the guide too. Saving the file reloads the page.
  2. In ${treeFile}, replace every "Replace with…" / "在这里写…" text, and add steps (docs/content-format.md,
     "Write your first guide"). Cite the documents you follow: fill in "${sourceId}" in ${SOURCES_FILE}
     (its public title, its https address if it has one, and "ref": where reviewers find your copy).
  3. npm run content:check after each change: it names the file, line, step and field of every problem.
  4. When the Chinese texts translate the English: npm run content:translated.
  5. When the guide is ready to ship: npm run content:publish (its step ids are then permanent, in ${PUBLISHED_FILE}),
     then commit the tree, ${SOURCES_FILE}, ${PUBLISHED_FILE} and content/translated/.
To drop the guide instead: delete ${treeFile} and content/translated/trees/${treeId}.yaml, remove "${sourceId}" from
${SOURCES_FILE}, then npm run content:translated.`);
