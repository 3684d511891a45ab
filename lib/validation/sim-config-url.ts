/**
 * The simulator's config in a URL query string, so an address shares an exact run. Keys are the
 * config's field names; only fields that differ from the defaults are written, widths as a
 * comma list. Parsing goes through the same zod schema as every other entry point.
 */
import { DEFAULT_CONFIG, parseSimConfig, type SimConfig, type SimConfigInput } from './sim-config';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const NUMERIC = new Set(['customStd', 'activationParam', 'layers', 'width', 'inputStd', 'samples', 'seed', 'biasStd']);

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
 * can fall back and say why.
 */
export function configFromSearchParams(input: Params): UrlParseResult {
  const get = (k: string): string | undefined => {
    if (input instanceof URLSearchParams) return input.get(k) ?? undefined;
    const v = input[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const keys = Object.keys(DEFAULT_CONFIG).concat('widths');
  const raw: Record<string, unknown> = {};
  let any = false;
  for (const key of keys) {
    const v = get(key);
    if (v === undefined || v === '') continue;
    any = true;
    if (key === 'widths') raw.widths = v.split(',').map((x) => Number(x.trim()));
    else if (NUMERIC.has(key)) raw[key] = Number(v);
    else if (key === 'gain') raw.gain = v === 'default' || v === 'activation' ? v : Number(v);
    else raw[key] = v;
  }
  if (!any) return { ok: true, config: DEFAULT_CONFIG, fromUrl: false };
  const parsed = parseSimConfig({ scheme: DEFAULT_CONFIG.scheme, activation: DEFAULT_CONFIG.activation, layers: DEFAULT_CONFIG.layers, width: DEFAULT_CONFIG.width, ...raw });
  if (parsed.ok) return { ok: true, config: parsed.config, fromUrl: true };
  return { ok: false, config: DEFAULT_CONFIG, errors: parsed.errors as Record<string, string> };
}
