/** Types the session so `session.user.id` and `session.user.role` exist everywhere. */
import type { Role } from '@/lib/auth/session-user';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    /** The user's session version at sign-in (lib/auth/options.ts). */
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id?: string;
    role?: Role;
    /** Session version: the token is refused once the user's row has moved on. */
    sv?: number;
  }
}
