/** proxy.ts's screening of server action bodies (issue 9, point 7). */
import { describe, expect, it } from 'vitest';
import { isJsonField, jsonDepth, MAX_ACTION_BODY_BYTES, MAX_JSON_DEPTH, screenActionBody } from '@/lib/http/action-request';

const bytes = (s: string | Uint8Array) => async () => (typeof s === 'string' ? new TextEncoder().encode(s) : s).buffer as ArrayBuffer;

describe('jsonDepth', () => {
  it('measures nesting without recursion, ignoring brackets in strings', () => {
    expect(jsonDepth('[1,2]')).toBe(1);
    expect(jsonDepth('{"a":[{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"["')).toBe(0);
    expect(jsonDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
    expect(jsonDepth('[[]')).toBe(Infinity);
    expect(jsonDepth(']')).toBe(Infinity);
  });
});

describe('screenActionBody', () => {
  it('passes what React sends', async () => {
    expect(await screenActionBody('text/plain;charset=UTF-8', bytes('[{"a":1},"$K1"]'))).toEqual({ ok: true });
    const form = new FormData();
    form.append('0', '["$K1"]');
    form.append('_1_name', 'not json at all {');
    const req = new Request('http://x/', { method: 'POST', body: form });
    expect(await screenActionBody(req.headers.get('content-type')!, () => req.arrayBuffer())).toEqual({ ok: true });
  });

  it('refuses garbage, deep nesting, broken forms and oversized bodies', async () => {
    expect(await screenActionBody('text/plain', bytes('garbage{{'))).toMatchObject({ ok: false, status: 400 });
    // Valid JSON that is not an argument list: Next would apply the action to it and crash.
    for (const body of ['{}', 'null', '1', '"x"']) {
      expect(await screenActionBody('text/plain', bytes(body)), body).toMatchObject({ ok: false, status: 400 });
    }
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(await screenActionBody('text/plain', bytes(deep))).toMatchObject({ ok: false, status: 400 });
    expect(await screenActionBody('multipart/form-data; boundary=b', bytes('garbage'))).toMatchObject({ ok: false, status: 400 });
    const form = new FormData();
    form.append('0', 'garbage{');
    const req = new Request('http://x/', { method: 'POST', body: form });
    expect(await screenActionBody(req.headers.get('content-type')!, () => req.arrayBuffer())).toMatchObject({ ok: false, status: 400 });
    expect(await screenActionBody('text/plain', bytes(new Uint8Array(MAX_ACTION_BODY_BYTES + 1).fill(91)))).toMatchObject({ ok: false, status: 413 });
  });

  it('checks only the fields React fills with JSON', () => {
    expect(['0', '12', '$ACTION_1:0'].every(isJsonField)).toBe(true);
    expect(['_1_name', 'name', '$ACTION_ID_abc', '$ACTION_REF_1'].some(isJsonField)).toBe(false);
  });
});
