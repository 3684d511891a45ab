/**
 * Lesson 2 — deriving Xavier/Glorot: the variance of a sum, fan-in for the forward pass, fan-out
 * for the backward pass, their harmonic compromise, and normal vs uniform parameterisations.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li, H3 } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { WorkedExample } from '../worked-example';
import { CONFIGS } from '@/lib/lessons/configs';
import { formatNumber } from '@/lib/format';
import { UNIFORM_BOUND_FACTOR } from '@/lib/lessons/constants';

export const sections: LessonSection[] = [
  {
    id: 'variance-of-a-sum',
    title: 'The variance of one pre-activation',
    body: (
      <>
        <P>We make three assumptions about the moment of initialization, and no more:</P>
        <Ul>
          <Li>weights are independent, identically distributed, with mean zero and variance <M t="\operatorname{Var}(W)" />;</Li>
          <Li>weights are independent of the layer’s inputs (true before any training step);</Li>
          <Li>there is no bias, or the bias is zero.</Li>
        </Ul>
        <P>For a unit with <M t="n_{\text{in}}" /> inputs, each product <M t="w_i a_i" /> has mean zero, because <M t="\mathbb{E}[w_i]=0" /> and <M t="w_i" /> is independent of <M t="a_i" />. Its variance is</P>
        <MathBlock t="\operatorname{Var}(w_i a_i) = \mathbb{E}[w_i^2]\,\mathbb{E}[a_i^2] - \big(\mathbb{E}[w_i]\,\mathbb{E}[a_i]\big)^2 = \operatorname{Var}(W)\,\mathbb{E}[a^2]." />
        <P>Different terms are uncorrelated (their weights are independent with mean zero), so variances add:</P>
        <MathBlock t="\operatorname{Var}(z) = n_{\text{in}}\,\operatorname{Var}(W)\,\mathbb{E}[a^2]." />
        <Callout title="Second moment, not variance, of the input">
          <p>
            The formula uses <M t="\mathbb{E}[a^2]" />, not <M t="\operatorname{Var}(a)" />. The two agree only when the
            activations are centred. After a ReLU or a sigmoid they are not, and this distinction is exactly where the
            factor of two in He initialization will come from.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'forward-and-backward',
    title: 'Forwards wants fan-in, backwards wants fan-out',
    body: (
      <>
        <P>
          Glorot and Bengio (2010) assumed an activation that behaves like the identity near zero: <M t="\phi(z)\approx z" />,{' '}
          <M t="\phi'(0)=1" />. Then <M t="\mathbb{E}[a^2] \approx \operatorname{Var}(z)" /> of the layer below, and keeping the
          forward variance constant requires
        </P>
        <MathBlock t="n_{\text{in}}\operatorname{Var}(W) = 1 \quad\Longrightarrow\quad \operatorname{Var}(W) = \frac{1}{n_{\text{in}}}." />
        <P>
          The backward pass sums over the units a weight feeds <em>into</em>: <M t="\delta_{l-1} = W^{\top}\delta_l" /> has{' '}
          <M t="n_{\text{out}}" /> terms per entry. Keeping the gradient’s variance constant requires
        </P>
        <MathBlock t="n_{\text{out}}\operatorname{Var}(W) = 1 \quad\Longrightarrow\quad \operatorname{Var}(W) = \frac{1}{n_{\text{out}}}." />
        <P>
          When a layer is square the two agree. When it is not, no single variance satisfies both, and Glorot and Bengio
          proposed the compromise
        </P>
        <MathBlock t="\operatorname{Var}(W) = \frac{2}{n_{\text{in}} + n_{\text{out}}}," />
        <P>
          the reciprocal of the average fan. This is PyTorch’s <code>xavier_normal_</code> with gain 1, and what the simulator
          calls fan mode <code>fan_avg</code>.
        </P>
        <H3 id="pyramid">A pyramid makes the difference visible</H3>
        <P>
          In a network whose layers halve in width, <M t="n_{\text{in}} = 2n_{\text{out}}" /> everywhere. Each fan mode then
          favours one direction:
        </P>
        <WorkedExample id="fan-modes" />
        <P>
          fan_in keeps the forward signal level and lets the gradient shrink; fan_out does the opposite; the average drifts
          a little in both directions. In a square network all three columns collapse to the same number, which is why the
          distinction is easy to forget.
        </P>
        <TryIt config={CONFIGS.pyramidFanAvg}>The pyramid with Glorot’s average; switch the fan mode and compare.</TryIt>
      </>
    ),
  },
  {
    id: 'normal-or-uniform',
    title: 'Normal or uniform: same variance, different bound',
    body: (
      <>
        <P>
          Only the variance entered the derivation, so any centred distribution with the right variance will do. The two
          common ones are a normal and a uniform.
        </P>
        <P>
          A normal is specified by its standard deviation directly: <M t="W \sim \mathcal{N}\big(0, \sigma^2\big)" /> with{' '}
          <M t="\sigma = \text{gain}\cdot\sqrt{2/(n_{\text{in}}+n_{\text{out}})}" />.
        </P>
        <P>A uniform on <M t="[-b, b]" /> has density <M t="1/(2b)" /> and variance</P>
        <MathBlock t="\operatorname{Var}(W) = \frac{1}{2b}\int_{-b}^{b} w^2\,dw = \frac{b^2}{3}." />
        <P>
          Setting <M t="b^2/3 = 2/(n_{\text{in}} + n_{\text{out}})" /> gives Glorot’s uniform bound
        </P>
        <MathBlock t="b = \text{gain}\cdot\sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}}," />
        <P>
          in general, <M t={`b = \\sqrt{3}\\,\\sigma \\approx ${formatNumber(UNIFORM_BOUND_FACTOR)}\\,\\sigma`} />. A common bug is to
          use the std as the bound, which silently gives a third of the intended variance.
        </P>
        <P>
          Does the shape matter? Not for the forward statistics of a wide layer, where a sum of many terms is close to normal
          whatever the terms look like. Twelve linear layers of width 256: uniform gives a final/input ratio of{' '}
          <Fact id="xavierUniformLinear12.ratio" />, normal gives <Fact id="xavierNormalLinear12.ratio" />.
        </P>
        <TryIt config={CONFIGS.xavierUniformLinear12}>Xavier uniform on a linear stack.</TryIt>
        <Callout kind="warning" title="“Xavier means 1/n” is a square-layer shortcut">
          <p>
            Lessons, papers and libraries often write Xavier as <M t="1/n" />. That is the Glorot formula for a square layer
            (<M t="n_{\text{in}} = n_{\text{out}} = n" />). Where widths change, check which fan your library uses.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'where-xavier-falls-short',
    title: 'Where the assumption breaks',
    body: (
      <>
        <P>
          The derivation needed <M t="\phi(z)\approx z" /> near zero. That is roughly true for tanh (slope 1 at the origin) and
          false for ReLU, which passes only half of a symmetric input. With ReLU, Xavier’s forward factor is one half per
          layer, as the first lesson measured. The next lesson fixes that with one extra line of algebra.
        </P>
      </>
    ),
  },
];
