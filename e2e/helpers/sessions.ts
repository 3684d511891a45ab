/**
 * Signing in without a browser, through NextAuth's own endpoints (CSRF token, then the
 * credentials callback), so a Playwright APIRequestContext carries a real session cookie.
 * `forwardedFor` acts as a distinct client: the e2e server trusts 127.0.0.1 as a proxy.
 */
import type { APIRequestContext } from '@playwright/test';

export async function apiSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<{ ok: boolean; error: string | null }> {
  const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    headers,
    form: { csrfToken, email, password, json: 'true', callbackUrl: '/dashboard' },
    maxRedirects: 0,
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  const error = body.url ? new URL(body.url).searchParams.get('error') : `status ${res.status()}`;
  return { ok: res.status() === 200 && !error, error };
}

/** The signed-in user as the server sees them now (null when signed out). */
export async function sessionUser(request: APIRequestContext): Promise<{ id: string; role: string; email: string } | null> {
  const body = (await (await request.get('/api/auth/session')).json()) as { user?: { id: string; role: string; email: string } };
  return body.user ?? null;
}

/** Creates an account through the real sign-up action (no browser). */
export async function apiSignUp(
  request: APIRequestContext,
  fields: { name?: string; email: string; password: string; role?: 'STUDENT' | 'INSTRUCTOR' },
  forwardedFor?: string,
): Promise<{ status: number; result: unknown }> {
  const { callAction, findAction } = await import('./server-actions');
  const form = new FormData();
  form.append('name', fields.name ?? 'Api User');
  form.append('email', fields.email);
  form.append('password', fields.password);
  form.append('role', fields.role ?? 'STUDENT');
  const action = findAction('lib/actions/auth.ts', 'signUpAction');
  return callAction(request, action, [form], forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
}
