'use client';
/**
 * Sign-up: the shared zod schema gives instant messages, the server action re-validates and
 * creates the account, then the new user is signed in and sent on.
 */
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormField } from '@/components/ui/form-field';
import { signUpAction } from '@/lib/actions/auth';
import { fieldErrors, PASSWORD_MIN, signUpSchema } from '@/lib/validation/auth';

export function SignUpForm({ callbackUrl, instructorCodeRequired }: { callbackUrl: string; instructorCodeRequired: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [role, setRole] = useState<'STUDENT' | 'INSTRUCTOR'>('STUDENT');

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    const parsed = signUpSchema.safeParse({
      ...Object.fromEntries(formData),
      instructorCode: (formData.get('instructorCode') as string | null) || undefined,
    });
    setMessage('');
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await signUpAction(formData);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }
      const res = await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (!res || res.error) {
        router.replace('/sign-in');
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
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700 dark:text-red-400">
        {message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
