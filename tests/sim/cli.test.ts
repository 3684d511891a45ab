import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../lib/sim';
import { simConfigSchema } from '../../lib/validation/sim-config';

const root = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/initlab.mjs'), ...args], { cwd: root, encoding: 'utf8' });

describe('initlab CLI (spawned)', () => {
  it('simulate --json prints the full result, equal to the engine run in-process', () => {
    const r = run('simulate', '--scheme', 'he-normal', '--activation', 'relu', '--layers', '4', '--width', '32', '--input-std', '1', '--samples', '16', '--seed', '3', '--band-seeds', '2', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const expected = simulate(simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 4, width: 32, samples: 16, seed: 3 }), { bandSeeds: 2 });
    expect(out).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(out.engineVersion).toBeTypeOf('string');
    expect(out.layers[0]).toHaveProperty('pre.std');
    expect(out.layers[0]).toHaveProperty('post.deadFraction');
    expect(out.layers[0]).toHaveProperty('theory.preStd');
    expect(out.layers[0]).toHaveProperty('histogram.pre.counts');
    expect(out.summary).toHaveProperty('signalState');
  });
  it('every config flag is accepted, and --no-histograms drops histograms', () => {
    const r = run('simulate', '--scheme', 'custom', '--custom-std', '0.1', '--activation', 'leaky-relu', '--activation-param', '0.2', '--layers', '3', '--width', '16', '--widths', '16,8,8', '--fan-mode', 'fan_out', '--gain', '1.5', '--bias-std', '0.1', '--residual', 'scaled', '--normalization', 'batchnorm', '--samples', '8', '--band-seeds', '1', '--path', 'materialized', '--json', '--no-histograms');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.config).toMatchObject({ customStd: 0.1, activationParam: 0.2, widths: [16, 8, 8], fanMode: 'fan_out', gain: 1.5, biasStd: 0.1, residual: 'scaled', normalization: 'batchnorm' });
    expect(out.path).toBe('materialized');
    expect(out.layers[0].histogram).toBeUndefined();
  });
  it('prints a readable table without --json', () => {
    const r = run('simulate', '--scheme', 'xavier-normal', '--activation', 'relu', '--layers', '12', '--width', '64', '--band-seeds', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/layer\s+width\s+pre mean/);
    expect(r.stdout).toMatch(/Signal state:\s+vanishing/);
  });
  it('fills unset core fields with the simulator defaults (He normal, ReLU, 12 x 256)', () => {
    const r = run('simulate', '--samples', '8', '--band-seeds', '1', '--json', '--no-histograms');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).config).toMatchObject({ scheme: 'he-normal', activation: 'relu', layers: 12, width: 256, samples: 8 });
  });
  it('--help lists the flags with ranges', () => {
    const r = run('simulate', '--help');
    expect(r.status).toBe(0);
    for (const f of ['--scheme', '--fan-mode', '--gain', '--custom-std', '--activation-param', '--widths', '--bias-std', '--residual', '--normalization', '--band-seeds', '--path', '--input-std', '--samples', '--seed']) expect(r.stdout).toContain(f);
    expect(r.stdout).toContain('1-200');
  });
  it('bad flags and values exit non-zero naming the flag and the allowed range', () => {
    let r = run('simulate', '--scheme', 'he-normal', '--activation', 'relu', '--layers', '500', '--width', '8');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--layers');
    expect(r.stderr).toContain('between 1 and 200');
    r = run('simulate', '--scheme', 'nope', '--activation', 'relu', '--layers', '2', '--width', '8');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--scheme');
    r = run('simulate', '--bogus', '1');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--bogus');
    r = run('simulate', '--scheme', 'he-normal', '--activation', 'relu', '--layers', '2', '--width', 'abc');
    expect(r.stderr).toContain('--width');
    r = run('simulate', '--scheme', 'he-normal', '--activation', 'relu', '--layers', '2', '--width', '8', '--band-seeds', '0');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--band-seeds');
  });
});

describe('initlab runs compiled (no TypeScript compilation per call)', () => {
  it('the bin runs the esbuild bundle, rebuilt when a source it came from is newer', async () => {
    const { existsSync, readFileSync, statSync, utimesSync } = await import('node:fs');
    const bundle = path.join(root, '.cache/cli/initlab-cli.mjs');
    const inputs = path.join(root, '.cache/cli/inputs.json');
    expect(run('simulate', '--help').status).toBe(0);
    expect(existsSync(bundle)).toBe(true);
    const files = JSON.parse(readFileSync(inputs, 'utf8')) as string[];
    expect(files).toContain(path.join(root, 'lib/cli/main.ts'));
    expect(files).toContain(path.join(root, 'lib/sim/network.ts'));
    // A bundle older than a source it came from (here: the bundle made older): the next call
    // rebuilds it before running.
    const sourceTime = statSync(path.join(root, 'lib/sim/version.ts')).mtimeMs;
    const earlier = new Date(sourceTime - 60_000);
    utimesSync(bundle, earlier, earlier);
    expect(run('simulate', '--help').status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(sourceTime);
    // The bundle is the CLI: same JSON as the engine in-process.
    const { runCli } = await import(bundle);
    let out = '';
    expect(runCli(['simulate', '--layers', '3', '--width', '16', '--samples', '8', '--band-seeds', '1', '--json', '--no-histograms'], { out: (t: string) => (out += t), err: () => {} })).toBe(0);
    const expected = simulate(simConfigSchema.parse({ scheme: 'he-normal', activation: 'relu', layers: 3, width: 16, samples: 8 }), { bandSeeds: 1 });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify({ ...expected, layers: expected.layers.map(({ histogram: _h, ...l }) => l) })));
  });
});
