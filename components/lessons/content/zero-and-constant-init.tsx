/**
 * Lesson 4 — zero and constant initialization: the symmetry argument, why zero biases are fine,
 * and where zeros are used on purpose.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li, Figure } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { CONFIGS } from '@/lib/lessons/configs';

/** Two hidden units with identical incoming weights: same output, same gradient, forever. */
function TwinsDiagram() {
  const inputs = [25, 60, 95];
  return (
    <svg viewBox="0 0 360 130" className="h-auto w-full max-w-md text-slate-700 dark:text-slate-300" role="img" aria-label="Three inputs connect to two hidden units with the same weight c on every edge. Both hidden units compute the same value h and receive the same gradient.">
      {inputs.map((y) => (
        <g key={y}>
          <circle cx={40} cy={y + 5} r={10} fill="none" stroke="currentColor" strokeWidth={2} />
          <line x1={50} y1={y + 5} x2={190} y2={40} stroke="currentColor" strokeOpacity={0.6} />
          <line x1={50} y1={y + 5} x2={190} y2={95} stroke="currentColor" strokeOpacity={0.6} />
        </g>
      ))}
      <text x={120} y={30} fontSize="12" fill="currentColor">c</text>
      <text x={120} y={118} fontSize="12" fill="currentColor">c</text>
      <circle cx={200} cy={40} r={12} fill="#1d4ed8" fillOpacity={0.25} stroke="#1d4ed8" strokeWidth={2} />
      <circle cx={200} cy={95} r={12} fill="#1d4ed8" fillOpacity={0.25} stroke="#1d4ed8" strokeWidth={2} />
      <text x={222} y={44} fontSize="13" fill="currentColor">h, ∂L/∂h</text>
      <text x={222} y={99} fontSize="13" fill="currentColor">h, ∂L/∂h</text>
    </svg>
  );
}

export const sections: LessonSection[] = [
  {
    id: 'symmetry',
    title: 'Identical units stay identical',
    body: (
      <>
        <P>
          Suppose every weight in a layer starts at the same constant <M t="c" /> (zero is the special case <M t="c=0" />).
          Every unit in that layer sums the same inputs with the same weights, so every unit computes the same number:
        </P>
        <MathBlock t="h_j = \phi\Big(\sum_i c\,x_i\Big) \quad\text{for every unit } j." />
        <P>
          Now train. The gradient of the loss with respect to unit <M t="j" />’s incoming weight <M t="w_{ji}" /> is{' '}
          <M t="\delta_j\,x_i" />, where <M t="\delta_j" /> is the error signal arriving at unit <M t="j" />. If the next layer’s
          weights are also constant, every <M t="\delta_j" /> is the same, so every unit’s weights receive the same update.
          After the step they are still equal to each other. By induction they stay equal forever.
        </P>
        <Figure caption="Two hidden units with the same incoming weights compute the same value and receive the same gradient, so gradient descent can never tell them apart.">
          <TwinsDiagram />
        </Figure>
        <P>
          A layer of 512 identical units is one unit written 512 times. The network can still train, in a sense — the
          shared value moves — but it can only ever represent what a network of width one can.
        </P>
        <Callout kind="warning" title="Zero is worse than constant">
          <p>
            With all weights zero, every pre-activation is zero, and with ReLU every gradient through a hidden layer is zero
            too: the weights never move at all. The simulator shows the forward half of this. Twelve ReLU layers with zero
            weights give a final std of <Fact id="zeroRelu12.finalStd" />, and the engine reports the symmetry as unbroken.
          </p>
        </Callout>
        <TryIt config={CONFIGS.zeroRelu12}>Zero initialization: the summary reports whether symmetry is broken.</TryIt>
      </>
    ),
  },
  {
    id: 'breaking-it',
    title: 'Breaking the symmetry',
    body: (
      <>
        <P>
          Randomness is the cure. If the weights are drawn independently, no two units see the same weighted sum, their
          gradients differ, and each is free to specialise. The previous lessons chose the <em>scale</em> of that randomness;
          this lesson is the reason for randomness in the first place.
        </P>
        <P>
          Only the symmetry between units <em>of the same layer</em> matters. Identical layers stacked on top of each other
          are harmless; identical units side by side are the problem.
        </P>
      </>
    ),
  },
  {
    id: 'zero-biases',
    title: 'Why zero biases are fine',
    body: (
      <>
        <P>
          Biases can all start at zero because they are not what makes units different. Once the weights are random, unit{' '}
          <M t="j" />’s pre-activation <M t="\sum_i w_{ji} x_i + b_j" /> already differs from unit <M t="k" />’s through the
          weights, and so do their gradients. The bias gradient <M t="\partial L/\partial b_j = \delta_j" /> then differs too,
          and the biases drift apart on their own from the first step.
        </P>
        <P>Zero biases also keep the derivation clean: a bias adds its variance to every pre-activation,</P>
        <MathBlock t="\operatorname{Var}(z) = n\operatorname{Var}(W)\,\mathbb{E}[a^2] + \operatorname{Var}(b)," />
        <P>
          and a bias variance that is large relative to the signal makes every unit’s output depend more on its bias than on
          its input.
        </P>
      </>
    ),
  },
  {
    id: 'zeros-on-purpose',
    title: 'Zeros on purpose',
    body: (
      <>
        <P>Two places use zeros deliberately, and neither contradicts the argument above:</P>
        <Ul>
          <Li>
            <strong>The last layer of a residual branch</strong> (or the scale of its last normalization) is sometimes set to
            zero so that each block starts as the identity. The symmetry is broken elsewhere in the block, and the zero
            weights receive non-zero, non-identical gradients because their inputs differ. The lesson on residual networks
            returns to this.
          </Li>
          <Li>
            <strong>An output layer</strong> initialized to zero starts from a neutral prediction. The hidden units before it
            are random, so the output weights receive different gradients and separate at once.
          </Li>
        </Ul>
        <P>
          The rule is precise: zeros are safe where the <em>inputs</em> to those weights already differ from unit to unit,
          and fatal where they make a whole layer’s units indistinguishable.
        </P>
      </>
    ),
  },
];
