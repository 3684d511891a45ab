/**
 * Password hashing with argon2id (@node-rs/argon2 ships prebuilt binaries, so nothing compiles
 * at install). Parameters follow OWASP's minimum for argon2id: 19 MiB memory, 2 iterations.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the e-mail is unknown so that a sign-in
 * for a missing account takes as long as one with a wrong password.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`not-a-password-${Math.random()}`);
  return dummy;
}
