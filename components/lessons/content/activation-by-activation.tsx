/**
 * Lesson 5 — activation by activation: tanh's forward/backward trade-off, sigmoid's unfixable
 * gradient, computed gains for GELU and Swish, SELU with LeCun normal.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { WorkedExample } from '../worked-example';
import { CONFIGS } from '@/lib/lessons/configs';
import { formatNumber } from '@/lib/format';
import { SIGMOID_MAX_SLOPE } from '@/lib/lessons/constants';
import { SELU_ALPHA, SELU_SCALE } from '@/lib/sim';

export const sections: LessonSection[] = [
  {
    id: 'the-general-recipe',
    title: 'The general recipe',
    body: (
      <>
        <P>
          Every activation enters the forward recursion through one number, the second moment it produces from a
          pre-activation of variance <M t="q" />, and the backward recursion through the mean square of its slope:
        </P>
        <MathBlock t="q_{l} = n\,\operatorname{Var}(W)\;\mathbb{E}\big[\phi(\sqrt{q_{l-1}}\,\xi)^2\big], \qquad v_{l-1} = n\,\operatorname{Var}(W)\;\mathbb{E}\big[\phi'(\sqrt{q_{l}}\,\xi)^2\big]\,v_{l}, \qquad \xi\sim\mathcal{N}(0,1)." />
        <P>
          For ReLU both expectations are exactly proportional to <M t="q" />, so one gain fixes both directions at every
          depth. For most other activations they are not, and that is where the trade-offs come from. The simulator draws
          this recursion (“mean field”) next to the sampled network, so you can see which of its predictions hold.
        </P>
      </>
    ),
  },
  {
    id: 'tanh',
    title: 'tanh: forwards or backwards, pick your compromise',
    body: (
      <>
        <P>
          Near zero, <M t="\tanh z \approx z" />, so Xavier’s derivation applies and gain 1 looks right. But tanh bends
          below the identity for larger inputs, so <M t="\mathbb{E}[\tanh(z)^2] < \operatorname{Var}(z)" /> and with gain 1
          the forward signal shrinks a little at every layer. The shrinkage is slow, because the smaller the signal gets,
          the more linear tanh looks. Over 50 layers of width 256 the final/input ratio is{' '}
          <Fact id="tanhXavier50.ratio" />, and the gradient reaching layer 1 is <Fact id="tanhXavier50.gradientRatio" />{' '}
          of its size at the output.
        </P>
        <P>
          PyTorch’s <code>calculate_gain(&apos;tanh&apos;)</code> returns <M t="5/3" />. It enlarges the weights enough that the
          forward signal settles at a steady size instead of decaying: the ratio becomes <Fact id="tanhMatched50.ratio" />.
          The price is paid backwards. At that steady size, the mean square of the slope times the larger weight variance
          exceeds one, and the gradient now <em>grows</em> on its way back: <Fact id="tanhMatched50.gradientRatio" /> times
          its size at the output. Meanwhile <Fact id="tanhMatched50.saturated" /> of the last layer’s units sit in the flat
          tails.
        </P>
        <TryIt config={CONFIGS.tanhXavier50}>tanh with Xavier’s gain 1, 50 layers.</TryIt>
        <TryIt config={CONFIGS.tanhMatched50}>tanh with the gain 5/3, 50 layers: compare the gradient panel.</TryIt>
        <Callout title="There is no free lunch for tanh">
          <p>
            No single gain makes both the forward and the backward factor exactly one at every layer. For a shallow net
            either choice is fine; for a deep one, choose the gain for the depth you have. The simulator’s recommendation
            searches for the gain that balances the two for the chosen number of layers; for 50 layers it is{' '}
            <Fact id="gain.tanhBalanced50" />, between Xavier’s 1 and PyTorch’s <M t="5/3" />.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'sigmoid',
    title: 'Sigmoid: the gradient dies whatever the scale',
    body: (
      <>
        <P>The logistic sigmoid <M t="\sigma(z) = 1/(1+e^{-z})" /> has two separate problems.</P>
        <P>
          <strong>It is not centred.</strong> Its outputs lie in <M t="(0,1)" /> with mean near <M t="1/2" />. After twenty
          layers the engine measures a mean of <Fact id="sigmoidXavier20.finalMean" />. A non-zero mean means{' '}
          <M t="\mathbb{E}[a^2]" /> is dominated by the mean rather than by the informative spread, and every unit of the next
          layer receives a large shared offset.
        </P>
        <P>
          <strong>Its slope is small.</strong> The derivative <M t="\sigma'(z) = \sigma(z)\,(1-\sigma(z))" /> is at most{' '}
          <M t={`1/4 = ${formatNumber(SIGMOID_MAX_SLOPE)}`} />, reached at <M t="z=0" />. The backward factor per layer is therefore
        </P>
        <MathBlock t="n\operatorname{Var}(W)\,\mathbb{E}[\sigma'(z)^2] \le \frac{n\operatorname{Var}(W)}{16}." />
        <P>
          To lift it to one you would need <M t="\operatorname{Var}(W) \ge 16/n" />. But weights that large make the
          pre-activations large, which pushes them into the tails where <M t="\sigma'" /> is far below its peak: raising the
          scale lowers the slope. The table shows how slowly the gradient recovers as the gain grows:
        </P>
        <WorkedExample id="sigmoid-gains" />
        <P>
          With Xavier’s gain the gradient at the first of 20 layers is <Fact id="sigmoidXavier20.gradientRatio" /> of the
          output gradient. The engine’s mean-field search finds that the backward factor only reaches one at a gain of{' '}
          <Fact id="gain.sigmoidLevel" />, and at that scale <Fact id="sigmoid.saturatedAtLevel" /> of the units sit in the
          flat tails, passing on little more than a binary code of their input. So the gradient can be kept alive only by
          destroying the forward signal. This is the historical reason deep sigmoid networks were hard to train, and no
          initialization fixes it.
        </P>
        <TryIt config={CONFIGS.sigmoidXavier20}>Sigmoid, Xavier, 20 layers: look at the gradient panel.</TryIt>
        <Callout kind="warning" title="What to do instead">
          <p>
            Keep sigmoid for outputs that must be probabilities, and for gates (as in LSTMs). For hidden layers use a
            centred activation with a healthy slope: tanh, ReLU and its relatives, GELU or SELU.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'gelu-and-swish',
    title: 'GELU and Swish: computed gains, slow drift',
    body: (
      <>
        <P>
          GELU, <M t="z\,\Phi(z)" />, and Swish (SiLU), <M t="z\,\sigma(z)" />, look like smoothed ReLUs. PyTorch’s{' '}
          <code>calculate_gain</code> has no entry for either, so the simulator computes the gain that preserves a unit
          second moment, <M t="1/\sqrt{\mathbb{E}[\phi(\xi)^2]}" /> with <M t="\xi\sim\mathcal N(0,1)" />, by numerical
          integration. It gives <Fact id="gain.gelu" /> for GELU and <Fact id="gain.swish" /> for Swish, both above ReLU’s{' '}
          <M t="\sqrt2" /> because these functions let through less of a unit-variance input than ReLU does.
        </P>
        <P>
          That gain is exact only at <M t="q = 1" />. Unlike ReLU, neither function is a pure scaling. A large input is passed
          almost like ReLU (half of the second moment kept), a small one is multiplied by about one half (GELU’s slope at
          zero), so a quarter of the second moment is kept. With the computed gain the per-layer factor is therefore above
          one for <M t="q > 1" /> and below one for <M t="q < 1" />: <M t="q=1" /> is a fixed point, but an unstable one. A
          signal that starts a little above it climbs away, and one that starts below it sinks.
        </P>
        <P>
          And the signal does start above it. The input itself is not passed through the activation, so layer 1’s
          pre-activation std is just the gain times the input std: <Fact id="geluMatched50.firstPreStd" />. Over fifty GELU
          layers the final/input ratio becomes <Fact id="geluMatched50.ratio" />; Swish with its computed gain reaches{' '}
          <Fact id="swishMatched50.ratio" />. With He’s ReLU gain, which is too small for GELU at every scale, the same GELU
          network ends at <Fact id="geluHe50.ratio" />.
        </P>
        <TryIt config={CONFIGS.geluMatched50}>GELU with the computed gain, 50 layers.</TryIt>
        <P>
          In practice GELU and Swish mostly appear in networks with normalization and residual connections (transformers,
          modern CNNs), which pin the scale at every layer and so remove the drift — the subject of the next lesson.
        </P>
      </>
    ),
  },
  {
    id: 'selu',
    title: 'SELU and self-normalization',
    body: (
      <>
        <P>SELU (Klambauer et al., 2017) is a scaled exponential linear unit with two carefully chosen constants:</P>
        <MathBlock t={`\\operatorname{selu}(z) = \\lambda \\begin{cases} z & z > 0 \\\\ \\alpha\\,(e^{z}-1) & z \\le 0 \\end{cases}, \\qquad \\lambda \\approx ${formatNumber(SELU_SCALE)},\\ \\alpha \\approx ${formatNumber(SELU_ALPHA)}.`} />
        <P>
          They are chosen so that if a layer’s inputs have mean 0 and variance 1 and the weights have{' '}
          <M t="\operatorname{Var}(W) = 1/n" /> (LeCun normal), the outputs again have mean 0 and variance 1 — and, more
          usefully, so that nearby means and variances are pulled <em>towards</em> that point. The network normalizes itself.
        </P>
        <P>
          Fifty SELU layers with LeCun normal end with std <Fact id="seluLecun50.finalStd" /> and mean{' '}
          <Fact id="seluLecun50.finalMean" />. The attraction only works near the right weight scale: with He’s doubled
          variance the same network ends with a ratio of <Fact id="seluHe50.ratio" />.
        </P>
        <TryIt config={CONFIGS.seluLecun50}>SELU with LeCun normal, 50 layers.</TryIt>
        <Callout kind="warning" title="PyTorch’s SELU gain is not the self-normalizing one">
          <p>
            <code>calculate_gain(&apos;selu&apos;)</code> returns <M t="3/4" />, which gives <M t="\operatorname{Var}(W) = 9/(16n)" />.
            PyTorch’s own documentation says to use the linear gain (<M t="\operatorname{Var}(W) = 1/n" />) for
            self-normalizing networks. In the simulator: LeCun normal with the default gain.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'cheat-sheet',
    title: 'Cheat sheet',
    body: (
      <Ul>
        <Li><strong>linear</strong>: <M t="1/n" />; orthogonal matrices preserve the norm exactly.</Li>
        <Li><strong>ReLU</strong>: He, <M t="2/n" />. <strong>Leaky ReLU</strong>: gain <M t="\sqrt{2/(1+a^2)}" />.</Li>
        <Li><strong>tanh</strong>: between gain 1 and <M t="5/3" />, chosen for the depth; check both directions.</Li>
        <Li><strong>sigmoid</strong>: no usable scale rescues a deep stack; use another activation for hidden layers.</Li>
        <Li><strong>GELU, Swish</strong>: computed gain for shallow stacks; for depth, normalization or residual structure.</Li>
        <Li><strong>SELU</strong>: LeCun normal, <M t="1/n" />, gain 1.</Li>
      </Ul>
    ),
  },
];
