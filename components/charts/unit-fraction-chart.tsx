'use client';
/**
 * Dead and saturated units per layer (percent, linear axis): dead = a ReLU-family unit that is
 * zero (or in the negative slope region) for every sample; saturated = |tanh| > 0.97 or sigmoid
 * below 0.03 / above 0.97. Definitions come from the engine's result fields. Overflowed layers
 * (post null) are gaps in the lines, never 0.
 */
import { formatPercent } from '@/components/simulator/format';
import type { LayerResult } from '@/lib/sim/types';
import type { ChartPalette } from './palette';
import { LayerLineChart, type LayerRow } from './layer-line-chart';

export function UnitFractionChart({ layers, palette, height = 200 }: { layers: LayerResult[]; palette: ChartPalette; height?: number }) {
  const rows: LayerRow[] = layers.map((l) => ({ layer: l.layer, dead: l.post?.deadFraction ?? null, saturated: l.post?.saturatedFraction ?? null }));
  return (
    <LayerLineChart
      rows={rows}
      lines={[
        { key: 'dead', name: 'Dead units', color: palette.dead },
        { key: 'saturated', name: 'Saturated units', color: palette.saturated, dashed: true },
      ]}
      y={{ kind: 'linear', domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tickLabel: (v) => formatPercent(v), label: 'share of units' }}
      xLabel="Layer"
      xDomain={[1, Math.max(1, layers.length)]}
      palette={palette}
      height={height}
      title="Share of dead and saturated units, layer by layer"
      formatValue={(v) => formatPercent(v)}
    />
  );
}
