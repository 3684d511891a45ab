/**
 * The per-layer numbers as a table: the accessible alternative to every chart and the source of
 * the CSV export. Inside a disclosure so it does not dominate the page; horizontally scrollable
 * (and keyboard-focusable for scrolling) on narrow screens.
 */
import { memo } from 'react';
import type { SimResult } from '@/lib/sim/types';
import { Disclosure } from '@/components/ui/disclosure';
import { formatExact, formatPercent } from './format';

export const LayerTable = memo(function LayerTable({ result }: { result: SimResult }) {
  const head = [
    ['Layer', ''],
    ['Width', ''],
    ['z mean', 'pre-activation'],
    ['z std', 'pre-activation'],
    ['z RMS', 'pre-activation'],
    ['a mean', 'post-activation'],
    ['a std', 'post-activation'],
    ['a RMS', 'post-activation'],
    ['Dead', 'share of units'],
    ['Saturated', 'share of units'],
    ['Gradient RMS', 'backward'],
    ['Theory z std', 'mean field'],
    ['Theory a RMS', 'mean field'],
    ['Theory gradient', 'mean field'],
  ];
  const i = result.input;
  return (
    <Disclosure summary="Per-layer numbers (table)" lazy>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Per-layer numbers, scrollable">
        <table className="w-full border-collapse text-right text-xs tabular-nums" data-testid="layer-table">
          <caption className="sr-only">Statistics of every layer; layer 0 is the input x.</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              {head.map(([h, sub]) => (
                <th key={h} scope="col" className="whitespace-nowrap px-2 py-1.5 font-semibold">
                  {h}
                  {sub ? <span className="block font-normal text-slate-600 dark:text-slate-400">{sub}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="px-2 py-1 font-medium">
                0 (input)
              </th>
              <td className="px-2 py-1">{result.config.width}</td>
              <td className="px-2 py-1">{formatExact(i.mean)}</td>
              <td className="px-2 py-1">{formatExact(i.std)}</td>
              <td className="px-2 py-1">{formatExact(i.rms)}</td>
              <td className="px-2 py-1" colSpan={9}>
                <span className="sr-only">not applicable</span>
              </td>
            </tr>
            {result.layers.map((l) => (
              <tr key={l.layer} className="border-b border-slate-100 odd:bg-slate-50/60 dark:border-slate-800 dark:odd:bg-slate-800/40">
                <th scope="row" className="px-2 py-1 font-medium">
                  {l.layer}
                </th>
                <td className="px-2 py-1">{l.width}</td>
                <td className="px-2 py-1">{formatExact(l.pre?.mean ?? null)}</td>
                <td className="px-2 py-1">{formatExact(l.pre?.std ?? null)}</td>
                <td className="px-2 py-1">{formatExact(l.pre?.rms ?? null)}</td>
                <td className="px-2 py-1">{formatExact(l.post?.mean ?? null)}</td>
                <td className="px-2 py-1">{formatExact(l.post?.std ?? null)}</td>
                <td className="px-2 py-1">{formatExact(l.post?.rms ?? null)}</td>
                <td className="px-2 py-1">{formatPercent(l.post?.deadFraction ?? null)}</td>
                <td className="px-2 py-1">{formatPercent(l.post?.saturatedFraction ?? null)}</td>
                <td className="px-2 py-1">{formatExact(l.gradientNorm)}</td>
                <td className="px-2 py-1">{formatExact(l.theory.preStd)}</td>
                <td className="px-2 py-1">{formatExact(l.theory.postRms)}</td>
                <td className="px-2 py-1">{formatExact(l.theory.gradientNorm)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Disclosure>
  );
});
