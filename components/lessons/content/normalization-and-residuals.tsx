/**
 * Lesson 6 — normalization layers and residual networks: what BatchNorm/LayerNorm absorb and
 * what they do not; why plain residual streams grow; depth-scaled branches and zero-init of the
 * last norm scale.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li, H3 } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { WorkedExample } from '../worked-example';
import { CONFIGS } from '@/lib/lessons/configs';
import { formatNumber } from '@/lib/format';
import { EULER_E } from '@/lib/lessons/constants';

export const sections: LessonSection[] = [
  {
    id: 'what-norms-do',
    title: 'What a normalization layer does',
    body: (
      <>
        <P>
          BatchNorm and LayerNorm both take a vector of pre-activations, subtract a mean and divide by a standard deviation,
          then apply a learned scale <M t="\gamma" /> and shift <M t="\beta" />:
        </P>
        <MathBlock t="\hat z = \gamma\,\frac{z - \mu}{\sqrt{\sigma^2 + \varepsilon}} + \beta." />
        <P>
          BatchNorm takes <M t="\mu, \sigma" /> per unit across the samples of a batch; LayerNorm takes them per sample across
          the units of a layer. Either way, the output’s scale no longer depends on the scale of <M t="W" />: multiply the
          weights by any constant and <M t="\hat z" /> is unchanged.
        </P>
        <P>
          So the forward-signal problem of the earlier lessons disappears. Twelve ReLU layers with{' '}
          <M t="\mathcal N(0, 0.01^2)" /> weights end at a ratio of <Fact id="smallRelu12.ratio" /> on their own, and at{' '}
          <Fact id="smallReluBatchNorm12.ratio" /> with BatchNorm before every ReLU. With LayerNorm, even{' '}
          <M t="\mathcal N(0, 1)" /> weights give <Fact id="largeReluLayerNorm12.ratio" />.
        </P>
        <TryIt config={CONFIGS.smallReluBatchNorm12}>Tiny weights rescued by BatchNorm.</TryIt>
      </>
    ),
  },
  {
    id: 'what-norms-do-not',
    title: 'What normalization does not absorb',
    body: (
      <>
        <Ul>
          <Li>
            <strong>Symmetry.</strong> Normalizing identical units yields identical units. With zero weights and BatchNorm the
            engine still reports unbroken symmetry (final std <Fact id="zeroReluBatchNorm12.finalStd" />).
          </Li>
          <Li>
            <strong>The effective learning rate.</strong> Because the output ignores the scale of <M t="W" />, the gradient
            with respect to <M t="W" /> scales like <M t="1/\lVert W\rVert" />, and the relative change per step like{' '}
            <M t="1/\lVert W\rVert^2" />. Weights initialized ten times too large learn a hundred times more slowly at the
            same learning rate. The simulator shows one forward pass, not training, so this effect does not appear in its
            curves; it is real all the same.
          </Li>
          <Li>
            <strong>What happens outside the normalized path.</strong> Layers without a norm after them (the last layer, the
            embedding, the residual stream itself) still follow the variance algebra of the earlier lessons.
          </Li>
          <Li>
            <strong>Small batches.</strong> BatchNorm’s statistics are estimated from the batch; with a handful of samples
            they are noisy, and at inference they are replaced by running averages. LayerNorm does not depend on the batch,
            one reason transformers use it.
          </Li>
        </Ul>
        <P>
          In short: normalization makes the forward scale forgiving, not irrelevant. A sensible initialization is still the
          baseline everyone starts from.
        </P>
      </>
    ),
  },
  {
    id: 'residual-growth',
    title: 'Residual streams grow',
    body: (
      <>
        <P>A residual block adds its branch to the running signal (the “stream”):</P>
        <MathBlock t="a_l = a_{l-1} + f_l(a_{l-1})." />
        <P>
          If the branch output is roughly uncorrelated with the stream and has the stream’s own second moment — which is
          exactly what a well-initialized branch produces — the second moments add:
        </P>
        <MathBlock t="\mathbb{E}[a_l^2] \approx \mathbb{E}[a_{l-1}^2] + \mathbb{E}[f_l^2] \approx 2\,\mathbb{E}[a_{l-1}^2] \quad\Longrightarrow\quad \mathbb{E}[a_L^2] \approx 2^{L}\,\mathbb{E}[a_0^2]." />
        <P>
          The skip connection keeps gradients flowing, but on its own it does not keep the scale level. Twenty ReLU blocks,
          each branch He-initialized, give a final/input ratio of <Fact id="residualPlain20.ratio" />.
        </P>
        <TryIt config={CONFIGS.residualPlain20}>A plain residual stack: every branch is He, yet the stream grows.</TryIt>
      </>
    ),
  },
  {
    id: 'depth-scaled-init',
    title: 'Depth-scaled initialization',
    body: (
      <>
        <P>
          The fix is to make each branch small relative to the stream, by an amount that depends on the total depth. If every
          branch is scaled by <M t="1/\sqrt{L}" />, each block adds <M t="1/L" /> of the stream’s second moment:
        </P>
        <MathBlock t={`\\mathbb{E}[a_L^2] \\approx \\Big(1 + \\frac{1}{L}\\Big)^{L}\\mathbb{E}[a_0^2] \\;<\\; e\\,\\mathbb{E}[a_0^2], \\qquad e \\approx ${formatNumber(EULER_E)}.`} />
        <P>
          If the branches were centred and uncorrelated with the stream, that would be the whole story: growth bounded by a
          constant, whatever the depth. The simulator’s “scaled” option multiplies each branch by <M t="1/\sqrt{L}" />; twenty
          blocks give <Fact id="residualScaled20.ratio" />, against <Fact id="residualPlain20.ratio" /> unscaled.
        </P>
        <WorkedExample id="residual-depth" />
        <P>
          The scaled column is tame but still creeps up with depth. The reason is the assumption we just made. In the
          simulator each branch is a ReLU output, whose mean is positive, and the stream collects those means, so branch and
          stream are positively correlated. Each block then adds a cross term <M t="2\,\mathbb{E}[a]\,\mathbb{E}[f]" />,
          of order <M t="1/\sqrt{L}" /> like the branch itself. <M t="L" /> such terms point the same way, so they add up to
          order <M t="\sqrt{L}" /> in the exponent instead of cancelling: slow growth, but growth.
        </P>
        <P>
          Real residual blocks avoid this by ending each branch with a linear layer. Zero-mean weights give a centred branch
          output, the cross term vanishes on average, and the <M t="e" /> bound applies.
        </P>
        <H3 id="in-practice">How real architectures do it</H3>
        <Ul>
          <Li>
            <strong>GPT-2 style transformers</strong> scale the weights of each residual branch’s output projection by{' '}
            <M t="1/\sqrt{2L}" />, where <M t="L" /> counts blocks and the 2 counts the two branches (attention and MLP) per
            block: the same idea with <M t="2L" /> branches, each ending in a linear projection. The simulator’s “1/√(2L)”
            option gives the twenty blocks above a final/input std of <Fact id="residualScaled2L20.ratio" />.
          </Li>
          <Li>
            <strong>Zero-initialized last norm scale</strong> (Goyal et al., 2017, for ResNets): set <M t="\gamma = 0" /> in
            the last BatchNorm of each residual branch. Every block then starts as the identity, the stream is exactly the
            input at initialization, and each branch grows in only as fast as training asks. This is the limit of branch
            scaling: a scale of zero, which is safe here because the symmetry is broken by the random weights inside the
            branch (the previous lesson’s rule). The simulator’s “γ = 0” option shows the identity: after twenty blocks the
            std is <Fact id="residualZero20.finalStd" />, exactly the sampled input’s; the training page trains that gain.
          </Li>
          <Li>
            <strong>Fixup and similar schemes</strong> rescale branch weights by a power of the depth to train deep residual
            networks with no normalization at all.
          </Li>
        </Ul>
        <TryIt config={CONFIGS.residualScaled20}>Residual branches scaled by 1/√L.</TryIt>
        <TryIt config={CONFIGS.residualZero20}>Residual branches whose gain starts at zero: every block is the identity.</TryIt>
        <Callout title="Where the simulator’s model stops">
          <p>
            Its residual option adds the activation of one fully-connected layer to the stream, and its norms have no learned
            scale. Real blocks have two or more layers per branch and learned <M t="\gamma" />. The variance algebra is the
            same, which is what the simulator is for.
          </p>
        </Callout>
      </>
    ),
  },
];
