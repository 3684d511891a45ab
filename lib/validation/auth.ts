/** Sign-up and sign-in fields, shared by the forms (instant messages) and the server. */
import { z } from 'zod';
import { singleLineText } from './text';

export const ROLES = ['STUDENT', 'INSTRUCTOR'] as const;

const email = z
  .string({ error: 'Enter your e-mail address' })
  .trim()
  .min(1, { error: 'Enter your e-mail address' })
  .max(254, { error: 'An e-mail address has at most 254 characters' })
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com' }))
  .transform((v) => v.toLowerCase());

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const signInSchema = z.object({
  email,
  password: z
    .string({ error: 'Enter your password' })
    .min(1, { error: 'Enter your password' })
    .max(PASSWORD_MAX, { error: `A password has at most ${PASSWORD_MAX} characters` }),
});

export const signUpSchema = z.object({
  name: singleLineText({ max: 100, required: 'Enter your name', tooLong: 'A name has at most 100 characters' }),
  email,
  password: z
    .string({ error: 'Choose a password' })
    .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` })
    .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters` }),
  role: z.enum(ROLES, { error: 'Choose whether you are a student or an instructor' }),
  instructorCode: z.string().max(200, { error: 'That code is too long' }).optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

const currentPassword = z
  .string({ error: 'Enter your current password' })
  .min(1, { error: 'Enter your current password' })
  .max(PASSWORD_MAX, { error: `A password has at most ${PASSWORD_MAX} characters` });

export const changePasswordSchema = z
  .object({
    currentPassword,
    newPassword: z
      .string({ error: 'Choose a new password' })
      .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters` })
      .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters` }),
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    error: 'Choose a password different from the current one',
    path: ['newPassword'],
  });

export const deleteAccountSchema = z.object({
  password: currentPassword,
  confirm: z.literal('on', { error: 'Tick the box to confirm that everything of yours will be deleted' }),
});

/** First message per field, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    out[key] ??= issue.message;
  }
  return out;
}
