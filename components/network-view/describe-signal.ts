/**
 * Plain-language account of what the signal does through the network, computed from a result:
 * the text alternative of the animated view (and useful anywhere a sentence beats a chart).
 * Uses the post-activation std of each layer relative to the input std.
 */
import type { SimResult } from '@/lib/sim/types';
import { formatNumber } from '@/lib/format';
import { formatPercent } from '@/components/simulator/format';

function firstLayer(ratios: number[], test: (r: number) => boolean): number | null {
  const i = ratios.findIndex(test);
  return i < 0 ? null : i + 1;
}

export function describeSignal(result: SimResult): string {
  const { layers, summary } = result;
  const L = layers.length;
  const input = summary.inputStd;
  // null: the layer overflowed (no value), never read as 0.
  const ratios = layers.map((l) => (l.post === null ? null : l.post.std / input));
  const parts: string[] = [];

  if (summary.underflowLayer === null && ratios.every((r) => r === 0)) {
    return `From layer 1 on every activation is exactly 0: the input never reaches the output, and every unit of a layer computes the same value, so nothing distinguishes one unit from another.`;
  }

  const overflow = summary.overflowLayer;
  const finalStd = layers[L - 1].post?.std ?? null;
  const final = ratios[L - 1];
  if (overflow !== null || finalStd === null || final === null) {
    const lastGood = overflow !== null && overflow > 1 ? layers[overflow - 2].post?.std : null;
    parts.push(
      `The activation std starts at ${formatNumber(input)} at the input` +
        (lastGood != null ? ` and reaches ${formatNumber(lastGood)} at layer ${(overflow ?? 2) - 1}.` : '.') +
        ` It overflows the range of 64-bit numbers at layer ${overflow ?? L}: from there on the layers have no values, the signal has exploded.`,
    );
    return parts.join(' ');
  }
  parts.push(
    `The activation std starts at ${formatNumber(input)} at the input and ends at ${formatNumber(finalStd)} after layer ${L}` +
      ` (${final >= 0.01 && final < 100 ? formatPercent(final) : `${formatNumber(final)} times`} of the input).`,
  );
  const finite = ratios as number[];
  if (summary.underflowLayer !== null) {
    parts.push(`It underflows to exactly 0 at layer ${summary.underflowLayer}: smaller than the smallest 64-bit number, so every later layer is 0.`);
  } else {
    const below10 = firstLayer(finite, (r) => r < 0.1);
    const below1 = firstLayer(finite, (r) => r < 0.01);
    const above10 = firstLayer(finite, (r) => r > 10);
    const above1000 = firstLayer(finite, (r) => r > 1000);
    if (below1) parts.push(`It falls below 10% of the input by layer ${below10} and below 1% by layer ${below1}.`);
    else if (below10) parts.push(`It falls below 10% of the input by layer ${below10}.`);
    if (above1000) parts.push(`It grows past 10 times the input by layer ${above10} and past 1000 times by layer ${above1000}.`);
    else if (above10) parts.push(`It grows past 10 times the input by layer ${above10}.`);
    if (!below10 && !above10) {
      const lo = Math.min(...finite);
      const hi = Math.max(...finite);
      parts.push(`Across all ${L} layers it stays between ${formatNumber(lo)} and ${formatNumber(hi)} times the input.`);
    }
  }
  if (summary.gradientOverflowLayer !== null) parts.push(`On the way back the gradient overflows at layer ${summary.gradientOverflowLayer}.`);
  if (!summary.symmetryBroken) parts.push('Every unit of a layer computes the same value (symmetry is not broken).');
  return parts.join(' ');
}
