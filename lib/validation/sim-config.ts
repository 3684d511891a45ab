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

/** `none`: plain stack. `plain`: a_l = a_{l-1} + phi(z_l). `scaled`: branch times 1/sqrt(L). */
export const RESIDUALS = ['none', 'plain', 'scaled'] as const;
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
   * Upper bound on the sum over layers of fan_in * fan_out * samples (the multiply-adds of one
   * pass with materialized weights). 4.5e9 admits the bench's top rung (50 x 1024 x 1024 x 64).
   */
  work: 4.5e9,
} as const;

const int = (name: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be between ${min} and ${max}` })
    .max(max, { error: `${name} must be between ${min} and ${max}` });

const num = (name: string, { min, max }: { min: number; max: number }) =>
  z
    .number({ error: `${name} must be a number` })
    .refine(Number.isFinite, { error: `${name} must be a finite number` })
    .refine((v) => v >= min && v <= max, { error: `${name} must be between ${min} and ${max}` });

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
    widths: z.array(int('Each layer width', LIMITS.width)).optional(),
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
    if (c.widths && c.widths.length !== c.layers) {
      ctx.addIssue({
        code: 'custom',
        path: ['widths'],
        message: `Per-layer widths must list exactly ${c.layers} values (one per layer), got ${c.widths.length}`,
      });
      return;
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
