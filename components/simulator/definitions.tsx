/**
 * "How to read the numbers": precise definitions of every statistic the page shows, so that
 * pre- vs post-activation and std vs RMS are never ambiguous. Static text, no numbers.
 */
import { Disclosure } from '@/components/ui/disclosure';

const TERMS: [string, React.ReactNode][] = [
  ['Input x = a₀', 'B samples of n units, every entry drawn independently from N(0, s²), where s is the input signal std.'],
  ['Pre-activation z_l', <>z_l = W_l a_(l−1) (+ bias), after normalization if one is chosen: what the activation function receives.</>],
  ['Post-activation a_l', <>a_l = φ(z_l), plus a_(l−1) when residual connections are on: what the next layer receives.</>],
  ['Std', 'Population standard deviation over every unit and every sample of the layer: √(E[(v − mean)²]). It measures the spread around the mean.'],
  [
    'RMS',
    'Root mean square √(E[v²]), the second moment. Equal to the std when the mean is 0, as for z. After ReLU the outputs are never negative, their mean is positive, and the RMS exceeds the std: He initialization keeps the RMS of a (and the std of z) level from layer to layer, while the std of a sits a constant factor below.',
  ],
  [
    'Gradient RMS',
    'The backward pass: a gradient with unit variance enters at the output, and the chart shows the RMS of the gradient with respect to each layer’s output as it travels back towards the input.',
  ],
  [
    'Mean-field prediction',
    'The infinite-width theory: q₁ = σ_w² n s², then q_l = σ_w² n E[φ(√q_(l−1) ξ)²] with ξ ~ N(0, 1), integrated numerically. It predicts second moments; the std of a follows from them and the predicted mean.',
  ],
  ['Seed band', 'The shaded range: the minimum and maximum of the same statistic over several seeds (seed, seed+1, …), showing how much one random draw of the weights matters.'],
  [
    'Dead / saturated',
    'Dead: the share of ReLU or leaky ReLU units whose pre-activation is ≤ 0 for every sample. Saturated: the share of tanh outputs beyond ±0.97, or of sigmoid outputs below 0.03 or above 0.97.',
  ],
];

export function Definitions() {
  return (
    <Disclosure summary="How to read the numbers: definitions">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        {TERMS.map(([term, text]) => (
          <div key={term}>
            <dt className="font-semibold">{term}</dt>
            <dd className="text-slate-700 dark:text-slate-300">{text}</dd>
          </div>
        ))}
      </dl>
    </Disclosure>
  );
}
