/**
 * AppError: a failure we expect and can explain. `message` is for logs; `userMessage` is safe to
 * show. Anything else that reaches an action is logged and replaced by a generic message, so a
 * stack trace or a database error never reaches a user.
 */
export type AppErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  /** The engine's worker pool is full; retry in a few seconds (HTTP 503 + Retry-After). */
  | 'BUSY'
  /** An engine run went over the server's time limit (or is estimated to) and was cancelled. */
  | 'TIMEOUT';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    message: string = userMessage,
    /** Per-field messages for forms. */
    readonly fieldErrors?: Record<string, string>,
    /** For BUSY and RATE_LIMITED: when to try again (HTTP Retry-After), if known. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What a user sees when the engine's queue is full. */
export const BUSY_MESSAGE = 'The server is busy right now. Please try again in a few seconds.';

export const GENERIC_ERROR = 'Something went wrong on our side. Please try again in a moment.';

/** The message a user may see for any thrown value; logs what they may not. */
export function userMessageFor(err: unknown): string {
  if (err instanceof AppError) return err.userMessage;
  // The prefix lets e2e/server-log.check.ts find errors that reached a user as a generic message.
  console.error('[initlab] unexpected error:', err);
  return GENERIC_ERROR;
}
