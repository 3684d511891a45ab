/**
 * resultDigest: a short fingerprint of a result, so a test can check that Node and a browser
 * computed bit-identical numbers without shipping the whole result. FNV-1a (32-bit) over the
 * IEEE-754 bits of every number and the UTF-16 code units of every string, walking objects in
 * key order as created (which is deterministic) and arrays in order. Object keys whose value is
 * undefined are skipped (as JSON.stringify does), so the digest depends on values only, not on
 * whether an entry point left an optional key out or set it to undefined.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const buf = new Float64Array(1);
const bytes = new Uint8Array(buf.buffer);

function hashByte(h: number, b: number): number {
  return Math.imul(h ^ b, FNV_PRIME);
}

function walk(h: number, v: unknown): number {
  if (typeof v === 'number') {
    // NaN payloads are not portable; hash every NaN alike.
    if (Number.isNaN(v)) return hashByte(h, 0x4e);
    buf[0] = v;
    h = hashByte(h, 0x6e);
    for (let i = 0; i < 8; i++) h = hashByte(h, bytes[i]);
    return h;
  }
  if (typeof v === 'string') {
    h = hashByte(h, 0x73);
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      h = hashByte(hashByte(h, c & 0xff), c >>> 8);
    }
    return h;
  }
  if (typeof v === 'boolean') return hashByte(h, v ? 0x74 : 0x66);
  if (v === null || v === undefined) return hashByte(h, 0x30);
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    h = hashByte(h, 0x5b);
    for (const x of v as ArrayLike<unknown> & Iterable<unknown>) h = walk(h, x);
    return hashByte(h, 0x5d);
  }
  h = hashByte(h, 0x7b);
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    h = walk(h, k);
    h = walk(h, x);
  }
  return hashByte(h, 0x7d);
}

/** 8 hex digits; equal results give equal digests on every engine. */
export function resultDigest(result: unknown): string {
  return (walk(FNV_OFFSET, result) >>> 0).toString(16).padStart(8, '0');
}
