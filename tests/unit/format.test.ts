/** The shared number format (lib/format.ts) and the lessons' forms built on it. */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '@/lib/format';
import { formatInverse, formatPercent } from '@/lib/lessons/format';

describe('formatNumber', () => {
  it('rounds to 3 significant figures without trailing zeros', () => {
    expect(formatNumber(0.82634)).toBe('0.826');
    expect(formatNumber(12.449)).toBe('12.4');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(0)).toBe('0');
  });
  it('uses scientific notation with a real minus sign for extremes', () => {
    expect(formatNumber(3.0512e-12)).toBe('3.05 × 10⁻¹²');
    expect(formatNumber(2.5e9)).toBe('2.5 × 10⁹');
    expect(formatNumber(9999)).toBe('1 × 10⁴');
    expect(formatNumber(2830.4)).toBe('2830');
    expect(formatNumber(12345, 6)).toBe('1.2345 × 10⁴');
    expect(formatNumber(-0.25)).toBe('−0.25');
  });
  it('handles non-finite values', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});

describe('formatInverse and formatPercent', () => {
  it('reads small ratios as 1/N', () => {
    expect(formatInverse(1 / 64)).toBe('1/64');
    expect(formatInverse(1 / 77.3)).toBe('1/77');
    expect(formatInverse(1 / 4096)).toBe('1/4,100');
    expect(formatInverse(2)).toBe('2');
  });
  it('formats percentages', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
  });
});
