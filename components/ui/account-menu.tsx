'use client';
/** Sign-in link or the signed-in user's name, role and sign-out; filled in by the auth work. */
import Link from 'next/link';

export function AccountMenu() {
  return (
    <Link href="/sign-in" className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-300">
      Sign in
    </Link>
  );
}
