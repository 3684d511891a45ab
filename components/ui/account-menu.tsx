'use client';
/**
 * Sign-in link, or the signed-in user's name, role and sign-out. Read on the client so that
 * pages (lessons, simulator) can stay static.
 */
import Link from 'next/link';
import { SessionProvider, signOut, useSession } from 'next-auth/react';

/**
 * Signs out and goes home on the address the visitor used. NextAuth's own redirect would be built
 * from NEXTAUTH_URL (localhost on a class server opened by its IP address), so navigate by path.
 */
async function signOutHere() {
  await signOut({ redirect: false });
  window.location.assign('/');
}

function Menu() {
  const { data, status } = useSession();
  if (status === 'loading') return <span className="inline-block w-16" aria-hidden />;
  if (!data?.user) {
    return (
      <div className="flex items-center gap-3 text-sm">
        <Link href="/sign-in" className="font-medium text-blue-700 hover:underline dark:text-blue-300">
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
          Sign up
        </Link>
      </div>
    );
  }
  const { name, role } = data.user;
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link href="/dashboard" className="font-medium hover:underline">
        {name}
        <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
          {role === 'INSTRUCTOR' ? 'Instructor' : 'Student'}
        </span>
      </Link>
      <Link href="/experiments" className="hover:underline">
        Experiments
      </Link>
      {role === 'INSTRUCTOR' && (
        <Link href="/instructor" className="hover:underline">
          Teach
        </Link>
      )}
      <Link href="/account" className="hover:underline">
        Account
      </Link>
      <button type="button" onClick={() => void signOutHere()} className="text-slate-700 hover:underline dark:text-slate-300">
        Sign out
      </button>
    </div>
  );
}

export function AccountMenu() {
  return (
    <SessionProvider>
      <Menu />
    </SessionProvider>
  );
}
