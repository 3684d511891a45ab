/**
 * Lesson 3 — deriving He/Kaiming: ReLU halves the second moment, He doubles Var(W); which
 * statistics stay constant (pre-activation variance, post RMS) and which does not (post std);
 * the leaky ReLU gain.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { LayerProfile } from '../layer-profile';
import { CONFIGS } from '@/lib/lessons/configs';
import { formatNumber } from '@/lib/format';
import { POST_RELU_STD_FACTOR, POST_RELU_MEAN_FACTOR } from '@/lib/lessons/constants';
import { calculateGain } from '@/lib/sim';

const LEAKY_A = CONFIGS.leakyHeMatched30.activationParam;

export const sections: LessonSection[] = [
  {
    id: 'relu-halves',
    title: 'ReLU keeps half of the second moment',
    body: (
      <>
        <P>
          Let <M t="z" /> be a pre-activation with a distribution symmetric about zero (a centred normal, for instance, which
          is what a wide layer produces). ReLU keeps the positive half and zeroes the rest:
        </P>
        <MathBlock t="\mathbb{E}\big[\operatorname{relu}(z)^2\big] = \int_0^{\infty} z^2\,p(z)\,dz = \frac{1}{2}\int_{-\infty}^{\infty} z^2\,p(z)\,dz = \frac{1}{2}\operatorname{Var}(z)." />
        <P>
          The middle step is symmetry: the positive half carries exactly half of the integral. Nothing about normality was used.
        </P>
        <P>
          Put this into the variance of the next pre-activation from the previous lesson, <M t="\operatorname{Var}(z_{l}) = n\operatorname{Var}(W)\,\mathbb{E}[a_{l-1}^2]" />:
        </P>
        <MathBlock t="\operatorname{Var}(z_{l}) = \frac{n\operatorname{Var}(W)}{2}\,\operatorname{Var}(z_{l-1})." />
        <P>The factor is one when</P>
        <MathBlock t="\operatorname{Var}(W) = \frac{2}{n_{\text{in}}}, \qquad \text{i.e. } \sigma_W = \sqrt{2}\cdot\frac{1}{\sqrt{n_{\text{in}}}}." />
        <P>
          That is He (Kaiming) initialization, He et al. (2015): twice Xavier’s variance, to repay the half that ReLU discards.
          In PyTorch’s language the gain is <M t="\sqrt{2}" /> and the fan is <code>fan_in</code>. Using{' '}
          <code>fan_out</code> instead preserves the backward pass, where ReLU’s slope halves <M t="\mathbb{E}[\phi'^2]" /> by
          the same argument.
        </P>
      </>
    ),
  },
  {
    id: 'what-stays-constant',
    title: 'What stays constant, and what does not',
    body: (
      <>
        <P>
          “He keeps the variance constant” is true of a specific quantity, and students lose marks by reading the wrong one
          off a plot. Take twelve ReLU layers of width 256, He normal, input std 1.
        </P>
        <Ul>
          <Li>
            <strong>Pre-activation std</strong> (of <M t="z_l" />): constant at <M t="\sqrt{2}" />, because the very first
            layer multiplies an input of second moment 1 by <M t="n\cdot 2/n" />. The mean-field prediction for layer 12 is{' '}
            <Fact id="heRelu12.finalPreStdTheory" />.
          </Li>
          <Li>
            <strong>Post-activation RMS</strong> (<M t="\sqrt{\mathbb{E}[a_l^2]}" />): constant, at the input’s level. The
            prediction for layer 12 is <Fact id="heRelu12.finalRmsTheory" />.
          </Li>
          <Li>
            <strong>Post-activation std</strong>: smaller, because ReLU outputs have a positive mean. Layer 12 gives{' '}
            <Fact id="heRelu12.finalStd" /> in this network.
          </Li>
        </Ul>
        <P>For a centred normal <M t="z" /> with std <M t="s" />, the mean and second moment of <M t="\operatorname{relu}(z)" /> are</P>
        <MathBlock t={`\\mathbb{E}[\\operatorname{relu}(z)] = \\frac{s}{\\sqrt{2\\pi}} \\approx ${formatNumber(POST_RELU_MEAN_FACTOR)}\\,s, \\qquad \\mathbb{E}[\\operatorname{relu}(z)^2] = \\frac{s^2}{2},`} />
        <P>so its std is</P>
        <MathBlock t={`\\operatorname{std}\\big(\\operatorname{relu}(z)\\big) = s\\sqrt{\\frac{1}{2} - \\frac{1}{2\\pi}} \\approx ${formatNumber(POST_RELU_STD_FACTOR)}\\,s.`} />
        <P>
          In the same network made four times wider (1024 units, so that one random draw strays less from the average), the
          engine’s ratio of post-activation std to pre-activation std at layer 12 is <Fact id="heRelu12Wide.postOverPre" />.
        </P>
        <Callout title="One network is not the average">
          <p>
            The predictions above are for an infinitely wide network, averaged over all random draws. One sampled network
            of width 256 wanders around them: this one has a pre-activation std of <Fact id="heRelu12.firstPreStd" /> at
            layer 1 and <Fact id="heRelu12.finalPreStd" /> at layer 12, and an RMS of <Fact id="heRelu12.finalRms" /> at
            layer 12. The wander is a random walk in the logarithm whose spread grows with depth divided by width. He fixes
            the average; width keeps the individual network close to it.
          </p>
        </Callout>
        <P>
          The three curves below all come from one correct He network. All three run level after the first layer (up to the
          wander just described), at three different levels, and only the RMS sits at the input’s value.
        </P>
        <LayerProfile
          title="He normal with ReLU, 12 layers: pre-activation std, post-activation RMS and post-activation std per layer"
          quantity="preStd"
          series={[
            { label: 'pre-activation std', config: CONFIGS.heRelu12, quantity: 'preStd' },
            { label: 'post-activation RMS', config: CONFIGS.heRelu12, quantity: 'postRms' },
            { label: 'post-activation std', config: CONFIGS.heRelu12, quantity: 'postStd' },
          ]}
        />
        <TryIt config={CONFIGS.heRelu12}>He with ReLU: switch the plotted statistic between std and RMS.</TryIt>
        <Callout title="Why the plot starts with a step">
          <p>
            The input is centred with std 1; layer 1’s post-ReLU std is already the smaller, non-centred value. The step
            happens once. After it the std holds, because what He preserves is the second moment and the second moment is
            what the next layer’s sum sees.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'leaky-relu',
    title: 'Leaky ReLU and the general gain',
    body: (
      <>
        <P>
          Leaky ReLU with negative slope <M t="a" /> keeps the positive half unchanged and scales the negative half by{' '}
          <M t="a" />. By the same symmetry argument,
        </P>
        <MathBlock t="\mathbb{E}\big[\phi(z)^2\big] = \frac{1}{2}\operatorname{Var}(z) + \frac{a^2}{2}\operatorname{Var}(z) = \frac{1+a^2}{2}\operatorname{Var}(z)," />
        <P>and the variance-preserving weights have</P>
        <MathBlock t="\operatorname{Var}(W) = \frac{2}{(1+a^2)\,n_{\text{in}}}, \qquad \text{gain} = \sqrt{\frac{2}{1+a^2}}." />
        <P>
          ReLU is the case <M t="a=0" /> (gain <M t="\sqrt{2}" />), and a linear layer the case <M t="a=1" /> (gain 1). For the
          usual small slopes the difference from <M t="\sqrt 2" /> is negligible, but a large slope is not. With slope{' '}
          {formatNumber(LEAKY_A)} the matched gain is{' '}
          <M t={`\\sqrt{2/(1+a^2)} \\approx ${formatNumber(calculateGain('leaky-relu', LEAKY_A))}`} />. Keeping ReLU’s gain over 30 layers
          turns an input of std 1 into a final/input ratio of <Fact id="leakyHeDefault30.ratio" />; the matched gain gives{' '}
          <Fact id="leakyHeMatched30.ratio" />.
        </P>
        <TryIt config={CONFIGS.leakyHeDefault30}>Leaky ReLU with He’s default (ReLU) gain: the signal creeps up.</TryIt>
        <TryIt config={CONFIGS.leakyHeMatched30}>The same net with the gain matched to the activation.</TryIt>
      </>
    ),
  },
  {
    id: 'summary',
    title: 'Summary',
    body: (
      <>
        <Ul>
          <Li>
            <M t="\operatorname{Var}(z_l) = n_{\text{in}}\operatorname{Var}(W)\,\mathbb{E}[a_{l-1}^2]" /> always; the activation
            only enters through <M t="\mathbb{E}[a^2]" />.
          </Li>
          <Li>ReLU keeps half of the second moment of a symmetric input, so He uses <M t="\operatorname{Var}(W) = 2/n_{\text{in}}" />.</Li>
          <Li>He holds the pre-activation variance and the post-activation RMS; the post-ReLU std is a fixed fraction of them.</Li>
          <Li>Leaky ReLU’s gain is <M t="\sqrt{2/(1+a^2)}" />.</Li>
        </Ul>
      </>
    ),
  },
];
