/**
 * Lesson 7 — a debugging checklist: log per-layer statistics, read the curve, fix the
 * initialization before touching the learning rate. The "read the slope" example recovers the
 * He std from a measured slope, with every number from the engine.
 */
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ol, Li, Pre, Ul } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { CONFIGS } from '@/lib/lessons/configs';
import { formatNumber } from '@/lib/format';

const HOOK_SNIPPET = `# PyTorch: log pre- and post-activation statistics of every layer on one batch
stats = []
def hook(name):
    def fn(module, inputs, output):
        x = output.detach().float()
        stats.append((name, x.mean().item(), x.std().item(), x.pow(2).mean().sqrt().item()))
    return fn

for name, m in model.named_modules():
    if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d, torch.nn.ReLU, torch.nn.GELU)):
        m.register_forward_hook(hook(name))

with torch.no_grad():
    model(batch)
for name, mean, std, rms in stats:
    print(f"{name:30s} mean={mean:+.3e} std={std:.3e} rms={rms:.3e}")`;

export const sections: LessonSection[] = [
  {
    id: 'the-checklist',
    title: 'The checklist',
    body: (
      <>
        <P>
          When a network refuses to train — the loss sits still, or turns into NaN after a few steps — work through these in
          order. Each step is cheap, and each one rules out a cause that would make the later steps misleading.
        </P>
        <Ol>
          <Li>
            <strong>Run one batch forwards at initialization and log every layer</strong>: mean, std and RMS of the
            pre-activations and of the post-activations. No training yet.
          </Li>
          <Li>
            <strong>Plot the std (or RMS) against depth on a log scale</strong> and read its shape (next section).
          </Li>
          <Li>
            <strong>Run one backward pass and log the gradient norm per layer.</strong> A forward curve that looks fine with a
            backward curve that does not points at the activation’s slope (tanh saturation, sigmoid).
          </Li>
          <Li>
            <strong>Check dead and saturated units</strong>: the fraction of ReLU units that are zero for the whole batch, and
            of tanh/sigmoid units stuck near their limits.
          </Li>
          <Li>
            <strong>Fix the initialization</strong> (scheme, gain, fan mode) until the curves are level, then re-check.
          </Li>
          <Li>
            <strong>Only now tune the learning rate.</strong> A learning rate cannot repair a gradient that is a million times
            smaller in layer 1 than in layer 20; it can only choose which layers to get wrong.
          </Li>
        </Ol>
        <Pre label="Python snippet: logging per-layer statistics with forward hooks">{HOOK_SNIPPET}</Pre>
      </>
    ),
  },
  {
    id: 'reading-the-curve',
    title: 'Reading the curve',
    body: (
      <>
        <Ul>
          <Li>
            <strong>A straight line going down</strong>: every layer multiplies by the same factor below one. The weights are
            too small for the activation (Xavier with ReLU, a fixed small std).
          </Li>
          <Li>
            <strong>A straight line going up</strong>: the same, too large (unit-variance weights, ReLU’s gain on a leaky
            ReLU with a big slope, He with SELU).
          </Li>
          <Li>
            <strong>A curve that bends and flattens</strong> at a low or high level: a saturating activation has found its
            own fixed point (tanh, sigmoid). Check the gradient curve, which often still slopes.
          </Li>
          <Li>
            <strong>A level curve with a step at layer 1</strong>: normal for ReLU (the post-ReLU std is a fixed fraction of
            the pre-activation std). Not a bug.
          </Li>
          <Li>
            <strong>Growth that is straight on a log scale but only in a residual network</strong>: branches not scaled for
            depth.
          </Li>
          <Li><strong>Exactly zero, or identical units</strong>: constant or zero initialization.</Li>
        </Ul>
      </>
    ),
  },
  {
    id: 'from-slope-to-fix',
    title: 'From the slope to the fix',
    body: (
      <>
        <P>
          A straight line on a log plot tells you more than “too small”: its slope is the per-layer factor <M t="r" />, and for
          a ReLU-like activation the std of the weights should be divided by it. An example with the engine: twelve ReLU layers
          of width 256, weights <M t="\mathcal N(0, 0.01^2)" />.
        </P>
        <P>
          The measured RMS falls by a factor of <Fact id="smallRelu12.perLayer" /> per layer. Dividing the weight std by it
          gives <Fact id="debug.impliedStd" />. He’s formula for this width is{' '}
          <M t={`\\sqrt{2/256} \\approx ${formatNumber(Math.sqrt(2 / 256))}`} />: the slope of a single diagnostic run
          recovers the right initialization.
        </P>
        <MathBlock t="\sigma_{\text{new}} = \frac{\sigma_{\text{old}}}{r}, \qquad r = \Big(\frac{\text{RMS}_L}{\text{RMS}_1}\Big)^{1/(L-1)}." />
        <TryIt config={CONFIGS.smallRelu12}>The failing network: read its slope.</TryIt>
        <TryIt config={CONFIGS.heRelu12}>After the fix.</TryIt>
        <Callout kind="warning" title="Do not fix a forward problem by rescaling the data">
          <p>
            Multiplying the input by a constant shifts the whole log-curve up or down without changing its slope. The deep
            layers are still multiplied by <M t="r^L" />, and the gradients still vanish.
          </p>
        </Callout>
      </>
    ),
  },
];
