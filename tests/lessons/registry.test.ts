/**
 * The lesson catalogue and the content agree: same slugs, unique section ids, a check-yourself
 * question per lesson, and every TeX string in the content renders with KaTeX.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import katex from 'katex';
import { LESSONS } from '@/lib/lessons/registry';
import { CHECKS } from '@/lib/lessons/checks';
import { LESSON_CONTENT } from '@/components/lessons/content';
import { simConfigSchema } from '@/lib/validation/sim-config';

describe('lesson registry', () => {
  it('lists every content module, in a consistent order, with goals', () => {
    expect(LESSONS.map((l) => l.slug).sort()).toEqual(Object.keys(LESSON_CONTENT).sort());
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    for (const l of LESSONS) {
      expect(l.goals.length, l.slug).toBeGreaterThan(0);
      expect(l.description.length, l.slug).toBeLessThan(220);
      expect(l.slug).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('gives each lesson unique section ids and a check-yourself question', () => {
    for (const l of LESSONS) {
      const ids = LESSON_CONTENT[l.slug].map((s) => s.id);
      expect(new Set(ids).size, l.slug).toBe(ids.length);
      expect(CHECKS[l.slug], l.slug).toBeDefined();
      for (const c of CHECKS[l.slug].configs) expect(simConfigSchema.safeParse(c).success).toBe(true);
    }
  });

  it('has TeX that KaTeX renders in strict mode', () => {
    const dir = path.resolve(import.meta.dirname, '../../components/lessons/content');
    const tex = readdirSync(dir)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/ t="([^"]*)"/g)].map((m) => m[1]));
    expect(tex.length).toBeGreaterThan(50);
    for (const t of tex) expect(() => katex.renderToString(t, { throwOnError: true, strict: 'error' }), t).not.toThrow();
  });
});
