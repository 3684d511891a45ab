/**
 * Calling server actions over HTTP against the production build, as a browser does, without a
 * browser: find the action's id in the build's server-reference manifest, encode the arguments
 * with React's own encodeReply (the format the client sends), POST them to a page that uses the
 * action with the Next-Action header, and read the returned value out of the RSC response.
 *
 *   const action = findAction('lib/actions/auth.ts', 'signUpAction');
 *   const { status, result } = await callAction(request, action, [form]);   // form: FormData
 *
 * `request` is a Playwright APIRequestContext (its cookies are the caller's session). For hostile
 * bodies, `postActionBody` sends any raw body with the action's headers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

export interface BuiltAction {
  id: string;
  /** e.g. "lib/actions/auth.ts" */
  filename: string;
  exportedName: string;
  /** A page whose bundle includes the action (the action may be posted to any page). */
  page: string;
}

interface Manifest {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
}

/** "app/(account)/account/page" -> "/account" (dynamic segments need a real value; we avoid them). */
function pagePath(worker: string): string | null {
  const m = /^app\/(.*)\/page$|^app\/page$/.exec(worker);
  if (!m) return null;
  const segments = (m[1] ?? '').split('/').filter((s) => s && !/^\(.*\)$/.test(s));
  if (segments.some((s) => s.startsWith('['))) return null;
  return `/${segments.join('/')}`;
}

/** Every server action in the production build. */
export function builtActions(): BuiltAction[] {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(readFileSync(path.join(root, dist, 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  return Object.entries(manifest.node)
    .filter(([, v]) => v.filename?.startsWith('lib/actions/') && v.exportedName)
    .map(([id, v]) => {
      const pages = Object.keys(v.workers).map(pagePath).filter((p): p is string => p !== null);
      return { id, filename: v.filename!, exportedName: v.exportedName!, page: pages[0] ?? '/' };
    })
    .sort((a, b) => `${a.filename}.${a.exportedName}`.localeCompare(`${b.filename}.${b.exportedName}`));
}

export function findAction(filename: string, exportedName: string): BuiltAction {
  const found = builtActions().find((a) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${filename} in the build (rebuild?)`);
  return found;
}

/** "lib/actions/auth.ts" + "signUpAction" -> "auth.signUpAction" (the id used in test tables). */
export function actionKey(a: Pick<BuiltAction, 'filename' | 'exportedName'>): string {
  return `${path.basename(a.filename, '.ts')}.${a.exportedName}`;
}

type EncodeReply = (value: unknown[]) => Promise<string | FormData>;

/** Calls the action with these arguments; `result` is what the action returned (or null). */
export async function callAction(
  request: APIRequestContext,
  action: BuiltAction,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<{ status: number; result: unknown; body: string }> {
  const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as { encodeReply: EncodeReply };
  const encoded = await encodeReply(args);
  const body = typeof encoded === 'string' ? encoded : await new Response(encoded).arrayBuffer();
  const contentType = typeof encoded === 'string' ? 'text/plain;charset=UTF-8' : undefined;
  if (typeof encoded === 'string') return postActionBody(request, action, body as string, { 'content-type': contentType!, ...headers });
  // Let fetch pick the multipart boundary: re-wrap through a Request.
  const req = new Request('http://x/', { method: 'POST', body: encoded });
  return postActionBody(request, action, Buffer.from(await req.arrayBuffer()), {
    'content-type': req.headers.get('content-type')!,
    ...headers,
  });
}

/** Posts a raw body as a call of the action; parses the RSC answer when there is one. */
export async function postActionBody(
  request: APIRequestContext,
  action: BuiltAction,
  body: string | Buffer | ArrayBuffer,
  headers: Record<string, string>,
): Promise<{ status: number; result: unknown; body: string }> {
  const res = await request.post(action.page, {
    headers: { 'next-action': action.id, accept: 'text/x-component', ...headers },
    data: body instanceof ArrayBuffer ? Buffer.from(body) : body,
    maxRedirects: 0,
  });
  const text = await res.text();
  return { status: res.status(), result: parseActionResult(text), body: text };
}

/** The action's return value from an RSC response ("0:{…"a":"$@1"…}\n1:{…}"), or null. */
export function parseActionResult(text: string): unknown {
  for (const line of text.split('\n')) {
    const m = /^1:(.*)$/.exec(line);
    if (m && !m[1]!.startsWith('E')) {
      try {
        return JSON.parse(m[1]!);
      } catch {
        return null;
      }
    }
  }
  return null;
}
