import 'server-only';
/**
 * The one path every server action goes through: read the session, check the role, parse the
 * input with the shared zod schema, call the data layer, and turn any failure into a typed result.
 * Server actions are public endpoints, so nothing here trusts its input: a body that is not the
 * expected form, a missing session or a wrong role ends with a clear message and nothing changed.
 *
 * A `'use server'` module stays a few lines per action:
 *
 *   export async function createCourseAction(_prev: unknown, form: FormData) {
 *     return runAction({ role: 'INSTRUCTOR', schema: courseSchema, input: formInput(form) },
 *       (data, user) => createCourse({ actor: user, ...data }));
 *   }
 *
 * Rights on individual rows are still checked in lib/data (the acting user is passed in); the role
 * check here only refuses early.
 */
import { getServerSession } from 'next-auth';
import type { ZodType } from 'zod';
import { authOptions } from '../auth/options';
import type { Role, SessionUser } from '../auth/session-user';
import { AppError, userMessageFor, type AppErrorCode } from '../errors';
import { fieldErrors } from '../validation/auth';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | 'INTERNAL'; message: string; fieldErrors?: Record<string, string> };

/** Who may call: a role, any signed-in user, or anyone (the user is then possibly null). */
type Audience = Role | 'signed-in' | 'public';
type ActorFor<A extends Audience> = A extends 'public' ? SessionUser | null : SessionUser;

export interface ActionSpec<A extends Audience, T> {
  role: A;
  schema: ZodType<T>;
  /** The raw input: usually formInput(formData), or the argument the client passed. */
  input: unknown;
}

const SIGN_IN_MESSAGE = 'Please sign in first.';
const ROLE_MESSAGE = 'Your account cannot do that.';
const INVALID_MESSAGE = 'Please correct the highlighted fields.';

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? session.user : null;
}

export async function runAction<A extends Audience, T, R>(
  spec: ActionSpec<A, T>,
  fn: (data: T, user: ActorFor<A>) => Promise<R>,
): Promise<ActionResult<R>> {
  try {
    const user = await currentUser();
    if (spec.role !== 'public' && !user) return failure('UNAUTHENTICATED', SIGN_IN_MESSAGE);
    if (spec.role !== 'public' && spec.role !== 'signed-in' && user?.role !== spec.role) {
      return failure('FORBIDDEN', ROLE_MESSAGE);
    }
    const parsed = spec.schema.safeParse(spec.input);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const first = Object.values(errors)[0];
      // A single top-level problem (not a field of a form) is the message itself.
      return failure('VALIDATION', Object.keys(errors).length === 1 && errors._ ? first : INVALID_MESSAGE, errors);
    }
    return { ok: true, data: await fn(parsed.data, user as ActorFor<A>) };
  } catch (err) {
    // Next's redirect()/notFound() work by throwing; let them through.
    if (isNextControlFlow(err)) throw err;
    if (err instanceof AppError) return failure(err.code, err.userMessage, err.fieldErrors);
    return failure('INTERNAL', userMessageFor(err));
  }
}

function failure(
  code: AppErrorCode | 'INTERNAL',
  message: string,
  errors?: Record<string, string>,
): { ok: false; code: AppErrorCode | 'INTERNAL'; message: string; fieldErrors?: Record<string, string> } {
  return errors && Object.keys(errors).length ? { ok: false, code, message, fieldErrors: errors } : { ok: false, code, message };
}

/**
 * A form's fields as a plain object for zod: repeated names become arrays, files are dropped.
 * Anything that is not a FormData (a forged call with a JSON body, say) is passed on as it is,
 * for the schema to refuse.
 */
export function formInput(form: unknown): unknown {
  if (!(form instanceof FormData)) return form;
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}
