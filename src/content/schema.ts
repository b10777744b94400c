import { z } from 'zod';
import { FACT_VALUE } from '../engine/conditions.ts';
import { FACT_KEYS } from '../engine/facts.ts';
import { LANGS, PLATFORMS, type Lang } from '../engine/model.ts';

/** Languages every tree must provide (code tables: CODE_TABLE_LANGS). A new language is added here once every file has it. */
export const REQUIRED_LANGS: readonly Lang[] = ['en', 'zh'];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE_REF = /^[a-z]+(?:-[a-z]+)*:[A-Za-z0-9._{}-]+(?: [A-Za-z0-9._{}-]+)*$/;

export const id = (what: string) =>
  z.string().regex(ID, { error: `must be a ${what} in lower-case kebab-case (like "check-device-time")` });

/** A text a person reads, with one entry per language the file provides. */
export function text(langs: readonly Lang[]) {
  const shape: Record<string, z.ZodString> = {};
  for (const lang of langs) shape[lang] = z.string().trim().min(1, { error: `the "${lang}" text is empty` });
  return z.strictObject(shape);
}

/**
 * Wordings a person may type for a step or a code, per language: an HTTP
 * reason phrase of a status the source names, an SDK's constant or message
 * for the code, the source's own wording of the problem. Home search only
 * (never shown); a phrase adds no fact the step or code does not state.
 */
export const searchPhrases = z
  .strictObject(Object.fromEntries(LANGS.map((lang) => [lang, z.array(z.string().trim().min(1, { error: 'a search phrase is empty' })).min(1).optional()])))
  .refine((v) => Object.values(v).some((list) => list?.length), { error: 'needs phrases in at least one language' });

const factKey = z.enum(FACT_KEYS, { error: `must be a fact: ${FACT_KEYS.join(', ')}` });
const factValue = z.string().regex(FACT_VALUE, { error: 'must be a value of letters, digits, ".", "_", "-", "{" or "}" (up to 64)' });

/** The schema of one tree file, for the languages it declares. */
export function treeFileSchema(langs: readonly Lang[]) {
  const t = text(langs);
  const answer = z.strictObject({
    id: id('answer id'),
    label: t,
    next: id('step id'),
    hint: t.optional(),
    when: z.enum(['all-ok', 'any-bad']).optional(),
    /** Facts the answer tells: `{ platform: ios }`. */
    sets: z.partialRecord(factKey, factValue).optional(),
    /** Facts the answer makes stale: `[code]` on "another code now". */
    clears: z.array(factKey).min(1).optional(),
    /** When the answer is open (src/engine/conditions.ts): `code in 7000..7999`, `otherwise`. */
    if: z.string().trim().min(1).optional(),
  });
  const base = {
    title: t,
    body: t.optional(),
    sources: z.array(z.string()).min(1, { error: 'must name at least one source' }),
    codes: z.array(z.string().regex(CODE_REF, { error: 'must look like "platform:code" (e.g. "mpaas:7003")' })).optional(),
    /** Other wordings of the step's problem, for the home search. */
    search: searchPhrases.optional(),
    /** The facts the step asks for: passed by itself when they leave one answer open; on an escalation, what the vendor asks for. */
    asks: z.array(factKey).min(1).optional(),
  };
  const question = z.strictObject({ kind: z.literal('question'), ...base, answers: z.array(answer) });
  const check = z.strictObject({ kind: z.literal('check'), ...base, do: t, expect: t, answers: z.array(answer) });
  const checklist = z.strictObject({
    kind: z.literal('checklist'),
    ...base,
    do: t.optional(),
    items: z
      .array(z.strictObject({ id: id('item id'), label: t, hint: t.optional() }))
      .min(2, { error: 'needs at least two items (use a check for one thing)' }),
    answers: z.array(answer),
  });
  const outcome = z.strictObject({
    kind: z.literal('outcome'),
    ...base,
    body: t,
    result: z.enum(['fix', 'resolved', 'escalate']),
  });
  const node = z.discriminatedUnion('kind', [question, check, checklist, outcome], {
    error: 'must have a kind of question, check, checklist or outcome',
  });
  return z.strictObject({
    id: id('tree id'),
    platform: z.enum(PLATFORMS),
    languages: z.array(z.enum(LANGS)).min(1),
    title: t,
    symptom: t,
    summary: t.optional(),
    /** The facts the tree reads: a label, and for a closed set the allowed values with theirs. */
    facts: z
      .partialRecord(factKey, z.strictObject({ label: t, values: z.record(factValue, t).optional() }))
      .optional(),
    start: id('step id'),
    nodes: z.record(z.string(), node),
    redirects: z.record(z.string(), z.string()).optional(),
  });
}

export type RawTree = z.infer<ReturnType<typeof treeFileSchema>>;
export type RawNode = RawTree['nodes'][string];
export type RawText = Partial<Record<Lang, string>>;
