'use client';
/** E-mail + password sign-in through NextAuth's credentials endpoint, with inline messages. */
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormField } from '@/components/ui/form-field';
import { fieldErrors, signInSchema } from '@/lib/validation/auth';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget));
    const parsed = signInSchema.safeParse(data);
    setMessage('');
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await signIn('credentials', { ...parsed.data, redirect: false });
      if (!res || res.error) {
        setMessage(res?.error && res.error !== 'CredentialsSignin' ? res.error : 'The e-mail or password is incorrect.');
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setMessage('Could not reach the server. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

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
