'use client';
/** A graded run's signal per layer (post-activation RMS, measured and mean-field) on a log axis. */
import { LogLayerChart, type LayerRow } from '@/components/charts/log-layer-chart';
import { chartPalette } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';

export function RunChart({ rows, title }: { rows: { layer: number; rms: number | null; theory: number | null }[]; title: string }) {
  const palette = chartPalette(useDarkMode());
  return (
    <LogLayerChart
      rows={rows as LayerRow[]}
      lines={[
        { key: 'rms', name: 'Measured RMS of a', color: palette.current, strokeWidth: 2.5 },
        { key: 'theory', name: 'Mean-field prediction', color: palette.theory, dashed: true },
      ]}
      yLabel="RMS of a"
      palette={palette}
      height={260}
      title={title}
      emptyMessage="Every value is 0 or overflowed, which a log scale cannot show."
    />
  );
}
