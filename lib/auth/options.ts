import 'server-only';
/**
 * NextAuth (v4, the `latest` release; works with the App Router through getServerSession):
 * e-mail + password through the Credentials provider, sessions as signed JWTs in an HttpOnly,
 * SameSite=Lax cookie (Secure whenever the site is served over https).
 *
 * A JWT cannot be revoked by itself, so every token carries the user's `sessionVersion` and the
 * jwt callback (run on every session read) compares it with the database: signing out, changing
 * the password or deleting the account bumps or removes it, ending every session of that user;
 * role and name are read fresh each time, so a role change takes effect at once.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv } from '../env';
import { AppError, userMessageFor } from '../errors';
import { authenticate, endAllSessions, getSessionState } from '../data/users';
import { clientAddressFrom } from './client-address';
import { safeCallbackPath } from './callback-path';

function headerGetter(headers: unknown): (name: string) => string | null {
  if (headers instanceof Headers) return (name) => headers.get(name);
  const record = (headers ?? {}) as Record<string, unknown>;
  return (name) => {
    const v = record[name];
    return typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : null;
  };
}

export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.sessionSecret,
    session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
    useSecureCookies: env.NEXTAUTH_URL.startsWith('https://'),
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'E-mail and password',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          try {
            return await authenticate(credentials ?? {}, clientAddressFrom(headerGetter(req?.headers)));
          } catch (err) {
            // NextAuth passes a thrown error's message to the client as `error`.
            throw new Error(err instanceof AppError ? err.userMessage : userMessageFor(err));
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          return { id: user.id, role: user.role, name: user.name, email: user.email, sv: user.sessionVersion };
        }
        if (!token.id) return {};
        const state = await getSessionState(token.id);
        // The account is gone or the session was ended: an empty token is a signed-out visitor.
        if (!state || state.sessionVersion !== token.sv) return {};
        return { ...token, role: state.role, name: state.name, email: state.email };
      },
      session({ session, token }) {
        if (token.id && token.role) {
          session.user = { id: token.id, role: token.role, name: token.name ?? '', email: token.email ?? '' };
        } else {
          delete (session as { user?: unknown }).user;
        }
        return session;
      },
      redirect({ url, baseUrl }) {
        // Same-origin paths only, normalized the way browsers read them.
        const path = safeCallbackPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url, '/');
        return `${baseUrl}${path}`;
      },
    },
    events: {
      async signOut({ token }) {
        // Signing out ends this user's sessions everywhere, so a copied token is useless too.
        if (token?.id && typeof token.sv === 'number') {
          const state = await getSessionState(token.id);
          if (state?.sessionVersion === token.sv) await endAllSessions(token.id);
        }
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
