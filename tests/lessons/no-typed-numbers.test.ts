/**
 * Fails when a lesson contains a number typed by hand instead of computed by the engine (or by
 * the maths in lib/lessons/constants.ts). See typed-number-scan.ts for exactly what is flagged.
 * Recipe modules (configs.ts, facts.ts, worked-examples.ts, measures.ts, constants.ts) are not
 * scanned: they hold inputs and claim thresholds, never text shown as a result.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { scanSource, ALLOWED_TEXT_NUMBERS } from './typed-number-scan';

const root = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const SCANNED = [
  ...walk(path.join(root, 'components/lessons')),
  ...walk(path.join(root, 'app/(public)/lessons')),
  path.join(root, 'lib/lessons/registry.ts'),
  path.join(root, 'lib/lessons/checks.ts'),
  path.join(root, 'lib/lessons/exercise-templates.ts'),
  path.join(root, 'lib/lessons/describe-config.ts'),
];

describe('lesson sources contain no hand-typed result numbers', () => {
  it('scans a non-trivial set of files', () => {
    expect(SCANNED.length).toBeGreaterThan(15);
  });

  for (const file of SCANNED) {
    it(path.relative(root, file), () => {
      const findings = scanSource(file, readFileSync(file, 'utf8'));
      expect(findings, findings.map((f) => `${f.file}:${f.line} ${f.reason}: "${f.text}"`).join('\n')).toEqual([]);
    });
  }

  it('every allowlist entry says why it is allowed', () => {
    for (const [token, reason] of Object.entries(ALLOWED_TEXT_NUMBERS)) expect(reason.length, token).toBeGreaterThan(20);
  });
});

describe('the scanner catches what it must', () => {
  const planted = `
    import { Fact } from './fact';
    const cfg = { layers: 12, gain: 0.9 };
    export const a = (
      <p>
        Xavier gives a final std of 0.85 and He about 60 times more, roughly 1/60.
        <M t="\\sqrt{1/2 - 1/(2\\pi)} \\approx 0.58" /> {0.85}
        <M t={\`\\approx \${formatNumber(x)}\`} /> with N(0, 0.01²) weights, 12 layers, Var(W) = 2/n, gain 5/3.
      </p>
    );`;
  const found = scanSource('planted.tsx', planted).map((f) => f.text);

  it('flags typed decimals, approximations and rendered literals', () => {
    expect(found).toContain('0.85');
    expect(found.some((t) => /about 6/.test(t))).toBe(true);
    expect(found.some((t) => /roughly 1/.test(t))).toBe(true);
    expect(found).toContain('0.58');
    expect(found.filter((t) => t === '0.85')).toHaveLength(2);
  });

  it('lets inputs, computed substitutions, integers and allowlisted definitions through', () => {
    expect(found).not.toContain('0.9');
    expect(found).not.toContain('0.01');
    expect(found).toHaveLength(6);
  });
});
