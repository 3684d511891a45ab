'use client';
/**
 * SliderField: a labelled number input paired with a range slider. The number input carries the
 * visible <label> (so getByLabel finds exactly one control); the slider is named "<label> slider"
 * and is a coarse, drag-friendly way to set the same value. Both edit one raw string owned by the
 * caller, so an invalid number typed by hand stays visible with its error rather than snapping.
 *
 * `scale="log"` makes the slider move in equal ratios (useful for widths and stds spanning decades);
 * the slider range may be narrower than what the number input accepts.
 */
import type { ReactNode } from 'react';
import { Field, inputClass } from './field';

export interface SliderFieldProps {
  label: string;
  /**
   * Accessible name of the slider. It must not contain `label` (Playwright's getByLabel and
   * screen-reader search match substrings), so "Depth slider" for "Number of layers".
   */
  sliderLabel: string;
  value: string;
  onValueChange: (value: string) => void;
  /** Slider range (the number input itself is not clamped: validation reports out-of-range). */
  min: number;
  max: number;
  /** Step of the number input; integers snap the slider too. */
  step?: number;
  integer?: boolean;
  scale?: 'linear' | 'log';
  hint?: ReactNode;
  error?: string | null;
  disabled?: boolean;
  /** Called when a slider drag ends (pointer up / key up), e.g. to flush a debounced update. */
  onCommit?: () => void;
  className?: string;
}

const LOG_STEPS = 1000;

function roundSignificant(v: number, digits: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  return Number(v.toPrecision(digits));
}

export function SliderField({
  label,
  sliderLabel,
  value,
  onValueChange,
  min,
  max,
  step = 1,
  integer = false,
  scale = 'linear',
  hint,
  error,
  disabled,
  onCommit,
  className = '',
}: SliderFieldProps) {
  const numeric = Number(value);
  const valid = value.trim() !== '' && Number.isFinite(numeric);
  const clamped = valid ? Math.min(max, Math.max(min, numeric)) : min;

  // The slider works in "positions": the value itself (linear) or a 0..LOG_STEPS index (log).
  const lo = Math.log(min);
  const hi = Math.log(max);
  const toPosition = (v: number) => (scale === 'log' ? Math.round(((Math.log(v) - lo) / (hi - lo)) * LOG_STEPS) : v);
  const fromPosition = (p: number) => {
    if (scale === 'linear') return integer ? Math.round(p) : p;
    const v = Math.exp(lo + (p / LOG_STEPS) * (hi - lo));
    return integer ? Math.max(min, Math.round(v)) : roundSignificant(v, 3);
  };

  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(ids) => (
        <div className="flex items-center gap-3">
          <input
            type="range"
            aria-label={sliderLabel}
            aria-valuetext={valid ? String(numeric) : undefined}
            min={scale === 'log' ? 0 : min}
            max={scale === 'log' ? LOG_STEPS : max}
            step={scale === 'log' ? 1 : step}
            value={toPosition(clamped)}
            disabled={disabled}
            onChange={(e) => onValueChange(String(fromPosition(Number(e.target.value))))}
            onPointerUp={onCommit}
            onKeyUp={onCommit}
            className="h-2 min-w-0 flex-1 cursor-pointer accent-blue-700 disabled:cursor-not-allowed dark:accent-blue-400"
          />
          <input
            id={ids.controlId}
            type="number"
            inputMode={integer ? 'numeric' : 'decimal'}
            step={integer ? 1 : 'any'}
            aria-describedby={ids.describedBy}
            aria-invalid={error ? true : undefined}
            value={value}
            disabled={disabled}
            onChange={(e) => onValueChange(e.target.value)}
            className={`${inputClass} w-24 shrink-0 tabular-nums`}
          />
        </div>
      )}
    </Field>
  );
}
