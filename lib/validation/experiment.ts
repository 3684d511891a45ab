/**
 * Experiments, comparisons and share links: the zod schemas shared by the save dialog, the list's
 * query string, the server actions and the data layer. Every bound here is what keeps one request
 * small (a title, notes of a few pages, ten tags, six runs in a comparison).
 */
import { z } from 'zod';
import { simConfigSchema } from './sim-config';
import { multiLineText, singleLineText } from './text';

export const TITLE_MAX = 120;
export const NOTES_MAX = 20_000;
export const TAG_MAX = 32;
export const TAGS_MAX = 10;
export const SEARCH_MAX = 100;
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;
export const PAGE_SIZE = 20;

/** Row ids are cuids; anything else cannot name a row, so it is refused before any query. */
export const idSchema = z
  .string({ error: 'Missing id' })
  .regex(/^[a-z0-9]{20,40}$/i, { error: 'That is not a valid id' });

export const titleSchema = singleLineText({
  max: TITLE_MAX,
  required: 'Give the experiment a title',
  tooLong: `A title has at most ${TITLE_MAX} characters`,
});

export const notesSchema = multiLineText({ max: NOTES_MAX, tooLong: `Notes have at most ${NOTES_MAX.toLocaleString('en')} characters` });

const TAG_PATTERN = /^[a-z0-9][a-z0-9 _.+-]*$/;

/** Splits "ReLU, deep; baseline" into tags: trimmed, lower-case, duplicates dropped. */
export function splitTags(raw: string): string[] {
  return raw
    .split(/[,;\n]/)
    .map((t) => t.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Tags as a comma list (a form field) or an array (a client call); normalized either way. */
export const tagsSchema = z
  .union([z.string().max(TAGS_MAX * (TAG_MAX + 2), { error: 'Too many tags' }), z.array(z.string().max(TAG_MAX * 2)).max(TAGS_MAX * 2)], {
    error: 'Tags must be a comma-separated list',
  })
  .transform((v) => [...new Set((Array.isArray(v) ? v.flatMap(splitTags) : splitTags(v)))])
  .superRefine((tags, ctx) => {
    if (tags.length > TAGS_MAX) ctx.addIssue({ code: 'custom', message: `Use at most ${TAGS_MAX} tags` });
    for (const t of tags) {
      if (t.length > TAG_MAX) ctx.addIssue({ code: 'custom', message: `A tag has at most ${TAG_MAX} characters ("${t.slice(0, 12)}…")` });
      else if (!TAG_PATTERN.test(t)) {
        ctx.addIssue({ code: 'custom', message: `Tags use letters, digits, spaces and - _ . + ("${t}" does not)` });
      }
    }
  });

/** Save the current simulator run: the server recomputes (or reuses) the Run from `config`. */
export const saveExperimentSchema = z.object({
  config: simConfigSchema,
  title: titleSchema,
  notes: notesSchema.default(''),
  tags: tagsSchema.default([]),
});
export type SaveExperimentInput = z.output<typeof saveExperimentSchema>;

/** Rename, edit notes or tags: only the fields sent are changed. */
export const updateExperimentSchema = z
  .object({
    id: idSchema,
    title: titleSchema.optional(),
    notes: notesSchema.optional(),
    tags: tagsSchema.optional(),
  })
  .refine((v) => v.title !== undefined || v.notes !== undefined || v.tags !== undefined, { error: 'Nothing to change' });
export type UpdateExperimentInput = z.output<typeof updateExperimentSchema>;

export const experimentIdSchema = z.object({ id: idSchema });

export const SORTS = ['updated', 'newest', 'oldest', 'title'] as const;
export type ExperimentSort = (typeof SORTS)[number];
export const SORT_LABELS: Record<ExperimentSort, string> = {
  updated: 'Recently changed',
  newest: 'Newest first',
  oldest: 'Oldest first',
  title: 'Title A–Z',
};

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The list's query string (?q=&tag=&sort=&page=). A bad value falls back to the default rather
 * than failing the page: an old bookmark still opens the list.
 */
export const listQuerySchema = z.object({
  q: z.preprocess(firstOf, z.string().trim().max(SEARCH_MAX).catch('').default('')),
  tag: z.preprocess(firstOf, z.string().trim().toLowerCase().max(TAG_MAX).catch('').default('')),
  sort: z.preprocess(firstOf, z.enum(SORTS).catch('updated').default('updated')),
  page: z.preprocess(firstOf, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** What a comparison may contain: the caller's experiments, or submissions an instructor grades. */
export const compareRefSchema = z.object({ kind: z.enum(['experiment', 'submission']), id: idSchema });
export type CompareRef = z.output<typeof compareRefSchema>;

export const compareRefsSchema = z
  .array(compareRefSchema)
  .min(COMPARE_MIN, { error: `Choose at least ${COMPARE_MIN} runs to compare` })
  .max(COMPARE_MAX, { error: `Compare at most ${COMPARE_MAX} runs at a time` })
  .refine((refs) => new Set(refs.map((r) => `${r.kind}:${r.id}`)).size === refs.length, { error: 'A run is listed twice' });

/** Reads ?e=<id>&e=<id>&s=<id> (experiments, submissions) into refs, in order. */
export function compareRefsFromParams(params: Record<string, string | string[] | undefined>): unknown {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(','));
  return [
    ...list(params.e).map((id) => ({ kind: 'experiment', id })),
    ...list(params.s).map((id) => ({ kind: 'submission', id })),
  ];
}

/** 32 random bytes in base64url are 43 characters; anything else is not a token we issued. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const shareIdSchema = z.object({ id: idSchema });
export const tokenInputSchema = z.object({ token: shareTokenSchema });
