/**
 * A small log-scale figure of the signal per layer (std of each layer's output over the input's),
 * drawn as plain SVG: no chart library and no hooks, so the home page renders it on the server
 * and the lessons' live figures redraw it in well under a frame. The big charts stay in Recharts.
 */
import { decadeLabel, logAxis, logSafe } from './log-scale';

export interface SparkCurve {
  label: string;
  /** Ratio to the input per layer; index 0 is the input (1). */
  values: (number | null)[];
  color: string;
  dashed?: boolean;
}

const W = 480;
const H = 200;
const PAD = { left: 44, right: 12, top: 10, bottom: 26 };

export function SignalSparkline({ curves, title, className = '' }: { curves: SparkCurve[]; title: string; className?: string }) {
  const axis = logAxis(curves.flatMap((c) => c.values));
  const depth = Math.max(1, ...curves.map((c) => c.values.length - 1));
  if (!axis) return null;
  const [lo, hi] = axis.domain.map(Math.log10);
  const x = (i: number) => PAD.left + (i / depth) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((hi - Math.log10(v)) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const clampY = (v: number) => Math.min(H - PAD.bottom, Math.max(PAD.top, y(v)));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className={`block h-auto w-full ${className}`}>
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={t === 1 ? 0.45 : 0.12} strokeDasharray={t === 1 ? undefined : '3 3'} />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={12} fill="currentColor" fillOpacity={0.8}>
            {decadeLabel(t)}
          </text>
        </g>
      ))}
      <text x={W - PAD.right} y={H - 6} textAnchor="end" fontSize={12} fill="currentColor" fillOpacity={0.8}>
        layer {depth}
      </text>
      <text x={PAD.left} y={H - 6} fontSize={12} fill="currentColor" fillOpacity={0.8}>
        input
      </text>
      {curves.map((c) => {
        // Runs of drawable points become separate segments (a gap where a value is 0 or overflowed).
        const segments: string[] = [];
        let current: string[] = [];
        c.values.forEach((v, i) => {
          const s = logSafe(v);
          if (s === null) {
            if (current.length) segments.push(current.join(' '));
            current = [];
          } else current.push(`${x(i).toFixed(1)},${clampY(s).toFixed(1)}`);
        });
        if (current.length) segments.push(current.join(' '));
        return (
          <g key={c.label} data-curve={c.label}>
            {segments.map((pts, k) => (
              <polyline key={k} points={pts} fill="none" stroke={c.color} strokeWidth={2.5} strokeDasharray={c.dashed ? '6 4' : undefined} strokeLinejoin="round" />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

/** Ratio to the input per layer of a result's post-activation std (index 0 = input). */
export function signalCurve(result: { summary: { inputStd: number }; layers: readonly { post: { std: number } | null }[] }): (number | null)[] {
  return [1, ...result.layers.map((l) => (l.post ? l.post.std / result.summary.inputStd : null))];
}
