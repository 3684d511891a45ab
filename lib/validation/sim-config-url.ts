/**
 * The simulator's config in a URL query string, so an address shares an exact run. Keys are the
 * config's field names; only fields that differ from the defaults are written, widths as a
 * comma list. Parsing goes through the same zod schema as every other entry point.
 */
import { decimalFromText, DEFAULT_CONFIG, INTEGER_FIELDS, integerFromText, LIMITS, parseSimConfig, type SimConfig, type SimConfigInput } from './sim-config';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const INTEGER = new Set<string>(INTEGER_FIELDS);
const DECIMAL = new Set(['customStd', 'activationParam', 'inputStd', 'biasStd']);
/** Longest widths list worth splitting: LIMITS.layers.max values of up to 4 digits, separators. */
const MAX_WIDTHS_TEXT = LIMITS.layers.max * 6;

/** Query string for a config (without the leading '?'); defaults are left out. */
export function configToSearchParams(config: SimConfigInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    const def = (DEFAULT_CONFIG as Record<string, unknown>)[key];
    if (Array.isArray(value)) params.set(key, value.join(','));
    else if (value !== def || key === 'scheme' || key === 'activation') params.set(key, String(value));
  }
  return params;
}

/** Link to the simulator pre-set with a config. */
export function simulatorHref(config: SimConfigInput): string {
  return `/simulator?${configToSearchParams(config).toString()}`;
}

export type UrlParseResult =
  | { ok: true; config: SimConfig; fromUrl: boolean }
  | { ok: false; config: SimConfig; errors: Record<string, string> };

/**
 * Reads a config from query parameters. Missing fields take the defaults; with no config keys at
 * all the default config is returned. A bad value yields the defaults plus the errors, so the page
 * can fall back and say why: numbers must be plain decimal (integerFromText / decimalFromText),
 * a field given twice is refused rather than guessed, and no value is used to size anything
 * before the shared schema has checked it.
 */
export function configFromSearchParams(input: Params): UrlParseResult {
  const values = (k: string): string[] => {
    if (input instanceof URLSearchParams) return input.getAll(k);
    const v = input[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const keys = Object.keys(DEFAULT_CONFIG).concat('widths');
  const raw: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  let any = false;
  for (const key of keys) {
    const all = values(key);
    if (all.length > 1) {
      any = true;
      errors[key] = `The address gives ${key} more than once`;
      continue;
    }
    const v = all[0];
    if (v === undefined || v === '') continue;
    any = true;
    if (key === 'widths') {
      if (v.length > MAX_WIDTHS_TEXT) errors.widths = `Per-layer widths can list at most ${LIMITS.layers.max} values`;
      else raw.widths = v.split(',').map((x) => integerFromText(x.trim()));
    } else if (INTEGER.has(key)) raw[key] = integerFromText(v);
    else if (DECIMAL.has(key)) raw[key] = decimalFromText(v);
    else if (key === 'gain') raw.gain = v === 'default' || v === 'activation' ? v : decimalFromText(v);
    else raw[key] = v;
  }
  if (!any) return { ok: true, config: DEFAULT_CONFIG, fromUrl: false };
  if (Object.keys(errors).length > 0) return { ok: false, config: DEFAULT_CONFIG, errors };
  const parsed = parseSimConfig({ scheme: DEFAULT_CONFIG.scheme, activation: DEFAULT_CONFIG.activation, layers: DEFAULT_CONFIG.layers, width: DEFAULT_CONFIG.width, ...raw });
  if (parsed.ok) return { ok: true, config: parsed.config, fromUrl: true };
  return { ok: false, config: DEFAULT_CONFIG, errors: parsed.errors as Record<string, string> };
}
