/**
 * Lesson 1 — why initialization matters: the signal's second moment is multiplied once per
 * layer, so anything but a factor of one compounds into vanishing or exploding. All numbers are
 * engine facts (<Fact/>), tables or computed constants; see lib/lessons/facts.ts.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li, Figure } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { WorkedExample } from '../worked-example';
import { LayerProfile } from '../layer-profile';
import { CONFIGS } from '@/lib/lessons/configs';

/** A chain of layers, each multiplying the signal's variance by the same factor c. */
function ChainDiagram() {
  const boxes = [0, 1, 2, 3];
  return (
    <svg viewBox="0 0 520 110" className="h-auto w-full text-slate-700 dark:text-slate-300" role="img" aria-label="Four layers in a row. The variance entering is q zero; after each layer it is multiplied by c, giving c q zero, c squared q zero, up to c to the fourth q zero.">
      {boxes.map((i) => (
        <g key={i}>
          <rect x={30 + i * 120} y={30} width={70} height={46} rx={8} fill="none" stroke="currentColor" strokeWidth={2} />
          <text x={65 + i * 120} y={58} textAnchor="middle" fontSize="14" fill="currentColor">layer {i + 1}</text>
          <text x={115 + i * 120} y={22} textAnchor="middle" fontSize="13" fill="currentColor">×c</text>
          <line x1={100 + i * 120} x2={146 + i * 120} y1={53} y2={53} stroke="currentColor" strokeWidth={2} markerEnd="url(#arrow)" />
        </g>
      ))}
      <text x={6} y={98} fontSize="13" fill="currentColor">q₀</text>
      {boxes.map((i) => (
        <text key={i} x={123 + i * 120} y={98} textAnchor="middle" fontSize="13" fill="currentColor">
          {['c q₀', 'c² q₀', 'c³ q₀', 'c⁴ q₀'][i]}
        </text>
      ))}
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
        </marker>
      </defs>
    </svg>
  );
}

export const sections: LessonSection[] = [
  {
    id: 'a-product-not-a-sum',
    title: 'A product, not a sum',
    body: (
      <>
        <P>
          Picture a plain fully-connected network. Layer <M t="l" /> takes the previous activations <M t="a_{l-1}" />,
          forms the pre-activations <M t="z_l = W_l\,a_{l-1}" />, and applies a non-linearity: <M t="a_l = \phi(z_l)" />.
          Before training, the weights are random numbers. The question of this course is: how large should they be?
        </P>
        <P>
          Look at one unit. Its pre-activation is a sum of <M t="n" /> terms, one per input:
        </P>
        <MathBlock t="z = \sum_{i=1}^{n} w_i\, a_i ." />
        <P>
          If the weights are independent, centred, and independent of the inputs, the terms are uncorrelated and their
          variances add. Each term contributes <M t="\operatorname{Var}(w)\,\mathbb{E}[a^2]" />, so
        </P>
        <MathBlock t="\operatorname{Var}(z) = n\,\operatorname{Var}(W)\,\mathbb{E}[a^2]." />
        <P>
          The size of the output is the size of the input <em>times</em> a factor set by the width, the weight variance and
          the activation. The next layer multiplies again. After <M t="L" /> layers with the same factor <M t="c" />, the
          second moment is <M t="c^{L}" /> times what it was.
        </P>
        <Figure caption="Each layer multiplies the variance by the same factor c, so depth turns c into c to the power L.">
          <ChainDiagram />
        </Figure>
        <P>
          Powers are unforgiving. Suppose the weights are only a tenth too small in standard deviation, so{' '}
          <M t="c = (9/10)^2" /> in a linear network. One layer hardly notices. Fifty layers shrink the std to a small
          fraction of the input: the engine measures a final/input ratio of <Fact id="linearShrink50.ratio" />. Make the
          weights a tenth too large and the same fifty layers give <Fact id="linearGrow50.ratio" />. With the exact
          factor the ratio is <Fact id="linearXavier50.ratio" />.
        </P>
        <TryIt config={CONFIGS.linearShrink50}>A linear stack whose weights are a tenth too small.</TryIt>
        <Callout kind="key" title="The whole course in one line">
          <p>
            Choose <M t="\operatorname{Var}(W)" /> so that the per-layer factor is one. Everything else — Xavier, He,
            LeCun, gains, fan modes — is working out what “one” requires for a given activation and architecture.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'four-relu-networks',
    title: 'Four ReLU networks',
    body: (
      <>
        <P>
          Take twelve ReLU layers of width 256 and an input with std 1, and change only the weight scale. The plot shows
          the RMS of each layer’s output on a logarithmic axis, where a constant per-layer factor draws a straight line.
        </P>
        <LayerProfile
          title="Post-activation RMS per layer for four initializations of a 12-layer ReLU network"
          quantity="postRms"
          series={[
            { label: 'N(0, 1) weights', config: CONFIGS.largeRelu12 },
            { label: 'He normal', config: CONFIGS.heRelu12 },
            { label: 'Xavier normal', config: CONFIGS.xavierRelu12 },
            { label: 'N(0, 0.01²) weights', config: CONFIGS.smallRelu12 },
          ]}
        />
        <Ul>
          <Li>
            <strong>Tiny weights</strong>, <M t="\mathcal{N}(0, 0.01^2)" />: the final std is <Fact id="smallRelu12.finalStd" />.
            Nothing recognisable of the input survives.
          </Li>
          <Li>
            <strong>Unit weights</strong>, <M t="\mathcal{N}(0, 1)" />: the final std is <Fact id="largeRelu12.finalStd" />.
            In half precision this would already be infinity.
          </Li>
          <Li>
            <strong>Xavier</strong>, <M t="\operatorname{Var}(W) = 1/n" />: the decline is gentler but steady. The final std
            is <Fact id="xavierRelu12.finalStd" />, about <Fact id="xavierRelu12.ratio" /> of the input.
          </Li>
          <Li>
            <strong>He</strong>, <M t="\operatorname{Var}(W) = 2/n" />: the line is flat and the final std is{' '}
            <Fact id="heRelu12.finalStd" />.
          </Li>
        </Ul>
        <TryIt config={CONFIGS.xavierRelu12}>Xavier with ReLU: watch the straight line going down.</TryIt>
        <TryIt config={CONFIGS.heRelu12}>He with ReLU: the same network, level.</TryIt>
      </>
    ),
  },
  {
    id: 'reading-the-slope',
    title: 'Reading the slope',
    body: (
      <>
        <P>
          Why does Xavier lose so steadily with ReLU? With <M t="\operatorname{Var}(W)=1/n" /> the linear step keeps the second
          moment, <M t="n \cdot \tfrac{1}{n} \cdot \mathbb{E}[a^2] = \mathbb{E}[a^2]" />, but ReLU then zeroes the negative half
          of a symmetric input and keeps exactly half of its second moment. So the factor is <M t="c = 1/2" /> for the second
          moment and <M t="\sqrt{1/2}" /> for the RMS.
        </P>
        <P>
          The engine agrees: averaged over the layers, each one multiplies the RMS by <Fact id="xavierRelu12.perLayer" />.
          The table shows where that leads as the network gets deeper, next to He.
        </P>
        <WorkedExample id="xavier-vs-he-depth" />
        <P>
          The Xavier column shrinks by a constant factor for every extra layer; the He column does not move with depth.
          Neither column is a rule of thumb: both are what the theory predicts, measured.
        </P>
      </>
    ),
  },
  {
    id: 'the-backward-pass',
    title: 'The gradient has the same problem',
    body: (
      <>
        <P>
          Training needs gradients at every layer. Back-propagation sends the error signal backwards through the transposed
          weights and the activation’s slope:
        </P>
        <MathBlock t="\delta_{l-1} = W_l^{\top}\big(\phi'(z_l)\odot \delta_l\big), \qquad \mathbb{E}[\delta_{l-1}^2] = n_{\text{out}}\,\operatorname{Var}(W)\,\mathbb{E}[\phi'(z)^2]\,\mathbb{E}[\delta_l^2]." />
        <P>
          Again a product of per-layer factors. For ReLU, <M t="\phi'" /> is 1 on half of the inputs and 0 on the other
          half, so <M t="\mathbb{E}[\phi'^2] = 1/2" /> — the same halving as forwards. Under Xavier the gradient reaching
          layer 1 is <Fact id="xavierRelu12.gradientRatio" /> of its size at the output; under He it is{' '}
          <Fact id="heRelu12.gradientRatio" />.
        </P>
        <LayerProfile
          title="Gradient RMS per layer (backwards from a unit-variance output gradient), 12-layer ReLU network"
          quantity="gradientNorm"
          series={[
            { label: 'He normal', config: CONFIGS.heRelu12 },
            { label: 'Xavier normal', config: CONFIGS.xavierRelu12 },
          ]}
        />
        <P>
          A layer whose gradient is tiny barely moves when you train. Raising the learning rate does not help: it scales
          every layer’s step by the same number, so the layers near the output overshoot long before the early ones wake up.
        </P>
      </>
    ),
  },
  {
    id: 'what-to-aim-for',
    title: 'What a good initialization aims for',
    body: (
      <>
        <P>A good scheme makes the per-layer factor one for the quantities that matter:</P>
        <Ul>
          <Li>the second moment of the pre-activations going forwards, so every layer sees inputs of a sensible size;</Li>
          <Li>the second moment of the gradient going backwards, so every layer learns at a comparable rate;</Li>
          <Li>
            and, quietly, the <em>shape</em> of the distribution, so that units are neither saturated (tanh, sigmoid) nor all
            switched off (ReLU).
          </Li>
        </Ul>
        <P>
          The next two lessons derive the two famous answers. Xavier balances the forward and backward factors for an
          activation that behaves like the identity near zero; He repays ReLU’s halving.
        </P>
      </>
    ),
  },
];
