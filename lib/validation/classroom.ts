/**
 * Course, roster, exercise, extension, grading and submission inputs: the zod schemas shared by
 * the forms, the server actions and the data layer. Form values arrive as strings, so the schemas
 * accept the strings a form sends ('' for "none") as well as typed values.
 */
import { z } from 'zod';
import { CONFIG_FIELDS, passCriterionSchema } from './assignment';
import { simConfigSchema } from './sim-config';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, multiLineText, singleLineText } from './text';

/** Row ids are cuids; anything else (a NUL byte, a path) is refused before it reaches a query. */
export const id = z
  .string({ error: 'Missing id' })
  .trim()
  .min(1, { error: 'Missing id' })
  .max(64, { error: 'Not a valid id' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Not a valid id' });

export const courseSchema = z.object({
  title: singleLineText({ max: 200, required: 'Enter a course title', tooLong: 'A course title has at most 200 characters' }),
  description: multiLineText({ max: 5000, tooLong: 'A description has at most 5000 characters' })
    .optional()
    .transform((v) => (v ?? '').trim()),
});
export const updateCourseSchema = courseSchema.extend({ courseId: id });
export const courseIdSchema = z.object({ courseId: id });

/** Join codes are shown upper-case with a dash; people type them any way. */
export const joinSchema = z.object({
  joinCode: z
    .string({ error: 'Enter the join code your instructor gave you' })
    .trim()
    .min(1, { error: 'Enter the join code your instructor gave you' })
    .max(40, { error: 'That is not a join code' })
    .transform((v) => v.toUpperCase().replace(/\s+/g, ''))
    .refine((v) => /^[A-Z0-9-]+$/.test(v), { error: 'A join code has only letters, digits and a dash, like ABCD-EF23' }),
});

export const removeStudentSchema = z.object({ courseId: id, studentId: id });

export const ROSTER_MAX_EMAILS = 2000;
export const rosterImportSchema = z.object({
  courseId: id,
  csv: multiLineText({ max: 200_000, tooLong: 'The roster is too long (at most 200,000 characters)' }).refine((v) => v.trim().length > 0, {
    error: 'Paste the roster: one e-mail per line, or a CSV with an e-mail column',
  }),
});

const emailLike = /^[^\s@",;<>]+@[^\s@",;<>]+\.[^\s@",;<>]+$/;
/**
 * E-mails in a roster CSV: every cell that is an e-mail address, so a plain list, an LMS export
 * with a header row and other columns, or a semicolon-separated file all work. Lower-cased and
 * de-duplicated; `invalid` counts non-empty cells of an e-mail column that are not addresses.
 */
export function emailsFromCsv(csv: string): { emails: string[]; rejected: string[] } {
  const emails = new Set<string>();
  const rejected: string[] = [];
  for (const line of csv.split(/\r?\n/)) {
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    const hits = cells.filter((c) => emailLike.test(c));
    for (const h of hits) emails.add(h.toLowerCase());
    // A line with an @ but no valid address is a typo worth reporting; a header row is not.
    if (hits.length === 0 && cells.some((c) => c.includes('@'))) rejected.push(line.trim());
  }
  return { emails: [...emails], rejected };
}

/** '' or missing → null; otherwise an ISO date-time (the form converts local time before sending). */
const optionalDate = (label: string) =>
  z
    .union([z.string(), z.date(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v == null || v === '') return null;
      const d = v instanceof Date ? v : new Date(v);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a valid date and time` });
        return z.NEVER;
      }
      return d;
    });

/** JSON text from a textarea (or an already-parsed value), then the given schema. */
const jsonText = <T extends z.ZodType>(label: string, inner: T, opts: { emptyIsNull?: boolean } = {}) =>
  (opts.emptyIsNull ? z.unknown().optional() : z.unknown())
    .transform((v, ctx) => {
      if (opts.emptyIsNull && (v == null || (typeof v === 'string' && v.trim() === ''))) return null;
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `${label} is not valid JSON` });
        return z.NEVER;
      }
    })
    .pipe(inner);

const fieldList = z
  .union([z.enum(CONFIG_FIELDS), z.array(z.enum(CONFIG_FIELDS))])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]));

const intText = (label: string, min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v)))
    .pipe(
      z
        .number({ error: `${label} must be a number` })
        .int({ error: `${label} must be a whole number` })
        .min(min, { error: `${label} must be between ${min} and ${max}` })
        .max(max, { error: `${label} must be between ${min} and ${max}` }),
    );

export const ASSIGNMENT_INTENTS = ['save', 'publish', 'unpublish'] as const;

export const assignmentFormSchema = z
  .object({
    courseId: id,
    title: singleLineText({ max: 200, required: 'Enter a title', tooLong: 'A title has at most 200 characters' }),
    prompt: multiLineText({ max: 10_000, tooLong: 'A prompt has at most 10,000 characters' })
      .transform((v) => v.trim())
      .refine((v) => v.length > 0, { error: 'Write the prompt' }),
    baseConfig: jsonText('The base config', simConfigSchema),
    editableFields: fieldList.refine((v) => v.length > 0, { error: 'Let the student change at least one field' }),
    hiddenFields: fieldList,
    criteria: jsonText('The criteria', z.array(passCriterionSchema, { error: 'Criteria must be a list' }).min(1, { error: 'Add at least one pass criterion' }).max(20, { error: 'At most 20 criteria' })),
    referenceConfig: jsonText('The reference solution', simConfigSchema.nullable(), { emptyIsNull: true }),
    solutionNotes: multiLineText({ max: 10_000, tooLong: 'Solution notes have at most 10,000 characters' })
      .optional()
      .transform((v) => (v ?? '').trim()),
    opensAt: optionalDate('The opening date'),
    dueAt: optionalDate('The due date'),
    cutoffAt: optionalDate('The cut-off date'),
    latePenaltyPercent: intText('The late penalty', 0, 100).optional().transform((v) => v ?? 0),
    maxAttempts: z
      .union([z.string(), z.number(), z.null()])
      .optional()
      .transform((v) => (v == null || v === '' ? null : v))
      .pipe(intText('The attempt limit', 1, 100).nullable()),
    intent: z.enum(ASSIGNMENT_INTENTS).optional().transform((v) => v ?? 'save'),
  })
  .superRefine((a, ctx) => {
    const hiddenButEditable = a.hiddenFields.filter((f) => a.editableFields.includes(f));
    if (hiddenButEditable.length) {
      ctx.addIssue({ code: 'custom', path: ['hiddenFields'], message: `A field the student may change cannot be hidden: ${hiddenButEditable.join(', ')}` });
    }
    if (a.opensAt && a.dueAt && a.dueAt < a.opensAt) {
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'The due date must come after the opening date' });
    }
    if (a.cutoffAt && a.dueAt && a.cutoffAt < a.dueAt) {
      ctx.addIssue({ code: 'custom', path: ['cutoffAt'], message: 'The cut-off must be at or after the due date' });
    }
    if (a.cutoffAt && !a.dueAt) {
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'Set a due date when you set a cut-off' });
    }
  });
export type AssignmentForm = z.output<typeof assignmentFormSchema>;
export const updateAssignmentSchema = z.intersection(assignmentFormSchema, z.object({ assignmentId: id }));

export const assignmentIdSchema = z.object({ assignmentId: id });
export const fromTemplateSchema = z.object({ courseId: id, templateId: id });
export const publishSchema = z.object({ assignmentId: id, publish: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true') });

export const extensionSchema = z
  .object({
    assignmentId: id,
    studentId: id,
    dueAt: optionalDate('The new due date').refine((d) => d !== null, { error: 'Choose the new due date' }),
    cutoffAt: optionalDate('The new cut-off'),
  })
  .superRefine((e, ctx) => {
    if (e.dueAt && e.cutoffAt && e.cutoffAt < e.dueAt) {
      ctx.addIssue({ code: 'custom', path: ['cutoffAt'], message: 'The cut-off must be at or after the new due date' });
    }
  });
export const revokeExtensionSchema = z.object({ assignmentId: id, studentId: id });

export const feedbackSchema = z.object({
  submissionId: id,
  feedback: multiLineText({ max: 10_000, tooLong: 'Feedback has at most 10,000 characters' }).transform((v) => v.trim()),
});

export const overrideSchema = z.object({
  submissionId: id,
  score: z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v == null || v === '' ? null : typeof v === 'number' ? v : Number(v)))
    .pipe(z.number({ error: 'The score must be a number' }).min(0, { error: 'The score must be between 0 and 100' }).max(100, { error: 'The score must be between 0 and 100' }).nullable()),
  reason: z
    .string()
    .trim()
    .max(1000, { error: 'A reason has at most 1000 characters' })
    .refine((v) => !hasControlCharacters(v), { error: CONTROL_CHARACTER_MESSAGE })
    .optional()
    .transform((v) => v ?? ''),
}).superRefine((o, ctx) => {
  if (o.score !== null && o.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason for the new score' });
});

export const submitSchema = z.object({
  assignmentId: id,
  /** The config as the student's page holds it; re-validated here and checked against the locks. */
  config: simConfigSchema,
  prediction: z
    .union([z.number(), z.string(), z.null()])
    .optional()
    .transform((v) => (v == null || v === '' ? null : Number(v)))
    .pipe(z.number({ error: 'The prediction must be a number' }).refine(Number.isFinite, { error: 'The prediction must be a finite number' }).nullable()),
  explanation: multiLineText({ max: 2000, tooLong: 'An explanation has at most 2000 characters' })
    .optional()
    .transform((v) => (v ?? '').trim()),
  /** The student confirmed that a submission after the due date is marked late. */
  confirmLate: z.boolean().optional().transform((v) => v ?? false),
  /** One random key per press of Submit, so a double-click stores one submission. */
  clientKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'Missing submission key' }),
});
export type SubmitInput = z.output<typeof submitSchema>;
