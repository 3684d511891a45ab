import 'server-only';
/**
 * AppError → HTTP response for route handlers: the user message as JSON with a status that
 * matches the code. BUSY (503) and RATE_LIMITED (429) carry Retry-After, so clients and proxies
 * know when to come back;
 * anything unexpected is logged and answered with the generic message.
 */
import { AppError, userMessageFor, type AppErrorCode } from '../errors';

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  BUSY: 503,
  TIMEOUT: 422,
};

/** Seconds a client should wait before retrying a BUSY request. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (err.code === 'BUSY' || err.code === 'RATE_LIMITED') headers['Retry-After'] = String(err.retryAfterSeconds ?? BUSY_RETRY_AFTER_SECONDS);
    return Response.json(
      { error: { code: err.code, message: err.userMessage, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) } },
      { status: STATUS[err.code], headers },
    );
  }
  return Response.json({ error: { code: 'INTERNAL', message: userMessageFor(err) } }, { status: 500, headers: { 'Cache-Control': 'no-store' } });
}
