/**
 * POST /api/runs {"config": {...}}: the stored run for a config, computed in the engine's worker
 * pool when missing (lib/data/runs.ts). 400 for a bad config, 503 + Retry-After when the pool's
 * queue is full, 422 when the run needs more than the server's time limit, 429 + Retry-After when
 * the client's address has had its hour's new runs (lib/data/run-quota.ts). A Server-Timing header
 * gives the stages' durations (lib/http/server-timing.ts).
 */
import { clientAddressFrom } from '@/lib/auth/client-address';
import { getOrCreateRun } from '@/lib/data/runs';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { StageTimes } from '@/lib/http/server-timing';

export const dynamic = 'force-dynamic';

/** A config is a few hundred bytes; per-layer widths for 200 layers stay well under this. */
const MAX_BODY_BYTES = 16 * 1024;

export async function POST(request: Request) {
  try {
    const times = new StageTimes();
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) throw new AppError('VALIDATION', 'The request is too large.');
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) throw new AppError('VALIDATION', 'The request is too large.');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('VALIDATION', 'The request body must be JSON: {"config": {...}}.');
    }
    const config = body && typeof body === 'object' && 'config' in body ? (body as { config: unknown }).config : undefined;
    if (config === undefined) throw new AppError('VALIDATION', 'The request body must be JSON: {"config": {...}}.');
    times.lap('parse');
    const run = await getOrCreateRun(config, times, { address: clientAddressFrom((name) => request.headers.get(name)) });
    const json = JSON.stringify({ run });
    times.lap('serialize');
    // Server-Timing: where the time went (validation, store lookup, pool queue, compute, ...).
    return new Response(json, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Server-Timing': times.header() } });
  } catch (err) {
    return errorResponse(err);
  }
}
