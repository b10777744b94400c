import { z } from 'zod';
import { CODE_PLATFORMS, RETRY_ADVICE, type Lang } from '../engine/model.ts';
import { id, searchPhrases, text } from './schema.ts';

/** Code tables must carry both languages: half of the sources are Chinese. */
export const CODE_TABLE_LANGS: readonly Lang[] = ['en', 'zh'];


/**
 * A code as the platform writes it. Letters, digits and `._-` (plus `{Name}`
 * placeholders for pattern codes such as `Invalid{ParameterName}.NotFound`);
 * Easemob's `Request Entity Too Large` needs spaces.
 */
const CODE = /^[A-Za-z0-9._{}-]+(?: [A-Za-z0-9._{}-]+)*$/;
/** `tree-id/step-id`. */
const STEP_REF = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function codeFileSchema(langs: readonly Lang[]) {
  const t = text(langs);
  const entry = z.strictObject({
    /** The code exactly as the platform returns it. */
    code: z.string().regex(CODE, { error: 'must be the code as the platform writes it (letters, digits, "._-" and {Placeholders})' }),
    /** The section of the source table it comes from. */
    group: id('group id'),
    title: t,
    /** What the code means (Markdown). */
    meaning: t,
    /** What to do about it (Markdown). */
    action: t,
    retry: z.enum(RETRY_ADVICE),
    sources: z.array(z.string()).min(1, { error: 'must name at least one source' }),
    /** The wizard step that handles this code; that step must list the code in its `codes`. */
    step: z.string().regex(STEP_REF, { error: 'must be "tree-id/step-id"' }).optional(),
    /** HTTP status(es) the platform answers with. */
    http: z.array(z.int().min(100).max(599)).min(1).optional(),
    /** Symbolic name (iOS `kDTRpc…`). */
    name: z.string().min(1).optional(),
    /** The platform's own message text, verbatim (Alibaba Cloud `Message`, Easemob `error_description`, TOP `msg`). */
    message: z.string().min(1).optional(),
    /** Service-side protocols the code applies to (mPaaS 6XXX). */
    protocols: z.array(z.enum(['HTTP', 'MPC', 'DUBBO'])).min(1).optional(),
    /** The text the user of the app sees (mPaaS Android). */
    prompt: t.optional(),
    /** Numeric codes this entry stands for when it is a range (`[[400, 499]]`), bounds included. */
    ranges: z.array(z.tuple([z.int(), z.int()])).min(1).optional(),
    /** Other spellings that mean this entry (an old sub_code name, a typo seen in SDKs). */
    aliases: z.array(z.string().regex(CODE)).min(1).optional(),
    /** Other wordings people type for this code (an HTTP reason phrase, an SDK's constant or message), for the home search. */
    search: searchPhrases.optional(),
    /**
     * One code, several situations told apart by the message (Easemob's
     * `illegal_argument`): `match` is a case-insensitive fragment of it.
     */
    variants: z
      .array(z.strictObject({ match: z.string().min(1), message: z.string().min(1).optional(), meaning: t, action: t.optional() }))
      .min(2, { error: 'needs at least two variants (put a single one in meaning)' })
      .optional(),
  });
  return z.strictObject({
    platform: z.enum(CODE_PLATFORMS),
    languages: z.array(z.enum(['en', 'zh'])).min(1),
    title: t,
    summary: t.optional(),
    groups: z.record(
      id('group id'),
      // `fact: subCode`: the group's codes are what a guide reads as the sub-code (TOP's sub_code families), not the code.
      z.strictObject({ title: t, body: t.optional(), fact: z.enum(['code', 'subCode']).optional() }),
    ),
    codes: z.array(entry).min(1),
  });
}

export type RawCodeFile = z.infer<ReturnType<typeof codeFileSchema>>;
export type RawCodeEntry = RawCodeFile['codes'][number];
