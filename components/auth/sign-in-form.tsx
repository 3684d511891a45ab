'use client';
/** E-mail + password sign-in through NextAuth's credentials endpoint, with inline messages. */
import { FormField } from '@/components/ui/form-field';
import { FormSubmit } from './form-submit';
import { signInSchema } from '@/lib/validation/auth';
import { signInWithPassword, useAuthForm, useContinueTo } from './use-auth-form';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const continueTo = useContinueTo(callbackUrl);
  const { errors, message, pending, onSubmit } = useAuthForm(
    signInSchema,
    (form) => Object.fromEntries(form),
    async ({ email, password }) => {
      const error = await signInWithPassword(email, password);
      if (error) return { message: error };
      continueTo();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormField label="E-mail" name="email" type="email" autoComplete="email" error={errors.email} required />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} required />
      <FormSubmit message={message} pending={pending} label="Sign in" pendingLabel="Signing in…" />
    </form>
  );
}
