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

  it('refuses "$" references Next cannot resolve, and passes the ones React writes', async () => {
    // Each of these made Next's decoder throw (a 500) on the production build.
    for (const ref of ['$', '$F', '$Q', '$B', '$S', '$W', '$i', '$l', '$1', '$Z', '$AT', '$O', '$1:a', '$F1', '$Q1', '$nx']) {
      expect(await screenActionBody('text/plain;charset=UTF-8', bytes(JSON.stringify([ref]))), ref).toMatchObject({ ok: false, status: 400 });
      expect(await screenActionBody('text/plain', bytes(JSON.stringify([{ deep: [{ x: ref }] }]))), ref).toMatchObject({ ok: false, status: 400 });
    }
    for (const ok of ['$$', '$$1', '$undefined', '$Infinity', '$-Infinity', '$NaN', '$-0', '$D2026-12-02T00:00:00.000Z', '$n12', '$K1', '$@2', 'plain', 'a$1']) {
      expect(await screenActionBody('text/plain', bytes(JSON.stringify([ok, { [ok]: 1 }]))), ok).toEqual({ ok: true });
    }
    // In a form, a plain reference must name a part the form has (hex in the reference).
    const form = (refs: string[], parts: string[]) => {
      const f = new FormData();
      f.append('0', JSON.stringify(refs));
      for (const p of parts) f.append(p, '{"a":1}');
      const req = new Request('http://x/', { method: 'POST', body: f });
      return screenActionBody(req.headers.get('content-type')!, () => req.arrayBuffer());
    };
    expect(await form(['$a'], ['10'])).toEqual({ ok: true });
    expect(await form(['$5'], [])).toMatchObject({ ok: false, status: 400 });
    expect(await form(['$F9'], ['9'])).toMatchObject({ ok: false, status: 400 });
    expect(await form(['$K1'], [])).toEqual({ ok: true });
  });

  it('checks only the fields React fills with JSON', () => {
    expect(['0', '12', '$ACTION_1:0'].every(isJsonField)).toBe(true);
    expect(['_1_name', 'name', '$ACTION_ID_abc', '$ACTION_REF_1'].some(isJsonField)).toBe(false);
  });
});
