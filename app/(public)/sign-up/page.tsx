import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getSessionUser, safeCallbackPath } from '@/lib/auth/session';
import { instructorSignUp } from '@/lib/env';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Students save experiments and hand in assignments; instructors run courses.
      </p>
      <div className="mt-6">
        <SignUpForm callbackUrl={callbackUrl} instructorSignUp={instructorSignUp()} />
      </div>
      <p className="mt-6 text-sm">
        Already have an account?{' '}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-blue-700 underline dark:text-blue-300">
          Sign in
        </Link>
        .
      </p>
    </div>
  );
}
