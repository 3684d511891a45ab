/**
 * Issue 9, point 7, on the production build: no 5xx from bad input. Every server action in the
 * build gets bodies that are not its form (a JSON array, garbage, nesting thousands deep, 10 MB),
 * NUL and control characters in its text fields; every page and route handler (discovered from
 * app/) gets unknown methods; and fast-check drives route handlers and actions with random
 * methods, paths, queries and bodies. Anything 5xx fails. The server's log is checked for
 * unhandled errors afterwards by server-log.check.ts.
 */
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { builtActions, callAction, postActionBody } from './helpers/server-actions';

const APP = path.resolve(import.meta.dirname, '..', 'app');

/** Every page and route under app/, with dynamic segments filled by a harmless value. */
function discoveredUrls(dir = APP, segments: string[] = []): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('_')) continue;
      const seg = /^\(.*\)$/.test(entry.name) ? null : entry.name.replace(/^\[\.{3}.*\]$/, 'session').replace(/^\[.*\]$/, 'x1');
      out.push(...discoveredUrls(path.join(dir, entry.name), seg ? [...segments, seg] : segments));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
      out.push(`/${segments.join('/')}`);
    }
  }
  return [...new Set(out)].sort();
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

test('every server action refuses bodies that are not its form with a 4xx or a typed message', async ({ request }) => {
  const actions = builtActions();
  expect(actions.length).toBeGreaterThan(0);
  const bodies: [string, string | Buffer, string][] = [
    ['JSON array', '[1,2,3]', 'text/plain;charset=UTF-8'],
    ['garbage', 'garbage{{', 'text/plain;charset=UTF-8'],
    ['deeply nested', deep(20_000), 'text/plain;charset=UTF-8'],
    ['10 MB', Buffer.alloc(10 * 1024 * 1024, 'a'), 'text/plain;charset=UTF-8'],
    ['broken multipart', 'garbage', 'multipart/form-data; boundary=xyz'],
    ['multipart with a garbage chunk', '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\ngarbage{\r\n--xyz--\r\n', 'multipart/form-data; boundary=xyz'],
    ['JSON object', '{"a":1}', 'application/json'],
    ['JSON object as the argument list', '{"a":1}', 'text/plain;charset=UTF-8'],
    ['null as the argument list', 'null', 'text/plain;charset=UTF-8'],
    ['multipart whose argument list is not an array', '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n{}\r\n--xyz--\r\n', 'multipart/form-data; boundary=xyz'],
    ['NUL bytes', '["\\u0000"]', 'text/plain;charset=UTF-8'],
  ];
  const problems: string[] = [];
  for (const action of actions) {
    for (const [what, body, type] of bodies) {
      const { status, result } = await postActionBody(request, action, body, { 'content-type': type });
      const typed = status === 200 && (result as { ok?: boolean } | null)?.ok === false && (result as { code?: string }).code !== 'INTERNAL';
      if (!(typed || (status >= 400 && status < 500))) problems.push(`${action.exportedName} / ${what}: ${status}`);
    }
  }
  expect(problems).toEqual([]);
});

test('a chunked action body with no Content-Length, too large, is refused with 413', async ({ baseURL }) => {
  const [action] = builtActions();
  const url = new URL(action.page, baseURL);
  /** Posts `total` bytes in 64 KB chunks, as fast as the server takes them; nothing says how long. */
  const post = (total: number) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= total) this.push(null);
        else {
          sent += chunk.length;
          this.push(chunk);
        }
      },
    });
    return new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      // The server may answer and close before the whole body is sent.
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      body.pipe(req);
    });
  };
  // Past the screen's 1 MB but within what Next buffers for it (2 MB), and far past both.
  expect(await post(1.5 * 1024 * 1024)).toBe(413);
  expect(await post(40 * 1024 * 1024)).toBe(413);
});

test('NUL and control characters in any text field get a form message, never a database error', async ({ request }) => {
  const actions = builtActions();
  const problems: string[] = [];
  for (const action of actions) {
    for (const bad of ['Ada\u0000Lovelace', 'Ada\u0007\u001b[2J', 'a'.repeat(100_000)]) {
      const form = new FormData();
      for (const field of ['name', 'email', 'password', 'title', 'description', 'notes', 'currentPassword', 'newPassword']) form.append(field, bad);
      form.append('role', 'STUDENT');
      const { status, result } = await callAction(request, action, [form]);
      const r = result as { ok?: boolean; code?: string; message?: string } | null;
      if (status !== 200 || r?.ok !== false || r.code === 'INTERNAL' || !r.message) {
        problems.push(`${action.exportedName} / ${JSON.stringify(bad.slice(0, 12))}: ${status} ${JSON.stringify(r)}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('unknown methods and an 8,000-character callbackUrl on every page and route get no 5xx', async ({ request }) => {
  const urls = discoveredUrls();
  const problems: string[] = [];
  for (const url of urls) {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST', 'FOO']) {
      const res = await request.fetch(url, { method, maxRedirects: 0, data: method === 'POST' ? 'x=1' : undefined });
      if (res.status() >= 500) problems.push(`${method} ${url}: ${res.status()}`);
    }
    const long = await request.get(`${url}?callbackUrl=${encodeURIComponent(`/${'a'.repeat(8000)}`)}`, { maxRedirects: 0 });
    if (long.status() >= 500) problems.push(`GET ${url}?callbackUrl=<8000>: ${long.status()}`);
  }
  expect(problems).toEqual([]);
});

test('property: random methods, paths, queries and bodies on route handlers and actions never get a 5xx', async ({ request }) => {
  const routes = discoveredUrls().filter((u) => u.startsWith('/api/'));
  const nextAuthPaths = ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/api/auth/signin', '/api/auth/signout', '/api/auth/callback/credentials', '/api/auth/error', '/api/auth/_log'];
  const actions = builtActions();
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.json({ maxDepth: 6 }),
    fc.constantFrom('\u0000', '%00', '../../etc/passwd', '<script>alert(1)</script>', deep(5000), '{"__proto__":{"x":1}}', 'csrfToken=&email=%00&password=', 'a'.repeat(50_000)),
  );
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes, ...nextAuthPaths),
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
      fc.string({ maxLength: 60 }),
      hostile,
      fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data; boundary=b'),
      async (route, method, query, body, type) => {
        const res = await request.fetch(`${route}?${encodeURIComponent(query)}=${encodeURIComponent(query)}`, {
          method,
          headers: { 'content-type': type, 'x-forwarded-for': '203.0.113.250' },
          data: method === 'GET' || method === 'HEAD' ? undefined : body,
          maxRedirects: 0,
        });
        if (res.status() >= 500) failures.push(`${method} ${route} ${JSON.stringify(body).slice(0, 80)}: ${res.status()}`);
        return res.status() < 500;
      },
    ),
    { numRuns: 150 },
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...actions), hostile, fc.constantFrom('text/plain;charset=UTF-8', 'multipart/form-data; boundary=b'), async (action, body, type) => {
      const { status, result } = await postActionBody(request, action, body, { 'content-type': type });
      const ok = status < 500 && (status !== 200 || (result as { code?: string } | null)?.code !== 'INTERNAL');
      if (!ok) failures.push(`${action.exportedName} ${JSON.stringify(body).slice(0, 80)}: ${status}`);
      return ok;
    }),
    { numRuns: 150 },
  );
  expect(failures).toEqual([]);
});
