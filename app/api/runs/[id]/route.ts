/** GET /api/runs/:id: a stored run (immutable, so it may be cached), or 404. */
import { getRunById } from '@/lib/data/runs';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const run = await getRunById(id);
    if (!run) throw new AppError('NOT_FOUND', 'There is no run with that id.');
    return Response.json({ run }, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
  } catch (err) {
    return errorResponse(err);
  }
}
