/**
 * The form's draft: every control's raw text, so a half-typed or invalid value stays on screen
 * with its error. `draftToInput` turns it into an untrusted object for parseSimConfig (the only
 * validator); `draftFromConfig` fills the form from a valid config (URL, preset, pin).
 */
import { decimalFromText, integerFromText, type SimConfig } from '@/lib/validation/sim-config';

export type GainMode = 'default' | 'activation' | 'custom';

export interface Draft {
  scheme: string;
  activation: string;
  layers: string;
  width: string;
  inputStd: string;
  fanMode: string;
  gainMode: GainMode;
  gainValue: string;
  customStd: string;
  activationParam: string;
  /** Comma list; empty means "every layer has `width` units". */
  widths: string;
  residual: string;
  normalization: string;
  samples: string;
  seed: string;
  biasStd: string;
}

export function draftFromConfig(c: SimConfig): Draft {
  return {
    scheme: c.scheme,
    activation: c.activation,
    layers: String(c.layers),
    width: String(c.width),
    inputStd: String(c.inputStd),
    fanMode: c.fanMode,
    gainMode: typeof c.gain === 'number' ? 'custom' : c.gain,
    gainValue: typeof c.gain === 'number' ? String(c.gain) : '1',
    customStd: String(c.customStd),
    activationParam: String(c.activationParam),
    widths: c.widths ? c.widths.join(', ') : '',
    residual: c.residual,
    normalization: c.normalization,
    samples: String(c.samples),
    seed: String(c.seed),
    biasStd: String(c.biasStd),
  };
}

/**
 * Typed text to a number for the schema: surrounding spaces are forgiven in a form (unlike a URL
 * or a flag), but otherwise plain decimal only, so "0x10" is refused instead of read as 16; empty
 * or malformed text becomes NaN and the schema says "must be a number between ...".
 */
const toInteger = (s: string): number => integerFromText(s.trim());
const toNumber = (s: string): number => decimalFromText(s.trim());

export function draftToInput(d: Draft): Record<string, unknown> {
  const widths = d.widths.trim();
  const input: Record<string, unknown> = {
    scheme: d.scheme,
    activation: d.activation,
    layers: toInteger(d.layers),
    width: toInteger(d.width),
    inputStd: toNumber(d.inputStd),
    fanMode: d.fanMode,
    gain: d.gainMode === 'custom' ? toNumber(d.gainValue) : d.gainMode,
    customStd: toNumber(d.customStd),
    activationParam: toNumber(d.activationParam),
    residual: d.residual,
    normalization: d.normalization,
    samples: toInteger(d.samples),
    seed: toInteger(d.seed),
    biasStd: toNumber(d.biasStd),
  };
  // Leave the key out rather than set it to undefined: the parsed config then has exactly the
  // keys a URL-parsed one has, so resultDigest (which walks keys) agrees across entry points.
  if (widths !== '') input.widths = widths.split(/[\s,]+/).filter(Boolean).map(toInteger);
  return input;
}
