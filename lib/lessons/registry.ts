/**
 * The lesson catalogue: order, slugs, titles, descriptions and learning goals. Pages, metadata,
 * previous/next links, the index and the tests all read this one list, so adding a lesson is one
 * entry here plus one content module in components/lessons/content.
 */

export interface LessonMeta {
  slug: string;
  title: string;
  /** One or two sentences: the index card, <meta name="description"> and Open Graph text. */
  description: string;
  /** What a reader can do after the lesson; shown at the top of the page. */
  goals: string[];
  /** Honest reading time, including the try-it detours. */
  minutes: number;
}

export const LESSONS: readonly LessonMeta[] = [
  {
    slug: 'why-initialization-matters',
    title: 'Why initialization matters',
    description:
      'A deep network multiplies the size of its signal once per layer. See why that product almost always vanishes or explodes unless the weights are scaled on purpose.',
    goals: [
      'Explain why the variance of the signal is multiplied, not added, as it passes through layers.',
      'Recognise a vanishing and an exploding signal on a per-layer plot.',
      'Say why a signal that vanishes forwards also starves the gradient backwards.',
    ],
    minutes: 10,
  },
  {
    slug: 'xavier-glorot',
    title: 'Deriving Xavier (Glorot) initialization',
    description:
      'From Var(z) = n·Var(W)·E[a²] to the Glorot rule: fan-in, fan-out, their average, and how to turn a variance into the bound of a uniform distribution.',
    goals: [
      'Derive the variance of a pre-activation from the variances of weights and inputs.',
      'Explain why the forward pass wants 1/fan_in, the backward pass 1/fan_out, and Glorot takes their average.',
      'Convert a target variance into a normal std or a uniform bound.',
    ],
    minutes: 12,
  },
  {
    slug: 'he-kaiming',
    title: 'Deriving He (Kaiming) initialization',
    description:
      'ReLU throws away half of the second moment; He initialization doubles the weight variance to pay it back. What stays constant, what does not, and the leaky ReLU gain.',
    goals: [
      'Show that ReLU halves the second moment of a symmetric input.',
      'Derive Var(W) = 2/n and the leaky ReLU gain.',
      'Tell apart the quantities He keeps constant (pre-activation variance, RMS) from one it does not (post-ReLU std).',
    ],
    minutes: 12,
  },
  {
    slug: 'zero-and-constant-init',
    title: 'Zero and constant initialization',
    description:
      'Why a layer whose weights all start equal can never learn more than one feature, and why zero biases are nevertheless fine.',
    goals: [
      'Explain the symmetry argument: identical units receive identical gradients forever.',
      'Say why zero biases do not cause the same problem once the weights are random.',
      'Spot the one place where zeros are useful on purpose.',
    ],
    minutes: 8,
  },
  {
    slug: 'activation-by-activation',
    title: 'Activation by activation',
    description:
      'tanh, sigmoid, GELU, Swish and SELU each bend the signal differently. Which gain each needs, which trade-offs are unavoidable, and which activation no gain can save.',
    goals: [
      'Describe the forward/backward trade-off for tanh and what the gain 5/3 does.',
      'Explain why sigmoid loses the gradient in deep stacks whatever the weight scale.',
      'Know where computed gains come from for GELU and Swish, and why SELU pairs with LeCun normal.',
    ],
    minutes: 15,
  },
  {
    slug: 'normalization-and-residuals',
    title: 'Normalization layers and residual networks',
    description:
      'What BatchNorm and LayerNorm absorb and what they leave to you, why plain residual sums grow with depth, and how depth-scaled init keeps them level.',
    goals: [
      'Say which effects of the weight scale a normalization layer cancels and which it does not.',
      'Compute how the variance of a plain residual stream grows with depth.',
      'Explain 1/√(2L) branch scaling and zero-initialising the last norm scale of a block.',
    ],
    minutes: 12,
  },
  {
    slug: 'initialization-in-training',
    title: 'Does the initialization really matter once training starts?',
    description:
      'The same deep network trained from four starts on the same data: which ones learn, why Xavier stalls under SGD, and how Adam can hide a poor initialization.',
    goals: [
      'Predict from the signal at step zero whether plain SGD will make progress.',
      'Explain why a vanishing forward signal means tiny weight gradients.',
      'Say what an adaptive optimizer can and cannot compensate for.',
    ],
    minutes: 10,
  },
  {
    slug: 'debugging-checklist',
    title: 'A debugging checklist',
    description:
      'When a network will not train: log per-layer statistics, read the curve, fix the initialization, and only then reach for the learning rate.',
    goals: [
      'Instrument a network to log per-layer pre- and post-activation statistics.',
      'Read a per-layer curve and name the failure it shows.',
      'Apply fixes in an order that does not hide the cause.',
    ],
    minutes: 8,
  },
  {
    slug: 'faq',
    title: 'FAQ and common misconceptions',
    description:
      'Short, precise answers to the questions students ask most about initialization, and the wrong ideas that cost the most time.',
    goals: [
      'Answer the common questions about fan modes, uniform vs normal, normalization and learning rates.',
      'Recognise and correct the most frequent misconceptions.',
    ],
    minutes: 10,
  },
];

export function getLesson(slug: string): LessonMeta | undefined {
  return LESSONS.find((l) => l.slug === slug);
}

/** Previous and next lessons in reading order, for the links at the foot of each page. */
export function getNeighbours(slug: string): { previous?: LessonMeta; next?: LessonMeta } {
  const i = LESSONS.findIndex((l) => l.slug === slug);
  if (i < 0) return {};
  return { previous: LESSONS[i - 1], next: LESSONS[i + 1] };
}

export function lessonHref(slug: string): string {
  return `/lessons/${slug}`;
}

export const TEACHER_GUIDE_HREF = '/lessons/teacher-guide';
