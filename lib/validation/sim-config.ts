/**
 * The simulation config: one zod schema shared by the simulator form, the URL codec, server
 * actions (grading re-runs the engine from this) and the command line. Every bound here exists
 * so that no single request can hog the server; `MAX_WORK` caps the product of the sizes.
 */
import { z } from 'zod';

export const SCHEMES = [
  'xavier-normal',
  'xavier-uniform',
  'he-normal',
  'he-uniform',
  'lecun-normal',
  'lecun-uniform',
  'orthogonal',
  'truncated-normal-xavier',
  'truncated-normal-he',
  'zero',
  'small-random',
  'large-random',
  'custom',
] as const;
export type Scheme = (typeof SCHEMES)[number];

export const ACTIVATIONS = ['linear', 'relu', 'leaky-relu', 'tanh', 'sigmoid', 'gelu', 'selu', 'swish'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** `auto` means the scheme's own PyTorch default (Xavier: fan_avg; He and LeCun: fan_in). */
export const FAN_MODES = ['auto', 'fan_in', 'fan_out', 'fan_avg'] as const;
export type FanMode = (typeof FAN_MODES)[number];

/**
 * `none`: plain stack. `plain`: a_l = a_{l-1} + phi(z_l). `scaled`: branch times 1/sqrt(L).
 * `scaled-2l`: branch times 1/sqrt(2L) (GPT-2's scaling of residual projections).
 * `zero-init`: each branch ends in a per-unit gain initialized to 0 (ResNet's zero-gamma trick,
 * Fixup's zero-initialized last layer), so at initialization every block is the identity; the
 * training engine learns the gain.
 */
export const RESIDUALS = ['none', 'plain', 'scaled', 'scaled-2l', 'zero-init'] as const;
export type Residual = (typeof RESIDUALS)[number];

/** Applied to the pre-activation, before phi (Linear -> Norm -> phi), without learned scale. */
export const NORMALIZATIONS = ['none', 'layernorm', 'batchnorm'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export const LIMITS = {
  layers: { min: 1, max: 200 },
  width: { min: 1, max: 2048 },
  samples: { min: 2, max: 1024 },
  inputStd: { min: 1e-6, max: 1e3 },
  customStd: { min: 0, max: 100 },
  gain: { min: 1e-3, max: 100 },
  activationParam: { min: 0, max: 1 },
  biasStd: { min: 0, max: 10 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  /**
   * Fewest values a normalization group may have (LayerNorm: a layer's units; BatchNorm: the
   * samples). LayerNorm over 1 unit outputs exactly 0; over 2 values every normalized pair is
   * exactly (+1, -1) and the backward Jacobian removes both directions, so the statistics are an
   * artefact of the tiny group, not of the initialization, and the Gaussian theory says otherwise.
   */
  normGroup: 4,
  /**
   * Upper bound on the sum over layers of fan_in * fan_out * samples (the multiply-adds of one
   * pass with materialized weights). 4.5e9 admits the bench's top rung (50 x 1024 x 1024 x 64).
   */
  work: 4.5e9,
} as const;

// One message per field whatever went wrong (not a number, not whole, out of range), naming the
// range: the CLI prints it after the flag, the form beside the field, the URL notice in a list.
const int = (name: string, { min, max }: { min: number; max: number }) => {
  const error = `${name} must be a whole number between ${min} and ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const num = (name: string, { min, max }: { min: number; max: number }) => {
  const error = `${name} must be a number between ${min} and ${max}`;
  return z
    .number({ error })
    .refine(Number.isFinite, { error })
    .refine((v) => v >= min && v <= max, { error });
};

/**
 * Numbers typed by a person or read from a URL or the command line: plain decimal only. Integer
 * fields take digits (an optional minus sign, so "-3" gets the range message); other fields also
 * take a fraction and an exponent. Anything else (hex "0x10", binary "0b11", padding " 12 ",
 * "Infinity", "NaN", "", "1_000") reads as NaN, which the schema refuses with the field's range:
 * JavaScript's Number() would quietly accept most of those.
 */
export function integerFromText(text: string): number {
  return /^-?[0-9]{1,400}$/.test(text) ? Number(text) : Number.NaN;
}

export function decimalFromText(text: string): number {
  return /^[-+]?([0-9]{1,400}(\.[0-9]{0,400})?|\.[0-9]{1,400})([eE][-+]?[0-9]{1,5})?$/.test(text) ? Number(text) : Number.NaN;
}

/** Config fields that hold whole numbers (read with integerFromText). */
export const INTEGER_FIELDS = ['layers', 'width', 'samples', 'seed'] as const;

/** Gain: the scheme's PyTorch default, calculate_gain(activation), or an explicit number. */
export const gainSchema = z.union([z.literal('default'), z.literal('activation'), num('Gain', LIMITS.gain)], {
  error: `Gain must be "default", "activation" or a number between ${LIMITS.gain.min} and ${LIMITS.gain.max}`,
});
export type Gain = z.infer<typeof gainSchema>;

export const simConfigSchema = z
  .object({
    scheme: z.enum(SCHEMES, { error: `Scheme must be one of: ${SCHEMES.join(', ')}` }),
    fanMode: z.enum(FAN_MODES, { error: `Fan mode must be one of: ${FAN_MODES.join(', ')}` }).default('auto'),
    gain: gainSchema.default('default'),
    /** Std of N(0, customStd^2) weights; used only by the `custom` scheme. */
    customStd: num('Custom std', LIMITS.customStd).default(0.05),
    activation: z.enum(ACTIVATIONS, { error: `Activation must be one of: ${ACTIVATIONS.join(', ')}` }),
    /** Negative slope of leaky ReLU (ignored by the other activations). */
    activationParam: num('Activation parameter', LIMITS.activationParam).default(0.01),
    layers: int('Layers', LIMITS.layers),
    /** Input width n, and every layer's width unless `widths` is given. */
    width: int('Width', LIMITS.width),
    /** Optional output width of each layer (length = layers); the input has `width` units. */
    widths: z
      .array(int('Each layer width', LIMITS.width))
      .max(LIMITS.layers.max, { error: `Per-layer widths can list at most ${LIMITS.layers.max} values` })
      .optional(),
    inputStd: num('Input std', LIMITS.inputStd).default(1),
    samples: int('Samples', LIMITS.samples).default(64),
    seed: int('Seed', LIMITS.seed).default(1),
    /** Biases drawn from N(0, biasStd^2); 0 means no bias (the default). */
    biasStd: num('Bias std', LIMITS.biasStd).default(0),
    residual: z.enum(RESIDUALS, { error: `Residual must be one of: ${RESIDUALS.join(', ')}` }).default('none'),
    normalization: z
      .enum(NORMALIZATIONS, { error: `Normalization must be one of: ${NORMALIZATIONS.join(', ')}` })
      .default('none'),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Zod runs this refinement even when a field failed, so nothing below may trust a size it
    // has not checked: a layer count of 1e9 would otherwise allocate a per-layer array first.
    if (!sizesInRange(c)) return;
    if (c.widths && c.widths.length !== c.layers) {
      ctx.addIssue({
        code: 'custom',
        path: ['widths'],
        message: `Per-layer widths must list exactly ${c.layers} values (one per layer), got ${c.widths.length}`,
      });
      return;
    }
    if (c.normalization === 'batchnorm' && c.samples < LIMITS.normGroup) {
      ctx.addIssue({
        code: 'custom',
        path: ['samples'],
        message: `BatchNorm needs at least ${LIMITS.normGroup} samples: it normalizes each unit over the batch, and with fewer values the result is fixed by the batch size (2 samples always give +1 and -1), not by the initialization`,
      });
    }
    if (c.normalization === 'layernorm' && Math.min(c.width, ...layerWidths(c)) < LIMITS.normGroup) {
      ctx.addIssue({
        code: 'custom',
        path: [c.widths ? 'widths' : 'width'],
        message: `LayerNorm needs layers of at least ${LIMITS.normGroup} units: it normalizes each sample over a layer's units, and with fewer the result is fixed by the width (1 unit always gives 0), not by the initialization`,
      });
    }
    const work = estimateWork(c);
    if (work > LIMITS.work) {
      ctx.addIssue({
        code: 'custom',
        path: ['layers'],
        message: `This network is too large to simulate: layers x width x width x samples must stay below ${LIMITS.work.toExponential(2)} (got ${work.toExponential(2)})`,
      });
    }
  });

const inRange = (v: unknown, { min, max }: { min: number; max: number }) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/** Whether every size that per-layer work is computed from is a valid whole number in range. */
function sizesInRange(c: { layers: unknown; width: unknown; samples: unknown; widths?: unknown }): boolean {
  if (!inRange(c.layers, LIMITS.layers) || !inRange(c.width, LIMITS.width) || !inRange(c.samples, LIMITS.samples)) return false;
  if (c.widths === undefined) return true;
  return Array.isArray(c.widths) && c.widths.length <= LIMITS.layers.max && c.widths.every((w) => inRange(w, LIMITS.width));
}

/** A config as written by a person or a URL: every defaulted field may be left out. */
export type SimConfigInput = z.input<typeof simConfigSchema>;
/** A normalized config: every field present. This is what the engine runs and stores. */
export type SimConfig = z.output<typeof simConfigSchema>;

/** Output widths of every layer, in order. */
export function layerWidths(c: Pick<SimConfig, 'layers' | 'width' | 'widths'>): number[] {
  return c.widths ?? Array.from({ length: c.layers }, () => c.width);
}

/** Multiply-adds of one forward pass with materialized weights. */
export function estimateWork(c: Pick<SimConfig, 'layers' | 'width' | 'widths' | 'samples'>): number {
  let fanIn = c.width;
  let total = 0;
  for (const out of layerWidths(c)) {
    total += fanIn * out * c.samples;
    fanIn = out;
  }
  return total;
}

export const DEFAULT_CONFIG: SimConfig = simConfigSchema.parse({
  scheme: 'he-normal',
  activation: 'relu',
  layers: 12,
  width: 256,
});

export type ParseResult =
  | { ok: true; config: SimConfig }
  | { ok: false; errors: Partial<Record<keyof SimConfig | '_', string>> };

/** Validates an untrusted config; on failure returns one message per field. */
export function parseSimConfig(input: unknown): ParseResult {
  const r = simConfigSchema.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  const errors: Partial<Record<keyof SimConfig | '_', string>> = {};
  for (const issue of r.error.issues) {
    const key = (issue.path[0] as keyof SimConfig | undefined) ?? '_';
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
