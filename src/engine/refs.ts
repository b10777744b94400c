/**
 * References between content items, read here only (the validator, the
 * compiler and the UI all call these):
 * - a code reference, `platform:code` (a step's `codes`: `mpaas:7003`,
 *   `top:isv.missing-parameter:image`: the code may hold colons of its own);
 * - a step reference, `tree-id/step-id` (a code's `step`, a line of
 *   content/published-ids.txt).
 * Their form is checked when the content is loaded (src/content/schema.ts,
 * codes-schema.ts); these only take them apart.
 */

export interface CodeRef {
  platform: string;
  code: string;
}

export interface StepRef {
  tree: string;
  step: string;
}

/** `mpaas:7003` → `{ platform: 'mpaas', code: '7003' }`: split at the first colon. */
export function parseCodeRef(ref: string): CodeRef {
  const i = ref.indexOf(':');
  return { platform: ref.slice(0, i), code: ref.slice(i + 1) };
}

/** `{ platform, code }` → `platform:code`. */
export const formatCodeRef = (ref: CodeRef): string => `${ref.platform}:${ref.code}`;

/** `tree-id/step-id` → `{ tree, step }` (empty strings for a missing part). */
export function parseStepRef(ref: string): StepRef {
  const [tree = '', step = ''] = ref.split('/');
  return { tree, step };
}
