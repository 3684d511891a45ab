/**
 * Sizes and numbers are checked before anything is built from them, by the one parser that serves
 * the command line, URLs, the form and server actions (lib/validation/sim-config.ts).
 * Before: `--layers 1e9` ran out of memory, 4294967296 and 1e300 threw a RangeError from
 * Array.from (estimateWork ran in the refinement although the layer count had failed), 0x10 read
 * as 16, and a repeated URL parameter silently took the first value.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { decimalFromText, DEFAULT_CONFIG, integerFromText, parseSimConfig } from '../../lib/validation/sim-config';
import { configFromSearchParams } from '../../lib/validation/sim-config-url';
import { draftFromConfig, draftToInput } from '../../components/simulator/config-draft';

function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const HUGE = ['1e9', '4294967296', '1e300', '1e308', '1e8', '9007199254740993', '-5', 'NaN', 'Infinity', '0x10', '0b11', ' 12 ', '1_0', ''];

describe('sizes are refused before any work', () => {
  it('the schema refuses huge, non-finite and negative sizes without building per-layer arrays', () => {
    for (const layers of [1e9, 2 ** 32, 1e300, 1e308, 1e8, 2 ** 53 + 1, Number.NaN, Infinity, -Infinity, -3]) {
      const t = performance.now();
      const r = parseSimConfig({ scheme: 'he-normal', activation: 'relu', layers, width: 256 });
      expect(performance.now() - t).toBeLessThan(200);
      expect(r).toEqual({ ok: false, errors: { layers: 'Layers must be a whole number between 1 and 200' } });
    }
    for (const width of [1e9, 1e300, -1]) {
      const r = parseSimConfig({ scheme: 'he-normal', activation: 'relu', layers: 200, width, widths: [3] });
      expect(r.ok).toBe(false);
    }
    const long = parseSimConfig({ scheme: 'he-normal', activation: 'relu', layers: 3, width: 8, widths: new Array(5000).fill(8) });
    expect(long.ok).toBe(false);
  });

  it('text numbers are plain decimal', () => {
    expect(integerFromText('12')).toBe(12);
    expect(integerFromText('-3')).toBe(-3);
    for (const t of ['0x10', '0b11', '0o7', ' 12 ', '12 ', '1e3', '1.0', '1_000', 'Infinity', 'NaN', '', '+']) expect(integerFromText(t)).toBeNaN();
    expect(decimalFromText('0.05')).toBe(0.05);
    expect(decimalFromText('1e-3')).toBe(0.001);
    expect(decimalFromText('.5')).toBe(0.5);
    for (const t of ['0x10', ' 1 ', 'Infinity', '-Infinity', 'NaN', '', '1e', 'e5', '1.2.3']) expect(decimalFromText(t)).toBeNaN();
  });

  it('the CLI refuses each bad size with the flag and its range, and exits 2', () => {
    for (const v of HUGE) {
      const t = performance.now();
      const r = cli('simulate', '--layers', v);
      expect(performance.now() - t).toBeLessThan(500);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--layers');
      expect(r.err).toContain('between 1 and 200');
      expect(r.out).toBe('');
    }
    const w = cli('simulate', '--width', '0x10');
    expect(w.err).toContain('--width must be a whole number between 1 and 2048');
    const s = cli('simulate', '--input-std', 'Infinity');
    expect(s.err).toContain('--input-std must be a number between');
    const list = cli('simulate', '--layers', '3', '--widths', Array(2000).fill('8').join(','));
    expect(list.code).toBe(2);
    expect(list.err).toContain('--widths');
  });

  it('a URL with an out-of-range, malformed or repeated value gets the defaults and a notice', () => {
    for (const v of HUGE.filter((x) => x !== '')) {
      for (const key of ['layers', 'width', 'samples', 'seed']) {
        const r = configFromSearchParams(new URLSearchParams({ [key]: v }));
        expect(r.ok, `${key}=${v}`).toBe(false);
        expect(r.config).toEqual(DEFAULT_CONFIG);
      }
    }
    for (const v of ['1e308', 'NaN', 'Infinity', '-1', '0x1']) {
      for (const key of ['inputStd', 'customStd', 'biasStd', 'activationParam', 'gain']) {
        const r = configFromSearchParams({ [key]: v });
        expect(r.ok, `${key}=${v}`).toBe(false);
        expect(r.config).toEqual(DEFAULT_CONFIG);
      }
    }
    const repeated = configFromSearchParams(new URLSearchParams('layers=12&layers=1e9'));
    expect(repeated).toMatchObject({ ok: false, config: DEFAULT_CONFIG });
    expect(configFromSearchParams({ layers: ['12', '12'] }).ok).toBe(false);
    const widths = configFromSearchParams({ layers: '3', widths: Array(100000).fill('8').join(',') });
    expect(widths).toMatchObject({ ok: false, config: DEFAULT_CONFIG });
    // Ordinary addresses still parse.
    expect(configFromSearchParams({ layers: '30', width: '128', inputStd: '0.5', gain: '1.5' })).toMatchObject({ ok: true, config: { layers: 30, width: 128, inputStd: 0.5, gain: 1.5 } });
  });

  it('the form reads the same way (spaces around a value are forgiven there)', () => {
    const d = draftFromConfig(DEFAULT_CONFIG);
    expect(parseSimConfig(draftToInput({ ...d, layers: ' 30 ' }))).toMatchObject({ ok: true, config: { layers: 30 } });
    for (const layers of ['0x10', '1e9', 'Infinity', '2.5']) expect(parseSimConfig(draftToInput({ ...d, layers })).ok).toBe(false);
  });
});

describe('normalization groups too small to mean anything are refused with a reason', () => {
  // Before: LayerNorm at width 1 simulated 0 against a theory of 1; BatchNorm with 2 samples gave
  // (+1, -1) pairs and a gradient of ~1e5 against a theory of 0.
  it('LayerNorm needs layers of 4 units, BatchNorm 4 samples', () => {
    const base = { scheme: 'he-normal', activation: 'relu', layers: 3 };
    const ln = parseSimConfig({ ...base, width: 1, normalization: 'layernorm' });
    expect(ln).toMatchObject({ ok: false, errors: { width: expect.stringContaining('LayerNorm needs layers of at least 4 units') } });
    const lnWidths = parseSimConfig({ ...base, width: 64, widths: [64, 2, 64], normalization: 'layernorm' });
    expect(lnWidths).toMatchObject({ ok: false, errors: { widths: expect.stringContaining('LayerNorm') } });
    const bn = parseSimConfig({ ...base, width: 64, samples: 2, normalization: 'batchnorm' });
    expect(bn).toMatchObject({ ok: false, errors: { samples: expect.stringContaining('BatchNorm needs at least 4 samples') } });
    expect(parseSimConfig({ ...base, width: 4, samples: 4, normalization: 'layernorm' }).ok).toBe(true);
    expect(parseSimConfig({ ...base, width: 1, samples: 2 }).ok).toBe(true); // no normalization: fine
    const cliErr = cli('simulate', '--normalization', 'batchnorm', '--samples', '3');
    expect(cliErr.code).toBe(2);
    expect(cliErr.err).toContain('--samples');
  });
});
