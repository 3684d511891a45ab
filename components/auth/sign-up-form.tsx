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

export function SignUpForm({ callbackUrl, instructorCodeRequired }: { callbackUrl: string; instructorCodeRequired: boolean }) {
  const router = useRouter();
  const continueTo = useContinueTo(callbackUrl);
  const [role, setRole] = useState<'STUDENT' | 'INSTRUCTOR'>('STUDENT');
  const { errors, message, pending, onSubmit } = useAuthForm(
    signUpSchema,
    (form) => ({ ...Object.fromEntries(form), instructorCode: (form.get('instructorCode') as string | null) || undefined }),
    async ({ email, password }, form) => {
      const result = await signUpAction(form);
      if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
      // The account exists now; if signing in fails for any reason, the sign-in page takes over.
      if (await signInWithPassword(email, password)) router.replace('/sign-in');
      else continueTo();
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
          {(['STUDENT', 'INSTRUCTOR'] as const).map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {r === 'STUDENT' ? 'a student' : 'an instructor'}
            </label>
          ))}
        </div>
        <p aria-live="polite" className="min-h-4 text-sm text-red-700 dark:text-red-400">
          {errors.role}
        </p>
      </fieldset>
      {role === 'INSTRUCTOR' && instructorCodeRequired && (
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
