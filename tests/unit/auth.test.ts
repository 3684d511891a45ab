/** Pure pieces of sign-in: redirect safety, cookie security, form validation, hashing. */
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/session';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { signInSchema, signUpSchema } from '@/lib/validation/auth';

describe('safeCallbackPath', () => {
  it.each([
    ['/instructor', '/instructor'],
    ['/simulator?layers=30', '/simulator?layers=30'],
    ['https://evil.example/', '/dashboard'],
    ['//evil.example/', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    [undefined, '/dashboard'],
    [['/a', '/b'], '/dashboard'],
  ])('%j -> %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe('passwords', () => {
  it('verifies the right password only, with a salted hash', async () => {
    const a = await hashPassword('s3cret-pass');
    const b = await hashPassword('s3cret-pass');
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 's3cret-pass')).toBe(true);
    expect(await verifyPassword(a, 's3cret-pasS')).toBe(false);
    expect(await verifyPassword('not-a-hash', 's3cret-pass')).toBe(false);
  });
});

describe('auth forms', () => {
  it('rejects empty and over-long sign-in fields with a message', () => {
    const r = signInSchema.safeParse({ email: '', password: '' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(['Enter your e-mail address', 'Enter your password']);
    expect(signInSchema.safeParse({ email: `${'a'.repeat(250)}@example.com`, password: 'x' }).success).toBe(false);
  });

  it('normalizes the e-mail and checks the role', () => {
    const r = signUpSchema.safeParse({ name: ' Ada ', email: ' Ada@Example.COM ', password: 'longenough', role: 'STUDENT' });
    expect(r.success && r.data).toMatchObject({ name: 'Ada', email: 'ada@example.com' });
    expect(signUpSchema.safeParse({ name: 'A', email: 'a@b.co', password: 'longenough', role: 'ADMIN' }).success).toBe(false);
  });
});
