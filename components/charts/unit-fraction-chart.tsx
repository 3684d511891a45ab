'use client';
/**
 * Dead and saturated units per layer (percent, linear axis): dead = a ReLU-family unit that is
 * zero (or in the negative slope region) for every sample; saturated = |tanh| > 0.97 or sigmoid
 * below 0.03 / above 0.97. Definitions come from the engine's result fields.
 */
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@/components/simulator/format';
import type { LayerResult } from '@/lib/sim/types';
import type { ChartPalette } from './palette';

export function UnitFractionChart({ layers, palette, height = 200 }: { layers: LayerResult[]; palette: ChartPalette; height?: number }) {
  // Overflowed layers (post null) are gaps in the lines, never 0.
  const data = layers.map((l) => ({ layer: l.layer, dead: l.post?.deadFraction ?? null, saturated: l.post?.saturatedFraction ?? null }));
  return (
    <LineChart responsive style={{ width: '100%', height }} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} title="Dead and saturated units per layer">
      <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
      <XAxis dataKey="layer" type="number" domain={[1, Math.max(1, layers.length)]} allowDecimals={false} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 12 }} />
      <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v)} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 12 }} width={48} />
      <Tooltip
        isAnimationActive={false}
        formatter={(v) => formatPercent(Number(v))}
        labelFormatter={(l) => `Layer ${String(l)}`}
        contentStyle={{ background: palette.background, borderColor: palette.grid, fontSize: 12 }}
      />
      <Legend wrapperStyle={{ fontSize: 12, color: palette.axis }} />
      <Line dataKey="dead" name="Dead units" stroke={palette.dead} strokeWidth={2} dot={false} isAnimationActive={false} />
      <Line dataKey="saturated" name="Saturated units" stroke={palette.saturated} strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
