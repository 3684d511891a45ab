/**
 * The key of a stored run: a sha256 of the config's canonical JSON. Canonical means that two
 * configs the engine treats identically give the same text: keys sorted at every level, absent
 * fields left out, -0 written as 0, and per-layer widths that all equal `width` dropped (the
 * engine reads both forms as the same network). The config must already be normalized by the
 * zod schema (every defaulted field present), so "left out" and "default" never differ.
 */
import { createHash } from 'node:crypto';
import type { SimConfig } from '../validation/sim-config';

/** The normalized config with the redundant forms removed (what a Run stores). */
export function canonicalConfig(config: SimConfig): SimConfig {
  const { widths, ...rest } = config;
  if (widths && !widths.every((w) => w === config.width)) return { ...rest, widths: [...widths] };
  return rest;
}

function canonicalValue(value: unknown): unknown {
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalValue(v);
    }
    return out;
  }
  return value;
}

/** Deterministic JSON of a config: sorted keys, no undefined, no -0. */
export function canonicalConfigJson(config: SimConfig): string {
  return JSON.stringify(canonicalValue(canonicalConfig(config)));
}

/** sha256 (hex) of the canonical JSON. */
export function configHash(config: SimConfig): string {
  return createHash('sha256').update(canonicalConfigJson(config)).digest('hex');
}
