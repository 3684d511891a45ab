import 'server-only';
/**
 * The client's network address, for rate limits, in a form a client cannot forge.
 *
 * `next start` does not hand the socket address to route handlers or server actions (it only
 * fills in X-Forwarded-For when the request has none, so a forged header survives). Our server
 * (scripts/serve.mjs, used by `npm start` and the e2e tests) therefore overwrites one header,
 * CLIENT_ADDRESS_HEADER, with the socket address on every request and marks the process with
 * SERVER_MARK; without the mark the header may come from the client and is ignored.
 *
 * - TRUSTED_PROXIES unset: the socket address is the client.
 * - TRUSTED_PROXIES set: walk X-Forwarded-For from the right, starting at the socket address,
 *   skipping trusted proxies; the first untrusted hop is the client (hops left of it could have
 *   been written by anyone). If every hop is trusted, the left-most one is the client.
 * Returns null when the address is unknown (plain `next start`): the per-address limits are then
 * off and the e-mail limits count for everyone together, so we warn once in the log.
 */
import { BlockList, isIP } from 'node:net';
import { getEnv, parseProxyEntry } from '../env';

export const CLIENT_ADDRESS_HEADER = 'x-initlab-socket-address';
export const SERVER_MARK = Symbol.for('initlab.serve.socketAddressHeader');

type HeaderGetter = (name: string) => string | null | undefined;

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) as plain IPv4, so one client has one key. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let a = (raw ?? '').trim();
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return isIP(a) ? a.toLowerCase() : null;
}

let cachedList: { source: string | undefined; list: BlockList | null } | undefined;
function trustedProxies(): BlockList | null {
  const source = getEnv().TRUSTED_PROXIES;
  const cached = cachedList;
  if (cached && cached.source === source) return cached.list;
  let list: BlockList | null = null;
  if (source) {
    list = new BlockList();
    for (const entry of source.split(',')) {
      const parsed = parseProxyEntry(entry.trim());
      if (parsed) list.addSubnet(parsed[0], parsed[1], parsed[2]);
    }
  }
  cachedList = { source, list };
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
}

/** The client address from a chain of hops (left = farthest) and the socket address. */
export function resolveClientAddress(forwardedFor: string | null | undefined, socket: string | null, trusted: BlockList | null): string | null {
  if (!socket || !trusted) return socket;
  const hops = (forwardedFor ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  let client = socket;
  if (!isTrusted(trusted, client)) return client;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed hop was written by someone we do not trust: stop at the last good address.
    if (!hop) return client;
    client = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return client;
}

let warned = false;

/** The client address of the current request, given a way to read its headers. */
export function clientAddressFrom(get: HeaderGetter): string | null {
  const marked = (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
  const socket = marked ? normalizeAddress(get(CLIENT_ADDRESS_HEADER)) : null;
  if (!socket && !warned) {
    warned = true;
    console.warn(
      '[initlab] the client address is unknown (serve with `npm start` / scripts/serve.mjs); per-address rate limits are off.',
    );
  }
  return resolveClientAddress(get('x-forwarded-for'), socket, trustedProxies());
}

/** The client address inside a server action or server component. */
export async function requestClientAddress(): Promise<string | null> {
  const { headers } = await import('next/headers');
  const h = await headers();
  return clientAddressFrom((name) => h.get(name));
}
