/** The training page's URL: round trip, simulator links carry their network, bad values fall back with messages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, simConfigSchema } from '../../lib/validation/sim-config';
import { DEFAULT_TRAIN_SCHEMES, DEFAULT_TRAIN_SPEC, trainSpecSchema } from '../../lib/validation/train-config';
import { trainHref, trainSpecFromSearchParams, trainSpecToSearchParams } from '../../lib/validation/train-config-url';

describe('train spec URL', () => {
  it('no parameters give the default comparison', () => {
    const r = trainSpecFromSearchParams(new URLSearchParams());
    expect(r).toEqual({ ok: true, spec: DEFAULT_TRAIN_SPEC });
  });

  it('round-trips a spec', () => {
    const spec = trainSpecSchema.parse({
      network: { scheme: 'orthogonal', activation: 'tanh', layers: 7, width: 48, widths: [48, 32, 48, 48, 48, 48, 16], gain: 'activation', residual: 'scaled', normalization: 'layernorm', biasStd: 0.1, seed: 9 },
      dataset: 'digits',
      optimizer: 'adam',
      learningRate: 0.003,
      steps: 120,
      batchSize: 32,
      schemes: ['orthogonal', 'zero'],
    });
    const back = trainSpecFromSearchParams(trainSpecToSearchParams(spec));
    expect(back).toEqual({ ok: true, spec });
  });

  it("the simulator's link carries its network (even its defaults) and puts its scheme first", () => {
    const sim = simConfigSchema.parse({ ...DEFAULT_CONFIG, scheme: 'xavier-normal', activation: 'tanh', seed: 5 });
    const href = trainHref(sim);
    expect(href.startsWith('/train?')).toBe(true);
    const r = trainSpecFromSearchParams(new URL(href, 'http://x').searchParams);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.network.layers).toBe(DEFAULT_CONFIG.layers);
    expect(r.spec.network.width).toBe(DEFAULT_CONFIG.width);
    expect(r.spec.network.activation).toBe('tanh');
    expect(r.spec.network.seed).toBe(5);
    expect(r.spec.schemes[0]).toBe('xavier-normal');
    expect(r.spec.schemes).toEqual(['xavier-normal', ...DEFAULT_TRAIN_SCHEMES.filter((s) => s !== 'xavier-normal')].slice(0, 4));
  });

  it('a bad value falls back to the defaults and names the field', () => {
    const r = trainSpecFromSearchParams(new URLSearchParams('layers=20&width=64&lr=0.7'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.spec).toEqual(DEFAULT_TRAIN_SPEC);
    expect(r.errors.learningRate).toMatch(/one of/);
  });
});
