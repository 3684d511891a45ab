/**
 * The preview image of a shared run (Open Graph), drawn on the server by next/og from the stored
 * run's per-layer curve: the title, the network in a line, the signal state and the curve on a
 * log axis. A token that opens nothing gets the same plain 404 as the page.
 */
import { readSignalState } from '@/lib/sim/signal-state';
import { ImageResponse } from 'next/og';
import { getSharedRun } from '@/lib/data/share-links';
import { curveOf } from '@/lib/experiments/run-view';
import { formatNumber } from '@/lib/format';
import { SCHEME_INFO, ACTIVATION_INFO } from '@/lib/sim';
import { curveGeometry } from '@/components/experiments/curve-path';

export const alt = 'The shared run’s post-activation std, layer by layer, on a log scale';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

const STATE_COLOR = { vanishing: '#0072B2', fading: '#0072B2', stable: '#009E73', growing: '#D55E00', exploding: '#D55E00' } as const;
const CHART = { width: 1040, height: 300 };

export default async function Image({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await getSharedRun(token);
  if (!shared) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const { config, result } = shared.run;
  const s = result.summary;
  const geometry = curveGeometry(curveOf(result), CHART);
  const state = readSignalState(s);
  const color = STATE_COLOR[state];
  const title = shared.title.length > 70 ? `${shared.title.slice(0, 69)}…` : shared.title;
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', padding: '44px 80px', fontSize: 28, color: '#0f172a' }}>
        <div style={{ display: 'flex', fontSize: 24, color: '#1d4ed8', fontWeight: 700 }}>InitLab · shared run</div>
        <div style={{ display: 'flex', fontSize: 48, fontWeight: 700, marginTop: 8 }}>{title}</div>
        <div style={{ display: 'flex', marginTop: 10, color: '#334155' }}>
          {`${SCHEME_INFO[config.scheme]?.label ?? config.scheme} · ${ACTIVATION_INFO[config.activation]?.label ?? config.activation} · ${config.layers} layers × ${config.width}`}
        </div>
        <div style={{ display: 'flex', alignItems: 'center', marginTop: 10 }}>
          <div style={{ display: 'flex', background: color, color: '#ffffff', borderRadius: 999, padding: '2px 18px', fontWeight: 700 }}>{state}</div>
          <div style={{ display: 'flex', marginLeft: 18, color: '#334155' }}>
            {s.finalStd === null ? 'final std overflows' : `final std ${formatNumber(s.finalStd)} (input ${formatNumber(s.inputStd)})`}
          </div>
        </div>
        {geometry ? (
          <svg width={CHART.width} height={CHART.height} viewBox={`0 0 ${CHART.width} ${CHART.height}`} style={{ marginTop: 28 }}>
            {geometry.decades.map((d) => (
              <line key={d.exponent} x1={0} x2={CHART.width} y1={d.y} y2={d.y} stroke="#e2e8f0" strokeWidth={2} />
            ))}
            {geometry.inputY !== null ? (
              <line x1={0} x2={CHART.width} y1={geometry.inputY} y2={geometry.inputY} stroke="#94a3b8" strokeWidth={2} strokeDasharray="10 8" />
            ) : null}
            <path d={geometry.path} fill="none" stroke={color} strokeWidth={6} strokeLinejoin="round" strokeLinecap="round" />
          </svg>
        ) : (
          <div style={{ display: 'flex', marginTop: 60, color: '#334155' }}>Every value is exactly 0: the signal is gone from layer 1 on.</div>
        )}
      </div>
    ),
    size,
  );
}
