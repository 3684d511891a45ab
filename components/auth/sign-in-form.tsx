'use client';
/** E-mail + password sign-in through NextAuth's credentials endpoint, with inline messages. */
import { FormField } from '@/components/ui/form-field';
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
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700 dark:text-red-400">
        {message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
