/**
 * Screens server action requests before Next.js decodes them. Next answers a malformed action
 * body (not JSON, nested thousands deep, not parseable as a form, over the size limit) by
 * throwing inside its decoder, which becomes a 500 and an error in the log. A server action is a
 * public endpoint, so such bodies are refused here with a 4xx instead. Pure functions, used by
 * proxy.ts and unit-tested on their own.
 */

/** The same as Next's default serverActions.bodySizeLimit (1 MB). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
/** React's reply format nests a few levels per argument; real forms never come close. */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a JSON text, scanned without recursion; Infinity if brackets do not balance. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) max = Math.max(max, ++depth);
    else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (--depth < 0) return Infinity;
    }
  }
  return depth === 0 ? max : Infinity;
}

/**
 * React's reply format gives strings that start with "$" a meaning: a reference to another part
 * of the request, or a value JSON cannot hold. Next resolves them while decoding, and a reference
 * to a part that is not there, or of a kind it cannot build ("$", "$1" in a text body, "$Q9",
 * "$F1", "$B1", "$S", "$nx"...), throws there: a 500. Allowed are the forms the app's own calls
 * produce: an escaped "$$…", the special values (undefined, ±Infinity, NaN, -0, a date "$D…", a
 * BigInt "$n…"), a FormData "$K…" or promise "$@…" reference (both harmless when their part is
 * missing), and a plain part reference "$<hex>" to a part the form has.
 */
const SAFE_DOLLAR = /^\$(\$[^]*|undefined|Infinity|-Infinity|NaN|-0|D[^]*|n-?\d+|[K@][0-9a-f]+)$/;
const PART_REFERENCE = /^\$([0-9a-f]+)$/;

/** Whether every "$" string in `value` is one Next can decode (see SAFE_DOLLAR). */
function referencesResolve(value: unknown, hasPart: (id: number) => boolean): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.startsWith('$') && !SAFE_DOLLAR.test(v)) {
        const part = PART_REFERENCE.exec(v);
        if (!part || !hasPart(parseInt(part[1]!, 16))) return false;
      }
    } else if (v !== null && typeof v === 'object') {
      // Keys are plain text to React; only values are decoded.
      stack.push(...Object.values(v));
    }
  }
  return true;
}

/**
 * True when `text` is JSON nested no deeper than MAX_JSON_DEPTH (and, if asked, an array) whose
 * "$" strings all decode (`hasPart` says which numbered parts the request has).
 */
export function isShallowJson(text: string, mustBeArray = false, hasPart: (id: number) => boolean = () => false): boolean {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return false;
  try {
    const value: unknown = JSON.parse(text);
    return (!mustBeArray || Array.isArray(value)) && referencesResolve(value, hasPart);
  } catch {
    return false;
  }
}

/**
 * Form fields that React's reply format (or a no-JavaScript form post) fills with JSON: numbered
 * chunks ("0", "1"), and the bound arguments and state of a form action ($ACTION_REF_n,
 * $ACTION_n:m, $ACTION_KEY). Ordinary form fields ("1_name") are plain text and not checked.
 */
export function isJsonField(name: string): boolean {
  return /^\d+$/.test(name) || /^\$ACTION_\d+:\d+$/.test(name);
}

export type Verdict = { ok: true } | { ok: false; status: 400 | 413; reason: string };

/** Decides whether an action request's body may be passed to Next. */
export async function screenActionBody(contentType: string, body: () => Promise<ArrayBuffer>): Promise<Verdict> {
  const bytes = await body();
  if (bytes.byteLength > MAX_ACTION_BODY_BYTES) return { ok: false, status: 413, reason: 'body too large' };
  const type = contentType.toLowerCase();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return { ok: false, status: 400, reason: 'not a form' };
    }
    const hasPart = (id: number) => form.has(String(id));
    for (const [name, value] of form.entries()) {
      // Chunk 0 is the argument list itself: Next applies the action to it, so it must be an array.
      if (typeof value === 'string' && isJsonField(name) && !isShallowJson(value, name === '0', hasPart)) {
        return { ok: false, status: 400, reason: `field ${name} is not valid JSON` };
      }
    }
    return { ok: true };
  }
  // The whole body is the argument list: a JSON array, with no other parts to refer to.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return isShallowJson(text, true) ? { ok: true } : { ok: false, status: 400, reason: 'not an argument list React can decode' };
}
