/**
 * The SVG charts' geometry (components/charts/svg-frame.tsx): scales, ticks, and paths that break
 * at missing values instead of drawing through them.
 */
import { describe, expect, it } from 'vitest';
import { bandPath, integerTicks, linePath, linearScale, logScale } from '../../components/charts/svg-frame';

describe('scales', () => {
  it('maps a linear domain onto pixels, inverts, and clamps outside values', () => {
    const s = linearScale([0, 10], 100, 300);
    expect(s(0)).toBe(100);
    expect(s(5)).toBe(200);
    expect(s(10)).toBe(300);
    expect(s(20)).toBe(300);
    expect(s.invert(250)).toBeCloseTo(7.5, 12);
  });

  it('spaces decades evenly on a log scale, with y growing downwards', () => {
    const s = logScale([1e-3, 1e3], 400, 100);
    expect(s(1e-3)).toBeCloseTo(400, 9);
    expect(s(1)).toBeCloseTo(250, 9);
    expect(s(1e3)).toBeCloseTo(100, 9);
    expect(s(10) - s(100)).toBeCloseTo(s(1e-2) - s(1e-1), 9);
    expect(s.invert(250)).toBeCloseTo(1, 9);
    // Beyond the domain: pinned to its edge (a band's floor), never off the chart.
    expect(s(1e-9)).toBeCloseTo(400, 9);
  });
});

describe('integerTicks', () => {
  it('takes every layer when there is room', () => {
    expect(integerTicks(0, 12, 800)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('steps by 1-2-5 multiples so that no more ticks than fit are drawn', () => {
    const t = integerTicks(0, 200, 480);
    expect(t.length).toBeLessThanOrEqual(10);
    const step = t[1] - t[0];
    expect([20, 25, 50]).toContain(step);
    expect(t[0]).toBe(0);
    expect(t[t.length - 1]).toBeLessThanOrEqual(200);
    expect(integerTicks(1, 7, 200)).toEqual([2, 4, 6]);
  });
});

describe('paths', () => {
  it('starts a new segment after a missing point', () => {
    expect(linePath([[0, 0], [1, 1], null, [3, 3], [4, 2]])).toBe('M0.0,0.0L1.0,1.0M3.0,3.0L4.0,2.0');
    expect(linePath([null, null])).toBe('');
  });

  it('closes one shape per run of band points, upper edge forwards and lower edge back', () => {
    const d = bandPath([{ x: 0, lo: 10, hi: 5 }, { x: 1, lo: 12, hi: 4 }, null, { x: 3, lo: 9, hi: 8 }]);
    expect(d).toBe('M0.0,5.0L1.0,4.0L1.0,12.0L0.0,10.0ZM3.0,8.0L3.0,9.0Z');
  });
});
