/** Issue #13 point 5: pins are named by their settings, survive the address, and never repeat. */
import { describe, expect, it } from 'vitest';
import { addPin, MAX_PINS, pageSearch, pinLabel, pinsFromSearch } from '../../components/simulator/pins';
import { DEFAULT_CONFIG, simConfigSchema } from '../../lib/validation/sim-config';
import { configFromSearchParams } from '../../lib/validation/sim-config-url';

const xavier = simConfigSchema.parse({ ...DEFAULT_CONFIG, scheme: 'xavier-normal', activation: 'tanh', layers: 30 });

describe('pins', () => {
  it('are named after their settings in words, not field ids', () => {
    const label = pinLabel(xavier);
    expect(label).toContain('Xavier / Glorot normal');
    expect(label).toContain('tanh');
    expect(label).toContain('30 layers');
    expect(label).not.toMatch(/scheme:|xavier-normal|activation:/);
  });
  it('are never added twice, and at most MAX_PINS', () => {
    let pins = addPin([], DEFAULT_CONFIG, null);
    pins = addPin(pins, DEFAULT_CONFIG, null);
    expect(pins).toHaveLength(1);
    for (let l = 2; l < 10; l++) pins = addPin(pins, { ...DEFAULT_CONFIG, layers: l }, null);
    expect(pins).toHaveLength(MAX_PINS);
  });
  it('round-trip through the address beside the config, which still parses alone', () => {
    const pins = addPin(addPin([], DEFAULT_CONFIG, null), xavier, null);
    const search = new URLSearchParams(pageSearch({ ...DEFAULT_CONFIG, layers: 7 }, pins));
    expect(configFromSearchParams(search).config.layers).toBe(7);
    expect(pinsFromSearch(search).map((p) => p.config)).toEqual([DEFAULT_CONFIG, xavier]);
  });
  it('drop bad, duplicate and surplus pins from a hand-made address', () => {
    const search = new URLSearchParams();
    search.append('pin', 'layers=0');
    search.append('pin', 'scheme=he-normal&activation=relu');
    search.append('pin', 'activation=relu&scheme=he-normal');
    for (let l = 2; l < 12; l++) search.append('pin', `layers=${l}`);
    const pins = pinsFromSearch(search);
    expect(pins.length).toBe(MAX_PINS);
    expect(new Set(pins.map((p) => p.key)).size).toBe(MAX_PINS);
    expect(pins.every((p) => p.config.layers >= 1)).toBe(true);
  });
});
