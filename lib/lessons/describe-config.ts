/**
 * Short human descriptions of a simulator config, for "try it" buttons, tables and checks.
 * Only what differs from the defaults is mentioned, so a reader sees what the link changes.
 */
import type { Activation, Scheme, SimConfigInput } from '../validation/sim-config';
import { formatNumber } from '../format';

export const SCHEME_LABELS: Record<Scheme, string> = {
  'xavier-normal': 'Xavier normal',
  'xavier-uniform': 'Xavier uniform',
  'he-normal': 'He normal',
  'he-uniform': 'He uniform',
  'lecun-normal': 'LeCun normal',
  'lecun-uniform': 'LeCun uniform',
  orthogonal: 'Orthogonal',
  'truncated-normal-xavier': 'Truncated normal (Xavier)',
  'truncated-normal-he': 'Truncated normal (He)',
  zero: 'Zero',
  'small-random': 'Small random',
  'large-random': 'Large random',
  custom: 'Custom std',
};

export const ACTIVATION_LABELS: Record<Activation, string> = {
  linear: 'linear',
  relu: 'ReLU',
  'leaky-relu': 'leaky ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  gelu: 'GELU',
  selu: 'SELU',
  swish: 'Swish',
};

export function describeConfig(c: SimConfigInput): string {
  const act = c.activation === 'leaky-relu' && c.activationParam !== undefined
    ? `leaky ReLU (slope ${formatNumber(c.activationParam)})`
    : ACTIVATION_LABELS[c.activation];
  const parts = [act, c.scheme === 'custom' && c.customStd !== undefined ? `custom std ${formatNumber(c.customStd)}` : SCHEME_LABELS[c.scheme]];
  if (c.gain === 'activation') parts.push('gain matched to the activation');
  else if (typeof c.gain === 'number') parts.push(`gain ${formatNumber(c.gain)}`);
  if (c.fanMode && c.fanMode !== 'auto') parts.push(c.fanMode.replace('_', '-'));
  parts.push(`${c.layers} layers`);
  parts.push(c.widths ? `widths ${c.width}→${c.widths.join('→')}` : `width ${c.width}`);
  if (c.inputStd !== undefined && c.inputStd !== 1) parts.push(`input std ${formatNumber(c.inputStd)}`);
  if (c.biasStd) parts.push(`bias std ${formatNumber(c.biasStd)}`);
  if (c.residual && c.residual !== 'none') parts.push(c.residual === 'plain' ? 'residual' : 'residual scaled by 1/√L');
  if (c.normalization && c.normalization !== 'none') parts.push(c.normalization === 'layernorm' ? 'LayerNorm' : 'BatchNorm');
  if (c.samples !== undefined && c.samples !== 64) parts.push(`${c.samples} samples`);
  if (c.seed !== undefined && c.seed !== 1) parts.push(`seed ${c.seed}`);
  return parts.join(' · ');
}
