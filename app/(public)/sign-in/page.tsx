import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getSessionUser, safeCallbackPath } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {params.from === 'sign-up' ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          We could not sign you in with the details you just entered. If you already had an account with
          this e-mail, sign in with its password.
        </p>
      ) : (
        params.callbackUrl && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Sign in to continue to that page.</p>
      )}
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      <p className="mt-6 text-sm">
        No account yet?{' '}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-blue-700 underline dark:text-blue-300">
          Create one
        </Link>
        .
      </p>
    </div>
  );
}
