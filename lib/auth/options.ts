import 'server-only';
/**
 * NextAuth (v4, the `latest` release; works with the App Router through getServerSession):
 * e-mail + password through the Credentials provider, sessions as signed JWTs in an HttpOnly,
 * SameSite=Lax cookie (Secure whenever the site is served over https).
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getEnv } from '../env';
import { AppError, userMessageFor } from '../errors';
import { authenticate } from '../data/users';

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return first || null;
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
            return await authenticate(credentials ?? {}, clientAddress(req?.headers as Record<string, unknown>));
          } catch (err) {
            // NextAuth passes a thrown error's message to the client as `error`.
            throw new Error(err instanceof AppError ? err.userMessage : userMessageFor(err));
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.role = user.role;
          token.name = user.name;
          token.email = user.email;
        }
        return token;
      },
      session({ session, token }) {
        if (token.id && token.role) {
          session.user = { id: token.id, role: token.role, name: token.name ?? '', email: token.email ?? '' };
        }
        return session;
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
