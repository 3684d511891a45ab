/**
 * Lesson 8 — FAQ and common misconceptions: short, precise answers, each pointing at the lesson
 * or simulator run that backs it up.
 */
import Link from 'next/link';
import type { LessonSection } from '../lesson-layout';
import { P, Qa } from '../prose';
import { M } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { CONFIGS } from '@/lib/lessons/configs';

const A = ({ href, children }: { href: string; children: React.ReactNode }) => (
  <Link href={href} className="text-blue-700 underline underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200">
    {children}
  </Link>
);

export const sections: LessonSection[] = [
  {
    id: 'faq',
    title: 'Frequently asked questions',
    body: (
      <>
        <Qa id="faq-which-scheme" q="Which initialization should I use?">
          <P>
            Match it to the activation: He (<M t="2/n" />) for ReLU and its leaky variants, Xavier or LeCun (<M t="1/n" />)
            for linear layers and tanh (with a gain chosen for the depth), LeCun normal for SELU, a computed gain for GELU and
            Swish. The <A href="/lessons/activation-by-activation">activation lesson</A> has the reasons.
          </P>
        </Qa>
        <Qa id="faq-fan-in-out" q="fan_in, fan_out or the average?">
          <P>
            fan_in preserves the forward signal, fan_out the backward one, their average compromises. For square layers they
            coincide. For a convolution, the fan is kernel height × kernel width × channels (input channels for fan_in,
            output channels for fan_out). See the <A href="/lessons/xavier-glorot#forward-and-backward">Xavier derivation</A>.
          </P>
        </Qa>
        <Qa id="faq-uniform-normal" q="Uniform or normal?">
          <P>
            For wide layers it hardly matters, as long as the variance is right. A uniform <M t="U(-b, b)" /> has variance{' '}
            <M t="b^2/3" />, so the bound is <M t="\sqrt 3" /> times the std you want.
          </P>
        </Qa>
        <Qa id="faq-width" q="Does the width change the result?">
          <P>
            Not the typical size: the schemes divide by the fan, so width cancels. With He and ReLU over twelve layers the
            final/input ratio is <Fact id="heRelu12Narrow.ratio" /> at width 64 and <Fact id="heRelu12Wide.ratio" /> at width
            1024. Width reduces the <em>fluctuations</em> around that size — narrow networks vary more from seed to seed.
          </P>
        </Qa>
        <Qa id="faq-input-scale" q="What if my inputs are not standardized?">
          <P>
            For ReLU networks the whole curve scales with the input: with input std 2 the final/input ratio is{' '}
            <Fact id="heRelu12Input2.ratio" />, against <Fact id="heRelu12.finalStd" /> for input std 1. For saturating
            activations the input scale also changes the shape. Standardize inputs anyway; it costs nothing.
          </P>
        </Qa>
        <Qa id="faq-biases" q="How should I initialize biases?">
          <P>
            Zero is the standard choice and is safe once the weights are random (see{' '}
            <A href="/lessons/zero-and-constant-init#zero-biases">zero and constant init</A>). A small positive bias is
            sometimes used with ReLU to keep units alive early on, and an output bias can be set to the log-odds of the base
            rate for imbalanced classification.
          </P>
        </Qa>
        <Qa id="faq-orthogonal" q="What is orthogonal initialization for?">
          <P>
            An orthogonal matrix preserves the length of every vector exactly, not just on average. For linear networks and
            recurrent weights it keeps the signal and the gradient perfectly level; combined with a gain it works for other
            activations too.
          </P>
        </Qa>
        <Qa id="faq-pretrained" q="Does any of this matter if I fine-tune a pretrained model?">
          <P>
            For the pretrained layers, no: their weights are already trained. For anything new you attach — a classification
            head, an adapter — yes, and a smaller-than-usual initialization for the head avoids large early gradients that
            disturb the pretrained features.
          </P>
        </Qa>
      </>
    ),
  },
  {
    id: 'misconceptions',
    title: 'Common misconceptions',
    body: (
      <>
        <Qa id="myth-learning-rate" q="“Any initialization works if you tune the learning rate.”">
          <P>
            A learning rate multiplies every layer’s update by the same number. If the gradient at layer 1 is{' '}
            <Fact id="xavierRelu12.gradientRatio" /> of the gradient at the output (Xavier with twelve ReLU layers), no single
            learning rate is right for both. Initialization decides the ratio between layers; the learning rate cannot.
          </P>
        </Qa>
        <Qa id="myth-small-is-safe" q="“Small random weights are the safe choice.”">
          <P>
            Small is not safe; it is vanishing. With <M t="\mathcal N(0, 0.01^2)" /> weights, twelve ReLU layers end at a std
            of <Fact id="smallRelu12.finalStd" />.
          </P>
          <TryIt config={CONFIGS.smallRelu12}>Small random weights.</TryIt>
        </Qa>
        <Qa id="myth-he-std-one" q="“With He initialization every layer’s output has std 1.”">
          <P>
            He keeps the pre-activation variance and the post-ReLU <em>RMS</em> constant. The post-ReLU std is a fixed
            fraction of the pre-activation std: <Fact id="heRelu12.finalStd" /> at layer 12 for an input of std 1. See{' '}
            <A href="/lessons/he-kaiming#what-stays-constant">what stays constant</A>.
          </P>
        </Qa>
        <Qa id="myth-xavier-one-n" q="“Xavier is 1/n, full stop.”">
          <P>
            Glorot’s rule is <M t="2/(n_{\text{in}} + n_{\text{out}})" />, which is <M t="1/n" /> only for square layers.
            PyTorch defaults Xavier to the average fan and He to fan_in.
          </P>
        </Qa>
        <Qa id="myth-batchnorm" q="“With BatchNorm, initialization no longer matters.”">
          <P>
            BatchNorm fixes the forward scale, not symmetry, not the effective learning rate of scale-invariant weights, and
            not the layers it does not normalize. Its own <M t="\gamma" /> is an initialization choice too — zero in the last
            norm of a residual branch is a deliberate one. See{' '}
            <A href="/lessons/normalization-and-residuals#what-norms-do-not">what normalization does not absorb</A>.
          </P>
        </Qa>
        <Qa id="myth-residual" q="“Skip connections solve vanishing and exploding by themselves.”">
          <P>
            They keep the gradient path open, but a plain residual stream still grows: twenty He-initialized ReLU blocks reach
            a ratio of <Fact id="residualPlain20.ratio" />. Branches must be scaled for the depth.
          </P>
        </Qa>
        <Qa id="myth-sigmoid-gain" q="“Sigmoid just needs the right gain.”">
          <P>
            Its slope is at most a quarter, and a larger weight scale pushes it into the flat tails. The gain that finally holds
            the gradient level, <Fact id="gain.sigmoidLevel" />, saturates <Fact id="sigmoid.saturatedAtLevel" /> of the
            units. Deep sigmoid stacks lose either the gradient or the forward signal; change the activation.
          </P>
        </Qa>
        <Qa id="myth-zero-bias" q="“Zero biases cause the same symmetry problem as zero weights.”">
          <P>
            No: random weights already make every unit different, and the bias gradients differ as a result. Only the
            weights need randomness.
          </P>
        </Qa>
      </>
    ),
  },
];
