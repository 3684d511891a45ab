/**
 * The training engine's behaviour: zero init never breaks symmetry (whatever the optimizer), an
 * overflowing run reports where and when instead of producing curves of NaN, runs are
 * deterministic, the spec's bounds refuse oversized work before any is done, and lib/train uses
 * only exactly specified arithmetic (as lib/sim must), so browsers and Node agree.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resultDigest } from '../../lib/sim/digest';
import { train, trainScheme } from '../../lib/train';
import { DEFAULT_TRAIN_SPEC, estimateTrainWork, parseTrainSpec, TRAIN_LIMITS, trainSpecSchema, type TrainSpecInput } from '../../lib/validation/train-config';

const small = (over: Partial<TrainSpecInput> & { network?: TrainSpecInput['network'] } = {}) =>
  trainSpecSchema.parse({
    network: { scheme: 'he-normal', activation: 'relu', layers: 4, width: 16 },
    steps: 40,
    batchSize: 32,
    schemes: ['he-normal'],
    ...over,
  });

describe('zero initialization never breaks symmetry', () => {
  for (const [activation, optimizer, learningRate] of [['relu', 'sgd', 0.1], ['tanh', 'sgd', 0.1], ['tanh', 'adam', 0.01], ['sigmoid', 'adam', 0.01]] as const) {
    it(`${activation} with ${optimizer}`, () => {
      const spec = small({ network: { scheme: 'zero', activation, layers: 3, width: 12 }, optimizer, learningRate, schemes: ['zero', 'he-normal'] });
      const [zero, he] = train(spec).runs;
      expect(zero.symmetryBroken).toBe(false);
      expect(he.symmetryBroken).toBe(true);
      // The zero net can learn at most the class frequencies: on balanced spirals, chance.
      expect(zero.final!.trainAccuracy).toBeLessThanOrEqual(0.52);
    });
  }
});

describe('overflow', () => {
  it('a large-random deep ReLU net reports the step and the first layer that overflowed', () => {
    const spec = small({ network: { scheme: 'he-normal', activation: 'relu', layers: 12, width: 64 }, schemes: ['large-random'], learningRate: 0.02 });
    const run = trainScheme(spec, 0);
    expect(run.divergence).not.toBeNull();
    expect(run.final).toBeNull();
    const { step, layer } = run.divergence!;
    expect(run.loss.length).toBe(step - 1);
    expect(run.loss.every(Number.isFinite)).toBe(true);
    expect(layer).toBeGreaterThanOrEqual(1);
    expect(layer).toBeLessThanOrEqual(13);
  });
});

describe('determinism', () => {
  it('the same spec gives the same digest; another seed does not', () => {
    const spec = small({ network: { scheme: 'he-normal', activation: 'gelu', layers: 3, width: 12, normalization: 'batchnorm' }, schemes: ['he-normal', 'xavier-uniform'] });
    const a = resultDigest(train(spec));
    expect(resultDigest(train(spec))).toBe(a);
    const other = trainSpecSchema.parse({ ...spec, network: { ...spec.network, seed: 2 } });
    expect(resultDigest(train(other))).not.toBe(a);
  });

  it('the initializations of one comparison see the same batches (only the init differs)', () => {
    const spec = small({ network: { scheme: 'zero', activation: 'relu', layers: 2, width: 8 }, schemes: ['zero', 'small-random'], steps: 5 });
    const [zero, tiny] = train(spec).runs;
    // Both output ~uniform probabilities at step 1, so the batch losses there agree closely.
    expect(Math.abs(zero.loss[0] - tiny.loss[0])).toBeLessThan(1e-3);
  });
});

describe('bounds', () => {
  it('the default comparison is four initializations of 20 x 64 for 300 steps, within the work bound', () => {
    expect(DEFAULT_TRAIN_SPEC.schemes).toHaveLength(4);
    expect(DEFAULT_TRAIN_SPEC.network.layers).toBe(20);
    expect(DEFAULT_TRAIN_SPEC.network.width).toBe(64);
    expect(DEFAULT_TRAIN_SPEC.steps).toBe(300);
    expect(estimateTrainWork(DEFAULT_TRAIN_SPEC)).toBeLessThan(TRAIN_LIMITS.work);
  });

  it('refuses oversized work, unknown learning rates and a fifth initialization, naming the field', () => {
    const big = parseTrainSpec({ network: { scheme: 'he-normal', activation: 'relu', layers: 50, width: 256 }, steps: 2000, schemes: ['he-normal', 'zero'] });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.errors.steps).toMatch(/too large/);
    const lr = parseTrainSpec({ network: { scheme: 'he-normal', activation: 'relu', layers: 2, width: 8 }, learningRate: 0.5, schemes: ['he-normal'] });
    expect(lr.ok).toBe(false);
    if (!lr.ok) expect(lr.errors.learningRate).toMatch(/one of/);
    const five = parseTrainSpec({ network: { scheme: 'he-normal', activation: 'relu', layers: 2, width: 8 }, schemes: ['he-normal', 'zero', 'orthogonal', 'lecun-normal', 'xavier-normal'] });
    expect(five.ok).toBe(false);
    if (!five.ok) expect(five.errors.schemes).toMatch(/at most 4/);
    const wide = parseTrainSpec({ network: { scheme: 'he-normal', activation: 'relu', layers: 2, width: 512 }, schemes: ['he-normal'] });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.errors.width).toMatch(/256/);
  });
});

describe('lib/train uses only exactly specified arithmetic', () => {
  const EXACT = new Set(['sqrt', 'abs', 'floor', 'ceil', 'round', 'trunc', 'min', 'max', 'sign', 'fround', 'imul', 'clz32', 'PI', 'E', 'SQRT2', 'SQRT1_2', 'LN2']);
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
    });
  it('no Math.exp, Math.log, ... or non-integer ** in lib/train', () => {
    const problems: string[] = [];
    for (const file of sources(path.resolve(import.meta.dirname, '../../lib/train'))) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Math') {
          if (!EXACT.has(node.name.text)) problems.push(`${file}: Math.${node.name.text}`);
          return;
        }
        if (ts.isIdentifier(node) && node.text === 'Math') problems.push(`${file}: bare Math`);
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken && !(ts.isNumericLiteral(node.right) && Number.isInteger(Number(node.right.text)))) problems.push(`${file}: **`);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(problems).toEqual([]);
  });
});
