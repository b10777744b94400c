import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORMS, type Platform } from '../engine/model.ts';
import { parsePublished } from './validate.ts';
import { PUBLISHED_FILE } from './load.ts';
import { recordTranslations } from './record-translations.ts';
import { parseSourcesFile, SOURCES_FILE } from './sources.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A reason `npm run content:new` refuses, in one sentence for the author. */
export class NewTreeError extends Error {}

/** The platform a tree id starts with (`mpaas-…`, `top-…`), if any. */
function platformOf(treeId: string): Platform | undefined {
  return PLATFORMS.find((p) => treeId.startsWith(`${p}-`));
}

/** The starting file of a new tree: two steps (a check and its fix) in English and Chinese, citing `sourceId`. */
function treeTemplate(treeId: string, platform: Platform, sourceId: string): string {
  return `# Reviewers' notes go in comments like this one: which documents the guide follows and why.
# Readers never see comments. The format: docs/content-format.md.
id: ${treeId}
platform: ${platform}
languages: [en, zh]
title:
  en: Replace with the problem this guide solves
  zh: 在这里写本指南解决的问题
symptom:
  # What the person sees (the error text, the screen); the home page lists the guide by it.
  en: Replace with what the person sees
  zh: 在这里写用户看到的现象
summary:
  en: |
    Replace with two or three sentences: what usually causes this, and how the guide finds out.
  zh: |
    在这里用两三句话说明：通常是什么原因，本指南如何查明。
start: check-first
nodes:
  check-first:
    kind: check
    title:
      en: Replace with the first thing to verify
      zh: 在这里写第一项要确认的内容
    do:
      en: |
        Say exactly what to look at: a setting, a log line, a value. Put names in backticks, like \`appId\`.
      zh: |
        写清楚要看什么：一个配置项、一行日志或一个取值。名称放在反引号里，例如 \`appId\`。
    expect:
      en: |
        Say how to tell a pass from a fail.
      zh: |
        写清楚怎样区分通过和不通过。
    sources: [${sourceId}]
    answers:
      - id: fail
        label: { en: It fails, zh: 不通过 }
        next: fix
      - id: pass
        label: { en: It passes, zh: 通过 }
        next: fix # point this at the next check once you add one
  fix:
    kind: outcome
    result: fix
    title:
      en: Replace with the fix, in a few words
      zh: 在这里简要写出解决办法
    body:
      en: |
        Replace with the fix, step by step, and how to confirm it worked.
      zh: |
        在这里一步一步写出解决办法，以及怎样确认已经解决。
    sources: [${sourceId}]
`;
}

/** The stub appended to content/sources.yaml for a new tree. */
function sourceTemplate(sourceId: string): string {
  return `
${sourceId}:
  title:
    en: Replace with the public title of the document the guide rests on
    zh: 在这里写本指南所依据文档的公开标题
  # url: https://…   (only when the document has a public address)
  ref: Replace with where reviewers find the copy you checked the guide against
`;
}

export interface NewTree {
  treeFile: string;
  sourceId: string;
  platform: Platform;
}

/**
 * Writes `content/trees/<id>.yaml` from the template, adds a source stub to
 * content/sources.yaml and records the new Chinese texts as translations.
 * Refuses (NewTreeError) a bad id, an unknown platform and anything that exists.
 */
export function createTree(root: string, treeId: string, platformArg?: string): NewTree {
  if (!ID.test(treeId)) throw new NewTreeError(`"${treeId}" is not a tree id: use lower-case words joined by hyphens, like "mpaas-upload-fails" (it is in every link to the guide, so choose it for good)`);
  if (treeId.length > 40) throw new NewTreeError(`"${treeId}" is ${treeId.length} characters long: keep a tree id to 40 at most (it is in every link to the guide)`);
  const platform = (platformArg ?? platformOf(treeId)) as Platform | undefined;
  if (!platform) throw new NewTreeError(`say which platform the guide is for: start the id with one of ${PLATFORMS.map((p) => `"${p}-"`).join(', ')}, or add the platform after the id`);
  if (!PLATFORMS.includes(platform)) throw new NewTreeError(`"${platform}" is not a platform: use one of ${PLATFORMS.join(', ')}`);

  const treeFile = `content/trees/${treeId}.yaml`;
  if (existsSync(join(root, treeFile))) throw new NewTreeError(`${treeFile} already exists: edit it, or choose another id (nothing was written)`);
  const publishedPath = join(root, PUBLISHED_FILE);
  if (existsSync(publishedPath) && parsePublished(readFileSync(publishedPath, 'utf8')).some((p) => p.tree === treeId)) {
    throw new NewTreeError(`"${treeId}" was the id of a published guide (${PUBLISHED_FILE}): its old links must keep their meaning, so choose another id (nothing was written)`);
  }
  const sourceId = `${treeId}-doc`;
  const sourcesPath = join(root, SOURCES_FILE);
  const sources = existsSync(sourcesPath) ? readFileSync(sourcesPath, 'utf8') : '';
  if (parseSourcesFile(SOURCES_FILE, sources).sources?.[sourceId]) throw new NewTreeError(`${SOURCES_FILE} already has a source "${sourceId}": remove it or choose another id (nothing was written)`);

  mkdirSync(join(root, 'content/trees'), { recursive: true });
  writeFileSync(join(root, treeFile), treeTemplate(treeId, platform, sourceId), { flag: 'wx' });
  appendFileSync(sourcesPath, `${sources && !sources.endsWith('\n') ? '\n' : ''}${sourceTemplate(sourceId)}`);
  recordTranslations(root, [treeId, `sources/${sourceId}`]);
  return { treeFile, sourceId, platform };
}
