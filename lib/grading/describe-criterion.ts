/**
 * Pass criteria in words, for the teacher guide, the exercise pages and the dashboard. Numbers in
 * the sentences are the teacher's thresholds (inputs), never engine results.
 */
import { formatNumber } from '../format';
import { ACTIVATION_INFO } from '../sim/activations';
import { SCHEME_INFO } from '../sim/schemes';
import type { PassCriterion } from '../validation/assignment';

const QUANTITY: Record<'finalStd' | 'ratio', string> = { finalStd: 'final std', ratio: 'final/input std ratio' };

export function describeCriterion(c: PassCriterion): string {
  switch (c.kind) {
    case 'ratio-range':
      return `final/input std between ${formatNumber(c.min)} and ${formatNumber(c.max)}`;
    case 'signal-state':
      return `the simulator reports the signal as ${c.state}`;
    case 'max-drift':
      return `every layer’s RMS within a factor of ${formatNumber(c.factor)} of the input RMS`;
    case 'prediction':
      return `predicted ${QUANTITY[c.quantity]} within ${formatNumber(c.relTolerance * 100)}% of the engine’s value`;
    case 'scheme-activation':
      return `${ACTIVATION_INFO[c.activation].label} paired with ${c.schemes.map((s) => SCHEME_INFO[s].label).join(' or ')}`;
    case 'train-loss-below':
      return `training loss below ${formatNumber(c.below)} after ${c.steps} steps of ${c.optimizer === 'adam' ? 'Adam' : 'SGD'} on the ${c.dataset}`;
  }
}
