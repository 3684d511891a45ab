/**
 * Next.js proxy (the file formerly called middleware): refuses malformed server action requests
 * with a 4xx before Next's decoder turns them into a 500 (see lib/http/action-request.ts). Only
 * POSTs that carry a Next-Action header or a form body reach it; everything else is untouched.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { MAX_ACTION_BODY_BYTES, screenActionBody } from '@/lib/http/action-request';

export async function proxy(request: NextRequest) {
  if (request.method !== 'POST') return NextResponse.next();
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_ACTION_BODY_BYTES) return refuse(413, 'body too large');
  const verdict = await screenActionBody(request.headers.get('content-type') ?? '', () => request.arrayBuffer());
  return verdict.ok ? NextResponse.next() : refuse(verdict.status, verdict.reason);
}

function refuse(status: number, reason: string) {
  return new NextResponse(`Bad request: ${reason}.`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const config = {
  matcher: [
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'content-type', value: '(?:multipart/form-data|application/x-www-form-urlencoded).*' }] },
  ],
};
