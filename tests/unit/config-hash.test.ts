/** The run key: equal for configs the engine treats alike, different for any real difference. */
import { describe, expect, it } from 'vitest';
import { canonicalConfig, canonicalConfigJson, configHash } from '@/lib/runs/config-hash';
import { DEFAULT_CONFIG, simConfigSchema, type SimConfig } from '@/lib/validation/sim-config';

const reordered = (c: SimConfig): SimConfig => Object.fromEntries(Object.entries(c).reverse()) as SimConfig;

describe('configHash', () => {
  it('is a sha256 hex digest of the sorted-key JSON', () => {
    expect(configHash(DEFAULT_CONFIG)).toMatch(/^[0-9a-f]{64}$/);
    const json = canonicalConfigJson(DEFAULT_CONFIG);
    const keys = Object.keys(JSON.parse(json));
    expect(keys).toEqual([...keys].sort());
    expect(JSON.parse(json)).toEqual(DEFAULT_CONFIG);
  });

  it('ignores key order, -0 and per-layer widths that all equal the width', () => {
    const h = configHash(DEFAULT_CONFIG);
    expect(configHash(reordered(DEFAULT_CONFIG))).toBe(h);
    expect(configHash({ ...DEFAULT_CONFIG, biasStd: -0 })).toBe(h);
    expect(configHash({ ...DEFAULT_CONFIG, widths: Array(DEFAULT_CONFIG.layers).fill(DEFAULT_CONFIG.width) })).toBe(h);
    expect(canonicalConfig({ ...DEFAULT_CONFIG, widths: Array(DEFAULT_CONFIG.layers).fill(DEFAULT_CONFIG.width) })).toEqual(DEFAULT_CONFIG);
  });

  it('changes with every field that changes the run', () => {
    const base = simConfigSchema.parse({ scheme: 'he-normal', activation: 'leaky-relu', layers: 4, width: 16 });
    const variants: Partial<SimConfig>[] = [
      { seed: 2 },
      { scheme: 'he-uniform' },
      { activation: 'relu' },
      { activationParam: 0.2 },
      { layers: 5, widths: undefined },
      { width: 17 },
      { widths: [16, 32, 16, 16] },
      { widths: [32, 16, 16, 16] },
      { inputStd: 2 },
      { samples: 65 },
      { gain: 1.5 },
      { gain: 'activation' },
      { fanMode: 'fan_out' },
      { biasStd: 0.1 },
      { residual: 'plain' },
      { normalization: 'layernorm' },
    ];
    const hashes = new Set([configHash(base), ...variants.map((v) => configHash({ ...base, ...v }))]);
    expect(hashes.size).toBe(variants.length + 1);
  });
});
