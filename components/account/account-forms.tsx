'use client';
/**
 * Account settings: change the password, delete the account. Both end every session of the user
 * on the server (lib/data/users.ts); on success the browser's own cookie is cleared too and the
 * user is sent to sign in (password) or to the home page (deletion).
 */
import { signOut } from 'next-auth/react';
import { useActionState, useEffect } from 'react';
import { FormField } from '@/components/ui/form-field';
import { FormSubmit } from '@/components/auth/form-submit';
import type { ActionResult } from '@/lib/actions/action';
import { changePasswordAction, deleteAccountAction } from '@/lib/actions/auth';
import { PASSWORD_MIN } from '@/lib/validation/auth';

type State = ActionResult<null> | null;

function useSignOutOnSuccess(state: State, callbackUrl: string) {
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl });
  }, [state, callbackUrl]);
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<State, FormData>(changePasswordAction, null);
  useSignOutOnSuccess(state, '/sign-in?callbackUrl=%2Faccount');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3">
      <FormField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} required />
      <FormField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. You will be signed out everywhere.`}
        error={errors.newPassword}
        required
      />
      <FormSubmit
        message={state?.ok ? 'Password changed. Signing you out…' : (state?.message ?? '')}
        pending={pending}
        label="Change password"
        pendingLabel="Changing…"
      />
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<State, FormData>(deleteAccountAction, null);
  useSignOutOnSuccess(state, '/');
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-3">
      <FormField label="Your password" name="password" type="password" autoComplete="current-password" error={errors.password} required />
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirm" aria-describedby="confirm-error" />
          Delete my account and everything I saved. This cannot be undone.
        </label>
        <p id="confirm-error" aria-live="polite" className="min-h-4 text-sm text-red-700 dark:text-red-400">
          {errors.confirm}
        </p>
      </div>
      <FormSubmit
        message={state?.ok ? 'Your account was deleted.' : (state?.message ?? '')}
        pending={pending}
        label="Delete account"
        pendingLabel="Deleting…"
      />
    </form>
  );
}
