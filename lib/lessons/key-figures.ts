/**
 * Each lesson's key figure: two or three variants of one small network, drawn live on the lesson
 * page by components/lessons/live-figure.tsx, with a depth the reader can change. The configs
 * are inputs only (width 64, 32 samples, one seed, so a redraw costs a few milliseconds); every
 * curve and state on the page is computed by the engine in the browser.
 */
import type { SimConfigInput } from '../validation/sim-config';

export interface KeyFigure {
  caption: string;
  variants: { label: string; config: Omit<SimConfigInput, 'layers'> }[];
  /** Starting depth; the reader can change it. */
  layers: number;
}

const small = { width: 64, samples: 32, seed: 1 } as const;

export const KEY_FIGURES: Record<string, KeyFigure> = {
  'why-initialization-matters': {
    caption: 'ReLU networks: Xavier\u2019s variance against He\u2019s.',
    layers: 20,
    variants: [
      { label: 'Xavier normal', config: { ...small, scheme: 'xavier-normal', activation: 'relu' } },
      { label: 'He normal', config: { ...small, scheme: 'he-normal', activation: 'relu' } },
    ],
  },
  'xavier-glorot': {
    caption: 'Linear networks: weights a tenth too small, exact, a tenth too large.',
    layers: 30,
    variants: [
      { label: 'gain 0.9', config: { ...small, scheme: 'xavier-normal', activation: 'linear', gain: 0.9 } },
      { label: 'gain 1', config: { ...small, scheme: 'xavier-normal', activation: 'linear' } },
      { label: 'gain 1.1', config: { ...small, scheme: 'xavier-normal', activation: 'linear', gain: 1.1 } },
    ],
  },
  'he-kaiming': {
    caption: 'Leaky ReLU with slope 0.5: PyTorch\u2019s default He gain against the gain matched to the slope.',
    layers: 30,
    variants: [
      { label: 'default gain', config: { ...small, scheme: 'he-normal', activation: 'leaky-relu', activationParam: 0.5 } },
      { label: 'matched gain', config: { ...small, scheme: 'he-normal', activation: 'leaky-relu', activationParam: 0.5, gain: 'activation' } },
    ],
  },
  'zero-and-constant-init': {
    caption: 'Tiny random weights against He\u2019s scale (zero weights leave nothing to draw on a log scale).',
    layers: 12,
    variants: [
      { label: 'N(0, 0.01\u00b2)', config: { ...small, scheme: 'small-random', activation: 'relu' } },
      { label: 'He normal', config: { ...small, scheme: 'he-normal', activation: 'relu' } },
    ],
  },
  'activation-by-activation': {
    caption: 'tanh with Xavier\u2019s gain 1 against PyTorch\u2019s 5/3.',
    layers: 50,
    variants: [
      { label: 'gain 1', config: { ...small, scheme: 'xavier-normal', activation: 'tanh' } },
      { label: 'gain 5/3', config: { ...small, scheme: 'xavier-normal', activation: 'tanh', gain: 'activation' } },
    ],
  },
  'normalization-and-residuals': {
    caption: 'He-initialized ReLU blocks: plain residual sums, depth-scaled ones, and a plain stack.',
    layers: 20,
    variants: [
      { label: 'plain residual', config: { ...small, scheme: 'he-normal', activation: 'relu', residual: 'plain' } },
      { label: 'scaled residual', config: { ...small, scheme: 'he-normal', activation: 'relu', residual: 'scaled' } },
      { label: 'no residual', config: { ...small, scheme: 'he-normal', activation: 'relu' } },
    ],
  },
  'initialization-in-training': {
    caption: 'The signal at step zero of a ReLU network, for starts that train and starts that stall: Xavier, He and tiny random weights.',
    layers: 10,
    variants: [
      { label: 'Xavier normal', config: { ...small, scheme: 'xavier-normal', activation: 'relu' } },
      { label: 'He normal', config: { ...small, scheme: 'he-normal', activation: 'relu' } },
      { label: 'N(0, 0.01\u00b2)', config: { ...small, scheme: 'small-random', activation: 'relu' } },
    ],
  },
  'debugging-checklist': {
    caption: 'A network that does not learn: N(0, 0.01\u00b2) weights against He\u2019s.',
    layers: 12,
    variants: [
      { label: 'N(0, 0.01\u00b2)', config: { ...small, scheme: 'small-random', activation: 'relu' } },
      { label: 'He normal', config: { ...small, scheme: 'he-normal', activation: 'relu' } },
    ],
  },
  faq: {
    caption: 'He-initialized ReLU networks of width 16 and width 128: the width changes the wobble, not the trend.',
    layers: 20,
    variants: [
      { label: 'width 16', config: { ...small, width: 16, scheme: 'he-normal', activation: 'relu' } },
      { label: 'width 128', config: { ...small, width: 128, scheme: 'he-normal', activation: 'relu' } },
    ],
  },
};
