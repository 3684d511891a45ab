/**
 * Where a user may be sent after signing in: a path on this site, never another origin.
 * Browsers strip tabs and line breaks from URLs and read backslashes as slashes, so
 * "/\t/evil.example" or "/\\evil.example" lead off-site although they start with one slash.
 * We apply the same normalization, resolve the result against a placeholder origin with the URL
 * parser (the WHATWG algorithm browsers use), and accept it only if it stays on that origin and
 * its path cannot be read as protocol-relative. The returned value is the re-serialized path, so
 * no raw control character ever reaches a Location header.
 */
const PLACEHOLDER = 'http://initlab.invalid';
/** Long enough for any real path with its query; longer values are refused, not truncated. */
export const MAX_CALLBACK_LENGTH = 2048;

export function safeCallbackPath(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length > MAX_CALLBACK_LENGTH) return fallback;
  // What browsers do before parsing: drop tab, CR, LF anywhere; backslash means slash.
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
  // Leading/trailing C0 controls and spaces are trimmed by the URL parser; a path must start with '/'
  // and not '//', which would name another host.
  if (!/^\/(?!\/)/.test(cleaned)) return fallback;
  let url: URL;
  try {
    url = new URL(cleaned, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example": still protocol-relative for a browser.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
