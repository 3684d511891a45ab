'use client';
/**
 * The animated network: layers left to right, each node's size and brightness encoding that
 * layer's post-activation std relative to the input (log ratio clamped to ±3 decades so both
 * extremes stay readable), with a pulse of light travelling through. The pulse runs for
 * PULSE_CYCLES waves after each new result and then rests (an SVG animation is restyled and
 * repainted on the main thread every frame: about three quarters of a core on a 2-core machine,
 * for as long as the view is on screen); Play runs it again. It pauses on request and off screen,
 * is off under prefers-reduced-motion, and a computed sentence (describeSignal) says in words
 * what the picture shows, for everyone and for screen readers.
 *
 * The pulse animates each column's group, never the nodes themselves (network-view.module.css):
 * restyling an element with a running CSS animation costs the browser several times a plain
 * one, and a new result changes every node's attributes; with the nodes animated, that restyle
 * alone held the page for 30-80 ms when a 100-layer result arrived.
 */
import { memo, useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { SimResult } from '@/lib/sim/types';
import { Button } from '@/components/ui/button';
import { useReducedMotion } from '@/components/charts/use-dark-mode';
import { formatNumber, formatStat } from '@/lib/format';
import { describeSignal } from './describe-signal';
import styles from './network-view.module.css';

const MAX_COLUMNS = 24;
const NODES_PER_COLUMN = 5;
const VIEW_W = 760;
const VIEW_H = 230;
const PAD_X = 36;
const PAD_TOP = 26;
const PAD_BOTTOM = 34;
/** Waves of the pulse after each new result (or Play), before it rests: about half a minute. */
const PULSE_CYCLES = 10;

/** Layers to draw: all when few, else an even sample that always keeps the first and last. */
function pickLayers(count: number): number[] {
  if (count <= MAX_COLUMNS) return Array.from({ length: count }, (_, i) => i + 1);
  const picked = new Set<number>();
  for (let i = 0; i < MAX_COLUMNS; i++) picked.add(1 + Math.round((i * (count - 1)) / (MAX_COLUMNS - 1)));
  return [...picked].sort((a, b) => a - b);
}

/** Visual encoding of a std ratio: t in [-1, 1] is log10(ratio) / 3, clamped. */
function encode(ratio: number) {
  if (ratio === 0 || Number.isNaN(ratio)) return { t: -1, r: 2, fill: 'hsl(215 25% 22%)', glow: 0, amp: 0 };
  const t = Number.isFinite(ratio) ? Math.max(-1, Math.min(1, Math.log10(ratio) / 3)) : 1;
  const r = 7.5 * (1 + 0.55 * t);
  if (t <= 0) {
    // Vanishing: toward the panel's background, losing colour and light.
    const k = -t;
    return { t, r, fill: `hsl(202 ${Math.round(80 - 55 * k)}% ${Math.round(60 - 42 * k)}%)`, glow: 0, amp: 0.35 * (1 - 0.85 * k) };
  }
  // Exploding: toward hot yellow-white with a growing glow.
  return { t, r, fill: `hsl(${Math.round(202 - 150 * t)} 95% ${Math.round(60 + 30 * t)}%)`, glow: t, amp: 0.35 + 0.4 * t };
}

/** Memoized: it redraws only for a new result, not for every keystroke or progress tick. */
export const NetworkView = memo(function NetworkView({ result }: { result: SimResult }) {
  const reduced = useReducedMotion();
  const [paused, setPaused] = useState(false);
  // The result whose pulse has run its waves: a new result (or Play) starts it again.
  const [restingOn, setRestingOn] = useState<SimResult | null>(null);
  const ended = restingOn === result;
  const titleId = useId();
  const descId = useId();
  const glowId = `${useId().replace(/:/g, '')}-glow`;

  // The SVG scales with its box, so its labels are sized in view units for at least 12 CSS pixels
  // and thinned out so they never overlap on a phone.
  const svgRef = useRef<SVGSVGElement>(null);
  const [boxWidth, setBoxWidth] = useState(VIEW_W);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => setBoxWidth(entry.contentRect.width || VIEW_W));
    ro.observe(svg);
    return () => ro.disconnect();
  }, []);
  // Off screen, the pulse is paused: an SVG animation is drawn on the main thread, frame after
  // frame, and would take time from the controls and the engine for nothing.
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([entry]) => setOnScreen(entry.isIntersecting));
    io.observe(svg);
    return () => io.disconnect();
  }, []);
  const unitsPerPx = VIEW_W / Math.max(1, boxWidth);
  const fontSize = Math.max(11, 12 * unitsPerPx);

  const L = result.layers.length;
  const shown = pickLayers(L);
  const columns = [
    { label: 'in', layer: 0, ratio: 1, width: result.config.width },
    ...shown.map((n) => {
      const l = result.layers[n - 1];
      // An overflowed layer (post null) is drawn at the hottest end of the scale, never as 0.
      return { label: `${n}`, layer: n, ratio: l.post === null ? Infinity : l.post.std / result.summary.inputStd, width: l.width };
    }),
  ];
  const dx = (VIEW_W - 2 * PAD_X) / Math.max(1, columns.length - 1);
  const labelEvery = Math.max(1, Math.ceil((fontSize * 2.6) / dx));
  const padTop = Math.max(PAD_TOP, fontSize + 12);
  const innerH = VIEW_H - padTop - Math.max(PAD_BOTTOM, fontSize + 14);
  const period = 2.6;
  const nodeYs = (units: number) => {
    const n = Math.min(NODES_PER_COLUMN, Math.max(1, units));
    return Array.from({ length: n }, (_, i) => padTop + ((i + 0.5) * innerH) / n);
  };
  const description = describeSignal(result);
  const animated = !reduced;
  const playing = animated && !paused && !ended;

  return (
    <section aria-labelledby={titleId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={titleId} className="text-base font-semibold">
          Signal through the network
        </h2>
        <div className="flex items-center gap-2">
          {reduced ? (
            <span className="text-xs text-slate-600 dark:text-slate-400">Animation off: your system asks for reduced motion.</span>
          ) : (
            <Button
              size="sm"
              onClick={() => {
                setPaused(playing);
                setRestingOn(null);
              }}
              aria-pressed={!playing}
            >
              {playing ? '❚❚ Pause' : '▶ Play'}
              <span className="sr-only"> animation</span>
            </Button>
          )}
        </div>
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Node size and brightness: that layer&apos;s post-activation std relative to the input (clamped at 1000× either way).
        {L > MAX_COLUMNS ? ` Showing ${shown.length} of ${L} layers, evenly spaced.` : ''}
      </p>
      <div className="mt-3 overflow-hidden rounded-lg bg-slate-950" data-testid="network-view">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${VIEW_W} ${VIEW_H}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          className={`block h-auto w-full ${animated && !ended ? styles.animated : ''} ${paused || !onScreen ? styles.paused : ''}`}
          style={{ '--cycles': PULSE_CYCLES } as CSSProperties}
          // The last column's wave ends last: then the pulse rests.
          onAnimationEnd={(e) => {
            if ((e.target as Element).hasAttribute('data-last-column')) setRestingOn(result);
          }}
        >
          <defs>
            <filter id={glowId} x="-100%" y="-100%" width="300%" height="300%">
              <feGaussianBlur stdDeviation="4" result="blur" />
              <feMerge>
                <feMergeNode in="blur" />
                <feMergeNode in="SourceGraphic" />
              </feMerge>
            </filter>
          </defs>
          {/* Wires between neighbouring columns; their opacity follows the receiving layer. */}
          <g stroke="#94a3b8" strokeWidth={0.6}>
            {columns.slice(1).map((col, ci) => {
              const prev = columns[ci];
              const e = encode(col.ratio);
              const opacity = 0.05 + 0.22 * ((e.t + 1) / 2);
              // One path per pair of columns (not a line per wire): far fewer elements to restyle
              // when a new result arrives.
              const x0 = (PAD_X + ci * dx).toFixed(1);
              const x1 = (PAD_X + (ci + 1) * dx).toFixed(1);
              const d = nodeYs(prev.width)
                .flatMap((y0) => nodeYs(col.width).map((y1) => `M${x0},${y0.toFixed(1)}L${x1},${y1.toFixed(1)}`))
                .join('');
              return <path key={ci} d={d} fill="none" strokeOpacity={opacity} />;
            })}
          </g>
          {columns.map((col, ci) => {
            const e = encode(col.ratio);
            const x = PAD_X + ci * dx;
            // The pulse grows each node by `amp` of its radius: a stroke in the node's own colour,
            // as wide as the growth on both sides (the nodes inherit the animated stroke width).
            const style = {
              '--delay': `${((ci / Math.max(1, columns.length)) * period * 0.7).toFixed(3)}s`,
              '--grow': `${(2 * e.r * e.amp).toFixed(2)}px`,
              '--period': `${period}s`,
            } as CSSProperties;
            // Keyed by position: a new result changes attributes of the same elements. Only the
            // column groups carry the animation, so the nodes restyle as plain elements.
            return (
              <g key={ci} style={style} className={styles.column} strokeWidth={0} data-last-column={ci === columns.length - 1 ? '' : undefined}>
                {nodeYs(col.width).map((y, i) => (
                  <circle key={i} cx={x} cy={y} r={e.r} fill={e.fill} stroke={e.fill} filter={e.glow > 0.15 ? `url(#${glowId})` : undefined} />
                ))}
              </g>
            );
          })}
          <g fontSize={fontSize} fill="#cbd5e1" textAnchor="middle">
            {columns.map((col, ci) =>
              ci === 0 || ci === columns.length - 1 || (ci % labelEvery === 0 && columns.length - 1 - ci >= labelEvery) ? (
                <text key={ci} x={PAD_X + ci * dx} y={VIEW_H - 4}>
                  {col.label}
                </text>
              ) : null,
            )}
          </g>
          <text x={PAD_X} y={fontSize + 2} fontSize={fontSize} fill="#cbd5e1">
            input std {formatNumber(result.summary.inputStd)}
          </text>
          <text x={VIEW_W - PAD_X} y={fontSize + 2} fontSize={fontSize} fill="#cbd5e1" textAnchor="end">
            layer {L}: std {formatStat(result.layers[L - 1].post?.std)}
          </text>
        </svg>
      </div>
      <p id={descId} className="mt-3 text-sm text-slate-700 dark:text-slate-200" data-testid="signal-description">
        {description}
      </p>
    </section>
  );
});
