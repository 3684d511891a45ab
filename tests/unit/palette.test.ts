/** Issue #13 point 5: pin colours never collide with the mean-field line or the current run. */
import { describe, expect, it } from 'vitest';
import { chartPalette } from '../../components/charts/palette';

/** CIE L*a*b* of an sRGB hex colour (D65). */
function lab(hex: string): [number, number, number] {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = c;
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
  const [fx, fy, fz] = xyz.map(f);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe('chart palette', () => {
  for (const dark of [false, true]) {
    it(`${dark ? 'dark' : 'light'}: every pin is far from the theory line, the current run and the other pins`, () => {
      const p = chartPalette(dark);
      for (const [k, pin] of p.pins.entries()) {
        expect(deltaE(pin, p.theory), `pin ${k + 1} vs theory`).toBeGreaterThan(30);
        expect(deltaE(pin, p.current), `pin ${k + 1} vs current`).toBeGreaterThan(30);
        expect(deltaE(pin, p.background), `pin ${k + 1} vs background`).toBeGreaterThan(30);
        for (const other of p.pins.slice(k + 1)) expect(deltaE(pin, other)).toBeGreaterThan(25);
      }
    });
  }
});
