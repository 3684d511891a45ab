/**
 * Lesson — "Does the initialization really matter once training starts?": the same deep ReLU
 * network trained from four initializations on the two spirals (lib/lessons/training.ts), then
 * with Adam instead of SGD. Every number is a <Fact> computed by the training engine when the page
 * is generated; the claims each sentence makes are checked by tests/lessons/facts.test.ts.
 */
import Link from 'next/link';
import type { LessonSection } from '../lesson-layout';
import { P, Callout, Ul, Li } from '../prose';
import { M, MathBlock } from '../math';
import { Fact } from '../fact';
import { TryIt } from '../try-it';
import { lessonTrainSpec } from '@/lib/lessons/training';
import { trainSpecToSearchParams } from '@/lib/validation/train-config-url';

const sgd = lessonTrainSpec('sgdDeep');
const adam = lessonTrainSpec('adamDeep');
const sgdHref = `/train?${trainSpecToSearchParams(sgd).toString()}`;
const adamHref = `/train?${trainSpecToSearchParams(adam).toString()}`;

function TrainLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="my-4">
      <Link
        href={href}
        className="inline-flex items-center gap-1 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500"
      >
        {children}
        <span aria-hidden="true"> →</span>
      </Link>
    </p>
  );
}

export const sections: LessonSection[] = [
  {
    id: 'the-experiment',
    title: 'One network, four starts',
    body: (
      <>
        <P>
          Every lesson so far looked at the network before it learned anything. A fair objection: training changes the weights
          at once, so why should their starting scale matter for long? This lesson answers with an experiment rather than an
          argument.
        </P>
        <P>
          The network is a stack of {sgd.network.layers} ReLU layers of {sgd.network.width} units with a softmax output, and the task is
          to tell apart two interleaved spirals in the plane. It is trained for {sgd.steps} steps of plain SGD with momentum,
          learning rate {String(sgd.learningRate)}, on batches of {sgd.batchSize} points. Four copies are trained: He normal, Xavier normal,
          all zeros and <M t="\mathcal{N}(0, 1)" />. They see the same points, in the same batches, in the same order. The only
          difference is the first value of the weights.
        </P>
        <P>
          A two-class classifier that knows nothing outputs one half for each class and pays a loss of
        </P>
        <MathBlock t="-\ln \tfrac{1}{2} = \ln 2," />
        <P>the loss of guessing. Learning means getting below it.</P>
        <TrainLink href={sgdHref}>Run this comparison yourself</TrainLink>
      </>
    ),
  },
  {
    id: 'what-happens',
    title: 'What happens',
    body: (
      <>
        <Ul>
          <Li>
            <strong>He normal</strong> starts at a loss of <Fact id="train.sgdHe.firstLoss" /> and ends at{' '}
            <Fact id="train.sgdHe.loss" />, classifying <Fact id="train.sgdHe.accuracy" /> of the training points.
          </Li>
          <Li>
            <strong>Xavier normal</strong> starts at <Fact id="train.sgdXavier.firstLoss" />, the loss of guessing, and after every step
            is still at <Fact id="train.sgdXavier.loss" />. It has barely started.
          </Li>
          <Li>
            <strong>Zero</strong> ends at <Fact id="train.sgdZero.loss" />: exactly guessing. Only the output bias can move, and it can
            learn nothing but how common each class is.
          </Li>
          <Li>
            <strong>
              <M t="\mathcal{N}(0, 1)" />
            </strong>{' '}
            weights do not end at all: the activations overflow and the loss is not a number at step <Fact id="train.sgdLarge.nanStep" />.
          </Li>
        </Ul>
        <P>
          So yes: for this deep network, the initialization decides whether plain SGD learns anything in the time given. The two
          failures at the ends (zeros, huge weights) fail for reasons you have met: symmetry that is never broken, and a signal
          that explodes. The interesting failure is Xavier, whose weights look perfectly reasonable.
        </P>
      </>
    ),
  },
  {
    id: 'why-xavier-stalls',
    title: 'Why Xavier stalls: the gradient never arrives',
    body: (
      <>
        <P>
          The gradient of a layer’s weights is the product of what comes in from below and what comes back from above:
        </P>
        <MathBlock t="\frac{\partial L}{\partial W_l} = \delta_l\, a_{l-1}^{\top}." />
        <P>
          With ReLU and Xavier, each layer roughly halves the signal’s second moment on the way up (the simulator shows the
          vanishing curve), and the error signal <M t="\delta" /> shrinks the same way on the way down. At step 1 the norm of the first
          layer’s weight gradient is <Fact id="train.sgdHe.grad1" /> with He and <Fact id="train.sgdXavier.grad1" /> with Xavier. With a
          fixed learning rate, steps that small move the weights by almost nothing, so the network stays where it started.
        </P>
        <TryIt config={{ scheme: 'xavier-normal', activation: 'relu', layers: 20, width: 64 }}>
          The same network at step zero: the signal the optimizer has to work with.
        </TryIt>
      </>
    ),
  },
  {
    id: 'the-optimizer',
    title: 'An optimizer can hide a poor start',
    body: (
      <>
        <P>
          Now train the same He and Xavier networks with Adam (learning rate {String(adam.learningRate)}) instead of SGD. Adam divides each
          weight’s step by a running estimate of that weight’s own gradient size, so a gradient that is far too small still
          produces a step of ordinary size.
        </P>
        <Ul>
          <Li>
            Xavier with Adam ends at a loss of <Fact id="train.adamXavier.loss" /> and classifies <Fact id="train.adamXavier.accuracy" /> of
            the training points.
          </Li>
          <Li>
            He with Adam ends at <Fact id="train.adamHe.loss" />.
          </Li>
        </Ul>
        <P>
          The initialization that failed under SGD now learns. That is worth knowing in both directions: an adaptive optimizer is
          forgiving, and the forgiveness can hide a poor initialization until something else changes — a deeper stack, a
          different optimizer, a smaller learning rate, a mixed-precision run in which the tiny gradients underflow to zero.
        </P>
        <TrainLink href={adamHref}>Run the Adam comparison</TrainLink>
        <Callout kind="warning" title="What no optimizer fixes">
          <p>
            Adam rescales step sizes; it cannot make identical units different. A zero-initialized network stays symmetric under
            any optimizer, and a network whose activations overflow on the first batch has no gradient to rescale.
          </p>
        </Callout>
      </>
    ),
  },
  {
    id: 'take-away',
    title: 'What to take away',
    body: (
      <Ul>
        <Li>The starting scale decides whether the first steps of training have any gradient to work with.</Li>
        <Li>Plain SGD shows a poor initialization plainly: a loss that stays at the loss of guessing.</Li>
        <Li>Adaptive optimizers can mask it; check the per-layer gradient norms at step 1 rather than trusting the loss alone.</Li>
        <Li>Symmetry (zeros) and overflow (huge weights) are failures no optimizer repairs.</Li>
      </Ul>
    ),
  },
];
