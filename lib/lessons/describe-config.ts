/**
 * Short human descriptions of a simulator config, for "try it" buttons, tables and checks.
 * Only what differs from the defaults is mentioned, so a reader sees what the link changes.
 * Scheme and activation names are the engine's own, as the simulator shows them.
 */
import type { SimConfigInput } from '../validation/sim-config';
import { ACTIVATION_INFO, SCHEME_INFO } from '../sim';
import { formatNumber } from '../format';

const RESIDUAL_WORDS = {
  plain: 'residual',
  scaled: 'residual scaled by 1/√L',
  'scaled-2l': 'residual scaled by 1/√(2L)',
  'zero-init': 'residual with zero-initialized branch gain',
} as const;

export function describeConfig(c: SimConfigInput): string {
  const act = c.activation === 'leaky-relu' && c.activationParam !== undefined
    ? `leaky ReLU (slope ${formatNumber(c.activationParam)})`
    : ACTIVATION_INFO[c.activation].label;
  const parts = [act, c.scheme === 'custom' && c.customStd !== undefined ? `custom std ${formatNumber(c.customStd)}` : SCHEME_INFO[c.scheme].label];
  if (c.gain === 'activation') parts.push('gain matched to the activation');
  else if (typeof c.gain === 'number') parts.push(`gain ${formatNumber(c.gain)}`);
  if (c.fanMode && c.fanMode !== 'auto') parts.push(c.fanMode.replace('_', '-'));
  parts.push(`${c.layers} layers`);
  parts.push(c.widths ? `widths ${c.width}→${c.widths.join('→')}` : `width ${c.width}`);
  if (c.inputStd !== undefined && c.inputStd !== 1) parts.push(`input std ${formatNumber(c.inputStd)}`);
  if (c.biasStd) parts.push(`bias std ${formatNumber(c.biasStd)}`);
  if (c.residual && c.residual !== 'none') parts.push(RESIDUAL_WORDS[c.residual]);
  if (c.normalization && c.normalization !== 'none') parts.push(c.normalization === 'layernorm' ? 'LayerNorm' : 'BatchNorm');
  if (c.samples !== undefined && c.samples !== 64) parts.push(`${c.samples} samples`);
  if (c.seed !== undefined && c.seed !== 1) parts.push(`seed ${c.seed}`);
  return parts.join(' · ');
}
