/**
 * Pinned runs: named after the settings that define them (human names, as the controls show
 * them), kept in the page address so a reload or a shared link keeps them, and never twice the
 * same run. A pin's address is its config's own query string, nested in one `pin` parameter per
 * pin, so the config codec (lib/validation/sim-config-url.ts) stays the only parser of configs.
 */
import { describeConfig } from '@/lib/lessons/describe-config';
import type { SimResult } from '@/lib/sim/types';
import type { SimConfig } from '@/lib/validation/sim-config';
import { configFromSearchParams, configToSearchParams } from '@/lib/validation/sim-config-url';

export const MAX_PINS = 4;
export const PIN_PARAM = 'pin';

export interface Pin {
  /** The config's query string: the pin's identity (two pins never share one). */
  key: string;
  config: SimConfig;
  /** null while it is being recomputed (after a reload). */
  result: SimResult | null;
}

export const pinKey = (config: SimConfig) => configToSearchParams(config).toString();

/** "ReLU · He / Kaiming normal · 30 layers · width 256": what defines the pinned run. */
export function pinLabel(config: SimConfig): string {
  return describeConfig(config);
}

/** Adds a pin unless the same run is pinned already or the list is full. */
export function addPin(pins: Pin[], config: SimConfig, result: SimResult | null): Pin[] {
  const key = pinKey(config);
  if (pins.length >= MAX_PINS || pins.some((p) => p.key === key)) return pins;
  return [...pins, { key, config, result }];
}

/** The page's query string: the config's own parameters, then one `pin` per pinned run. */
export function pageSearch(config: SimConfig, pins: readonly Pick<Pin, 'key'>[]): string {
  const params = configToSearchParams(config);
  for (const p of pins) params.append(PIN_PARAM, p.key);
  return params.toString();
}

/** Pins from an address: valid, distinct, at most MAX_PINS; anything else is dropped. */
export function pinsFromSearch(search: URLSearchParams): Pin[] {
  let pins: Pin[] = [];
  for (const value of search.getAll(PIN_PARAM).slice(0, MAX_PINS * 2)) {
    const parsed = configFromSearchParams(new URLSearchParams(value));
    if (parsed.ok && parsed.fromUrl) pins = addPin(pins, parsed.config, null);
  }
  return pins;
}
