'use client';
/**
 * The shared behaviour of the sign-in and sign-up forms: instant validation with the shared zod
 * schema, a pending state, per-field and form-level messages, and signing in through NextAuth
 * before moving on to the page the user was heading for.
 */
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ZodType } from 'zod';
import { fieldErrors } from '@/lib/validation/auth';

export const OFFLINE_MESSAGE = 'Could not reach the server. Check your connection and try again.';
export const BAD_CREDENTIALS_MESSAGE = 'The e-mail or password is incorrect.';

/** What a submit step may report back to the form. */
export type SubmitOutcome = { message?: string; fieldErrors?: Record<string, string> } | void;

export function useAuthForm<T>(
  schema: ZodType<T>,
  readInput: (form: FormData) => unknown,
  submit: (data: T, form: FormData) => Promise<SubmitOutcome>,
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = schema.safeParse(readInput(form));
    setMessage('');
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const outcome = await submit(parsed.data, form);
      if (outcome) {
        setErrors(outcome.fieldErrors ?? {});
        setMessage(outcome.message ?? '');
      }
    } catch {
      setMessage(OFFLINE_MESSAGE);
    } finally {
      setPending(false);
    }
  }

  return { errors, message, pending, onSubmit };
}

/** Signs in with NextAuth's credentials endpoint; resolves to an error message, or null on success. */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const res = await signIn('credentials', { email, password, redirect: false });
  if (res && !res.error) return null;
  // NextAuth reports our authorize() message as `error`; its own generic code means bad credentials.
  return res?.error && res.error !== 'CredentialsSignin' ? res.error : BAD_CREDENTIALS_MESSAGE;
}

/** Navigates to the page the user was heading for, refreshing server components for the new session. */
export function useContinueTo(callbackUrl: string) {
  const router = useRouter();
  return () => {
    router.replace(callbackUrl);
    router.refresh();
  };
}
