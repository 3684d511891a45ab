import 'server-only';
/**
 * Session helpers for server components and actions. Pages call requireUser/requireRole at the
 * top; the data layer still checks rights itself, these only decide what to render.
 */
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { authOptions } from './options';
import type { Role, SessionUser } from './session-user';
import { safeCallbackPath } from './callback-path';

export async function getSessionUser(): Promise<SessionUser | null> {
  // Per-request by nature: say so before reading configuration, so `next build` never tries to
  // prerender a signed-in page (and never needs the production secrets).
  await connection();
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session.user : null;
}

/** Only same-site paths are allowed as a return address (no open redirects): see callback-path.ts. */
export { safeCallbackPath };

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(returnTo))}`);
  return user;
}

/** Like requireUser, and renders the 403 page for a user without the role. */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}
