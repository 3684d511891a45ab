'use client';
/**
 * Sign-up: the shared zod schema gives instant messages, the server action re-validates and
 * creates the account, then the new user is signed in and sent on.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormField } from '@/components/ui/form-field';
import { FormSubmit } from './form-submit';
import { signUpAction } from '@/lib/actions/auth';
import { PASSWORD_MIN, signUpSchema } from '@/lib/validation/auth';
import { signInWithPassword, useAuthForm, useContinueTo } from './use-auth-form';

/** How instructors may sign up on this site (lib/env.ts instructorSignUp). */
export type InstructorSignUp = 'open' | 'code' | 'closed';

export function SignUpForm({ callbackUrl, instructorSignUp }: { callbackUrl: string; instructorSignUp: InstructorSignUp }) {
  const router = useRouter();
  const continueTo = useContinueTo(callbackUrl);
  const [role, setRole] = useState<'STUDENT' | 'INSTRUCTOR'>('STUDENT');
  const { errors, message, pending, onSubmit } = useAuthForm(
    signUpSchema,
    (form) => ({ ...Object.fromEntries(form), instructorCode: (form.get('instructorCode') as string | null) || undefined }),
    async ({ email, password }, form) => {
      const result = await signUpAction(form);
      if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
      // The server answers the same whether the e-mail was new or already had an account (so the
      // form cannot be used to find out who has one); signing in tells the two apart for the
      // person who owns the password. If it fails, the sign-in page explains.
      if (await signInWithPassword(email, password)) {
        router.replace(`/sign-in?from=sign-up&callbackUrl=${encodeURIComponent(callbackUrl)}`);
      } else continueTo();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormField label="Name" name="name" autoComplete="name" error={errors.name} required />
      <FormField label="E-mail" name="email" type="email" autoComplete="email" error={errors.email} required />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password}
        required
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">I am</legend>
        <div className="flex gap-4">
          {(instructorSignUp === 'closed' ? (['STUDENT'] as const) : (['STUDENT', 'INSTRUCTOR'] as const)).map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {r === 'STUDENT' ? 'a student' : 'an instructor'}
            </label>
          ))}
        </div>
        {instructorSignUp === 'closed' && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Instructor accounts are created by whoever runs this site.
          </p>
        )}
        <p aria-live="polite" className="min-h-4 text-sm text-red-700 dark:text-red-400">
          {errors.role}
        </p>
      </fieldset>
      {role === 'INSTRUCTOR' && instructorSignUp === 'code' && (
        <FormField
          label="Instructor code"
          name="instructorCode"
          autoComplete="off"
          hint="Given to instructors by whoever runs this site."
          error={errors.instructorCode}
        />
      )}
      <FormSubmit message={message} pending={pending} label="Create account" pendingLabel="Creating your account…" />
    </form>
  );
}
