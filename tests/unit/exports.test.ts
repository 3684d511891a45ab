/** Issue #13 point 6: exports carry the settings; framework snippets print each layer's activation std. */
import { describe, expect, it } from 'vitest';
import { resultToCsv, CSV_COLUMNS } from '../../components/simulator/export';
import { kerasSnippet, pytorchSnippet } from '../../components/simulator/code-snippet';
import { simulate } from '../../lib/sim';
import { simConfigSchema } from '../../lib/validation/sim-config';
import { configFromSearchParams } from '../../lib/validation/sim-config-url';

const config = simConfigSchema.parse({ scheme: 'xavier-normal', activation: 'tanh', layers: 3, width: 16, samples: 8, inputStd: 0.5, seed: 7 });

describe('exports', () => {
  it('the CSV names the settings and the address that reruns them', () => {
    const r = simulate(config, { bandSeeds: 1 });
    const lines = resultToCsv(r, 'http://class.example:3000').split('\n');
    expect(lines[0]).toBe(`# InitLab engine ${r.engineVersion}: tanh · Xavier / Glorot normal · 3 layers · width 16 · input std 0.5 · 8 samples · seed 7`);
    const link = new URL(lines[1].slice(2));
    expect(link.origin).toBe('http://class.example:3000');
    expect(configFromSearchParams(link.searchParams).config).toEqual(config);
    expect(lines[2]).toBe(CSV_COLUMNS.join(','));
    expect(lines.filter((l) => l && !l.startsWith('#'))).toHaveLength(1 + 1 + config.layers);
  });
  it('the PyTorch and Keras snippets print each layer\u2019s activation std for the same inputs', () => {
    for (const c of [config, { ...config, residual: 'scaled' as const, normalization: 'batchnorm' as const }]) {
      const torch = pytorchSnippet(c);
      expect(torch).toContain('x = torch.randn(8, widths[0]) * 0.5');
      expect(torch).toMatch(/for layer, block in enumerate\(model, start=1\):\n\s+x = block\(x\)\n\s+print\(f"layer \{layer\}: activation std/);
      const keras = kerasSnippet(c);
      expect(keras).toContain('outputs.append(x)');
      expect(keras).toContain('keras.random.normal((8, widths[0]), stddev=0.5, seed=7)');
      expect(keras).toContain('probe(x, training=True)');
    }
  });
});
