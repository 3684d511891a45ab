import 'server-only';
/**
 * Refuses passwords that are quick to guess: zxcvbn-ts (a maintained strength estimator) with its
 * common-password, name and word dictionaries, plus the user's own name and e-mail. A score below
 * MIN_SCORE means fewer than about a million guesses (e.g. "password1", "iloveyou123",
 * "qwertyuiop", or the user's e-mail). Runs on the server only: the dictionaries are large.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_SCORE = 2;

let factory: ZxcvbnFactory | undefined;

/** Why the password is refused (a sentence for the form), or null when it is good enough. */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // Only the first 128 characters: the schema's maximum, and it bounds the estimator's work.
  const inputs = userInputs.flatMap((v) => [v, ...v.split(/[@.\s_-]+/)]).filter((v) => v.length >= 3);
  const result = factory.check(password.slice(0, 128), inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning ?? '';
  const why = /top|common/i.test(warning)
    ? 'This is one of the most common passwords'
    : /similar/i.test(warning)
      ? 'This is a small change to a very common password'
      : /userInputs|user/i.test(warning)
        ? 'This password contains your name or e-mail'
        : /sequence|repeat|keyboard|pattern|straight|dates|years/i.test(warning)
          ? 'This password follows a pattern that is guessed quickly'
          : 'This password would be guessed quickly';
  return `${why}. Try a few unrelated words together, like a short sentence only you would write.`;
}
