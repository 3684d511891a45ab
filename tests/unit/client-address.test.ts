/** Point 2: the client address cannot be forged with X-Forwarded-For. */
import { BlockList } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddressFrom, CLIENT_ADDRESS_HEADER, normalizeAddress, resolveClientAddress, SERVER_MARK } from '@/lib/auth/client-address';
import { getEnv, parseEnv, parseProxyEntry } from '@/lib/env';

function proxies(...entries: string[]): BlockList {
  const list = new BlockList();
  for (const e of entries) {
    const [a, bits, family] = parseProxyEntry(e)!;
    list.addSubnet(a, bits, family);
  }
  return list;
}

describe('resolveClientAddress', () => {
  it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.1', '198.51.100.9', null)).toBe('198.51.100.9');
    expect(resolveClientAddress('', '198.51.100.9', null)).toBe('198.51.100.9');
    expect(resolveClientAddress(undefined, '198.51.100.9', null)).toBe('198.51.100.9');
  });

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    const trusted = proxies('10.0.0.0/8', '127.0.0.1');
    // The client forged the first entry; our proxy appended the real one.
    expect(resolveClientAddress('203.0.113.66, 198.51.100.7', '127.0.0.1', trusted)).toBe('198.51.100.7');
    expect(resolveClientAddress('198.51.100.7, 10.1.2.3', '127.0.0.1', trusted)).toBe('198.51.100.7');
    // A request straight from an untrusted socket: its header is ignored.
    expect(resolveClientAddress('10.0.0.5', '198.51.100.8', trusted)).toBe('198.51.100.8');
    // Empty or missing header behind a proxy: the proxy itself (the left-most trusted hop).
    expect(resolveClientAddress('', '127.0.0.1', trusted)).toBe('127.0.0.1');
    // Garbage in the chain stops the walk at the last address we could trust to be real.
    expect(resolveClientAddress('198.51.100.7, not-an-ip', '127.0.0.1', trusted)).toBe('127.0.0.1');
    // IPv6 and IPv4-mapped forms.
    expect(resolveClientAddress('2001:db8::1', normalizeAddress('::ffff:127.0.0.1'), proxies('127.0.0.1'))).toBe('2001:db8::1');
  });

  it('normalizes addresses', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normalizeAddress('nonsense')).toBeNull();
  });
});

describe('clientAddressFrom', () => {
  const g = globalThis as Record<symbol, unknown>;
  afterEach(() => {
    delete g[SERVER_MARK];
    getEnv().TRUSTED_PROXIES = undefined;
  });

  it('believes the socket-address header only when our server set it', () => {
    const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: '192.0.2.44', 'x-forwarded-for': '203.0.113.1' };
    const get = (n: string) => headers[n] ?? null;
    expect(clientAddressFrom(get)).toBeNull();
    g[SERVER_MARK] = true;
    expect(clientAddressFrom(get)).toBe('192.0.2.44');
    getEnv().TRUSTED_PROXIES = '192.0.2.0/24';
    expect(clientAddressFrom(get)).toBe('203.0.113.1');
  });

  it('refuses a malformed TRUSTED_PROXIES at start-up', () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.0/33' } as never)).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ TRUSTED_PROXIES: 'proxy.local' } as never)).toThrow(/TRUSTED_PROXIES/);
    expect(parseEnv({ TRUSTED_PROXIES: '127.0.0.1, ::1, 10.0.0.0/8', PGLITE_DATA_DIR: 'memory://' } as never).TRUSTED_PROXIES).toBeTruthy();
  });
});

describe('rate-limit settings', () => {
  it('reads SIGN_UP_LIMIT_PER_HOUR and RUN_LIMIT_PER_HOUR, treating empty as unset and refusing nonsense', () => {
    const base = { PGLITE_DATA_DIR: 'memory://' };
    for (const [name, fallback] of [['SIGN_UP_LIMIT_PER_HOUR', 50], ['RUN_LIMIT_PER_HOUR', 600]] as const) {
      expect(parseEnv({ ...base } as never)[name]).toBe(fallback);
      expect(parseEnv({ ...base, [name]: '' } as never)[name]).toBe(fallback);
      expect(parseEnv({ ...base, [name]: '200' } as never)[name]).toBe(200);
      expect(() => parseEnv({ ...base, [name]: '0' } as never)).toThrow(new RegExp(name));
      expect(() => parseEnv({ ...base, [name]: 'lots' } as never)).toThrow(new RegExp(name));
      expect(() => parseEnv({ ...base, [name]: '2.5' } as never)).toThrow(new RegExp(name));
    }
    expect(parseEnv({ ...base, INSTRUCTOR_SIGNUP: '' } as never).INSTRUCTOR_SIGNUP).toBeUndefined();
    expect(() => parseEnv({ ...base, INSTRUCTOR_SIGNUP: 'maybe' } as never)).toThrow(/INSTRUCTOR_SIGNUP/);
  });
});
