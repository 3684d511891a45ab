/**
 * Recomputes every engine fact the lessons quote and checks the claim its sentence makes. If the
 * engine changes so that a lesson's statement ("He keeps the signal level", "the gradient at
 * layer 1 has vanished") is no longer true, this test names the fact and the claim.
 * Also checks that every fact is used by some lesson and every <Fact id> exists.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FACTS, computeLessonFacts } from '@/lib/lessons/facts';
import { formatNumber } from '@/lib/format';

const root = path.resolve(import.meta.dirname, '../..');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}
const sources = [...walk(path.join(root, 'components/lessons')), ...walk(path.join(root, 'app/(public)/lessons'))]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('lesson facts', () => {
  const facts = computeLessonFacts();

  for (const f of facts) {
    it(`${f.id} = ${f.text}: ${f.claim ?? 'finite'}`, () => {
      expect(Number.isFinite(f.value), `${f.what} is not finite`).toBe(true);
      expect(f.claimHolds, `${f.what} = ${formatNumber(f.value)}, but the lesson says: ${f.claim}`).toBe(true);
    });
  }

  it('every fact is quoted somewhere, and every quoted fact exists', () => {
    const used = new Set([...sources.matchAll(/<Fact id="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set(Object.keys(FACTS));
    expect([...defined].filter((id) => !used.has(id)), 'facts defined but never shown').toEqual([]);
    expect([...used].filter((id) => !defined.has(id)), 'facts shown but not defined').toEqual([]);
  });
});
