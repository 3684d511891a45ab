/**
 * The shipped datasets: the packed digits module is exactly the committed CSV (the one in
 * scikit-learn 1.9.1's wheel), the splits partition the data, features are standardized on the
 * training split, and the spirals are the same points on every call.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { digitsModuleSource } from '../../lib/train/data/build-digits.mjs';
import { loadDataset, SPIRALS_PER_CLASS, TEST_FRACTION } from '../../lib/train/datasets';

const csvGz = readFileSync(new URL('../../lib/train/data/digits.csv.gz', import.meta.url));

describe('datasets', () => {
  it('the packed digits module is what build-digits.mjs makes of the committed CSV', () => {
    const checkedIn = readFileSync(new URL('../../lib/train/data/digits-packed.ts', import.meta.url), 'utf8');
    expect(checkedIn).toBe(digitsModuleSource(csvGz));
  });

  it('digits: 1,797 images of 64 pixels, ten classes, held-out split, every image once', () => {
    const rows = gunzipSync(csvGz).toString('utf8').trim().split('\n');
    const ds = loadDataset('digits');
    expect(ds.train.n + ds.test.n).toBe(rows.length);
    expect(ds.test.n).toBe(Math.round(rows.length * TEST_FRACTION));
    const counts = new Array(10).fill(0);
    for (const r of rows) counts[Number(r.split(',')[64])]++;
    const seen = new Array(10).fill(0);
    for (const s of [ds.train, ds.test]) for (let i = 0; i < s.n; i++) seen[s.y[i]]++;
    expect(seen).toEqual(counts);
  });

  it('features are standardized with the training split (mean 0, std 1 unless constant)', () => {
    for (const name of ['digits', 'spirals'] as const) {
      const ds = loadDataset(name);
      const d = ds.inputs;
      for (let p = 0; p < d; p++) {
        let s = 0, q = 0;
        for (let i = 0; i < ds.train.n; i++) {
          s += ds.train.x[i * d + p];
          q += ds.train.x[i * d + p] ** 2;
        }
        const mean = s / ds.train.n;
        const std = Math.sqrt(q / ds.train.n - mean * mean);
        expect(Math.abs(mean)).toBeLessThan(1e-12);
        if (std > 0) expect(std).toBeCloseTo(1, 10);
      }
    }
  });

  it('spirals: two balanced classes, deterministic', () => {
    const a = loadDataset('spirals');
    expect(a.train.n + a.test.n).toBe(2 * SPIRALS_PER_CLASS);
    let ones = 0;
    for (const s of [a.train, a.test]) for (let i = 0; i < s.n; i++) ones += s.y[i];
    expect(ones).toBe(SPIRALS_PER_CLASS);
    // Both classes spread over all four quadrants (a spiral, not two blobs).
    for (const k of [0, 1]) {
      const quadrants = new Set<string>();
      for (let i = 0; i < a.train.n; i++) if (a.train.y[i] === k) quadrants.add(`${a.train.x[2 * i] > 0}${a.train.x[2 * i + 1] > 0}`);
      expect(quadrants.size).toBe(4);
    }
  });
});
