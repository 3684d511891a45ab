/**
 * Rules for user text that is stored and shown to others (names, titles, notes, prompts,
 * feedback). PostgreSQL refuses a NUL byte in text, and other control characters only serve to
 * confuse readers and logs, so such input gets a clear form message instead of a database error.
 * Use these in every zod schema with free text.
 */
import { z } from 'zod';

/** C0 controls and DEL, except tab and line breaks (allowed in multi-line text only). */
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the invisible control characters from this text';

export function hasControlCharacters(value: string, multiLine = false): boolean {
  return (multiLine ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value);
}

/** A trimmed one-line text of 1..max characters. */
export function singleLineText(opts: { max: number; required: string; tooLong: string }) {
  return z
    .string({ error: opts.required })
    .trim()
    .min(1, { error: opts.required })
    .max(opts.max, { error: opts.tooLong })
    .refine((v) => !hasControlCharacters(v), { error: CONTROL_CHARACTER_MESSAGE });
}

/** Multi-line text (tabs and line breaks allowed) of at most max characters; may be empty. */
export function multiLineText(opts: { max: number; tooLong: string }) {
  return z
    .string()
    .max(opts.max, { error: opts.tooLong })
    .refine((v) => !hasControlCharacters(v, true), { error: CONTROL_CHARACTER_MESSAGE });
}
