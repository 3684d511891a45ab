import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

export const dynamic = 'force-dynamic';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** Built on first request so that `next build` never needs the environment. */
const nextAuth: Handler = (req, ctx) => (NextAuth(authOptions()) as unknown as Handler)(req, ctx);

const GET: Handler = async (req, ctx) => {
  const [action] = (await ctx.params).nextauth;
  // NextAuth answers a GET of the credentials callback with a 500 ("not supported"): it is a
  // wrong method, not a server fault.
  if (action === 'callback') {
    return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
  }
  return nextAuth(req, ctx);
};

export { GET, nextAuth as POST };
