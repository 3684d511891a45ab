'use client';
/**
 * The instructor dashboard's charts (Recharts 3). Each sits in a <figure> with a caption and a
 * data table behind a disclosure, so the numbers are available without the picture.
 */
import { Bar, BarChart, CartesianGrid, ComposedChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { chartPalette } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';
import { decadeLabel } from '@/components/charts/log-scale';
import { formatNumber } from '@/lib/format';

function Figure({ title, children, table }: { title: string; children: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      {children}
      <details className="text-sm">
        <summary className="cursor-pointer">Data table: {title.toLowerCase()}</summary>
        {table}
      </details>
    </figure>
  );
}

function Table({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="mt-2 text-left text-xs">
      <thead>
        <tr>{head.map((h) => <th key={h} scope="col" className="pr-4">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{r.map((c, j) => <td key={j} className="pr-4 tabular-nums">{c}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function SubmissionsOverTimeChart({ data, title }: { data: { label: string; submissions: number; passed: number }[]; title: string }) {
  const palette = chartPalette(useDarkMode());
  return (
    <Figure title={title} table={<Table head={['When (UTC)', 'Submissions', 'Passed']} rows={data.map((d) => [d.label, d.submissions, d.passed])} />}>
      <BarChart responsive style={{ width: '100%', height: 220 }} data={data} accessibilityLayer title={title} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} />
        <YAxis allowDecimals={false} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} width={40} />
        <Tooltip />
        <Bar dataKey="submissions" name="Submissions" fill={palette.current} isAnimationActive={false} />
        <Bar dataKey="passed" name="Passed" fill={palette.pins[1]} isAnimationActive={false} />
      </BarChart>
    </Figure>
  );
}

/** Histogram of final std on a log axis (x in decades), with the exercise's target band shaded. */
export function FinalStdChart({ bins, band, overflowed }: { bins: { lo: number; hi: number; count: number }[]; band: { lo: number; hi: number } | null; overflowed: number }) {
  const palette = chartPalette(useDarkMode());
  const title = 'Final std of submitted runs (log scale)';
  if (bins.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No finite final std yet.</p>;
  const data = bins.map((b) => ({ x: (Math.log10(b.lo) + Math.log10(b.hi)) / 2, count: b.count, lo: b.lo, hi: b.hi }));
  const xs = bins.flatMap((b) => [Math.log10(b.lo), Math.log10(b.hi)]);
  if (band) xs.push(Math.log10(band.lo), Math.log10(band.hi));
  const min = Math.floor(Math.min(...xs));
  const max = Math.ceil(Math.max(...xs));
  const ticks = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <Figure
      title={title}
      table={<Table head={['From', 'To', 'Submissions']} rows={bins.map((b) => [formatNumber(b.lo), formatNumber(b.hi), b.count])} />}
    >
      <ComposedChart responsive style={{ width: '100%', height: 240 }} data={data} accessibilityLayer title={title} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[min, max]}
          ticks={ticks}
          tickFormatter={(v: number) => decadeLabel(10 ** v)}
          stroke={palette.axis}
          tick={{ fill: palette.axis, fontSize: 11 }}
          label={{ value: 'final std', position: 'insideBottom', offset: -2, fill: palette.axis, fontSize: 11 }}
          height={36}
        />
        <YAxis allowDecimals={false} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} width={40} />
        {band ? (
          <ReferenceArea x1={Math.log10(band.lo)} x2={Math.log10(band.hi)} fill={palette.pins[1]} fillOpacity={0.18} stroke={palette.pins[1]} label={{ value: 'target', fill: palette.axis, fontSize: 11, position: 'insideTop' }} />
        ) : null}
        <Tooltip formatter={(v) => [String(v), 'Submissions']} labelFormatter={(v) => `around ${formatNumber(10 ** Number(v))}`} />
        <Bar dataKey="count" name="Submissions" fill={palette.current} barSize={14} isAnimationActive={false} />
      </ComposedChart>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {band ? `Shaded: the target band, final std from ${formatNumber(band.lo)} to ${formatNumber(band.hi)}. ` : ''}
        {overflowed ? `${overflowed} submitted runs overflowed and are not drawn.` : ''}
      </p>
    </Figure>
  );
}

export function PairsChart({ pairs }: { pairs: { label: string; count: number }[] }) {
  const palette = chartPalette(useDarkMode());
  const title = 'Scheme and activation chosen';
  return (
    <Figure title={title} table={<Table head={['Scheme · activation', 'Submissions']} rows={pairs.map((p) => [p.label, p.count])} />}>
      <BarChart responsive layout="vertical" style={{ width: '100%', height: Math.max(120, 32 * pairs.length + 40) }} data={pairs} accessibilityLayer title={title} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={200} stroke={palette.axis} tick={{ fill: palette.axis, fontSize: 11 }} />
        <Tooltip />
        <Bar dataKey="count" name="Submissions" fill={palette.current} isAnimationActive={false} />
      </BarChart>
    </Figure>
  );
}
