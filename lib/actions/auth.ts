'use server';
/** Sign-up. Sign-in and sign-out go through NextAuth's own endpoints. */
import { AppError, userMessageFor } from '../errors';
import { createUser } from '../data/users';

export type SignUpResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };

export async function signUpAction(formData: FormData): Promise<SignUpResult> {
  const input = {
    name: formData.get('name') ?? undefined,
    email: formData.get('email') ?? undefined,
    password: formData.get('password') ?? undefined,
    role: formData.get('role') ?? undefined,
    instructorCode: (formData.get('instructorCode') as string | null) || undefined,
  };
  try {
    await createUser(input);
    return { ok: true };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.userMessage, fieldErrors: err.fieldErrors };
    return { ok: false, message: userMessageFor(err) };
  }
}
