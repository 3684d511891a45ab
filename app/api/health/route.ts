/** Liveness probe for tests and deployments. */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true });
}
