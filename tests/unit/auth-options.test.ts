/** Session cookies: HttpOnly and SameSite always, Secure whenever the site is served over https. */
import { describe, expect, it } from 'vitest';
import { buildAuthOptions } from '@/lib/auth/options';
import { getEnv } from '@/lib/env';

describe('auth options', () => {
  it('uses secure cookies exactly when NEXTAUTH_URL is https', () => {
    const env = getEnv();
    const original = env.NEXTAUTH_URL;
    try {
      env.NEXTAUTH_URL = 'https://initlab.example.org';
      expect(buildAuthOptions().useSecureCookies).toBe(true);
      env.NEXTAUTH_URL = 'http://localhost:3000';
      expect(buildAuthOptions().useSecureCookies).toBe(false);
    } finally {
      env.NEXTAUTH_URL = original;
    }
  });

  it('signs JWT sessions with the configured secret and puts id and role in the session', async () => {
    const options = buildAuthOptions();
    expect(options.session?.strategy).toBe('jwt');
    expect(options.secret).toBe(getEnv().sessionSecret);
    const token = await options.callbacks!.jwt!({
      token: {},
      user: { id: 'u1', email: 'a@b.co', name: 'A', role: 'INSTRUCTOR' },
    } as never);
    const session = await options.callbacks!.session!({ session: { expires: '' }, token } as never);
    expect(session.user).toEqual({ id: 'u1', email: 'a@b.co', name: 'A', role: 'INSTRUCTOR' });
  });
});
