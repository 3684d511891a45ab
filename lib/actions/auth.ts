'use server';
/**
 * Accounts: sign-up, password change, account deletion. Sign-in and sign-out go through
 * NextAuth's own endpoints. The client address (for the sign-up limit and the password checks'
 * throttle) is read from the request, never from the form.
 */
import { formInput, runAction, type ActionResult } from './action';
import { requestClientAddress } from '../auth/client-address';
import { changePassword, createUser, deleteAccount } from '../data/users';
import { changePasswordSchema, deleteAccountSchema, signUpSchema } from '../validation/auth';

export type SignUpResult = ActionResult<null>;

/** The same answer whether or not the e-mail already had an account (see createUser). */
export async function signUpAction(formData: FormData): Promise<SignUpResult> {
  return runAction({ role: 'public', schema: signUpSchema, input: formInput(formData) }, async (data) => {
    await createUser(data, await requestClientAddress());
    return null;
  });
}

/** Ends every session of the user, this one included: the form then sends them to sign in. */
export async function changePasswordAction(_prev: unknown, formData: FormData): Promise<ActionResult<null>> {
  return runAction({ role: 'signed-in', schema: changePasswordSchema, input: formInput(formData) }, async (data, user) => {
    await changePassword(user, data, await requestClientAddress());
    return null;
  });
}

export async function deleteAccountAction(_prev: unknown, formData: FormData): Promise<ActionResult<null>> {
  return runAction({ role: 'signed-in', schema: deleteAccountSchema, input: formInput(formData) }, async (data, user) => {
    await deleteAccount(user, data, await requestClientAddress());
    return null;
  });
}

