/** Issue #13 point 8: every lesson has a key figure whose variants are valid, distinct configs. */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lib/lessons/registry';
import { KEY_FIGURES } from '../../lib/lessons/key-figures';
import { normalizeLessonConfig } from '../../lib/lessons/run';

describe('key figures', () => {
  it.each(LESSONS.map((l) => l.slug))('%s has a live key figure', (slug) => {
    const f = KEY_FIGURES[slug];
    expect(f).toBeTruthy();
    expect(f.variants.length).toBeGreaterThanOrEqual(2);
    const configs = f.variants.map((v) => JSON.stringify(normalizeLessonConfig({ ...v.config, layers: f.layers } as Parameters<typeof normalizeLessonConfig>[0])));
    expect(new Set(configs).size).toBe(configs.length);
  });
});
