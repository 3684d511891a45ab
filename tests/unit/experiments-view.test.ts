/** The pure parts of experiments: tags, list queries, compare refs, differing fields, curves. */
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/sim';
import { toStoredResult } from '@/lib/runs/stored-result';
import { parseSimConfig, type SimConfig } from '@/lib/validation/sim-config';
import { compareRefsFromParams, compareRefsSchema, listQuerySchema, shareTokenSchema, tagsSchema } from '@/lib/validation/experiment';
import { differingFields, showField } from '@/components/simulator/config-diff';
import { curveOf, runView } from '@/lib/experiments/run-view';
import { curveGeometry } from '@/components/experiments/curve-path';
import { compareRows, seriesNames } from '@/components/experiments/compare-view';

const cfg = (over: Record<string, unknown>): SimConfig => {
  const p = parseSimConfig({ scheme: 'he-normal', activation: 'relu', layers: 4, width: 16, samples: 8, ...over });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.config;
};

describe('tags', () => {
  it('splits, trims, lower-cases and de-duplicates', () => {
    expect(tagsSchema.parse(' ReLU, deep;  Very   Deep ,relu\nbaseline')).toEqual(['relu', 'deep', 'very deep', 'baseline']);
    expect(tagsSchema.parse(['A', 'b, c'])).toEqual(['a', 'b', 'c']);
    expect(tagsSchema.parse('')).toEqual([]);
  });
  it('refuses markup, overlong tags and more than ten', () => {
    expect(tagsSchema.safeParse('<b>').success).toBe(false);
    expect(tagsSchema.safeParse('x'.repeat(33)).success).toBe(false);
    expect(tagsSchema.safeParse(Array.from({ length: 11 }, (_, i) => `t${i}`).join(',')).success).toBe(false);
  });
});

describe('list query', () => {
  it('falls back to defaults for bad values instead of failing the page', () => {
    expect(listQuerySchema.parse({ sort: 'drop table', page: '-3', q: ['a', 'b'] })).toEqual({ q: 'a', tag: '', sort: 'updated', page: 1 });
    expect(listQuerySchema.parse({ sort: 'title', page: '4', tag: 'ReLU' })).toEqual({ q: '', tag: 'relu', sort: 'title', page: 4 });
  });
});

describe('compare refs and share tokens', () => {
  it('reads experiments and submissions from the query string, in order', () => {
    const id1 = 'a'.repeat(25);
    const id2 = 'b'.repeat(25);
    const refs = compareRefsSchema.parse(compareRefsFromParams({ e: [id1, id2], s: 'c'.repeat(25) }));
    expect(refs.map((r) => `${r.kind}:${r.id[0]}`)).toEqual(['experiment:a', 'experiment:b', 'submission:c']);
    expect(compareRefsSchema.safeParse(compareRefsFromParams({ e: `${id1},../etc` })).success).toBe(false);
  });
  it('accepts only 43-character base64url tokens', () => {
    expect(shareTokenSchema.safeParse(Buffer.alloc(32, 7).toString('base64url')).success).toBe(true);
    expect(shareTokenSchema.safeParse('x'.repeat(42)).success).toBe(false);
    expect(shareTokenSchema.safeParse(`${'x'.repeat(42)}=`).success).toBe(false);
  });
});

describe('differing fields', () => {
  it('names only what differs, across depths and widths', () => {
    const a = cfg({});
    const b = cfg({ scheme: 'xavier-normal' });
    const c = cfg({ layers: 3, widths: [8, 8, 4] });
    expect(differingFields([a, b])).toEqual(['scheme']);
    expect(differingFields([a, b, c]).sort()).toEqual(['layers', 'scheme', 'widths']);
    expect(showField(c, 'widths')).toBe('8,8,4');
    expect(showField(a, 'widths')).toBe('—');
    expect(differingFields([a, a])).toEqual([]);
  });
});

describe('curves', () => {
  it("takes the engine's per-layer post-activation std, from a live or a stored result", () => {
    const config = cfg({ layers: 5 });
    const live = simulate(config);
    const stored = toStoredResult(live);
    expect(curveOf(live)).toEqual([live.input.std, ...live.layers.map((l) => l.post?.std)]);
    expect(curveOf(stored)).toEqual(curveOf(live));
    const v = runView({ key: 'k', title: 't', config, engineVersion: live.engineVersion, computedAt: new Date(0), result: stored });
    expect(v.summary.finalStd).toBe(live.summary.finalStd);
    expect(v.curve).toHaveLength(6);
  });

  it('overlays runs of different depths on one axis, padding the shorter with gaps', () => {
    const rows = compareRows([{ curve: [1, 0.5] }, { curve: [1, 2, 4, 8] }]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.run0)).toEqual([1, 0.5, null, null]);
    expect(rows.map((r) => r.run1)).toEqual([1, 2, 4, 8]);
  });

  it('gives repeated titles distinct legend names', () => {
    expect(seriesNames([{ title: 'A' }, { title: 'B' }, { title: 'A' }])).toEqual(['A (#1)', 'B', 'A (#3)']);
  });

  it('draws a log-scale path that breaks where a value cannot be drawn', () => {
    const g = curveGeometry([1, 0.1, null, 0.001, 0], { width: 400, height: 300 })!;
    // Two stretches: layers 0-1 and layer 3 alone.
    expect(g.path.match(/M/g)).toHaveLength(2);
    expect(g.path.startsWith('M0.0 ')).toBe(true);
    const ys = g.path.split(/[ML]/).filter(Boolean).map((p) => Number(p.trim().split(' ')[1]));
    // One decade apart on the log axis: equal vertical steps.
    expect(ys[1] - ys[0]).toBeCloseTo((ys[2] - ys[1]) / 2, 6);
    expect(g.inputY).toBe(ys[0]);
    expect(curveGeometry([0, null, Number.NaN], { width: 1, height: 1 })).toBeNull();
  });
});
