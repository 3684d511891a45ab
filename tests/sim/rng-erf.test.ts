import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf } from '../../lib/sim/erf';
import { createRng, Rng } from '../../lib/sim/rng';

describe('rng', () => {
  it('advance(n) leaves the stream where n draws do, for short and long jumps', () => {
    for (const n of [0, 1, 127, 128, 129, 4096, 100003, 1 << 20]) {
      const jumped = createRng(9, n & 7);
      const stepped = createRng(9, n & 7);
      jumped.advance(n);
      for (let i = 0; i < n; i++) stepped.nextInt32();
      for (let i = 0; i < 8; i++) expect(jumped.nextInt32()).toBe(stepped.nextInt32());
    }
  });

  it('is deterministic per seed and stream, and streams differ', () => {
    const a = new Float64Array(1000);
    const b = new Float64Array(1000);
    createRng(7, 2, 3).fillNormal(a, 1);
    createRng(7, 2, 3).fillNormal(b, 1);
    expect(Array.from(a)).toEqual(Array.from(b));
    createRng(7, 2, 4).fillNormal(b, 1);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('fillNormal gives the same stream as repeated normal()', () => {
    const a = new Float64Array(5000);
    createRng(3).fillNormal(a, 2);
    const r = createRng(3);
    for (let i = 0; i < a.length; i++) expect(a[i]).toBe(r.normal() * 2);
  });

  it('fillUniformSigned and fillTruncatedNormal give the values and stream of the per-draw loops', () => {
    for (const seed of [1, 2, 99]) {
      const n = 20_000;
      const u = new Float64Array(n + 3);
      const ru = createRng(seed, 2, 1);
      ru.fillUniformSigned(u, 0.37, 3, n);
      const r1 = createRng(seed, 2, 1);
      for (let i = 3; i < n + 3; i++) expect(Object.is(u[i], 0.37 * r1.uniformSigned())).toBe(true);
      // The generator is left where the loop leaves it.
      expect(ru.nextInt32()).toBe(r1.nextInt32());

      const t = new Float64Array(n);
      const rt = createRng(seed, 2, 2);
      rt.fillTruncatedNormal(t, 0.05, 2);
      const r2 = createRng(seed, 2, 2);
      let rejected = 0;
      for (let i = 0; i < n; i++) {
        let x = r2.normal();
        while (x > 2 || x < -2) (x = r2.normal()), rejected++;
        expect(Object.is(t[i], x * 0.05)).toBe(true);
      }
      expect(rt.nextInt32()).toBe(r2.nextInt32());
      // About 4.55 % of standard normals lie outside [-2, 2]; some come from the ziggurat's
      // slow path (|x| > 3.65 is only there), so both paths of the fill are compared.
      expect(rejected / n).toBeGreaterThan(0.035);
      expect(rejected / n).toBeLessThan(0.056);
    }
  });

  it('uniforms have mean 1/2 and variance 1/12', () => {
    const r = new Rng(11);
    const n = 400_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      s += u;
      s2 += u * u;
    }
    const m = s / n;
    expect(Math.abs(m - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - m * m - 1 / 12)).toBeLessThan(0.002);
  });

  it('normals match N(0,1): moments and tail probabilities', () => {
    const n = 2_000_000;
    const x = new Float64Array(n);
    createRng(5).fillNormal(x, 1);
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    let beyond1 = 0;
    let beyond3 = 0;
    for (const v of x) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
      if (Math.abs(v) > 1) beyond1++;
      if (Math.abs(v) > 3) beyond3++;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    const p1 = erfc(1 / Math.SQRT2);
    const p3 = erfc(3 / Math.SQRT2);
    expect(Math.abs(beyond1 / n - p1)).toBeLessThan(5 * Math.sqrt((p1 * (1 - p1)) / n));
    expect(Math.abs(beyond3 / n - p3)).toBeLessThan(5 * Math.sqrt((p3 * (1 - p3)) / n));
  });
});

describe('erf', () => {
  // Reference values from Abramowitz & Stegun / high-precision tables.
  const table: [number, number][] = [
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [1.5, 0.9661051464753108],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
  ];
  it.each(table)('erf(%d) to 1e-15', (x, v) => {
    expect(Math.abs(erf(x) - v)).toBeLessThan(1e-15);
    expect(Math.abs(erf(-x) + v)).toBeLessThan(1e-15);
  });
  it('erfc keeps relative accuracy in the tail', () => {
    expect(Math.abs(erfc(5) / 1.5374597944280349e-12 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(erfc(10) / 2.088487583762545e-45 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(normalCdf(-8) / 6.22096057427178e-16 - 1)).toBeLessThan(1e-12);
  });
});
