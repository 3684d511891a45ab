/** Point 5: only same-origin paths survive, after the normalization browsers apply. */
import { describe, expect, it } from 'vitest';
import { MAX_CALLBACK_LENGTH, safeCallbackPath } from '@/lib/auth/callback-path';

/** Known open-redirect bypasses (from public payload lists and browser URL-parsing quirks). */
const BYPASSES = [
  '//evil.example',
  '///evil.example',
  '////evil.example/',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '\u0000//evil.example',
  '/\\/evil.example',
  '/.//evil.example',
  '/./\\evil.example',
  '/..//evil.example',
  '/%2e//evil.example',
  'https://evil.example',
  'http:evil.example',
  'https:/\\evil.example',
  '//evil.example@initlab.invalid',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '',
  'dashboard',
  './/evil.example',
  '/\u3000/evil.example'.replace('\u3000', '\\'),
];

describe('safeCallbackPath', () => {
  it.each(BYPASSES)('refuses %j', (value) => {
    const result = safeCallbackPath(value, '/fallback');
    // Either the fallback, or a path that a browser resolves on our own origin.
    const resolved = new URL(result, 'https://initlab.example');
    expect(resolved.origin, `${JSON.stringify(value)} -> ${result}`).toBe('https://initlab.example');
    expect(result.startsWith('//')).toBe(false);
    expect(result).not.toMatch(/[\u0000-\u001f\\]/);
  });

  it('sends the issue\'s example and line breaks home, not off-site or into a 500', () => {
    expect(safeCallbackPath(decodeURIComponent('%2F%09%2Fevil.example'))).toBe('/dashboard');
    expect(safeCallbackPath('/lessons\r\nSet-Cookie: x=1')).toBe('/lessonsSet-Cookie:%20x=1');
  });

  it('keeps ordinary paths, their query and hash', () => {
    expect(safeCallbackPath('/instructor')).toBe('/instructor');
    expect(safeCallbackPath('/simulator?scheme=he-normal&layers=12#chart')).toBe('/simulator?scheme=he-normal&layers=12#chart');
    expect(safeCallbackPath('/lessons/../dashboard')).toBe('/dashboard');
  });

  it('refuses non-strings and over-long values', () => {
    expect(safeCallbackPath(['/a'], '/x')).toBe('/x');
    expect(safeCallbackPath(undefined, '/x')).toBe('/x');
    expect(safeCallbackPath(`/${'a'.repeat(MAX_CALLBACK_LENGTH)}`, '/x')).toBe('/x');
    expect(safeCallbackPath(`/${'a'.repeat(8000)}`, '/x')).toBe('/x');
  });
});
