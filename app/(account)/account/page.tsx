import type { Metadata } from 'next';
import { ChangePasswordForm, DeleteAccountForm } from '@/components/account/account-forms';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Account settings' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  return (
    <div className="mx-auto max-w-md space-y-8 py-4">
      <div>
        <h1 className="text-2xl font-bold">Account settings</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Signed in as {user.email}</p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">Change your password</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="delete-heading" className="space-y-3">
        <h2 id="delete-heading" className="text-lg font-semibold">Delete your account</h2>
        {user.role === 'INSTRUCTOR' && (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Your courses go with it: their assignments and your students&apos; submissions to them are deleted too.
          </p>
        )}
        <DeleteAccountForm />
      </section>
    </div>
  );
}
