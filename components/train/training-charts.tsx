'use client';
/**
 * The training page's charts (Recharts 3): training loss per step (bucket means, linear or log
 * axis), held-out accuracy at the evaluation steps, and each layer's weight-gradient norm at step
 * 1 and at the last step. One colour per initialization (Okabe–Ito). A diverged run's curve simply
 * ends where it overflowed; the cards and the summary say where and when.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrainRun } from '@/lib/train';
import { formatNumber } from '@/lib/format';
import { LogLayerChart, type LayerRow, type LineSeries } from '@/components/charts/log-layer-chart';
import { decadeLabel, logAxis, logSafe } from '@/components/charts/log-scale';
import type { ChartPalette } from '@/components/charts/palette';
import { schemeLabel } from './describe-training';

/** At most this many points per loss curve: longer runs are averaged over buckets of steps. */
const MAX_POINTS = 150;

export function runColors(palette: ChartPalette): string[] {
  return [palette.current, ...palette.pins];
}

type Row = { step: number } & Record<string, number | null>;

/** Mean minibatch loss over buckets of steps (the step of a bucket is its last one). */
export function lossRows(runs: (TrainRun | null)[], steps: number): Row[] {
  const bucket = Math.max(1, Math.ceil(steps / MAX_POINTS));
  const rows: Row[] = [];
  for (let end = bucket; end < steps + bucket; end += bucket) {
    const last = Math.min(end, steps);
    const row: Row = { step: last };
    runs.forEach((r, i) => {
      if (!r) return;
      let s = 0;
      let n = 0;
      for (let t = last - bucket; t < last && t < r.loss.length; t++) {
        if (t < 0) continue;
        s += r.loss[t];
        n++;
      }
      row[`r${i}`] = n > 0 ? s / n : null;
    });
    rows.push(row);
  }
  return rows;
}

function accuracyRows(runs: (TrainRun | null)[]): Row[] {
  const steps = new Set<number>();
  for (const r of runs) r?.evaluations.step.forEach((s) => steps.add(s));
  return [...steps]
    .sort((a, b) => a - b)
    .map((step) => {
      const row: Row = { step };
      runs.forEach((r, i) => {
        if (!r) return;
        const j = r.evaluations.step.indexOf(step);
        row[`r${i}`] = j >= 0 ? 100 * r.evaluations.accuracy[j] : null;
      });
      return row;
    });
}

interface ChartProps {
  runs: (TrainRun | null)[];
  steps: number;
  palette: ChartPalette;
}

export function LossChart({ runs, steps, palette, logScale }: ChartProps & { logScale: boolean }) {
  const rows = lossRows(runs, steps);
  const colors = runColors(palette);
  const values = rows.flatMap((r) => runs.map((_, i) => r[`r${i}`] ?? null));
  const axis = logScale ? logAxis(values) : null;
  const data = logScale ? rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'step' ? v : logSafe(v)]))) : rows;
  return (
    <LineChart responsive style={{ width: '100%', height: 300 }} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer title="Training loss per step">
      <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
      <XAxis dataKey="step" type="number" domain={[0, steps]} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 12 }} height={40}
        label={{ value: 'Step', position: 'insideBottom', offset: -2, fill: palette.axis, fontSize: 12 }} />
      {axis ? (
        <YAxis scale="log" type="number" domain={axis.domain} ticks={axis.ticks} allowDataOverflow tickFormatter={decadeLabel} stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }} width={56}
          label={{ value: 'Loss (log scale)', angle: -90, position: 'insideLeft', fill: palette.axis, fontSize: 12, style: { textAnchor: 'middle' } }} />
      ) : (
        <YAxis type="number" domain={[0, 'auto']} allowDataOverflow={false} tickFormatter={(v: number) => formatNumber(v, 2)} stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 12 }} width={56}
          label={{ value: 'Loss', angle: -90, position: 'insideLeft', fill: palette.axis, fontSize: 12, style: { textAnchor: 'middle' } }} />
      )}
      <Tooltip isAnimationActive={false} formatter={(v) => formatNumber(Number(v))} labelFormatter={(s) => `Step ${String(s)}`} />
      <Legend wrapperStyle={{ fontSize: 12, color: palette.axis, paddingTop: 6 }} />
      {runs.map((r, i) =>
        r ? (
          <Line key={i} dataKey={`r${i}`} name={schemeLabel(r.scheme)} stroke={colors[i % colors.length]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} type="linear" />
        ) : null,
      )}
    </LineChart>
  );
}

export function AccuracyChart({ runs, steps, palette }: ChartProps) {
  const colors = runColors(palette);
  return (
    <LineChart responsive style={{ width: '100%', height: 260 }} data={accuracyRows(runs)} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer title="Held-out accuracy">
      <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
      <XAxis dataKey="step" type="number" domain={[0, steps]} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 12 }} height={40}
        label={{ value: 'Step', position: 'insideBottom', offset: -2, fill: palette.axis, fontSize: 12 }} />
      <YAxis type="number" domain={[0, 100]} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 12 }} width={56} tickFormatter={(v: number) => `${v} %`}
        label={{ value: 'Held-out accuracy', angle: -90, position: 'insideLeft', fill: palette.axis, fontSize: 12, style: { textAnchor: 'middle' } }} />
      <Tooltip isAnimationActive={false} formatter={(v) => `${formatNumber(Number(v))} %`} labelFormatter={(s) => `Step ${String(s)}`} />
      <Legend wrapperStyle={{ fontSize: 12, color: palette.axis, paddingTop: 6 }} />
      {runs.map((r, i) =>
        r ? (
          <Line key={i} dataKey={`r${i}`} name={schemeLabel(r.scheme)} stroke={colors[i % colors.length]} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls={false} type="linear" />
        ) : null,
      )}
    </LineChart>
  );
}

/** Rows for the gradient chart and table: layer 1..L, then L + 1 = the output layer. */
export function gradientRows(runs: (TrainRun | null)[], layerCount: number): LayerRow[] {
  return Array.from({ length: layerCount }, (_, l) => {
    const row: LayerRow = { layer: l + 1 };
    runs.forEach((r, i) => {
      if (!r) return;
      row[`f${i}`] = r.gradientNorms.first[l] ?? null;
      row[`l${i}`] = r.gradientNorms.later?.[l] ?? null;
    });
    return row;
  });
}

export function GradientChart({ runs, steps, palette, layerCount }: ChartProps & { layerCount: number }) {
  const colors = runColors(palette);
  const lines: LineSeries[] = runs.flatMap((r, i) =>
    r
      ? [
          { key: `f${i}`, name: `${schemeLabel(r.scheme)}, step 1`, color: colors[i % colors.length] },
          ...(r.gradientNorms.later ? [{ key: `l${i}`, name: `${schemeLabel(r.scheme)}, step ${steps}`, color: colors[i % colors.length], dashed: true }] : []),
        ]
      : [],
  );
  return (
    <LogLayerChart
      rows={gradientRows(runs, layerCount)}
      lines={lines}
      yLabel="‖dL/dW‖"
      palette={palette}
      height={300}
      title="Weight-gradient norm per layer at the first and the last step"
      emptyMessage="No gradient could be drawn: every value is zero or not finite (see the table)."
    />
  );
}
