'use client';
/**
 * The simulator's controls: the five main ones (scheme, activation, depth, width, input std) and
 * an "Advanced settings" disclosure for the rest of SimConfig. Ranges come from LIMITS, option
 * lists from the schema's enums and the engine's SCHEME_INFO / ACTIVATION_INFO, and errors are
 * parseSimConfig's messages, shown beside the field they belong to.
 */
import { ACTIVATION_INFO, SCHEME_INFO, calculateGain } from '@/lib/sim';
import {
  ACTIVATIONS,
  FAN_MODES,
  LIMITS,
  NORMALIZATIONS,
  RESIDUALS,
  SCHEMES,
  type Activation,
  type Scheme,
} from '@/lib/validation/sim-config';
import { Button } from '@/components/ui/button';
import { Disclosure } from '@/components/ui/disclosure';
import { Field, SelectField, TextField, inputClass, type SelectGroup } from '@/components/ui/field';
import { SliderField } from '@/components/ui/slider-field';
import type { Draft, GainMode } from './config-draft';
import { formatNumber } from '@/lib/format';

export type FieldErrors = Partial<Record<string, string>>;

/** Scheme families for the grouped select, in teaching order. */
const FAMILY_LABELS: Record<string, string> = {
  xavier: 'Xavier / Glorot',
  he: 'He / Kaiming',
  lecun: 'LeCun',
  'truncated-normal': 'Truncated normal',
  orthogonal: 'Orthogonal',
  zero: 'Fixed scale',
  'small-random': 'Fixed scale',
  'large-random': 'Fixed scale',
  custom: 'Fixed scale',
};

const SCHEME_GROUPS: SelectGroup[] = (() => {
  const groups = new Map<string, SelectGroup>();
  for (const s of SCHEMES) {
    const label = FAMILY_LABELS[SCHEME_INFO[s].family] ?? 'Other';
    if (!groups.has(label)) groups.set(label, { label, options: [] });
    groups.get(label)!.options.push({ value: s, label: SCHEME_INFO[s].label });
  }
  return [...groups.values()];
})();

/**
 * Schemes that share a variance (the same scale) and differ only in the distribution drawn from,
 * so "Distribution" can switch between them without changing what the network should do.
 */
const SAME_SCALE: Scheme[][] = [
  ['xavier-normal', 'xavier-uniform', 'truncated-normal-xavier'],
  ['he-normal', 'he-uniform', 'truncated-normal-he'],
  ['lecun-normal', 'lecun-uniform'],
];

const DISTRIBUTION_LABELS: Record<string, string> = {
  normal: 'Normal',
  uniform: 'Uniform',
  'truncated-normal': 'Truncated normal',
};

const FAN_LABELS: Record<string, string> = {
  fan_in: 'fan_in (keeps the forward signal)',
  fan_out: 'fan_out (keeps the backward gradient)',
  fan_avg: 'fan_avg (the Glorot compromise)',
};

const RESIDUAL_LABELS: Record<string, string> = {
  none: 'None (plain stack)',
  plain: 'a + φ(z) (plain residual)',
  scaled: 'a + φ(z)/√L (depth-scaled)',
  'scaled-2l': 'a + φ(z)/√(2L) (GPT-2 scaling)',
  'zero-init': 'a + γ·φ(z), γ = 0 at init (zero-γ / Fixup)',
};

const NORM_LABELS: Record<string, string> = { none: 'None', layernorm: 'LayerNorm', batchnorm: 'BatchNorm' };

export interface ControlPanelProps {
  draft: Draft;
  errors: FieldErrors;
  onChange: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  onNewSeed: () => void;
}

export function ControlPanel({ draft, errors, onChange, onNewSeed }: ControlPanelProps) {
  const scheme = (SCHEMES as readonly string[]).includes(draft.scheme) ? (draft.scheme as Scheme) : 'he-normal';
  const activation = (ACTIVATIONS as readonly string[]).includes(draft.activation) ? (draft.activation as Activation) : 'relu';
  const info = SCHEME_INFO[scheme];
  const variants = SAME_SCALE.find((g) => g.includes(scheme));
  const usesFan = info.defaultFanMode !== null;
  const usesGain = usesFan || info.family === 'orthogonal';
  const param = Number(draft.activationParam);
  const matchedGain = calculateGain(activation, Number.isFinite(param) ? param : undefined);

  return (
    <form
      aria-label="Simulation settings"
      onSubmit={(e) => e.preventDefault()}
      className="space-y-4 rounded-xl border border-slate-200 bg-slate-50/60 p-4 dark:border-slate-700 dark:bg-slate-900/60"
    >
      <SelectField
        label="Initialization scheme"
        value={draft.scheme}
        onValueChange={(v) => onChange('scheme', v)}
        options={SCHEME_GROUPS}
        error={errors.scheme}
        hint={<span className="font-mono">{info.formula}</span>}
      />
      <SelectField
        label="Activation function"
        value={draft.activation}
        onValueChange={(v) => onChange('activation', v)}
        options={ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATION_INFO[a].label }))}
        error={errors.activation}
      />
      <SliderField
        label="Number of layers"
        sliderLabel="Depth slider"
        value={draft.layers}
        onValueChange={(v) => onChange('layers', v)}
        min={LIMITS.layers.min}
        max={LIMITS.layers.max}
        integer
        error={errors.layers}
        hint={`Fully-connected layers, ${LIMITS.layers.min}–${LIMITS.layers.max}.`}
      />
      <SliderField
        label="Units per layer"
        sliderLabel="Width slider"
        value={draft.width}
        onValueChange={(v) => onChange('width', v)}
        min={LIMITS.width.min}
        max={LIMITS.width.max}
        integer
        scale="log"
        error={errors.width}
        hint="Width n of the input and of every layer (the fan-in)."
      />
      <SliderField
        label="Input signal std"
        sliderLabel="Input std slider"
        value={draft.inputStd}
        onValueChange={(v) => onChange('inputStd', v)}
        min={0.01}
        max={100}
        scale="log"
        error={errors.inputStd}
        hint={`Std s of the input x ~ N(0, s²); any value from ${LIMITS.inputStd.min} to ${LIMITS.inputStd.max} can be typed.`}
      />

      <Disclosure summary="Advanced settings" className="bg-white">
        <div className="space-y-4">
          {variants ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800 dark:text-slate-100">Distribution</legend>
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {variants.map((v) => (
                  <label key={v} className="inline-flex items-center gap-1.5 text-sm">
                    <input
                      type="radio"
                      name="distribution"
                      value={v}
                      checked={scheme === v}
                      onChange={() => onChange('scheme', v)}
                      className="accent-blue-700 dark:accent-blue-400"
                    />
                    {DISTRIBUTION_LABELS[SCHEME_INFO[v].distribution] ?? SCHEME_INFO[v].distribution}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Same variance, different shape of the weight distribution.</p>
            </fieldset>
          ) : null}

          <SelectField
            label="Fan mode"
            value={draft.fanMode}
            onValueChange={(v) => onChange('fanMode', v)}
            disabled={!usesFan}
            options={FAN_MODES.map((m) => ({
              value: m,
              label: m === 'auto' ? `Scheme default${info.defaultFanMode ? ` (${info.defaultFanMode})` : ''}` : FAN_LABELS[m],
            }))}
            error={errors.fanMode}
            hint={usesFan ? 'Which fan the variance divides by.' : 'This scheme does not use a fan.'}
          />

          <fieldset disabled={!usesGain} className="disabled:opacity-60">
            <legend className="text-sm font-medium text-slate-800 dark:text-slate-100">Gain</legend>
            <div className="mt-1 space-y-1 text-sm">
              {(
                [
                  ['default', `Scheme default (${formatNumber(info.defaultGain, 4)})`],
                  ['activation', `Matched to the activation (${formatNumber(matchedGain, 4)})`],
                  ['custom', 'Custom number'],
                ] as [GainMode, string][]
              ).map(([mode, label]) => (
                <label key={mode} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="gain-mode"
                    value={mode}
                    checked={draft.gainMode === mode}
                    onChange={() => onChange('gainMode', mode)}
                    className="accent-blue-700 dark:accent-blue-400"
                  />
                  {label}
                </label>
              ))}
            </div>
            {!usesGain ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">This scheme has a fixed scale; the gain is ignored.</p> : null}
          </fieldset>
          {draft.gainMode === 'custom' ? (
            <TextField
              label="Custom gain"
              type="number"
              step="any"
              inputMode="decimal"
              value={draft.gainValue}
              onValueChange={(v) => onChange('gainValue', v)}
              error={errors.gain}
              hint={`Var(W) = gain² / fan; ${LIMITS.gain.min}–${LIMITS.gain.max}.`}
            />
          ) : errors.gain ? (
            <p className="text-xs font-medium text-red-700 dark:text-red-400">{errors.gain}</p>
          ) : null}

          <TextField
            label="Custom std"
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.customStd}
            onValueChange={(v) => onChange('customStd', v)}
            disabled={scheme !== 'custom'}
            error={errors.customStd}
            hint={scheme === 'custom' ? 'Weights from N(0, σ²) with this σ.' : 'Used by the "Custom std" scheme.'}
          />

          <TextField
            label="Leaky ReLU slope"
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.activationParam}
            onValueChange={(v) => onChange('activationParam', v)}
            disabled={!ACTIVATION_INFO[activation].hasParam}
            error={errors.activationParam}
            hint={ACTIVATION_INFO[activation].hasParam ? 'Slope a for negative inputs, 0–1.' : 'Used by leaky ReLU only.'}
          />

          <TextField
            label="Per-layer widths"
            value={draft.widths}
            onValueChange={(v) => onChange('widths', v)}
            placeholder={`e.g. ${[512, 256, 128].join(', ')}`}
            error={errors.widths}
            hint={`Comma-separated output width of each layer (${draft.layers || 'L'} values). Empty: every layer has the units above.`}
            autoComplete="off"
          />

          <SelectField
            label="Residual connections"
            value={draft.residual}
            onValueChange={(v) => onChange('residual', v)}
            options={RESIDUALS.map((r) => ({ value: r, label: RESIDUAL_LABELS[r] }))}
            error={errors.residual}
          />
          <SelectField
            label="Normalization"
            value={draft.normalization}
            onValueChange={(v) => onChange('normalization', v)}
            options={NORMALIZATIONS.map((n) => ({ value: n, label: NORM_LABELS[n] }))}
            error={errors.normalization}
            hint="Applied to z before the activation, without a learned scale."
          />
          <TextField
            label="Bias std"
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.biasStd}
            onValueChange={(v) => onChange('biasStd', v)}
            error={errors.biasStd}
            hint="Biases from N(0, σ²); 0 means no bias."
          />
          <SliderField
            label="Samples"
            sliderLabel="Batch size slider"
            value={draft.samples}
            onValueChange={(v) => onChange('samples', v)}
            min={LIMITS.samples.min}
            max={LIMITS.samples.max}
            integer
            scale="log"
            error={errors.samples}
            hint="Inputs pushed through the network per seed (batch size B)."
          />
          <Field
            label="Seed"
            error={errors.seed}
            hint="Same seed, same numbers, in the browser and on the server."
          >
            {(ids) => (
              <div className="flex gap-2">
                <input
                  id={ids.controlId}
                  type="number"
                  inputMode="numeric"
                  step={1}
                  aria-describedby={ids.describedBy}
                  aria-invalid={errors.seed ? true : undefined}
                  value={draft.seed}
                  onChange={(e) => onChange('seed', e.target.value)}
                  className={`${inputClass} w-full min-w-0 tabular-nums`}
                />
                <Button onClick={onNewSeed} className="shrink-0">
                  New seed
                </Button>
              </div>
            )}
          </Field>
        </div>
      </Disclosure>
      {errors._ ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {errors._}
        </p>
      ) : null}
    </form>
  );
}
